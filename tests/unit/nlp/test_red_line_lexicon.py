"""A test per entry family of `spiral.nlp.red_line_lexicon`: each family's words are read as the
red-line finder expects, shown by a word in the table against one outside it in the same sentence.

The forms the families make lines of are tested in test_statements.py
(`test_red_line_general_forms`, `test_no_red_line_in_reports_of_past_attacks_and_plain_plans`,
`test_red_line_anaphora_points_at_the_step`) and test_real_text_classes.py; these tests add only
the contrast that shows the table is what decides.
"""

from __future__ import annotations

import re

import pytest

from spiral.nlp import (
    actors,
    event_lexicon,
    red_line_claimed_acts,
    red_line_clauses,
    red_line_conditions,
    red_line_declarers,
    red_line_lemma_rules,
    red_line_steps,
    red_line_threats,
    red_line_warned_steps,
    red_line_warnings,
    red_lines,
)
from spiral.nlp import red_line_lexicon as lexicon

WORD_TABLES = {name: value for name, value in vars(lexicon).items()
               if name.isupper() and isinstance(value, set | frozenset)}
PATTERNS = {name: value for name, value in vars(lexicon).items()
            if name.isupper() and isinstance(value, re.Pattern)}
# the modules of the red-line finder
FINDER = (red_lines, red_line_clauses, red_line_conditions, red_line_declarers,
          red_line_lemma_rules, red_line_steps, red_line_threats, red_line_warnings,
          red_line_warned_steps, red_line_claimed_acts)


def _lines(annotate, text: str) -> set[tuple[str, str, str]]:
    return {(r["declarer"]["code"], r["kind"], r["condition"]) for r in annotate(text)._.red_lines}


def test_red_line_lexicon_is_what_the_finder_reads() -> None:
    # one list per concept: the finder holds no table of its own beside the lexicon's
    assert WORD_TABLES and PATTERNS
    for name in (*WORD_TABLES, *PATTERNS):
        assert any(getattr(module, name, None) is getattr(lexicon, name) for module in FINDER), name
    # the tables of other stages it shares (actors' sectors, the calendar's words) aside
    shared = {name for module in (actors, event_lexicon) for name in vars(module)}
    own = [f"{module.__name__}.{name}" for module in FINDER
           for name, value in vars(module).items() if name.isupper()
           and isinstance(value, set | frozenset | re.Pattern)
           and not hasattr(lexicon, name) and name not in shared]
    assert own == [], f"tables defined in the finder's modules, not in red_line_lexicon.py: {own}"


def test_red_line_lexicon_words_are_lowercase_lemmas_or_codes() -> None:
    # the finder compares lowercased words and lemmas (and sector codes in capitals)
    for name, words in WORD_TABLES.items():
        if name == "ONLOOKING_SECTORS":
            assert all(w.isupper() and len(w) == 3 for w in words), name
        else:
            assert words and all(w == w.lower() and w.strip() == w for w in words), name
    # what answers a step is no declaring of a line
    assert not lexicon.DECLARING_VERBS & lexicon.RESPONSE_VERBS
    assert lexicon.REGARD_VERBS <= lexicon.JUDGING_VERBS



# --- conditions: a condition word makes a sentence of one's own words a conditional threat;
# a concession, a comparison, a fact not known or a time sets none
@pytest.mark.model
@pytest.mark.parametrize("text, condition", [
    ("Iran's army said that if Israel strikes its oil sites, it will send a letter.",
     "Israel strikes its oil sites"),
    ("Iran's army said that unless Israel withdraws its ships, it will retaliate.",
     "Israel withdraws its ships"),
    ("Iran's army said that once Israel strikes its oil sites, it will retaliate.",
     "Israel strikes its oil sites"),
    ("Iran's army said that if the report is published, it will retaliate.",
     "the report is published"),
    ('"The moment a plane crosses the border again, we will open fire," Iran\'s army said.',
     "a plane crosses the border again"),
    ("Iran's army said it will keep its border closed until Israel halts its strikes.",
     "until Israel halts its strikes"),
    ("The Houthis said they would keep striking ships until the siege of Gaza ends.",
     "until the siege of Gaza ends"),
    ("Iran's army said it will retaliate if necessary.", "necessary"),
])
def test_red_line_lexicon_conditions_open_a_line(annotate, text, condition) -> None:
    assert {c for _, k, c in _lines(annotate, text) if k == "conditional_threat"} == {condition}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Iran's army said that whether Israel strikes its oil sites, it will send a letter.",
    "Iran's army said that after Israel strikes its oil sites, it will retaliate.",
    "Iran's army said that even if Israel strikes its oil sites, it will retaliate.",
    "Iran's army said it will retaliate as if Israel had struck its oil sites.",
    "Iran's army said that if the report is true, it will retaliate.",
    '"The place a plane crosses the border again, we will open fire," Iran\'s army said.',
    "The Houthis said they would keep striking ships until spring.",
    "Iran's army said it will keep its border closed until spring.",
    "Iran's army said it will retaliate if possible.",
])
def test_red_line_lexicon_conditions_not_a_condition(annotate, text) -> None:
    assert _lines(annotate, text) == set()


# --- looking ahead: what the other party would undergo is a threat, what it could do a forecast
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("North Korea said that if Seoul sends more drones, Seoul could face consequences.",
     {("PRK", "conditional_threat", "Seoul sends more drones")}),
    ("North Korea said that if Seoul sends more drones, Seoul could build a wall.", set()),
    ("North Korea said that if Seoul sends more drones, Seoul will build a wall.", set()),
    ("Iran's army said that if Israel strikes its oil sites, it shall retaliate.",
     {("IRN", "conditional_threat", "Israel strikes its oil sites")}),
])
def test_red_line_lexicon_looking_ahead(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


# --- steps: "any" or "further" names a step any party may take; "this" or "the" one taken
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ('"We will not allow any act of sabotage to derail the talks," Iran\'s foreign minister said.',
     {("IRN", "red_line", "any act of sabotage to derail the talks")}),
    (('"We will never allow this act of sabotage to derail the talks," Iran\'s foreign minister '
     "said."), set()),
    ("Beijing warned Manila against any provocation in the South China Sea.",
     {("CHN", "conditional_threat", "Manila any provocation in the South China Sea")}),
    ("Beijing warned Manila against further provocations in the South China Sea.",
     {("CHN", "conditional_threat", "Manila further provocations in the South China Sea")}),
    ("Beijing warned Manila against the provocation in the South China Sea.", set()),
])
def test_red_line_lexicon_steps(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


# --- anaphora: a case named before ("in such a scenario") is the condition; another noun is not
@pytest.mark.model
@pytest.mark.parametrize("case, expected", [
    ("scenario", {("RUS", "conditional_threat", "such a scenario")}),
    ("mood", set()),
])
def test_red_line_lexicon_anaphora(annotate, case, expected) -> None:
    text = ("Washington may move troops to the border. The Kremlin said it would respond "
            f"accordingly in such a {case}.")
    assert _lines(annotate, text) == expected


# --- judging a step: war words, judgements and what a step would bring under a warning
@pytest.mark.model
@pytest.mark.parametrize("text, kind", [
    ("Moscow said supplying long-range missiles to Kyiv would be a serious escalation.",
     "conditional_threat"),
    ("Moscow said supplying long-range missiles to Kyiv would be a serious mistake.", None),
    (("Moscow said supplying long-range missiles to Kyiv would be regarded as an act of "
     "aggression."), "red_line"),
    (("Moscow said supplying long-range missiles to Kyiv would be regarded as an act of "
     "kindness."), None),
    ("Moscow said supplying long-range missiles to Kyiv would make NATO a party to the conflict.",
     "red_line"),
    ("Moscow said supplying long-range missiles to Kyiv would make NATO a friend of the people.",
     None),
    ("Moscow warned that supplying long-range missiles to Kyiv would lead to a direct clash.",
     "conditional_threat"),
    ("Moscow warned that supplying long-range missiles to Kyiv would lead to a lot of paperwork.",
     None),
])
def test_red_line_lexicon_judging_a_step(annotate, text, kind) -> None:
    expected = {("RUS", kind, "supplying long-range missiles to Kyiv")} if kind else set()
    assert _lines(annotate, text) == expected


# --- a party's own red line stated: the verb that states it, the possessive that keeps it the
# party's own, and the word that says what it is about
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Chile drew a red line over the Peruvian patrols.",
     {("CHL", "red_line", "the Peruvian patrols")}),
    ("Chile crossed a red line over the Peruvian patrols.", set()),
    ("Chile restated its red lines on the Peruvian patrols.",
     {("CHL", "red_line", "the Peruvian patrols")}),
    ("Chile restated Peru's red lines on the Peruvian patrols.", set()),
    ("Chile restated its red lines with the Peruvian patrols.", set()),
])
def test_red_line_lexicon_lines_stated(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


# --- refusals: what will not be tolerated, allowed or accepted; what alone will end a threat
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Indonesia's foreign minister said a blockade of the strait will not be accepted.",
     {("IDN", "red_line", "a blockade of the strait")}),
    ("Indonesia's foreign minister said a blockade of the strait will not be discussed.", set()),
    (('"We will not permit any armed group to set up camps on our side of the river," Chad\'s '
     "president said."), {("TCD", "red_line", ("any armed group to set up camps on our side of the "
                                             "river"))}),
    (('"We will not ask any armed group to set up camps on our side of the river," Chad\'s '
     "president said."), set()),
    ("The Houthis said only a ceasefire in Gaza would halt their attacks on shipping.",
     {("YEM", "conditional_threat", "not a ceasefire in Gaza")}),
    ("The Houthis said only a ceasefire in Gaza would change their attacks on shipping.", set()),
])
def test_red_line_lexicon_refusals(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


# --- threats and warnings: the words that make a consequence a threat, and whom a warning
# only advises
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("North Korea said that if Seoul sends more drones, the region will face a disaster.",
     {("PRK", "conditional_threat", "Seoul sends more drones")}),
    ("North Korea said that if Seoul sends more drones, the region will face a holiday.", set()),
    ("North Korea said that if Seoul sends more drones, the South will face destruction.",
     {("PRK", "conditional_threat", "Seoul sends more drones")}),
    ("North Korea said that if Seoul sends more drones, the South will face inflation.", set()),
    ("Washington warned Caracas of serious consequences over its seizure of the tanker.",
     {("USA", "conditional_threat", "its seizure of the tanker")}),
    ("Washington warned Caracas of serious delays over its seizure of the tanker.", set()),
    ("Tehran vowed a crushing response to any aggression against its territory.",
     {("IRN", "conditional_threat", "any aggression against its territory")}),
    ("Tehran vowed a crushing reception to any aggression against its territory.", set()),
    (("Kenya's president said Somalia would be held fully accountable for any harm to Kenyan "
     "troops."), {("KEN", "conditional_threat", "any harm to Kenyan troops")}),
    ("Kenya's president said Somalia would be held fully informed of any harm to Kenyan troops.",
     set()),
    ("Turkey warned Kurdish fighters in northern Iraq not to cross the border.",
     {("TUR", "conditional_threat", "Kurdish fighters in northern Iraq cross the border")}),
    ("Turkey warned tourists in northern Iraq not to cross the border.", set()),
])
def test_red_line_lexicon_threats_and_warnings(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


# --- a party's own act: unbounded, readied, or to stop a step
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("China said it can do anything to maintain its sovereignty over the island.",
     {("CHN", "conditional_threat", "a threat to its sovereignty over the island")}),
    ("China said it can do something to maintain its sovereignty over the island.", set()),
    ("Iran's army said it is ready to thwart any attempt to seize its tankers.",
     {("IRN", "conditional_threat", "any attempt to seize its tankers")}),
    ("Iran's army said it is ready to welcome any attempt to seize its tankers.", set()),
    ("Iran's army said it is prepared to thwart any attempt to seize its tankers.",
     {("IRN", "conditional_threat", "any attempt to seize its tankers")}),
    ("Iran's army said it is eager to thwart any attempt to seize its tankers.", set()),
    ("Iran's army said it would not hesitate to use force to stop any incursion into its waters.",
     {("IRN", "conditional_threat", "any incursion")}),
    (("Iran's army said it would not hesitate to use force to study any incursion into its "
     "waters."), set()),
])
def test_red_line_lexicon_own_acts(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


# --- targets: a class of targets, whoever enables an enemy, whoever does what is punished
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The Houthis said they would target all vessels bound for Israeli ports.",
     {("YEM", "conditional_threat", "vessels bound for Israeli ports")}),
    ("The Houthis said they would inspect all vessels bound for Israeli ports.", set()),
    ("The Houthis said they would target vessels bound for Israeli ports.", set()),
    ("The Houthis said they will strike anyone trafficking in those waters.",
     {("YEM", "conditional_threat", "anyone trafficking in those waters")}),
    ("The Houthis said they will strike someone trafficking in those waters.", set()),
    ("Iran said the hand that reaches into our waters will be cut off.",
     {("IRN", "conditional_threat", "hand that reaches into our waters")}),
    ("Iran said the hand that reaches into our waters will be kissed.", set()),
    (("The Kremlin said Russia reserves the right to strike countries that let Kyiv fire their "
     "missiles."), {("RUS", "conditional_threat", "let Kyiv fire their missiles")}),
    (("The Kremlin said Russia reserves the right to strike cities that let Kyiv fire their "
     "missiles."), set()),
])
def test_red_line_lexicon_targets(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


# --- ultimatums and deadlines: who orders or delivers, what is demanded, by when
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Sudan's army gave the paramilitary forces 48 hours to count their weapons.", set()),
    ("Sudan's army gave the paramilitary forces 48 minutes to lay down their weapons.", set()),
    ("Ecuador ordered the militia to leave Quito within 48 hours.",
     {("ECU", "ultimatum", "the militia not leave Quito within 48 hours")}),
    ("Ecuador helped the militia to leave Quito within 48 hours.", set()),
    # an envoy or a mission given time to leave is expelled: the term of an act done, no line
    ("Ecuador ordered the envoy to leave Quito within 48 hours.", set()),
    ("Ecuador gave two Peruvian diplomats 72 hours to leave the country.", set()),
    ("Ecuador gave the militia 72 hours to leave the province.",
     {("ECU", "ultimatum", "the militia not leave the province within 72 hours")}),
    # a pronoun stands for whom the verb above expels; a party named does not
    ("Ecuador expelled the envoy and gave the militia 48 hours to leave the town.",
     {("ECU", "ultimatum", "the militia not leave the town within 48 hours")}),
    ("Ethiopia issued Tigray a 96-hour ultimatum to surrender.",
     {("ETH", "ultimatum", "Tigray not surrender")}),
    ("Ethiopia mentioned to Tigray a 96-hour ultimatum to surrender.", set()),
])
def test_red_line_lexicon_ultimatums(annotate, text, expected) -> None:
    # "gave ... 48 hours to lay down their weapons" itself: test_red_line_general_forms
    assert _lines(annotate, text) == expected


# --- declarers: a party names itself ("it", "we"); the press and aid groups draw no line
@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ('"If Israel strikes our oil sites, we will send a letter," Iran\'s army said.',
     {("IRN", "conditional_threat", "Israel strikes our oil sites")}),
    ('"If Israel strikes our oil sites, you will send a letter," Iran\'s army said.', set()),
    ("Iran's army said that if Israel strikes its oil sites, the ministers will send a letter.",
     set()),
])
def test_red_line_lexicon_own_pronouns(annotate, text, expected) -> None:
    assert _lines(annotate, text) == expected


@pytest.mark.model
def test_red_line_lexicon_onlookers_draw_no_line(annotate, monkeypatch) -> None:
    text = "Yonhap said that if the talks fail, North Korea will resume missile tests."
    assert _lines(annotate, text) == set()
    # the news agency's sector is what keeps it from drawing the line
    monkeypatch.setattr(red_line_declarers, "ONLOOKING_SECTORS",
                        lexicon.ONLOOKING_SECTORS - {"MED"})
    assert _lines(annotate, text) == {("KOR", "conditional_threat", "the talks fail")}
