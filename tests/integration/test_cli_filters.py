"""Issue 14 on the command line: filters fail loudly, in any case, and JSON honours --limit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.serve_store import build_store

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("cli") / "store.duckdb"))


def spiral(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", "from spiral.serve.cli import app; app()", *args],
                          capture_output=True, text=True, env=env, timeout=120,
                          check=False)


def invoke(*args: str):
    from typer.testing import CliRunner

    from spiral.serve.cli import app

    return CliRunner().invoke(app, list(args), terminal_width=200)


def test_issue_14_unknown_type_exits_2_with_a_suggestion(db: str) -> None:
    typed = spiral("events", "--db", db, "--type", "ATTACK")
    assert typed.returncode == 2
    assert "did you mean ASSAULT?" in " ".join(typed.stderr.split())


def test_issue_14_country_name_is_refused_with_its_code(db: str) -> None:
    named = invoke("events", "--db", db, "--actor", "Russia")
    assert named.exit_code == 2
    assert "did you mean RUS?" in " ".join(named.output.split())


def test_issue_14_codes_any_case_and_json_honours_limit(db: str) -> None:
    lower = invoke("events", "--db", db, "--actor", "rus", "--type", "assault", "--format",
                   "json", "--limit", "2")
    upper = invoke("events", "--db", db, "--actor", "RUS", "--type", "ASSAULT", "--format",
                   "json", "--limit", "2")
    assert lower.exit_code == 0, lower.output
    rows = json.loads(lower.stdout)
    assert rows == json.loads(upper.stdout)
    assert len(rows) == 2
    assert rows[0]["actor"][0]["code"] == "RUS"  # an object, not JSON text inside JSON
