"""The `spiral` command line: each command parses, calls one library function, formats the result."""

from __future__ import annotations

import logging

import click
import typer
from rich.text import Text
from typer.core import TyperGroup

from spiral.errors import SpiralError
from spiral.serve.cli import corpus, dynamics, evaluation, knowledge_base, query, server
from spiral.serve.cli.common import err_console


class _SpiralGroup(TyperGroup):
    """Turns a SpiralError into its message on stderr and exit code 2 (a traceback with --debug)."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except SpiralError as error:
            if ctx.meta.get("spiral.debug"):
                raise
            err_console.print(Text("error: ", style="bold red") + Text(str(error)))
            ctx.exit(2)


app = typer.Typer(
    name="spiral",
    cls=_SpiralGroup,
    help="Turn crisis news into an evidence-linked, measurable model of an escalation.\n\n"
    "Example: spiral run examples/corpus --out out/report.html",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logs."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show info logs."),
) -> None:
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.meta["spiral.debug"] = debug


for _module in (corpus, query, dynamics, evaluation, knowledge_base, server):
    _module.register(app)
