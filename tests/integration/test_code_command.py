"""`spiral code FILE` prints the document JSON with the agreed keys and offsets into the file text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spiral.serve.cli import app
from tests.cli import run_spiral

pytestmark = [pytest.mark.integration, pytest.mark.model]

DOCUMENT_KEYS = {"doc_id", "title", "published", "source", "url", "origin"}
EVENT_KEYS = {"id", "event_type", "mode", "context", "actor", "recipient", "date", "date_precision",
              "quad_code", "intensity", "cameo", "negated", "hypothetical", "text", "start", "end"}
QUOTE_KEYS = {"id", "speaker", "speaker_text", "anonymous", "content", "kind", "cue", "date",
              "start", "end"}
RED_LINE_KEYS = {"id", "declarer", "addressee", "condition", "consequence", "kind", "date", "status",
                 "crossed_by", "crossed_date", "start", "end"}
POSITION_KEYS = {"id", "holder", "issue", "demand", "start", "end"}
ENTITY_KEYS = {"entity_text", "entity_name", "code", "sector", "role", "role_valid_from",
               "role_valid_to", "wikidata_id"}


def test_code_prints_document_json_with_spans(corpus_dir: Path) -> None:
    article = min(corpus_dir.glob("*.txt"))
    text = article.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(article), "--published", "2024-11-21",
                                      "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    coded = json.loads(result.output)
    assert set(coded) == {"document", "events", "quotes", "red_lines", "positions", "actors"}
    assert set(coded["document"]) == DOCUMENT_KEYS
    assert coded["document"]["published"].startswith("2024-11-21")
    for key, expected in [("events", EVENT_KEYS), ("quotes", QUOTE_KEYS),
                          ("red_lines", RED_LINE_KEYS), ("positions", POSITION_KEYS)]:
        for item in coded[key]:
            assert set(item) >= expected, (key, expected - set(item))
            assert 0 <= item["start"] < item["end"] <= len(text)
    assert coded["actors"], "an article of the corpus names actors"
    for actor in coded["actors"]:
        assert set(actor) == ENTITY_KEYS | {"mentions"}
        for mention in actor["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]


def test_code_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["code", str(tmp_path / "none.txt")])
    assert result.exit_code == 2
    assert "none.txt" in result.output


def test_code_folder_to_out_dir_loads_the_model_once_and_reruns_safely(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Russia fired a missile at Dnipro on Thursday.", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "1", "text": "NATO envoys met in Brussels on Tuesday.",
                    "published": "2024-11-26"}) + "\n"
        + json.dumps({"id": "2", "text": "", "published": "2024-11-26"}) + "\n", encoding="utf-8")
    out = tmp_path / "coded"
    for _ in range(2):
        done = run_spiral("code", folder, "--out", out)
        assert done.returncode == 0, done.stderr
        assert "coded 2 documents" in done.stdout and "1 skipped" in done.stdout
        assert "b.jsonl:2" in done.stderr
    written = sorted(out.glob("*.json"))
    assert [p.stem for p in written] == sorted(
        json.loads(p.read_text())["document"]["doc_id"] for p in written)
    origins = {json.loads(p.read_text())["document"]["origin"] for p in written}
    assert origins == {str(folder / "a.txt"), f"{folder / 'b.jsonl'}:1"}
    listing = run_spiral("code", folder / "a.txt", folder / "b.jsonl")
    assert listing.returncode == 2 and "b.jsonl:2" in listing.stderr  # printing: a bad record is fatal


def test_code_text_page_codes_the_story_not_its_furniture(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Russia fired missiles at Kharkiv\n\n"
                    "By Ana Lima and Tom Berg Published On 21 Nov 2024\n\n"
                    "Israeli troops raided a village near Jenin on March 3 [Ana Lima/Agency]\n"
                    "KHARKIV, Nov 21 (Reuters) - Russia fired missiles at Kharkiv, the regional "
                    "governor said.\n\nRead more: Russia will strike Kyiv if NATO sends troops\n",
                    encoding="utf-8")
    out = tmp_path / "coded"
    done = run_spiral("code", page, "--published", "2024-11-22", "--out", out)
    assert done.returncode == 0, done.stderr
    (written,) = out.glob("*.json")
    coded = json.loads(written.read_text(encoding="utf-8"))
    assert [(e["event_type"], e["date"], e["text"]) for e in coded["events"]] == [
        ("ASSAULT", "2024-11-22", "Russia fired missiles at Kharkiv, the regional governor said.")]
    assert coded["red_lines"] == []
    assert "Tom Berg" not in {a["entity_text"] for a in coded["actors"]}
