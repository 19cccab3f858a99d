"""Red lines against what happened next: declared -> crossed -> enforced (or not enforced).

A red line's condition names who must do what: the actors it mentions (and the addressees),
and the kind of step from its verbs (permitting or supplying weapons -> AID/CONCEDE; firing,
striking -> ASSAULT). A later story event by one of those actors, of one of those types, aimed
at the declarer or at an actor of the condition, crosses it. The line is enforced when the
declarer then does what the consequence threatens (violence -> ASSAULT, otherwise THREATEN,
SANCTION or ASSAULT; for a nuclear consequence, a nuclear-context step) within `window_days`
against whom the consequence names ("at war with NATO" -> a NATO country) or, when it names
no one, against the crosser. A step of that kind against anyone else whose text links it to
the crossing ("in response to ...") only answers the line: striking a third country does not
carry out a threat of war with NATO. Past the window without either, it is not enforced. A statement from the
declarer's side that the line has been crossed ("Washington has now crossed that line") also
marks it crossed, on the statement's date. Every step keeps the story events (or the quote)
that show it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date, timedelta

import polars as pl

from spiral.countries import country_code
from spiral.records import Quote, RedLine

STEP_TYPES = [
    (re.compile(r"\b(allow\w*|let\w*|permi\w*|authori[sz]\w*|suppl\w*|send\w*|give\w*|provid\w*|"
                r"deliver\w*)\b", re.IGNORECASE), {"AID", "CONCEDE"}),
    (re.compile(r"\b(fire\w*|strik\w*|attack\w*|use\w*|launch\w*|hit\w*|bomb\w*|fight\w*|"
                r"enter\w* the (fight|war|conflict))\b", re.IGNORECASE),
     {"ASSAULT"}),
    (re.compile(r"\b(respond\w*|retaliat\w*|invad\w*|escalat\w*)\b", re.IGNORECASE), {"ASSAULT"}),
]
VIOLENT = re.compile(r"\b(war|strike|target|weapons|military|respond|response|retaliat\w*|"
                     r"force|attack)\b", re.IGNORECASE)
WESTERN = {"USA", "GBR", "FRA", "DEU", "IGO"}
JOINING = re.compile(r"\b(fight\w*|enter\w* the (fight|war|conflict)|join\w* the (fight|war))\b",
                     re.IGNORECASE)
NUCLEAR = re.compile(r"\bnuclear\b", re.IGNORECASE)
RESPONSE = re.compile(r"\b(respon\w*|retaliat\w*|in return|answer\w*|repl(y|ied)|revenge|"
                      r"aveng\w*|mirror)\b", re.IGNORECASE)
CROSSED = re.compile(r"\b(crossed|went past|gone past|overstepped|breached)\b[^.]{0,40}"
                     r"\b(red )?lines?\b", re.IGNORECASE)


def condition_types(condition: str) -> set[str]:
    """Event types a condition describes.

    >>> sorted(condition_types("allowing Ukraine to fire Western long-range missiles"))
    ['AID', 'ASSAULT', 'CONCEDE']
    """
    found: set[str] = set()
    for pattern, types in STEP_TYPES:
        if pattern.search(condition):
            found |= types
    return found


def _codes_in(text: str) -> set[str]:
    codes = {code for word in re.findall(r"[A-Z][\w-]+(?: [A-Z][\w-]+)?", text)
             if (code := country_code(word))}
    if re.search(r"\b(West\w*|NATO|allies)\b", text):
        codes |= WESTERN
    return codes


def assess_red_lines(red_lines: list[RedLine], stories: pl.DataFrame, *, as_of: date,
                     window_days: int = 30, statements: Sequence[Quote] = ()
                     ) -> tuple[list[RedLine], pl.DataFrame]:
    """Red lines with their status, and the evidence table (red_line_id, step, story_id,
    quote_id, date, text)."""
    updated, evidence = [], []
    dated = stories.filter(pl.col("date").is_not_null()).sort("date", "story_id")
    said_crossed = sorted((q for q in statements if q.date and CROSSED.search(q.content)),
                          key=lambda q: (q.date, q.id))
    for line in red_lines:
        actors = ({a.code for a in line.addressee} | _codes_in(line.condition)
                  | _codes_in(line.consequence)) - {line.declarer.code, ""}
        types = condition_types(line.condition)
        since = line.date or date.min
        by_them = pl.col("actor_code").is_in(list(actors)) & pl.col("recipient_code").is_in(
            list(actors | {line.declarer.code}))
        # a clash crosses "if they enter the fight" whichever side the report makes the actor
        in_a_fight = (pl.col("event_type") == "ASSAULT") & pl.col("recipient_code").is_in(
            list(actors)) & (pl.col("actor_code") != line.declarer.code) & pl.lit(
            bool(JOINING.search(line.condition)))
        crossing = dated.filter(
            (pl.col("date") >= since) & pl.col("event_type").is_in(list(types))
            & (by_them | in_a_fight))
        statement = next((q for q in said_crossed if q.date > since and q.speaker is not None
                          and q.speaker.code == line.declarer.code), None)
        if (crossing.is_empty() or not types) and statement is None:
            updated.append(dataclasses.replace(line, status="declared", crossed_by=(),
                                               crossed_date=None))
            continue
        event = crossing.row(0, named=True) if types and not crossing.is_empty() else None
        if statement is not None and (event is None or statement.date < event["date"]):
            crossed_on = statement.date
            evidence.append({"red_line_id": line.id, "step": "crossed", "story_id": None,
                             "quote_id": statement.id, "date": statement.date,
                             "text": statement.content})
        else:
            crossed_on = event["date"]
            evidence.append({"red_line_id": line.id, "step": "crossed",
                             "story_id": event["story_id"], "quote_id": None,
                             "date": event["date"], "text": event["text"]})
        answer_types = ["ASSAULT"] if VIOLENT.search(line.consequence) else \
            ["THREATEN", "SANCTION", "ASSAULT"]
        parties = {event["actor_code"], event["recipient_code"]} if event else set()
        targets = (actors | parties) - {line.declarer.code, ""}
        if NUCLEAR.search(line.consequence):
            # a nuclear threat is carried out only by a nuclear step, not any strike
            answer_types = ["ASSAULT", "THREATEN", "MOBILIZE"]
            nuclear = pl.col("context").list.contains("cbrn")
        else:
            nuclear = pl.lit(True)
        answer = dated.filter(
            nuclear &
            (pl.col("date") > crossed_on)
            & (pl.col("date") <= crossed_on + timedelta(days=window_days))
            & (pl.col("actor_code") == line.declarer.code)
            & pl.col("event_type").is_in(answer_types)
            & (pl.col("recipient_code").is_in(list(targets)) if targets
               else pl.col("recipient_code") != line.declarer.code))
        named = _codes_in(line.consequence) - {line.declarer.code, ""}
        crosser = ({event["actor_code"]} if event else actors) - {line.declarer.code, ""}
        enforcing = answer.filter(pl.col("recipient_code").is_in(list(named or crosser)))
        answering = answer.filter(pl.col("text").str.contains("(?i)" + RESPONSE.pattern))
        status = "crossed"
        for step, found in (("enforced", enforcing), ("answered", answering)):
            if not found.is_empty():
                reply = found.row(0, named=True)
                evidence.append({"red_line_id": line.id, "step": step,
                                 "story_id": reply["story_id"], "quote_id": None,
                                 "date": reply["date"], "text": reply["text"]})
                status = step
                break
        else:
            if as_of > crossed_on + timedelta(days=window_days):
                status = "not_enforced"
        updated.append(dataclasses.replace(line, status=status,
                                           crossed_by=tuple(crossing["story_id"].head(5)),
                                           crossed_date=crossed_on))
    return updated, pl.DataFrame(evidence, schema={"red_line_id": pl.String, "step": pl.String,
                                                   "story_id": pl.String, "quote_id": pl.String,
                                                   "date": pl.Date, "text": pl.String})
