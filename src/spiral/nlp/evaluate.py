"""Event coding measured on the PLOVER gold-standard records (CAMEO manual sentences).

The gold file is third-party data (CC BY-SA 4.0) read from where the user keeps it; nothing of it
is copied into spiral. Its labels use an older PLOVER: DEMAND is now REQUEST, DISAPPROVE and
INVESTIGATE are now ACCUSE, FIGHT is now ASSAULT.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language

from spiral.errors import InputError
from spiral.nlp import pipeline
from spiral.plover import EVENT_TYPES

LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                "FIGHT": "ASSAULT"}
# country codes of the CAMEO era that ISO 3166 spells differently
LEGACY_CODES = {"JAP": "JPN", "UKG": "GBR", "GMY": "DEU", "ROM": "ROU", "SER": "SRB",
                "PAL": "PSE", "RUM": "ROU"}
NONE = "NONE"


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold records: text, event type (current PLOVER name), source and target codes."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: cannot read the PLOVER gold file ({error})") from None
    gold = []
    for record in records:
        if "text" not in record or "event" not in record:
            continue  # the file's header record
        gold.append({
            "id": record["id"], "text": record["text"],
            "event_type": LEGACY_TYPES.get(record["event"], record["event"]),
            "source": _codes(record.get("source")),
            "target": _codes(record.get("target")),
        })
    return gold


def _codes(actors: Any) -> set[str]:
    """Country codes of a gold actor list (a few records hold a stray string instead)."""
    if not isinstance(actors, list):
        return set()
    codes = (str(a.get("code", ""))[:3] for a in actors if isinstance(a, dict))
    return {LEGACY_CODES.get(c, c) for c in codes if c}


def main_event(events: tuple[dict[str, Any], ...]) -> dict[str, Any] | None:
    """The sentence's main event: the first real (not hypothetical) one, else the first."""
    real = [e for e in events if not e["hypothetical"]]
    return (real or list(events) or [None])[0]


def evaluate_plover(nlp: Language, path: Path, *, published: str = "2000-01-01") -> dict[str, Any]:
    """Per-type precision/recall/F1, macro-F1, accuracy, and actor/recipient country accuracy."""
    gold = load_gold(path)
    docs = pipeline.annotate_texts(nlp, ((record["text"], published) for record in gold))
    predicted_types, actor_hits, recipient_hits, recipient_total = [], 0, 0, 0
    for record, doc in zip(gold, docs):
        event = main_event(doc._.events)
        predicted_types.append(event["event_type"] if event else NONE)
        if event and record["source"] & {a["code"] for a in event["actor"]}:
            actor_hits += 1
        if record["target"]:
            recipient_total += 1
            if event and record["target"] & {r["code"] for r in event["recipient"]}:
                recipient_hits += 1
    truth = [r["event_type"] for r in gold]
    per_type = {}
    for name in EVENT_TYPES:
        tp = sum(p == t == name for p, t in zip(predicted_types, truth))
        n_pred, n_true = predicted_types.count(name), truth.count(name)
        if n_true == 0 and n_pred == 0:
            continue
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_true if n_true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[name] = {"precision": precision, "recall": recall, "f1": f1, "support": n_true}
    scored = [v["f1"] for v in per_type.values() if v["support"]]
    return {
        "n_records": len(gold),
        "macro_f1": sum(scored) / len(scored) if scored else 0.0,
        "accuracy": sum(p == t for p, t in zip(predicted_types, truth)) / len(gold),
        "actor_country_accuracy": actor_hits / len(gold),
        "recipient_country_accuracy": recipient_hits / recipient_total if recipient_total else 0.0,
        "no_event_predicted": predicted_types.count(NONE),
        "per_type": per_type,
        "confusions": Counter(f"{t}->{p}" for p, t in zip(predicted_types, truth) if p != t)
        .most_common(15),
    }
