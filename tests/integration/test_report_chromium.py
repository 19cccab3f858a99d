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
    caption = {"window": "2024-01-01 to 2024-11-30", "n_events": 300, "decay_per_day": 0.2}
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
        spiral_index=[{"label": "RUS/UKR material conflict", "value": 0.7, "low": 0.5, "high": 0.9,
                       "verdict": "reactions die out: the whole 90% interval is below 1",
                       "note": "window 2024-01-01 to 2024-11-30"}],
        forecast_rows=[{"scenario": "baseline", "dim": "RUS->UKR", "day": f"2024-12-{d:02d}",
                        "q05": 0, "q50": 1, "mean": 1.2, "q95": 3, **caption}
                       for d in range(1, 10)],
        qq_rows=[{"dim": "RUS->UKR", "expected": q, "observed": q * 1.1, **caption}
                 for q in (0.1, 0.5, 1.0, 2.0)],
        rolling_index_rows=[{"from": "2024-01-01", "to": f"2024-{m:02d}-28", "n_events": 250,
                             "spiral_index": 0.6, "low": 0.4, "high": 0.8, "decay_per_day": 0.2,
                             "verdict": "reactions die out"} for m in (6, 7, 8)],
        backtest_rows=[{"dim": "RUS->UKR", "n_origins": 30, "n_events": 120,
                        "skill_vs_constant": 0.1, "skill_vs_constant_se": 0.09,
                        "skill_vs_piecewise": 0.4, "skill_vs_piecewise_se": 0.15,
                        **{f"coverage{level}_{model}": 0.5 if level == 50 else 0.9
                           for level in (50, 90) for model in ("hawkes", "constant", "piecewise")},
                        "verdict": "does not beat the constant-rate Poisson baseline; beats the "
                                   "piecewise-constant baseline", "n_skipped_origins": 12}],
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
    assert page.evaluate("window.spiralCharts.drawn") == 5
    assert page.locator("#chart-timeline svg").count() == 1
    assert page.locator("#chart-timeline svg path").count() > 0
    assert "<script>" in page.locator("#stories").inner_text()  # escaped, shown as text
    backtest = page.locator("#backtest").inner_text()
    assert "the Hawkes model does not beat the constant-rate Poisson baseline" in backtest
    assert "12 origins skipped: too few events to estimate before them" in backtest
    page.close()
