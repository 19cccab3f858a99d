"""Coder dictionaries (TABARI/PETRARCH/Phoenix formats) into spiral's knowledge base."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from typer.testing import CliRunner

from spiral.nlp.kb import ActorKB
from spiral.nlp.kb.dictionaries import parse_actors, parse_agents, to_actors_yaml
from spiral.serve.cli import app

# a made-up dictionary in the format: comments, synonyms, open stems, dated codes, a bad date
ACTORS = """<!-- a comment block
over two lines -->
NORTHLAND_  [NTL]
+NORTHLANDER
SOUTHMARCH  [SMC] # an open stem: Southmarch, Southmarchian
JANE_DOE_
\t[NTLOPP <100301]
\t[NTLGOV 100301-141231]
\t[NTLELI >150101]
BROKEN_
\t[NTLGOV 1003011-141231]
NOBODY_ [---]
"""

AGENTS = """!SOLDIER! = SOLDIER, SOLDIERS, TROOPER, TROOPERS
!SOLDIER! [~MIL]
FOREIGN_MINISTRY [~GOV]
MEDIA {} [~MED]
"""


def test_actor_entries_keep_synonyms_stems_and_dated_codes() -> None:
    problems: list[str] = []
    entries = {e["name"]: e for e in parse_actors(ACTORS.splitlines(), "x.txt", problems)}
    assert set(entries) == {"NORTHLAND", "SOUTHMARCH*", "JANE DOE"}
    assert entries["NORTHLAND"]["aliases"] == ["NORTHLANDER*"]
    assert entries["JANE DOE"]["roles"] == [
        {"code": "NTL", "sector": "OPP", "to": "2010-03-01"},
        {"code": "NTL", "sector": "GOV", "from": "2010-03-01", "to": "2015-01-01"},
        {"code": "NTL", "sector": "ELI", "from": "2015-01-01"}]
    assert problems == [("x.txt:11: '[NTLGOV 1003011-141231]' has a date that is not yymmdd or "
                        "yyyymmdd")]


def test_agents_expand_substitution_sets_and_plurals() -> None:
    agents = {a["name"]: a for a in parse_agents(AGENTS.splitlines())}
    assert agents["SOLDIER"]["sector"] == "MIL" and "TROOPERS" in agents["SOLDIER"]["aliases"]
    assert agents["FOREIGN MINISTRY"]["aliases"] == ["FOREIGN MINISTRYS"]
    assert agents["MEDIA"]["aliases"] == []


def test_imported_names_resolve_without_case_by_stem_and_date(tmp_path: Path) -> None:
    content = to_actors_yaml(parse_actors(ACTORS.splitlines()), parse_agents(AGENTS.splitlines()))
    path = tmp_path / "imported.yaml"
    path.write_text(yaml.safe_dump(content), encoding="utf-8")
    kb = ActorKB.load(path)
    assert kb.caseless.find(["The", "Southmarchian", "envoy"])[0][:2] == (1, 2)
    (_, _, jane), = kb.caseless.find(["Jane", "Doe"])
    assert kb.entity(jane, "Jane Doe", date(2012, 1, 1)).sector == "GOV"
    assert kb.entity(jane, "Jane Doe", date(2009, 1, 1)).sector == "OPP"
    assert kb.agents.find(["northland", "troopers"]) == [(1, 2, "MIL")]


def test_imported_actors_and_agents_code_a_sentence(tmp_path: Path, nlp_with) -> None:
    path = tmp_path / "imported.yaml"
    path.write_text(yaml.safe_dump(to_actors_yaml(parse_actors(ACTORS.splitlines()),
                                                  parse_agents(AGENTS.splitlines()))))
    doc = nlp_with(path)("Northland soldiers attacked Southmarchian villages on Monday.")
    (event,) = doc._.events
    assert (event["actor"][0]["code"], event["actor"][0]["sector"]) == ("NTL", "MIL")
    assert event["recipient"][0]["code"] == "SMC"


def test_cli_actors_import_writes_a_loadable_file(tmp_path: Path) -> None:
    actors, agents = tmp_path / "actors.txt", tmp_path / "agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    out = tmp_path / "kb" / "northland.yaml"
    result = CliRunner().invoke(app, ["actors", "import", str(actors), "--agents", str(agents),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 organisations, 1 people" in result.output and "actors.txt:11" in result.output
    assert ActorKB.load(out).caseless
