"""The CLI end to end on a real DuckDB file: ingest is idempotent, errors exit 2 with a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spiral.serve.cli import app

pytestmark = pytest.mark.integration

ARTICLE = ("Ukraine fired six ATACMS missiles at a military facility in the Bryansk region on "
           "Tuesday, Russia's defence ministry said.\n\nKyiv did not confirm the strike.")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.json").write_text(json.dumps(
        {"title": "Strike on Bryansk", "published": "2024-11-19T18:00:00Z", "source": "Wire"}))
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "1", "title": "x", "text": "NATO envoys met in Brussels on Tuesday.",
                    "published": "2024-11-26", "source": "Desk"}) + "\n"
        + json.dumps({"id": "2", "title": "bad", "text": "x", "published": "26/11/2024"}) + "\n",
        encoding="utf-8")
    return folder


def test_cli_ingest_twice_changes_nothing(inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    code, output = run("ingest", str(inputs), "--db", db)
    assert code == 0, output
    assert "2 new" in output and "1 quarantined" in output
    code, first = run("status", "--db", db, "--format", "json")
    code, output = run("ingest", str(inputs), "--db", db)
    assert "0 new" in output
    code, second = run("status", "--db", db, "--format", "json")
    assert json.loads(first) == json.loads(second)
    assert json.loads(second)["documents"] == 2
    assert json.loads(second)["quarantine"] == 1


def test_cli_bad_date_flag_exits_2_with_field_and_fix(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, output = run("events", "--db", str(tmp_path / "s.duckdb"), "--since", "19/11/2024")
    assert code == 2
    assert "--since" in output and "2024-11-21" in output


def test_cli_bad_inputs_each_get_a_message_and_lose_nothing(inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    assert run("ingest", str(inputs), "--db", db)[0] == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    good = {"id": "9", "title": "ok", "text": "EU envoys met in Brussels on Monday.",
            "published": "2024-11-25", "source": "Desk"}
    (bad / "feed.jsonl").write_text(json.dumps(good) + '\n{"id": "10", "title": "cut", "te',
                                    encoding="utf-8")
    (bad / "latin1.txt").write_bytes("Café strike in Kyiv.".encode("latin-1"))
    (bad / "empty.txt").write_bytes(b"")
    with (bad / "huge.txt").open("w", encoding="utf-8") as handle:  # about 50 MB
        line = "Russia fired missiles at Ukraine on Tuesday. " * 1000 + "\n"
        for _ in range(1100):
            handle.write(line)
    code, output = run("ingest", str(bad), "--db", db)
    assert code == 0, output
    assert "1 new" in output and "4 quarantined" in output
    assert "feed.jsonl:2" in output and "not UTF-8" in output and "empty" in output
    assert "huge.txt" in output and "split it" in output
    status = json.loads(run("status", "--db", db, "--format", "json")[1])
    assert status["documents"] == 3 and status["quarantine"] == 5
    code, output = run("extract", "--db", db)
    assert code == 0, output


def test_cli_export_partitioned_parquet_reads_as_one_table(tmp_path: Path) -> None:
    import duckdb
    import polars as pl

    db, out = str(tmp_path / "s.duckdb"), tmp_path / "events"
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "gdelt.export.csv"
    assert run("import", "gdelt", str(fixture), "--db", db)[0] == 0
    code, output = run("export", "--db", db, "--format", "parquet", "--partition-by", "month",
                       "--out", str(out))
    assert code == 0, output
    assert all(p.name.startswith("month=") for p in out.iterdir())
    n_stored = json.loads(run("status", "--db", db, "--format", "json")[1])["events"]
    by_polars = pl.scan_parquet(out, hive_partitioning=True).collect()
    by_duckdb = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', "
                           "hive_partitioning = true)").fetchall()[0][0]
    assert by_polars.height == by_duckdb == n_stored > 0
    code, output = run("export", "--db", db, "--table", "actors", "--format", "parquet",
                       "--partition-by", "month", "--out", str(tmp_path / "actors"))
    assert code == 2 and "no date to partition" in output
