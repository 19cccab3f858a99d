"""Issue 17, defects 1-4, as a user meets them: the installed `spiral` command in a subprocess."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psutil
import pytest

from tests.cli import run_spiral

pytestmark = pytest.mark.integration

PARAGRAPH = ("<p>Ukraine fired ATACMS missiles at a military site in the Bryansk region on "
             "Tuesday, Russia's defence ministry said.</p>")


def _page(body: str, title: str = "Missiles hit Bryansk") -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>(c) Wire</footer></body></html>")


def _workers_with(mark: str) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if "html_worker.py" in " ".join(process.info["cmdline"] or []) and \
                    process.environ().get("SPIRAL_TEST_MARK") == mark:
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def test_issue_17_html_pages_beside_a_corpus_are_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(_page(PARAGRAPH * 3), encoding="utf-8")
    (folder / "big.html").write_text(_page(PARAGRAPH * 4500, "A long page"), encoding="utf-8")
    (folder / "a.txt").write_text("NATO envoys met in Brussels on Tuesday.", encoding="utf-8")
    assert (folder / "big.html").stat().st_size > 500_000
    done = run_spiral("ingest", folder, "--db", tmp_path / "s.duckdb")
    assert done.returncode == 0, done.stderr
    assert "3 new" in done.stdout and "0 quarantined" in done.stdout


def test_issue_17_html_time_limit_fires_and_leaves_no_worker(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(_page(PARAGRAPH * 2000), encoding="utf-8")
    mark = uuid.uuid4().hex
    done = run_spiral("ingest", tmp_path / "page.html", "--db", tmp_path / "s.duckdb",
                      env={"SPIRAL_HTML_TIMEOUT_S": "0.01", "SPIRAL_TEST_MARK": mark},
                      timeout_s=60)
    assert done.returncode == 0, done.stderr
    assert "1 quarantined" in done.stdout and "took over" in done.stdout
    assert _workers_with(mark) == []


@pytest.mark.parametrize("command", ["report", "export", "run"])
def test_issue_17_out_never_replaces_the_store(tmp_path: Path, command: str) -> None:
    db = tmp_path / "s.duckdb"
    (tmp_path / "a.txt").write_text("NATO envoys met in Brussels on Tuesday.", encoding="utf-8")
    assert run_spiral("ingest", tmp_path / "a.txt", "--db", db).returncode == 0
    before = db.read_bytes()
    args = {"report": ["report"], "export": ["export"], "run": ["run", tmp_path / "a.txt"]}
    done = run_spiral(*args[command], "--db", db, "--out", db)
    assert done.returncode == 2
    assert "is the store" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == before


def test_issue_17_out_never_replaces_a_file_spiral_did_not_write(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    article = tmp_path / "a.txt"
    article.write_text("NATO envoys met in Brussels on Tuesday.", encoding="utf-8")
    assert run_spiral("ingest", article, "--db", db).returncode == 0
    done = run_spiral("report", "--db", db, "--out", article)
    assert done.returncode == 2 and "spiral did not write it" in done.stderr
    assert article.read_text(encoding="utf-8").startswith("NATO")
    report = tmp_path / "report.html"
    for _ in range(2):  # its own earlier output is replaced on a re-run
        assert run_spiral("report", "--db", db, "--out", report).returncode == 0
    export = tmp_path / "events.jsonl"
    for fmt, out in (("plover-jsonl", export), ("parquet", tmp_path / "e.parquet"),
                     ("csv", tmp_path / "e.csv")):
        for _ in range(2):
            done = run_spiral("export", "--db", db, "--format", fmt, "--out", out)
            assert done.returncode == 0, done.stderr
    assert run_spiral("export", "--db", db, "--format", "csv", "--out", report).returncode == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_issue_17_placeholder_dates_are_quarantined_and_documents_can_be_forgotten(
        tmp_path: Path) -> None:
    feed = tmp_path / "dates.jsonl"
    records = [("0001-01-01T00:00:00Z", "Russia fired missiles at Kyiv on Tuesday."),
               ("9999-12-31", "Ukraine fired missiles at Belgorod on Monday."),
               ("1970-01-02", "NATO envoys met in Brussels on Friday."),
               ("2024-11-21", "Russia fired a new missile at Dnipro on Thursday.")]
    feed.write_text("".join(json.dumps({"id": str(i), "text": text, "published": published}) + "\n"
                            for i, (published, text) in enumerate(records)), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for _ in range(2):  # the same on a re-run: nothing poisons coding
        done = run_spiral("run", feed, "--db", db, "--out", tmp_path / "r.html")
        assert done.returncode == 0, done.stderr
    listed = json.loads(run_spiral("quarantine", "--db", db, "--format", "json").stdout)
    assert sorted(item["origin"] for item in listed) == [f"{feed}:1", f"{feed}:2"]
    assert all("is outside 1900-01-01" in item["reason"] for item in listed)
    index = run_spiral("index", "--db", db, "--format", "json")
    assert index.returncode == 0 and len(index.stdout) < 100_000
    events = json.loads(run_spiral("events", "--db", db, "--format", "json").stdout)
    old = next(e["doc_id"] for e in events if e["date"].startswith("1970"))
    done = run_spiral("forget", old, "--db", db)
    assert done.returncode == 0 and "1 documents" in done.stdout
    status = json.loads(run_spiral("status", "--db", db, "--format", "json").stdout)
    assert status["documents"] == 1
    assert run_spiral("forget", old, "--db", db).returncode == 2


def test_issue_17_javascript_links_are_not_rendered(tmp_path: Path) -> None:
    feed = tmp_path / "a.jsonl"
    feed.write_text(json.dumps({
        "id": "1", "published": "2024-11-21", "source": "Wire",
        "url": "javascript:alert(document.cookie)",
        "text": "Russia fired a new ballistic missile at the Ukrainian city of Dnipro on "
                "Thursday, Ukraine's air force said."}) + "\n", encoding="utf-8")
    db, report = tmp_path / "s.duckdb", tmp_path / "r.html"
    done = run_spiral("run", feed, "--db", db, "--out", report)
    assert done.returncode == 0, done.stderr
    assert "javascript:" not in report.read_text(encoding="utf-8").lower()
