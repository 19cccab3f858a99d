"""`spiral import` on files as they come: the summary counts, all or nothing, exit codes, and
what imported data sets become in stories, the index and exports (issue 13)."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from spiral.ingest.imports import ImportLog, read_events
from spiral.serve.cli import app
from spiral.store import open_store
from tests.cli import spiral_command

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_issue_13_import_summary_counts_every_row(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    code, out = run("import", "gdelt", str(FIXTURES / "gdelt.export.csv"), "--db", db,
                    "--format", "json")
    assert code == 0, out
    summary = json.loads(out)
    assert (summary["n_read"], summary["n_stored"], summary["n_quarantined"],
            summary["n_unmapped"]) == (7, 5, 1, 1)
    assert summary["unmapped"] == {"CAMEO 01x: public statements have no PLOVER type": 1}
    assert summary["quarantined"][0]["origin"].endswith("gdelt.export.csv:6")


def test_issue_13_reimport_of_an_unchanged_file_reads_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert run("import", "acled", str(FIXTURES / "acled.csv"), "--db", str(db))[0] == 0
    size = db.stat().st_size
    code, out = run("import", "acled", str(FIXTURES / "acled.csv"), "--db", str(db))
    assert code == 0 and "imported before, unchanged" in " ".join(out.split())
    assert db.stat().st_size == size
    with open_store(db, read_only=True) as store:
        assert store.counts()["events"] == 3 and store.counts()["imports"] == 1


def test_issue_13_nothing_stored_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    text = (FIXTURES / "acled.csv").read_text(encoding="utf-8")
    path.write_text(text.replace("2024-11-2", "2024-13-4").replace("November", "Nowember"),
                    encoding="utf-8")
    code, out = run("import", "acled", str(path), "--db", str(tmp_path / "s.duckdb"))
    assert code == 2
    out = " ".join(out.split())
    assert "no acled event could be stored" in out and "bad.csv:2" in out


def test_issue_13_a_file_that_breaks_midway_imports_nothing(tmp_path: Path) -> None:
    rows = (FIXTURES / "gdelt.export.csv").read_bytes() * 1
    big = b"".join(rows.replace(b"12000000", f"{9_000_000 + i}".encode()[:8]) for i in range(2))
    packed = gzip.compress(big * 4000)
    path = tmp_path / "cut.export.CSV.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])  # a download cut short
    db = tmp_path / "s.duckdb"
    code, out = run("import", "gdelt", str(path), "--db", str(db))
    assert code == 2 and "cut.export.CSV.gz" in out
    with open_store(db, read_only=True) as store:
        assert store.counts()["events"] == 0 and store.counts()["imports"] == 0


def test_issue_13_a_file_that_updates_stored_events_or_repeats_ids_is_upserted(
        tmp_path: Path) -> None:
    lines = (FIXTURES / "gdelt.export.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "a.export.CSV", tmp_path / "b.export.CSV"
    first.write_text("".join(lines[:2]), encoding="utf-8")
    # the second file updates the first's second event (a new Goldstein score), adds the
    # third, and repeats that third one further down with another score: the later row wins
    updated = lines[1].replace("\t-10\t", "\t-9.5\t")
    third = lines[2].replace("\t-7\t", "\t-6\t")
    second.write_text("".join([updated, lines[2], third]), encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    assert run("import", "gdelt", str(first), "--db", db)[0] == 0
    code, out = run("import", "gdelt", str(second), "--db", db, "--format", "json")
    assert code == 0, out
    summary = json.loads(out)
    assert (summary["n_stored"], summary["n_new"]) == (3, 1)
    with open_store(db, read_only=True) as store:
        scores = dict(store.events_frame(columns=["id", "source_intensity"]).iter_rows())
    assert scores == {"gdelt:1200000001": -10.0, "gdelt:1200000002": -9.5,
                      "gdelt:1200000003": -6.0}


def test_issue_13_index_table_shows_the_latest_periods(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    assert run("import", "gdelt", str(FIXTURES / "gdelt.export.csv"), "--db", db)[0] == 0
    result = CliRunner().invoke(app, ["index", "--db", db, "--limit", "2"],
                                env={"COLUMNS": "200"}, catch_exceptions=False)
    out = " ".join(result.output.split())
    assert result.exit_code == 0 and "5 periods with story events (the latest 2)" in out, out
    assert "2024-11-26" in out and "2024-11-21" in out and "2024-11-17" not in out


def test_issue_13_curated_events_are_not_merged_and_stay_undirected(tmp_path: Path) -> None:
    header, row = (FIXTURES / "acled.csv").read_text(encoding="utf-8").splitlines()[:2]
    same_day = [row.replace("UKR900001", f"UKR8{i:05d}") for i in range(30)]
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([header, *same_day]) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    assert run("import", "acled", str(path), "--db", db)[0] == 0
    code, out = run("events", "--stories", "--db", db, "--format", "json")
    assert code == 0, out
    found = json.loads(out)
    assert len(found) == 30 and {s["n_mentions"] for s in found} == {1}
    assert {(s["actor_code"], s["recipient_code"], s["directed"]) for s in found} \
        == {("RUS", "UKR", False)}
    code, out = run("index", "--db", db, "--format", "json", "--dyad", "UKR~RUS")
    assert code == 0, out
    (day,) = [r for r in json.loads(out) if r["n_stories"]]
    assert day["dyad"] == "RUS~UKR" and day["n_stories"] == 30
    code, out = run("index", "--db", db, "--format", "json", "--dyad", "RUS-UKR")
    assert code == 0, out
    assert not [r for r in json.loads(out) if r["n_stories"]]


def test_issue_13_exports_stories_and_index_with_nested_actors(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    for system, name in (("gdelt", "gdelt.export.csv"), ("acled", "acled.csv")):
        assert run("import", system, str(FIXTURES / name), "--db", db)[0] == 0
    for table in ("stories", "index"):
        out = tmp_path / f"{table}.parquet"
        code, text = run("export", "--table", table, "--format", "parquet", "--out", str(out),
                         "--db", db)
        assert code == 0, text
        assert pl.read_parquet(out).height > 0
    out = tmp_path / "events.jsonl"
    assert run("export", "--format", "jsonl", "--out", str(out), "--db", db)[0] == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert isinstance(first["actor"], list) and isinstance(first["actor"][0], dict)


@pytest.mark.parametrize("packing", ["plain", "gzip", "zip"])
def test_issue_13_gdelt_read_in_sql_stores_what_the_reader_reads(tmp_path: Path,
                                                                 packing: str) -> None:
    rows = (FIXTURES / "gdelt.export.csv").read_bytes().splitlines()
    lines = [*rows, *(r.replace(b"12000000", b"13000000", 1) for r in rows)]  # new ids
    lines[2] = lines[2].rsplit(b"\t", 5)[0]  # too few fields
    lines[8] = lines[8].replace(b"RUSSIA", b"RUSS\xe9A")  # not UTF-8
    lines[9] = lines[9].replace(b"\t043\t", b"\t999\t")  # not in the codebook
    lines[10] = b"\t".join([b"", *lines[10].split(b"\t")[1:]])  # no GLOBALEVENTID
    data = b"\n".join([*lines[:5], b"", b"   ", *lines[5:]]) + b"\n"  # blank lines count
    path = tmp_path / "events.export.CSV"
    if packing == "gzip":
        path = path.with_suffix(".CSV.gz")
        path.write_bytes(gzip.compress(data))
    elif packing == "zip":
        path = path.with_suffix(".zip")
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("events.export.CSV", data)
    else:
        path.write_bytes(data)
    db = tmp_path / "s.duckdb"
    code, out = run("import", "gdelt", str(path), "--db", str(db), "--format", "json")
    assert code == 0, out
    summary = json.loads(out)
    log = ImportLog()
    expected = pl.concat(list(read_events("gdelt", path, log))).sort("id")
    assert (summary["n_read"], summary["n_stored"], summary["unmapped"]) == (
        log.n_rows, expected.height, dict(log.unmapped))
    assert [(q["origin"], q["reason"]) for q in summary["quarantined"]] == sorted(
        [(q.origin, q.reason) for q in log.quarantined], key=lambda q: int(q[0].rsplit(":")[-1]))
    assert [q["origin"].rsplit(":", 1)[1] for q in summary["quarantined"]] == [
        "3", "8", "11", "13", "15"]
    with open_store(db, read_only=True) as store:
        stored = store.events_frame(columns=list(expected.columns)).sort("id")
        assert store.quarantine_frame().height == 5
    assert stored.equals(expected.select(stored.columns))


@pytest.mark.slow
def test_issue_13_a_gdelt_import_killed_midway_leaves_nothing_and_runs_again(
        tmp_path: Path) -> None:
    fields = (FIXTURES / "gdelt.export.csv").read_text(encoding="utf-8").splitlines()[1].split("\t")
    path = tmp_path / "big.export.CSV"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(400_000):
            handle.write("\t".join([str(1_300_000_000 + i), *fields[1:]]) + "\n")
    db = tmp_path / "s.duckdb"
    command = [*spiral_command(), "import", "gdelt", str(path), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while process.poll() is None and (not db.exists() or db.stat().st_size < 4 << 20):
        time.sleep(0.01)  # until DuckDB writes the file's first row groups
    process.kill()
    assert process.wait() == -signal.SIGKILL, "the import ended before it could be killed"
    with open_store(db) as store:
        assert (store.counts()["events"], store.counts()["imports"]) == (0, 0)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    with open_store(db, read_only=True) as store:
        assert (store.counts()["events"], store.counts()["imports"]) == (400_000, 1)


def _packed(tmp_path: Path, name: str, data: bytes | list[bytes], packing: str) -> Path:
    """`data` written plain, gzipped, or zipped (a list: one zip member each)."""
    parts = data if isinstance(data, list) else [data]
    path = tmp_path / name
    if packing == "gzip":
        path = path.with_name(name + ".gz")
        path.write_bytes(gzip.compress(parts[0]))
    elif packing == "zip":
        path = path.with_name(name + ".zip")
        with zipfile.ZipFile(path, "w") as archive:
            for i, part in enumerate(parts):
                archive.writestr(f"{i}-{name}", part)
    else:
        path.write_bytes(parts[0])
    return path


def _same_as_the_reader(tmp_path: Path, system: str, path: Path) -> tuple[dict, pl.DataFrame]:
    """Import `path` with the CLI (the store reads it in SQL) and check the summary, the
    quarantined rows and the stored events against the frame reader's; the summary and the
    events stored."""
    db = tmp_path / f"{path.name}.duckdb"
    code, out = run("import", system, str(path), "--db", str(db), "--format", "json")
    assert code == 0, out
    summary = json.loads(out)
    log = ImportLog()
    expected = pl.concat(list(read_events(system, path, log))).sort("id")
    assert (summary["n_read"], summary["n_stored"], summary["unmapped"],
            summary["n_repeated_ids"]) == (log.n_rows, expected.height, dict(log.unmapped),
                                           log.n_repeated_ids)
    assert sorted((q["origin"], q["reason"]) for q in summary["quarantined"]) == sorted(
        (q.origin, q.reason) for q in log.quarantined)
    with open_store(db, read_only=True) as store:
        stored = store.events_frame(columns=list(expected.columns)).sort("id")
        assert store.quarantine_frame().height == len(log.quarantined)
    assert stored.equals(expected.select(stored.columns))
    return summary, stored


@pytest.mark.parametrize("packing", ["plain", "gzip", "zip"])
def test_issue_13_icews_read_in_sql_stores_what_the_reader_reads(tmp_path: Path,
                                                                 packing: str) -> None:
    header, *rows = (FIXTURES / "icews.tab").read_bytes().splitlines()
    lines = [*rows, *(r.replace(b"3500", b"3600", 1) for r in rows)]
    lines[1] = lines[1].rsplit(b"\t", 3)[0]  # too few fields
    lines[2] = lines[2].replace(b"Putin", b"Put\xefn")  # not UTF-8
    lines[4] = lines[4].replace(b"\t194\t", b"\t999\t")  # not in the codebook
    lines[5] = b"\t".join([b"", *lines[5].split(b"\t")[1:]])  # no Event ID
    lines[0] = lines[0].replace(b"Ukraine\t9001", b"Congo\t9001")  # ICEWS's own names
    lines[6] = lines[6].replace(b"United States\t9", b"Moldova, Republic of\t9").replace(
        b"Russian Federation", b"Occupied Palestinian Territory")
    again = [lines[0], lines[0].replace(b"2024-11-21", b"2024-11-23"), lines[0]]
    data = b"\n".join([header, *lines[:4], b"", b"   ", *lines[4:], *again,
                       b"\t" * header.count(b"\t")]) + b"\n"
    path = _packed(tmp_path, "events.tab", data, packing)
    summary, stored = _same_as_the_reader(tmp_path, "icews", path)
    assert (summary["n_repeated_ids"], summary["n_quarantined"], stored.height) == (3, 5, 5)
    assert {"MDA", "COG"} <= set(stored["recipient_code"]) and "PSE" in stored["actor_code"]
    if packing == "zip":  # ids repeated across the members of an archive
        later = b"\n".join([header, again[0], again[1]]) + b"\n"
        path = _packed(tmp_path, "two.tab", [data, later], "zip")
        assert _same_as_the_reader(tmp_path, "icews", path)[0]["n_repeated_ids"] == 5


@pytest.mark.parametrize("packing", ["plain", "gzip", "zip"])
def test_issue_13_polecat_read_in_sql_stores_what_the_reader_reads(tmp_path: Path,
                                                                   packing: str) -> None:
    header, *rows = (FIXTURES / "polecat.tab").read_bytes().splitlines()
    lines = [*rows, *(r.replace(b"2024112", b"2024102", 1) for r in rows)]
    lines[0] = lines[0].replace(b"\tRUS\tMIL", b"\tRussian Federation\tMIL")  # a name
    lines[1] = lines[1].replace(b"military", b" military, cyber ;")  # contexts as written
    lines[2] = lines[2] + b"\textra"  # too many fields
    lines[6] = lines[6].replace(b"2024-11-19", b"19/11/2024")  # not a date
    lines[7] = lines[7].replace(b"Council", b"Counc\xefl")  # not UTF-8
    data = b"\n".join([header, *lines[:5], b"", *lines[5:]]) + b"\n"
    path = _packed(tmp_path, "events.tab", data, packing)
    summary, stored = _same_as_the_reader(tmp_path, "polecat", path)
    assert (summary["n_quarantined"], summary["n_unmapped"], stored.height) == (5, 2, 3)
    assert "RUS" in stored["actor_code"]
    assert ["military", "cyber"] in stored["context"].to_list()
    names = header.split(b"\t")
    keep = [i for i, n in enumerate(names) if n != b"Headline"]
    weekly = [b"\t".join(line.split(b"\t")[i] for i in keep) + b"\t\t"
              for line in [header, *rows[:2]]]
    layouts = {  # a weekly file (no headline, stray tabs) and a header naming a headline
        "weekly.txt": b"\n".join([weekly[0].rstrip(b"\t"), *weekly[1:]]) + b"\n",
        "named.txt": b"\n".join([header, *(w.rstrip(b"\t") for w in weekly[1:])]) + b"\n"}
    for name, text in layouts.items():
        summary, stored = _same_as_the_reader(tmp_path, "polecat",
                                              _packed(tmp_path, name, text, packing))
        assert stored.height == 2 and not summary["quarantined"]
