"""The main job on the bundled corpus: idempotent, the November 2024 events right, report drawn."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from spiral.config import Settings
from spiral.serve import jobs
from spiral.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = [ROOT / "examples/scenarios/no_new_weapons.yaml",
             ROOT / "examples/scenarios/long_range_missiles.yaml"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory, corpus_dir: Path) -> tuple[Settings, Path, jobs.RunSummary]:
    folder = tmp_path_factory.mktemp("demo")
    settings = Settings(db=folder / "demo.duckdb")
    summary = jobs.run([corpus_dir], settings=settings, out=folder / "report.html",
                       scenario_files=SCENARIOS)
    return settings, folder / "report.html", summary


def test_demo_rerun_stores_and_codes_nothing_new(demo, corpus_dir: Path, tmp_path: Path) -> None:
    settings, _, first = demo
    again = jobs.run([corpus_dir], settings=settings, out=tmp_path / "again.html")
    assert again.ingested.n_new == 0 and again.extracted.n_documents == 0
    assert again.counts == first.counts


def test_demo_codes_the_november_escalation(demo) -> None:
    settings, _, _ = demo
    with open_store(settings.db, read_only=True) as store:
        events = store.events_frame().filter(~pl.col("hypothetical") & ~pl.col("negated"))
    facts = {(r["actor_code"], r["event_type"], r["mode"], r["recipient_code"], str(r["date"]))
             for r in events.iter_rows(named=True)}
    assert ("UKR", "ASSAULT", "missile", "RUS", "2024-11-19") in facts  # ATACMS on Bryansk
    assert ("RUS", "ASSAULT", "missile", "UKR", "2024-11-21") in facts  # Oreshnik on Dnipro
    assert ("UKR", "ASSAULT", "missile", "RUS", "2024-11-20") in facts  # Storm Shadow on Kursk
    assert any(f[:4] == ("USA", "CONCEDE", "policy", "UKR") and f[4].startswith("2024-11-1")
               for f in facts)  # the US authorisation


def test_demo_report_in_chromium(demo, browser, artifacts: Path) -> None:
    from tests.integration.test_report_chromium import open_report

    _, report, _ = demo
    page, errors, requests = open_report(browser, report, artifacts / "report-demo.png")
    assert errors == [] and requests == []
    # every chart of the pages drawn; no forecast among them
    assert page.evaluate("window.spiralCharts.drawn") == page.locator(".chart").count() >= 2
    assert page.locator("#chart-dynamics-forecast").count() == 0
    # a handful of story events: no index, no forecast, the reason instead (issue 15)
    assert "too few events to estimate: " in page.locator("#dynamics").inner_text()
    story_links = page.evaluate("new Set([...document.querySelectorAll('table.stories "
                                "a.story-link')].map(a => a.textContent)).size")
    assert story_links >= 20
    page.close()
