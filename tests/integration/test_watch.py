"""`watch` polls a folder and feeds served from 127.0.0.1: feeds that are down or answer garbage
are logged and retried, never fatal, and every report is stored and coded exactly once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from spiral.config import Settings
from spiral.errors import InputError
from spiral.nlp import pipeline
from spiral.serve.watch import WatchRound, parse_duration, watch
from spiral.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.model]


def _rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><title>{title}</title><link>https://example.org/{i}</link>"
                   f"<pubDate>Tue, 19 Nov 2024 1{i}:00:00 GMT</pubDate>"
                   f"<description>{text}</description></item>"
                   for i, (title, text) in enumerate(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}'
            "</channel></rss>").encode()


STRIKE = ("Strike", "Ukraine fired missiles at a depot in the Bryansk region on Tuesday.")
TALKS = ("Talks", "NATO envoys met Ukrainian officials in Brussels on Tuesday.")
WARNING = ("Warning", "Russia warned Britain on Wednesday against supplying more missiles.")
# what the feed answers, request by request; the last answer repeats
ANSWERS = [(503, b"down for maintenance"), (200, b"<<<\x00 not a feed"),
           (200, _rss(STRIKE, TALKS)), (200, _rss(STRIKE, TALKS, WARNING))]


@pytest.fixture
def feed_url() -> Iterator[str]:
    served: list[int] = []

    class Feed(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = ANSWERS[min(len(served), len(ANSWERS) - 1)]
            served.append(status)
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/world.rss"
    server.shutdown()
    server.server_close()


def test_watch_survives_bad_feeds_and_codes_each_report_once(
        feed_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Kyiv said on Monday it had shot down 40 drones.")
    settings = Settings(db=tmp_path / "watch.duckdb")
    rounds: list[WatchRound] = []

    def on_round(done: WatchRound) -> None:
        rounds.append(done)
        if done.number == 2:  # a report arrives in the folder between polls
            (inbox / "b.txt").write_text("Moscow said on Tuesday it would respond to the strike.")

    dead = "http://127.0.0.1:9/nothing.rss"  # discard port: connection refused
    with caplog.at_level(logging.WARNING), open_store(settings.db) as store:
        watch(store, [str(inbox), feed_url, dead], pipeline.load(settings), settings=settings,
              every_s=0.2, retry_s=0.01, max_rounds=12, on_round=on_round)
        counts = store.counts()
    assert counts["documents"] == 5 and counts["extractions"] == 5
    assert sum(r.n_coded for r in rounds) == 5  # nothing coded twice
    assert sum(r.n_new for r in rounds) == 5
    assert all(dead in r.failing for r in rounds)
    messages = caplog.text
    assert "HTTP 503" in messages and "neither an RSS nor an Atom feed" in messages
    assert "Connection refused" in messages


def test_watch_parse_duration_names_the_fix() -> None:
    assert parse_duration("90s") == 90 and parse_duration("2d") == 172_800
    with pytest.raises(InputError, match="e.g. 15m"):
        parse_duration("15 minutes")
