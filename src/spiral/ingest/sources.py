"""Where input comes from: files, directories and globs, plain or gzipped, with a size cap."""

from __future__ import annotations

import glob
import gzip
from collections.abc import Iterator
from pathlib import Path

from spiral.errors import InputError

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".xml": "feed", ".rss": "feed", ".atom": "feed"}


def kind_of(path: Path) -> str | None:
    """The reader for a file by its suffix (under a .gz), or None to skip it.

    >>> kind_of(Path("a.jsonl.gz")), kind_of(Path("a.json"))
    ('jsonl', None)
    """
    suffixes = path.suffixes
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIXES.get(suffixes[-1].lower()) if suffixes else None


def expand(source: str | Path) -> list[Path]:
    """The readable files a source names, sorted: a file, a directory (recursively) or a glob.

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
        candidates = sorted(p for p in path.rglob("*") if p.is_file())
    elif glob.has_magic(str(source)):
        candidates = sorted(Path(p) for p in glob.glob(str(source), recursive=True))
    else:
        raise InputError(f"{source}: no such file or directory; check the path")
    files = [p for p in candidates if p.is_file() and kind_of(p) is not None]
    if not files:
        raise InputError(f"{source}: no readable articles ({', '.join(SUFFIXES)}, optionally .gz)")
    return files


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """A whole (possibly gzipped) file, refusing more than `max_bytes` once decompressed."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{path}: larger than {max_bytes // 2**20} MB; raise SPIRAL_MAX_FILE_MB "
                         "or split the file")
    return data


def open_lines(path: Path) -> Iterator[bytes]:
    """Stream the lines of a (possibly gzipped) file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        yield from handle
