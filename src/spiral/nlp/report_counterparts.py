"""`spiral_report_counterparts`: an act told without its target takes the side its actor acts on
throughout the report.

A report tells its story's acts again and again, and many mentions name only who acted: "Moscow
warned again on Friday", "the ministry said it had sanctioned nine more firms". Where the
report's other sentences tell the same actor acting on one side more often than on any other
(`MIN_TOLD` times or more), that side is the act's recipient, marked 'by story' (a side the
coder inferred, which the confidence model weighs as such). A test, a drill or a call-up
(MOBILIZE) has no target to take. Only events with no recipient are touched, after every
sentence-level rule has had its say, and events whose only target is the actor's own country
placed by location (`placed_at_home`: "Pyongyang issued threats", placed in North Korea) where
their sentence names the story's counterpart too (in a phrase no rule reads as a target:
"snapped the lines with Seoul", "the other side's ship"): the place is then where the act was
told, not whom it was aimed at.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from spiral.countries import country_name
from spiral.nlp.calibration import INFERRED_ROLES
from spiral.nlp.event_participants import aimed_at_many_states
from spiral.nlp.statement_events import placed_at_home
from spiral.records import Entity, to_dict

FROM_STORY = "by story"  # the role of a recipient taken from the report's other sentences
MIN_TOLD = 2
UNDIRECTED_TYPES = frozenset({"MOBILIZE"})


def story_counterparts(events: Sequence[Mapping[str, Any]]) -> list[str | None]:
    """For each of a document's events (dicts), the code of the side its actor acts on most often
    in the document's other sentences, where that side leads by itself and is told `MIN_TOLD`
    times or more; None for events that have no actor, an undirected type or a recipient, unless
    that recipient is their own country placed by location and their sentence names the side.

    >>> def event(start, kind, actor, recipient=None):
    ...     return {"start": start, "event_type": kind, "actor": [{"code": actor}],
    ...             "recipient": [{"code": recipient}] if recipient else []}
    >>> story_counterparts([event(0, "THREATEN", "RUS"), event(30, "ASSAULT", "RUS", "UKR"),
    ...                     event(60, "ACCUSE", "RUS", "UKR"), event(90, "MOBILIZE", "RUS")])
    ['UKR', None, None, None]
    >>> at_home = event(120, "SANCTION", "RUS", "RUS")
    >>> at_home["recipient"][0]["role"] = "by location"
    >>> story = [event(0, "ASSAULT", "RUS", "UKR"), event(30, "ACCUSE", "RUS", "UKR"), at_home]
    >>> story_counterparts(story)[2], story_counterparts([*story, event(120, "AID", "UKR")])[2]
    (None, 'UKR')
    """
    sides = [(event["start"], _codes(event["actor"]), _codes(event["recipient"]))
             for event in events]
    named = _named_by_sentence(events)
    found: list[str | None] = []
    for event, (start, actors, recipients) in zip(events, sides):
        aimed = recipients and not placed_at_home(event)
        if not actors or aimed or event["event_type"] in UNDIRECTED_TYPES:
            found.append(None)
            continue
        told = Counter(code for other_start, other_actors, other_recipients in sides
                       if other_start != start and actors & other_actors
                       for code in other_recipients - actors)
        ranked = told.most_common(2)
        leads = ranked and ranked[0][1] >= MIN_TOLD and (len(ranked) == 1
                                                         or ranked[1][1] < ranked[0][1])
        if leads and (not recipients or ranked[0][0] in named[start]):
            found.append(ranked[0][0])
        else:
            found.append(None)
    return found


def _named_by_sentence(events: Sequence[Mapping[str, Any]]) -> dict[int, set[str]]:
    """The sides each sentence's events name (none inferred), by the sentence's start."""
    named: dict[int, set[str]] = defaultdict(set)
    for event in events:
        named[event["start"]] |= {side["code"] for side in (*event["actor"], *event["recipient"])
                                  if side.get("code") and side.get("role") not in INFERRED_ROLES}
    return named


def _codes(sides: Sequence[Mapping[str, Any]]) -> set[str]:
    return {side["code"] for side in sides if side.get("code")}


def _story_side(code: str) -> dict[str, Any]:
    name = country_name(code)
    return to_dict(Entity(name, name, code, "", FROM_STORY))


class ReportCounterparts:
    """Gives each event of `doc._.events` told without a recipient its actor's counterpart in
    the report (`story_counterparts`), but for a request or a reproach of many states named by
    no side ("criticised Western countries for ...": `aimed_at_many_states`), which is aimed at
    nobody."""

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events
        doc._.events = tuple(
            {**event, "recipient": [_story_side(code)], "id": ""}
            if code and not _at_many_states(doc, event) else event
            for event, code in zip(events, story_counterparts(events)))
        return doc


def _at_many_states(doc: Doc, event: Mapping[str, Any]) -> bool:
    trigger = doc.char_span(event.get("trigger_start", -1), event.get("trigger_end", -1),
                            alignment_mode="expand")
    return trigger is not None and aimed_at_many_states(trigger.root, event["event_type"])


@Language.factory("spiral_report_counterparts", requires=["doc._.events"],
                  assigns=["doc._.events"])
def make_report_counterparts(nlp: Language, name: str) -> ReportCounterparts:
    return ReportCounterparts()
