"""Precision, recall and F1 on spiral's own gold sets (`tests/gold/`, written and annotated by us).

`events.jsonl`: sentences with their PLOVER events (type, mode, actor and recipient country,
date, negated, hypothetical) and tags naming the hard case each holds (passive, nominal,
negation, hypothetical, role, coordination, reported, date).

`statements.jsonl`: paragraphs with their quotes (content, kind, speaker), red lines (declarer,
kind, condition, consequence) and positions (holder, issue, demand). A predicted item matches a
gold one when their texts share at least half the gold words (`overlap`) and the who is right:
the resolved speaker (the person's name, or the country of an institution or anonymous source),
the declarer's or holder's country. Each gold item matches at most one prediction.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language

from spiral.errors import InputError
from spiral.nlp import pipeline
from spiral.plover import EVENT_TYPES

WORD = re.compile(r"\w+")
MIN_OVERLAP = 0.5


def load_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read the gold file ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not JSON ({error.msg})") from None
    return records


def overlap(gold: str, predicted: str) -> float:
    """Share of the gold words that the prediction also holds.

    >>> overlap("adequate and tangible", "would be adequate and tangible")
    1.0
    """
    wanted = Counter(w.lower() for w in WORD.findall(gold))
    found = Counter(w.lower() for w in WORD.findall(predicted))
    total = sum(wanted.values())
    return sum((wanted & found).values()) / total if total else 0.0


def _annotate(nlp: Language, records: list[dict[str, Any]]) -> list[Any]:
    return list(pipeline.annotate_texts(nlp, ((r["text"], r["published"]) for r in records)))


def _scores(tp: int, n_predicted: int, n_gold: int) -> dict[str, float | int]:
    precision = tp / n_predicted if n_predicted else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "gold": n_gold, "predicted": n_predicted, "matched": tp}


def _pair(gold: list[dict], predicted: list[dict],
          score: Callable[[dict, dict], float]) -> list[tuple[dict, dict]]:
    """One-to-one pairs, best score first; a pair needs a score above 0."""
    options = sorted(((score(g, p), i, j) for i, g in enumerate(gold)
                      for j, p in enumerate(predicted)), reverse=True)
    used_gold, used_predicted, pairs = set(), set(), []
    for value, i, j in options:
        if value > 0 and i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((gold[i], predicted[j]))
    return pairs


def evaluate_events(nlp: Language, path: Path) -> dict[str, Any]:
    """Event type P/R/F1 (micro and per type), and on matched events the share with the right
    actor and recipient country, date, and negated and hypothetical flags; recall per tag."""
    records = load_gold(path)
    docs = _annotate(nlp, records)
    per_type = {name: Counter() for name in EVENT_TYPES}
    agree, matched_total, tags_found, tags_total = Counter(), 0, Counter(), Counter()
    n_gold = n_predicted = 0
    for record, doc in zip(records, docs):
        gold, predicted = record["events"], list(doc._.events)
        n_gold += len(gold)
        n_predicted += len(predicted)
        for event in gold:
            per_type[event["event_type"]]["gold"] += 1
        for event in predicted:
            per_type[event["event_type"]]["predicted"] += 1
        pairs = _pair(gold, predicted, _event_agreement)
        for tag in record.get("tags", ()):
            tags_total[tag] += len(gold)
            tags_found[tag] += len(pairs)
        for g, p in pairs:
            matched_total += 1
            per_type[g["event_type"]]["matched"] += 1
            agree["actor"] += g["actor"] in _codes(p["actor"]) or (g["actor"] is None and not p["actor"])
            agree["recipient"] += g["recipient"] in _codes(p["recipient"]) or (
                g["recipient"] is None and not p["recipient"])
            agree["date"] += g["date"] == p["date"]
            agree["negated"] += g["negated"] == p["negated"]
            agree["hypothetical"] += g["hypothetical"] == p["hypothetical"]
            agree["mode"] += (g["mode"] or "") == (p["mode"] or "")
    types = {name: _scores(c["matched"], c["predicted"], c["gold"])
             for name, c in per_type.items() if c["gold"] or c["predicted"]}
    return {
        "n_records": len(records),
        "events": _scores(matched_total, n_predicted, n_gold),
        "macro_f1": round(sum(t["f1"] for t in types.values() if t["gold"])
                          / max(1, sum(1 for t in types.values() if t["gold"])), 3),
        "on_matched": {k: round(agree[k] / matched_total, 3) if matched_total else 0.0
                       for k in ("actor", "recipient", "date", "mode", "negated", "hypothetical")},
        "recall_by_tag": {tag: round(tags_found[tag] / tags_total[tag], 3)
                          for tag in sorted(tags_total)},
        "per_type": types,
    }


def _codes(entities: Any) -> set[str]:
    return {e["code"] for e in entities or ()}


def _event_agreement(gold: dict, predicted: dict) -> float:
    if gold["event_type"] != predicted["event_type"]:
        return 0.0
    return 1 + (gold["actor"] in _codes(predicted["actor"])) + (
        gold["recipient"] in _codes(predicted["recipient"])) + 0.5 * (
        gold["negated"] == predicted["negated"] and gold["hypothetical"] == predicted["hypothetical"])


def evaluate_statements(nlp: Language, path: Path) -> dict[str, Any]:
    """Quotes, red lines and positions: P/R/F1 each; for quotes also the share of text-matched
    quotes whose speaker is right, and recall per kind."""
    records = load_gold(path)
    docs = _annotate(nlp, records)
    counts = {k: Counter() for k in ("quotes", "red_lines", "positions")}
    speaker_right = text_matched = 0
    kinds_found, kinds_total = Counter(), Counter()
    for record, doc in zip(records, docs):
        quotes = list(doc._.quotes)
        by_text = _pair(record["quotes"], quotes, lambda g, p: _text_match(g["content"], p["content"]))
        text_matched += len(by_text)
        right = [(g, p) for g, p in by_text if _speaker_right(g, p)]
        speaker_right += len(right)
        for g, _ in right:
            kinds_found[g["kind"]] += 1
        for g in record["quotes"]:
            kinds_total[g["kind"]] += 1
        counts["quotes"].update(gold=len(record["quotes"]), predicted=len(quotes), matched=len(right))

        red_lines = list(doc._.red_lines)
        lines = _pair(record["red_lines"], red_lines, _red_line_match)
        counts["red_lines"].update(gold=len(record["red_lines"]), predicted=len(red_lines),
                                   matched=len(lines))
        positions = list(doc._.positions)
        found = _pair(record["positions"], positions, _position_match)
        counts["positions"].update(gold=len(record["positions"]), predicted=len(positions),
                                   matched=len(found))
    result = {name: _scores(c["matched"], c["predicted"], c["gold"]) for name, c in counts.items()}
    result["quotes"]["speaker_right_of_text_matched"] = round(
        speaker_right / text_matched, 3) if text_matched else 0.0
    result["quotes"]["recall_by_kind"] = {k: round(kinds_found[k] / kinds_total[k], 3)
                                          for k in sorted(kinds_total)}
    return {"n_records": len(records), **result}


def _text_match(gold: str, predicted: str) -> float:
    share = overlap(gold, predicted)
    return share if share >= MIN_OVERLAP else 0.0


def _speaker_right(gold: dict, predicted: dict) -> bool:
    speaker = predicted["speaker"] or {}
    if gold["speaker"]:
        return speaker.get("entity_name") == gold["speaker"]
    return speaker.get("code") == gold["speaker_code"] if gold["speaker_code"] else not speaker


def _red_line_match(gold: dict, predicted: dict) -> float:
    """Declarer's country right, condition and consequence both at least half right."""
    if predicted["declarer"]["code"] != gold["declarer_code"]:
        return 0.0
    condition = _text_match(gold["condition"], predicted["condition"])
    consequence = _text_match(gold["consequence"], predicted["consequence"])
    return condition + consequence if condition and consequence else 0.0


def _position_match(gold: dict, predicted: dict) -> float:
    if predicted["holder"]["code"] != gold["holder_code"] or predicted["issue"] != gold["issue"]:
        return 0.0
    return _text_match(gold["demand"], predicted["demand"])
