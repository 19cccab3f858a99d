"""Readers for other event data sets (GDELT 1.0 and 2.0, ICEWS, POLECAT, ACLED), streamed in
frames shaped like the store's events table, with each source's own columns kept in `native`.

Files are taken as they come: gzip or zip, with a byte-order mark or without. A bad row is
quarantined with its file:line and the reason and the rest is read; what a read met is in the
`ImportLog` it fills.

>>> sorted(READERS)
['acled', 'gdelt', 'gdelt-mentions', 'icews', 'polecat']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral.errors import InputError
from spiral.ingest.imports.acled import read_acled
from spiral.ingest.imports.common import ImportLog
from spiral.ingest.imports.gdelt import gdelt_lines, read_gdelt, read_gdelt_mentions
from spiral.ingest.imports.icews import icews_lines, read_icews
from spiral.ingest.imports.polecat import polecat_lines, read_polecat

READERS = {"gdelt": read_gdelt, "gdelt-mentions": read_gdelt_mentions, "icews": read_icews,
           "polecat": read_polecat, "acled": read_acled}
# readers whose frames are mentions of events (the store's mentions table), not events
MENTION_READERS = frozenset({"gdelt-mentions"})
# data sets a store that can (DuckDB) reads and maps in SQL, line by line: the same events,
# quarantined rows and counts as their readers, at DuckDB's speed (`lines.py`)
LINE_PLANS = {"gdelt": gdelt_lines, "icews": icews_lines, "polecat": polecat_lines}

__all__ = ["LINE_PLANS", "MENTION_READERS", "READERS", "ImportLog", "read_events"]


def read_events(system: str, path: Path, log: ImportLog) -> Iterator[pl.DataFrame]:
    """Event frames (mention frames for MENTION_READERS) from a file of `system`; bad rows go
    to `log` with file:line and why."""
    if system not in READERS:
        raise InputError(f"unknown data set {system!r}; choose one of {', '.join(READERS)}")
    if not Path(path).is_file():
        raise InputError(f"{path}: no such file")
    try:
        yield from READERS[system](Path(path), log)
    except (pl.exceptions.ColumnNotFoundError, KeyError) as error:
        raise InputError(f"{path}: a column {system} files have is missing ({error}); is this "
                         f"really a {system} file?") from None
