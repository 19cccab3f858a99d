"""Issue 17, defects 6, 7, 8 and 10: what `spiral ingest` reads, refuses and reports."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import duckdb
import pytest

from tests.integration.reliability.cli import spiral

pytestmark = pytest.mark.integration

TEXT = ("Ukraine fired six ATACMS missiles at a military facility in the Bryansk region on "
        "Tuesday, Russia's defence ministry said.")
RUSSIAN = ("Министерство обороны России заявило во вторник, что украинские войска выпустили "
           "шесть ракет по военному объекту в Брянской области. ")


def stored(db: Path, column: str = "origin") -> list[str]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return sorted(r[0] for r in connection.execute(f"SELECT {column} FROM documents").fetchall())


def quarantined(db: Path) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return dict(connection.execute("SELECT origin, reason FROM quarantine").fetchall())


def test_issue_17_declared_charset_is_honoured(tmp_path: Path, store: Path) -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1251"><title>Удар по складу</title></head><body><article>'
            f'<h1>Удар по складу</h1><p>{RUSSIAN * 4}</p><p>{RUSSIAN * 3}</p></article>'
            '</body></html>')
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    outcome = spiral("-v", "ingest", tmp_path / "ru.html", "--db", store)
    assert outcome.code == 0, outcome
    assert "cp1251 (declared in <meta>)" in outcome.err
    (text,) = stored(store, "text")
    assert "Брянской области" in text and "\ufffd" not in text


def test_issue_17_symlinks_out_of_the_folder_are_refused(tmp_path: Path, store: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "more").symlink_to(outside)
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    outcome = spiral("ingest", folder, "--db", store)
    assert outcome.code == 0, outcome
    assert stored(store) == [str(folder / "a.txt")]
    refused = quarantined(store)
    assert set(refused) == {str(folder / n) for n in ("passwd.txt", "more", "gone.txt", "loop.txt")}
    assert "--follow-symlinks" in refused[str(folder / "passwd.txt")]
    assert "dangling" in refused[str(folder / "gone.txt")]
    assert "4 quarantined" in outcome.out and "passwd.txt" in outcome.out

    outcome = spiral("ingest", folder, "--db", store, "--follow-symlinks")
    assert outcome.code == 0, outcome
    assert str(folder / "more" / "secret.txt") in stored(store)  # passwd.txt repeats it
    assert f"skipped {folder / 'passwd.txt'}: repeats the text of" in outcome.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_issue_17_unreadable_folder_is_named(tmp_path: Path, store: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        outcome = spiral("ingest", tmp_path, "--db", tmp_path / "s.duckdb")
    finally:
        locked.chmod(0o755)
    assert outcome.code == 0, outcome
    assert f"quarantined {locked}: cannot list the folder" in outcome.out


def test_issue_17_size_caps_apply_while_decompressing(tmp_path: Path, store: Path) -> None:
    folder = tmp_path / "bombs"
    folder.mkdir()
    line = (TEXT + " ").encode() * 1000
    with gzip.open(folder / "long.txt.gz", "wb") as handle:  # 1.3 MB of text in 6 KB
        for _ in range(10):
            handle.write(line)
    with gzip.open(folder / "wide.jsonl.gz", "wb") as handle:  # a first line of 20 MB
        handle.write(b'{"text": "' + b"a" * (20 * 2**20) + b'"}\n')
        handle.write(json.dumps({"text": TEXT}).encode() + b"\n")
    outcome = spiral("ingest", folder, "--db", store, env={"SPIRAL_MAX_FILE_MB": "64"})
    assert outcome.code == 0, outcome
    refused = quarantined(store)
    assert "SPIRAL_MAX_ARTICLE_CHARS" in refused[str(folder / "long.txt.gz")]
    assert "line longer than" in refused[f"{folder / 'wide.jsonl.gz'}:1"]
    assert stored(store) == [f"{folder / 'wide.jsonl.gz'}:2"]  # the next line is still read


def test_issue_17_nothing_is_lost_in_silence(tmp_path: Path, store: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bom.jsonl").write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"text": TEXT, "id": "1"}).encode() + b"\n"
        + json.dumps({"text": "Kyiv denied it.", "id": "2", "author": "x"}).encode() + b"\n")
    (folder / "b.txt").write_text("NATO envoys met in Brussels on Tuesday.", encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({"title": "Envoys", "byline": "Desk"}))
    (folder / "shout.txt").write_text(TEXT.upper(), encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    # line 100 printed as ":100:" became an emoji, and '[/x]' a markup error (a traceback)
    (folder / "late.jsonl").write_text("\n" * 99 + json.dumps({"text": "x", "published": "[/x]"}))
    outcome = spiral("ingest", folder, "--db", store)
    assert outcome.code == 0, outcome
    assert stored(store, "external_id") == ["", "1", "2"]  # the first record, after the BOM
    assert stored(store, "title") == ["", "", "Envoys"]  # the sidecar's known fields are kept
    assert "'byline'" in outcome.err and "'author'" in outcome.err  # ignored fields named
    assert "read 3 documents" in outcome.out and "2 skipped" in outcome.out
    assert f"skipped {folder / 'shout.txt'}: repeats the text of {folder / 'bom.jsonl'}:1" \
        in outcome.out
    assert f"skipped {folder / 'notes.md'}: not an article file" in outcome.out
    assert f"quarantined {folder / 'late.jsonl'}:100: 'published'='[/x]'" in outcome.out


@pytest.mark.slow
def test_issue_17_compressed_bombs_stay_under_600_mb(tmp_path: Path, store: Path) -> None:
    """The sizes of the issue: 300 MB of text in a .txt.gz, one 2 GB line in a .jsonl.gz."""
    folder = tmp_path / "bombs"
    folder.mkdir()
    with gzip.open(folder / "text.txt.gz", "wb", compresslevel=1) as handle:
        chunk = (TEXT + " ").encode() * 20_000
        for _ in range(300 * 2**20 // len(chunk)):
            handle.write(chunk)
    with gzip.open(folder / "line.jsonl.gz", "wb", compresslevel=1) as handle:
        handle.write(b'{"text": "')
        for _ in range(2**31 // 2**24):
            handle.write(b"a" * 2**24)
        handle.write(b'"}\n')
    for bomb in ("text.txt.gz", "line.jsonl.gz"):
        outcome = spiral("ingest", folder / bomb, "--db", store)
        assert outcome.code == 0 and "1 quarantined" in outcome.out, outcome
        assert outcome.peak_mb < 600, (bomb, outcome.peak_mb)


def _feed(entries: list[str], *, atom: bool) -> bytes:
    if atom:
        items = "".join(f'<entry><title>Report {n}</title><link href="https://example.org/{n}"/>'
                        f'<updated>2024-11-{18 + n}T10:00:00Z</updated>'
                        f'<content type="html">&lt;p&gt;{text}&lt;/p&gt;</content></entry>'
                        for n, text in enumerate(entries, start=1))
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Desk</title>{items}</feed>").encode()
    items = "".join(f"<item><title>Report {n}</title><link>https://example.org/{n}</link>"
                    f"<pubDate>Tue, {18 + n} Nov 2024 10:00:00 GMT</pubDate>"
                    f"<description>{text}</description></item>"
                    for n, text in enumerate(entries, start=1))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk'
            f"</title>{items}</channel></rss>").encode()


def test_issue_17_damaged_feeds_keep_every_readable_entry(tmp_path: Path, store: Path) -> None:
    """feedparser, given a whole damaged feed, read an unclosed CDATA section as swallowing
    every entry after it and left a cut-off last entry unnamed; each entry is now read alone."""
    folder = tmp_path / "feeds"
    folder.mkdir()
    whole = _feed([f"{TEXT} Report {n} of the RSS desk." for n in range(1, 6)], atom=False)
    (folder / "cut.rss").write_bytes(whole[: whole.index(b"Report 4 of the")])
    garbled = _feed([f"{TEXT} Report {n} of the Atom desk." for n in range(1, 6)], atom=True)
    at = garbled.index(b"Report 2 of the")
    (folder / "garbled.atom").write_bytes(garbled[:at] + b"<![CDATA[\x00\xff<<&" + garbled[at + 10:])
    outcome = spiral("-v", "ingest", folder, "--db", store)
    assert outcome.code == 0, outcome
    cut, atom = str(folder / "cut.rss"), str(folder / "garbled.atom")
    assert stored(store) == sorted([f"{cut}:entry {n}" for n in (1, 2, 3)]
                                   + [f"{atom}:entry {n}" for n in (1, 3, 4, 5)])
    refused = quarantined(store)
    assert set(refused) == {f"{cut}:entry 4", f"{atom}:entry 2"}
    assert "cut short" in refused[f"{cut}:entry 4"]
    assert "read 7 documents" in outcome.out and "2 quarantined" in outcome.out
    assert f"quarantined {atom}:entry 2: " in outcome.out


def test_issue_17_charset_decision_is_kept_and_exported(tmp_path: Path, store: Path) -> None:
    """How each document was decoded is stored with it and exported, not only logged."""
    folder = tmp_path / "pages"
    folder.mkdir()
    page = ('<html><head><meta charset="windows-1251"><title>Удар по складу</title></head>'
            f'<body><article><h1>Удар по складу</h1><p>{RUSSIAN * 4}</p></article></body></html>')
    (folder / "ru.html").write_bytes(page.encode("cp1251"))
    english = (f"<html><head><title>Strike</title></head><body><article><h1>Strike</h1>"
               f"<p>{TEXT} {TEXT}</p><p>{TEXT}</p></article></body></html>")
    (folder / "bom.html").write_bytes(b"\xef\xbb\xbf" + english.replace("Strike", "Kyiv").encode())
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Kyiv said it – Київ.".encode())
    outcome = spiral("ingest", folder, "--db", store)
    assert outcome.code == 0 and "3 new" in outcome.out, outcome
    out = tmp_path / "documents.jsonl"
    outcome = spiral("export", "--db", store, "--table", "documents", "--format", "jsonl",
                     "--out", out)
    assert outcome.code == 0, outcome
    rows = {Path(r["origin"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert (rows["ru.html"]["charset"], rows["ru.html"]["charset_reason"]) == (
        "cp1251", "declared in <meta>")
    assert "Брянской области" in rows["ru.html"]["text"]
    assert (rows["bom.html"]["charset"], rows["bom.html"]["charset_reason"]) == (
        "utf-8", "byte-order mark")
    assert (rows["bom.txt"]["charset"], rows["bom.txt"]["charset_reason"]) == (
        "utf-8", "byte-order mark")
    assert rows["bom.txt"]["text"] == "Kyiv said it – Київ."  # the mark is not text
    outcome = spiral("documents", "--db", store, "--format", "json")
    assert outcome.code == 0, outcome
    listed = {Path(r["origin"]).name: (r["charset"], r["charset_reason"])
              for r in json.loads(outcome.out)}
    assert listed == {name: (row["charset"], row["charset_reason"]) for name, row in rows.items()}
    outcome = spiral("documents", "--db", store, env={"COLUMNS": "200"})
    assert "cp1251 (declared in <meta>)" in outcome.out, outcome
