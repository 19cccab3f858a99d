"""The offline report opened in real Chromium: no console errors, no network, charts drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from spiral.serve.report import ReportData, render_html

pytestmark = pytest.mark.integration


def _sample_report() -> ReportData:
    index = [{"dyad": "RUS->UKR", "date": f"2024-11-{d:02d}", "rivera_score": s,
              "ladder_group": g, "ladder_label": label, "n_stories": 1}
             for d, s, g, label in [(19, 12, 2, "solemn threats and sanctions"),
                                    (21, 28, 5, "strategic strikes"), (22, 60, 6, "nuclear threats")]]
    return ReportData(
        title="Test report", subtitle="three days",
        summary={"documents": 3, "story events": 3},
        index_rows=index,
        dyad_rows=[{"actor_code": "RUS", "recipient_code": "UKR", "n_stories": 3,
                    "rivera_score": 100, "ladder_group": 6}],
        story_rows=[{"date": "2024-11-21", "actor_code": "RUS", "recipient_code": "UKR",
                     "event_type": "ASSAULT", "mode": "missile", "n_mentions": 4, "n_sources": 3,
                     "text": "Russia fired a new missile at Dnipro <script>", "url": "https://example.org/a",
                     "source": "Wire"}],
        spiral_index=[{"label": "RUS/UKR material conflict", "value": 0.7, "low": 0.5, "high": 0.9}],
        forecast_rows=[{"scenario": "baseline", "dim": "RUS->UKR", "day": f"2024-12-{d:02d}",
                        "q05": 0, "q50": 1, "mean": 1.2, "q95": 3} for d in range(1, 10)],
    )


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


def test_report_draws_charts_offline_without_errors(browser, tmp_path: Path, artifacts: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(_sample_report()), encoding="utf-8")
    page, errors, requests = open_report(browser, path, artifacts / "report-sample.png")
    assert errors == []
    assert requests == []
    assert page.evaluate("window.spiralCharts.failed") == []
    assert page.evaluate("window.spiralCharts.drawn") == 3
    assert page.locator("#chart-timeline svg").count() == 1
    assert page.locator("#chart-timeline svg path").count() > 0
    assert "<script>" in page.locator("#stories").inner_text()  # escaped, shown as text
    page.close()
