"""`python -m spiral.serve.cli`: the same as the `spiral` command."""

from spiral.serve.cli import app

app(prog_name="spiral")
