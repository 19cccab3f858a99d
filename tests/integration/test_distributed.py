"""Extraction on a real Dask LocalCluster with 2 workers: the same rows as one process, one
writer, and a run killed with SIGKILL at any moment resumes to exactly the uninterrupted rows."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from spiral.config import Settings
from spiral.errors import ConfigError
from spiral.nlp import cluster, pipeline
from spiral.serve import jobs
from spiral.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("events", "quotes", "red_lines", "positions", "actors")


def _spiral(*args: str) -> list[str]:
    """The installed `spiral` command of this interpreter's environment."""
    return [str(Path(sys.executable).parent / "spiral"), *args]


def _exports(db: Path, out: Path) -> dict[str, bytes]:
    """Every extracted table exported, as bytes: the events as PLOVER JSONL, the rest as CSV."""
    found = {}
    with open_store(db, read_only=True) as store:
        for table in TABLES:
            fmt = "plover-jsonl" if table == "events" else "csv"
            found[table] = store.export(fmt, out / f"{table}.{fmt}", table=table).read_bytes()
    return found


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """A store holding the bundled corpus, not yet coded."""
    db = tmp_path_factory.mktemp("ingested") / "corpus.duckdb"
    with open_store(db) as store:
        jobs.ingest(store, [corpus_dir], settings=Settings(db=db))
    return db


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, ingested: Path) -> dict[str, bytes]:
    """The exports of an uninterrupted single-process extraction."""
    folder = tmp_path_factory.mktemp("reference")
    db = folder / "reference.duckdb"
    shutil.copy(ingested, db)
    settings = Settings(db=db)
    with open_store(db) as store:
        jobs.extract(store, pipeline.load(settings), settings=settings)
    return _exports(db, folder)


def test_distributed_extract_equals_one_process(ingested: Path, reference: dict[str, bytes],
                                                tmp_path: Path) -> None:
    db = tmp_path / "dask.duckdb"
    shutil.copy(ingested, db)
    settings = Settings(db=db)
    with open_store(db) as store:
        summary = jobs.extract_distributed(store, settings=settings, workers=2)
        pending = list(store.documents(only_unextracted_by=summary.pipeline))
    assert summary.n_documents == 45 and pending == []  # a rerun would code nothing
    assert _exports(db, tmp_path) == reference


def test_distributed_cluster_needs_workers_or_a_scheduler() -> None:
    with pytest.raises(ConfigError, match="--workers N"), cluster.cluster():
        pass
    with pytest.raises(ConfigError, match="not both"), cluster.cluster(
            workers=1, scheduler="tcp://127.0.0.1:1"):
        pass


def _run_until(db: Path, marker: str) -> None:
    """Run `spiral extract --workers 2` and SIGKILL its whole process group (client, scheduler,
    nannies, workers) as soon as a log line contains `marker`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(_spiral("-v", "extract", "--db", str(db), "--workers", "2"),
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               env=env, start_new_session=True)
    assert process.stderr is not None
    for line in process.stderr:
        if marker in line:
            os.killpg(process.pid, signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL, f"the run ended before {marker!r}"


@pytest.mark.slow
def test_distributed_kill_9_three_times_then_rerun_equals_uninterrupted(
        ingested: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    shutil.copy(ingested, db)
    # before anything is stored, after the first documents, and near the end
    for marker in ("coding 45 documents", "(3 of 45)", "(30 of 42)"):
        _run_until(db, marker)
    done = subprocess.run(_spiral("extract", "--db", str(db), "--workers", "2"),
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr
    with open_store(db, read_only=True) as store:
        assert store.counts()["extractions"] == 45
    assert _exports(db, tmp_path) == reference


@pytest.mark.slow
def test_distributed_import_of_many_files_equals_one_by_one(tmp_path: Path) -> None:
    fixture = ROOT / "tests" / "fixtures" / "imports" / "gdelt.export.csv"
    lines = fixture.read_text(encoding="utf-8").splitlines(keepends=True)
    files = []
    for i in range(3):  # three "15-minute files", the last repeating the first's rows
        files.append(tmp_path / f"2024112{i}.export.CSV")
        files[-1].write_text("".join(lines[i * 3:i * 3 + 3] if i < 2 else lines[:3]),
                             encoding="utf-8")
    one_by_one, on_dask = tmp_path / "serial.duckdb", tmp_path / "dask.duckdb"
    with open_store(one_by_one) as store:
        serial = jobs.import_events_many(store, "gdelt", files)
    with open_store(on_dask) as store:
        summary = jobs.import_events_distributed(store, "gdelt", files, workers=2)
    assert (summary.n_events, summary.n_new) == (serial.n_events, serial.n_new)
    assert summary.n_new < summary.n_events  # the repeated rows were updates, not new rows
    assert _exports(one_by_one, tmp_path / "a")["events"] == _exports(on_dask, tmp_path / "b")["events"]
