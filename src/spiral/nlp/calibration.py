"""How likely a coded event is right: a logistic model over what the coder knew when it coded it.

The model only; `spiral.nlp.confidence` is the pipeline component that applies it.

Every event gets `confidence` in [0, 1], the probability, calibrated on the development part of
the real-text set (`tests/realtext/`), that its actor, type family and recipient are right.
The features are plain facts about the event and its sentence (no sides found, a country acting
on itself, the sentence is a headline or a quotation, several events read from one sentence...);
their weights live in `calibration.json` beside this module, written by
`spiral eval realtext --calibrate` and read once. Nothing is deleted below a threshold:
`default_min_confidence()` only decides what indices, stories and dynamics count.

>>> event = {"event_type": "ASSAULT", "start": 0, "end": 30, "text": "Russia struck Kharkiv overnight.",
...          "mode": "", "actor": [{"code": "RUS", "sector": "GOV"}], "recipient": [{"code": "UKR", "sector": ""}]}
>>> round(sum(features(event, "Russia struck Kharkiv overnight.", n_in_sentence=1).values()), 1) > 0
True
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from spiral.plover import EVENT_TYPES

QUOTE_MARKS = "\"“”«»"
SPEECH_WORDS = ("said", "says", "told", "according to", "claimed", "stated", "announced")
FINAL = ".!?\"”’'»)"
# roles of sides the coder inferred rather than read: from where the sentence is, what the report
# is about, the event a reaction refers back to, or whom the actor acts on in the report's other
# sentences
INFERRED_ROLES = ("by location", "by document", "by reference", "by story")
# of those, the role of a side placed by the country the report is about (its army shelling
# positions at home): a country acting on itself is mostly right so placed or named, and mostly
# wrong when only a place in its sentence lends both sides one country
REPORT_COUNTRY_ROLE = "by document"


def features(event: Mapping[str, Any], text: str, *, n_in_sentence: int,
             n_same_sides: int = 0, leads: bool = True, told_elsewhere: bool = False,
             n_event_sentences: int = 1) -> dict[str, float]:
    """The named features of one event (a dict as in `doc._.events`) in its document's `text`;
    the keyword arguments are what its document's other events say of it (`document_facts`)."""
    actors = {a["code"] for a in event.get("actor", ()) if a.get("code")}
    recipients = {r["code"] for r in event.get("recipient", ()) if r.get("code")}
    roles = [side.get("role") for side in (*event.get("actor", ()), *event.get("recipient", ()))]
    sentence = event["text"].strip()
    first_line_end = text.find("\n")
    trigger = event.get("trigger_start", -1)
    quad = _quad(event)
    return {
        "bias": 1.0,
        "no_actor": float(not actors),
        "no_recipient": float(not recipients),
        "self_dyad": float(bool(actors & recipients)),
        "self_dyad_named": float(bool(actors & recipients) and (
            REPORT_COUNTRY_ROLE in roles or not any(role in INFERRED_ROLES for role in roles))),
        "actor_sector_known": float(any(a.get("sector") for a in event.get("actor", ()))),
        "actor_placed": float(any(a.get("role") in INFERRED_ROLES
                                  for a in event.get("actor", ()))),
        "actor_unresolved": float(any(not a.get("code") for a in event.get("actor", ()))),
        "recipient_placed": float(any(r.get("role") in INFERRED_ROLES
                                      for r in event.get("recipient", ()))),
        "assault": float(event["event_type"] == "ASSAULT"),
        "verbal_cooperation": float(quad == 1),
        "material_cooperation": float(quad == 2),
        "verbal_conflict": float(quad == 3),
        "has_mode": float(bool(event.get("mode"))),
        "in_quotation": float(any(mark in sentence for mark in QUOTE_MARKS)),
        "reported_speech": float(any(word in sentence.lower() for word in SPEECH_WORDS)),
        "first_line": float(first_line_end == -1 or event["start"] < first_line_end),
        "unfinished_sentence": float(not sentence.endswith(tuple(FINAL))),
        "log_words": math.log1p(len(sentence.split())),
        "shared_sentence": float(n_in_sentence > 1),
        # the report tells these two sides acting on each other in other sentences too: its
        # story is theirs (an event between sides it names once is more often a misreading)
        "log_same_sides_elsewhere": math.log1p(n_same_sides),
        # how prominently the sentence tells the event: its main event (the highest trigger in
        # the parse leads the sentence's list), or one read from a word in the sentence's second
        # half, mostly a clause hung on the main one; unlike the sides and types, whose weights
        # learn what the rules were tuned on, these rank events of reports no rule was read from
        "leads_sentence": float(leads),
        "trigger_late": float(trigger >= 0 and trigger - event["start"]
                              > (event["end"] - event["start"]) / 2),
        # the same act (its sides and type family) told in another sentence too: the report's
        # story, not a passing mention (the annotators code one of its mentions; the others are
        # repeats, neither right nor wrong, and not fitted)
        "told_elsewhere": float(told_elsewhere),
        # a report telling many events (a live blog, a round-up) tells each more loosely
        "log_event_sentences": math.log1p(n_event_sentences),
    } | {f"type_{name}": float(event["event_type"] == name) for name in EVENT_TYPES}


def document_facts(events: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """For each of a document's events (dicts, in the coder's order), the keyword arguments of
    `features` that its document's other events give: how many events share its sentence,
    `same_sides_elsewhere`, `leads_sentence`, whether another sentence tells the same act (the
    same actors, type family and recipients) and how many sentences tell events.

    >>> def event(start, actor, kind):
    ...     return {"start": start, "end": start + 9, "event_type": kind,
    ...             "actor": [{"code": actor}], "recipient": []}
    >>> facts = document_facts([event(0, "RUS", "ASSAULT"), event(0, "RUS", "THREATEN"),
    ...                         event(20, "RUS", "COERCE")])
    >>> [(f["n_in_sentence"], f["told_elsewhere"], f["n_event_sentences"]) for f in facts]
    [(2, True, 2), (2, False, 2), (1, True, 2)]
    """
    sentences = [(event["start"], event["end"]) for event in events]
    acts = [(_codes(event.get("actor", ())), _quad(event), _codes(event.get("recipient", ())))
            for event in events]
    told_in: dict[tuple[Any, ...], set[tuple[int, int]]] = {}
    for sentence, act in zip(sentences, acts):
        told_in.setdefault(act, set()).add(sentence)
    return [{"n_in_sentence": sentences.count(sentence), "n_same_sides": n_same_sides,
             "leads": leads, "told_elsewhere": len(told_in[act]) > 1,
             "n_event_sentences": len(set(sentences))}
            for sentence, act, n_same_sides, leads in zip(
                sentences, acts, same_sides_elsewhere(events), leads_sentence(events))]


def same_sides_elsewhere(events: Sequence[Mapping[str, Any]]) -> list[int]:
    """For each of a document's events (dicts), how many of its events in other sentences are
    between the same two sides, either way round; none for an event without both sides.

    >>> def event(start, actor, recipient):
    ...     return {"start": start, "actor": [{"code": actor}], "recipient": [{"code": recipient}]}
    >>> same_sides_elsewhere([event(0, "RUS", "UKR"), event(40, "UKR", "RUS"),
    ...                       event(40, "RUS", "POL"), event(0, "UKR", "RUS")])
    [1, 2, 0, 1]
    """
    # the unordered pairs each event joins: two events share sides when they share a pair
    pairs = [{frozenset((actor, recipient)) for actor in _codes(event.get("actor", ()))
              for recipient in _codes(event.get("recipient", ()))} for event in events]
    told: dict[frozenset[str], set[int]] = {}
    for k, joined in enumerate(pairs):
        for pair in joined:
            told.setdefault(pair, set()).add(k)
    return [sum(1 for j in set().union(*(told[pair] for pair in joined))
                if events[j]["start"] != event["start"])
            for event, joined in zip(events, pairs)]


def leads_sentence(events: Sequence[Mapping[str, Any]]) -> list[bool]:
    """For each of a document's events (dicts, in the coder's order), whether it comes first of
    its sentence's events: the coder lists a sentence's events highest trigger in the parse first.

    >>> leads_sentence([{"start": 0, "end": 9}, {"start": 0, "end": 9}, {"start": 10, "end": 20}])
    [True, False, True]
    """
    seen: set[tuple[int, int]] = set()
    leads = []
    for event in events:
        sentence = (event["start"], event["end"])
        leads.append(sentence not in seen)
        seen.add(sentence)
    return leads


def _codes(sides: Sequence[Mapping[str, Any]]) -> frozenset[str]:
    return frozenset(side["code"] for side in sides if side.get("code"))


def _quad(event: Mapping[str, Any]) -> int:
    known = EVENT_TYPES.get(event["event_type"])
    return known.quad_code if known else 0


@functools.cache
def _model() -> dict[str, Any]:
    text = resources.files("spiral.nlp").joinpath("calibration.json").read_text(encoding="utf-8")
    return json.loads(text)


def default_min_confidence() -> float:
    """The threshold indices, stories and dynamics count events from (chosen on dev data)."""
    return float(_model()["threshold"])


def score(named: Mapping[str, float], weights: Mapping[str, float] | None = None) -> float:
    """The logistic probability for named feature values."""
    weights = weights if weights is not None else _model()["weights"]
    z = sum(weights.get(name, 0.0) * value for name, value in named.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows: Sequence[Mapping[str, float]], labels: Sequence[bool], *,
        l2: float = 1.0, n_iter: int = 50,
        sample_weight: Sequence[float] | None = None) -> dict[str, float]:
    """L2-penalised logistic regression by Newton's method; the bias is not penalised. Each row
    counts `sample_weight` times (by default once; 0 leaves it out).

    >>> w = fit([{"bias": 1, "x": 1}, {"bias": 1, "x": 0}] * 20, [True, False] * 20)
    >>> w["x"] > 1
    True
    """
    import numpy as np

    names = sorted({name for row in rows for name in row})
    x = np.array([[row.get(name, 0.0) for name in names] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    counts = np.ones(len(y)) if sample_weight is None else np.array(sample_weight, dtype=float)
    penalty = np.full(len(names), l2)
    penalty[names.index("bias")] = 0.0
    w = np.zeros(len(names))
    for _ in range(n_iter):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (counts * (p - y)) + penalty * w
        hessian = (x * (counts * p * (1 - p))[:, None]).T @ x + np.diag(penalty) \
            + 1e-9 * np.eye(len(names))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(value), 4) for name, value in zip(names, w)}


def reliability(probabilities: Sequence[float], labels: Sequence[bool], *,
                n_bins: int = 5) -> tuple[float, list[dict[str, Any]]]:
    """Expected calibration error and the reliability table (equal-width bins).

    >>> ece, table = reliability([0.9, 0.9, 0.1, 0.1], [True, True, False, False])
    >>> round(ece, 2), table[-1]["n"]
    (0.1, 2)
    """
    table, total, ece = [], len(probabilities), 0.0
    for k in range(n_bins):
        low, high = k / n_bins, (k + 1) / n_bins
        members = [(p, y) for p, y in zip(probabilities, labels)
                   if low <= p < high or (k == n_bins - 1 and p == 1.0)]
        if not members:
            continue
        mean_p = sum(p for p, _ in members) / len(members)
        share = sum(y for _, y in members) / len(members)
        ece += len(members) / total * abs(mean_p - share)
        table.append({"bin": f"{low:.1f}-{high:.1f}", "n": len(members),
                      "mean_confidence": round(mean_p, 3), "share_right": round(share, 3)})
    return ece, table
