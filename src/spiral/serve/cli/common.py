"""What every CLI command shares: options, output formatting, progress bars and error handling."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

if TYPE_CHECKING:
    from spiral.config import Settings


# paths and article text may hold [brackets] and :codes: (line 100 of a file is ":100:")
console = Console(markup=False, emoji=False)
err_console = Console(stderr=True, soft_wrap=True,  # messages stay whole for grep and logs
                      markup=False, emoji=False)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="The store: a DuckDB file or postgresql://USER@HOST/DB "
                 "[default: spiral.duckdb or SPIRAL_DB]."),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people, json for programs.")
]
MinConfidenceOption = Annotated[
    float | None, typer.Option("--min-confidence", min=0.0, max=1.0,
                               help="Only events coded with at least this confidence (0-1).")]
ModelOption = Annotated[
    str | None, typer.Option("--model", help="Installed spaCy pipeline to use instead of the default.")]


def settings_for(db: str | None = None, **overrides: Any) -> Settings:
    """The one Settings object of a CLI call: env and spiral.toml, then the command's flags."""
    from spiral.config import Settings

    given = {k: v for k, v in {"db": db, **overrides}.items() if v is not None}
    return Settings(**given)


def print_json(payload: Any) -> None:
    """Write JSON to stdout without rich markup, so it pipes cleanly."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(rows: Sequence[dict[str, Any]], *, title: str | None = None,
                columns: Sequence[str] | None = None) -> None:
    """Print rows as a rich table; columns default to the first row's keys."""
    names = list(columns or (rows[0].keys() if rows else []))
    table = Table(title=title, show_lines=False)
    for name in names:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(n) is None else str(row.get(n)) for n in names))
    console.print(table)


class Bar:
    """Callbacks for library loops: `advance(n)` after n items, `total(n)` once it is known."""

    def __init__(self, progress: Progress, task: TaskID):
        self._progress, self._task = progress, task

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)

    def total(self, n: int) -> None:
        self._progress.update(self._task, total=n)


@contextmanager
def progress_bar(description: str, total: int | None = None) -> Iterator[Bar]:
    """A rich bar with counts and ETA, drawn on stderr so stdout stays clean for --format json."""
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TaskProgressColumn(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn()]
    with Progress(*columns, console=err_console, transient=False,
                  disable=not err_console.is_terminal) as progress:
        yield Bar(progress, progress.add_task(description, total=total))
