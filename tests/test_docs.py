"""Every command's --help ends with an example, and README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from spiral.serve.cli import app

ROOT = Path(__file__).resolve().parent.parent
ROOT_COMMAND = typer.main.get_command(app)
COMMANDS = sorted(
    [c.name for c in ROOT_COMMAND.commands.values()]
    + [f"{g.name} {c}" for g in ROOT_COMMAND.commands.values() for c in getattr(g, "commands", {})])


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_help_ends_with_example(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    description = " ".join(result.output.split("╭")[0].split())  # before the option panels
    example = description.rpartition("Example: ")[2]
    assert example.startswith(f"spiral {command}"), f"{command} --help ends with {description[-80:]!r}"
    assert len(example) < 120, f"{command} --help: text follows the example"


def test_docs_readme_names_only_real_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set(re.findall(r"^\$ spiral ([a-z][a-z-]+)", readme, flags=re.MULTILINE))
    assert used, "README shows no spiral command"
    assert used <= {c.split()[0] for c in COMMANDS}, used - set(COMMANDS)


def test_docs_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up")[1].split("\n## ")[0]
    assert re.findall(r"^make \w+$", setup, flags=re.MULTILINE) == ["make demo", "make test"]
