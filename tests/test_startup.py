"""The CLI starts at once: no heavy library is imported until a command's work needs it."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("spacy", "numba", "scipy", "polars", "duckdb", "pyarrow", "trafilatura", "numpy",
         "pydantic_settings", "thinc", "psycopg", "dask", "fastapi", "uvicorn")

# In a fresh interpreter, as the `spiral` command would: every command's --help, then what is loaded.
PROBE = """
import json, sys
from typer.main import get_command
from typer.testing import CliRunner
from spiral.serve.cli import app

def paths(command, prefix=()):
    yield prefix
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from paths(sub, (*prefix, name))

root = get_command(app)
runner = CliRunner()
for path in paths(root):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, (path, result.output)
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[1].split(",")))
print(json.dumps({"n_commands": sum(1 for _ in paths(root)), "heavy": heavy}))
"""


def test_cli_help_of_every_command_imports_no_heavy_library() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, ",".join(HEAVY)], capture_output=True,
                          text=True, timeout=120, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["n_commands"] > 15
    assert found["heavy"] == [], f"imported at start-up: {found['heavy']}"
