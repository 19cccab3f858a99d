"""The `spiral` command line: each command parses, calls one library function, formats the result."""

from __future__ import annotations

import errno
import logging

import click
import typer
from rich.text import Text
from typer.core import TyperGroup

from spiral.errors import SpiralError
from spiral.serve.cli import corpus, dynamics, evaluation, knowledge_base, query, server
from spiral.serve.cli.common import err_console

# what to do when the system refuses a read or a write, by errno
_OS_FIXES = {
    errno.ENOSPC: "free disk space (or write elsewhere) and run the command again",
    errno.EDQUOT: "free disk space (or write elsewhere) and run the command again",
    errno.EFBIG: "the file system or a limit (ulimit -f) refuses a file this large",
    errno.EACCES: "write somewhere you may, or change the permissions",
    errno.EPERM: "write somewhere you may, or change the permissions",
    errno.EROFS: "write somewhere else",
    errno.ENOTDIR: "a part of the path is a file, not a folder; check the path",
    errno.EEXIST: "a part of the path is a file, not a folder; check the path",
    errno.EISDIR: "the path is a folder; name a file",
    errno.ENOENT: "check the path",
}


def _os_message(error: OSError) -> str:
    """`file: what failed; the fix` for an error the operating system raised."""
    where = f"{error.filename}: " if error.filename else ""
    what = error.strerror or str(error).splitlines()[0]
    return f"{where}{what}; {_OS_FIXES.get(error.errno, 'check the path and free disk space')}"


class _SpiralGroup(TyperGroup):
    """Turns a SpiralError, or an operating-system error (disk full, no permission), into its
    message on stderr and exit code 2 (a traceback with --debug)."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (SpiralError, OSError) as error:
            if ctx.meta.get("spiral.debug"):
                raise
            message = _os_message(error) if isinstance(error, OSError) else str(error)
            err_console.print(Text("error: ", style="bold red") + Text(message))
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
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Show info logs, and every input not stored."),
) -> None:
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    # force: a program (or test) that runs several commands in one process logs to the
    # stderr of the current one, not to a stream an earlier one closed
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)
    ctx.meta["spiral.debug"] = debug
    ctx.meta["spiral.verbose"] = verbose or debug


for _module in (corpus, query, dynamics, evaluation, knowledge_base, server):
    _module.register(app)
