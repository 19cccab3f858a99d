"""Scores on real reporting: stand-off annotations of news pages nobody here wrote.

The annotations (`tests/realtext/*.jsonl`) hold, per report, its url, the search query that
finds it, the sha256 of the text annotated, and labels with character offsets into that text:
events (actor, PLOVER type, recipient, a date window, asserted / hypothetical / negated),
quotes (speaker, country, whether they speak for a state, anonymous, kind) and red lines
(declarer). The texts are third-party and never committed: they are read from a cache folder
(`--cache`, or `SPIRAL_REALTEXT_CACHE`), one `<id>.txt` per report, checked against the hash.

Each report belongs to a split: `dev` (rules may be written from its errors) or `heldout`
(scored only at the end of a stop, never read for rules).

Matching, per report, one to one and greedily:
- an event is right when it is asserted (neither negated nor hypothetical), its sentence
  overlaps the gold event's, its type is in the same quad class (the type family), the gold
  actor is among its actors and the gold recipient among its recipients (or both have none);
  exact pairs first. The annotators code each event once per report, at its clearest mention:
  a further prediction of a matched event (same family, actor and recipient, elsewhere in the
  report) is a repeat mention, counted neither right nor wrong. Date accuracy, on matched events: the date falls in the gold window; when
  the gold says the text gives no date (no window, or only an upper bound such as the
  publication day), the event must carry none or a date within the bound.
- a quote matches when the spans overlap and it holds at least half the gold content's words;
  its speaker is right when the name (or, for an anonymous source, the anonymity), the country
  and whether the speaker speaks for a state are all right (the last not for international
  bodies, which the annotators judged both ways).
- a red line is found when a predicted one overlaps it with the declarer's country right; a
  further prediction with the declarer of a found one is a repeat mention, as for events.

`agreement` scores a second annotator's labels of the same texts by the same matching: the
figure a coder can be expected to reach on this set.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spiral.errors import InputError
from spiral.nlp.actors import STATE_SECTORS
from spiral.nlp.calibration import (
    default_min_confidence,
    document_facts,
    features,
    fit,
    reliability,
)
from spiral.nlp.calibration import score as calibration_score
from spiral.nlp.evaluate_gold import load_gold, overlap
from spiral.plover import EVENT_TYPES
from spiral.records import Document, Entity, Event, Extraction, Quote, RedLine, to_dict

if TYPE_CHECKING:
    from spacy.language import Language

SPLITS = ("dev", "heldout")
CACHE_ENV = "SPIRAL_REALTEXT_CACHE"
# F0.5 differences smaller than this, between thresholds 0.05 apart, are within what one
# annotator group more or less moves them: no reason to give up precision
F_HALF_TOLERANCE = 0.01


def default_cache() -> Path:
    """Where the report texts are cached: `SPIRAL_REALTEXT_CACHE`, else `.cache/realtext`."""
    return Path(os.environ.get(CACHE_ENV, ".cache/realtext"))


def load_reports(folder: Path) -> list[dict[str, Any]]:
    """Every annotated report of the `*.jsonl` files in `folder`, in file and line order."""
    files = sorted(Path(folder).glob("*.jsonl"))
    if not files:
        raise InputError(f"{folder}: no *.jsonl annotation files; the real-text set lives in "
                         "tests/realtext/")
    return [report for path in files for report in load_gold(path)]


@dataclass(frozen=True, slots=True)
class CachedReport:
    annotation: dict[str, Any]
    document: Document


def read_cached(reports: Iterable[dict[str, Any]], cache: Path) -> tuple[list[CachedReport], list[str]]:
    """The reports whose text is in `cache` with the annotated hash, and the ids missing or changed."""
    found, missing = [], []
    for report in reports:
        path = cache / f"{report['id']}.txt"
        try:
            raw = path.read_bytes()
        except OSError:
            missing.append(report["id"])
            continue
        if hashlib.sha256(raw).hexdigest() != report["sha256"]:
            missing.append(report["id"])
            continue
        published = report.get("published")
        document = Document(
            doc_id=f"realtext_{report['id']}", text=raw.decode("utf-8"),
            published=datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None,
            source=report.get("outlet", ""), url=report.get("url", ""), origin=str(path))
        found.append(CachedReport(report, document))
    return found, missing


def evaluate_realtext(nlp: Language, reports: Sequence[dict[str, Any]], cache: Path, *,
                      splits: Sequence[str] = ("dev",), batch_size: int = 16,
                      with_errors: bool = False, calibrated: bool = False) -> dict[str, Any]:
    """Code the cached reports of `splits` and score them, one result per split; with
    `calibrated`, also fit new confidence weights on the dev split (`calibrate`).

    Raises
    ------
    InputError
        None of the requested reports is in the cache (the message says how to fill it).
    """
    from spiral.nlp import pipeline

    unknown = set(splits) - set(SPLITS)
    if calibrated and list(splits) != ["dev"]:
        raise InputError("--calibrate fits on the dev split only; drop --split heldout")
    if unknown:
        raise InputError(f"--split {sorted(unknown)}: choose from {', '.join(SPLITS)}")
    wanted = [r for r in reports if r.get("split") in splits]
    cached, missing = read_cached(wanted, cache)
    if not cached:
        raise InputError(f"{cache}: none of the {len(wanted)} report texts is cached; see "
                         "tests/realtext/README.md for how to fill the cache")
    coded = dict(zip([c.annotation["id"] for c in cached],
                     pipeline.code(nlp, [c.document for c in cached], batch_size=batch_size)))
    result: dict[str, Any] = {}
    for split in splits:
        in_split = [c for c in cached if c.annotation["split"] == split]
        items = [(c.annotation, c.document, coded[c.annotation["id"]]) for c in in_split]
        scored = score(items, with_errors=with_errors)
        if calibrated:
            scored["calibrated"] = calibrate(items)
        scored["n_missing"] = sum(1 for r in wanted if r["split"] == split and r["id"] in missing)
        result[split] = scored
    return result


def score(items: Iterable[tuple[dict[str, Any], Document, Extraction]], *,
          min_confidence: float | None = None, with_errors: bool = False) -> dict[str, Any]:
    """Event, date, quote, speaker and red-line figures over annotated, coded reports.

    Events count at or above `min_confidence` (by default the calibrated threshold); `events_all`
    counts every asserted event, and `calibration` compares confidence with correctness over
    them (expected calibration error and the reliability table). With `with_errors`, also
    `errors`: every missed or false item with its sentence, for reading the errors of the
    development split (it holds third-party text: never commit it).
    """
    items = list(items)
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    tally, every = _Tally(), _Tally()
    for annotation, document, extraction in items:
        tally.n_reports += 1
        _score_events(annotation, document, extraction.events, every, 0.0)
        _score_events(annotation, document, extraction.events, tally, threshold)
        _score_quotes(annotation, document, extraction.quotes, tally)
        _score_red_lines(annotation, document, extraction.red_lines, tally)
    ece, table = reliability([c for _, _, c, _ in every.labelled],
                             [y for _, y, _, _ in every.labelled])
    return tally.result() | {
        "min_confidence": threshold,
        "events_all": every.result()["events"],
        "calibration": {"ece": round(ece, 3), "reliability": table},
    } | ({"errors": tally.errors} if with_errors else {})


def agreement(first: Sequence[dict[str, Any]], second: Sequence[dict[str, Any]],
              cache: Path) -> dict[str, Any]:
    """How far a second annotator agrees with the first on the reports both annotated: the
    second's labels read as predictions (every event at confidence 1) and scored against the
    first's by the same matching as the coder (`score`); what a coder can hope for on this set.

    Raises
    ------
    InputError
        No report of `second` is annotated in `first` with the same text and cached.
    """
    labels = {report["id"]: report for report in second}
    cached, _ = read_cached([r for r in first if r["id"] in labels
                             and labels[r["id"]]["sha256"] == r["sha256"]], cache)
    if not cached:
        raise InputError(f"{cache}: none of the {len(labels)} doubly annotated reports is "
                         "cached with the text both annotators read")
    return score([(c.annotation, c.document, as_extraction(labels[c.annotation["id"]], c.document))
                  for c in cached]) | {"reports": [c.annotation["id"] for c in cached]}


def as_extraction(annotation: dict[str, Any], document: Document) -> Extraction:
    """An annotator's labels as the records a coder would give. An event is dated to the first
    day of its window, or to none when the window has no first day."""
    def side(code: str | None, name: str = "", gov: bool = False) -> Entity:
        return Entity(name or code or "", name or code or "", code or "", "GOV" if gov else "")

    def sides(code: str | None) -> tuple[Entity, ...]:
        return (side(code),) if code else ()

    events = tuple(Event(
        doc_id=document.doc_id, event_type=e["event_type"], start=e["start"], end=e["end"],
        text=document.text[e["start"]:e["end"]], actor=sides(e.get("actor")),
        recipient=sides(e.get("recipient")),
        date=date.fromisoformat(e["date_from"]) if e.get("date_from") else None,
        date_precision="day" if e.get("date_from") else "unknown",
        negated=e.get("status") == "negated", hypothetical=e.get("status") == "hypothetical")
        for e in annotation.get("events", []))
    quotes = tuple(Quote(
        doc_id=document.doc_id, content=document.text[q["start"]:q["end"]], kind=q["kind"],
        start=q["start"], end=q["end"], speaker_text=q.get("speaker") or "",
        speaker=side(q["speaker_code"], q.get("speaker") or "", bool(q.get("speaker_gov")))
        if q.get("speaker_code") else None, anonymous=bool(q.get("anonymous")))
        for q in annotation.get("quotes", []))
    red_lines = tuple(RedLine(
        doc_id=document.doc_id, declarer=side(r.get("declarer_code")), condition="",
        consequence="", kind=r.get("kind", "red_line"), start=r["start"], end=r["end"])
        for r in annotation.get("red_lines", []))
    return Extraction(document=document, events=events, quotes=quotes, red_lines=red_lines)


def calibrate(items: Iterable[tuple[dict[str, Any], Document, Extraction]]) -> dict[str, Any]:
    """Confidence weights fitted on annotated reports (the dev split only), and the threshold
    with the best F0.5 (precision weighs twice recall), chosen across annotator groups (an id's
    prefix, "A-001"): each group's events are scored by weights fitted on the other groups, so
    the threshold is picked on confidences the weights never saw. Where the curve is flat, the
    highest threshold within `F_HALF_TOLERANCE` of the best: precision first.

    Beside the in-sample figures, what a refit is judged by: the expected calibration error of
    those cross-validated confidences, the figures of each group at the threshold, and the
    threshold the rule picks with each group left out (how firmly the data choose it).

    A repeat mention (a further mention of an act matched elsewhere in the report) is not
    fitted: it is right by construction and always told with the same sides elsewhere, so
    fitting it as right teaches the weights that an act told again is right, which holds on the
    reports the rules were read from far more than on new ones (docs/evaluation.md, stop 21)."""
    items = list(items)
    groups = sorted({_group(annotation) for annotation, _, _ in items})
    labelled = {group: _tallied([i for i in items if _group(i[0]) == group], 0.0).labelled
                for group in groups}
    every = [row for group in groups for row in labelled[group]]
    weights = _fitted(every)
    unseen = [item for group in groups for item in _rescored(
        [i for i in items if _group(i[0]) == group],
        _fitted([row for other in groups if other != group for row in labelled[other]]))
              ] if len(groups) > 1 else _rescored(items, weights)
    best = precision_first(_f_half_curve(unseen))
    ece, table = reliability([calibration_score(named, weights) for named, _, _, _ in every],
                             [label for _, label, _, _ in every])
    unseen_labelled = _tallied(unseen, 0.0).labelled
    ece_unseen, _ = reliability([c for _, _, c, _ in unseen_labelled],
                                [y for _, y, _, _ in unseen_labelled])
    return {"threshold": best[1], "weights": weights,
            "events_dev_at_threshold": _events(_rescored(items, weights), best[1]),
            "events_cross_validated_at_threshold": best[2],
            "events_cross_validated_by_group": {
                group: _events([i for i in unseen if _group(i[0]) == group], best[1])
                for group in groups},
            "threshold_without_group": {
                group: precision_first(_f_half_curve(
                    [i for i in unseen if _group(i[0]) != group]))[1]
                for group in groups} if len(groups) > 1 else {},
            "n_events": len(every), "n_right": sum(label for _, label, _, _ in every), "ece_dev": round(ece, 3),
            "ece_cross_validated": round(ece_unseen, 3), "reliability_dev": table}


def _f_half_curve(items: list[tuple[dict[str, Any], Document, Extraction]]
                  ) -> list[tuple[float, float, dict[str, Any]]]:
    """(F0.5, threshold, event figures) at thresholds 0.05 to 0.95 in steps of 0.05."""
    curve = []
    for step in range(5, 96, 5):
        events = _events(items, step / 100)
        p, r = events["precision"], events["recall"]
        curve.append((1.25 * p * r / (0.25 * p + r) if p + r else 0.0, step / 100, events))
    return curve


def _events(items: list[tuple[dict[str, Any], Document, Extraction]],
            min_confidence: float) -> dict[str, Any]:
    """The event figures alone (as in `score`) at `min_confidence`."""
    return _tallied(items, min_confidence).result()["events"]


def _tallied(items: list[tuple[dict[str, Any], Document, Extraction]],
             min_confidence: float) -> _Tally:
    """The events of `items` scored at `min_confidence`, each asserted one labelled."""
    tally = _Tally()
    for annotation, document, extraction in items:
        _score_events(annotation, document, extraction.events, tally, min_confidence)
    return tally


def precision_first(curve: list[tuple[float, float, Any]]) -> tuple[float, float, Any]:
    """The (F0.5, threshold, figures) row to ship: the highest threshold whose F0.5 is within
    `F_HALF_TOLERANCE` of the best.

    >>> precision_first([(0.552, 0.45, "a"), (0.535, 0.5, "b"), (0.543, 0.6, "c"), (0.5, 0.7, "d")])
    (0.543, 0.6, 'c')
    """
    top = max(f_half for f_half, _, _ in curve)
    return max((row for row in curve if row[0] >= top - F_HALF_TOLERANCE), key=lambda row: row[1])


def _group(annotation: dict[str, Any]) -> str:
    return str(annotation["id"]).split("-")[0]


def _fitted(labelled: list[tuple[dict[str, float], bool, float, bool]]) -> dict[str, float]:
    """Weights fitted on labelled asserted events (`_Tally.labelled`), repeat mentions left out."""
    return fit([named for named, _, _, _ in labelled], [label for _, label, _, _ in labelled],
               sample_weight=[0.0 if repeat else 1.0 for _, _, _, repeat in labelled])


def _rescored(items: list[tuple[dict[str, Any], Document, Extraction]],
              weights: dict[str, float]) -> list[tuple[dict[str, Any], Document, Extraction]]:
    return [(annotation, document, replace(extraction, events=tuple(
        replace(e, confidence=calibration_score(named, weights))
        for e, named in zip(extraction.events, _features_of(extraction.events, document)))))
            for annotation, document, extraction in items]


def _features_of(events: Sequence[Event], document: Document) -> list[dict[str, float]]:
    """The confidence features of each of a document's events, their document facts taken once."""
    plain = [to_dict(e) for e in events]
    return [features(event, document.text, **facts)
            for event, facts in zip(plain, document_facts(plain))]


@dataclass(slots=True)
class _Tally:
    n_reports: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched_events: int = 0
    exact_type: int = 0
    dates_right: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    matched_quotes: int = 0
    speakers_right: int = 0
    gold_red_lines: int = 0
    predicted_red_lines: int = 0
    matched_red_lines: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    # each asserted event's features, whether it is right, its confidence, whether a repeat
    labelled: list[tuple[dict[str, float], bool, float, bool]] = field(default_factory=list)

    def error(self, kind: str, report: dict[str, Any], document: Document, start: int, end: int,
              **detail: Any) -> None:
        self.errors.append({"report": report["id"], "kind": kind,
                            "text": document.text[start:end], **detail})

    def result(self) -> dict[str, Any]:
        def prf(gold: int, predicted: int, matched: int) -> dict[str, Any]:
            p = matched / predicted if predicted else 0.0
            r = matched / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"gold": gold, "predicted": predicted, "matched": matched,
                    "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}

        def share(part: int, whole: int) -> float | None:
            return round(part / whole, 3) if whole else None

        return {
            "n_reports": self.n_reports,
            "events": prf(self.gold_events, self.predicted_events, self.matched_events),
            "exact_type_of_matched": share(self.exact_type, self.matched_events),
            "date_accuracy": share(self.dates_right, self.matched_events),
            "quotes": prf(self.gold_quotes, self.predicted_quotes, self.matched_quotes),
            "speaker_accuracy": share(self.speakers_right, self.matched_quotes),
            "red_lines": prf(self.gold_red_lines, self.predicted_red_lines,
                             self.matched_red_lines),
        }


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _family(event_type: str | None) -> int | None:
    known = EVENT_TYPES.get(event_type or "")
    return known.quad_code if known else None


def _codes(entities: Iterable[Any]) -> set[str]:
    return {e.code for e in entities if e.code}


def asserted(event: Event) -> bool:
    """An event the text says happened: neither negated nor hypothetical."""
    return not event.negated and not event.hypothetical


def _score_events(annotation: dict[str, Any], document: Document, events: Sequence[Event],
                  tally: _Tally, min_confidence: float) -> None:
    gold = [g for g in annotation.get("events", []) if g.get("status") == "asserted"]
    predicted = [e for e in events if asserted(e) and e.confidence >= min_confidence]
    tally.gold_events += len(gold)
    candidates = [(p.event_type != g["event_type"], abs(p.start - g["start"]), i, j)
                  for i, g in enumerate(gold) for j, p in enumerate(predicted)
                  if _overlaps(g["start"], g["end"], p.start, p.end) and _same_event(g, p)]
    pairs = _greedy(sorted(candidates))
    repeats = _repeats(gold, predicted, pairs, _same_event)
    tally.predicted_events += len(predicted) - len(repeats)
    for _, _, i, j in pairs:
        tally.matched_events += 1
        tally.exact_type += predicted[j].event_type == gold[i]["event_type"]
        right = _date_right(gold[i], predicted[j])
        tally.dates_right += right
        if not right:
            tally.error("wrong_date", annotation, document, gold[i]["start"], gold[i]["end"],
                        gold=[gold[i].get("date_from"), gold[i].get("date_to")],
                        predicted=[str(predicted[j].date), predicted[j].date_precision])
    for i in set(range(len(gold))) - {pair[2] for pair in pairs}:
        g = gold[i]
        tally.error("missed_event", annotation, document, g["start"], g["end"],
                    gold=[g.get("actor"), g["event_type"], g.get("recipient"), g.get("trigger")])
    matched = {pair[3] for pair in pairs} | repeats
    named = dict(zip(map(id, events), _features_of(events, document))) if predicted else {}
    for j, event in enumerate(predicted):
        tally.labelled.append((named[id(event)], j in matched,
                               event.confidence, j in repeats))
    for j in set(range(len(predicted))) - matched:
        e = predicted[j]
        tally.error("false_event", annotation, document, e.start, e.end,
                    predicted=[sorted(_codes(e.actor)), e.event_type, e.mode,
                               sorted(_codes(e.recipient))])


def _same_event(gold: dict[str, Any], event: Event) -> bool:
    """The prediction names the gold event's type family, actor and recipient (or none)."""
    recipients = _codes(event.recipient)
    return (_family(event.event_type) == _family(gold["event_type"])
            and gold.get("actor") in _codes(event.actor)
            and ((gold["recipient"] in recipients) if gold.get("recipient") else not recipients))


def _repeats(gold: Sequence[dict[str, Any]], predicted: Sequence[Any],
             pairs: Sequence[tuple[Any, ...]], same: Callable[[dict[str, Any], Any], bool]
             ) -> set[int]:
    """The predictions left unpaired that tell a gold item already found again: repeat mentions.

    The annotators code an event or a red line once per report, at its clearest mention; a
    further mention ("the strike", later in the story; the same warning quoted again) is
    neither a new item nor a false one. `pairs` end in (gold index, predicted index).
    """
    found = [gold[pair[-2]] for pair in pairs]
    paired = {pair[-1] for pair in pairs}
    return {j for j, p in enumerate(predicted)
            if j not in paired and any(same(g, p) for g in found)}


def _greedy(candidates: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """One-to-one pairs from candidates sorted best first; the last two fields are the indices."""
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for candidate in candidates:
        i, j = candidate[-2], candidate[-1]
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append(candidate)
    return pairs


def _date_right(gold: dict[str, Any], event: Event) -> bool:
    first, last = gold.get("date_from"), gold.get("date_to")
    if event.date is None or event.date_precision == "unknown":
        # a window open at its start ("by the publication day") says the text gives no day
        return first is None
    if first is None and last is None:
        return False
    return ((first is None or date.fromisoformat(first) <= event.date)
            and (last is None or event.date <= date.fromisoformat(last)))


def _score_quotes(annotation: dict[str, Any], document: Document, quotes: Sequence[Quote],
                  tally: _Tally) -> None:
    gold = annotation.get("quotes", [])
    tally.gold_quotes += len(gold)
    tally.predicted_quotes += len(quotes)
    candidates = []
    for i, g in enumerate(gold):
        wanted = document.text[g["start"]:g["end"]]
        for j, q in enumerate(quotes):
            if not _overlaps(g["start"], g["end"], q.start, q.end):
                continue
            share = overlap(wanted, document.text[q.start:q.end])
            if share >= 0.5:
                candidates.append((-share, i, j))
    pairs = _greedy(sorted(candidates))
    for _, i, j in pairs:
        tally.matched_quotes += 1
        right = speaker_right(gold[i], quotes[j])
        tally.speakers_right += right
        if not right:
            entity = quotes[j].speaker
            tally.error("wrong_speaker", annotation, document, gold[i]["start"], gold[i]["end"],
                        gold=[gold[i].get(k) for k in ("speaker", "speaker_code", "speaker_gov",
                                                       "anonymous")],
                        predicted=[quotes[j].speaker_text, entity and entity.entity_name,
                                   entity and entity.code, entity and entity.sector,
                                   quotes[j].anonymous])
    for i in set(range(len(gold))) - {pair[1] for pair in pairs}:
        tally.error("missed_quote", annotation, document, gold[i]["start"], gold[i]["end"],
                    gold=[gold[i].get("speaker"), gold[i].get("kind")])
    for j in set(range(len(quotes))) - {pair[2] for pair in pairs}:
        tally.error("false_quote", annotation, document, quotes[j].start, quotes[j].end,
                    predicted=[quotes[j].speaker_text, quotes[j].kind])


def speaker_right(gold: dict[str, Any], quote: Quote) -> bool:
    """Name (or anonymity), country and whether the speaker speaks for a state, all right.

    >>> from spiral.records import Entity
    >>> q = Quote(doc_id="d", content="c", kind="indirect", start=0, end=1, speaker_text="Lavrov",
    ...           speaker=Entity("Lavrov", "Sergei Lavrov", "RUS", "GOV"))
    >>> speaker_right({"speaker": "Sergei Lavrov", "speaker_code": "RUS", "speaker_gov": True,
    ...                "anonymous": False}, q)
    True
    """
    entity = quote.speaker
    code = entity.code if entity else None
    if (gold.get("speaker_code") or None) != (code or None):
        return False
    is_state = bool(entity and entity.sector in STATE_SECTORS)
    # whether an international body speaks for states was annotated both ways: not scored
    if gold.get("speaker_code") != "IGO" and bool(gold.get("speaker_gov")) != is_state:
        return False
    if gold.get("anonymous"):
        return quote.anonymous
    # the name the coder gives: the source's words, and the name and words of whom it resolved
    # them to ("the statement" that "the foreign ministry" issued)
    names = " ".join(filter(None, [quote.speaker_text, entity.entity_text if entity else "",
                                   entity.entity_name if entity else ""]))
    # the annotators' notes in brackets ("RSF (statement)") are not part of the name
    words = re.sub(r"\([^)]*\)", " ", gold.get("speaker") or "").split()
    return bool(words) and _spelled(words[-1].strip(".,'’")) in _spelled(names)


def _spelled(text: str) -> str:
    """A name as compared: no case, accents, spaces or hyphens, one spelling of "-isation", and
    a doubled letter as one, as transliterations differ ("China's coast guard" is "China's
    coastguard", "Nicolás" "Nicolas", "organisation" "organization", "Zelenskyy" "Zelensky").

    >>> _spelled("the World Health Organisation's coast-guard")
    "theworldhealthorganization'scoastguard"
    >>> _spelled("Zelenskyy") == _spelled("Zelensky")
    True
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                    if not unicodedata.combining(c))
    joined = re.sub(r"[\s\-‐–]+", "", plain).replace("isation", "ization")
    return re.sub(r"(.)\1+", r"\1", joined)


def _score_red_lines(annotation: dict[str, Any], document: Document,
                     red_lines: Sequence[RedLine], tally: _Tally) -> None:
    gold = annotation.get("red_lines", [])
    tally.gold_red_lines += len(gold)
    candidates = [(abs(r.start - g["start"]), i, j) for i, g in enumerate(gold)
                  for j, r in enumerate(red_lines)
                  if _overlaps(g["start"], g["end"], r.start, r.end) and _same_red_line(g, r)]
    pairs = _greedy(sorted(candidates))
    repeats = _repeats(gold, red_lines, pairs, _same_red_line)
    tally.predicted_red_lines += len(red_lines) - len(repeats)
    tally.matched_red_lines += len(pairs)
    for i in set(range(len(gold))) - {pair[1] for pair in pairs}:
        tally.error("missed_red_line", annotation, document, gold[i]["start"], gold[i]["end"],
                    gold=[gold[i].get("declarer_code"), gold[i].get("kind")])
    for j in set(range(len(red_lines))) - {pair[2] for pair in pairs} - repeats:
        r = red_lines[j]
        tally.error("false_red_line", annotation, document, r.start, r.end,
                    predicted=[r.declarer.code, r.declarer.entity_text])


def _same_red_line(gold: dict[str, Any], red_line: RedLine) -> bool:
    """The prediction names the gold red line's declarer."""
    return red_line.declarer.code == gold.get("declarer_code")
