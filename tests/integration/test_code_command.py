"""`spiral code FILE` prints the document JSON with the agreed keys and offsets into the file text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spiral.serve.cli import app

pytestmark = [pytest.mark.integration, pytest.mark.model]

DOCUMENT_KEYS = {"doc_id", "title", "published", "source", "url"}
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
    article = sorted(corpus_dir.glob("*.txt"))[0]
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
