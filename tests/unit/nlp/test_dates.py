from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.tokens import Doc

from spiral.nlp.dates import find_event_date, resolve_date

PUBLISHED = date(2024, 11, 22)  # a Friday


@pytest.mark.parametrize("text, expected", [
    ("on Thursday", (date(2024, 11, 21), "day")),
    # counted back from the report's day, and a day or month of the year before it
    ("two days ago", (date(2024, 11, 20), "day")),
    ("3 days ago", (date(2024, 11, 19), "day")),
    ("a week ago", (date(2024, 11, 15), "week")),
    ("on October 7 last year", (date(2023, 10, 7), "day")),
    ("on 7 October last year", (date(2023, 10, 7), "day")),
    ("in September last year", (date(2023, 9, 1), "month")),
    # the weekend before a Friday's report, a day of its month, a part of a month
    ("over the weekend", (date(2024, 11, 16), "week")),
    ("on the 19th", (date(2024, 11, 19), "day")),
    ("on the 28th", (date(2024, 10, 28), "day")),
    ("at the start of the month", (date(2024, 11, 1), "month")),
    ("at the end of last month", (date(2024, 10, 1), "month")),
    ("on Friday", (date(2024, 11, 22), "day")),
    ("yesterday", (date(2024, 11, 21), "day")),
    ("this week", (date(2024, 11, 18), "week")),
    ("last week", (date(2024, 11, 11), "week")),
    ("in September", (date(2024, 9, 1), "month")),
    ("in December", (date(2023, 12, 1), "month")),
    ("last month", (date(2024, 10, 1), "month")),
    ("last year", (date(2023, 1, 1), "year")),
    ("two months from now", (date(2025, 1, 1), "month")),
    ("on 12 September", (date(2024, 9, 12), "day")),
    ("Nov. 21, 2024", (date(2024, 11, 21), "day")),
    ("2024-11-19", (date(2024, 11, 19), "day")),
    # a year alone, and the year a "since ... when" clause names
    ("the first offensive, in 2016, took the border towns", (date(2016, 1, 1), "year")),
    ("at war since 2015, when the rebels took the capital", (date(2015, 1, 1), "year")),
    ("she likened it to a 2019 truck bomb blast near the depot", (date(2019, 1, 1), "year")),
    # a month before a day number is that day, not the month ("the Dec. 29 strikes")
    ("mourners of those killed in the Nov. 19 strikes", (date(2024, 11, 19), "day")),
    # overnight began the evening before the report, unless a day is named
    ("shelling overnight killed four", (date(2024, 11, 21), "day")),
    ("drones struck overnight on November 20", (date(2024, 11, 20), "day")),
    # "last night" is the evening before the report; a month ago; an ordinal day first
    ("the rockets fired last night", (date(2024, 11, 21), "day")),
    ("talks broke down a month ago", (date(2024, 10, 1), "month")),
    ("the leaders met on the 6th of November", (date(2024, 11, 6), "day")),
    ("on 24th February", (date(2024, 2, 24), "day")),
    # a season: the latest that is over, the one of the report's year, the one of a year named
    ("last winter the strikes hit the grid", (date(2023, 12, 1), "month")),
    ("this spring", (date(2024, 3, 1), "month")),
    ("a war fought in the autumn of 2020", (date(2020, 9, 1), "month")),
    # the month a part of it names; a day of last week; a night of a day named
    ("troops withdrew at the end of September", (date(2024, 9, 1), "month")),
    ("the talks on Monday last week", (date(2024, 11, 11), "day")),
    ("drones struck overnight Tuesday", (date(2024, 11, 19), "day")),
    # a weekday written with its date names that date, not a day of the report's week
    ("the navy seized the boat on Sunday, Jan. 21, 2022", (date(2022, 1, 21), "day")),
    ("On Thursday, 12 June, the army crossed", (date(2024, 6, 12), "day")),
    ("talks opened Monday 4th November 2024 in Doha", (date(2024, 11, 4), "day")),
    ("on Thursday, 12 of them were freed", (date(2024, 11, 21), "day")),
    # early, mid- and late a month or a year: the middle of that third of it
    ("the offensive began in late March", (date(2024, 3, 25), "month")),
    ("a wave of raids in mid-August", (date(2024, 8, 15), "month")),
    ("the convoy left in early May", (date(2024, 5, 5), "month")),
    ("fighting resumed in late 2019", (date(2019, 11, 1), "year")),
    ("the accord of mid-2020", (date(2020, 7, 1), "year")),
    ("the late minister's office", None),  # no period
])
def test_dates_resolve_against_publication(text: str, expected: tuple) -> None:
    assert resolve_date(text, PUBLISHED) == expected


@pytest.mark.parametrize("text", [
    "the deadliest attack since 2014",  # a comparison dates nothing that happened then
    "trouble in the spring",  # a season of no year said
    "after the fall of the capital",  # a fall that is no season
    "the 2023-24 season",
    "the 2024 Paris Olympics",  # a name, not what happened in the year
])
def test_dates_a_year_that_dates_nothing(text: str) -> None:
    assert resolve_date(text, PUBLISHED) is None


@given(st.text(max_size=80))
def test_dates_never_raise(text: str) -> None:
    found = resolve_date(text, PUBLISHED)
    assert found is None or found[1] in ("day", "week", "month", "year")


def test_a_month_naming_what_happened_in_it() -> None:
    assert resolve_date("They celebrated their June strikes on the base.", date(2025, 9, 23)) == \
        (date(2025, 6, 1), "month")
    assert resolve_date("The November attacks were the worst.", date(2025, 2, 1)) == \
        (date(2024, 11, 1), "month")


@pytest.mark.model
@pytest.mark.parametrize("when, dated", [
    # a part of a month or a year dates the act to the middle of that part, not to its first day
    ("in late February", ("2024-02-25", "month")),
    ("in mid-July", ("2024-07-15", "month")),
    ("in late 2022", ("2022-11-01", "year")),
])
def test_an_act_in_a_part_of_a_month_or_year_is_dated_inside_that_part(annotate, when,
                                                                        dated) -> None:
    doc = annotate(f"Chadian troops attacked Libyan border posts {when}, the army said.",
                   "2024-11-22")
    attacks = [e for e in doc._.events if e["event_type"] == "ASSAULT"]
    assert attacks and [(e["date"], e["date_precision"]) for e in attacks] == [dated]


@pytest.mark.model
@pytest.mark.parametrize("text, event_type, dated", [
    # "last week" dates the strike; it is no span counted back from the recall
    (("Iraq summoned the envoy after an American missile raid last week killed an Iranian "
      "commander near the airport."), "ASSAULT", ("2024-11-11", "week")),
    # the span a side is given is no span between the events
    (("On 12 November, three days after the coup, the West African bloc gave the officers seven "
      "days, that is until Tuesday evening, to restore the president or face an intervention."),
     "THREATEN", ("2024-11-12", "day")),
    # a date that qualifies an act named as the object is that act's, not the answer's
    ("Iraq's foreign ministry summoned the Turkish envoy over Sunday's shelling of a border village.",
     "ACCUSE", ("2024-11-22", "day")),
    ("The Colombian government urged Caracas to respect the 1941 fisheries treaty.", "REQUEST",
     ("2024-11-22", "day")),
    # named by the trigger itself, or setting the clause in its time, it dates the act
    ("Tuesday's shelling of the border village killed two farmers, the Iraqi army said.",
     "ASSAULT", ("2024-11-19", "day")),
    ("Envoys of Iran and Pakistan met during Wednesday's talks in Doha and agreed to reopen the border.",
     "CONSULT", ("2024-11-20", "day")),
])
def test_an_act_takes_the_date_its_own_words_give(annotate, text, event_type, dated) -> None:
    doc = annotate(text, "2024-11-22")
    found = [(e["date"], e["date_precision"]) for e in doc._.events
             if e["event_type"] == event_type]
    assert found and set(found) == {dated}, doc._.events


@pytest.mark.model
def test_an_act_inside_a_dated_clause_takes_that_clauses_date(annotate) -> None:
    # the pledge is told inside the clause of the signing, which names its month: not the
    # report's day, which the sentence's main clause leaves undated
    doc = annotate("Guyana's president pointed to a pact he signed with Venezuela in March 2023 "
                   "at a summit in Brasilia, in which both agreed to avoid the use of force.",
                   "2024-11-22")
    agreed = [(e["date"], e["date_precision"]) for e in doc._.events
              if e["event_type"] == "AGREE"]
    assert agreed == [("2023-03-01", "month")]


def test_a_verb_the_parser_hung_on_a_nominal_root_still_dates_its_sentence() -> None:
    # "The chief of the rebel movement Kora said on Monday ...": rooted in "chief", the parser
    # made the sentence's own verb a relative clause of it; its day is still the sentence's
    words = ["The", "chief", "of", "the", "movement", "Kora", "said", "on", "Monday", "that",
             "talks", "failed", "."]
    heads = [1, 1, 1, 4, 2, 6, 1, 6, 7, 11, 11, 6, 1]
    deps = ["det", "ROOT", "prep", "det", "pobj", "nsubj", "relcl", "prep", "pobj", "mark",
            "nsubj", "ccomp", "punct"]
    pos = ["DET", "NOUN", "ADP", "DET", "NOUN", "PROPN", "VERB", "ADP", "PROPN", "SCONJ", "NOUN",
           "VERB", "PUNCT"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert find_event_date(doc[:], date(2024, 3, 6)) == (date(2024, 3, 4), "day")
