"""The CLI on a PostgreSQL store, as a team uses it: two ingest jobs at once lose and duplicate
nothing, and a re-run changes nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli import run_spiral, spiral_command

pytestmark = pytest.mark.integration


def _articles(folder: Path, numbers: range) -> Path:
    folder.mkdir()
    lines = [json.dumps({"id": str(i), "title": f"Report {i}", "published": "2024-11-26",
                         "source": "Desk", "text": f"Envoys met in Brussels on day {i}."})
             for i in numbers]
    (folder / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_cli_postgres_two_ingest_jobs_at_once(postgres_dsn: str, tmp_path: Path) -> None:
    first = _articles(tmp_path / "first", range(300))
    second = _articles(tmp_path / "second", range(150, 450))  # 150 reports in both
    jobs = [subprocess.Popen([*spiral_command(), "ingest", str(folder), "--db", postgres_dsn],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for folder in (first, second)]
    outputs = [job.communicate(timeout=300) for job in jobs]
    assert [job.returncode for job in jobs] == [0, 0], outputs
    new = sum(int(out.split(": ")[1].split(" new")[0]) for out, _ in outputs)
    status = json.loads(run_spiral("status", "--db", postgres_dsn, "--format", "json").stdout)
    assert new == 450 and status["documents"] == 450
    again = run_spiral("ingest", str(first), "--db", postgres_dsn)
    assert "0 new" in again.stdout
    assert json.loads(run_spiral("status", "--db", postgres_dsn, "--format", "json").stdout) \
        == status


def test_cli_postgres_bad_url_exits_2_without_the_password(tmp_path: Path) -> None:
    done = run_spiral("status", "--db", f"postgresql://ana:secret@/crisis?host={tmp_path}")
    assert done.returncode == 2
    assert "cannot connect to PostgreSQL" in done.stderr and "secret" not in done.stderr
