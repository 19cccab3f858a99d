"""Files spiral writes (reports, exports, fitted parameters): atomically, and never over the
store or over a file that spiral did not write.

A re-run may replace its own earlier output; anything else at that path (the store, an input
article, someone's spreadsheet) is refused with a message, and a failed write leaves neither a
half-written file nor a temporary one behind.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
>>> _ = out.write_text("my notes")
>>> write_output(out, lambda tmp: tmp.write_text("report"), is_ours=lambda p: False, what="report")
Traceback (most recent call last):
...
spiral.errors.InputError: --out ...notes.txt: the file exists and spiral did not write it as a report; choose another path or remove the file first
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from spiral.errors import InputError, StoreError

HEAD_BYTES = 64 * 1024


def store_files(store: Path) -> tuple[Path, ...]:
    """The files that make up a DuckDB store: the database and its write-ahead log."""
    return (store, store.with_name(store.name + ".wal"))


def write_output(out: Path, write: Callable[[Path], object], *, is_ours: Callable[[Path], bool],
                 what: str, protected: Sequence[Path] = ()) -> Path:
    """Write `out` through `write(temporary_path)` and a rename.

    Parameters
    ----------
    is_ours
        Whether an existing file at `out` is an earlier output of the same kind (safe to replace).
    what
        What is written, for messages ("report", "events export").
    protected
        Paths that must never be replaced, whatever they hold (the store and its log).

    Raises
    ------
    InputError
        `out` is protected, a folder, or a file spiral did not write.
    StoreError
        The file could not be written (disk full, no permission); nothing is left behind.
    """
    check_output(out, is_ours=is_ours, what=what, protected=protected)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as error:
        raise StoreError(f"--out {out}: cannot write in {out.parent} ({_reason(error)})") from None
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, out)
    except OSError as error:
        raise StoreError(f"--out {out}: could not write the {what} ({_reason(error)}); "
                         "nothing was changed") from None
    finally:
        tmp.unlink(missing_ok=True)
    return out


def check_output(out: Path, *, is_ours: Callable[[Path], bool], what: str,
                 protected: Sequence[Path] = ()) -> None:
    """Refuse `out` before any work is done: see `write_output`."""
    target = out.resolve()
    for path in protected:
        if target == path.resolve() or (out.exists() and path.exists()
                                         and os.path.samefile(out, path)):
            raise InputError(f"--out {out} is the store ({path}); writing the {what} there would "
                             "destroy it; choose another path")
    if out.is_dir():
        raise InputError(f"--out {out} is a folder; give a file name, e.g. {out / 'report.html'}")
    if out.exists() and out.stat().st_size > 0 and not is_ours(out):
        raise InputError(f"--out {out}: the file exists and spiral did not write it as a {what}; "
                         "choose another path or remove the file first")


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    return error.strerror or str(error)


def head(path: Path) -> bytes:
    """The first bytes of a file, enough to recognise what wrote it."""
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def starts_with(marker: bytes) -> Callable[[Path], bool]:
    """Ownership test: the file starts with `marker` (after any byte-order mark)."""
    return lambda path: head(path).removeprefix(b"\xef\xbb\xbf").lstrip().startswith(marker)


def contains(marker: bytes) -> Callable[[Path], bool]:
    """Ownership test: `marker` occurs in the file's first bytes."""
    return lambda path: marker in head(path)


def json_with_keys(*keys: str) -> Callable[[Path], bool]:
    """Ownership test: the first line (JSON Lines) or the whole file (JSON) is an object with `keys`."""
    def test(path: Path) -> bool:
        text = head(path).decode("utf-8", "replace")
        candidates = [text.split("\n", 1)[0], text]
        for candidate in candidates:
            try:
                value = json.loads(candidate)
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict) and all(k in value for k in keys):
                return True
        return False
    return test
