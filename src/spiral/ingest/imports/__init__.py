"""Readers for other event data sets (GDELT 2.0, ICEWS, POLECAT, ACLED), streamed in frames
shaped like the store's events table, with each source's own columns kept in `native`.

>>> sorted(READERS)
['acled', 'gdelt', 'icews', 'polecat']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral.errors import InputError
from spiral.ingest.imports.acled import read_acled
from spiral.ingest.imports.common import Quarantine
from spiral.ingest.imports.gdelt import read_gdelt
from spiral.ingest.imports.icews import read_icews
from spiral.ingest.imports.polecat import read_polecat

READERS = {"gdelt": read_gdelt, "icews": read_icews, "polecat": read_polecat, "acled": read_acled}


def read_events(system: str, path: Path, quarantine: Quarantine) -> Iterator[pl.DataFrame]:
    """Event frames from a file of `system`; bad rows go to `quarantine` with file:line."""
    if system not in READERS:
        raise InputError(f"unknown data set {system!r}; choose one of {', '.join(READERS)}")
    if not Path(path).is_file():
        raise InputError(f"{path}: no such file")
    try:
        yield from READERS[system](Path(path), quarantine)
    except pl.exceptions.ColumnNotFoundError as error:
        raise InputError(f"{path}: a column {system} files have is missing ({error}); is this "
                         f"really a {system} file?") from None
    except InputError as error:
        raise InputError(f"{error}; is this really a {system} file?") from None
