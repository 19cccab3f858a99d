"""The dashboard in real Chromium against a live `spiral serve` started here, on 127.0.0.1.

The walk an analyst makes: open the overview, pick a dyad, drag a date range on the timeline,
click a heatmap cell and reach the highlighted sentences behind it, search for a name,
download a figure; no console errors and no request leaves the machine. Screenshots are kept
in test-artifacts/.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.serve_store import build_store, build_synthetic_store

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def _serve(store: Path) -> Iterator[str]:
    """`spiral serve` on `store` at a free port of 127.0.0.1, stopped on exit."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", "from spiral.serve.cli import app; app()", "serve", "--db",
         str(store), "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v1/openapi.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"spiral serve did not start: {process.stdout.read()}")
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with _serve(build_store(tmp_path_factory.mktemp("dashboard") / "store.duckdb")) as url:
        yield url


@pytest.fixture(scope="module")
def rich_server(tmp_path_factory) -> Iterator[str]:
    """A server on a store that passes the minimum-data rule (synthetic GDELT, 400 days)."""
    with _serve(build_synthetic_store(tmp_path_factory.mktemp("dashboard-rich"))) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.outside = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:")) else None)
    yield page
    context.close()


def _charts_drawn(page) -> None:
    page.wait_for_function("window.spiralCharts && window.spiralCharts.drawn"
                           " + window.spiralCharts.failed.length"
                           " >= document.querySelectorAll('.chart[data-chart]').length",
                           timeout=30_000)
    assert page.evaluate("window.spiralCharts.failed") == []


def test_dashboard_walk(page, server: str, artifacts: Path, tmp_path: Path) -> None:
    page.goto(server + "/")
    _charts_drawn(page)
    page.screenshot(path=str(artifacts / "dashboard-overview.png"), full_page=True)
    assert page.locator("#chart-timeline svg").count() == 1
    assert page.locator("table.red-lines tbody tr").count() == 1  # one line, two outlets
    assert "answered" in page.locator("table.red-lines").inner_text()

    # pick a dyad: the choice lives in the URL
    page.select_option("#dyad-picker", ["UKR-RUS"])
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/?dyad=UKR-RUS**")
    _charts_drawn(page)

    # brush a date range on the timeline, then apply it
    box = page.locator("#chart-timeline svg").bounding_box()
    y = box["y"] + box["height"] * 0.45
    page.mouse.move(box["x"] + box["width"] * 0.15, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=8)
    page.mouse.up()
    page.wait_for_function("!document.getElementById('apply-brush').disabled", timeout=5_000)
    page.click("#apply-brush")
    page.wait_for_url("**since=*until=*")
    assert "dyad=UKR-RUS" in page.url
    _charts_drawn(page)
    page.screenshot(path=str(artifacts / "dashboard-brushed.png"), full_page=True)

    # a heatmap cell leads to its story events, and on to the highlighted sentence
    page.goto(server + "/")
    _charts_drawn(page)
    page.locator("#chart-heatmap svg .mark-rect path").first.click()
    page.wait_for_url("**/stories?dyad=*")
    page.locator("a.story-link").first.click()
    page.wait_for_url("**/story/sty_*")
    page.locator("a.sentence-link").first.click()
    page.wait_for_url("**/document/doc_*?hl=*")
    marked = page.locator("mark#hl").inner_text()
    assert "fired" in marked and "missile" in marked
    page.screenshot(path=str(artifacts / "dashboard-sentence.png"), full_page=True)

    # search for a name
    page.fill("#search-box", "Putin")
    page.press("#search-box", "Enter")
    page.wait_for_url("**/search?q=Putin")
    assert page.locator("ol.hits li").count() >= 2
    page.screenshot(path=str(artifacts / "dashboard-search.png"), full_page=True)

    # download the heatmap as PNG and SVG
    page.goto(server + "/")
    _charts_drawn(page)
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<svg")):
        with page.expect_download() as info:
            page.click(f"button.download[data-chart=heatmap][data-format={fmt}]")
        saved = tmp_path / f"heatmap.{fmt}"
        info.value.save_as(saved)
        assert saved.read_bytes()[:4] == magic[:4]

    assert page.errors == []
    assert page.outside == []


def test_dashboard_pages_run_no_injected_script(page, server: str, artifacts: Path) -> None:
    for path in ("/", "/search?q=answer", "/actor/RUS", "/dyad/RUS-UKR", "/dynamics"):
        page.goto(server + path)
        _charts_drawn(page)
        assert page.evaluate("window.__pwned") is None, path
    page.goto(server + "/search?q=pwned")
    page.locator("ol.hits a.hit").first.click()
    page.wait_for_url("**/document/**")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(artifacts / "dashboard-escaped.png"), full_page=True)
    assert page.errors == []


def test_dashboard_dynamics_shows_backtest_rolling_index_and_qq(page, server: str,
                                                                rich_server: str,
                                                                artifacts: Path) -> None:
    page.goto(server + "/dynamics")  # twenty-odd story events: no number anywhere
    assert page.locator("section#fit").inner_text().count("too few events to estimate") == 1
    assert "too few events to estimate" in page.locator("section#backtest").inner_text()
    assert page.locator(".chart[data-chart]").count() == 0

    page.goto(rich_server + "/dynamics", timeout=120_000)
    _charts_drawn(page)
    for name in ("branching", "qq", "rolling", "forecast"):
        assert page.locator(f"#chart-{name} svg").count() == 1, name
    rows = page.locator("table.backtest tbody tr")
    assert rows.count() == 2
    for k in range(2):
        verdict = rows.nth(k).locator("td.verdict").inner_text()
        assert verdict.startswith("the Hawkes model") and "constant-rate Poisson" in verdict
    windows = page.locator("table.rolling tbody tr td.verdict").all_inner_texts()
    assert windows and all(w == "too few events to estimate"
                           or w.startswith(("reactions die out", "inconclusive",
                                            "self-sustaining")) for w in windows)
    assert page.locator("#chart-rolling svg .mark-symbol path").count() == sum(
        w != "too few events to estimate" for w in windows)
    page.screenshot(path=str(artifacts / "dashboard-dynamics.png"), full_page=True)
    assert page.errors == []
    assert page.outside == []
