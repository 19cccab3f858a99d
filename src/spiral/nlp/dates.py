"""Dates of events and statements, resolved against the publication date.

>>> resolve_date("on Tuesday", date(2024, 11, 21))
(datetime.date(2024, 11, 19), 'day')
>>> resolve_date("in September", date(2024, 11, 21))
(datetime.date(2024, 9, 1), 'month')
>>> resolve_date("21 November 2024", date(2025, 1, 1))
(datetime.date(2024, 11, 21), 'day')
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from spiral.nlp import extensions, layout
from spiral.nlp.event_lexicon import REPORTING_VERBS, SPANS_OF_TIME
from spiral.records import DatePrecision

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
# a month as news writes it: in full or cut short ("Jan.", "Sept")
MONTH_WORDS = frozenset(MONTHS) | {m[:3] for m in MONTHS} | {"sept"}
DAY_WORDS = frozenset({"yesterday", "today", "tonight"})
YEAR = re.compile(r"(?:19|20)\d{2}")
# the modifiers a noun takes a date in: "Sunday's raid", "the 2016 accord", "the March 3 bombing"
NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "nummod", "amod"})
# prepositions that time a clause by the act they govern ("met during Monday's talks", "the
# thaw that followed the 2018 accord"), unlike those that only name it ("answered Monday's
# raid", "in response to Monday's raid", "compared it with the 2019 bombing")
TIMING_PREPOSITIONS = frozenset({"during", "at", "on", "in", "throughout", "amid", "amidst",
                                 "after", "following", "since", "before", "until"})
_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
# a weekday written with its date ("Friday, Jan. 21, 2022", "Thursday, 12 June") names that
# date, not the weekday of the report's week
_WITH_ITS_DATE = (r"(?!,? (?:the )?(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?" + _ANY_MONTH + r"|"
                  + _ANY_MONTH + r" \d{1,2}\b))")
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    # "on October 7 last year": the day of the year before the report's
    # "21 November", "the 6th of July", "24th February"
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH
                       + r"(?:,? (?P<y>\d{4})|(?P<last> last year))?\b")),
    ("mdy", re.compile(r"\b" + _MONTH + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y>\d{4})|"
                       r"(?P<last> last year))?\b")),
    # "on Monday last week": that day of the week before the report's
    ("weekday_last_week", re.compile(r"\b(?:on )?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                                     r"Sunday) (?:of )?last week\b")),
    ("weekday", re.compile(r"\b(?:on |last |this )?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                           + _WITH_ITS_DATE)),
    # "overnight on March 8", "overnight into Sunday": the day named is the date
    ("relative_day", re.compile(r"\b(?P<rel>today|yesterday|tonight|last night|"
                                r"overnight(?! (?:on|into|to)\b| (?:Monday|Tuesday|Wednesday|"
                                r"Thursday|Friday|Saturday|Sunday)\b)|"
                                r"earlier today|this morning|this evening)\b", re.IGNORECASE)),
    ("this_week", re.compile(r"\b(?P<which>this|last|next) week\b", re.IGNORECASE)),
    # "over the weekend", "last weekend": the Saturday of the weekend before the report's day
    ("weekend", re.compile(r"\b(?:over|during|at|on|last) (?:the )?weekend\b",
                           re.IGNORECASE)),
    # "on the 19th": a day of the report's month (of the month before, when still to come)
    ("ordinal_day", re.compile(r"\bon the (?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b")),
    # "at the start of the month", "by the end of last month"
    ("part_of_month", re.compile(r"\b(?:start|beginning|middle|end) of (?P<which>this|last|the) "
                                 r"month\b", re.IGNORECASE)),
    # "in June", "last March", "their June attacks" (a month naming what happened in it; "the
    # Dec. 29 strikes" names a day, read above)
    # "in late January", "mid-June": a part of the month (`PART_DAYS`); "in August of 2018"
    ("month_name", re.compile(r"\b(?:(?i:(?P<part>early|late|mid-))|(?i:in|since|during|last|the|"
                              r"their|its|his|her|our|of)) ?" + _MONTH
                              + r"(?: (?:of )?(?P<y>\d{4})|(?P<last> last year))?\b"
                              r"(?!\.? ?\d{1,2}(?:st|nd|rd|th)?\b)")),
    ("this_month", re.compile(r"\b(?P<which>this|last|next) month\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?P<which>this|last|next) year\b", re.IGNORECASE)),
    # "in 2016", "during 2014", "since 2014, when the rebels took the capital": a year alone
    # ("the worst since 2014" dates nothing that happened then)
    # "in late 2021": a part of the year (`PART_MONTHS`)
    ("year_number", re.compile(r"\b(?:(?i:(?P<part>early|late|mid-))|(?i:in|during|since "
                               r"(?=\d{4},? when\b))) ?(?P<y>(?:19|20)\d{2})\b(?![-/]\d)")),
    # "a 2019 car bomb attack", "the 2008 war": a year naming what happened in it
    ("year_before_noun", re.compile(r"\b(?i:a|an|the|its|their|his|her|our) (?P<y>(?:19|20)\d{2})"
                                    r" (?=[a-z])")),
    # "two days ago", "a week ago": counted back from the report's day
    ("days_ago", re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                            r"(?P<unit>days?|weeks?) ago\b", re.IGNORECASE)),
    ("months_from_now", re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|\d+) months? (?P<dir>from now|ago|later)\b", re.IGNORECASE)),
    # "last winter", "in the fall of 2020": the season's first month (of the northern
    # hemisphere, where most crises in the news are)
    ("season", re.compile(r"\b(?:(?P<which>last|this) (?P<season>winter|spring|summer|autumn|fall)|"
                          r"(?P<named>winter|spring|summer|autumn|fall) of (?P<y>(?:19|20)\d{2}))\b",
                          re.IGNORECASE)),
]
# charges and denials that, told in the present, are a standing position
STANDING_VERBS = frozenset({"accuse", "allege", "deny", "blame", "claim", "insist", "maintain"})
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_UNIT_DAYS = {"day": 1, "week": 7}
# the units of a span between two events ("a month after the coup"), in days: a month counted
# as thirty, its date told to the month only
OFFSET_UNIT_DAYS = _UNIT_DAYS | {"month": 30}
# a day told from the day next to it ("retreated the following day", "had recalled its envoy
# the previous night", "a day earlier"): the words that say which way, and the parts of a day
NEIGHBOUR_DAY_SHIFTS = {"following": 1, "next": 1, "previous": -1, "later": 1, "earlier": -1}
DAY_PARTS = frozenset({"day", "night", "morning", "afternoon", "evening"})
# a time a sentence points back to ("that day", "later that same night", "at that time",
# "earlier in the day"): the nouns, and the words that make them the time told before
TIMES_TOLD_BEFORE = DAY_PARTS | {"time"}
POINTING_BACK = frozenset({"that", "same"})
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# "early", "mid-" and "late" a month or a year name a third of it, dated to the middle of that
# third: the day least likely to fall outside however a reader bounds it ("late January" as the
# 16th to the 31st or the 21st to the 31st, "late 2021" as September or October to December)
PART_DAYS = {"early": 5, "mid-": 15, "late": 25}
PART_MONTHS = {"early": 3, "mid-": 7, "late": 11}
# adverbs that tell an act as done before the report's news, on no day it names; "already"
# only with the present perfect ("has already recalled"): "had already summoned" sets the act
# before a past moment the story tells, and dated with it
EARLIER_ADVERBS = frozenset({"previously", "long", "consistently", "formerly"})
MAX_CONTINUED_SENTENCES = 2  # how far back a sentence without a date looks for the day it continues
# a day named by the week or the calendar, not counted from the report's ("yesterday")
NAMED_DAY_KINDS = frozenset({"iso", "dmy", "mdy", "weekday", "weekday_last_week",
                             "ordinal_day"})
_EVENT_DATE = "spiral.event_date"
_STORY_DAY = "spiral.story_day"
_LEAD = "spiral.lead"
# the units of a span an event is told to have lasted ("two months of conflict"), in months
# (a day or a week in days), and the precision of its start counted back
SPAN_UNITS: dict[str, tuple[int, int, DatePrecision]] = {
    "day": (1, 0, "day"), "week": (7, 0, "week"), "month": (0, 1, "month"),
    "year": (0, 12, "year")}
PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# a tally of acts over time told in the perfect: "have struck thousands of targets", "more than
# 3,400 targets" (a number with "more than", "at least", "nearly"), "four times"
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve", "'s"})
TALLY_WORDS = frozenset({"hundreds", "thousands", "dozens", "scores", "millions", "tens"})
MIN_TALLY = 100
# "over" is left out: "handed over 288 prisoners" is the verb's particle as often as a count's
TALLY_MODIFIERS = frozenset({"more", "least", "nearly", "almost", "than"})


@functools.lru_cache(maxsize=4096)  # the coder asks of a sentence and of its clauses again
def resolve_date(expression: str, published: date | None) -> tuple[date, DatePrecision] | None:
    """The first date expression in `expression`, resolved; None when there is none. Without a
    publication date only dates that name their year resolve ("21 November 2024", "in 2019").

    >>> resolve_date("a 2019 car bomb attack", None)
    (datetime.date(2019, 1, 1), 'year')
    >>> resolve_date("on Tuesday", None) is None
    True
    """
    found = _first(expression, published)
    return None if found is None else found[1]


def find_event_date(sentence: Span, published: date | None) -> tuple[date | None, DatePrecision]:
    """The date a sentence's event happened: its own date expression (not one still to come
    when the report was published, a plan's or a deadline's, `still_to_come`), else the day the
    sentences before it in its paragraph tell (`continued_date`), else the day the report's
    lead tells (`story_day`), else publication day; with none, no date ('unknown').

    A page that prints no publication date dates only what names its year ("on 3 March 2022",
    or a sentence going on telling it): a day or month named without one ("on 3 March", "in
    March") and what the page tells with no date of its own stay undated, however near a year
    or a full date the page prints (a caption's, another story's, its address's), as most
    annotators of newer reports leave them (O to V; `docs/evaluation.md`, stop 23).

    Every coder asks of the sentences it codes (the events', quotes', statements', red lines'
    and positions' coders, often of one sentence), and the answer rests only on the text, the
    parse and the furniture, which never change after the parser: the first answer is kept in
    `doc.user_data`, as plain data, by the sentence's bounds and the publication day."""
    key = (_EVENT_DATE, sentence.start, sentence.end, published.isoformat() if published else "")
    kept = sentence.doc.user_data.get(key)
    if kept is None:
        when, precision = _find_event_date(sentence, published)
        kept = sentence.doc.user_data[key] = (when.isoformat() if when else "", precision)
    return (date.fromisoformat(kept[0]) if kept[0] else None), kept[1]


def _find_event_date(sentence: Span, published: date | None) -> tuple[date | None,
                                                                      DatePrecision]:
    own_words = _without_relative_clauses(sentence)
    found = resolve_date(own_words, published)
    if found is not None and not still_to_come(found[0], published):
        return found
    if published is None and _names_a_time(own_words):
        return None, "unknown"  # "on Tuesday", "on 3 March" of no known year is no day before it
    return date_told_around(sentence, published)


def date_told_around(sentence: Span, published: date | None) -> tuple[date | None,
                                                                      DatePrecision]:
    """The date of a sentence that names none of what it tells as done: the day the sentences
    before it in its paragraph tell, a time it points back to, the lead's day or the
    publication day; on a page with no publication date, only a day the paragraph names."""
    if (continued := continued_date(sentence, published)) is not None:
        return continued
    if published is None:
        return None, "unknown"
    if (pointed := _time_pointed_back_to(sentence)) is not None \
            and (told := last_date_named(sentence, published,
                                         any_precision=pointed.lower_ == "time")) is not None:
        return told
    return entry_day(sentence, published) or story_day(sentence.doc, published) \
        or (published, "day")


def entry_day(sentence: Span, published: date) -> tuple[date, DatePrecision] | None:
    """The day a page's last date line before `sentence` prints, when it is one of the week
    before publication: a live blog's entries under "Tuesday, 4 March 2025" were written that
    day, not on the day the page was last published. A line that prints the publication day
    (or a later one, the day the page was read or updated) tells no entry's day of its own."""
    doc, text = sentence.doc, extensions.written(sentence.doc)
    # the entry times under it ("18:40 GMT") name no day; a line that names its year does
    found = next((found for start, end, kind in reversed(extensions.value(doc, "furniture"))
                  if kind == "timestamp" and end <= sentence.start_char
                  and (found := resolve_date(text[start:end], None)) is not None), None)
    if found is not None and found[1] == "day" \
            and published - timedelta(days=7) <= found[0] < published:
        return found
    return None


def still_to_come(day: date, published: date | None) -> bool:
    """A date after the report's publication ("next week", "the Aug. 8 deadline"): the time of
    a plan, a deadline or a schedule the sentence names, never that of what it tells as done,
    nor of a statement it reports (the coders of a clause that names it for its own, a planned
    act's, still read it there: `event_dates.event_date`)."""
    return published is not None and day > published


def story_day(doc: Doc, published: date) -> tuple[date, DatePrecision] | None:
    """The day a report's lead (its first sentence after the page furniture) names, when it is
    one of the week before publication: "Israeli forces on Sunday seized the buffer zone",
    published on Wednesday, tells Sunday's story, and what the report goes on telling without a
    date of its own happened then, not on the day it was published. None when the lead names
    no such day."""
    key = f"{_STORY_DAY}:{published.isoformat()}"
    if key not in doc.user_data:  # once per document: the coders ask of every sentence
        lead = _lead(doc)
        found = None if lead is None else resolve_date(_without_relative_clauses(lead), published)
        if found is None and lead is not None and (after := _after_lead(lead)) is not None:
            # a lead that names no time at all ("Somalia has announced the expulsion of a
            # diplomat") leaves its day to the sentence after it, when that names the day
            # ("The ministry said on Tuesday ..."); a day counted from the report's own
            # ("Baku launched its offensive yesterday") tells what came before the lead's news
            found = _named_day(_without_relative_clauses(after), published)
        # kept as plain data, as everything a Doc carries
        doc.user_data[key] = found[0].isoformat() if found is not None and found[1] == "day" \
            and published - timedelta(days=7) <= found[0] < published else ""
    day = doc.user_data[key]
    return (date.fromisoformat(day), "day") if day else None


def continued_date(sentence: Span, published: date | None) -> tuple[date, DatePrecision] | None:
    """The day a sentence without a date of its own goes on telling: the day of the week before
    publication that one of the two sentences before it, in its paragraph, names ("Iraq on
    Tuesday summoned the ambassador. It handed him a note of protest."); None when they name
    none, or name an older or vaguer time (a background "in 2019" dates nothing after it). On a
    page with no publication date, the day they name with its year ("On 15 April 2024, clashes
    erupted. The army launched airstrikes."), to a sentence told in the past (with no report's
    day to bound it, "Kigali rejects the charge" is a standing position)."""
    doc, start = sentence.doc, sentence.start
    if published is None and sentence.root.tag_ not in PAST_TAGS:
        return None
    for _ in range(MAX_CONTINUED_SENTENCES):
        if start == 0:
            return None
        before = doc[start - 1].sent
        # its words' end, cut from the written text (Span.text builds every Token to join them)
        words_end = before.start_char + len(extensions.text_of(before).rstrip())
        if "\n" in extensions.written(doc)[words_end:sentence.start_char] \
                or layout.in_furniture(doc, before.start_char, before.end_char):
            return None  # a new paragraph tells something else, and a dateline or caption nothing
        found = resolve_date(_without_relative_clauses(before), published)
        if found is not None:
            day, precision = found
            if precision == "day" and (published is None or
                                       published - timedelta(days=7) <= day < published):
                return found
            return None
        start = before.start
    return None


def _names_a_time(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in _PATTERNS)


def ongoing(token: Token) -> bool:
    """An event word told as a state of affairs: a standing charge or denial in the simple
    present ("Rwanda alleges", "the EU accuses", "Kigali denies") or an act going on ("has been
    conducting offensives"). Without a date of its own it happened on no one day, and the
    publication day is not it. A past or perfect verb ("accused", "has accused") is news of the
    day, and so is a present that tells it ("the army launches an offensive").

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks failed . Rwanda alleges that")
    >>> for token in doc:
    ...     token.is_sent_start = token.i in (0, 3)
    >>> doc[4].pos_, doc[4].tag_, doc[4].lemma_ = "VERB", "VBZ", "allege"
    >>> ongoing(doc[4])
    True
    """
    if token.pos_ != "VERB":
        return False
    if token.tag_ in ("VBZ", "VBP"):
        # the lead tells the day's news in the present, as a headline does ("Iran accuses
        # Israel of ...")
        return token.lemma_.lower() in STANDING_VERBS and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children) \
            and token.sent.start != (_lead(token.doc) or token.sent).start
    return token.tag_ == "VBG" and any(c.lower_ == "been" for c in token.children) \
        and any(c.lower_ in ("has", "have") for c in token.children)


def told_as_before(token: Token) -> bool:
    """An act its clause, or one above it, tells as done before the report's news ("has
    previously said", "had consistently called for", "has already recalled"): without a date of
    its own it happened on no day the report names, and the publication day is not it."""
    for word in (token, *token.ancestors):
        adverbs = {c.lower_ for c in word.children if c.dep_ == "advmod"}
        if adverbs & EARLIER_ADVERBS or "already" in adverbs and any(
                c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES for c in word.children):
            return True
    return False


def named_in_a_present_state(token: Token) -> bool:
    """An event named, as a noun or a participle, inside a sentence that tells a state of
    affairs in the simple present: "the dispute has effects across the region, bringing
    charges", "the move raises concerns over the fate of soldiers fighting the militants".
    The sentence is about now and the event is its background: told on no day the sentence
    gives, it happened on no day we know, and not on the publication day. Neither is the lead
    (news leads tell the day's events in the present), a sentence whose present verb reports
    speech ("Poland says the raids were ..."), nor an event inside a clause of its own tense
    ("condemned the assault").

    >>> import spacy
    >>> doc = spacy.blank("en")("War rages . The conflict has effects , drawing in accusations")
    >>> for token in doc:
    ...     token.is_sent_start = token.i in (0, 3)
    >>> parse = [(1, "nsubj", "NN", "NOUN"), (1, "ROOT", "VBZ", "VERB"), (1, "punct", ".", "PUNCT"),
    ...          (4, "det", "DT", "DET"), (5, "nsubj", "NN", "NOUN"), (5, "ROOT", "VBZ", "VERB"),
    ...          (5, "dobj", "NNS", "NOUN"), (5, "punct", ",", "PUNCT"), (5, "advcl", "VBG", "VERB"),
    ...          (8, "prt", "RP", "ADP"), (8, "dobj", "NNS", "NOUN")]
    >>> for token, (head, dep, tag, pos) in zip(doc, parse):
    ...     token.head, token.dep_, token.tag_, token.pos_ = doc[head], dep, tag, pos
    >>> named_in_a_present_state(doc[10]), named_in_a_present_state(doc[0])
    (True, False)
    """
    sentence, root = token.sent, token.sent.root
    if token is root or not (token.pos_ in ("NOUN", "PROPN") or token.tag_ == "VBG") \
            or root.tag_ not in PRESENT_TAGS or root.lemma_.lower() in REPORTING_VERBS \
            or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    if any(a.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") for c in a.children)
           for a in token.ancestors if a is not root and a.pos_ in ("VERB", "AUX")):
        return False
    lead = _lead(token.doc)
    return lead is None or lead.start != sentence.start


def _lead(doc: Doc) -> Span | None:
    """The report's first sentence after the page furniture, found once per document."""
    if _LEAD not in doc.user_data:  # its first token, as plain data
        lead = next((sentence for sentence in doc.sents if not doc._.furniture
                     or not layout.in_furniture(doc, sentence.start_char, sentence.end_char)),
                    None)
        doc.user_data[_LEAD] = -1 if lead is None else lead.start
    start = doc.user_data[_LEAD]
    return None if start < 0 else doc[start].sent


def _named_day(text: str, published: date) -> tuple[date, DatePrecision] | None:
    """The first date expression of `text` when it names its day (NAMED_DAY_KINDS: "on
    Tuesday", "on 12 March"), not one counted from the report's ("yesterday", "last night")."""
    first, named = _first(text, published), _first(text, published, NAMED_DAY_KINDS)
    return named[1] if named is not None and first is not None and named[0] == first[0] \
        else None


def _after_lead(lead: Span) -> Span | None:
    """The sentence after the lead, unless it is page furniture (a caption, a dateline)."""
    doc = lead.doc
    if lead.end >= len(doc):
        return None
    after = doc[lead.end].sent
    return None if layout.in_furniture(doc, after.start_char, after.end_char) else after


def tallied(token: Token) -> bool:
    """An act told in the present perfect as a tally over time: "the militia has shelled
    over 1,200 positions", "the conflict has killed thousands", "has violated the airspace
    four times". The sum of many acts happened on no one day, and not on the publication day.
    A count alone is no tally ("has handed over 288 prisoners" is one handover).

    >>> import spacy
    >>> doc = spacy.blank("en")("troops have struck thousands of targets")
    >>> parse = [(2, "nsubj", "NOUN"), (2, "aux", "AUX"), (2, "ROOT", "VERB"), (2, "dobj", "NOUN"),
    ...          (3, "prep", "ADP"), (4, "pobj", "NOUN")]
    >>> for token, (head, dep, pos) in zip(doc, parse):
    ...     token.head, token.dep_, token.pos_ = doc[head], dep, pos
    >>> tallied(doc[2])
    True
    """
    if token.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES
                                       for c in token.children):
        return False
    counted = [t for c in token.children if c.dep_ in ("dobj", "nsubjpass", "npadvmod")
               for t in c.subtree]
    return any(t.lower_ in TALLY_WORDS or (t.lower_ == "times" and any(
        n.like_num for n in t.children)) or (_count(t) >= MIN_TALLY and any(
            c.lower_ in TALLY_MODIFIERS for c in t.children)) for t in counted)


def _count(token: Token) -> int:
    digits = token.text.replace(",", "")
    return int(digits) if token.like_num and digits.isdigit() else 0


def _without_relative_clauses(sentence: Span) -> str:
    """The sentence's words outside its relative clauses: "Russia, which invaded in 2022,
    fired drones overnight" dates the drones, not the invasion (a relative clause's own events
    take the date it gives them). A clause that qualifies a date ("since 2014, when ...") stays,
    and so does one hung on a sentence's nominal root: the parser that roots "The head of the
    group X said on Tuesday ..." in "head" has made the sentence's own verb its relative clause."""
    inner = {t.i for t in sentence if t.dep_ == "relcl" and not _names_a_date(t.head)
             and not _nominal_root(t.head) for t in t.subtree} | dates_of_objects(sentence)
    if not inner:
        return extensions.text_of(sentence)
    return "".join(t.text_with_ws if t.i not in inner else " " * len(t.text_with_ws)
                   for t in sentence)


def dates_of_objects(tokens: Iterable[Token], trigger: Token | None = None) -> set[int]:
    """The words of the dates in `tokens` that qualify an act named as an object ("called
    Sunday's raid cowardly", "summoned the envoy over Tuesday's shelling", "urged them to honour
    the 2016 accord"): that act's date, not the date of the clause naming it, unless the act is
    the `trigger` itself. A phrase that sets the clause in that act's time ("during Monday's
    talks", `TIMING_PREPOSITIONS`) keeps its date."""
    return {t.i for word in tokens if word.dep_ in NOUN_MODIFIER_DEPS and _a_date_word(word)
            and _phrase_head(word.head) is not trigger
            and _an_act_outside_its_time(_phrase_head(word.head)) for t in word.subtree}


def _phrase_head(noun: Token) -> Token:
    """The noun a compound belongs to: "attack" for "bomb" in "a 2019 car bomb attack"."""
    while noun.dep_ == "compound" and noun.head is not noun:
        noun = noun.head
    return noun


def _an_act_outside_its_time(noun: Token) -> bool:
    """An object noun naming an act ("raid", "the 2016 accord"), not a time ("the night of
    October 17th", "the early hours of Friday morning"), that the clause does not time itself
    by."""
    return noun.pos_ == "NOUN" and noun.lower_ not in SPANS_OF_TIME and not _names_a_date(noun) \
        and (noun.dep_ == "dobj" or noun.dep_ == "pobj"
             and noun.head.lower_ not in TIMING_PREPOSITIONS)


def _a_date_word(token: Token) -> bool:
    return names_a_day_or_month(token) or token.lower_ in DAY_WORDS or (
        token.like_num and YEAR.fullmatch(token.text) is not None)


def _nominal_root(token: Token) -> bool:
    return token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN")


def _names_a_date(token: Token) -> bool:
    """A number, a weekday or a month, written out or cut short ("Sept."); not a word that
    only begins like one ("the junta that seized power", "separatists who ...")."""
    return token.like_num or names_a_day_or_month(token)


def names_a_day_or_month(token: Token) -> bool:
    """A weekday or a month, written out or cut short ("Sept.").

    >>> import spacy
    >>> [names_a_day_or_month(t) for t in spacy.blank("en")("Jan. 21 Junta Friday")]
    [True, False, False, True]
    """
    word = token.lower_.rstrip(".")
    return word in WEEKDAYS or word in MONTH_WORDS


def _first(text: str, published: date | None, kinds: frozenset[str] | None = None
           ) -> tuple[int, tuple[date, DatePrecision]] | None:
    best = None
    for kind, pattern in _PATTERNS:
        if kinds is not None and kind not in kinds:
            continue
        for match in pattern.finditer(text):
            resolved = _resolve(kind, match, published)
            if resolved is not None and (best is None or match.start() < best[0]):
                best = (match.start(), resolved)
            if resolved is not None:
                break
    return best


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(name) + 1


def _resolve(kind: str, match: re.Match[str],
             published: date | None) -> tuple[date, DatePrecision] | None:
    if published is None:
        # an undated report: only what names its year ("on Tuesday" is no day of any year)
        if kind not in ("iso", "dmy", "mdy", "month_name", "year_number", "year_before_noun") \
                or not match.groupdict().get("y"):
            return None
        published = date(int(match.group("y")), 12, 31)
    try:
        return _resolve_in_range(kind, match, published)
    except (ValueError, OverflowError):  # no such day, or beyond year 1 or 9999
        return None


def _resolve_in_range(kind: str, match: re.Match[str],
                      published: date) -> tuple[date, DatePrecision] | None:
    groups = match.groupdict()
    if kind == "iso":
        return date(int(groups["y"]), int(groups["m"]), int(groups["d"])), "day"
    if kind in ("dmy", "mdy"):
        month, day = _month_number(groups["month"]), int(groups["d"])
        if groups.get("last"):
            return date(published.year - 1, month, day), "day"
        year = int(groups["y"]) if groups.get("y") else published.year
        found = date(year, month, day)
        if not groups.get("y") and found > published + timedelta(days=7):
            found = date(year - 1, month, day)
        return found, "day"
    if kind == "weekday_last_week":
        monday = published - timedelta(days=published.weekday() + 7)
        return monday + timedelta(days=WEEKDAYS.index(groups["wd"].lower())), "day"
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS.index(groups["wd"].lower())) % 7
        return published - timedelta(days=back), "day"
    if kind == "relative_day":
        rel = groups["rel"].lower()
        # what happened "overnight" began the evening before the report
        return (published - timedelta(days=1) if rel in ("yesterday", "overnight", "last night")
                else published), "day"
    if kind == "weekend":
        back = (published.weekday() - 5) % 7  # Saturday
        return published - timedelta(days=back), "week"
    if kind == "ordinal_day":
        day = int(groups["d"])
        if day <= published.day:
            return published.replace(day=day), "day"
        last_month = published.replace(day=1) - timedelta(days=1)
        return last_month.replace(day=day), "day"
    if kind == "part_of_month":
        first = published.replace(day=1)
        if groups["which"].lower() == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        return first, "month"
    if kind == "this_week":
        shift = {"this": 0, "last": -7, "next": 7}[groups["which"].lower()]
        monday = published - timedelta(days=published.weekday()) + timedelta(days=shift)
        return monday, "week"
    if kind == "month_name":
        month = _month_number(groups["month"])
        year = int(groups["y"]) if groups.get("y") else published.year - 1 if groups.get(
            "last") else (published.year if month <= published.month else published.year - 1)
        return date(year, month, PART_DAYS.get(_part(groups), 1)), "month"
    if kind == "this_month":
        shift = {"this": 0, "last": -1, "next": 1}[groups["which"].lower()]
        index = published.year * 12 + published.month - 1 + shift
        return date(index // 12, index % 12 + 1, 1), "month"
    if kind == "year":
        shift = {"this": 0, "last": -1, "next": 1}[groups["which"].lower()]
        return date(published.year + shift, 1, 1), "year"
    if kind in ("year_number", "year_before_noun"):
        return date(int(groups["y"]), PART_MONTHS.get(_part(groups), 1), 1), "year"
    if kind == "days_ago":
        count = _NUMBERS.get(groups["n"].lower()) or int(groups["n"])
        days = count * _UNIT_DAYS[groups["unit"].lower().rstrip("s")]
        return published - timedelta(days=days), "day" if days < 7 else "week"
    if kind == "season":
        return _season(groups, published), "month"
    if kind == "months_from_now":
        count = _NUMBERS.get(groups["n"].lower()) or int(groups["n"])
        sign = -1 if groups["dir"].lower() == "ago" else 1
        index = published.year * 12 + published.month - 1 + sign * count
        return date(index // 12, index % 12 + 1, 1), "month"
    return None


def _part(groups: dict[str, str]) -> str:
    """The part of a month or year an expression names ("early", "mid-", "late"), or ""."""
    return (groups.get("part") or "").lower()


def _season(groups: dict[str, str], published: date) -> date:
    """The first day of the season named: "last winter" is the latest that ended before the
    report, "this winter" the one the report's year is in or comes to, "the winter of 2020"
    the one that begins in December 2020."""
    name = (groups.get("season") or groups["named"]).lower()
    month = SEASON_MONTHS[name]
    if groups.get("y"):
        return date(int(groups["y"]), month, 1)
    starts = [date(year, month, 1) for year in range(published.year - 2, published.year + 1)]
    if groups["which"].lower() == "last":
        # over when three months have passed since it began
        return max(s for s in starts if (s.year * 12 + s.month + 3) <=
                   (published.year * 12 + published.month))
    # "this winter" in January is the one that began in December
    return max(s for s in starts if s <= published) if month == 12 and published.month <= 2 \
        else date(published.year, month, 1)


def span_start(noun: Token, end: date) -> tuple[date, DatePrecision] | None:
    """When an event told as lasting a span began: "after two months of conflict", "four weeks
    of fighting", "a year of rocket fire and skirmishes" count the span back from `end` (the
    day of the sentence that tells it); None for a noun that is no counted span's ("years of
    hostility" says no count).

    >>> import spacy
    >>> doc = spacy.blank("en")("after two months of conflict")
    >>> parse = [(0, "ROOT"), (2, "nummod"), (0, "pobj"), (2, "prep"), (3, "pobj")]
    >>> for token, (head, dep) in zip(doc, parse):
    ...     token.head, token.dep_ = doc[head], dep
    >>> doc[2].lemma_ = "month"
    >>> span_start(doc[4], date(2024, 11, 27))
    (datetime.date(2024, 9, 27), 'month')
    """
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    of = first.head
    if first.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in SPAN_UNITS:
        return None
    unit = of.head
    counts = [c for c in unit.children if c.dep_ in ("nummod", "det")]
    count = next((n for c in counts if (n := _NUMBERS.get(c.lower_) or (
        int(c.text) if c.text.isdigit() else None))), None)
    if count is None:
        return None
    days, months, precision = SPAN_UNITS[unit.lemma_.lower()]
    try:
        if days:
            # "two days of strikes" ending today began yesterday
            return end - timedelta(days=count * days - (days == 1)), precision
        year, month = divmod(end.year * 12 + end.month - 1 - count * months, 12)
        return date(year, month + 1, min(end.day, calendar.monthrange(year, month + 1)[1])), \
            precision
    except (ValueError, OverflowError):  # before year 1
        return None


def neighbour_day_shift(token: Token) -> int | None:
    """How many days the trigger's own words put its event from the day its sentence names:
    +1 for "retreated the following day", -1 for "recalled its envoy the previous night" or
    "a day earlier, the minister said", None when they name no neighbouring day.

    >>> import spacy
    >>> doc = spacy.blank("en")("they left the next day")
    >>> parse = [(1, "nsubj"), (1, "ROOT"), (4, "det"), (4, "amod"), (1, "npadvmod")]
    >>> for token, (head, dep) in zip(doc, parse):
    ...     token.head, token.dep_ = doc[head], dep
    >>> neighbour_day_shift(doc[1])
    1
    """
    for child in token.children:
        if child.dep_ in ("npadvmod", "dobj") and child.lower_ in DAY_PARTS:
            shift = next((NEIGHBOUR_DAY_SHIFTS[m.lower_] for m in child.children
                          if m.dep_ == "amod" and m.lower_ in NEIGHBOUR_DAY_SHIFTS), None)
            if shift is not None:
                return shift
        if child.dep_ == "advmod" and child.lower_ in ("earlier", "later") and any(
                c.dep_ == "npadvmod" and c.lower_ == "day"
                and not {d.lower_ for d in c.children} & POINTING_BACK for c in child.children):
            # "a day later"; "later that same day" is the day told, not the one after
            return NEIGHBOUR_DAY_SHIFTS[child.lower_]
    return None


def last_day_named(sentence: Span, published: date) -> date | None:
    """The day the report last named before `sentence`, of those not after its publication
    ("takes effect on 3 March" names no day told so far): what "a day earlier" or
    "the next day" counts from in a sentence that names none.

    >>> import spacy
    >>> doc = spacy.blank("en")("He spoke on Sunday. Talks end on 30 August. A day earlier he left.")
    >>> for token in doc:
    ...     token.is_sent_start = token.i in (0, 5, 11)
    >>> last_day_named(list(doc.sents)[2], date(2025, 8, 25))
    datetime.date(2025, 8, 24)
    """
    found = last_date_named(sentence, published)
    return None if found is None else found[0]


def last_date_named(sentence: Span, published: date, *, any_precision: bool = False
                    ) -> tuple[date, DatePrecision] | None:
    """The date the report last named before `sentence`, not after its publication: a day,
    or with `any_precision` also a week, a month or a year ("In April the troops arrived.
    Putin thanked them at that time" dates the thanks to April)."""
    before = extensions.written(sentence.doc)[:sentence.start_char]
    named = [(match.start(), found) for kind, pattern in _PATTERNS
             for match in pattern.finditer(before)
             if (found := _resolve(kind, match, published)) is not None
             and (any_precision or found[1] == "day") and found[0] <= published]
    return max(named)[1] if named else None


def _time_pointed_back_to(sentence: Span) -> Token | None:
    """The time noun by which a sentence tells its event happened at a time told before it:
    "summoned the envoy later that same day", "earlier in the day, the army announced", "began
    the day with a speech" (a bare "the day", with no words of its own to say which: not "the
    day after", "the day the war began"), "thanked them at that time" or "at the time" (not
    "at the same time", which is "meanwhile", nor "for the time being")."""
    for token in sentence:
        if token.pos_ != "NOUN" or token.lower_ not in TIMES_TOLD_BEFORE:
            continue
        words = {c.lower_ for c in token.children}
        if token.lower_ == "time":
            if token.head.lower_ == "at" and words in ({"that"}, {"the"}):
                return token
        elif words & POINTING_BACK or words == {"the"} and token.lower_ == "day" \
                and token.i + 1 < len(token.doc) \
                and token.nbor(1).lower_ not in ("after", "before", "'s"):
            return token
    return None


def clause_offset(clause: Token) -> tuple[timedelta, DatePrecision] | None:
    """How far a clause's event lies from the event of the sentence that governs it, and how
    precisely: "(Ukraine struck on Tuesday,) two days after Biden allowed it" puts the allowing
    two days earlier; "days after Kyiv first fired" only within that week; "a month after the
    soldiers seized power" a month earlier, to the month. The span counts only when it comes
    just before its marker (before a subordinate clause's, wherever the parser hangs it):
    "after a strike last week killed him" and "four days after the coup, the bloc gave them
    seven days" count nothing from the clause.

    >>> import spacy
    >>> doc = spacy.blank("en")("a week after they struck , they struck a week after")
    >>> parse = [(1, "det"), (4, "npadvmod"), (4, "mark"), (4, "nsubj"), (4, "ROOT"), (4, "punct"),
    ...          (8, "nsubj"), (8, "conj"), (10, "det"), (8, "npadvmod"), (8, "prep")]
    >>> for token, (head, dep) in zip(doc, parse):
    ...     token.head, token.dep_ = doc[head], dep
    >>> doc[1].lemma_ = doc[10].lemma_ = "week"
    >>> clause_offset(doc[4]), clause_offset(doc[8])
    ((datetime.timedelta(days=-7), 'day'), None)
    """
    marker = next((c for c in clause.children
                   if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None)
    if marker is None:
        return None
    amount = next((c for c in clause.children
                   if c.dep_ == "npadvmod" and c.lemma_.lower() in OFFSET_UNIT_DAYS), None)
    if amount is None and marker.dep_ == "mark" and marker.i > 0 \
            and marker.nbor(-1).lemma_.lower() in OFFSET_UNIT_DAYS:
        # the parser hangs the span of a subordinate clause on its marker or on a word before
        # it ("came a day after a drone strike killed", "about one month after soldiers seized")
        amount = marker.nbor(-1)
    if amount is None or amount.right_edge.i + 1 != marker.i:
        return None
    counts = [_NUMBERS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
              for c in amount.children if c.dep_ in ("nummod", "det")]
    count = next((n for n in counts if n), None)
    unit = OFFSET_UNIT_DAYS[amount.lemma_.lower()]
    days = (count or 1) * unit
    precision: DatePrecision = "month" if unit >= OFFSET_UNIT_DAYS["month"] else (
        "day" if count or amount.lower_ in ("day", "week") else "week" if unit == 1 else "month")
    return timedelta(days=-days if marker.lower_ == "after" else days), precision
