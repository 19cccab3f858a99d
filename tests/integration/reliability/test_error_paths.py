"""Issue 17, defect 9: every failure a user can meet ends in `error: ...`, exit 2, no leftovers."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.integration.reliability.cli import assert_clean_error, spiral

pytestmark = pytest.mark.integration

TEXT = "Ukraine fired six ATACMS missiles at the Bryansk region on Tuesday, Moscow said."


@pytest.fixture(scope="module")
def one_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("one")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    outcome = spiral("ingest", folder / "a.txt", "--db", folder / "s.duckdb")
    assert outcome.code == 0, outcome
    return folder / "s.duckdb"


@pytest.fixture
def filled(one_document: Path, tmp_path: Path) -> Path:
    """A fresh copy of a store holding one document, and a.txt beside it."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return Path(shutil.copy(one_document, tmp_path / "s.duckdb"))


def test_issue_17_full_disk_report_and_export_leave_nothing(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outcome = spiral("report", "--db", filled, "--out", out / "r.html", max_file_bytes=64_000)
    assert_clean_error(outcome, str(out / "r.html"))
    outcome = spiral("export", "--db", filled, "--table", "documents", "--format", "csv",
                     "--out", out / "d.csv", max_file_bytes=16)
    assert_clean_error(outcome, str(out / "d.csv"), "could not write")
    assert list(out.iterdir()) == []  # no temporary file, no partial output


def test_issue_17_full_disk_new_store_leaves_no_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "new" / "s.duckdb"
    outcome = spiral("ingest", tmp_path / "a.txt", "--db", db, max_file_bytes=4096)
    assert_clean_error(outcome, str(db), "cannot create the store")
    assert list(db.parent.iterdir()) == []


def test_issue_17_output_folder_that_cannot_be_made(filled: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a.txt"  # a file where the output wants a folder
    outcome = spiral("report", "--db", filled, "--out", blocker / "r.html")
    assert_clean_error(outcome, str(blocker), "cannot write in")


def test_issue_17_truncated_store_is_refused_by_every_command(filled: Path,
                                                              tmp_path: Path) -> None:
    size = filled.stat().st_size
    with filled.open("r+b") as handle:
        handle.truncate(size - 300_000)
    for command in (("status",), ("ingest", tmp_path / "a.txt")):
        outcome = spiral(*command, "--db", filled)
        assert_clean_error(outcome, str(filled), "cut short", "restore it from a backup")


def test_issue_17_store_missing_a_column_is_refused(filled: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(filled)) as connection:
        connection.execute("ALTER TABLE documents DROP COLUMN external_id")
    outcome = spiral("status", "--db", filled)
    assert_clean_error(outcome, "documents.external_id", "changed outside spiral")
