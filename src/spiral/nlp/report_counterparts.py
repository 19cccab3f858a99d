"""`spiral_report_counterparts`: an act told without its target takes the side its actor acts on
throughout the report.

A report tells its story's acts again and again, and many mentions name only who acted: "Moscow
warned again on Friday", "the ministry said it had sanctioned nine more firms". Where the
report's other sentences tell the same actor acting on one side more often than on any other
(`MIN_TOLD` times or more), that side is the act's recipient, marked 'by story' (a side the
coder inferred, which the confidence model weighs as such). A test, a drill or a call-up
(MOBILIZE) has no target to take. Only events with no recipient are touched, after every
sentence-level rule has had its say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from spiral.countries import country_name
from spiral.records import Entity, to_dict

FROM_STORY = "by story"  # the role of a recipient taken from the report's other sentences
MIN_TOLD = 2
UNDIRECTED_TYPES = frozenset({"MOBILIZE"})


def story_counterparts(events: Sequence[Mapping[str, Any]]) -> list[str | None]:
    """For each of a document's events (dicts), the code of the side its actor acts on most often
    in the document's other sentences, where that side leads by itself and is told `MIN_TOLD`
    times or more; None for events that have a recipient, no actor or an undirected type.

    >>> def event(start, kind, actor, recipient=None):
    ...     return {"start": start, "event_type": kind, "actor": [{"code": actor}],
    ...             "recipient": [{"code": recipient}] if recipient else []}
    >>> story_counterparts([event(0, "THREATEN", "RUS"), event(30, "ASSAULT", "RUS", "UKR"),
    ...                     event(60, "ACCUSE", "RUS", "UKR"), event(90, "MOBILIZE", "RUS")])
    ['UKR', None, None, None]
    """
    sides = [(event["start"], _codes(event["actor"]), _codes(event["recipient"]))
             for event in events]
    found: list[str | None] = []
    for event, (start, actors, recipients) in zip(events, sides):
        if not actors or recipients or event["event_type"] in UNDIRECTED_TYPES:
            found.append(None)
            continue
        told = Counter(code for other_start, other_actors, other_recipients in sides
                       if other_start != start and actors & other_actors
                       for code in other_recipients - actors)
        ranked = told.most_common(2)
        leads = ranked and ranked[0][1] >= MIN_TOLD and (len(ranked) == 1
                                                         or ranked[1][1] < ranked[0][1])
        found.append(ranked[0][0] if leads else None)
    return found


def _codes(sides: Sequence[Mapping[str, Any]]) -> set[str]:
    return {side["code"] for side in sides if side.get("code")}


def _story_side(code: str) -> dict[str, Any]:
    name = country_name(code)
    return to_dict(Entity(name, name, code, "", FROM_STORY))


class ReportCounterparts:
    """Gives each event of `doc._.events` told without a recipient its actor's counterpart in
    the report (`story_counterparts`)."""

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events
        doc._.events = tuple(
            {**event, "recipient": [_story_side(code)], "id": ""} if code else event
            for event, code in zip(events, story_counterparts(events)))
        return doc


@Language.factory("spiral_report_counterparts", requires=["doc._.events"],
                  assigns=["doc._.events"])
def make_report_counterparts(nlp: Language, name: str) -> ReportCounterparts:
    return ReportCounterparts()
