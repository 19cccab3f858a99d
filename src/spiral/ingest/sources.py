"""Where input comes from: files, directories and globs, plain or gzipped, with size caps.

Folders are walked without leaving them: a symlink whose target lies outside the folder (or
the fixed part of a glob) is refused unless `follow_symlinks`, and every file not read (a
dangling or looping link, an unreadable folder, another file type) is reported, never dropped
in silence. Sizes are counted while streaming and decompressing, so a small .gz that expands
to gigabytes is refused after reading the cap, not after holding it all.
"""

from __future__ import annotations

import glob
import gzip
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from spiral.errors import InputError
from spiral.records import Quarantined, Skipped

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".xml": "feed", ".rss": "feed", ".atom": "feed"}
CHUNK_BYTES = 2**20
BOM = b"\xef\xbb\xbf"


def kind_of(path: Path) -> str | None:
    """The reader for a file by its suffix (under a .gz), or None to skip it.

    >>> kind_of(Path("a.jsonl.gz")), kind_of(Path("a.json"))
    ('jsonl', None)
    """
    suffixes = path.suffixes
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIXES.get(suffixes[-1].lower()) if suffixes else None


def expand(source: str | Path, *, follow_symlinks: bool = False,
           quarantine: Callable[[Quarantined], None],
           skip: Callable[[Skipped], None]) -> list[Path]:
    """The readable files a source names, sorted: a file, a directory (recursively) or a glob.

    A file named directly is read even when it is a symlink: the user chose it. Inputs that
    cannot be read go to `quarantine` with the reason; files of other types go to `skip`.

    Raises
    ------
    InputError
        Nothing exists at `source` or the glob matches no readable file.
    """
    path = Path(source)
    if path.is_file():
        if kind_of(path) is None:
            raise InputError(f"{path}: unknown file type; spiral reads {', '.join(SUFFIXES)} "
                             "(optionally .gz)")
        return [path]
    if path.is_dir():
        files = _walk(path, follow_symlinks=follow_symlinks, quarantine=quarantine, skip=skip)
    elif glob.has_magic(str(source)):
        files = _matches(str(source), follow_symlinks=follow_symlinks, quarantine=quarantine,
                         skip=skip)
    elif path.is_symlink():
        raise InputError(f"{source}: a symlink to {os.readlink(path)}, which does not exist or "
                         "cannot be read; fix the link or name the file itself")
    else:
        raise InputError(f"{source}: no such file or directory; check the path")
    if not files:
        raise InputError(f"{source}: no readable articles ({', '.join(SUFFIXES)}, optionally .gz)")
    return files


def _walk(root: Path, *, follow_symlinks: bool, quarantine: Callable[[Quarantined], None],
          skip: Callable[[Skipped], None]) -> list[Path]:
    real_root = root.resolve()
    visited = {real_root}
    files: list[Path] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            quarantine(Quarantined(str(folder), f"cannot list the folder ({error.strerror}); "
                                                "fix its permissions or leave it out"))
            continue
        names = {entry.name for entry in entries}
        for entry in entries:
            path = Path(entry.path)
            target = _admitted(path, real_root, follow_symlinks, quarantine)
            if target is None:
                continue
            if target.is_dir():
                if target in visited:
                    skip(Skipped(str(path), f"links to {target}, a folder already read"))
                else:
                    visited.add(target)
                    folders.append(path)
            elif _sorted_out(path, target, names, skip):
                continue
            else:
                files.append(path)
    return sorted(files)


def _matches(pattern: str, *, follow_symlinks: bool, quarantine: Callable[[Quarantined], None],
             skip: Callable[[Skipped], None]) -> list[Path]:
    fixed = Path(pattern)
    while glob.has_magic(str(fixed)):
        fixed = fixed.parent
    real_root = fixed.resolve()
    files = []
    for match in sorted(Path(p) for p in glob.glob(pattern, recursive=True)):
        target = _admitted(match, real_root, follow_symlinks, quarantine)
        if target is None or target.is_dir():
            continue
        names = {p.name for p in match.parent.iterdir()}
        if not _sorted_out(match, target, names, skip):
            files.append(match)
    return files


def _admitted(path: Path, real_root: Path, follow_symlinks: bool,
              quarantine: Callable[[Quarantined], None]) -> Path | None:
    """Where `path` really is, or None (quarantined) for a link that may not or cannot be read."""
    if not path.is_symlink():
        return path.resolve()
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        quarantine(Quarantined(str(path), f"a dangling symlink to {os.readlink(path)}; fix or "
                                          "remove the link"))
        return None
    except (RuntimeError, OSError) as error:  # RuntimeError: a loop, before Python 3.13
        quarantine(Quarantined(str(path), f"a symlink that cannot be followed ({error}); fix or "
                                          "remove the link"))
        return None
    if not follow_symlinks and not target.is_relative_to(real_root):
        quarantine(Quarantined(str(path), f"a symlink to {target}, outside {real_root}; links "
                                          "out of the folder being read are not followed (pass "
                                          "--follow-symlinks to read it)"))
        return None
    return target


def _sorted_out(path: Path, target: Path, names: set[str], skip: Callable[[Skipped], None]) -> bool:
    """Whether a file is left out: not a regular file, another type, or a sidecar (read as one)."""
    if not target.is_file():
        skip(Skipped(str(path), "not a regular file"))
        return True
    if kind_of(path) is not None:
        return False
    if path.suffix == ".json" and (f"{path.stem}.txt" in names or f"{path.stem}.txt.gz" in names):
        return True  # the sidecar of a text file, read with it
    skip(Skipped(str(path), f"not an article file ({', '.join(SUFFIXES)}, optionally .gz)"))
    return True


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def read_bytes(path: Path, *, max_bytes: int,
               fix: str = "raise SPIRAL_MAX_FILE_MB or split the file") -> bytes:
    """A whole (possibly gzipped) file, refused as soon as more than `max_bytes` come out.

    Raises
    ------
    InputError
        More than `max_bytes` once decompressed; `fix` says what to do.
    """
    data = bytearray()
    with _open(path) as handle:
        while chunk := handle.read(min(CHUNK_BYTES, max_bytes + 1 - len(data))):
            data += chunk
            if len(data) > max_bytes:
                raise InputError(f"{path}: more than {_size(max_bytes)} once read"
                                 f"{' and decompressed' if path.suffix == '.gz' else ''}; {fix}")
    return bytes(data)


def open_lines(path: Path, *, max_line_bytes: int, max_bytes: int) -> Iterator[bytes]:
    """The lines of a (possibly gzipped) file, streamed; a leading UTF-8 byte-order mark is dropped.

    A line longer than `max_line_bytes` comes out cut to `max_line_bytes + 1` bytes (the rest
    is read past, never held), so the caller can refuse it and go on.

    Raises
    ------
    InputError
        The file holds more than `max_bytes` (decompressed); lines before that were yielded.
    """
    n_bytes = 0
    with _open(path) as handle:
        first = True
        while line := handle.readline(max_line_bytes + 1):
            n_bytes += len(line)
            if len(line) > max_line_bytes and not line.endswith(b"\n"):
                while (rest := handle.readline(CHUNK_BYTES)) and n_bytes <= max_bytes:
                    n_bytes += len(rest)
                    if rest.endswith(b"\n"):
                        break
            if n_bytes > max_bytes:
                raise InputError(f"{path}: more than {_size(max_bytes)} once read; raise "
                                 "SPIRAL_MAX_FILE_MB or split the file (the lines before were read)")
            yield line.removeprefix(BOM) if first else line
            first = False


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 2**20:g} MB" if n_bytes >= 2**20 else f"{n_bytes:,} bytes"
