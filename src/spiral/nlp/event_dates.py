"""When an event happened: the date of its own clause, else the sentence's, and habitual sentences."""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from spiral.nlp import extensions
from spiral.nlp.dates import (
    PERFECT_AUXILIARIES,
    clause_offset,
    date_told_around,
    dates_of_objects,
    last_day_named,
    named_in_a_present_state,
    names_a_day_or_month,
    neighbour_day_shift,
    ongoing,
    resolve_date,
    span_start,
    still_to_come,
    tallied,
    told_as_before,
)
from spiral.nlp.event_lexicon import (
    ARGUMENT_DEPS,
    HABITUAL_ADVERBS,
    RELATIVE_PERIODS,
    STANDING_TYPES,
)
from spiral.nlp.event_participants import (
    _phrase,
    in_background,
)
from spiral.records import DatePrecision

_CLAUSE_TEXTS = "spiral.clause_texts"


def habitual(sentence: Span) -> bool:
    """A sentence about what keeps happening: it has an adverb of frequency ('regularly',
    'often'). A plain present alone is not one: news leads tell yesterday's events in it."""
    return any(t.lower_ in HABITUAL_ADVERBS for t in sentence)


def event_date(token: Token, event_type: str, when: date | None, precision: DatePrecision,
                published: date | None) -> tuple[date | None, DatePrecision]:
    """The trigger clause's own date, one counted from the sentence's event ('two days after'),
    or the sentence's; a date still to come when the report was published only where the
    trigger's own clause, or one above it, names it (a planned act's day: "plans to meet him
    as early as next week")."""
    day, day_precision = _event_date(token, event_type, when, precision, published)
    if day is not None and still_to_come(day, published) \
            and resolve_date(_clause_text(token), published) is None \
            and _governing_date(token, published) is None:
        # "one day later, the jets crossed" counted on past the report's day, "opposed the
        # transit once the contract ends next year": a time after the report is a plan's or a
        # deadline's, or a count gone astray, never the day of an act it tells as done
        return date_told_around(token.sent, published)
    return day, day_precision


def _event_date(token: Token, event_type: str, when: date | None, precision: DatePrecision,
                published: date | None) -> tuple[date | None, DatePrecision]:
    own_date = resolve_date(_clause_text(token), published) if published else None
    # "on Tuesday criticized the incursion the previous day": a clause that names its own day
    # is not also the day before it; the neighbouring day is its object's, hung on the verb
    names_its_day = own_date is not None
    if own_date is None and published and token.pos_ in ("NOUN", "PROPN") \
            and token.dep_ in ARGUMENT_DEPS and token.head.dep_ == "relcl":
        # "an uprising that followed a crackdown in 2011": a relative clause's date is its own
        # events', and the act it names as its object or subject is one of them
        own_date = resolve_date(_clause_text(token.head), published)
    if own_date is None and published is not None and _in_relative_clause(token) \
            and resolve_date(extensions.text_of(token.sent), published) is None:
        # "the militia, which has taken two towns", "the minister, who had opposed the deal":
        # an act a relative clause tells in the perfect, in a sentence that names no date, is
        # what a side did before the news, on no day the report gives
        return None, "unknown"
    if own_date is None and in_background(token):
        # "after Iran's strike", "amid the Russian invasion": an event told as background has
        # the date of its own words, never that of the event the sentence reports
        return None, "unknown"
    if own_date is None and when is not None and (began := span_start(token, when)) is not None:
        # "after two months of conflict": what lasted a span began when it was counted back
        return began
    if own_date is None and published is not None and (
            named_in_a_present_state(token)
            or tallied(token) and event_type not in STANDING_TYPES) \
            and resolve_date(extensions.text_of(token.sent), published) is None:
        # "the move raises concerns over the fate of soldiers fighting al Shabaab", "have
        # struck more than 3,400 targets": no day's event; "has massed more than 100,000
        # troops" is a build-up that stands on the day
        return None, "unknown"
    if own_date is None and (ongoing(token) or told_as_before(token)) and (
            when == published or resolve_date(extensions.text_of(token.sent), published) is None):
        # "Rwanda alleges ...": no day's event, nor the publication's, nor the day the
        # sentences before it tell
        return None, "unknown"
    if own_date is None and published:
        # a date belongs to the events of the clause it modifies and of the clauses under it
        own_date = _governing_date(token, published)
    day, day_precision = own_date or (when, precision)
    if (offset := _counted_offset(token)) is not None and when is not None:
        try:
            return when + offset[0], offset[1]
        except OverflowError:  # counted back from year 1 or on from 9999: no date to give
            pass
    if published is not None and not names_its_day \
            and (shift := neighbour_day_shift(token)) is not None:
        # "The rebels seized the town on 9 May and lost it again the day after": a day
        # told from the one the sentence names, or else from the one the report named last
        # (not from the publication day, which the sentence does not tell)
        told = day if resolve_date(extensions.text_of(token.sent), published) is not None else (
            last_day_named(token.sent, published))
        if told is not None:
            return told + timedelta(days=shift), "day"
    return day, day_precision


def _in_relative_clause(token: Token) -> bool:
    """The trigger is in a relative clause told in the perfect ("who have seized", "which had
    refused"), or is one, hung on a noun that is no date ("since October 8, when ..." tells the
    date, not a side's past)."""
    clause = next((a for a in (token, *token.ancestors) if a.dep_ == "relcl"), None)
    return clause is not None and not (names_a_day_or_month(clause.head)
                                       or clause.head.like_num) and any(
        c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES | {"had"} for c in clause.children)


def _counted_offset(token: Token) -> tuple[timedelta, DatePrecision] | None:
    """How far the trigger's event lies from the sentence's (`clause_offset`): that of its own
    clause, or, for an act named by a noun as the subject or object of a subordinate clause,
    that clause's ("the attacks came a day after a drone strike killed a civilian")."""
    if (offset := clause_offset(token)) is not None:
        return offset
    if token.pos_ == "NOUN" and token.dep_ in ARGUMENT_DEPS and token.head.dep_ == "advcl":
        return clause_offset(token.head)
    return None


def _governing_date(token: Token, published: date) -> tuple[date, DatePrecision] | None:
    """The date of the nearest clause or phrase above the trigger that gives one: "pointed to a
    pact he signed in March 2023, in which both agreed ..." dates the agreeing to March 2023
    (the signing's relative clause, left out of the sentence's date), and "the war began with
    an assault on 15 April, killing hundreds" the killing to the assault's day."""
    return next((found for head in token.ancestors
                 if (found := resolve_date(_clause_text(head), published)) is not None), None)


def _clause_text(token: Token) -> str:
    """The trigger's own clause, without the clauses it embeds: where its date is said ("on
    October 7 last year" with its year, which the parser hangs on the verb or the day as an
    adverb; "on Friday, Jan. 21, 2022" with the date it hangs on the weekday as an
    apposition).

    The dates of a sentence's triggers ask of their clauses and of every clause above them
    (`_governing_date`), so the clauses of a sentence are asked again and again: the first
    answer is kept in `doc.user_data`, by the token heading the clause."""
    kept = token.doc.user_data.setdefault(_CLAUSE_TEXTS, {})
    if token.i not in kept:
        kept[token.i] = _own_clause_text(token)
    return kept[token.i]


def _own_clause_text(token: Token) -> str:
    phrase = _phrase(token)
    dates = [t for word in phrase for c in word.children if _dates_its_clause(c)
             for t in c.subtree]
    objects_own = dates_of_objects(phrase, token)
    return "".join(t.text_with_ws for t in sorted(phrase + dates, key=lambda t: t.i)
                   if t.i not in objects_own)


def _dates_its_clause(child: Token) -> bool:
    """An adverb or apposition that tells when its clause happened: "last year", "12 June"
    ("on Thursday, 12 June,"), "Jan. 21, 2022" ("on Friday, Jan. 21, 2022") or the year of a
    month's day ("on February 24, 2022", the year hung on the month as an apposition)."""
    if child.dep_ == "npadvmod" and child.lemma_.lower() in RELATIVE_PERIODS:
        return any(d.lower_ in ("last", "this", "next") for d in child.children)
    if child.dep_ == "appos" and child.like_num and names_a_day_or_month(child.head):
        return True
    return child.dep_ in ("npadvmod", "appos") and names_a_day_or_month(child)
