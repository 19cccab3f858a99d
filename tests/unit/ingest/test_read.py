"""Readers: every format, sidecars and flags, quarantine with file:line, .gz, idempotence."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spiral.config import Settings
from spiral.errors import InputError
from spiral.ingest import read
from spiral.records import Quarantined

TEXT = "Ukraine fired ATACMS missiles at the Bryansk region on Tuesday, Moscow said."


def _read_all(source: Path | str, **kwargs) -> tuple[list, list[Quarantined]]:
    quarantined: list[Quarantined] = []
    documents = list(read(source, on_quarantine=quarantined.append, **kwargs))
    return documents, quarantined


def test_read_text_with_sidecar_and_flags(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.json").write_text(json.dumps(
        {"title": "Strike", "published": "2024-11-19T18:00:00+02:00", "source": "Wire"}))
    (doc,) = read(tmp_path / "a.txt")
    assert (doc.title, doc.source, doc.published.isoformat()) == (
        "Strike", "Wire", "2024-11-19T16:00:00+00:00")
    (doc,) = read(tmp_path / "a.txt", metadata={"source": "Desk", "published": "2024-11-20"})
    assert doc.source == "Desk" and doc.published.isoformat() == "2024-11-20T00:00:00+00:00"
    assert doc.text == TEXT


def test_read_jsonl_quarantines_bad_lines_and_goes_on(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "1", "text": TEXT, "published": "2024-11-19", "source": "W"}),
             "{not json",
             json.dumps({"id": "3", "text": "", "published": "2024-11-19"}),
             json.dumps({"id": "4", "text": "Another report.", "published": "21/11/2024"}),
             json.dumps({"id": "5", "text": "Kyiv said nothing.", "published": "2024-11-22"})]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n")
    documents, quarantined = _read_all(path)
    assert [d.external_id for d in documents] == ["1", "5"]
    assert [q.origin for q in quarantined] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "'published'='21/11/2024' is not ISO 8601" in quarantined[2].reason
    assert "--date-format '%d/%m/%Y'" in quarantined[2].reason


def test_read_date_format_option(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": TEXT, "published": "21/11/2024"}) + "\n")
    (doc,) = read(path, date_format="%d/%m/%Y")
    assert doc.published.date().isoformat() == "2024-11-21"


def test_read_gzip_directory_glob_and_dedup(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT)
    with gzip.open(tmp_path / "b.txt.gz", "wt") as handle:
        handle.write("A different report from Kyiv.")
    (tmp_path / "copy.txt").write_text(TEXT.upper())  # same article, other case: one document
    (tmp_path / "notes.md").write_text("ignored")
    documents, _ = _read_all(tmp_path)
    assert sorted(d.text for d in documents) == sorted(["A different report from Kyiv.", TEXT.upper()])
    assert len(list(read(str(tmp_path / "**" / "*.txt")))) == 1


def test_read_missing_source_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.txt"):
        list(read(tmp_path / "nothing.txt"))
    with pytest.raises(InputError, match="no readable articles"):
        list(read(str(tmp_path / "*.jsonl")))


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Ledger</title>
<item><title>Strike</title><link>https://example.org/s</link>
<pubDate>Tue, 19 Nov 2024 18:00:00 GMT</pubDate><description>&lt;p&gt;Kyiv fired missiles.&lt;/p&gt;</description></item>
<item><title>Empty</title></item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Harbour Times</title><entry><title>Talks</title><link href="https://example.org/t"/>
<published>2024-11-26T10:00:00Z</published><content type="html">NATO envoys met Ukraine.</content></entry></feed>"""

BOMB = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<rss><channel><item><description>&lol2;</description></item></channel></rss>"""


def test_read_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_text(RSS)
    (tmp_path / "feed.atom").write_text(ATOM)
    documents, quarantined = _read_all(tmp_path)
    by_title = {d.title: d for d in documents}
    assert by_title["Strike"].source == "Baltic Ledger"
    assert by_title["Strike"].text == "Kyiv fired missiles."
    assert by_title["Strike"].published.isoformat() == "2024-11-19T18:00:00+00:00"
    assert by_title["Talks"].url == "https://example.org/t"
    assert [q.origin.endswith("feed.rss:entry 2") for q in quarantined] == [True]


def test_read_refuses_entity_expansion(tmp_path: Path) -> None:
    (tmp_path / "bomb.xml").write_text(BOMB)
    documents, quarantined = _read_all(tmp_path / "bomb.xml")
    assert documents == []
    assert "unsafe XML" in quarantined[0].reason


def test_read_html_with_trafilatura(tmp_path: Path) -> None:
    body = "".join(f"<p>{TEXT} Paragraph {i} adds detail on the strike and the reaction.</p>"
                   for i in range(6))
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Missiles hit Bryansk</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Missiles hit Bryansk</h1>{body}</article><footer>(c) Wire</footer></body></html>")
    (doc,) = read(tmp_path / "page.html", metadata={"published": "2024-11-19"})
    assert "Bryansk" in doc.text and "Home | World" not in doc.text


def test_read_html_time_limit_quarantines(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><body><p>" + "word " * 50_000 + "</p></body></html>")
    documents, quarantined = _read_all(tmp_path, settings=Settings(html_timeout_s=0.001))
    assert documents == []
    assert "took over" in quarantined[0].reason


def test_read_twice_equals_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Moscow warned Washington."}) + "\n")
    assert list(read(tmp_path)) == list(read(tmp_path))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.binary(max_size=400), suffix=st.sampled_from([".jsonl", ".txt", ".xml"]))
def test_read_any_bytes_parse_or_quarantine(tmp_path: Path, payload: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(payload)
    documents, quarantined = _read_all(path)
    assert all(d.text.strip() for d in documents)
    assert all(q.origin.startswith(str(path)) for q in quarantined)


XXE = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>t</title><description>&xxe;</description></item></channel></rss>"""

RDF = """<?xml version="1.0" encoding="iso-8859-1"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Gazette</title></channel>
<item><title>Caf\xe9 talks</title><link>https://example.org/c</link><dc:date>2024-11-26T10:00:00+01:00</dc:date>
<description>Envoys met at a caf\xe9 in Geneva.</description></item></rdf:RDF>"""


def test_read_refuses_external_entities(tmp_path: Path) -> None:
    (tmp_path / "xxe.rss").write_text(XXE)
    documents, quarantined = _read_all(tmp_path / "xxe.rss")
    assert documents == [] and "unsafe XML" in quarantined[0].reason


def test_read_refuses_entities_in_malformed_and_utf16_feeds(tmp_path: Path) -> None:
    (tmp_path / "broken.xml").write_text(BOMB.replace("</rss>", "</rs"))
    (tmp_path / "wide.xml").write_bytes(BOMB.replace("</rss>", "</rs").encode("utf-16"))
    documents, quarantined = _read_all(tmp_path)
    assert documents == [] and len(quarantined) == 2
    assert all("unsafe XML" in q.reason for q in quarantined)


def test_read_rss1_rdf_in_latin1_with_dublin_core_dates(tmp_path: Path) -> None:
    (tmp_path / "gazette.rdf.xml").write_bytes(RDF.encode("iso-8859-1"))
    (doc,) = read(tmp_path / "gazette.rdf.xml")
    assert doc.title == "Café talks" and doc.source == "Gazette"
    assert doc.text == "Envoys met at a café in Geneva."
    assert doc.published.isoformat() == "2024-11-26T09:00:00+00:00"


def test_read_names_a_folder_it_cannot_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17, defect 10 (the CLI test needs a non-root user; this one fails the listing)."""
    from spiral.ingest import sources

    (tmp_path / "a.txt").write_text(TEXT)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("A report nobody may read.")
    listing = sources.os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    documents, quarantined = _read_all(tmp_path)
    assert [d.text for d in documents] == [TEXT]
    assert [(q.origin, q.reason.split(";")[0]) for q in quarantined] == [
        (str(locked), "cannot list the folder (Permission denied)")]
