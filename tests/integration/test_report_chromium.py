"""The offline report, written by `spiral report` from a store and opened in real Chromium:
the dashboard's pages in one file, charts drawn, links within the file, no console error, no
request, and the script payloads of the store shown as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import run_spiral
from tests.integration.serve_store import build_store

pytestmark = pytest.mark.integration


def open_report(browser, path: Path, screenshot: Path) -> tuple[object, list[str], list[str]]:
    """Load a report file; return the page, console errors and any network requests."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_function("window.spiralCharts && "
                           "window.spiralCharts.drawn + window.spiralCharts.failed.length"
                           " >= document.querySelectorAll('.chart').length", timeout=30_000)
    page.screenshot(path=str(screenshot), full_page=True)
    return page, errors, requests


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    store = build_store(folder / "store.duckdb")
    out = folder / "report.html"
    done = run_spiral("report", "--db", store, "--out", out)
    assert done.returncode == 0, done.stderr
    return out


def test_report_is_the_dashboards_pages_offline(browser, report: Path, artifacts: Path) -> None:
    page, errors, requests = open_report(browser, report, artifacts / "report-pages.png")
    assert errors == []
    assert requests == []
    assert page.evaluate("window.spiralCharts.failed") == []
    n_charts = page.locator(".chart").count()
    assert page.evaluate("window.spiralCharts.drawn") == n_charts >= 5
    for section in ("overview", "dyad-RUS-UKR", "actor-RUS", "dynamics"):
        assert page.locator(f"section#{section}").count() == 1, section
    assert page.locator("section.page[id^='red-line-']").count() == 1  # two reports, one line
    assert page.locator("#chart-overview-timeline svg path").count() > 0
    assert page.locator("#chart-overview-heatmap svg").count() == 1
    # links between pages stay in the file; none points at a server
    targets = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => "
                            "a.getAttribute('href'))")
    inside = [t for t in targets if t.startswith("#")]
    assert inside and all(page.locator(t.replace(">", "\\>")).count() == 1 for t in set(inside))
    assert not [t for t in targets if t.startswith("/")]
    page.close()


def test_report_shows_script_payloads_as_text(browser, report: Path, artifacts: Path) -> None:
    page, errors, _ = open_report(browser, report, artifacts / "report-payloads.png")
    assert errors == []
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned=1</script>" in page.locator("body").inner_text()
    assert page.locator("a[href^='javascript:' i]").count() == 0
    page.close()


def test_markdown_report_has_the_same_pages_tables(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store.duckdb")
    done = run_spiral("report", "--db", store, "--format", "md")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    for heading in ("## Summary", "## Red lines", "## Escalation by dyad", "## Top quotes",
                    "## Story events RUS → UKR"):
        assert heading in text, heading
    red_lines = text.split("## Red lines", 1)[1].split("\n## ", 1)[0]
    assert red_lines.count("Vladimir Putin") == 1  # reported twice, one row
    assert "<script" not in text


def test_report_dynamics_is_the_dashboards_page(browser, tmp_path: Path, artifacts: Path) -> None:
    """On a store that passes the minimum-data rule the report's dynamics section has the
    dashboard page's QQ plot, backtest table, index over time and forecast."""
    from tests.integration.serve_store import build_synthetic_store

    store = build_synthetic_store(tmp_path)
    out = tmp_path / "report.html"
    done = run_spiral("report", "--db", store, "--out", out, timeout_s=600)
    assert done.returncode == 0, done.stderr
    page, errors, requests = open_report(browser, out, artifacts / "report-dynamics.png")
    assert errors == [] and requests == []
    for chart in ("branching", "qq", "rolling", "forecast"):
        assert page.locator(f"#chart-dynamics-{chart} svg").count() == 1, chart
    assert "the Hawkes model" in page.locator("#dynamics #backtest").inner_text()
    page.close()
