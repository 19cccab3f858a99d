"""The PETRARCH validation suite run through spiral: grammar coverage and the dictionary importer.

The suite's sentences are fictional (Arnor, Gondor, Mordor) and its actors exist only in its own
dictionaries, so the actor and agent files its `<Environment>` names are imported with
`spiral.nlp.kb.dictionaries` and added to the knowledge base. Its verb dictionary is not used:
spiral codes events with its own lexicon, compared on CAMEO root codes. That verb file is mostly
WEIS-coded, so records whose expected codes are not CAMEO (roots above 20) are reported apart.
This measures coverage of grammatical constructions and the importer, not real-world accuracy.
"""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml

from spiral.config import Settings
from spiral.errors import InputError
from spiral.nlp import pipeline
from spiral.nlp.kb.dictionaries import read_actor_dictionary, read_agent_dictionary, to_actors_yaml

Coding = tuple[str, str, str]  # source code, target code, event code


def load_suite(path: Path) -> tuple[list[dict[str, Any]], dict[str, Path]]:
    """The suite's records and the dictionary files its environment names (beside it)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise InputError(f"{path}: cannot read the PETRARCH records ({error})") from None
    environment = root.find("Environment")
    files = {}
    for key, tag in (("actors", "Actorfile"), ("agents", "Agentfile")):
        name = environment.findtext(tag) if environment is not None else None
        if not name:
            raise InputError(f"{path}: the <Environment> block names no <{tag}>")
        files[key] = Path(path).parent / name.strip()
    records = []
    for sentence in root.iter("Sentence"):
        codings = sentence.findall("EventCoding")
        if any("error" in c.attrib for c in codings):
            continue  # the suite's own error-handling tests: no coding to compare
        day = sentence.get("date", "")
        records.append({
            "id": sentence.get("id"), "category": sentence.get("category"),
            "published": f"{day[:4]}-{day[4:6]}-{day[6:8]}",
            "text": " ".join((sentence.findtext("Text") or "").split()),
            "codings": [(c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
                        for c in codings if "eventcode" in c.attrib],
        })
    return records, files


def is_weis(coding: Coding) -> bool:
    """A code from the suite's WEIS-derived verb file: its root is not a CAMEO root (01-20)."""
    digits = re.match(r"\d+", coding[2])
    return digits is None or not 1 <= int(digits.group(0)[:2]) <= 20


def evaluate_petrarch(settings: Settings, path: Path) -> dict[str, Any]:
    """Agreement on source and target actors and on event root codes, CAMEO and WEIS apart."""
    records, files = load_suite(path)
    problems: list[str] = []
    actors_yaml = to_actors_yaml(read_actor_dictionary(files["actors"], problems),
                                 read_agent_dictionary(files["agents"]))
    with tempfile.TemporaryDirectory() as folder:
        actors_file = Path(folder) / "petrarch_actors.yaml"
        actors_file.write_text(yaml.safe_dump(actors_yaml), encoding="utf-8")
        nlp = pipeline.load(settings.model_copy(update={"actors_file": actors_file}))
        predictions = [_codings(doc) for doc in pipeline.annotate_texts(
            nlp, ((r["text"], r["published"]) for r in records))]
    groups: dict[str, list[tuple[dict[str, Any], list[Coding]]]] = {"cameo": [], "weis": [],
                                                                      "no_events": []}
    for record, predicted in zip(records, predictions):
        if not record["codings"]:
            groups["no_events"].append((record, predicted))
        elif any(is_weis(c) for c in record["codings"]):
            groups["weis"].append((record, predicted))
        else:
            groups["cameo"].append((record, predicted))
    return {
        "n_records": len(records),
        "dictionary_entries": {"organisations": len(actors_yaml["organisations"]),
                               "people": len(actors_yaml["people"]),
                               "agents": sum(len(v) for v in actors_yaml["agents"].values())},
        "dictionary_problems": problems,
        "cameo": _agreement(groups["cameo"]),
        "weis": _agreement(groups["weis"]),
        "no_events": {"records": len(groups["no_events"]),
                      "correctly_empty": sum(not p for _, p in groups["no_events"])},
        "per_category": {category: _agreement([(r, p) for g in ("cameo", "weis")
                                               for r, p in groups[g] if r["category"] == category])
                         for category in sorted({r["category"] for r in records if r["codings"]})},
    }


def _codings(doc: Any) -> list[Coding]:
    found = []
    for event in doc._.events:
        if event["negated"]:
            continue
        source = event["actor"][0] if event["actor"] else None
        target = event["recipient"][0] if event["recipient"] else None
        found.append((_code(source), _code(target), event["cameo"] or ""))
    return found


def _code(entity: dict[str, Any] | None) -> str:
    """An entity as a CAMEO-style actor code: country then agent ("GON" + "MIL")."""
    return (entity["code"] + entity["sector"]) if entity else ""


def _agreement(pairs: list[tuple[dict[str, Any], list[Coding]]]) -> dict[str, Any]:
    """For each expected coding, the predicted event that agrees with it most: how often the
    source, target (full code and first three letters) and root code agree; and the share of
    records whose codings spiral reproduces exactly (roots and codes)."""
    n = source = source_country = target = target_country = root = triple = exact = 0
    for record, predicted in pairs:
        expected = record["codings"]
        for coding in expected:
            n += 1
            best = max(predicted, key=lambda p: _agree(coding, p), default=None)
            if best is None:
                continue
            source += best[0] == coding[0]
            source_country += best[0][:3] == coding[0][:3]
            target += best[1] == coding[1]
            target_country += best[1][:3] == coding[1][:3]
            root += best[2][:2] == coding[2][:2]
            triple += _agree(coding, best) == 4
        exact += {(s, t, c[:2]) for s, t, c in expected} == {(s, t, c[:2]) for s, t, c in predicted}
    share = (lambda k: round(k / n, 3)) if n else (lambda k: None)
    return {"records": len(pairs), "codings": n, "source": share(source),
            "source_country": share(source_country), "target": share(target),
            "target_country": share(target_country), "root": share(root),
            "source_target_root": share(triple),
            "records_exact": round(exact / len(pairs), 3) if pairs else None}


def _agree(expected: Coding, predicted: Coding) -> int:
    return ((predicted[0] == expected[0]) + (predicted[1] == expected[1])
            + 2 * (predicted[2][:2] == expected[2][:2]))
