"""Error classes read on real reporting (tests/realtext, dev split), as sentences in our own words."""

from __future__ import annotations

import re

import pytest

from spiral.nlp.event_lexicon import STATEMENT_ACTS
from spiral.nlp.statement_events import first_act, statement_act

pytestmark = pytest.mark.model


def _dyads(doc) -> set[tuple[str, str, str]]:
    return {(e["actor"][0]["code"] if e["actor"] else "", e["event_type"],
             e["recipient"][0]["code"] if e["recipient"] else "")
            for e in doc._.events if not e["negated"] and not e["hypothetical"]}


@pytest.mark.parametrize("content, act", [
    ("the aggressor will pay a heavy price for every village it shells", "THREATEN"),
    ("any strike on our bases would not go unanswered", "THREATEN"),
    ("they are playing with fire", "THREATEN"),
    ("the raid was a flagrant violation of our sovereignty", "ACCUSE"),
    ("the report is propaganda meant to hide their crimes", "ACCUSE"),
    ("we reject the ruling and will never recognise it", "REJECT"),
    ("the council called on both sides to return to talks", "REQUEST"),
    ("the talks were useful and will continue next week", None),
    ("our navy will continue its operations against the smugglers", "THREATEN"),
    ("the government will take all necessary measures to guard its waters", "THREATEN"),
    ("the war would continue whatever the envoys sign", "THREATEN"),
    ("the invaders are going to pay", "THREATEN"),
    ("we will continue to support the farmers", None),
    ("the ministry will pay the pensions on time", None),
])
def test_statement_act_table_families(content: str, act: str | None) -> None:
    assert statement_act(content) == act


def _top_level_alternatives(pattern: str) -> int:
    """How many `|` of a pattern lie outside its groups and character sets."""
    depth, in_set, escaped, count = 0, False, False, 0
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            count += 1
    return count


def test_statement_acts_open_at_a_word_edge() -> None:
    # `ACTS` puts one `\b` before each family's alternatives: a pattern that opened elsewhere,
    # or an alternative of its own outside a group, would lose its matches inside words
    opens = re.compile(r"(?:\(\?<!.*?\))?\\b")
    for _, patterns in STATEMENT_ACTS:
        for pattern in patterns:
            assert opens.match(pattern) and not _top_level_alternatives(pattern), pattern


def test_threat_in_reported_speech_is_the_speakers(annotate) -> None:
    doc = annotate("Iran's foreign minister said on Sunday that Israel would pay a heavy price "
                   "for the strike on its consulate.")
    assert ("IRN", "THREATEN", "ISR") in _dyads(doc)


def test_accusation_in_a_quote_is_the_speakers(annotate) -> None:
    doc = annotate("“Beijing's latest move is a clear violation of our waters,” the "
                   "Philippine foreign minister told reporters.")
    assert ("PHL", "ACCUSE", "CHN") in _dyads(doc)


def test_unqualified_army_is_the_country_the_report_is_about(annotate) -> None:
    doc = annotate("Sudan's war entered its second year. Fighting spread across Sudan. "
                   "The army shelled positions of the Rapid Support Forces in Omdurman on Monday.")
    assert ("SDN", "ASSAULT", "SDN") in _dyads(doc)


def test_no_focal_country_when_the_report_is_about_two(annotate) -> None:
    doc = annotate("Armenia and Azerbaijan traded fire. Armenia blamed Azerbaijan. "
                   "The army said it had repelled an attack on Tuesday.")
    assert all(e["actor"] == [] or e["actor"][0]["code"] != "ARM" or
               e["actor"][0]["role"] != "by document" for e in doc._.events)


def test_a_venue_is_not_the_target(annotate) -> None:
    doc = annotate("Serbia agreed during talks in Brussels to recognise the licence plates.")
    assert not any(r["code"] == "BEL" for e in doc._.events for r in e["recipient"])


def test_armed_groups_of_current_conflicts_take_their_country(annotate) -> None:
    doc = annotate("M23 rebels seized the town of Rubaya in eastern Congo on Tuesday.")
    assert any(a["code"] == "COD" for a in doc._.actors if "M23" in a["entity_text"])


def test_a_person_named_in_full_is_found_again_by_surname(annotate) -> None:
    doc = annotate("Philippine envoy Maria Dalisay spoke in Geneva on Monday. "
                   "Dalisay said China had violated the agreement.")
    (person,) = [a for a in doc._.actors if a["entity_name"] == "Maria Dalisay"]
    assert person["code"] == "PHL"
    assert [m[0] for m in person["mentions"]] == ["Maria Dalisay", "Dalisay"]


def test_a_country_that_speaks_is_its_government(annotate) -> None:
    doc = annotate("Guyana said on Friday that the new map was a threat to its territory.")
    (quote,) = doc._.quotes
    assert (quote["speaker"]["code"], quote["speaker"]["sector"]) == ("GUY", "GOV")


@pytest.mark.parametrize("text, declarer, condition", [
    (("The Japanese navy will respond firmly to any Chinese incursion, Tokyo's defence minister "
     "said on Monday."), "JPN", "any Chinese incursion"),
    (("“If anyone attacks our ships again, then Greece retains the right to self-defence,” the "
     "Greek prime minister said."), "GRC", "anyone attacks our ships again"),
    (("The African Union warned that the mutineers would be held responsible if the president "
     "came to harm."), "IGO", "the president came to harm"),
    (("Serbia's army said it would shoot down any aircraft in case more drones are spotted over "
     "its border."), "SRB", "more drones are spotted over its border"),
])
def test_conditional_threats_read_on_real_reporting(annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


def test_what_keeps_happening_takes_no_publication_date(annotate) -> None:
    doc = annotate("Chinese coast guard ships frequently block Philippine supply boats near "
                   "the reef.", "2024-04-02")
    assert doc._.events and all(e["date"] is None and e["date_precision"] == "unknown"
                                for e in doc._.events)


@pytest.mark.parametrize("text, dyad", [
    ("Officials praised Kazakhstan, which has not condemned Russia's attack on Georgia.",
     ("RUS", "ASSAULT", "GEO")),
    ("The talks follow a visit by a Turkish envoy, who has met the Iraqi president.",
     ("TUR", "CONSULT", "IRQ")),
])
def test_what_a_relative_clause_tells_takes_no_publication_date(annotate, text, dyad) -> None:
    # stop 24 (S, O, N): a side's act told in the perfect in a relative clause of a sentence
    # that names no date happened on no day the report gives
    events = [e for e in annotate(text, "2024-11-22")._.events
              if (e["actor"][0]["code"], e["event_type"], e["recipient"][0]["code"]
                  if e["recipient"] else "") == dyad]
    assert events and all(e["date"] is None and e["date_precision"] == "unknown" for e in events)


@pytest.mark.parametrize("text, day", [
    ("A Turkish envoy, who met the Iraqi president on Monday, left Baghdad.", "2024-11-18"),
    # a relative clause in the simple past tells the news as often as a side's past
    ("The talks follow a visit by a Turkish envoy, who met the Iraqi president.", "2024-11-22"),
])
def test_a_relative_clause_that_names_its_day_or_tells_the_news_keeps_a_day(annotate, text,
                                                                             day) -> None:
    doc = annotate(text, "2024-11-22")
    assert [e["date"] for e in doc._.events
            if e["event_type"] == "CONSULT" and e["recipient"]] == [day]


def test_an_acronym_defined_in_brackets_stands_for_its_name(annotate) -> None:
    doc = annotate("Japan's Maritime Self-Defense Force (MSDF) tracked the ships on Monday. "
                   "The MSDF said the ships left on Tuesday.")
    assert any(a["code"] == "JPN" and "MSDF" in [m[0] for m in a["mentions"]] for a in doc._.actors)


@pytest.mark.parametrize("text, expected", [
    ("The president fired the army chief on Monday.", set()),
    ("Moscow released a map of the new front line on Tuesday.", set()),
    ("The minister sent a letter to the UN on Monday.", set()),
    ("The ministry concluded its review of the border incident on Friday.", set()),
    ("Paris called its German counterpart on Friday.", {("FRA", "CONSULT", "DEU")}),
    ("Lawmakers attacked the government's plan on Monday.", set()),
    ("Washington imposed sanctions on Monday targeting Iranian oil companies.",
     {("USA", "SANCTION", "IRN")}),
])
def test_generic_verbs_in_their_everyday_sense(annotate, text, expected) -> None:
    assert {d for d in _dyads(annotate(text)) if d[1] != "ACCUSE"} == expected


def test_what_an_attack_hits_does_not_place_who_made_it(annotate) -> None:
    doc = annotate("Drones hit Romanian territory on Tuesday.")
    assert {e["actor"][0]["code"] for e in doc._.events if e["event_type"] == "ASSAULT"} == {""}


@pytest.mark.parametrize("text, trigger_type", [
    ("London gave Kyiv permission to strike targets inside Russia.", "ASSAULT"),
    ("Serbia and Kosovo reached an agreement to meet again in June.", "CONSULT"),
])
def test_what_an_authorisation_or_agreement_is_for_has_not_happened(annotate, text,
                                                                   trigger_type) -> None:
    events = [e for e in annotate(text)._.events if e["event_type"] == trigger_type]
    assert events and all(e["hypothetical"] for e in events)


def test_a_call_on_someone_is_a_request(annotate) -> None:
    doc = annotate("The African Union issued a call on Sudan's army to stop the fighting.")
    assert any(e["event_type"] == "REQUEST" for e in doc._.events)
    assert not any(e["mode"] == "phone" for e in doc._.events)


@pytest.mark.parametrize("name, code, sector", [
    ("the Treasury Department", "USA", "GOV"), ("China's Eastern Theater Command", "CHN", "MIL"),
    ("the Quai d'Orsay", "FRA", "GOV"), ("Yonhap", "KOR", "MED"),
    # a national paper or broadcaster is of its country, and no state's voice
    ("The Financial Times", "GBR", "MED"), ("Kan News", "ISR", "MED"), ("Bloomberg", "USA", "MED"),
    # a news agency the state runs is of its state, and no state's voice, as "state media"
    ("KCNA", "PRK", "MED")])
def test_institutions_carry_their_sector(annotate, name, code, sector) -> None:
    doc = annotate(f"{name} said on Monday that the talks had failed.")
    assert (code, sector) in {(a["code"], a["sector"]) for a in doc._.actors}


def test_military_sources_in_a_report_about_one_country_are_its_military(annotate) -> None:
    doc = annotate("Sudan's war spread to Darfur. Sudan's army lost ground. Military sources "
                   "said on Sunday that the city had fallen.")
    assert any((a["code"], a["sector"]) == ("SDN", "MIL") and "Military sources" in
               [m[0] for m in a["mentions"]] for a in doc._.actors)


@pytest.mark.parametrize("text, dyad", [
    ("Talks between Israel and Hamas resumed in Cairo on Monday.", ("ISR", "CONSULT", "PSE")),
    ("Clashes flared again between India and China along the border.", ("IND", "ASSAULT", "CHN")),
    (("Sudan's war is in its third year. Heavy fighting was reported between the army and "
     "the Rapid Support Forces in El Fasher."), ("SDN", "ASSAULT", "SDN")),
])
def test_an_event_between_two_sides(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_each_side_of_a_mutual_accusation_accuses_the_other(annotate) -> None:
    dyads = _dyads(annotate("Serbia and Kosovo blamed each other for the violence at the crossing."))
    assert {("SRB", "ACCUSE", "XKX"), ("XKX", "ACCUSE", "SRB")} <= dyads


def test_both_sides_are_the_last_two_named(annotate) -> None:
    dyads = _dyads(annotate("Shelling resumed between Armenia and Azerbaijan overnight. "
                            "Both sides accused one another of breaking the truce."))
    assert {("ARM", "ACCUSE", "AZE"), ("AZE", "ACCUSE", "ARM")} <= dyads


def test_a_description_of_the_subject_does_not_act(annotate) -> None:
    doc = annotate("Maduro, a close ally of the Russian president, accused Guyana of provocation.")
    assert ("VEN", "ACCUSE", "GUY") in _dyads(doc)
    assert not any(a["code"] == "RUS" for e in doc._.events for a in e["actor"])


def test_a_name_in_capitals_is_still_the_name(annotate) -> None:
    assert ("IRN", "ACCUSE", "ISR") in _dyads(annotate("IRAN blamed Israel for the blast at a "
                                                      "nuclear site on Sunday."))


def _speakers(doc) -> list[tuple[str, str, bool]]:
    return [((q["speaker"] or {}).get("code", ""), (q["speaker"] or {}).get("sector", ""),
             q["anonymous"]) for q in doc._.quotes]


@pytest.mark.parametrize("text, last", [
    # a relative pronoun is the noun it hangs on
    ("Israel, which says it is protecting the Druze minority, struck targets near Damascus.",
     ("ISR", "GOV", False)),
    # a document speaks for who issued it
    (("Armenia's defence ministry said Azerbaijani forces shelled its positions overnight. "
     "The statement said two soldiers were wounded."), ("ARM", "MIL", False)),
    # "the official" is the official quoted before
    (("A senior US official said the talks would resume next week. "
     "The official said both sides had agreed to the venue."), ("USA", "GOV", True)),
])
def test_a_source_that_points_back_takes_its_antecedent(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


@pytest.mark.parametrize("text, sector", [
    ("Tbilisi's interior ministry said the border had been closed overnight.", "GOV"),
    ("Iran's semi-official Tasnim website said the talks had been postponed.", "MED"),
    ("Lebanon's state-run news website said the talks had been postponed.", ""),
])
def test_a_country_speaks_through_its_offices_not_its_media(annotate, text, sector) -> None:
    assert _speakers(annotate(text))[0][1] == sector


def test_a_person_the_knowledge_base_does_not_know_is_not_a_government(annotate) -> None:
    doc = annotate("Aid worker Jane Mwangi said the convoy had been hit twice near the border.")
    assert all(sector != "GOV" for _, sector, _ in _speakers(doc))


def test_a_between_pair_the_parser_splits_is_still_a_pair(annotate) -> None:
    doc = annotate("Sudan's civil war goes on. Fighting resumed between Sudan's army and "
                   "paramilitary Rapid Support Forces fighters in Kordofan, residents said.")
    assert ("SDN", "ASSAULT", "SDN") in _dyads(doc)


def test_a_speakers_own_name_does_not_place_whom_it_addresses(annotate) -> None:
    doc = annotate("The Guyanese foreign ministry demanded the immediate release of the crew.")
    assert not any(e["recipient"] and e["recipient"][0]["code"] == "GUY" for e in doc._.events)


def test_a_group_and_its_pronoun_are_not_placed_by_their_backer(annotate) -> None:
    doc = annotate("The Iran-backed Houthis on Sunday said they had fired on a freighter off Hodeidah.")
    assert {e["actor"][0]["code"] for e in doc._.events if e["event_type"] == "ASSAULT"} == {"YEM"}


def test_a_question_asserts_nothing(annotate) -> None:
    assert not _dyads(annotate("Why are the Houthis attacking ships bound for Israel?"))


def test_what_someone_is_called_on_to_do_has_not_happened(annotate) -> None:
    dyads = _dyads(annotate("Congo's president called on the United Nations to impose "
                            "sanctions on Rwanda."))
    assert ("COD", "REQUEST", "IGO") in dyads or ("COD", "REQUEST", "RWA") in dyads
    assert not any(t == "SANCTION" for _, t, _ in dyads)


@pytest.mark.parametrize("text, dyad", [
    ("Moldova's foreign minister handed a note of protest to Russia's ambassador on Friday.",
     ("MDA", "ACCUSE", "RUS")),
    ("Kenya's army has engaged its counterparts in Somalia about the border raids.",
     ("KEN", "CONSULT", "SOM")),
])
def test_a_verb_takes_its_sense_from_its_object(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_an_aim_performs_no_act(annotate) -> None:
    assert not _dyads(annotate("Kenya sought to repel the Somali incursion along the border."))


def test_a_first_name_is_not_a_known_surname(annotate) -> None:
    doc = annotate("Lebanese television interviewed Ali Hamdan, a shopkeeper in Tyre.")
    assert not any(a["code"] == "GUY" for e in doc._.events for a in (*e["actor"], *e["recipient"]))
    assert not any(m["code"] == "GUY" for m in doc._.actors)


def test_a_claim_about_another_is_an_accusation_not_a_fact(annotate) -> None:
    dyads = _dyads(annotate("Serbia claimed that Albania had attacked Serb villages near the "
                            "border."))
    assert ("SRB", "ACCUSE", "ALB") in dyads
    assert not any(actor == "ALB" for actor, _, _ in dyads)


@pytest.mark.parametrize("text, dyad", [
    ("Kharkiv came under heavy fire from Russian artillery overnight.", ("RUS", "ASSAULT", "UKR")),
    ("The Russian embassy in Tbilisi warned Georgia against joining the exercises.",
     ("RUS", "THREATEN", "GEO")),
    ("Turkey expressed outrage over the raid by Greek coast guards.", ("TUR", "ACCUSE", "GRC")),
])
def test_idioms_of_attack_warning_and_disapproval(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    ("A teacher was killed in a Russian drone strike on Kharkiv on Monday.",
     ("RUS", "ASSAULT", "UKR")),
    ("Kyiv condemned the Russian missile strikes on Odesa.", ("UKR", "ACCUSE", "RUS")),
    ("Kyiv condemned the Russian missile strikes on Odesa.", ("RUS", "ASSAULT", "UKR")),
    ("The drills by Seoul and Washington angered Pyongyang.", ("KOR", "COOPERATE", "USA")),
])
def test_a_nominal_event_is_by_the_side_its_modifiers_name(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, wrong", [
    ("Two suspects in the 2015 Paris attacks were flown from Belgium to France.", "FRA"),
    ("The Kursk incursion surprised Moscow.", "RUS"),
    ("Sunday's attack on the convoy killed six soldiers in Mali.", "AUT"),
])
def test_a_place_or_a_day_modifying_a_nominal_event_does_not_act(annotate, text, wrong) -> None:
    assert all(e["actor"][0]["code"] != wrong for e in annotate(text)._.events if e["actor"])


def test_a_nominal_event_a_light_verb_tells_is_coded_once(annotate) -> None:
    doc = annotate("Moscow ordered the country's largest mobilisation in decades on Wednesday.")
    assert [e["event_type"] for e in doc._.events].count("MOBILIZE") == 1


def test_undoing_a_measure_is_no_new_measure(annotate) -> None:
    doc = annotate("Tehran said any deal must include the lifting of US sanctions.")
    assert ("USA", "SANCTION", "") not in _dyads(doc)


def test_an_event_in_case_of_an_attack_is_hypothetical(annotate) -> None:
    doc = annotate("Manila said its partners would step in in the event of any armed attack by China.")
    assert ("CHN", "ASSAULT", "") not in _dyads(doc)


@pytest.mark.parametrize("text, dyad", [
    ("The Rapid Support Forces took the provincial capital of Gezira state on Sunday.",
     ("SDN", "ASSAULT", "")),
    ("Tehran is aiding Russia's army with drones, Kyiv said.", ("IRN", "AID", "RUS")),
    ("Tigrayan forces were advancing on Ethiopia's capital.", ("ETH", "ASSAULT", "ETH")),
    ("Moscow expressed deep regret over the Israeli strikes on Syria.", ("RUS", "ACCUSE", "ISR")),
])
def test_capture_aid_advance_and_regret(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert any(d[:2] == dyad[:2] and (not dyad[2] or d[2] == dyad[2]) for d in dyads), dyads


def test_a_possible_or_planned_nominal_event_is_not_a_fact(annotate) -> None:
    doc = annotate("Baghdad braced on Monday for a possible fresh wave of attacks by Iran.")
    assert ("IRN", "ASSAULT", "IRQ") not in _dyads(doc)


def test_a_town_named_after_a_country_is_no_country(annotate) -> None:
    doc = annotate("Guerrillas fired rockets at an army base near Puerto Jordan on Tuesday.")
    assert not any(r["code"] == "JOR" for e in doc._.events for r in e["recipient"])


def test_jihadist_affiliates_are_transnational(annotate) -> None:
    doc = annotate("Shabaab gunmen attacked a hotel in Mogadishu on Friday.")
    assert ("IMG", "ASSAULT", "SOM") in _dyads(doc)


@pytest.mark.parametrize("content, act", [
    ("those behind the raid will be held fully responsible", "THREATEN"),
    ("no one harms our sailors and gets away with it", "THREATEN"),
    ("lay down your arms or we will come and take them", "THREATEN"),
    ("we will not allow foreign troops on our soil", "THREATEN"),
    ("the incursion is a breach of our sovereignty", "ACCUSE"),
    ("Washington was responsible for the killing", "ACCUSE"),
])
def test_statement_threat_and_accusation_idioms(content: str, act: str) -> None:
    assert statement_act(content) == act


@pytest.mark.parametrize("text, dyad", [
    ("Caracas sent troops to its coastline on Monday.", ("VEN", "MOBILIZE", "")),
    ("Pyongyang sent about 3,000 soldiers to Russia's Kursk region.", ("PRK", "AID", "RUS")),
    # the parser reads "to Ecuador" after "sent units" as a dative, not a preposition
    ("Lima sent airborne units to Ecuador.", ("PER", "AID", "ECU")),
    ("Managua deployed two battalions to Honduras last winter.", ("NIC", "AID", "HND")),
    ("Mogadishu sent the Ethiopian ambassador home on Thursday.", ("SOM", "SANCTION", "ETH")),
])
def test_where_forces_or_envoys_are_sent_decides_the_act(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert any(d[:2] == dyad[:2] and (not dyad[2] or d[2] == dyad[2]) for d in dyads), dyads


def test_a_response_to_something_is_not_aimed_at_it(annotate) -> None:
    doc = annotate("In response to the killing of its general, Iran fired missiles at a base.")
    assert ("IRN", "ASSAULT", "IRN") not in _dyads(doc)


def test_a_reaction_is_aimed_at_whoever_made_the_event_it_refers_to(annotate) -> None:
    doc = annotate("Pakistani jets struck targets in eastern Afghanistan on Tuesday. "
                   "The Taliban's defence ministry condemned the attack.")
    assert ("AFG", "ACCUSE", "PAK") in _dyads(doc)


def test_warships_arriving_are_deployed_not_visiting(annotate) -> None:
    doc = annotate("Three US warships arrived off the coast of Venezuela on Monday.")
    assert {d[1] for d in _dyads(doc)} == {"MOBILIZE"}


@pytest.mark.parametrize("text, dyad", [
    ("Indian and Chinese troops exchanged fire along the border on Monday.",
     ("IND", "ASSAULT", "CHN")),
    ("Caracas continues to build up forces along Guyana's border.", ("VEN", "MOBILIZE", "GUY")),
    ("Russian troops abandoned their positions near Kherson on Friday.", ("RUS", "RETREAT", "")),
    # one truce, one event: the side named first holds its fire
    ("The truce between Armenia and Azerbaijan took effect at noon on Saturday.",
     ("ARM", "RETREAT", "AZE")),
])
def test_phrasal_acts_of_war_and_truce(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert any(d[:2] == dyad[:2] and (not dyad[2] or d[2] == dyad[2]) for d in dyads), dyads


@pytest.mark.parametrize("text, dyad", [
    ("Armenia and Azerbaijan traded artillery fire overnight.", ("ARM", "ASSAULT", "AZE")),
    ("Islamabad said it shot down two Indian fighter jets on Thursday.", ("PAK", "ASSAULT", "IND")),
    ("Serbia and Kosovo clashed for a week. The two uneasy neighbours agreed to talks on Monday.",
     ("SRB", "AGREE", "XKX")),
])
def test_trading_fire_downed_aircraft_and_described_pairs(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_met_with_a_response_is_no_meeting(annotate) -> None:
    doc = annotate("Moscow warned that any such strike would be met with a response.")
    assert "CONSULT" not in {d[1] for d in _dyads(doc)} and "AGREE" not in {d[1] for d in _dyads(doc)}


def test_where_an_attack_happened_does_not_place_who_made_it(annotate) -> None:
    doc = annotate("Drones attacked an oil depot in Russia's Belgorod region overnight.")
    assert not any(e["actor"] and e["actor"][0]["code"] == "RUS" for e in doc._.events
                   if e["event_type"] == "ASSAULT")


@pytest.mark.parametrize("text, dyad", [
    ("Israeli jets struck Hezbollah positions on Monday. Hezbollah promised to retaliate.",
     ("LBN", "THREATEN", "ISR")),
    ("Pakistani jets struck targets in Afghanistan on Tuesday. Kabul vowed to retaliate.",
     ("AFG", "THREATEN", "PAK")),
    ("Israel had warned rebel forces in Syria not to come near the frontier fence.",
     ("ISR", "THREATEN", "SYR")),
])
def test_a_vow_of_force_threatens_whoever_struck_or_is_warned(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_a_promise_to_retaliate_is_no_retaliation_yet(annotate) -> None:
    doc = annotate("Hezbollah promised to retaliate against Israel.")
    assert ("LBN", "ASSAULT", "ISR") not in _dyads(doc)


@pytest.mark.parametrize("text, quoted", [
    ("Guerrillas attacked an army base in Arauca on Monday.", False),
    ("Russian drones hit Kyiv overnight.", False),
    ("The senator attacked the president's plan as reckless.", True),
])
def test_a_verb_of_force_attributes_only_in_its_verbal_sense(annotate, text, quoted) -> None:
    assert bool(annotate(text)._.quotes) is quoted


def test_a_description_of_the_speaker_does_not_make_a_protest(annotate) -> None:
    doc = annotate("Maduro, a loyal supporter of the Russian leader, has accused Ali of recklessness.")
    assert ("VEN", "ACCUSE", "GUY") in _dyads(doc)


def test_ships_or_aircraft_entering_waters_or_airspace_show_force(annotate) -> None:
    doc = annotate("Chinese military aircraft entered Taiwan's air defence zone on Friday.")
    assert ("CHN", "MOBILIZE", "TWN") in _dyads(doc)


@pytest.mark.parametrize("text, last", [
    # an unnamed source among those coordinated makes the source anonymous (a state
    # broadcaster, of its state and no state's voice, is first)
    (("Sudan's war goes on. Sudan's army advanced. The army took the airport on Friday, a state "
     "broadcaster and military sources said."), ("SDN", "MED", True)),
    # a pronoun for a private person is no government
    (("“The house shook all night,” said Amal Nasser, 40, a teacher from Gaza City. “We could "
     "not sleep,” she said."), ("PSE", "", False)),
    # a member of an armed group speaks for the group, not for the state
    ("“They will pay for this,” said Karim Haddad, a senior Hezbollah official.",
     ("LBN", "REB", False)),
    # speakers of two countries are no one country, and speak for states
    ("Serbia and Kosovo blamed each other for the clashes at the crossing.", ("", "GOV", False)),
])
def test_who_a_source_is(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


def test_an_office_holder_the_text_places_nowhere_is_of_the_reports_country(annotate) -> None:
    doc = annotate("Ethiopia declared a state of emergency. Ethiopia's army was deployed. "
                   "Prime Minister Tesfaye Bekele said on Sunday that order had been restored.")
    assert _speakers(doc)[-1] == ("ETH", "GOV", False)


def test_a_name_with_a_possessive_is_found_again_by_surname(annotate) -> None:
    doc = annotate("Iran's foreign ministry spokesman Reza Kazemi's remarks angered Israel. "
                   "Kazemi said the blast was sabotage.")
    assert _speakers(doc)[-1][0] == "IRN"


def test_a_title_after_a_country_may_be_capitalised(annotate) -> None:
    doc = annotate("The Guyana President said the referendum was a threat.", "2024-01-10")
    (quote,) = doc._.quotes
    assert quote["speaker"]["entity_name"] == "Irfaan Ali"


def test_a_countrys_leader_is_not_its_opposition_leader(annotate) -> None:
    doc = annotate("The Venezuela leader said he would create a new state.", "2023-12-05")
    (quote,) = doc._.quotes
    assert quote["speaker"]["sector"] != "OPP"


def test_a_clause_after_a_name_does_not_describe_it(annotate) -> None:
    doc = annotate("According to monitor director Samir Khoury, the rebels took the city.")
    (person,) = [a for a in doc._.actors if a["entity_name"] == "Samir Khoury"]
    assert person["sector"] != "REB" and len(person["mentions"]) == 1


@pytest.mark.parametrize("text, first", [
    # a participle clause before the subject is not the source
    (("Speaking to lawmakers in parliament on Monday, Defence Minister Rajnath Singh said the "
     "troops had held their ground."), ("IND", "GOV", False)),
    # a dateline in capitals with a colon is no speaker
    ("NEW DELHI/BEIJING: Troops clashed on the border, Indian army officials said on Monday.",
     ("IND", "MIL", True)),
])
def test_what_opens_a_sentence_is_not_its_source(annotate, text, first) -> None:
    assert _speakers(annotate(text, "2022-12-13"))[0] == first


def test_an_unnamed_source_is_the_one_named_so_before(annotate) -> None:
    doc = annotate("Indian army officials said the patrol had been ambushed. " + "The border "
                   "has been tense for months, and talks have stalled. " * 30
                   + "Army officials said two soldiers were wounded.", "2022-12-13")
    assert _speakers(doc)[-1] == ("IND", "MIL", True)


def test_the_prime_ministers_office_is_the_prime_minister(annotate) -> None:
    doc = annotate("Israeli Prime Minister Benjamin Netanyahu ordered new strikes. "
                   "“We will act with more force,” the prime minister’s office said.",
                   "2025-03-18")
    assert _speakers(doc)[-1] == ("ISR", "GOV", False)


def test_a_place_the_text_gives_a_country_places_who_governs_it(annotate) -> None:
    doc = annotate("Drones hit a depot in Russia's Tver Oblast overnight. Ivan Petrov, governor "
                   "of Tver Oblast, said on Telegram that no one had been hurt.", "2025-03-14")
    assert _speakers(doc)[-1] == ("RUS", "GOV", False)


def test_who_is_quoted_as_saying_is_the_source(annotate) -> None:
    doc = annotate("Sudan's war goes on. Sudan's army lost ground. A local newspaper quoted "
                   "military sources as saying the garrison had pulled out.")
    (quote,) = doc._.quotes
    assert (quote["speaker_text"], quote["anonymous"]) == ("military sources", True)


def test_an_agent_word_qualifying_a_form_of_rule_names_no_one(annotate) -> None:
    doc = annotate("Myanmar's junta cracked down again. Myanmar's army shelled a village, in what "
                   "opponents of military rule called a massacre.")
    assert all(a["sector"] != "MIL" or a["entity_text"] != "military" for a in doc._.actors)


def test_the_army_of_a_report_is_its_countrys_by_name(annotate) -> None:
    doc = annotate("Myanmar's People's Defence Force attacked a post. Myanmar's junta answered. "
                   "The army said it had repelled the attack.")
    assert {a["entity_name"] for a in doc._.actors if a.get("role") == "by document"} == {"Myanmar"}


def test_a_think_tank_named_in_full_is_no_government(annotate) -> None:
    doc = annotate("The US Center for Security Studies (CSS) said the build-up was growing. "
                   "CSS said talks were unlikely.")
    assert all(sector != "GOV" for _, sector, _ in _speakers(doc))


def test_a_document_with_no_statement_before_is_the_last_body_that_acted(annotate) -> None:
    doc = annotate("West African leaders met in Abuja. Ecowas demanded the release of the "
                   "president. The communique warned that the junta would be held "
                   "accountable for his wellbeing.", "2023-07-31")
    assert _speakers(doc)[-1] == ("IGO", "IGO", False)


def test_a_qualified_description_is_not_a_differently_named_force(annotate) -> None:
    doc = annotate("Sudan's army shelled Omdurman. The paramilitary forces answered with drones.")
    assert not any("The paramilitary forces" in [m[0] for m in a["mentions"]]
                   for a in doc._.actors if a["entity_name"] == "Sudanese Armed Forces")


@pytest.mark.parametrize("text, last", [
    (("Fighting raged between Sudan's army and the Rapid Support Forces. Both sides have vowed to "
     "fight on."), ("SDN", "GOV", False)),
    (("Shelling resumed between Armenia and Azerbaijan. Both parties accused each other of "
     "breaking the truce."), ("", "GOV", False)),
])
def test_both_sides_speak_for_the_last_two_named(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


def test_a_person_under_a_short_form_of_an_organisation_named_before(annotate) -> None:
    doc = annotate("Jets struck Idlib, the Syrian Observatory for Human Rights said. According to "
                   "Observatory researcher Samir Khoury, the rebels held the town.")
    assert _speakers(doc)[-1] == ("NGO", "NGO", False)


def test_a_document_that_names_its_author_is_not_an_earlier_speaker(annotate) -> None:
    doc = annotate("Myanmar's junta said its troops had not harmed civilians. A medical report by "
                   "a local doctor showed gunshot wounds on the bodies.")
    assert _speakers(doc)[-1][1] != "GOV"


@pytest.mark.parametrize("text, first", [
    # a name the parser hangs on a title is the source
    ("Sudan's army chief Ahmed Karim said the city would be retaken.", ("SDN", "MIL", False)),
    # a title in an apposition places a person the knowledge base does not know
    ("Hassan Rezaei, the Iranian foreign minister, said the talks were over.",
     ("IRN", "GOV", False)),
    # former officials speak for no state
    ("Former defence minister Jan Kowalski said the army should be doubled.", ("", "ELI", False)),
    # what a person says does not place them
    ("Aid worker Jane Mwangi said Ethiopia had closed the road.", ("", "", False)),
])
def test_who_a_person_is_from_their_description(annotate, text, first) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[0] == first


@pytest.mark.parametrize("text, last", [
    ("The Pentagon said the strikes were lawful. A spokesman said more would follow.",
     ("USA", "MIL", False)),
    ("Hamas said it would free two captives. The group's spokesman said talks would resume.",
     ("PSE", "REB", False)),
    ("M23 rebels took the airport. The group said it would hold the town.", ("COD", "REB", False)),
])
def test_an_unnamed_spokesman_or_group_is_the_body_named_before(annotate, text, last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == last


def test_an_acronyms_owner_is_the_first_body_it_names(annotate) -> None:
    doc = annotate("The UN Interim Mission in Kosovo (UNMIS) said the talks had stalled. "
                   "UNMIS added that both sides must meet.")
    assert _speakers(doc)[-1][0] == "IGO"


def test_who_a_broadcaster_cites_as_promising_speaks_on(annotate) -> None:
    doc = annotate("Lebanon buried its dead. Lebanon's army closed roads. A local broadcaster cited "
                   "Samir Haddad, whose brother was killed, as promising revenge. “We will answer "
                   "them,” he said.", "2024-09-18")
    assert [q["speaker"]["entity_name"] for q in doc._.quotes] == ["Samir Haddad"] * 2
    assert _speakers(doc)[-1] == ("LBN", "", False)


def test_a_journalist_of_an_unknown_outlet_is_not_placed_by_the_report(annotate) -> None:
    doc = annotate("Sudan's war goes on. Sudan's army lost Wad Madani. Star TV's Amina Yusuf said "
                   "the roads were closed.")
    assert _speakers(doc)[-1][0] == ""


@pytest.mark.parametrize("text, last", [
    ("Shells hit homes across the north of the Gaza Strip overnight, witnesses said.",
     ("PSE", "CVL", True)),
    # two countries placed: the onlookers' is not ours to guess
    ("Shells fell in Kharkiv and in Belgorod overnight, residents said.", ("", "", True)),
])
def test_onlookers_are_where_what_they_saw_happened(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


@pytest.mark.parametrize("text, wrong", [
    ("Tehran froze its cooperation after Israel and the United States bombed its plants.",
     ("IRN", "ISR")),
    ("Armenia suspended the talks after Russia brokered a truce.", ("ARM", "RUS")),
])
def test_a_clause_of_its_own_is_not_whom_the_event_is_aimed_at(annotate, text, wrong) -> None:
    doc = annotate(text)
    assert not any((e["actor"][0]["code"] if e["actor"] else "") == wrong[0]
                   and any(r["code"] == wrong[1] for r in e["recipient"])
                   and e["event_type"] in ("SANCTION", "COERCE", "REJECT")
                   for e in doc._.events)


@pytest.mark.parametrize("text, dyad", [
    ("Russian forces, which have been shelling Kharkiv for weeks, advanced on Monday.",
     ("RUS", "ASSAULT", "UKR")),
    ("The rebels fled from the Sudanese army, which bombed their camps in Chad.",
     ("SDN", "ASSAULT", "TCD")),
])
def test_a_relative_pronoun_acts_as_the_phrase_it_stands_for(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_the_first_person_of_a_quotation_is_its_speaker(annotate) -> None:
    doc = annotate("“We have recalled our ambassador from Honduras,” Taiwan's foreign ministry "
                   "said on Friday.")
    assert [a["code"] for e in doc._.events for a in e["actor"]] == ["TWN"]


@pytest.mark.parametrize("text, actor", [
    ("Venezuela sent troops and armoured vehicles to the coast on Tuesday.", "VEN"),
    ("Guyana deployed soldiers to the Essequibo region on Monday.", "GUY"),
])
def test_the_words_naming_the_actor_do_not_place_its_target(annotate, text, actor) -> None:
    doc = annotate(text)
    assert any(e["actor"] and e["actor"][0]["code"] == actor for e in doc._.events)
    assert not any(r["code"] == actor for e in doc._.events for r in e["recipient"])


def test_two_sides_that_disengage_each_retreat_from_the_other(annotate) -> None:
    dyads = _dyads(annotate("Armenian and Azerbaijani units near the lake have disengaged, the "
                            "defence ministry said."))
    assert {("ARM", "RETREAT", "AZE"), ("AZE", "RETREAT", "ARM")} <= dyads


@pytest.mark.parametrize("text, code", [
    ("Delhi rejected the statement on Monday.", "IND"),
    ("Tel Aviv rejected the proposal on Monday.", "ISR"),
])
def test_a_seat_of_government_short_name_speaks_for_its_state(annotate, text, code) -> None:
    assert any(e["actor"] and e["actor"][0]["code"] == code for e in annotate(text)._.events)


def test_coordinated_sides_of_a_nominal_attack_struck_together(annotate) -> None:
    doc = annotate("Caracas condemned the Colombian and Brazilian raids on the border camps.")
    raids = [e for e in doc._.events if e["event_type"] == "ASSAULT"]
    # one raid of each side (a joint act is one act of each state), neither aimed at the other
    assert {a["code"] for e in raids for a in e["actor"]} == {"COL", "BRA"}
    assert not any(r["code"] in ("COL", "BRA") for e in raids for r in e["recipient"])


@pytest.mark.parametrize("text, demand", [
    ("Bamako insisted it only hired instructors from Russia.", False),
    ("Moscow insisted that Kyiv withdraw its troops from the region.", True),
    ("Seoul insisted on an apology from Tokyo.", True),
])
def test_an_insistence_is_a_request_only_when_it_asks_something(annotate, text, demand) -> None:
    assert any(e["event_type"] == "REQUEST" for e in annotate(text)._.events) == demand


def test_two_sides_that_refuse_together_do_not_refuse_each_other(annotate) -> None:
    doc = annotate("Canada and Norway refused to sign the declaration.")
    assert not any(r["code"] in ("CAN", "NOR") for e in doc._.events for r in e["recipient"])


@pytest.mark.parametrize("text, threat", [
    ("During the riots the Dutch consulate was threatened.", False),
    ("Grain exports are threatened by the closure of the strait.", False),
    ("Estonia was threatened by Russia with reprisals over the statue.", True),
])
def test_a_passive_threatened_with_no_side_is_a_danger_not_a_threat(annotate, text,
                                                                    threat) -> None:
    assert any(e["event_type"] == "THREATEN" for e in annotate(text)._.events) == threat


def test_a_war_named_in_a_statement_is_no_accusation_by_the_speaker(annotate) -> None:
    doc = annotate("Britain said Ukrainian troops had held every line on the first day of the "
                   "invasion.")
    assert not any(e["event_type"] == "ACCUSE" for e in doc._.events)


def test_a_claim_beside_the_event_names_none_of_its_sides(annotate) -> None:
    doc = annotate("Georgia declared a state of emergency, claiming that Moscow was arming the "
                   "separatists.")
    assert not any(e["event_type"] == "COERCE" and any(r["code"] == "RUS" for r in e["recipient"])
                   for e in doc._.events)


def test_a_participle_on_a_nominal_event_acts_as_the_side_the_noun_names(annotate) -> None:
    doc = annotate("Baghdad protested at a new Iranian operation targeting Kurdish camps in the "
                   "north.")
    assert any(e["event_type"] == "ASSAULT" and e["actor"] and e["actor"][0]["code"] == "IRN"
               for e in doc._.events)
    assert not any(e["event_type"] == "ASSAULT" and e["actor"] and e["actor"][0]["code"] == "IRQ"
                   for e in doc._.events)


@pytest.mark.parametrize("text, expected", [
    ("The United States on Tuesday carried out a strike against a militia in Syria.",
     ("USA", "ASSAULT", "SYR")),
    ("Dockers staged a strike in Rotterdam on Monday.", None),
])
def test_a_strike_carried_out_is_an_attack_and_one_staged_is_a_walkout(annotate, text,
                                                                      expected) -> None:
    dyads = _dyads(annotate(text))
    if expected:
        assert expected in dyads
    else:
        assert not any(t == "ASSAULT" for _, t, _ in dyads)


def test_a_past_event_told_as_background_of_a_plan_happened(annotate) -> None:
    doc = annotate("Envoys will meet in Oman next week, two days after Iran seized a Greek "
                   "tanker in the Gulf.")
    assert ("IRN", "COERCE", "GRC") in _dyads(doc)


def test_the_venue_of_talks_is_not_the_other_side(annotate) -> None:
    doc = annotate("Pakistani officials will hold talks in Qatar with their Afghan counterparts.")
    assert not any(r["code"] == "QAT" for e in doc._.events for r in e["recipient"])


@pytest.mark.parametrize("text, expected", [
    ("Seoul wants Pyongyang to return to the talks.", ("KOR", "REQUEST", "PRK")),
    ("Serbia and Kosovo traded accusations over the border clash.", ("XKX", "ACCUSE", "SRB")),
    ("Russia and Ukraine exchanged prisoners of war on Friday.", ("UKR", "COOPERATE", "RUS")),
])
def test_wanting_of_another_and_trading_with_each_other(annotate, text, expected) -> None:
    assert expected in _dyads(annotate(text))


@pytest.mark.parametrize("text, expected", [
    ("In Geneva, the Iranian envoy held discussions with the French foreign minister.",
     ("IRN", "CONSULT", "FRA")),
    ("Lithuania stands with Ukraine, the president said on Monday.", ("LTU", "SUPPORT", "UKR")),
])
def test_discussions_held_and_standing_with_a_side(annotate, text, expected) -> None:
    dyads = _dyads(annotate(text))
    assert expected in dyads and not any(r == "CHE" for _, _, r in dyads)


@pytest.mark.parametrize("text, expected", [
    (("Fighting spread across Myanmar. The Myanmar army bombed villages in the north on Friday, "
     "killing dozens."), ("MMR", "ASSAULT", "MMR")),
    ("Fighting spread across Yemen. The Houthis struck two more ships on Friday.", None),
])
def test_force_at_home_in_a_report_about_one_country_is_domestic(annotate, text,
                                                                expected) -> None:
    dyads = _dyads(annotate(text))
    if expected:
        assert expected in dyads
    else:
        assert not any(a == r != "" for a, _, r in dyads)


@pytest.mark.parametrize("text, asserted", [
    ("Moscow denied shelling the town but its troops have hit two schools in Ukrainian cities.",
     True),
    ("The militants reportedly killed four Kenyan soldiers near the border.", False),
    ("Kabul accused Pakistan of launching strikes that killed nine Afghan civilians.", False),
])
def test_what_a_sentence_asserts_alleges_or_denies(annotate, text, asserted) -> None:
    doc = annotate(text)
    assaults = [e for e in doc._.events if e["event_type"] == "ASSAULT"]
    assert assaults and any(not e["negated"] and not e["hypothetical"]
                            for e in assaults) == asserted


def test_both_sides_of_a_civil_war_are_its_two_forces_not_a_place(annotate) -> None:
    doc = annotate("Clashes broke out between the army and the Rapid Support Forces in Khartoum. "
                   "Both sides vowed to keep fighting.")
    vows = [e for e in doc._.events if e["event_type"] == "THREATEN"]
    assert vows and all(a["entity_text"] != "Khartoum" for e in vows for a in e["actor"])


@pytest.mark.parametrize("text, first", [
    # a place that says where an analyst works is no state speaking
    ("“Neither side wants a war,” Nairobi-based geopolitical analyst Justin Baquisal said.",
     ("KEN", "", False)),
    # unnamed analysts and press reports are anonymous, and no state's voice
    ("Kenyan analysts said the talks would fail.", ("KEN", "EDU", True)),
])
def test_analysts_speak_for_no_state(annotate, text, first) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[0] == first


def test_press_reports_are_not_the_last_speaker(annotate) -> None:
    doc = annotate("Chad's army said it had repelled the raid. News reports later said ten "
                   "soldiers had been killed.", "2025-03-01")
    assert _speakers(doc)[-1] == ("", "", True)


def test_a_military_rank_before_an_unknown_name_is_the_military(annotate) -> None:
    doc = annotate("Lithuanian Lt. Col. Rasa Petraityte said the drones had crossed at night.",
                   "2025-03-01")
    assert _speakers(doc)[0] == ("LTU", "MIL", False)


def test_an_undated_report_keeps_an_officials_last_office(annotate) -> None:
    # the report gives no date: nothing says the official had left office when it was written
    doc = annotate("Chief Cabinet Secretary Yoshimasa Hayashi said the ships had left.", "")
    assert _speakers(doc)[0] == ("JPN", "GOV", False)


def test_a_dateline_before_a_colon_is_no_speaker(annotate) -> None:
    doc = annotate("LIMA, Peru: On Monday the interior minister said the border would close.",
                   "2025-03-01")
    assert all(q["speaker_text"] != "LIMA, Peru" for q in doc._.quotes)


def test_a_relative_clauses_date_is_not_the_sentences(annotate) -> None:
    doc = annotate("Russia, which annexed Crimea in March 2014, fired drones at Kyiv.", "2025-03-01")
    fired = [e for e in doc._.events if e["event_type"] == "ASSAULT"]
    assert fired and all(e["date"] == "2025-03-01" for e in fired), fired


def test_a_countrys_leader_is_its_one_head_of_state_or_government(annotate) -> None:
    doc = annotate("The Venezuelan leader said the vote was binding. The Russian leader said the "
                   "talks were over.", "2024-01-10")
    # Venezuela has a president and no prime minister on record; Russia has both
    assert [q["speaker"]["entity_name"] for q in doc._.quotes] == ["Nicolas Maduro", "Russia"]


def test_the_countrys_officer_belongs_to_the_country_the_sentence_tells_of(annotate) -> None:
    doc = annotate("Chad has closed its border with Sudan after clashes near Sudan's El Geneina, "
                   "confirmed Colonel Amos Deby, the country's army spokesman.", "2025-03-01")
    assert _speakers(doc)[0] == ("TCD", "MIL", False)


@pytest.mark.parametrize("text, last", [
    # a federal member state speaks for its state's government
    ("Puntland's state council said it would govern itself.", ("SOM", "GOV", False)),
    # emergency services are the state's, in the country the report is about
    (("Libya's capital saw heavy fighting. Libyan forces clashed in Tripoli overnight. At least "
     "nine people died, emergency services said."), ("LBY", "GOV", False)),
])
def test_offices_below_the_national_government_are_the_state(annotate, text, last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == last


@pytest.mark.parametrize("text, last", [
    # unnamed sources a place names are not for that reason its state's
    ("Sources in Oman said the talks would resume on Sunday.", ("OMN", "", True)),
    ("Omani security sources said the talks would resume on Sunday.", ("OMN", "COP", True)),
])
def test_unnamed_sources_speak_for_a_state_when_a_word_says_so(annotate, text, last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == last


def test_the_group_is_not_a_un_mission(annotate) -> None:
    doc = annotate("Al-Shabaab said its fighters attacked the base of the UN Assistance Mission "
                   "in Somalia. The group also said it had fired mortars.", "2025-03-01")
    assert _speakers(doc)[-1][0] == "IMG"


def test_a_state_body_the_text_places_nowhere_is_of_the_last_country_to_speak(annotate) -> None:
    doc = annotate("Lithuanian authorities said the night was calm. The Defence Ministry said a "
                   "column of Belarusian troops was moving west.", "2025-03-01")
    assert _speakers(doc)[-1] == ("LTU", "GOV", False)


@pytest.mark.parametrize("text, last", [
    # an unnamed official the text places nowhere speaks for the state that last spoke
    (("Japan's defence ministry said the missile fell into the sea. It flew for about ten "
     "minutes, according to an informed defence source."), ("JPN", "MIL", True)),
    # where the saying is placed comes first
    (("Japan's defence ministry said the missile fell into the sea. In China, a senior security "
     "official said the test had been expected."), ("CHN", "GOV", True)),
    # not a hospital official, nor a Western one
    (("Japan's defence ministry said the missile fell into the sea. Two fishermen were hurt, a "
     "hospital official said."), ("", "", True)),
    (("Japan's defence ministry said the missile fell into the sea. It was a new type, a Western "
     "official said."), ("", "", True)),
])
def test_an_unnamed_official_speaks_for_the_state_that_last_spoke(annotate, text, last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == last


def test_unnamed_rights_groups_are_an_anonymous_ngo(annotate) -> None:
    doc = annotate("Sudan's army said the camp was a rebel base. Human rights groups said most of "
                   "the dead were children.", "2025-03-01")
    assert _speakers(doc)[-1] == ("NGO", "NGO", True)


@pytest.mark.parametrize("text", [
    "Monday's raid wounded four guards near the Colombian border.",
    "Two buildings burned after a border post in Estonia was hit by a drone.",
])
def test_a_subject_that_names_nobody_is_not_placed_by_the_sentence(annotate, text) -> None:
    assert all(not e["actor"] or not e["actor"][0]["code"] for e in annotate(text)._.events)


def test_an_offensive_named_by_a_copula_lends_its_agent_to_its_participle(annotate) -> None:
    doc = annotate("This is Ankara's second offensive this year targeting Kurdish fighters in "
                   "Iraq.")
    assert any(e["actor"][0]["code"] == "TUR" and e["actor"][0]["role"] != "by location"
               and e["recipient"] and e["recipient"][0]["code"] == "IRQ"
               for e in doc._.events if e["event_type"] == "ASSAULT")


@pytest.mark.parametrize("text, dyad", [
    # summoning an envoy is a complaint made to them
    ("Lima summoned the Chilean ambassador over the fishing dispute.", ("PER", "ACCUSE", "CHL")),
    # a protester's verb in a state's mouth
    ("Nepal protested India's new road through the disputed pass.", ("NPL", "ACCUSE", "IND")),
    ("Chinese coast guard ships blocked Philippine supply boats near the reef.",
     ("CHN", "COERCE", "PHL")),
])
def test_what_a_state_does_with_a_complaint_or_a_protesters_verb(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_a_sea_named_after_a_country_is_no_side(annotate) -> None:
    doc = annotate("Fishing fleets from Kenya and Somalia work a disputed stretch of the Indian "
                   "Ocean.")
    assert "IND" not in {a["code"] for a in doc._.actors} | {
        s["code"] for e in doc._.events for s in (*e["actor"], *e["recipient"])}


def test_a_forum_a_case_is_taken_to_is_no_side(annotate) -> None:
    doc = annotate("Quito vowed to take the border dispute to the UN Security Council.")
    assert all(not e["recipient"] for e in doc._.events if e["event_type"] == "THREATEN")


@pytest.mark.parametrize("text", [
    "Pyongyang fired two ballistic missiles into the sea off its east coast, Tokyo said.",
    "North Korea test-fired a new cruise missile on Sunday, Seoul's military said.",
])
def test_a_missile_fired_at_no_one_is_a_show_of_force(annotate, text) -> None:
    events = annotate(text)._.events
    assert [(e["event_type"], list(e["recipient"])) for e in events] == [("MOBILIZE", [])]


def test_whose_act_an_object_names_is_not_its_target(annotate) -> None:
    doc = annotate("Hundreds have died since Moscow began its invasion of the country.")
    assert all(r["code"] != "RUS" for e in doc._.events for r in e["recipient"])


def test_what_someone_believes_happened_is_not_told_as_a_fact(annotate) -> None:
    doc = annotate("Officials in Baku believe that Yerevan armed the separatists.")
    assert not _dyads(doc)


def test_a_clash_between_two_sides_is_one_event(annotate) -> None:
    doc = annotate("Clashes between Thai and Cambodian troops broke out near the temple on Friday.")
    assert [d for d in _dyads(doc) if d[1] == "ASSAULT"] == [("THA", "ASSAULT", "KHM")]


@pytest.mark.parametrize("text", [
    "Turkish troops have been fighting alongside Azerbaijani units, Yerevan said.",
    "Wagner fighters fought at the side of Malian soldiers near Kidal.",
])
def test_whom_a_force_fights_alongside_is_its_ally(annotate, text) -> None:
    assert not [d for d in _dyads(annotate(text)) if d[1] == "ASSAULT" and d[2]]


def test_the_noun_a_passive_participle_hangs_on_is_who_it_was_done_to(annotate) -> None:
    doc = annotate("Kyiv said it had won the release of 90 Ukrainian military personnel captured "
                   "near Mariupol with the help of Turkish mediators.")
    assert not [d for d in _dyads(doc) if d[1] == "COERCE" and d[0] == "UKR"]


def test_who_backs_a_side_is_not_the_side(annotate) -> None:
    doc = annotate("Georgian troops fought Russian-backed separatist forces near Tskhinvali.")
    assert not [d for d in _dyads(doc) if "RUS" in (d[0], d[2])]


def test_what_a_side_stops_short_of_did_not_happen(annotate) -> None:
    doc = annotate("The communique came short of declaring war between Sudan and Chad.")
    assert not _dyads(doc)


@pytest.mark.parametrize("text, dyad", [
    ("Ankara followed with a ground incursion into northern Iraq on 3 May.",
     ("TUR", "ASSAULT", "IRQ")),
    ("A Chinese coast guard cutter rammed a Philippine supply boat near the reef.",
     ("CHN", "COERCE", "PHL")),
])
def test_acts_told_by_an_answering_verb_or_a_ramming(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    ("Three Chinese coast guard ships intercepted a Vietnamese fishing boat near the islands.",
     ("CHN", "COERCE", "VNM")),
    ("Armenia and Azerbaijan agreed to cease fire at noon on Saturday.", ("ARM", "RETREAT", "")),
])
def test_boats_intercepted_and_fire_ceased(annotate, text, dyad) -> None:
    assert dyad[:2] in {d[:2] for d in _dyads(annotate(text))}


def test_missiles_intercepted_attack_no_one(annotate) -> None:
    assert not _dyads(annotate("Saudi air defences intercepted two drones over Riyadh."))


def test_a_country_word_inside_an_unknown_body_places_its_spokesperson(annotate) -> None:
    doc = annotate("Two patrols exchanged fire near the border on Monday, Royal Norwegian Navy "
                   "spokesperson Kari Haugland told reporters.", "2025-03-01")
    assert _speakers(doc)[-1] == ("NOR", "MIL", False)


def test_words_of_the_sentence_before_do_not_describe_a_name(annotate) -> None:
    # "told reporters." ends the sentence before: Ole Dahl is no journalist
    doc = annotate("Ferries were suspended, a port official told reporters. Ole Dahl, a district "
                   "chief in Norway's Finnmark county, said three houses were damaged.",
                   "2025-03-01")
    assert _speakers(doc)[-1][:2] == ("NOR", "GOV")


def test_an_official_the_text_places_nowhere_speaks_for_the_reports_country(annotate) -> None:
    doc = annotate("Chile's navy searched the coast. Chile closed two ports. Opposition leader "
                   "Marta Quiroga said the closures were unlawful. Quiroga said the navy had "
                   "overreached.", "2025-03-01")
    assert [s[0] for s in _speakers(doc)[-2:]] == ["CHL", "CHL"]


def test_a_surname_named_in_full_before_is_the_person_not_a_group(annotate) -> None:
    # "Wagner" is a group in the knowledge base; here it is the minister named before
    doc = annotate("Chilean Foreign Minister Ana Lucia Wagner spoke to the council on Monday. "
                   "Wagner said Peru had blocked the talks.", "2025-03-01")
    assert _speakers(doc)[-1] == ("CHL", "GOV", False)


def test_a_long_quotation_does_not_put_the_speaker_out_of_a_pronouns_reach(annotate) -> None:
    quote = " ".join(["Our patrols held the line and no post was lost."] * 14)
    doc = annotate(f"Defence Minister Rajnath Singh spoke in parliament on Tuesday. “{quote}” "
                   "he told the house.", "2022-12-13")
    assert _speakers(doc)[-1] == ("IND", "GOV", False)


def test_the_ministry_is_the_one_named_before_not_the_reports_country(annotate) -> None:
    doc = annotate("Chile's foreign ministry said Chile wanted talks. Chile recalled its envoy. "
                   "Chile closed the border. Earlier, the Peruvian Foreign Ministry said the "
                   "talks were pointless. The ministry also said Chile had massed troops.",
                   "2025-03-01")
    assert _speakers(doc)[-1][0] == "PER"


def test_the_army_is_not_troops_the_knowledge_base_files_under_an_army(annotate) -> None:
    # "Chinese troops" are China's, but the text never named an army: "the army" is not theirs
    doc = annotate("Twenty Indian soldiers were killed in a clash with Chinese troops on Monday. "
                   "The army said an officer was among the dead.", "2020-06-16")
    assert _speakers(doc)[-1][0] != "CHN"


@pytest.mark.parametrize("source, last", [
    ("security sources said", ("CHL", "COP", True)),
    ("a provincial hospital official said", ("CHL", "", True)),
    ("a villager said", ("CHL", "CVL", True)),
])
def test_an_unnamed_source_nothing_places_is_of_the_reports_country(annotate, source, last) -> None:
    doc = annotate("Gunmen burned two trucks in Chile's north on Sunday. Three drivers were hurt "
                   f"near Chile's border with Peru. Roads into the mines were closed, {source}.",
                   "2025-03-01")
    assert _speakers(doc)[-1] == last


def test_the_army_is_not_a_rebel_group_with_army_in_its_name(annotate) -> None:
    doc = annotate("Colombia's president spoke on Monday. Colombia blamed the National Liberation "
                   "Army for the bombing. The army said the rebels fired rockets from a truck.",
                   "2025-03-01")
    assert _speakers(doc)[-1][:2] == ("COL", "MIL")


def test_a_country_is_no_ones_surname(annotate) -> None:
    doc = annotate("Lawmakers voted to make Essequibo Venezuela's 24th state. Venezuela said it "
                   "would hold elections there.", "2025-03-01")
    assert _speakers(doc)[-1][:2] == ("VEN", "GOV")


@pytest.mark.parametrize("text, last", [
    # the outlet relays what it cites
    (("Rockets hit two depots near the border, the Kyodo news agency reported, citing the "
     "Japanese military."), ("JPN", "MIL", False)),
    (("“Our drones reached the port,” the channel said, citing a statement from Houthi military "
     "spokesman Yahya Sarea."), ("YEM", "REB", False)),
    # the sayer, not the outlet that carried the saying
    (("Both sides agreed to a truce, Kenyan President William Ruto has announced, reports the "
     "Daily Nation."), ("KEN", "GOV", False)),
])
def test_an_outlet_relays_the_words_of_whom_it_cites(annotate, text, last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[0] == last


@pytest.mark.parametrize("text, declarer, condition", [
    # a warning of consequences over what the warned party did
    ("Nairobi warned Kampala of grave consequences over its seizure of the island.", "KEN",
     "its seizure of the island"),
    # an order with a deadline
    ("Mali's junta ordered the armed group to leave the town within 72 hours.", "MLI",
     "not leave the town within 72 hours"),
    # a condition that, while it holds, keeps the consequence coming
    (("“We will keep striking their depots as long as the siege of our city goes on,” Houthi "
     "military spokesman Yahya Sarea said."), "YEM", "the siege of our city goes on"),
    # only when
    (("Azerbaijan's president said the offensive would stop only when the separatists gave up "
     "their weapons."), "AZE", "the separatists gave up their weapons"),
    # readiness against any step
    (("Defence Minister Rajnath Singh said Indian forces stood ready to repel any attempt to "
     "shift the border."), "IND", "any attempt to shift the border"),
    # a choice with the speaker's side acting
    (("“Either you lay down your guns or we will come for you,” Kenyan police commander John "
     "Otieno said."), "KEN", "not you lay down your guns"),
])
def test_general_forms_of_declared_limits(annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text, "2025-03-01")._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # a past attack reported, a plain time clause, a journalist's either/or
    "Islamabad warned residents of the consequences of the floods.",
    "The talks will resume only after the delegations return from Doha.",
    "Either the talks succeed or they will collapse, an analyst said.",
    "The ministry said its forces had repelled an attack on the border post on Monday.",
    # a line whose declarer nothing resolves
    "“Either you surrender or we will come for you,” the commander said.",
])
def test_no_line_from_reports_time_clauses_or_unresolved_declarers(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


@pytest.mark.parametrize("text, told, undated", [
    # a standing charge in the present, after the lead, has no day of its own
    (("Talks in Luanda broke down on Monday. Kigali meanwhile alleges that Kinshasa arms the "
     "FDLR militia."), "Kigali", True),
    # an act going on for a while
    (("Talks in Luanda broke down on Monday. The army has been shelling rebel villages in the "
     "east."), "The army", True),
    # news of the day, in the perfect or in the lead's present
    ("Talks in Luanda broke down on Monday. Kinshasa has accused Kigali of arming the M23.",
     "Kinshasa", False),
    ("Kinshasa accuses Kigali of arming the M23 rebels. Talks in Luanda broke down on Monday.",
     "Kinshasa", False),
])
def test_a_standing_charge_or_an_act_going_on_takes_no_publication_date(annotate, text, told,
                                                                         undated) -> None:
    start = text.index(told)
    events = [e for e in annotate(text, "2024-10-09")._.events
              if start <= e["start"] < text.index(".", start)
              and e["event_type"] in ("ACCUSE", "ASSAULT")]
    assert events and all((e["date"] is None) == undated for e in events)


def test_the_army_is_the_one_that_spoke_not_one_named_in_passing(annotate) -> None:
    doc = annotate("Sudan's army said its posts came under fire on Saturday. The attackers were "
                   "backed by Ethiopian army units, it said. Three soldiers died, the army added.",
                   "2021-11-29")
    assert _speakers(doc)[-1][0] == "SDN"


def test_a_subheading_is_no_part_of_the_source_under_it(annotate) -> None:
    doc = annotate("Moscow sent its proposals to Washington last week.\n\nCalls for urgent talks "
                   "with U.S.\n\nDeputy Foreign Minister Sergei Ryabkov said relations had "
                   "reached a dangerous point.", "2021-12-17")
    assert _speakers(doc)[-1][0] == "RUS"


def test_an_arabic_surname_is_found_again_without_its_article(annotate) -> None:
    doc = annotate("Abdul Qader al-Mortada, a Houthi official, said that the detainees were freed. "
                   "Mortada said more would follow.", "2023-04-08")
    assert _speakers(doc)[-1][0] == "YEM"


def test_unnamed_security_sources_speak_for_where_what_they_tell_happened(annotate) -> None:
    doc = annotate("Gunmen killed four soldiers on Saturday in Mali's central Mopti region, "
                   "security sources said.", "2025-03-01")
    assert (_speakers(doc)[-1][0], _speakers(doc)[-1][2]) == ("MLI", True)


@pytest.mark.parametrize("text, not_coded", [
    # a source passing on what happened accuses no one by the words it uses
    (("Three border guards were wounded in illegal shelling by Armenian units on Monday, "
     "according to Azerbaijan's border service."), ("AZE", "ACCUSE", "ARM")),
    (("South Korea's army reported that North Korean launchers had fired two missiles in "
     "violation of the ban."), ("KOR", "ACCUSE", "PRK")),
    # a demand the words name as a side's own is that side's, not the speaker's
    (("Kenya's foreign minister said the talks had made progress on Ethiopia's demands for "
     "access to the sea."), ("KEN", "REQUEST", "ETH")),
    ("Qatar's envoy told reporters that the deal met the demands of Washington.",
     ("QAT", "REQUEST", "USA")),
])
def test_statement_that_reports_or_names_an_act_performs_none(annotate, text, not_coded) -> None:
    dyads = _dyads(annotate(text))
    assert not any(d[1:] == not_coded[1:] and (not not_coded[0] or d[0] == not_coded[0])
                   for d in dyads), dyads


@pytest.mark.parametrize("text, dyad", [
    (("Russian drones struck a fuel depot in Lviv on Sunday. Poland's foreign minister "
     "condemned the act."), ("POL", "ACCUSE", "RUS")),
    (("North Korea fired a ballistic missile into the sea on Sunday. Japan's government "
     "protested the launch."), ("JPN", "ACCUSE", "PRK")),
])
def test_reaction_to_an_act_told_before_is_aimed_at_its_maker(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def _events(doc, event_type: str) -> list[dict]:
    return [e for e in doc._.events if e["event_type"] == event_type
            and not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("text, dyad", [
    (("Amid the continuing Russian invasion of Ukraine, Hungary's leader met the Chinese premier "
     "in Beijing on Friday."), ("RUS", "ASSAULT", "UKR")),
    ("Amid the Iranian strikes on Haifa, the Israeli cabinet met late on Monday.",
     ("IRN", "ASSAULT", "ISR")),
])
def test_an_act_going_on_around_the_sentence_is_coded_when_its_side_is_named(
        annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_an_act_going_on_around_the_sentence_takes_no_date_of_the_sentence(annotate) -> None:
    doc = annotate("Amid the Iranian strikes on Haifa, the Israeli cabinet met on Monday.")
    (strike,) = [e for e in _events(doc, "ASSAULT") if e["actor"][0]["code"] == "IRN"]
    assert (strike["date"], strike["date_precision"]) == (None, "unknown")


def test_an_earlier_act_told_as_background_is_still_no_new_one(annotate) -> None:
    doc = annotate("Days after the Iranian strikes on Haifa, the Israeli cabinet met on Monday.")
    assert not [e for e in _events(doc, "ASSAULT") if e["actor"][0]["code"] == "IRN"]


@pytest.mark.parametrize("text", [
    ("Sudan's paramilitary RSF on Sunday claimed responsibility for the drone attack on an "
    "airbase in Chad."),
    "The Sudanese paramilitary group took responsibility for the attack on a Chadian airbase.",
])
def test_who_claims_an_attack_made_it(annotate, text) -> None:
    assert ("SDN", "ASSAULT", "TCD") in _dyads(annotate(text))


def test_acting_in_coordination_with_a_side_is_cooperation(annotate) -> None:
    doc = annotate("The Kenyan police sealed off the port in coordination with the Somali army.")
    assert ("KEN", "COOPERATE", "SOM") in _dyads(doc)


def test_initiating_an_operation_is_an_assault(annotate) -> None:
    doc = annotate("The Arakan Army initiated an offensive against junta posts in Rakhine State.")
    assert any(e["event_type"] == "ASSAULT" for e in _events(doc, "ASSAULT"))


def test_accusations_between_two_sides_read_by_their_lemma(annotate) -> None:
    doc = annotate("The dispute has brought bitter accusations between Sudan and Ethiopia.")
    assert ("SDN", "ACCUSE", "ETH") in _dyads(doc)


@pytest.mark.parametrize("text, dyad", [
    (("The Turkish army, which has been involved in heavy fighting with Kurdish militias in Syria, "
     "denied the report."), ("TUR", "ASSAULT", "SYR")),
    ("Ethiopia has been locked in a war of words with Egypt over the dam.",
     ("ETH", "ACCUSE", "EGY")),
])
def test_an_act_told_as_in_a_noun_with_a_side(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_who_was_killed_in_a_clash_did_not_start_it(annotate) -> None:
    doc = annotate("Two Thai soldiers were killed in a clash with Cambodian troops on Monday.")
    assert ("THA", "ASSAULT", "KHM") not in _dyads(doc)


@pytest.mark.parametrize("text", [
    ("Kenya said it was deploying extra police units to the border to fight al-Shabaab militants "
    "from Somalia."),
    "Mediators met tribal elders in Nairobi to prevent clashes between Ethiopia and Somalia.",
])
def test_what_forces_are_sent_to_do_or_talks_are_held_to_prevent_has_not_happened(
        annotate, text) -> None:
    doc = annotate(text)
    assert not any(act == "ASSAULT" for _, act, _ in _dyads(doc))


def test_the_speakers_own_name_does_not_place_the_target_of_its_stated_act(annotate) -> None:
    doc = annotate("The Venezuelan government said it would send troops to the disputed region.")
    assert not any(r["code"] == "VEN" for e in doc._.events for r in e["recipient"])


def test_a_person_named_by_a_pronoun_is_not_placed_by_the_sentences_places(annotate) -> None:
    doc = annotate("The Serbian leader received a message from two envoys in Paris urging him "
                   "to compromise.")
    assert not any(r["code"] == "FRA" for e in doc._.events for r in e["recipient"])


def test_taking_part_is_joining_not_capturing(annotate) -> None:
    doc = annotate("Militia fighters took part in a parade in Baghdad on Sunday.")
    assert not any(e["event_type"] == "ASSAULT" for e in doc._.events)


def test_taking_part_of_a_town_is_still_capturing(annotate) -> None:
    doc = annotate("Rebels took part of the town of Goma after heavy fighting with Congolese "
                   "troops.")
    assert any(e["event_type"] == "ASSAULT" for e in doc._.events)


def test_whoever_an_act_is_cited_from_is_not_its_target(annotate) -> None:
    doc = annotate("According to Antonio Guterres, the militia stormed the camp near the border "
                   "on Friday.")
    assert not any(r["code"] == "IGO" for e in doc._.events for r in e["recipient"])


def test_suspending_ones_own_attacks_told_by_their_verb_is_a_retreat(annotate) -> None:
    doc = annotate("North Korea suspended launching drones toward South Korea on Tuesday.")
    types = {act for _, act, _ in _dyads(doc)}
    assert "RETREAT" in types and "SANCTION" not in types


def test_the_flag_a_ship_flies_is_no_side(annotate) -> None:
    doc = annotate("Rebels fired two missiles at a Panama-flagged tanker in the Red Sea on Monday.")
    assert not any(r["code"] == "PAN" for e in doc._.events for r in e["recipient"])


def test_the_agent_of_a_gerund_acts_on_those_who_suffered_it(annotate) -> None:
    doc = annotate("Two Georgian border guards were hurt in shelling by the Russian side on "
                   "Friday.")
    assert ("RUS", "ASSAULT", "GEO") in _dyads(doc)
    assert not any(actor == "GEO" for actor, _, _ in _dyads(doc))


def test_a_community_named_after_its_country_belongs_to_that_country(annotate) -> None:
    doc = annotate("Gunmen shot dead a Kosovar Serb shopkeeper near the bridge on Sunday.")
    codes = {r["code"] for e in doc._.events for r in e["recipient"]}
    assert "SRB" not in codes


def test_acts_that_endanger_peace_threaten_nobody(annotate) -> None:
    doc = annotate("\u201cThese repeated launches threaten peace and stability in the region,\u201d "
                   "the Japanese minister said.")
    assert not any(e["event_type"] == "THREATEN" for e in doc._.events)


def test_whom_a_causative_makes_act_is_the_actor(annotate) -> None:
    doc = annotate("Pressure from Washington forced Belgrade to withdraw its troops from the "
                   "border.")
    actors = {actor for actor, act, _ in _dyads(doc) if act == "RETREAT"}
    assert actors == {"SRB"}


@pytest.mark.parametrize("text", [
    "Kandahar was shelled overnight. The Taliban's interior ministry said three civilians died.",
    "Kandahar was shelled overnight. A Taliban government official said three civilians died.",
])
def test_a_ministry_run_by_an_armed_group_speaks_for_the_state_it_runs(annotate, text) -> None:
    assert _speakers(annotate(text))[-1][:2] == ("AFG", "GOV")


@pytest.mark.parametrize("text, last", [
    # the report's country, or the officials named before, are not whose diplomats they are
    (("Somali officials said the consulates would close. The closure endangers the troops, "
      "according to diplomats."), ("", "GOV", True)),
    (("Somali officials said the consulates would close. The closure endangers the troops, "
      "according to diplomats and analysts."), ("", "", True)),
    (("Moscow denied sending fighters to Mali. \"Moscow still runs them,\" one diplomatic "
      "source in the region said."), ("", "GOV", True)),
    # a diplomat whose country the words give is that country's
    (("Somali officials said the consulates would close. The closure endangers the troops, "
      "a Kenyan diplomat said."), ("KEN", "GOV", True)),
])
def test_an_unnamed_diplomat_is_of_no_country_the_text_does_not_give(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


def test_a_person_named_in_full_is_then_named_by_the_first_name(annotate) -> None:
    doc = annotate("Defence Minister Rajnath Singh spoke in parliament on Tuesday. Rajnath also "
                   "said that none of the soldiers had been killed in the clash.")
    last = doc._.quotes[-1]["speaker"]
    assert last is not None and last["entity_name"] == "Rajnath Singh"


@pytest.mark.parametrize("text, declarer, condition", [
    # an inverted condition the parser hangs on the noun before it
    (("Beijing warned Manila that it would take all necessary measures should the Philippine "
      "vessels return."), "CHN", "the Philippine vessels return"),
    # what goes on until something ends
    (("The Houthis said they would keep targeting ships bound for the port until the blockade "
      "of Gaza ends."), "YEM", "until the blockade of Gaza ends"),
    # a step that, in the present, is war
    ("Seoul's defence ministry warned that a nuclear test means war.", "KOR", "a nuclear test"),
    # a line several states draw together is held by the first named
    (("Norway, Sweden and Denmark said they would impose sanctions unless Moscow released the "
      "fishermen."), "NOR", "Moscow released the fishermen"),
    # threats of trade and of closing a passage, and the condition hung on "idly by"
    (("Japan's trade ministry vowed firm countermeasures if Seoul went ahead with the export "
      "curbs."), "JPN", "Seoul went ahead with the export curbs"),
    (("Oman said it would close its border if the militias kept crossing into Dhofar."), "OMN",
     "the militias kept crossing into Dhofar"),
    (("Chile warned that it would not sit idly by if Bolivia kept moving troops to the border."),
     "CHL", "Bolivia kept moving troops to the border"),
    # a step judged a serious escalation, and a warning against any such step
    (("Hungary warned that sending fighter jets to Serbia would be a serious escalation."), "HUN",
     "sending fighter jets to Serbia"),
    ("Lithuania warned Belarus against any provocation at the crossings.", "LTU",
     "any provocation at the crossings"),
    # threats of bombing, invading, wiping out, cutting supplies, options on the table, and a
    # right reserved to act against any threat
    ("Ecuador's president said he would bomb the camps if the cartel kept the hostages.", "ECU",
     "the cartel kept the hostages"),
    ("Armenia's premier said Baku would invade if the talks collapsed.", "ARM",
     "the talks collapsed"),
    ("Qatar said it would cut gas deliveries to Italy if the levy took effect.", "QAT",
     "the levy took effect"),
    ("Egypt's foreign minister said all options were on the table if the dam were filled.", "EGY",
     "the dam were filled"),
    ("Greece reserves the right to act against any incursion, the Greek prime minister said.",
     "GRC", "any incursion"),
    # an inverted condition after what was said; countermeasures warned of against a step;
    # aircraft to be treated as legitimate targets; attacks kept up until a step
    (("Kim Yo Jong warned that Seoul would face a terrible disaster should the balloons come "
      "back."), "PRK", "the balloons come back"),
    ("Pyongyang warned of strong countermeasures against the naval drills.", "PRK",
     "the naval drills"),
    (("Serbia warned that NATO drones flying from Kosovo would be treated as legitimate "
      "targets."), "SRB", "NATO drones flying from Kosovo"),
    ("Hezbollah vowed to keep up its rocket fire until a truce in Gaza.", "LBN",
     "until a truce in Gaza"),
    # every strike to be answered; all the crossings of a border to be closed
    ("Georgia said it would respond to every Russian drone over its territory.", "GEO",
     "every Russian drone"),
    (("Finland said it would close all border crossings with Russia if the migrant flow went "
      "on."), "FIN", "the migrant flow went on"),
])
def test_further_forms_of_conditional_threats(annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    "Qatar said the talks would go on until both sides agree on the text.",
    "Analysts said the drought means war is less likely this year.",
    "The envoy warned against complacency over the truce.",
    "The bank said the market would close early if trading volumes fell.",
    "Norway's government said it would cut taxes if growth slowed.",
    "Russia said it would keep striking the grid until the end of winter.",
    "Pakistan warned of consequences.",
    "Georgia said it responded to every Russian drone over its territory.",
])
def test_no_line_in_what_only_lasts_or_is_judged(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


def test_a_statement_keeps_the_words_that_named_its_issuer(annotate) -> None:
    doc = annotate("Chile's Ministry of National Defence said its troops had only returned fire. "
                   "The statement said Bolivian soldiers had crossed the border first.")
    last = doc._.quotes[-1]
    assert last["speaker"]["code"] == "CHL"
    assert "Defence" in last["speaker"]["entity_text"]


def test_a_sports_board_named_for_its_country_is_not_its_government(annotate) -> None:
    doc = annotate("The Nepal Football Federation said two of its players were hurt in the "
                   "shelling.")
    assert _speakers(doc)[0][:2] == ("NPL", "")


def test_an_unknown_office_holder_in_a_report_on_two_countries_speaks_for_the_last_actor(
        annotate) -> None:
    doc = annotate("Chad accused Sudan of arming rebels, and Sudan accused Chad of the same. "
                   "Chad announced on Monday it would close its embassy in Khartoum. Foreign "
                   "minister Abakar Doumgor Mahamat said the decision was final.")
    assert _speakers(doc)[-1][:2] == ("TCD", "GOV")


def test_a_day_of_last_year_dates_the_event_in_that_year(annotate) -> None:
    doc = annotate("Eritrea attacked Ethiopia on October 7 last year.", "2025-11-20")
    assert [(e["date"], e["date_precision"]) for e in doc._.events] == [("2024-10-07", "day")]


def test_the_year_of_a_days_date_stays_with_it_in_a_clause(annotate) -> None:
    # the parser hangs "2022" on the month as an apposition; without it the clause's "February
    # 24" was read as a day of the year before the report's
    doc = annotate("Neighbours have backed Ruritania since the army of Sylvania invaded it on "
                   "February 24, 2022.", "2024-11-22")
    invaded = [e for e in doc._.events if e["event_type"] == "ASSAULT"]
    assert [(e["date"], e["date_precision"]) for e in invaded] == [("2022-02-24", "day")]


def test_a_month_before_an_ordinal_day_names_that_day(annotate) -> None:
    # "of October 17th" is the day, not the month "of October"
    doc = annotate("On the night of October 17th, Ruritanian troops shelled positions held by "
                   "Sylvania.", "2024-11-22")
    assert [(e["date"], e["date_precision"]) for e in doc._.events] == [("2024-10-17", "day")]


@pytest.mark.parametrize("text", [
    "Sylvania has previously said Ruritania must first stop arming the rebels.",
    "Sylvania has already recalled its ambassador from Ruritania.",
    "Officials said Sylvania had consistently called for a ceasefire with Ruritania.",
])
def test_an_act_told_as_done_before_the_news_takes_no_publication_date(annotate, text) -> None:
    doc = annotate(text, "2024-11-22")
    assert doc._.events and all((e["date"], e["date_precision"]) == (None, "unknown")
                                for e in doc._.events), doc._.events


def test_an_act_done_before_a_past_moment_keeps_the_storys_day(annotate) -> None:
    # the pluperfect sets the act before the story's day, not before the news
    doc = annotate("Ruritania said on Tuesday that it had already summoned Sylvania's envoy.",
                   "2024-11-22")
    summoned = [e for e in doc._.events if e["event_type"] != "DISAPPROVE"]
    assert summoned and all(e["date"] == "2024-11-19" for e in summoned), doc._.events


def test_a_sentence_without_a_date_goes_on_telling_its_paragraphs_day(annotate) -> None:
    same = annotate("Peru on Tuesday summoned Chile's ambassador over the raid. Peru also accused "
                    "Chile of violating its airspace.", "2024-11-21")
    assert [e["date"] for e in same._.events if e["event_type"] == "ACCUSE"][-1] == "2024-11-19"
    # a new paragraph, or a day long past, is not what the sentence goes on telling (unless
    # the report's lead names that day, test_the_rest_of_a_report_tells_the_day_its_lead_names)
    # (a lead with no time of its own would take the day of the sentence after it)
    apart = annotate("Chile denied any raid last month.\n\nPeru on Tuesday summoned Chile's ambassador "
                     "over the raid.\n\nPeru also accused Chile of violating its airspace.",
                     "2024-11-21")
    past = annotate("Peru summoned Chile's ambassador in March 2019. Peru also accused Chile of "
                    "violating its airspace.", "2024-11-21")
    for doc in (apart, past):
        assert [e["date"] for e in doc._.events if e["event_type"] == "ACCUSE"][-1] == "2024-11-21"


def test_it_said_after_its_words_is_who_was_speaking_not_a_country_they_name(annotate) -> None:
    doc = annotate("“Our patrols near the oasis came under fire from Libyan army units,” "
                   "Chad’s armed forces said on Friday.\n\nChadian soldiers “pushed the raid "
                   "back” and “caused many casualties” on the Libyan side, it said.")
    assert _speakers(doc)[-1][0] == "TCD"


@pytest.mark.parametrize("text", [
    # unnamed experts, researchers and press are unnamed sources, like unnamed analysts
    "Several security researchers said the malware had wiped hundreds of computers.",
    "A Czech military expert said the drone could not have flown that far on its own.",
    "Peruvian media reported that the border post had been abandoned overnight.",
])
def test_unnamed_experts_researchers_and_press_are_anonymous(annotate, text) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[0][2] is True


def test_state_media_is_a_named_voice_not_an_anonymous_one(annotate) -> None:
    doc = annotate("Chadian state media reported that the border post had been abandoned.",
                   "2025-03-01")
    assert _speakers(doc)[0][2] is False


@pytest.mark.parametrize("text", [
    # "they" after unnamed sources of the same country are those sources
    "Chilean officials said the patrol had been fired on. They said two soldiers were hurt.",
    # "who" after an unnamed source is that source
    "The death toll rose, according to a second source who said more bodies had been found.",
])
def test_a_pronoun_for_an_unnamed_source_is_unnamed(annotate, text) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1][2] is True


@pytest.mark.parametrize("text, declarer, condition", [
    # an ultimatum delivered, with what it demands; a dateline the parser took for a subject
    # names no declarer
    (("Chad's president Mahamat Deby gave the rebels a 48-hour ultimatum to leave the town."),
     "TCD", "not leave the town"),
    (("March 3, 2025 – Chad's president Mahamat Deby has issued the rebels a 48 hour ultimatum "
      "to withdraw as troops close in on the town."), "TCD", "not withdraw"),
    # a time given to do what is demanded, however the parser hangs the time
    ("Peru gave Chilean fishing crews 24 hours to leave its waters.", "PER",
     "not leave its waters"),
    # a condition with no subject of its own: the threatening party undergoes it
    ("Chile threatened to close the strait to all shipping if attacked.", "CHL", "attacked"),
    # a step judged an act of aggression
    (("Peru said it would regard any landing on the islands as an act of aggression."), "PER",
     "any landing"),
    # a demand with what refusing it brings, by other verbs than "face"
    ("Chile warned Peru to pull back its ships or bear the consequences.", "CHL",
     "pull back its ships"),
    # a vow to keep on until a step is taken, hung on the vow
    (("Peru vowed to keep striking the rebels' camps until the rebels released the crew."),
     "PER", "the rebels released the crew"),
    # the blame laid in advance for any such step
    ("Peru warned that Chile would bear full responsibility for any escalation.", "PER",
     "any escalation"),
    # what an unhesitating act would stop
    ("Peru said it would not hesitate to use force to stop the annexation of the islands.",
     "PER", "the annexation of the islands"),
    # whatever does what a relative clause says, promised a punishment
    (("“The hand that reaches into our waters must be cut off,” Peru's defence minister "
      "wrote."), "PER", "hand that reaches into our waters"),
])
def test_ultimatums_elliptical_conditions_and_judged_steps(annotate, text, declarer,
                                                           condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text, "2025-03-01")._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # an ultimatum only named, a hedge of the reporter's, a mediator's offer
    "Peru called the demands bold ultimatums that Chile would surely reject.",
    "If confirmed, Chile's strike would be the deadliest of the war, Peru said.",
    "Peru said it would intervene to mediate between the two sides if asked.",
    # costs borne, and a mediator who keeps on talking, threaten no one
    "Peru's ministry said it would bear responsibility for the reconstruction of the school.",
    "Peru's envoy vowed to continue the talks until a deal with Chile was reached.",
    # no step named, or no threat at all
    "Peru said it would not hesitate to defend itself.",
    "Peru said it would not hesitate to raise the dispute at the United Nations.",
    # what is done to a thing that is only described; discipline within a force
    "The bridge that links the two towns will be rebuilt next year, Peru said.",
    "Soldiers who break the rules will be punished, Peru's army said.",
])
def test_no_line_from_named_ultimatums_hedges_or_offers(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


def test_karabakh_armenian_authorities_and_forces_are_armenias_side(annotate) -> None:
    # the de facto republic speaks for Armenia's side, as its forces act for it
    doc = annotate("The Nagorno-Karabakh authorities said the shelling of Stepanakert had "
                   "resumed. Nagorno-Karabakh’s forces shelled Azerbaijani positions near "
                   "Shusha on Monday.", "2020-10-05")
    assert _speakers(doc)[0][:2] == ("ARM", "GOV")
    assert ("ARM", "ASSAULT", "AZE") in _dyads(doc)


def test_it_after_a_body_that_spoke_is_that_body_by_its_words(annotate) -> None:
    doc = annotate("Chile's navy said its frigate had left the disputed waters. It said the "
                   "patrol had been routine.", "2025-03-01")
    last = doc._.quotes[-1]
    assert last["speaker"]["code"] == "CHL" and "navy" in last["speaker"]["entity_text"]


def test_the_ministry_after_a_named_ministry_is_that_ministry_by_its_words(annotate) -> None:
    doc = annotate("Peru's Ministry of Defence said the drills had ended. The ministry said "
                   "all ships had returned to port.", "2025-03-01")
    last = doc._.quotes[-1]
    assert last["speaker"]["code"] == "PER" and "Defence" in last["speaker"]["entity_text"]


def test_unnamed_officials_speak_for_the_state_quoted_last(annotate) -> None:
    # not for the country the sentence between them made its subject
    doc = annotate("Peru's defence ministry said its patrol had been fired on near the border. "
                   "The ministry did not say how the Chilean troops had crossed. Officials "
                   "later said the patrol had been ambushed.", "2025-03-01")
    assert _speakers(doc)[-1] == ("PER", "GOV", True)


@pytest.mark.parametrize("text, actor, target", [
    (("Talks between Kabul and Islamabad stalled again. Since the spring the TTP has carried "
      "out a string of attacks on Pakistani police posts."), "REB", "COP"),
    (("Ethiopia and Eritrea traded accusations on Monday. Ethiopian federal troops shelled TPLF "
      "positions near the town on Tuesday."), "MIL", "REB"),
])
def test_a_states_forces_and_an_armed_group_of_its_own_are_each_others_target(
        annotate, text, actor, target) -> None:
    doc = annotate(text)
    assert any(e["actor"] and e["recipient"] and e["event_type"] == "ASSAULT"
               and e["actor"][0]["sector"] == actor and e["recipient"][0]["sector"] == target
               for e in doc._.events)


def test_two_bodies_of_one_state_are_not_each_others_target(annotate) -> None:
    doc = annotate("Sudan and Chad closed their border. The Sudanese army backed the Sudanese "
                   "government on Monday.")
    assert not any(e["actor"] and e["recipient"] and e["recipient"][0]["code"] == "SDN"
                   and e["recipient"][0]["sector"] for e in doc._.events)


@pytest.mark.parametrize("text, threat", [
    ("Moscow said it would hit back if Warsaw let the jets take off from its bases.",
     ("RUS", "THREATEN", "POL")),
    ("Tehran threatened further strikes if Israel targeted its oil terminals.",
     ("IRN", "THREATEN", "ISR")),
])
def test_a_conditional_threat_is_aimed_at_whom_its_condition_names(annotate, text, threat) -> None:
    assert threat in _dyads(annotate(text))


@pytest.mark.parametrize("text, act", [
    ("Athens said it has decided to expel two Turkish diplomats.", ("GRC", "SANCTION", "TUR")),
    ("The Georgian cabinet made a decision to ask Turkey for help with the fires.",
     ("GEO", "REQUEST", "TUR")),
])
def test_a_decision_told_as_taken_is_the_act_it_decides(annotate, text, act) -> None:
    assert act in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "Athens will decide next week whether to expel two Turkish diplomats.",
    "A decision to expel two Turkish diplomats is expected next week.",
])
def test_a_decision_still_to_come_is_no_act(annotate, text) -> None:
    assert not any(d[1] == "SANCTION" for d in _dyads(annotate(text)))


@pytest.mark.parametrize("text, sentence, act", [
    (('"Today is a day of mourning for our nation. Moscow will pay a heavy price for this '
      'raid," the Ukrainian defence minister said.'), "Moscow will pay",
     ("UKR", "THREATEN", "RUS")),
    (('"We spoke with Baku\'s envoy this morning. The shelling of our border villages is a '
      'flagrant violation of the truce," Armenia\'s foreign ministry said.'), "The shelling",
     ("ARM", "ACCUSE", "AZE")),
])
def test_a_quoted_act_is_told_in_the_sentence_of_its_words(annotate, text, sentence, act) -> None:
    # real reporting quotes several sentences at once; the act is the one that performs it
    doc = annotate(text)
    found = [e for e in doc._.events if (e["actor"][0]["code"] if e["actor"] else "",
                                         e["event_type"], e["recipient"][0]["code"]
                                         if e["recipient"] else "") == act]
    assert found and all(e["text"].startswith(sentence) for e in found)


def test_first_act_gives_where_the_performing_words_begin() -> None:
    assert first_act("We met them today. They will pay a heavy price.") == ("THREATEN", 29)
    assert first_act("Talks went well.") is None


@pytest.mark.parametrize("text, go_between", [
    ("The two rival militias signed a truce on Sunday, organized by Qatar and Turkey.", "QAT"),
    ("Ethiopia refused to sign the accord struck in May at talks mediated by Kenya.", "KEN"),
    ("Talks over the dam, mediated by Egypt, Qatar and the United States, stalled again.", "QAT"),
])
def test_a_go_between_is_no_side(annotate, text, go_between) -> None:
    # who mediates, brokers or organizes talks or a deal is not the other party to them
    doc = annotate(text)
    assert not any(r["code"] == go_between for e in doc._.events for r in e["recipient"])


@pytest.mark.parametrize("text, victim", [
    ("Three Armenian soldiers were killed and five others wounded in the shelling.", "ARM"),
    ("Dozens of Turkish sailors were missing or being held hostage after the raid.", "TUR"),
    ("The mourners remembered a Lebanese farmer whose son was killed in the blast.", "LBN"),
])
def test_who_a_passive_names_as_its_patient_does_not_act(annotate, text, victim) -> None:
    # a passive without its agent, coordinated or in a relative clause, tells who suffered
    doc = annotate(text)
    assert not any(a["code"] == victim for e in doc._.events for a in e["actor"])


def test_the_agent_of_the_act_a_passive_patient_suffered_in_acts(annotate) -> None:
    doc = annotate("Crowds mourned the Iraqi fighters who were killed in the US airstrikes.")
    assert ("USA", "ASSAULT", "IRQ") in _dyads(doc)


def test_a_question_on_a_line_of_its_own_asserts_nothing(annotate) -> None:
    doc = annotate("Why are Houthi rebels attacking Greek ships?\n\nThe rebels say they act for Gaza.")
    assert not any(e["event_type"] == "ASSAULT" for e in doc._.events
                   if not e["hypothetical"] and not e["negated"])


@pytest.mark.parametrize("text, sea", [
    ("Two Russian bombers entered Estonian airspace over the Gulf of Finland on Tuesday.", "FIN"),
    ("Iranian boats harassed a tanker in the Gulf of Oman, the navy said.", "OMN"),
])
def test_a_country_naming_a_sea_is_no_side(annotate, text, sea) -> None:
    doc = annotate(text)
    assert not any(p["code"] == sea for e in doc._.events for p in (*e["actor"], *e["recipient"]))


@pytest.mark.parametrize("text", [
    # a year named before it (the convention of groups D, H and J, not of O to V)
    ("Talks between Chad and Libya collapsed on 11 February 2022. Libyan units shelled "
     "Chad's border posts on 3 March."),
    ("Talks between Chad and Libya collapsed on 11 February 2022. In March, Libyan units "
     "shelled Chad's border posts."),
    # a caption's full date after it
    ("Libyan units shelled Chad's border posts on 30 October. Chad recalled its ambassador "
     "from Tripoli on Friday, 14 November 2025."),
])
def test_an_undated_page_leaves_a_day_without_its_year_undated(annotate, text) -> None:
    # most annotators of the newer groups (O to V) date nothing on a page that prints no date
    # but what names its year: "on 3 March" is of no known year, whatever year the page names
    shelling = [e for e in annotate(text, None)._.events if e["event_type"] == "ASSAULT"]
    assert shelling and all((e["date"], e["date_precision"]) == (None, "unknown")
                            for e in shelling)


def test_an_undated_page_dates_only_what_names_its_year(annotate) -> None:
    # the full date a page prints first is no day of what it tells in later paragraphs; a
    # sentence going on telling a dated one in its paragraph still happened that day
    text = ("Libyan units shelled Chad's border posts on Friday, 4 March 2022. Chad recalled "
            "its ambassador from Tripoli.\n\nChad expelled Libya's military attache.")
    doc = annotate(text, None)

    def dates_in(words: str) -> set[str | None]:
        start = text.index(words)
        return {e["date"] for e in doc._.events if not e["hypothetical"]
                and e["start"] <= start < e["end"]}

    assert dates_in("shelled") == dates_in("recalled") == {"2022-03-04"}
    assert dates_in("expelled") == {None}


def test_an_undated_page_dates_nothing_by_a_day_it_prints_after(annotate) -> None:
    doc = annotate("Chad recalled its ambassador from Tripoli.\n\n"
                   "Libyan units shelled Chad's border posts on 4 March 2022.", None)
    recall = [e for e in doc._.events if e["event_type"] == "SANCTION"]
    assert recall and all(e["date"] is None for e in recall)


@pytest.mark.parametrize("text, day", [
    ("Libyan units shelled Chad's border posts on Friday, Jan. 21, 2022.", "2022-01-21"),
    ("On Thursday, 12 June, Libyan units shelled Chad's border posts.", "2022-06-12"),
])
def test_a_weekday_written_with_its_date_dates_its_clause(annotate, text, day) -> None:
    # a caption's "Friday, Jan. 21, 2022" on a report of April 2023 is no Friday of its week
    doc = annotate(text, "2023-04-28")
    assert [e["date"] for e in doc._.events] == [day]


@pytest.mark.parametrize("text", [
    # no year anywhere before it: a day of no known year stays undated
    "Libyan units shelled Chad's border posts on 3 March.",
    # what counts from the report's day counts from nothing on an undated page
    "Talks collapsed on 11 February 2022. Libyan units shelled Chad's border posts on Tuesday.",
    # a standing position in the present goes on telling no day
    "Libyan units shelled Chad's border posts on 3 March 2022. Tripoli denounces the charge.",
])
def test_an_undated_page_leaves_undated_what_it_cannot_place(annotate, text) -> None:
    doc = annotate(text, None)
    last = [e for e in doc._.events if e["start"] >= text.rfind(". ") + 1 or ". " not in text]
    assert last and all(e["date"] is None and e["date_precision"] == "unknown" for e in last)


@pytest.mark.parametrize("span, began", [
    ("three months", ("2024-08-22", "month")),
    ("two days", ("2024-11-21", "day")),  # today and yesterday
    ("a year", ("2023-11-22", "year")),
])
def test_an_act_told_as_lasting_a_span_began_when_the_span_counts_back(annotate, span,
                                                                        began) -> None:
    doc = annotate(f"After {span} of fighting between Chad and Libya, the two sides agreed to "
                   "a truce.", "2024-11-22")
    fighting = [e for e in doc._.events if e["event_type"] == "ASSAULT"]
    assert [(e["date"], e["date_precision"]) for e in fighting] == [began]


@pytest.mark.parametrize("lead, day", [
    # the lead tells Sunday's story, published on Wednesday: so does the rest of the report
    ("Libyan units on Sunday shelled a border post in northern Chad.", "2024-11-17"),
    # a lead with no day, or one older than the week before publication, lends none
    ("Libyan units shelled a border post in northern Chad.", "2024-11-20"),
    ("Libyan units shelled a border post in northern Chad on 2 October.", "2024-11-20"),
])
def test_the_rest_of_a_report_tells_the_day_its_lead_names(annotate, lead, day) -> None:
    doc = annotate(f"{lead}\n\nThe shelling killed four soldiers.\n\nChad recalled its "
                   "ambassador from Tripoli.", "2024-11-20")
    recall = [e for e in doc._.events if e["start"] > doc.text.index("Chad recalled") - 1]
    assert recall and [e["date"] for e in recall] == [day] * len(recall)


@pytest.mark.parametrize("after, day", [
    # a lead that names no time leaves its day to the sentence after it
    ("The foreign ministry said on Monday that the envoy had 48 hours to leave.", "2024-11-18"),
    ("Chad's president met his security council on Sunday to weigh a reply.", "2024-11-17"),
    # a sentence after it that names no day of the week before publication lends none
    ("The foreign ministry said the envoy had 48 hours to leave.", "2024-11-20"),
    ("Relations have been tense since a border clash on 2 October.", "2024-11-20"),
    # a day counted from the report's own tells what came before the lead's news
    ("Libyan units shelled three border posts yesterday.", "2024-11-20"),
])
def test_a_lead_without_a_day_tells_the_day_the_sentence_after_it_names(annotate, after,
                                                                        day) -> None:
    lead = "Chad has expelled a Libyan diplomat over the shelling of its border posts."
    doc = annotate(f"{lead}\n\n{after}", "2024-11-20")
    expelled = [e for e in doc._.events if e["start"] < len(lead)]
    assert expelled and [e["date"] for e in expelled] == [day] * len(expelled)


@pytest.mark.parametrize("head", ["separatists", "marines", "mayor"])
def test_a_relative_clause_on_a_word_that_begins_like_a_month_keeps_its_date(annotate,
                                                                             head) -> None:
    # "sep-", "mar-", "may-" are no month: the clause's "last week" is its own, not the
    # ultimatum's
    text = f"Chad sent an ultimatum to the {head} who seized the border town last week."
    doc = annotate(text, "2024-11-20")
    sent = [e for e in doc._.events if e["event_type"] == "THREATEN"]
    assert sent and all((e["date"], e["date_precision"]) == ("2024-11-20", "day")
                        for e in sent), sent


@pytest.mark.parametrize("state, undated", [
    # an act named inside a state of affairs told in the present is its background: no day
    ("The row has deep roots, drawing in accusations of raids by both sides.", True),
    # a present that reports speech tells the day's news
    ("Chad says Libyan units shelled its border posts.", False),
])
def test_an_act_named_in_a_present_state_of_affairs_takes_no_day(annotate, state,
                                                                 undated) -> None:
    text = f"Chad recalled its ambassador from Tripoli on Monday.\n\n{state}"
    doc = annotate(text, "2024-11-22")
    named = [e for e in doc._.events if e["start"] >= text.index(state)]
    assert named and all((e["date"] is None) == undated for e in named)


@pytest.mark.parametrize("tally, undated", [
    # a tally of acts over time, told in the perfect, happened on no one day
    ("Libyan forces have shelled more than 300 Chadian villages.", True),
    ("Libyan forces have shelled hundreds of Chadian villages.", True),
    # a count alone is one act
    ("Libyan forces have shelled 30 Chadian villages.", False),
    # a build-up stands on the day it is reported (STANDING_TYPES)
    ("Libyan forces have massed more than 3,000 troops near the Chadian border.", False),
])
def test_a_tally_told_in_the_perfect_takes_no_day(annotate, tally, undated) -> None:
    text = f"Chad closed its border with Libya.\n\n{tally}"
    doc = annotate(text, "2024-11-22")
    shelled = [e for e in doc._.events if e["start"] >= text.index(tally)]
    assert shelled and all((e["date"] is None) == undated for e in shelled)


def test_an_act_named_in_a_relative_clause_takes_that_clauses_date(annotate) -> None:
    # the shelling is the relative clause's object: its date is the clause's, not the closing's
    doc = annotate("Chad closed its border with Libya on Tuesday, a move that followed Libyan "
                   "shelling of Chadian posts in March.", "2024-11-22")
    dated = {e["event_type"]: (e["date"], e["date_precision"]) for e in doc._.events}
    assert dated["ASSAULT"] == ("2024-03-01", "month")
    assert dated["SANCTION"] == ("2024-11-19", "day")


@pytest.mark.parametrize("text, venue", [
    ("Chad and Niger reached a border deal in Rabat on Friday.", "MAR"),
    (("Lebanon's Foreign Minister Youssef Rajji and army chief Rodolphe Haykal met September 3 "
     "with Syrian Minister of Foreign Affairs Asaad Hassan in Rome to discuss border and refugee "
     "conditions in eastern Lebanon."), "ITA"),
    (("Delegates of nine states held a crisis summit in Accra under the auspices of the African "
     "Union."), "GHA"),
])
def test_where_sides_meet_or_settle_names_none_of_them(annotate, text, venue) -> None:
    doc = annotate(text)
    assert not any(side["code"] == venue for e in doc._.events
                   for side in (*e["actor"], *e["recipient"]))


def test_a_visit_still_names_its_host(annotate) -> None:
    doc = annotate("The Iraqi president arrived in Amman on an unannounced visit on Wednesday.")
    assert ("IRQ", "CONSULT", "JOR") in _dyads(doc)


@pytest.mark.parametrize("text, sense", [
    # asking a question, naming, acknowledging a fact and showing request, recognise and
    # protest nothing (COMPLEMENT_SENSES)
    ("A radio host had asked two former envoys on her show about whether Tehran would back down.",
     "REQUEST"),
    (("Israel's military said on Sunday it had hit scores of sites in Tehran overnight, among them "
     "what it called a hub for the \"design and testing of Iran's rocket arsenal.\""),
     "REQUEST"),
    ("The premier recognized that the reform was being pushed too fast by Brussels.", "SUPPORT"),
    ("The raid demonstrated the militia's growing ability to reach the capital.", "PROTEST"),
])
def test_a_trigger_in_its_everyday_sense_by_its_complement(annotate, text, sense) -> None:
    doc = annotate(text)
    assert not any(e["event_type"] == sense for e in doc._.events)


@pytest.mark.parametrize("text, act", [
    ("Kosovo asked Serbia for the return of the three officers.", ("XKX", "REQUEST", "SRB")),
    ("Ukraine asked the UN to investigate whether Russia used banned weapons.",
     ("UKR", "REQUEST", "IGO")),
    ("An official Syrian newspaper called on Thursday on Arab states to rally against Israel.",
     ("SYR", "REQUEST", "")),
])
def test_a_request_by_its_complement_is_still_one(annotate, text, act) -> None:
    actor, event_type, _ = act
    assert any(a == actor and t == event_type for a, t, _ in _dyads(annotate(text)))


def test_asking_for_something_is_a_request_whatever_clause_of_time_follows(annotate) -> None:
    doc = annotate("Egypt's president plans to ask Washington for more air defence systems when the "
                   "two leaders meet next week.")
    assert any(e["event_type"] == "REQUEST" and e["hypothetical"]
               and [a["code"] for a in e["actor"]] == ["EGY"] for e in doc._.events)


@pytest.mark.parametrize("text, home", [
    (("Israel said it would press on. Israel's army struck Hezbollah again. Israel's cabinet met "
     "late. Lebanon's health ministry said the toll rose. Israeli warplanes meanwhile carried "
     "out fresh airstrikes on Friday."), "ISR"),
    (("Russia said its offensive was on track. Russia's defence ministry gave no figures. Ukraine "
     "said Kyiv's forces held the line. Russian troops had taken about half of the town, "
     "Russia's state media said."), "RUS"),
])
def test_a_states_forces_in_a_war_with_another_do_not_fight_at_home(annotate, text, home) -> None:
    # a report about a war between two states: the report's own country is not the target
    doc = annotate(text)
    assert (home, "ASSAULT", home) not in _dyads(doc)


def test_a_state_fighting_a_rebellion_at_home_still_does(annotate) -> None:
    doc = annotate("Congo cut ties with Rwanda. Rwanda denied backing the M23 rebels. Fighting "
                   "between the M23 and Congo's army raged again on Monday. Congo's army shelled "
                   "positions near Goma.")
    assert ("COD", "ASSAULT", "COD") in _dyads(doc)


@pytest.mark.parametrize("text", [
    # what another party may do is a forecast, not the speaker's threat
    ("“If it is not stopped, Chile could build a nuclear bomb within months,” Peru's prime "
     "minister said."),
    # a clause that tells what was says nothing of what those who do X will face
    ("According to Peru's foreign ministry, Chile's attack caused tensions inside the cabinet "
     "between those who want to quit the talks and those who want to press on."),
    # "as if" compares; it sets no condition
    "Peru's defence minister said Chile's navy behaved as if it were at war with Peru.",
    # the press and analysts tell of risks; they draw no line
    "Yonhap said that if the talks fail, North Korea will resume its missile tests.",
    ("Analysts at Peru's Catholic University said that if the talks fail, Chile will resume "
     "its strikes on the border towns."),
])
def test_no_line_from_forecasts_past_facts_or_comparisons(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


def test_a_step_read_by_two_patterns_is_one_line(annotate) -> None:
    doc = annotate("Peru warned that any territory that serves as a launch point for attacks "
                   "on Peru will be targeted.", "2025-03-01")
    assert [r["condition"] for r in doc._.red_lines] == [
        "any territory that serves as a launch point for attacks on Peru"]


@pytest.mark.parametrize("text", [
    "Chile's navy fired on a fishing boat, Peruvian state television said.",
    "Chile's navy fired on a fishing boat, Peru's state news agency said.",
])
def test_media_the_text_calls_the_states_are_of_it_and_no_states_voice(annotate, text) -> None:
    # as most annotator groups code state media (C, E, F and J code them as the state's)
    assert _speakers(annotate(text, "2025-03-01")) == [("PER", "MED", False)]


@pytest.mark.parametrize("text, condition, consequence", [
    # a participle the parser read as the condition's verb, its true verb hung above it
    (("Peru's president said that if fighter jets supplied to Chile operated from airfields in "
      "third countries, those airfields would become legitimate targets for Peru."),
     "fighter jets supplied to Chile operated from airfields in third countries",
     "those airfields would become legitimate targets for Peru"),
    # an inverted condition said before what follows it, both hung on the speech verb
    (("Peru's army spokesman warned that should Chile choose to widen the fighting, Peru would "
      "be obliged to respond."), "Chile choose to widen the fighting",
     "Peru would be obliged to respond"),
    # "in which case" points back to the condition stated before it
    (("Peru's foreign minister said the operation had ended unless Chile chose to invite further "
      "retaliation, in which case Peru's answer would be stronger."),
     "Chile chose to invite further retaliation", "Peru's answer would be stronger"),
    # the step is the subject, not the words that set the scene before it
    (("Peru's president said that under the new pact an attack on Bolivia would be treated as an "
      "attack on Peru."), "an attack on Bolivia", "would be treated as an attack on Peru"),
    # a verb that shares the future of the one before it, and countermeasures against every step
    (("“We warn that we will track each step of the enemy and take strong countermeasures "
      "against every move hostile to our forces,” Peru's defence minister said."),
     "every move hostile to our forces", "take strong countermeasures"),
])
def test_condition_shapes_the_parser_splits(annotate, text, condition, consequence) -> None:
    found = [(r["declarer"]["code"], r["condition"], r["consequence"])
             for r in annotate(text, "2025-03-01")._.red_lines]
    assert ("PER", condition, consequence) in found, found


@pytest.mark.parametrize("text, speaker", [
    # a body after its words is of the state its words make their subject
    (("Peru summoned Chile's envoy. Chile said on Monday it had begun drills near the border. "
      "Peru handed the Chilean envoy a note of protest urging Chile to halt its violations, the "
      "foreign ministry said late on Monday."), ("PER", "GOV", False)),
    (("China Carries Out Provocative Moves At The Lake.\nIndian troops pre-empted the PLA's "
      "move near the northern shore of the lake, the Army said."), ("IND", "MIL", False)),
])
def test_a_body_after_its_words_is_of_their_subjects_state(annotate, text, speaker) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == speaker


@pytest.mark.parametrize("text", [
    ("West African leaders gave Niger's junta one week to reinstate the president or face the "
     "use of force."),
    ("Southeast Asian bloc leaders warned that any attack on a member would be met with a joint "
     "response."),
])
def test_a_bloc_named_by_where_its_members_are_holds_its_line(annotate, text) -> None:
    assert [r["declarer"]["code"] for r in annotate(text, "2023-08-01")._.red_lines] == ["IGO"]


@pytest.mark.parametrize("text, condition", [
    ("Peru's army said further provocations will be met with a decisive response.",
     "further provocations"),
    ("Peru warned that another incursion would trigger a military response.",
     "another incursion"),
])
def test_a_further_step_met_with_a_response_is_a_line(annotate, text, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text, "2025-03-01")._.red_lines]
    assert found == [("PER", condition)]


@pytest.mark.parametrize("text, dyad", [
    ("Ecuador described Colombia's seizure of the tanker as an act of piracy.",
     ("ECU", "ACCUSE", "COL")),
    # naming a leader a criminal is no telephone call
    ("Bolivia's president has called the Chilean leader a \"criminal\".",
     ("BOL", "ACCUSE", "CHL")),
])
def test_naming_what_another_did_with_a_word_of_disapproval_accuses(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text, "2025-03-01"))


def test_naming_without_disapproval_accuses_no_one(annotate) -> None:
    doc = annotate("Peru called the talks with Chile a success.", "2025-03-01")
    assert not any(e["event_type"] == "ACCUSE" for e in doc._.events)


@pytest.mark.parametrize("text, dyad", [
    ("The Greek army has been put on full combat readiness over tensions with Turkey.",
     ("GRC", "MOBILIZE", "TUR")),
    ("The Indian military is maintaining a firm readiness posture along the border with China.",
     ("IND", "MOBILIZE", "CHN")),
])
def test_forces_put_or_kept_on_alert_mobilize(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text, "2025-03-01"))


def test_what_an_accusation_is_aimed_at_does_not_place_its_maker(annotate) -> None:
    doc = annotate("The communique condemned the detention of Peru's president as a kidnapping.",
                   "2025-03-01")
    accusers = [a["code"] for e in doc._.events if e["event_type"] == "ACCUSE" for a in e["actor"]]
    assert accusers and "PER" not in accusers


@pytest.mark.parametrize("text, dyad", [
    ("A Houthi drone attack hit three fuel depots in Saudi Arabia in March.",
     ("YEM", "ASSAULT", "SAU")),
    ("Israeli warplanes carried out attacks aimed at Iranian positions near Damascus.",
     ("ISR", "ASSAULT", "IRN")),
])
def test_what_an_act_named_by_a_noun_hit_is_its_verbs_object(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text, "2025-03-01"))


def test_a_case_brought_at_home_is_placed_by_whom_it_is_brought_against(annotate) -> None:
    doc = annotate("Judge Maria Lopez opened fraud investigations against 12 Peruvian government "
                   "officials, the court said.", "2025-03-01")
    assert ("PER", "ACCUSE", "PER") in _dyads(doc)


@pytest.mark.parametrize("text", [
    "The army described the raids as anti-terrorist operations.",
    "Peru launched what it called a campaign against terrorism on the border.",
])
def test_a_name_given_without_disapproval_of_another_accuses_no_one(annotate, text) -> None:
    assert not any(e["event_type"] == "ACCUSE" for e in annotate(text, "2025-03-01")._.events)


@pytest.mark.parametrize("text, declarer, condition", [
    # reported speech shifts the future back: "crossed" is what anyone may yet do
    ("Sudan's army chief said his troops would shoot anyone who crossed the river.", "SDN",
     "crossed the river"),
    # an infinitive vowed is what the speaker says will be done
    (("Iran's navy commander spoke on state television, vowing to sink any tanker that enters "
      "the strait without permission."), "IRN", "tanker that enters the strait"),
    # under a warning, whatever a step would bring about is threatened
    (("Turkey's foreign minister warned that Greek militarisation of the islands would lead to "
      "serious consequences."), "TUR", "Greek militarisation of the islands"),
    # "any" said of the noun a step is told by
    (("Seoul's defence ministry said its troops will respond firmly to the incursion of any "
      "drone into the capital's airspace."), "KOR", "the incursion of any drone"),
    # a warning told as a noun
    (("Washington's envoy delivered a stern warning to Belgrade about the consequences of any "
      "attack on the peacekeepers."), "USA", "any attack on the peacekeepers"),
])
def test_red_line_shapes_of_reported_speech(annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # "even if" concedes: it sets no condition
    "Israel's prime minister said the offensive would continue even if a hostage deal was reached.",
    # a threat a relative clause tells of is no warning the speaker gives
    ("“There can be no peace in the region if we do not defeat this movement that threatens us "
     "all,” the Israeli prime minister said."),
])
def test_no_red_line_from_a_concession_or_a_told_threat(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


def test_a_second_condition_sharpens_the_line_of_its_sentence(annotate) -> None:
    doc = annotate("Hezbollah said it will respond forcefully to any Israeli attack, especially "
                   "if civilians are killed, with severe consequences.")
    assert len(doc._.red_lines) == 1


@pytest.mark.parametrize("text, code", [
    ("The governor of Luhansk region, Ivan Petrenko, said shelling went on through the night.",
     "UKR"),
    ("The deputy governor of Khuzestan province, Reza Karimi, said two border posts were hit.",
     "IRN"),
])
def test_a_regional_official_speaks_for_the_state_of_the_region(annotate, text, code) -> None:
    (quote,) = annotate(text)._.quotes
    assert (quote["speaker"]["code"], quote["speaker"]["sector"]) == (code, "GOV")


def test_a_name_joined_by_a_hyphen_is_no_known_surname(annotate) -> None:
    (quote,) = annotate("Atomic energy chief Ali-Akbar Rahimi said enrichment would go on.")._.quotes
    assert quote["speaker"] is None or quote["speaker"]["code"] != "GUY"


def test_an_undated_report_takes_the_office_its_title_names(annotate) -> None:
    (quote,) = annotate("Estonian Prime Minister Kaja Kallas said the buoys had been removed "
                        "overnight.", None)._.quotes
    assert (quote["speaker"]["code"], quote["speaker"]["sector"]) == ("EST", "GOV")


def test_an_unnamed_official_of_a_named_body_is_not_the_reports_country(annotate) -> None:
    doc = annotate("China said the airship was a civilian balloon. China said it had strayed. "
                   "“The trip is off,” a deputy US Department of State official said on Sunday.")
    assert doc._.quotes[-1]["speaker"]["code"] == "USA"


@pytest.mark.parametrize("text, code", [
    ("Sudan's army shelled the market. Sudan's army denied it. Doctors said 40 people died there.",
     "SDN"),
    (("Thai troops fired at the border. Thailand closed the crossings. An unidentified woman said "
      "her house had been hit."), "THA"),
])
def test_unnamed_people_at_the_scene_are_of_the_reports_country(annotate, text, code) -> None:
    quote = annotate(text)._.quotes[-1]
    assert (quote["speaker"]["code"], quote["speaker"]["sector"], quote["anonymous"]) == (
        code, "CVL", True)


def test_a_sentences_first_capital_is_no_name_qualifier(annotate) -> None:
    doc = annotate("The United States shot down the balloon. The United States said it was a spy "
                   "craft. Senior defense officials said the debris fell into the sea.")
    assert doc._.quotes[-1]["speaker"]["code"] == "USA"


@pytest.mark.parametrize("text, declarer", [
    # the line is declared inside what the sentence tells, not by the medium that reports it
    (("According to Reuters, the row began when Japan's prime minister said that any attack on "
      "Japanese ships would necessitate a military response."), "JPN"),
    (("The US envoy delivered a warning to Beijing about the consequences of any arms sales to "
      "Moscow, Chinese officials said."), "USA"),
])
def test_the_declarer_is_who_declares_inside_what_is_reported(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text, declarer", [
    # an inverted condition hung on the verb of threatening, after the act threatened
    (("Kenya's government also threatened to cut off fuel supplies to the rebels should they "
      "fail to withdraw from the town."), "KEN"),
    # a dateline before the subject is no declarer
    (("Accra, May 5, 2024: West African leaders have issued a 48-hour ultimatum to the "
      "soldiers to free the president."), "IGO"),
])
def test_threats_after_the_act_and_under_a_dateline(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


def test_a_line_drawn_in_a_relative_clause_on_the_step(annotate) -> None:
    doc = annotate("Turkey's planned offensive on Kobani would push thousands toward the border – a "
                   "development Syrian officials had declared would cross a red line.")
    assert [(r["declarer"]["code"], r["kind"]) for r in doc._.red_lines] == [("SYR", "red_line")]


@pytest.mark.parametrize("text", [
    "Shelling went on in Omdurman. Sudan's paramilitaries said they held the bridge.",
    "Rockets hit Ashkelon. The Palestinian group's armed wing said it had fired them.",
])
def test_an_armed_group_of_a_country_is_not_its_state(annotate, text) -> None:
    quote = annotate(text)._.quotes[-1]
    assert quote["speaker"]["sector"] not in ("GOV", "MIL")


def test_he_goes_on_with_whose_the_main_subject_is(annotate) -> None:
    doc = annotate("A speech by Iran's leader Ali Khamenei aired on Friday, as Donald Trump "
                   "weighed strikes. Khamenei's speech stressed the country's resolve. “We will "
                   "not surrender,” he said.")
    assert doc._.quotes[-1]["speaker"]["code"] == "IRN"


@pytest.mark.parametrize("text, declarer", [
    (("The Taliban said they would not free the two engineers unless Pakistan released its "
      "prisoners."), "AFG"),
    ("Mali's junta said it would not sign the accord until Algeria recalled its envoy.", "MLI"),
])
def test_a_party_withholding_its_own_act_makes_a_demand(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text, declarer", [
    # a time given by its end
    ("Turkey gave the militia until Friday night to withdraw from the town.", "TUR"),
    # an arrest promised whoever takes the step
    ("Georgia's interior minister said police would arrest anyone who stormed parliament.", "GEO"),
])
def test_deadlines_by_their_end_and_arrests_promised(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


def test_a_risk_an_international_body_tells_is_no_line(annotate) -> None:
    doc = annotate("If the fighting spreads, millions more people could go hungry, the World Food "
                   "Programme warned.")
    assert doc._.red_lines == ()


def test_withholding_until_a_state_of_things_demands_nothing(annotate) -> None:
    doc = annotate("Japan's central bank said it would not change rates until inflation eased.")
    assert doc._.red_lines == ()


def _all_dyads(doc) -> set[tuple[str, str, str, bool]]:
    return {(e["actor"][0]["code"] if e["actor"] else "", e["event_type"],
             e["recipient"][0]["code"] if e["recipient"] else "", e["hypothetical"])
            for e in doc._.events if not e["negated"]}


@pytest.mark.parametrize("text, wrong", [
    # a possessive or reflexive the subject binds is the actor's own, not another side placed
    # by the sentence's first country
    ("Chile blamed the blast on Peru, but Peru did not confirm or deny its role.",
     ("PER", "REJECT", "CHL")),
    (("Bolivia's president said in March his country would defend itself if Paraguay went "
     "ahead with the dam."), ("BOL", "AGREE", "PRY")),
])
def test_the_subjects_own_pronoun_is_no_recipient(annotate, text, wrong) -> None:
    assert wrong not in _dyads(annotate(text))


def test_the_subjects_own_thing_stays_at_home(annotate) -> None:
    assert ("PER", "CONCEDE", "PER") in _dyads(annotate("Lima lifted its ban on imports from "
                                                        "the region on Monday."))


@pytest.mark.parametrize("text", [
    "Peruvian officials will hold talks in Quito on Saturday with their Chilean counterparts.",
    "Peru's foreign minister will meet Chilean envoys in Geneva today to discuss the border.",
])
def test_a_planned_meeting_is_a_hypothetical_consultation(annotate, text) -> None:
    found = _all_dyads(annotate(text))
    assert ("PER", "CONSULT", "CHL", True) in found
    assert ("PER", "AGREE", "CHL", False) not in found


@pytest.mark.parametrize("text", [
    "Peru is ready to talk with Chile about the border.",
    # PLOVER's gold codes a visit announced as a stated intent to meet (CAMEO 036)
    "Peru's foreign minister will visit Chile in June, the embassy said.",
])
def test_an_offer_to_talk_or_a_visit_announced_is_still_an_agreement(annotate, text) -> None:
    assert ("PER", "AGREE", "CHL") in _dyads(annotate(text))


@pytest.mark.parametrize("text, alleged", [
    ("Chile has denied allegations that it is supplying weapons to the rebels in Peru.",
     ("CHL", "AID", "PER")),
    (("The new measures follow accusations that Peru shelled Chilean border posts, killing two "
     "guards."), ("PER", "ASSAULT", "CHL")),
])
def test_what_an_allegation_says_was_done_is_alleged(annotate, text, alleged) -> None:
    found = _all_dyads(annotate(text))
    assert (*alleged, True) in found and (*alleged, False) not in found


def test_the_pair_a_speaker_tells_of_is_led_by_the_speaker(annotate) -> None:
    doc = annotate("After a phone call with Putin, Erdogan said the two leaders would meet in "
                   "Ankara next month.")
    assert ("TUR", "CONSULT", "RUS", True) in _all_dyads(doc)


@pytest.mark.parametrize("text, dyad, not_dyad", [
    # a subject pronoun continues the subject of the nearest clause above it that has one (or
    # that subject's owner), not the main subject of its sentence or of the sentence before
    (("In a statement, Chile's foreign ministry said that Peru ignored decades of friendship "
      "when it sent its own foreign minister to Bolivia."), ("PER", "CONSULT", "BOL"),
     ("CHL", "CONSULT", "BOL")),
    (("Bolivia blamed Chile for the clashes. Peru's offensive peaked in March, when it launched "
      "strikes on Chilean border posts."), ("PER", "ASSAULT", "CHL"), ("BOL", "ASSAULT", "CHL")),
    ("Hungary said it will support the sanctions on Russia.", ("HUN", "AGREE", "RUS"), None),
])
def test_a_subject_pronoun_continues_the_nearest_clause_subject(annotate, text, dyad,
                                                                 not_dyad) -> None:
    found = _dyads(annotate(text))
    assert dyad in found and not_dyad not in found


def test_violating_a_countrys_airspace_is_an_incursion(annotate) -> None:
    found = _dyads(annotate("Two Peruvian fighter jets violated Chile's airspace on Monday."))
    assert ("PER", "COERCE", "CHL") in found and ("PER", "REJECT", "CHL") not in found


@pytest.mark.parametrize("text, last", [
    # the country its words made their subject is not who goes on speaking
    (("Greece's coast guard said Turkey had sent a survey ship close to Crete. It said the ship "
      "left the area by evening."), ("GRC", "GOV", False)),
    # nor over a sentence in which "it" acted
    (("Peru's foreign ministry said Chile had summoned its ambassador. It called on Santiago to "
      "explain the move. It said the decision was a mistake."), ("PER", "GOV", False)),
    # another side the subject of a sentence between: "it" may be that side
    (("Ghana's interior ministry said Togo had detained three of its citizens. Togo denied the "
      "report. It said the men had crossed illegally."), ("TGO", "GOV", False)),
])
def test_it_goes_on_with_the_body_that_spoke_last(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


def test_the_ministry_is_the_ministry_quoted_before(annotate) -> None:
    doc = annotate("Pakistan's foreign ministry said the strikes hit hideouts inside Afghanistan. "
                   "Afghanistan had failed to act against the militants, the ministry said.")
    assert _speakers(doc)[-1] == ("PAK", "GOV", False)
    assert doc._.quotes[-1]["speaker"]["entity_text"] == "Pakistan's foreign ministry"


@pytest.mark.parametrize("text, first", [
    ("A spokesman for Norway's foreign ministry said the talks would go on next week.",
     ("NOR", "GOV", True)),
    ("A Chilean defence ministry spokeswoman said the patrol had returned to port.",
     ("CHL", "MIL", True)),
    # a spokesperson named is no unnamed source
    ("Norway's foreign ministry spokesman Lars Holm said the talks would go on next week.",
     ("NOR", "GOV", False)),
])
def test_a_spokesperson_the_text_does_not_name_is_anonymous(annotate, text, first) -> None:
    assert _speakers(annotate(text))[0] == first


@pytest.mark.parametrize("text", [
    "Many see the new border fence as a provocation aimed at the whole region.",
    "The protesters in the capital demanded the resignation of the interior minister.",
    "Some accounts describe the deployment as a de facto occupation of the valley.",
])
def test_people_the_text_does_not_name_are_anonymous(annotate, text) -> None:
    assert _speakers(annotate(text))[0][2] is True


@pytest.mark.parametrize("text, first", [
    # a name hyphenated after its first word is still a full name
    ("Paraguayan Finance Minister Park Min-ho said the tariffs would hurt exporters.",
     ("PRY", "GOV", False)),
    # an office's name holds "of" and hyphens
    (("Chilean Secretary of Commerce Jane Holloway said the new rules would protect national "
      "security."), ("CHL", "GOV", False)),
    (("Peruvian navy commander-in-chief Tomas Herrera said the patrol had turned back the "
      "trawlers."), ("PER", "MIL", False)),
    # the chief of a state body holds an office
    ("Bolivian energy agency chief Omar Quiroga said the plant would restart on Monday.",
     ("BOL", "GOV", False)),
])
def test_an_office_holder_the_knowledge_base_does_not_know_speaks_by_the_title(
        annotate, text, first) -> None:
    assert _speakers(annotate(text))[0] == first


def test_a_company_chief_executive_holds_no_office(annotate) -> None:
    doc = annotate("Andean Mining chief executive Luis Ortega said the mine would stay shut.")
    assert all(sector != "GOV" for _, sector, _ in _speakers(doc))


@pytest.mark.parametrize("text, last", [
    # unnamed officials after their words speak for the state whose office holder those words
    # make their subject
    (("US President Daniel Roth paused an arms shipment to Peru last week to keep the bombs out "
      "of the assault on the city, administration officials said on Tuesday."),
     ("USA", "GOV", True)),
    # "officials" bare is a new group, not the officials quoted before
    (("Two officials of Chad's ruling party said the vote would be held in May. Niger has blamed "
      "the party for the delay, and officials have said they expect talks soon."),
     ("NER", "GOV", True)),
])
def test_unnamed_officials_are_placed_by_what_they_tell(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


@pytest.mark.parametrize("text, declarer, condition", [
    # a red line said in a clause hung on what was sent or said
    (("Armenia's army chief said the shelling sent a “clear signal to Baku” that Armenia's borders "
      "were its “red line”."), "ARM", "borders"),
    # what is declared a red line, as the verb's object
    (("Chad has denied the reports and warned against any new incursion, declaring Sudan's "
      "advance on the oasis a red line."), "TCD", "advance on the oasis"),
    # a condition with no subject of its own, in quotation marks
    (("Speaking on television, Ortega warned that Nicaragua would take up arms if “invaded,” "
      "and accused Costa Rica of plotting a coup."), "NIC", "invaded"),
    # a class of targets in the passive, shot down
    (("The Greek prime minister asserted Turkish aircraft threatening Greek vessels “will be "
      "shot down.”"), "GRC", "aircraft threatening Greek vessels"),
    # a time named by what happens in it
    (("“The moment when a Latvian drone is spotted over our border once more, it will surely "
      "end in disaster,” Belarus's army chief said."), "BLR",
     "drone is spotted over our border"),
    # what a party is to answer for, told by a clause
    (("“I warn that the Chilean government will be held accountable for whatever happens next,” "
      "Bolivia's president said."), "BOL", "whatever happens next"),
    # a class of targets named by a pronoun, qualified in quotation marks
    (("Colombia will keep its frigates in the area and sink anyone “smuggling arms across those "
      "waters,” the Colombian defence minister said."), "COL", "smuggling arms"),
    # what the other party would undergo is the threat made to it, not a forecast
    (("Serbia's prime minister issued a warning that Kosovo might suffer grave consequences if "
      "its police go on patrolling the north."), "SRB", "police go on patrolling"),
])
def test_red_line_shapes_of_reported_speech_and_conditions(annotate, text, declarer,
                                                          condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # a condition on a fact not known sets no line
    ("If Lithuania's claim is true, it would be the first direct military clash between the "
     "alliance and Belarus since the invasion began."),
    # a lawsuit is no case in which anything will happen
    ("The court in The Hague gave its ruling as an interim step in a case filed by Bosnia "
     "against Serbia, accusing Belgrade of war crimes in the valley."),
])
def test_no_red_line_from_a_fact_unknown_or_a_lawsuit(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, declarer, condition", [
    # the words linking the clause to what went before are no part of the step
    (("Azerbaijan's leader said last week that such rockets could not be fired without Russian "
      "crews, and so any delivery of those rockets to Armenia would trigger a “dangerous new "
      "round of escalation”."), "AZE", "any delivery of those rockets"),
    # the end of a regime is a threat's word
    (("In response, Japan's defence ministry said that China will face “the end of the regime” "
      "if it ever causes any harm to Japanese fishermen."), "JPN", "causes any harm"),
    # a case the report told before, in a clause hung in a relative one
    # what goes on following a step taken again is what it means
    (("Russia's foreign ministry spokeswoman called Georgia's attempt to use force "
      "unacceptable, and said that such provocations will continue to meet a firm "
      "response."), "RUS", "such provocations"),
    (("Turkey's president warned that arming the militia would put Turkey at war with Syria. He "
      "said Turkey would respond as required, given the risks it would run in such a "
      "scenario."), "TUR", "such a scenario"),
])
def test_red_line_steps_told_by_links_and_cases(annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # an envoy or a mission given days or hours to leave is expelled (O 3, P 1, G 1, L 1 false;
    # one annotator of D codes it as an ultimatum): the term of an act done, not a line drawn
    "Chile gave the Peruvian ambassador three days to leave.",
    "Bolivia told Chile's ambassador to leave La Paz within two days, its foreign ministry said.",
    "Chile expelled a senior Peruvian diplomat on Monday, asking him to leave within five days.",
    ("Chile's foreign ministry said a counsellor at the Peruvian embassy had meddled in its "
     "politics and was now being given four days to leave Chile."),
    "Peru gave the visiting election observers seven days to leave its territory.",
])
def test_an_expulsion_with_days_to_leave_is_no_line(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


def test_an_order_told_as_what_came_before_is_no_line(annotate) -> None:
    text = ("Monday's expulsions came after the former Belgian colony ordered 15 Belgian diplomats "
            "to leave within 72 hours.")
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, declarer, condition", [
    # a reply is a response
    (("Armenia warned Azerbaijan that any provocation along the border would be met with a "
      "befitting reply."), "ARM", "any provocation along the border"),
    # a hostile act is judged in war words
    ("The Kremlin said it would regard the delivery of such missiles as a hostile act.", "RUS",
     "the delivery of such missiles"),
    # under a warning, what a step would have
    ("Washington warned that Chinese support for Russia's war would have consequences.", "USA",
     "Chinese support"),
    # warned against crossing a red line
    ("China warns US against crossing red lines on Taiwan", "CHN", "crossing red lines"),
    # a step that, in the present, crosses a red line
    (("Egypt's foreign minister said the forced displacement of Palestinians to Egypt crosses a "
      "red line."), "EGY", "forced displacement"),
])
def test_red_line_words_of_replies_hostile_acts_and_crossings(annotate, text, declarer,
                                                             condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


def test_a_party_said_to_cross_red_lines_is_accused_not_warned(annotate) -> None:
    assert annotate("Hezbollah's leader says Israel crosses all red lines")._.red_lines == ()


@pytest.mark.parametrize("text, declarer, condition", [
    # a step answered, in the passive, with a threat's words
    (("Iran's supreme leader said that an attack on Iranian soil would be answered with a "
      "decisive response."), "IRN", "an attack on Iranian soil"),
    # "never" refuses as "not" does
    ("Ankara's president vowed that Turkey would never allow Syria to build a dam on the river.",
     "TUR", "Syria to build a dam"),
    # a time given to restore what was overturned
    ("The African Union gave the junta 15 days to restore constitutional order.", "IGO",
     "restore constitutional order"),
])
def test_red_lines_answered_refused_never_and_given_a_time(annotate, text, declarer,
                                                          condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


def test_a_question_answered_is_no_line(annotate) -> None:
    text = "The minister said the question would be answered by the committee next week."
    assert annotate(text)._.red_lines == ()


def test_a_warning_named_by_a_noun_frames_the_line(annotate) -> None:
    # the parser cuts the consequence at the ellipsis; the warning that frames it still marks it
    text = ("“Take this as a WARNING that if Venezuela harms any Guyanese, or their homes, our "
            "forces have…marked 30 Venezuelan bases,” the Guyanese president said on "
            "Sunday.")
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == ["GUY"]


@pytest.mark.parametrize("text", [
    # what another would undergo, with no threat's words, is a forecast
    ("Britain's finance minister warned that Russia could face a recession if the sanctions stay "
     "in place."),
    # under a warning, a step no party takes is a policy's cost, not a line
    "Germany's chancellor warned that the pension reform would have consequences for the budget.",
])
def test_no_red_line_from_a_forecast_or_a_policys_cost(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


def test_requests_that_go_on_receiving_responses_are_no_line(annotate) -> None:
    text = ("The White House said such requests will continue to receive responses from the State "
            "Department.")
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, dyad", [
    ("Chile expelled two Peruvian diplomats on Monday, a move denounced by Lima as hostile.",
     ("PER", "ACCUSE", "CHL")),
    (("A Chilean jet struck a Peruvian drone over the sea in an incident the Peruvian army "
      "condemned as reckless."), ("PER", "ACCUSE", "CHL")),
    # no event read from the renamed clause: whoever is its subject
    (("Chile removed Peru from its list of trusted partners on Monday, a decision denounced "
      "by Lima as hostile."), ("PER", "ACCUSE", "CHL")),
    # the denial of a claim is told, not claimed
    ("Peru accused Chile of sending troops across the border, a claim Santiago denies.",
     ("CHL", "REJECT", "PER")),
])
def test_a_reaction_to_the_act_its_sentence_renames_is_aimed_at_its_maker(annotate, text,
                                                                          dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad, not_dyad", [
    (("The UN Security Council met on Monday to discuss a complaint brought by Peru against "
      "Chile, accusing Chile of arming the rebels."), ("PER", "ACCUSE", "CHL"),
     ("IGO", "ACCUSE", "CHL")),
    (("The dispute deepened after a joint announcement by Peru and Bolivia on Sunday, recalling "
      "their ambassadors from Chile."), ("PER", "SANCTION", "CHL"), None),
])
def test_a_participle_after_what_a_side_issued_is_the_issuers(annotate, text, dyad,
                                                              not_dyad) -> None:
    found = _dyads(annotate(text))
    assert dyad in found and not_dyad not in found


def test_of_two_tellings_of_one_act_the_one_naming_its_target_is_kept(annotate) -> None:
    doc = annotate("The council met on Monday to discuss a complaint lodged by Peru against "
                   "Chile, alleging acts of aggression.")
    accusations = [e for e in doc._.events if e["event_type"] == "ACCUSE"]
    assert [(e["actor"][0]["code"], [(r["code"], r["role"]) for r in e["recipient"]])
            for e in accusations] == [("PER", [("CHL", "")])]


@pytest.mark.parametrize("text, dyad, not_dyad", [
    ("Peru and Chile exchanged artillery fire across the border on Friday.",
     ("PER", "ASSAULT", "CHL"), ("CHL", "ASSAULT", "PER")),
    ("Peruvian and Chilean troops traded fire near the border post overnight.",
     ("PER", "ASSAULT", "CHL"), ("CHL", "ASSAULT", "PER")),
])
def test_an_exchange_between_two_named_sides_is_one_event_led_by_the_first(annotate, text,
                                                                           dyad,
                                                                           not_dyad) -> None:
    found = _dyads(annotate(text))
    assert dyad in found and not_dyad not in found


@pytest.mark.parametrize("text, not_target", [
    (("Pyongyang's leader convened a security meeting on Monday after Seoul flew drones over "
      "the border."), "KOR"),
    ("The Chilean army neither confirmed nor denied the incidents, Peru said.", "PER"),
])
def test_what_the_actor_holds_or_is_in_places_no_target(annotate, text, not_target) -> None:
    doc = annotate(text)
    assert not any(r["code"] == not_target and r["role"] == "by location"
                   for e in doc._.events for r in e["recipient"])


@pytest.mark.parametrize("text, expected", [
    ("Pyongyang sent hundreds of trash balloons across the border into South Korea on Sunday.",
     {("PRK", "COERCE", "KOR")}),
    ("Britain and France launched a 30-day process on Thursday.", set()),
])
def test_what_is_sent_or_launched_decides_the_act(annotate, text, expected) -> None:
    assert _dyads(annotate(text)) == expected


@pytest.mark.parametrize("text", [
    "Peru blamed Chile for the blast, but Chile did not confirm or deny any role in it.",
    "Peru accused Chile of the blast. Chile said it could neither confirm nor deny the claim.",
    "Peru accused Chile of the blast, but Chile did not deny the claim.",
])
def test_a_denial_told_as_not_made_is_negated(annotate, text) -> None:
    assert not any(d[1] == "REJECT" for d in _dyads(annotate(text)))


@pytest.mark.parametrize("text, dyad", [
    ("Norwegian fighters shot down a Swedish reconnaissance drone over the fjord.",
     ("NOR", "ASSAULT", "SWE")),
    ("A Chilean surveillance drone was shot down by Peruvian forces near the coast.",
     ("PER", "ASSAULT", "CHL")),
])
def test_downing_one_drone_whose_country_is_named_attacks_it(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "Air defences shot down twelve drones over the capital overnight.",
    "The air force said one drone was shot down near the port before dawn.",
])
def test_air_defence_against_drones_attacks_no_one(annotate, text) -> None:
    assert not any(e["event_type"] == "ASSAULT" for e in annotate(text)._.events)


@pytest.mark.parametrize("text, dyad", [
    ("Peru is in discussions with Chile over the fishing quota.", ("PER", "CONSULT", "CHL")),
    ("The Peruvian envoy had a long discussion with Chile's foreign minister on Monday.",
     ("PER", "CONSULT", "CHL")),
    ("The truce followed phone discussions between the presidents of Peru and Chile.",
     ("PER", "CONSULT", "CHL")),
    ("The phone call between Peru's president and Chile's president lasted an hour.",
     ("PER", "CONSULT", "CHL")),
])
def test_a_discussion_with_another_side_consults_it(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    ("Peru has moved thousands of troops to Chile's border.", ("PER", "MOBILIZE", "CHL")),
    ("Norway scrambled two fighter jets after a Russian bomber neared its airspace.",
     ("NOR", "MOBILIZE", "RUS")),
])
def test_forces_moved_somewhere_or_scrambled_mobilize(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "The Peruvian company moved its headquarters to Chile last year.",
    "Under the deal the militia is to move its fighters north of the river.",
])
def test_moving_no_forces_or_to_no_place_mobilizes_nothing(annotate, text) -> None:
    assert not any(e["event_type"] == "MOBILIZE" for e in annotate(text)._.events)



@pytest.mark.parametrize("content", [
    "Peru ordered a retaliatory raid on the border posts, then called it off",
    "the drone strikes were retaliation for the shelling of the port",
    "Chile expelled two Peruvian envoys in retaliation for the expulsions",
])
def test_a_retaliation_told_as_made_threatens_nobody(content: str) -> None:
    assert statement_act(content) is None


@pytest.mark.parametrize("content", [
    "any new sanctions would be met with retaliation",
    "Lima vowed swift retaliation",
    "retaliation will come at a time of our choosing",
    "we reserve the right to retaliate",
])
def test_a_retaliation_to_come_threatens(content: str) -> None:
    assert statement_act(content) == "THREATEN"


def test_a_retaliation_told_in_reported_speech_is_no_threat(annotate) -> None:
    doc = annotate("Peru's army said the rocket fire on Chilean outposts was part of a series of "
                   "retaliatory steps against Chile.")
    assert not any(e["event_type"] == "THREATEN" for e in doc._.events)


@pytest.mark.parametrize("text, dyad", [
    ("Lima sharply blasted the Chilean move on Friday.", ("PER", "ACCUSE", "CHL")),
    ("Peru's foreign minister attacked Chile for its refusal to share the river's water.",
     ("PER", "ACCUSE", "CHL")),
    ("Peru's president blasted Chile for stalling the border talks.", ("PER", "ACCUSE", "CHL")),
])
def test_verbs_of_force_used_of_words_accuse(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert dyad in dyads and not any(t == "ASSAULT" for _, t, _ in dyads), dyads


@pytest.mark.parametrize("text", [
    "Peruvian jets attacked Chilean positions for the second time in a week.",
    "Chilean gunboats blasted Peruvian fishing boats with water cannon.",
])
def test_verbs_of_force_used_of_force_still_assault_or_coerce(annotate, text) -> None:
    assert not any(t == "ACCUSE" for _, t, _ in _dyads(annotate(text)))


@pytest.mark.parametrize("text", [
    "Fighting goes on while Peru presses ahead with its offensive on the rebels in Chile.",
    "Peru has pressed forward with its offensive in the Chilean border towns, shelling homes.",
])
def test_pressing_ahead_with_an_act_goes_on_with_it(annotate, text) -> None:
    dyads = _dyads(annotate(text))
    assert ("PER", "ASSAULT", "CHL") in dyads and not any(
        t == "REQUEST" for _, t, _ in dyads), dyads


def test_pressing_someone_is_still_a_request(annotate) -> None:
    assert ("PER", "REQUEST", "CHL") in _dyads(annotate("Peru pressed Chile to release the "
                                                        "fishermen."))


@pytest.mark.parametrize("text", [
    "Peru said that it was suspending its participation in the fisheries treaty with Chile.",
    "Chile has halted participation in the river initiative that let Peru export its grain.",
    "Peru pulled out of the nuclear deal with Chile in 2018.",
])
def test_leaving_an_agreement_rejects_it(annotate, text) -> None:
    dyads = _dyads(annotate(text))
    assert any(t == "REJECT" for _, t, _ in dyads) and not any(
        t in ("SANCTION", "RETREAT") for _, t, _ in dyads), dyads


def test_troops_pulled_out_still_retreat(annotate) -> None:
    assert ("CHL", "RETREAT", "PER") in _dyads(annotate("Chilean troops pulled out of the "
                                                        "Peruvian town."))


@pytest.mark.parametrize("text", [
    "Last week Peru announced it was suspending border talks with Chile.",
    "Chile has postponed its talks with Peru until the spring.",
    "The talks between Peru and Chile were suspended on Friday.",
])
def test_an_act_called_off_is_not_told_as_done(annotate, text) -> None:
    assert not any(t == "CONSULT" for _, t, _ in _dyads(annotate(text)))


def test_talks_held_are_still_told(annotate) -> None:
    assert ("PER", "CONSULT", "CHL") in _dyads(annotate("Peru held talks with Chile on Monday."))


@pytest.mark.parametrize("text", [
    ("Chilean officials have said a Peruvian seizure of the port could violate the two "
     "countries' 1929 treaty."),
    ("Peru's defence minister said that any movement of Chilean warships north of the line "
     "would be regarded as a breach of the truce."),
    ("Chile said it would open a base on the coast, prompting fears in Lima that the plan might "
     "destabilise the whole region."),
])
def test_an_accusation_said_as_what_might_be_is_not_made(annotate, text) -> None:
    assert not any(t == "ACCUSE" for _, t, _ in _dyads(annotate(text)))


def test_an_accusation_said_as_done_is_made(annotate) -> None:
    doc = annotate("Peru said the Chilean incursion was a flagrant violation of its sovereignty.")
    assert ("PER", "ACCUSE", "CHL") in _dyads(doc)


@pytest.mark.parametrize("text", [
    ("Peru and Chile each accused the other of breaking the truce, which had held since May, "
     "offering respite to the border towns."),
    "Several Peruvian airlines are now offering free refunds for flights to Chile.",
    "Peru's president offered explanations to Chile for the downing of the plane.",
])
def test_giving_in_the_everyday_sense_is_neither_aid_nor_a_promise(annotate, text) -> None:
    assert not any(t in ("AGREE", "AID") for _, t, _ in _dyads(annotate(text)))


def test_giving_arms_is_still_aid(annotate) -> None:
    assert ("CHL", "AID", "PER") in _dyads(annotate("Chile provided Peru with artillery shells."))

SEA_NAVY = "Chilean patrol ships shelled a fishing boat in the open ocean after it left Peru."
SEA_DEPLOYED = "Chile sent two destroyers to the Caribbean to fight gangs based in Haiti."
SEA_RAIDED = "Chile sent warships to the Gulf of Guinea after Nigerian pirates raided a trawler."


@pytest.mark.parametrize("text, dyad", [
    (SEA_NAVY, ("CHL", "ASSAULT")),
    ("Peru seized the tanker in the Strait of Magellan on Friday.", ("PER", "COERCE")),
    (SEA_DEPLOYED, ("CHL", "MOBILIZE")),
    (SEA_RAIDED, ("CHL", "MOBILIZE")),
    (SEA_RAIDED, ("NGA", "ASSAULT")),
])
def test_a_ship_or_the_open_sea_places_no_target(annotate, text, dyad) -> None:
    # a ship and the sea it sails are no country's ground: not the actor's own, nor that of
    # whatever place the sentence names
    assert (*dyad, "") in _dyads(annotate(text))


def test_a_ship_whose_side_is_named_is_that_sides(annotate) -> None:
    assert ("CHL", "COERCE", "PER") in _dyads(annotate("Chile seized a Peruvian trawler off "
                                                       "the port of Arica on Monday."))


@pytest.mark.parametrize("text, declarer, condition", [
    # a right claimed to an act, for what it defends
    (("Peru's foreign ministry said Lima has the right to take all necessary measures to defend "
      "its fishing grounds."), "PER", "its fishing grounds"),
    # a right claimed to an act, against what it faces
    (("“Chile has the right to take proportionate measures in response to such incursions,” the "
      "Chilean defence ministry said."), "CHL", "such incursions"),
    # an act with no bound, for what it defends
    ("“We can do anything to preserve our sovereignty,” Bolivia's defence minister said.", "BOL",
     "our sovereignty"),
])
def test_an_unbounded_act_in_defence_draws_a_line(annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # a right denied
    "Chile's foreign minister said Peru has no right to take measures against its fishermen.",
    # a right to no act against anyone
    "Peru's trade ministry said Lima reserves the right to change its tariffs to protect farmers.",
])
def test_no_line_from_a_right_denied_or_to_no_act(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, declarer, condition", [
    # a step of another party, judged in advance a breach of what was agreed
    (("Peru's defence minister said any entry of Chilean warships into the bay would be deemed a "
      "breach of the truce."), "PER", "Chilean warships"),
    # ... or a threat to the declarer's own side, said with "could"
    (("Ghana's president said that a Togolese troop build-up on the border could constitute a "
      "threat to Ghana's security."), "GHA", "Togolese troop build-up"),
])
def test_a_step_of_another_judged_a_breach_or_threat_is_a_line(annotate, text, declarer,
                                                               condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # a step of no party judged
    "Peru's finance minister said the new levy could constitute a breach of the budget rules.",
])
def test_no_line_from_a_step_of_no_party_judged(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text", [
    # a firm whose name carries a country
    "Peru Airways suspended all of its flights to Chile on Sunday.",
    # a thing a firm owns
    "Chilean officials gave accounts of the crash of a Peru Airways plane that killed 12 people.",
    # a firm named by where it is based
    ("The owner of the trawler, the Bolivia-based firm Andina Marine, filed a request with a "
     "court in Lima asking it to free the ship."),
])
def test_a_firm_acts_for_no_state(annotate, text) -> None:
    assert not any(actor for actor, _, _ in _dyads(annotate(text)))


def test_a_state_named_beside_a_firm_still_acts(annotate) -> None:
    assert ("CHL", "SANCTION", "PER") in _dyads(annotate(
        "Chile suspended the licences of two Peruvian fishing firms."))


@pytest.mark.parametrize("text", [
    "The new sanctions further impose a ban on Peruvian copper imports into Chile.",
    "Explosions on Monday targeting radios killed nine people in northern Chile.",
])
def test_an_act_with_no_maker_names_nobody_acting(annotate, text) -> None:
    # the verb tells what the act did; the places of the sentence lend it no actor
    assert not any(actor for actor, _, _ in _dyads(annotate(text)))


@pytest.mark.parametrize("text, dyad", [
    # a fight takes two: it is where it is fought
    ("The fighting spread to the outskirts of Lima on Monday.", ("PER", "ASSAULT", "")),
    # an act whose maker is named is that maker's
    ("Peru's strikes killed five soldiers in northern Chile.", ("PER", "ASSAULT", "CHL")),
])
def test_a_fight_or_an_act_with_its_maker_still_acts(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "Peruvian troops advanced ten kilometres in parts of Chile's Arica region.",
    "The Peruvian army has made gains in Chile's northern desert this month.",
    "Peru's forces drove Chilean troops out of the border town on Sunday.",
])
def test_forces_gaining_ground_assault_whose_ground_it_is(annotate, text) -> None:
    assert ("PER", "ASSAULT", "CHL") in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "Peru's ruling party made large gains in the regional elections.",
    "Lima advanced its proposal for talks with Chile.",
    "The Peruvian minister drove the Chilean delegation out to the airport.",
    "Peru pushed Chile back to the negotiating table.",
])
def test_gains_and_pushes_that_take_no_ground_are_no_assault(annotate, text) -> None:
    assert not any(e["event_type"] == "ASSAULT" for e in annotate(text)._.events)


@pytest.mark.parametrize("text", [
    "Peruvian units destroyed the stronghold, guns and equipment of the Chilean army.",
    "On Tuesday, Peru said it had badly damaged Chile's last supply ship near the port.",
])
def test_a_side_destroying_or_damaging_anothers_assets_assaults_it(annotate, text) -> None:
    assert ("PER", "ASSAULT", "CHL") in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "The scandal damaged relations between Peru and Chile.",
    "A Chilean power cable to Peru was damaged on Sunday.",
    "The storm destroyed a Chilean fishing fleet off Peru.",
])
def test_harm_with_no_side_doing_it_or_a_figure_of_speech_is_no_assault(annotate, text) -> None:
    assert not any(e["event_type"] == "ASSAULT" for e in annotate(text)._.events)


@pytest.mark.parametrize("text", [
    "Peru's foreign minister said that Chile's provocation was the most serious in years.",
    "Peru's defence ministry said that this provocation of Chile served only to raise tension.",
])
def test_a_word_of_disapproval_owned_by_a_side_in_a_statement_accuses_it(annotate, text) -> None:
    assert ("PER", "ACCUSE", "CHL") in _dyads(annotate(text))


def test_a_judgement_under_a_preposition_is_a_stock_phrase_no_charge(annotate) -> None:
    doc = annotate("Peru's president said the loan would help Ecuador defend itself against "
                   "Chilean aggression.")
    assert not any(e["event_type"] == "ACCUSE" for e in doc._.events)


def test_a_hyphenated_cease_fire_is_a_ceasefire(annotate) -> None:
    doc = annotate("As a cease-fire between Peru and Chile took effect on Tuesday, the army "
                   "counted its losses.")
    assert ("PER", "RETREAT", "CHL") in _dyads(doc)


def test_a_hyphenated_test_firing_shows_force(annotate) -> None:
    assert ("PER", "MOBILIZE", "") in _dyads(annotate("Peru is test-firing missiles again."))


@pytest.mark.parametrize("text, dyad", [
    ("Peru accused Chile of arming rebels near the border. Chile denied the claim on Tuesday.",
     ("CHL", "REJECT", "PER")),
    (("Bolivia blamed Paraguay for the shelling of a border post. Paraguay has dismissed that "
      "as baseless."), ("PRY", "REJECT", "BOL")),
    (("Ecuador accused Colombia of flying drones over its territory. Colombia denied any "
      "involvement."), ("COL", "REJECT", "ECU")),
])
def test_a_denial_naming_nobody_answers_the_accuser(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("refusal", [
    "Chile rejected the proposal for a joint commission.",
    "Chile denied the request for a meeting.",
])
def test_refusing_an_offer_or_a_request_is_no_denial_of_an_accusation(annotate, refusal) -> None:
    doc = annotate(f"Peru accused Chile of hoarding water. {refusal}")
    assert not any(r["code"] == "PER" for e in doc._.events if e["event_type"] == "REJECT"
                   for r in e["recipient"])


@pytest.mark.parametrize("text", [
    "Chile said on Thursday that it had sent soldiers to fight for Peru in its war with Bolivia.",
    "Chile deployed soldiers to Lima last month at the request of Peru.",
    "The Chilean navy said it had sent a frigate to assist Peru in the search.",
])
def test_forces_sent_for_another_side_are_aid_to_it(annotate, text) -> None:
    dyads = _dyads(annotate(text))
    assert ("CHL", "AID", "PER") in dyads
    assert ("CHL", "MOBILIZE", "PER") not in dyads


@pytest.mark.parametrize("text", [
    "Chile sent troops to its border with Peru to defend the region.",
    "Chile deployed more soldiers to the border with Peru on Sunday.",
    "Chile sent warships to the waters near Peru.",
    "Chile rushed frigates to the waters off Peru.",
])
def test_forces_sent_to_ones_own_ground_still_mobilize(annotate, text) -> None:
    assert not any(e["event_type"] == "AID" for e in annotate(text)._.events)


@pytest.mark.parametrize("text", [
    ("Chile's government said on Tuesday it was investigating how a Peruvian dissident was taken out of "
     "Santiago this week."),
    "Chile launched a sabotage inquiry and on Monday seized a tanker carrying Peruvian oil.",
])
def test_an_inquiry_is_aimed_only_at_whom_its_own_words_name(annotate, text) -> None:
    accusations = [e for e in annotate(text)._.events if e["event_type"] == "ACCUSE"]
    assert accusations and not any(e["recipient"] for e in accusations)


@pytest.mark.parametrize("text", [
    "A Chilean judge opened an investigation into Peruvian officials.",
    "Chilean officials charged that Peruvian forces shelled border villages.",
])
def test_an_inquiry_or_a_charge_naming_a_side_is_aimed_at_it(annotate, text) -> None:
    assert ("CHL", "ACCUSE", "PER") in _dyads(annotate(text))


def test_an_inquiry_into_what_a_side_did_is_aimed_at_that_side(annotate) -> None:
    doc = annotate("Chilean police have opened an investigation into crimes committed by "
                   "Peruvian forces against Bolivian civilians.")
    accusations = [e for e in doc._.events if e["event_type"] == "ACCUSE"]
    assert [r["code"] for r in accusations[0]["recipient"]] == ["PER"]


@pytest.mark.parametrize("text", [
    "Peru announced new export controls on copper shipments to Chile.",
    "Chile said it had restricted exports of fertiliser to Peru.",
    "Peru raised its tariffs on Chilean copper on Monday.",
    "The cabinet in Lima rolled out tighter import restrictions on Chilean fruit.",
])
def test_a_curb_on_trade_announced_or_raised_is_a_sanction(annotate, text) -> None:
    dyads = _dyads(annotate(text))
    assert ("PER", "SANCTION", "CHL") in dyads or ("CHL", "SANCTION", "PER") in dyads


def test_a_light_verb_with_its_particle_names_the_act(annotate) -> None:
    doc = annotate("Peru has ramped up drone attacks on Chile in recent months.")
    assert ("PER", "ASSAULT", "CHL") in _dyads(doc)


@pytest.mark.parametrize("text", [
    "Peru said the border build-up had raised fears of an invasion by Chile.",
    "The cabinet in Lima rolled out the red carpet for the Chilean president.",
])
def test_raising_a_fear_or_rolling_out_a_welcome_is_no_act(annotate, text) -> None:
    assert not any(e["event_type"] in ("ASSAULT", "SANCTION") and not e["hypothetical"]
                   for e in annotate(text)._.events)


@pytest.mark.parametrize("text, dyad", [
    ("Peru has expressed grave concern over the alleged support by Chilean forces for the rebels.",
     ("PER", "ACCUSE", "CHL")),
    ("Peru's president voiced opposition to the planned transit of Chilean gas through Bolivia.",
     ("PER", "REJECT", "CHL")),
])
def test_a_stance_a_side_expresses_against_another_is_its_act(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "Peru's envoy met the opposition leader of Chile on Monday.",
    "The border incidents raised concerns among Peru's neighbours, analysts said.",
])
def test_an_opposition_or_a_concern_no_side_expresses_is_no_stance(annotate, text) -> None:
    assert not any(e["event_type"] in ("ACCUSE", "REJECT") for e in annotate(text)._.events)


@pytest.mark.parametrize("text, declarer, condition", [
    # a party's own act kept up until the other side acts, with no threat's words (stop 21: M, N)
    (("Chile's interior minister said Chile would keep its border closed until Peru decides to "
      "hand over the smugglers."), "CHL", "Peru decides to hand over the smugglers"),
    # the act as the infinitive of a right exercised
    (("Santiago will exercise the right to hold all fishing accords with Peru in abeyance until "
      "Lima stops arming the rebels, Chile's foreign ministry said."), "CHL",
     "Lima stops arming the rebels"),
    # the other side named by a pronoun, with the act kept up or withheld
    (("Peru's rebels seized the fishermen on Monday. Chile's defence minister said Chile would "
      "keep the border closed until they release them."), "CHL", "they release them"),
    (("Peru's rebels seized the fishermen on Monday. Chile's defence minister said Chile would "
      "not reopen the border until they release them."), "CHL", "they release them"),
    # a step told before, and an act that bears on the other side
    (("“If this happens, we will take decisions that the leaders of Peru will not like,” "
      "Chile's foreign minister said."), "CHL", "this happens"),
])
def test_own_act_hung_on_what_the_other_side_does_is_a_line(annotate, text, declarer,
                                                            condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


@pytest.mark.parametrize("text", [
    # the party's own step, and a state of things, are no condition on the other side
    "Chile's foreign minister said that if Chile left the pact, it would leave Peru isolated.",
    "Chile's president said the talks with Peru would go on until a deal was reached.",
])
def test_own_act_hung_on_ones_own_step_or_a_state_of_things_is_no_line(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, declarer, condition", [
    # a party's own act, withheld or stopped on a state of things, that bears on another side
    # (stop 22: misses in O, E and M)
    ("Chile's defence minister said Chilean troops would not stay in Peru if the cost was too high.",
     "CHL", "the cost was too high"),
    ("Chile said it would halt its mediation between Peru and Bolivia if no agreement was reached.",
     "CHL", "no agreement was reached"),
    # kept up, when what is kept up is hostile
    (("The Houthis say they act for the people of Gaza, and will go on until Israel's war there "
      "is over."), "YEM", "Israel's war there is over"),
])
def test_own_act_hung_on_a_state_of_things_that_bears_on_another_is_a_line(
        annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"]) for r in annotate(text)._.red_lines]
    assert any(code == declarer and condition in said for code, said in found), found


def test_a_mediation_kept_up_until_a_deal_is_no_line(annotate) -> None:
    text = "Norway said it would keep up its mediation between Chile and Peru until a deal is reached."
    assert annotate(text)._.red_lines == ()


def test_a_warning_of_retaliation_names_its_consequence_whole(annotate) -> None:
    # the consequence is the warning with what it warns of, not one word a filter drops
    text = "Chile has issued repeated warnings of retaliation against any actions that target its fleet."
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == ["CHL"]


@pytest.mark.parametrize("text, dyad", [
    (("Peru said on Monday that Chilean patrol boats had entered its waters. Chile denied the "
      "claim."), ("CHL", "REJECT", "PER")),
    ("Chile said the Peruvian border post had been moved overnight, but Peru refuted this claim.",
     ("PER", "REJECT", "CHL")),
    (("Bolivia's interior minister said the smugglers were trained across the border. Paraguay "
      "dismissed that as baseless."), ("PRY", "REJECT", "BOL")),
    (("Ecuador's president said the raid on the embassy was planned abroad. Colombia has denied "
      "any involvement in the raid."), ("COL", "REJECT", "ECU")),
])
def test_a_denial_naming_no_side_answers_whoever_last_spoke(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_a_denial_of_a_claim_a_side_owns_keeps_that_side(annotate) -> None:
    doc = annotate("Peru said its fishing boats were fired on. Chile rejected Bolivia's claim.")
    assert ("CHL", "REJECT", "PER") not in _dyads(doc)


def test_force_promised_to_go_on_in_reported_speech_is_a_threat(annotate) -> None:
    doc = annotate("Chile's defence minister said Chile will continue to take action against "
                   "Bolivia until the raids stop.")
    assert ("CHL", "THREATEN", "BOL") in _dyads(doc)


@pytest.mark.parametrize("text, actor, dated", [
    # the span hangs on "after", not on the clause's verb
    (("The failed coup came about one month after soldiers in Chad seized power from the "
      "elected government."), "TCD", ("2024-10-23", "month")),
    # the span the parser joins to a word before it ("tensions ... and days after")
    (("The raid came amid tensions along the border and days after the Chilean army launched an "
      "air assault on posts in Peru."), "CHL", ("2024-11-21", "week")),
    # an act named by the subject of the counted clause is that clause's
    (("Peru struck the depot on Tuesday, a week after a Chilean raid killed three soldiers."),
     "CHL", ("2024-11-12", "day")),
])
def test_an_act_counted_back_from_the_sentences_event_takes_that_day(annotate, text, actor,
                                                                     dated) -> None:
    doc = annotate(text, "2024-11-22")
    found = {(e["date"], e["date_precision"]) for e in doc._.events
             if e["actor"] and e["actor"][0]["code"] == actor}
    assert found == {dated}, doc._.events


@pytest.mark.parametrize("text, published, event_type, dated", [
    # from the day the sentence names
    ("On 4 March Chilean troops seized the border town, but had to withdraw the following day.",
     "2024-03-08", "RETREAT", "2024-03-05"),
    (("Fighting broke out on Thursday just hours after Peru recalled its ambassador to Santiago "
      "the previous night."), "2024-11-22", "SANCTION", "2024-11-20"),
    # from the day the report named last, in another paragraph
    (("Peru's ambassador spoke to reporters on Sunday.\n\nA day earlier, Chile's foreign "
      "minister criticised Peru for its tariffs."), "2024-11-18", "ACCUSE", "2024-11-16"),
])
def test_a_day_told_from_the_day_next_to_it(annotate, text, published, event_type,
                                            dated) -> None:
    doc = annotate(text, published)
    assert {e["date"] for e in doc._.events if e["event_type"] == event_type} == {dated}, \
        doc._.events


@pytest.mark.parametrize("text, last", [
    # the subject of the latest sentence, not the main subject named earlier
    (("Prime Minister Narendra Modi said on Monday that talks would go on. India changed course "
     "after US Secretary of State Marco Rubio said Trump raised the duties to press Moscow. He "
     "said the duties would stay until the war ended."), ("USA", "GOV", False)),
    (("Armenian Prime Minister Nikol Pashinyan said the base would stay. Kremlin spokesman Dmitry "
     "Peskov told a state channel that Moscow wanted details, a news agency reported. \"We have "
     "seen no formal step,\" he said."), ("RUS", "GOV", False)),
])
def test_a_pronoun_goes_on_with_the_latest_sentences_subject(annotate, text, last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == last


def test_a_leader_spelt_as_the_wires_spell_him_is_known(annotate) -> None:
    # "Zelenskiy", as Reuters writes it, is the president the knowledge base spells "Zelensky",
    # not an unknown president of the country the report is about
    doc = annotate("Poland stopped its arms deliveries. President Volodymyr Zelenskiy said the "
                   "decision played into Moscow's hands.", "2023-09-21")
    assert _speakers(doc)[-1] == ("UKR", "GOV", False)


@pytest.mark.parametrize("text, last", [
    (("The Pentagon said on Tuesday that two drones had been shot down over the base. The "
      "statement gave no figures for the damage. “We will respond at a time of our choosing,” "
      "it said."), ("USA", "MIL", False)),
    (("Chile’s navy said a patrol boat had been fired on near the border. The statement said two "
      "sailors were hurt. No group claimed the attack. It said the boat had returned to port."),
     ("CHL", "MIL", False)),
])
def test_an_it_nothing_resolved_goes_on_with_the_body_that_spoke(annotate, text, last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == last


@pytest.mark.parametrize("text, last", [
    ("Chile's government spokesperson said on Monday that no arrests were made abroad.",
     ("CHL", "GOV", True)),
    (("Fighting went on across Myanmar. Myanmar's junta said the town was calm. The junta "
      "spokesperson said rebels had entered the village."), ("MMR", "GOV", True)),
    # one named before is meant, not an unnamed one
    (("Foreign ministry spokesperson Maria Zakharova said the talks had failed. The ministry "
     "spokesperson said Moscow would answer."), ("RUS", "GOV", False)),
])
def test_a_spokesperson_whose_body_the_words_give_and_no_name_is_unnamed(annotate, text,
                                                                         last) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == last


@pytest.mark.parametrize("text", [
    "President Volodymyr Zelenskiy accused Chile of blocking the shipments.",
    "General Oleksandr Syrsky accused Chile of blocking the shipments.",
])
def test_a_slavic_surname_in_another_transliteration_is_the_known_person(annotate, text) -> None:
    doc = annotate(text)
    assert ("UKR", "ACCUSE", "CHL") in _dyads(doc)


def test_a_dateline_dash_run_into_the_lead_leaves_its_first_word_whole(annotate) -> None:
    doc = annotate("LIMA (Reuters) -Peru said on Saturday it had struck a Chilean fuel depot.")
    assert ("PER", "ASSAULT", "CHL") in _dyads(doc)


def test_a_denial_answers_its_accuser_before_a_later_speaker(annotate) -> None:
    # one look-up for both: the accusation aimed at the denier first, the last quote second
    doc = annotate("Peru accused Chile of diverting the river. Bolivia said the talks would "
                   "resume in March. Chile denied the accusation.")
    dyads = _dyads(doc)
    assert ("CHL", "REJECT", "PER") in dyads
    assert ("CHL", "REJECT", "BOL") not in dyads


@pytest.mark.parametrize("text, contents", [
    # whom a report cites is who speaks, not what was said
    ("The convoy was stopped near the river, the broadcaster reported, citing local officials.",
     ["The convoy was stopped near the river"]),
    ("Two patrol boats entered the bay, the newspaper said, citing Reuters.",
     ["Two patrol boats entered the bay"]),
    # a reason cited is what was said
    ("The ministry halted the grain imports, citing safety concerns.", ["safety concerns"]),
    ("The envoy cited the raid as a breach of the truce.", ["the raid as a breach of the truce"]),
])
def test_whom_a_report_cites_is_no_content(annotate, text, contents) -> None:
    assert [q["content"] for q in annotate(text)._.quotes] == contents


@pytest.mark.parametrize("text, quoted", [
    # what a picture or a record shows is what the reporter saw in it
    ("This photo released by the navy shows a frigate leaving port on Monday.", False),
    ("Images posted by residents showed that the bridge had partly collapsed.", False),
    ("Footage released by the coast guard showed a patrol boat firing at a trawler.", False),
    ("Satellite imagery shows new trenches dug along the border.", False),
    # a study or a person that shows something still tells it
    ("The survey showed that most voters backed the deal.", True),
    ("The minister showed that the figures were wrong.", True),
])
def test_what_a_picture_shows_is_no_statement(annotate, text, quoted) -> None:
    assert bool(annotate(text)._.quotes) is quoted


# Stop 22, type families (rt-types): acts coded with the right actor but the wrong family.

@pytest.mark.parametrize("text, dyad", [
    # an envoy or a mission told to go is expelled, whatever verb tells it (O, P, Q, K, M)
    ("Peru gave the Chilean ambassador 48 hours to leave the country.", ("PER", "SANCTION", "CHL")),
    ("Peru asked Chile's ambassador to leave within two days.", ("PER", "SANCTION", "CHL")),
    ("Peru ordered the Chilean consulate in Cusco to shut down within three days.",
     ("PER", "SANCTION", "CHL")),
    ("Peru demanded that Chile immediately withdraw its diplomats from Peruvian soil.",
     ("PER", "SANCTION", "CHL")),
    # one's own envoy called home is recalled
    ("Peru decided to call its ambassador in Chile back to Lima for consultations.",
     ("PER", "SANCTION", "CHL")),
])
def test_an_envoy_told_to_go_is_expelled(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert dyad in dyads
    assert not {(dyad[0], family, dyad[2]) for family in ("REQUEST", "THREATEN")} & dyads


@pytest.mark.parametrize("text, dyad", [
    # time given for another act is still an ultimatum, and asking troops out a request
    ("Peru gave Bolivia's junta one week to free the president.", ("PER", "THREATEN", "BOL")),
    ("Peru asked Chile to withdraw its troops from the border.", ("PER", "REQUEST", "CHL")),
])
def test_a_deadline_or_a_request_of_another_act_stays_one(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    # a travel warning, or one's people told to keep away from a country, sanctions it (F, J, Q)
    ("Peru's embassy put out a travel warning for its citizens over harassment by Chilean police.",
     ("PER", "SANCTION", "CHL")),
    ("Lima urged its citizens to avoid visiting Chile.", ("PER", "SANCTION", "CHL")),
    ("Peru's education ministry called on Peruvian students to reconsider studying in Chile.",
     ("PER", "SANCTION", "CHL")),
])
def test_a_travel_advisory_is_a_sanction(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert dyad in dyads
    assert (dyad[0], "THREATEN", dyad[2]) not in dyads


@pytest.mark.parametrize("text, dyad", [
    # leaving or ending an agreement rejects it (O, Q, R, M)
    ("Peru announced its decision to terminate a border treaty with Chile.",
     ("PER", "REJECT", "CHL")),
    ("Chad said it was ending a defence cooperation agreement with Peru.",
     ("TCD", "REJECT", "PER")),
    ("The new pact meant Peru cancelled a large contract to buy Chilean frigates.",
     ("PER", "REJECT", "CHL")),
])
def test_ending_an_agreement_is_a_rejection(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert dyad in dyads
    assert (dyad[0], "SANCTION", dyad[2]) not in dyads


def test_the_noun_of_leaving_a_treaty_is_a_rejection(annotate) -> None:
    events = annotate("Peru completed its withdrawal from the fisheries treaty on Monday.")._.events
    assert [(e["actor"][0]["code"], e["event_type"]) for e in events] == [("PER", "REJECT")]


def test_suspending_a_treaty_stays_a_sanction(annotate) -> None:
    assert ("PER", "SANCTION", "CHL") in _dyads(annotate("Peru suspended the fisheries treaty "
                                                         "with Chile."))


@pytest.mark.parametrize("text", [
    # a decision is the act it decides, nothing of its own (O, Q, G, J)
    "The decision by the Bolivian government to approve the deliveries angered Lima.",
    "Lima's decision raised concern among its neighbours.",
])
def test_a_decision_codes_no_concession_of_its_own(annotate, text) -> None:
    assert not any(e["event_type"] == "CONCEDE" for e in annotate(text)._.events)


@pytest.mark.parametrize("text, dyad", [
    # agreeing on a sanction imposes it (K, O)
    ("EU ambassadors agreed on a new round of sanctions against Peru.", ("IGO", "SANCTION", "PER")),
    ("The EU's ministers agreed to slap sanctions on Peru's police.", ("IGO", "SANCTION", "PER")),
])
def test_agreeing_on_sanctions_is_a_sanction(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert dyad in dyads
    assert (dyad[0], "AGREE", dyad[2]) not in dyads


def test_a_joint_staff_makes_no_joint_act(annotate) -> None:
    # "joint" tells a joint act only where it qualifies the act (E)
    events = annotate("Bolivia fired a ballistic missile into the sea, according to Peru's Joint "
                      "Chiefs of Staff.")._.events
    assert [e["event_type"] for e in events] == ["MOBILIZE"]


@pytest.mark.parametrize("text, dyad", [
    (("Norway recalled its envoy from Minsk on Friday. The kingdom also banned all imports "
     "from Belarus."), ("NOR", "COERCE", "BLR")),
    ("Relations between Cuba and Jordan have soured. The kingdom cut ties with Cuba in 2019.",
     ("JOR", "SANCTION", "CUB")),
    (("Chile closed its border crossings on Monday. The nation then expelled two Bolivian "
     "diplomats."), ("CHL", "SANCTION", "BOL")),
    ("The administration condemned the coup in Gabon on Monday.", ("USA", "ACCUSE", "GAB")),
    ("Qatar hosted the talks. The emirate later condemned the strike on Gaza.",
     ("QAT", "ACCUSE", "PSE")),
    ("Ecuador closed its embassy. The republic then expelled the Mexican ambassador.",
     ("ECU", "SANCTION", "MEX")),
])
def test_a_state_told_by_a_description_is_the_state_named_before(annotate, text, dyad) -> None:
    # "the kingdom", "the nation", "the administration" name a state, not the place around them
    assert dyad in _dyads(annotate(text))


def test_a_description_in_a_quote_or_with_its_own_name_is_left_alone(annotate) -> None:
    doc = annotate("Peru closed its border. \"The country will defend itself,\" the Bolivian "
                   "minister said. The Kyiv city administration condemned the strike.")
    assert all(a["code"] != "PER" for e in doc._.events for a in e["actor"]
               if a["entity_text"].lower().endswith("country"))
    assert all(a["code"] != "USA" for e in doc._.events for a in e["actor"])


def test_a_leaders_administration_is_the_leaders_state(annotate) -> None:
    doc = annotate("The Biden Administration has refused to back a G7 statement on Sunday.")
    assert any(e["event_type"] == "REJECT" and e["actor"] and e["actor"][0]["code"] == "USA"
               for e in doc._.events)


def test_a_joint_act_of_coordinated_states_is_one_act_of_each(annotate) -> None:
    dyads = _dyads(annotate("Chile, Peru and Bolivia recalled their ambassadors from Paraguay on "
                            "Monday."))
    assert {("CHL", "SANCTION", "PRY"), ("PER", "SANCTION", "PRY"),
            ("BOL", "SANCTION", "PRY")} <= dyads


@pytest.mark.parametrize("text, dyad", [
    ("Chile accused the West of trying to weaken the country.", ("CHL", "ACCUSE", "")),
    ("Chile's president warned the West against meddling.", ("CHL", "THREATEN", "")),
    ("Santiago told Western governments to stay out of the dispute.", ("CHL", "REQUEST", "")),
])
def test_the_west_is_no_target(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("content, act", [
    ("the new citizenship law is antisemitic", "ACCUSE"),
    ("the junta in the capital is out of control", "ACCUSE"),
    ("the envoy's remarks were not acceptable", "ACCUSE"),
    ("their buildup on the border is a threat to the whole region", "ACCUSE"),
    ("the rebels are corrupt and cruel", "ACCUSE"),
    ("patrols are armed whenever there is a threat to the convoys", None),
    ("reports that our ships entered the strait are false", "REJECT"),
    ("these claims are baseless", "REJECT"),
    ("the story is not in line with the facts", "REJECT"),
])
def test_a_statement_judging_a_side_or_its_claim_is_an_act(content: str, act: str | None) -> None:
    assert statement_act(content) == act


def test_a_side_judged_in_reported_speech_is_accused(annotate) -> None:
    doc = annotate("The Philippine foreign minister said Beijing's latest manoeuvre was "
                   "\"not acceptable\".")
    assert ("PHL", "ACCUSE", "CHN") in _dyads(doc)


def test_a_claim_called_false_answers_whoever_made_it(annotate) -> None:
    doc = annotate("Manila accused Beijing of ramming one of its supply boats near the shoal. "
                   "A Chinese foreign ministry spokesperson said the reports were false.")
    assert ("CHN", "REJECT", "PHL") in _dyads(doc)


@pytest.mark.parametrize("text, dyad", [
    ("China lodged stern representations with Japan over the incident at the consulate.",
     ("CHN", "ACCUSE", "JPN")),
    ("Tehran placed the blame for the sabotage squarely on Israel.", ("IRN", "ACCUSE", "ISR")),
])
def test_a_diplomatic_complaint_or_blame_a_light_verb_delivers_accuses(annotate, text,
                                                                        dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    ("Chile asked Peru's envoy to leave within two days.", ("CHL", "SANCTION", "PER")),
    ("Quito gave the Peruvian ambassador three days to leave.", ("ECU", "SANCTION", "PER")),
])
def test_an_envoy_asked_or_given_time_to_leave_is_expelled(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_own_staff_asked_to_leave_is_no_expulsion(annotate) -> None:
    doc = annotate("The UN asked its staff to leave the city before the fighting reached it.")
    assert not any(e["event_type"] == "SANCTION" for e in doc._.events)


@pytest.mark.parametrize("text, dyad", [
    ("Beijing said it hoped Manila would stop sending ships to the shoal.",
     ("CHN", "REQUEST", "PHL")),
    ("Lebanon's prime minister said he hopes that the Saudi leadership will change course.",
     ("LBN", "REQUEST", "SAU")),
])
def test_a_hope_voiced_of_another_sides_act_asks_it(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_a_hope_of_what_no_side_does_asks_nothing(annotate) -> None:
    doc = annotate("Beijing said it hoped the talks would succeed.")
    assert not any(e["event_type"] == "REQUEST" for e in doc._.events)


@pytest.mark.parametrize("content, act", [
    ("any tanker bound for the port is a legitimate target for our drones", "THREATEN"),
    ("convoys carrying arms to the rebels will be considered legitimate military targets",
     "THREATEN"),
    ("any nation that sends instructors to the front will become a target", "THREATEN"),
    ("every airfield lending itself to the raids will be targeted", "THREATEN"),
    ("the fuel depot was a legitimate target", None),
])
def test_a_target_to_come_is_a_threat(content: str, act: str | None) -> None:
    """"X is a legitimate target", "will become targets": a side or what it does named as a
    target to come is the speaker's threat; a target told as past justifies a strike."""
    assert statement_act(content) == act


def test_a_warning_that_a_side_is_a_legitimate_target(annotate) -> None:
    doc = annotate("A Houthi military spokesman warned that any freighter trading with Israel "
                   "is a legitimate target for the movement.")
    assert ("YEM", "THREATEN", "ISR") in _dyads(doc)


@pytest.mark.parametrize("text, dyad", [
    (("Warsaw expelled twelve Belarusian diplomats on Friday, prompting Minsk to vow that "
      "those behind the move would answer for it."), ("BLR", "THREATEN", "POL")),
    (("Pakistani jets struck hideouts inside Afghanistan on Monday. \"Afghanistan will "
      "retaliate,\" a Taliban spokesman said."), ("AFG", "THREATEN", "PAK")),
])
def test_a_threat_naming_no_target_answers_whoever_struck(annotate, text, dyad) -> None:
    """A threat that names no target is aimed at the side that struck its maker: in its own
    sentence, or before it when it speaks of retaliation."""
    assert dyad in _dyads(annotate(text))


def test_a_threat_does_not_reach_back_without_a_word_of_retaliation(annotate) -> None:
    doc = annotate("Turkish drones struck a convoy in northern Iraq on Monday. The Iraqi "
                   "parliament later said it would not allow foreign troops on its soil.")
    assert ("IRQ", "THREATEN", "TUR") not in _dyads(doc)


@pytest.mark.parametrize("text, declarer", [
    # "if necessary": a condition left to the declarer's judgement of need, as "if need be" is
    # (P, N of dev); "steps" where the tables have "measures" (P, Q of dev)
    (("\"If necessary, Bratislava will stop the supply of gas to Ruritania,\" the Slovak premier "
      "told reporters."), "SVK"),
    ("The Kremlin spokesman said Russia has the right to take appropriate steps if needed.",
     "RUS"),
    (("The Russian foreign ministry said: \"If the bases are built, all necessary steps will be "
      "taken for our safety.\""), "RUS"),
])
def test_a_line_on_a_need_or_with_steps_for_measures(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


def test_the_aim_of_a_claim_told_if_necessary_is_no_line(annotate) -> None:
    doc = annotate("Ruvia has long claimed the island as its own, to be taken back one day, by "
                   "force if necessary.")
    assert doc._.red_lines == ()


@pytest.mark.parametrize("text", [
    # when a truce takes effect and what follows it are its terms, not a threat (D, K, Q of dev)
    "The Kremlin said the truce would take effect only after the sanctions on its banks were lifted.",
    ("The Kremlin said it would not implement the river ceasefire it had agreed until the United "
     "States lifts its sanctions on the state grain bank."),
    ("Ruvia's prime minister Tembo hosted the talks. According to Tembo, the first "
     "ceasefire will be followed by talks between the defence chiefs of both sides if both sides "
     "are agreeable."),
])
def test_a_truces_terms_are_no_line(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


@pytest.mark.parametrize("text, declarer", [
    # ending a truce, or striking when the other side breaks it, stays a line
    ("Hamas said it would end the truce if Israel kept up its raids.", "PSE"),
    ("Israel warned that if Hamas breaks the ceasefire, it will resume strikes on Gaza.", "ISR"),
])
def test_a_truce_ended_or_broken_is_still_a_line(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text, speaker", [
    # a diplomat speaks for the state that sent them, not the one they are posted to
    ("Russian Ambassador to France Ivan Petrov said the sanctions were illegal.",
     ("Ivan Petrov", "RUS", "GOV")),
    ("Indian Ambassador to Russia Ravi Menon said his country would keep buying oil.",
     ("Ravi Menon", "IND", "GOV")),
])
def test_a_diplomat_speaks_for_the_state_that_sent_them(annotate, text, speaker) -> None:
    (quote,) = annotate(text, "2025-03-01")._.quotes
    found = quote["speaker"]
    assert (found["entity_name"], found["code"], found["sector"]) == speaker


@pytest.mark.parametrize("text, body", [
    # "the alliance", "the watchdog", "the continental organization": the international body
    # named before
    ("NATO leaders met in Brussels on Monday. The alliance said it would send more troops east.",
     "NATO"),
    (("The IAEA inspected the site last week. Iran had removed the cameras, according to a "
      "report by the watchdog."), "International Atomic Energy Agency"),
    (("The African Union suspended Niger after the coup. The continental organization said the "
      "junta must step down."), "African Union"),
])
def test_a_description_of_an_international_body_is_the_one_named_before(annotate, text,
                                                                        body) -> None:
    found = annotate(text, "2025-03-01")._.quotes[-1]["speaker"]
    assert (found["entity_name"], found["code"]) == (body, "IGO")


@pytest.mark.parametrize("text", [
    # a body named after its country whose own qualifier or kind says it is of no state
    "The Sudan Doctors' Committee said shelling killed ten people.",
    "The Vietnam Fisheries Society said the boats were seized.",
    "ZMS, Poland's emergency medical service, said three people were hurt.",
])
def test_a_body_named_after_its_country_may_be_of_no_state(annotate, text) -> None:
    assert [sector for _, sector, _ in _speakers(annotate(text, "2025-03-01"))] == [""]


@pytest.mark.parametrize("text, declarer, condition", [
    # a step regarded "as" red lines (the plural draws a line as the singular does)
    (("Vietnam has long regarded foreign drilling near its reefs as red lines that it will never "
     "negotiate."), "VNM", "foreign drilling"),
    # a party's own red lines restated, with what they are in a clause after them
    (("Kenya reiterated its red lines during the meeting—that Somali troops pull out of the "
     "border towns."), "KEN", "Somali troops pull out of the border towns"),
    (("In Nairobi Kenya restated its red lines: that Somali troops pull out of the border "
     "towns."), "KEN", "Somali troops pull out of the border towns"),
    # or with what it is about in a phrase on it
    ("Greece drew a red line over the Turkish survey ship's work south of Crete.", "GRC",
     "the Turkish survey ship's work south of Crete"),
])
def test_a_red_line_named_or_restated_is_drawn(annotate, text, declarer, condition) -> None:
    found = [(r["declarer"]["code"], r["condition"], r["kind"]) for r in annotate(text)._.red_lines]
    assert (declarer, condition, "red_line") in found, found


@pytest.mark.parametrize("text", [
    # red lines another holds, told by onlookers, or stated with nothing said of them
    "Analysts said Moscow had ignored Kyiv's red lines over the dam.",
    "Serbia set out its red lines in a speech on Monday.",
])
def test_red_lines_not_stated_with_a_step_draw_none(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, declarer", [
    # what the other side would undergo: its destruction, the end of its government
    ("Azerbaijan's officials said Armenia faces destruction if the fighting spreads to its towns.",
     "AZE"),
    (("Eritrea's information minister said the Tigrayan forces would face total destruction if "
     "they crossed the border."), "ERI"),
    (("Seoul's defence minister said any chemical attack on its cities would result in the end of "
     "the Pyongyang government."), "KOR"),
])
def test_destruction_or_the_end_of_a_government_is_a_threat(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text", [
    # envoys declared unwelcome "and given" time to leave share the passive: an expulsion
    ("Peru's foreign minister said the Mexican ambassador and two consuls were named persona non "
    "grata and given 48 hours to leave Lima."),
    # "if confirmed": a condition on what is known, told by a participle, sets no step
    ("If confirmed by the agency, the launch would be Pyongyang's third breach of the deal, Seoul "
    "said."),
    ("Iran's new centrifuges were seen at the plant. If confirmed by inspectors, it would count as Iran's "
    "second breach of the deal."),
])
def test_an_expulsion_or_a_fact_to_be_confirmed_draws_no_line(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text", [
    # a meeting noun the determiner "no" denies tells no meeting (stop 23: T, with A-N and O-R)
    "There have been no talks between Peru and Chile since the summit in Lima broke down.",
    "No negotiations between Chile and Peru have taken place this year.",
])
def test_talks_said_not_to_have_happened_are_negated(annotate, text) -> None:
    assert not any(t == "CONSULT" for _, t, _ in _dyads(annotate(text)))


@pytest.mark.parametrize("text", [
    # a meeting or talks wished, called or pushed for have not been held
    "The Bolivian president voiced his desire for a meeting between the leaders of Chile and Peru.",
    "Bolivia keeps up its push for a summit between Chile and Peru over the river.",
])
def test_talks_wished_for_are_hypothetical(annotate, text) -> None:
    assert ("CHL", "CONSULT", "PER", True) in _all_dyads(annotate(text))
    assert ("CHL", "CONSULT", "PER") not in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    # what a side seeks or insists on for itself, or a question put to a spokesman, asks nothing
    # of another side (stop 23: F, Q, R)
    "A Peruvian official, who insisted on anonymity, said the border would reopen.",
    "Chile said it was seeking more information after its freighter drifted into Peruvian waters.",
    "Asked about Peru's claims, the Chilean spokesman declined to comment.",
])
def test_asking_for_oneself_is_no_request(annotate, text) -> None:
    assert not any(t == "REQUEST" for _, t, _ in _dyads(annotate(text)))


@pytest.mark.parametrize("text, dyad", [
    ("Chile asked Peru for an explanation of the border closure.", ("CHL", "REQUEST", "PER")),
    ("Chile urged Peru to withdraw its troops from the river.", ("CHL", "REQUEST", "PER")),
    ("Peru sought guarantees from Chile that the port would stay open.", ("PER", "REQUEST", "CHL")),
    # refuge sought abroad is CAMEO's asylum request, as PLOVER's gold codes it
    ("Thousands of Peruvians sought refuge in Chile last month.", ("PER", "REQUEST", "CHL")),
])
def test_asking_another_side_is_still_a_request(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    # forces to be deployed are a deployment to come, as the annotators code them, not a threat
    # told as made (stop 23: C, E, T)
    "Chile said it would deploy more troops to its border with Peru.",
    "The Chilean navy will send two frigates to the strait near Peru next month.",
])
def test_a_deployment_to_come_is_no_threat(annotate, text) -> None:
    doc = annotate(text)
    assert not any(t == "THREATEN" for _, t, _ in _dyads(doc))
    assert any(t == "MOBILIZE" and hypothetical for _, t, _, hypothetical in _all_dyads(doc))


@pytest.mark.parametrize("text", [
    "Chile said it would strike Peruvian positions if the shelling went on.",
    "The Chilean defence minister said his forces will retaliate against Peru.",
])
def test_force_to_come_is_still_a_threat(annotate, text) -> None:
    assert ("CHL", "THREATEN", "PER") in _dyads(annotate(text))


def test_a_promise_of_help_stays_an_agreement(annotate) -> None:
    assert ("CHL", "AGREE", "PER") in _dyads(annotate("Chile pledged to rebuild the bridge for Peru."))


@pytest.mark.parametrize("text, dyad", [
    # "could" or "can" on a condition said by a side: a threat or an offer, not a deed told
    ("The Greek defence minister said Greece could strike the Turkish port if war broke out.",
     ("GRC", "THREATEN", "TUR")),
    ("Moscow can start talks with Kyiv tomorrow if Ukraine leaves the region, the minister said.",
     ("RUS", "AGREE", "UKR")),
])
def test_could_on_a_condition_is_a_threat_or_an_offer(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert dyad in dyads and not any(d[1] == "ASSAULT" for d in dyads)


@pytest.mark.parametrize("text", [
    # where forces are stationed or arrive hosts them: no target (groups O, Q, S)
    "Russia has stationed ten jets in Belarus, officials said.",
    "A French Navy frigate arrived in the Ghanaian port of Tema on Friday.",
    "Moscow deployed two warships at a Syrian naval base on Monday.",
])
def test_where_forces_are_stationed_is_no_target(annotate, text) -> None:
    assert {r for _, event_type, r in _dyads(annotate(text, "2025-03-01"))
            if event_type == "MOBILIZE"} == {""}


@pytest.mark.parametrize("text, recipient", [
    # a place told by the side it faces still names it
    ("Russia has amassed troops in Crimea and armour at the Ukrainian border.", "UKR"),
    ("Venezuela deployed troops at the border with Guyana.", "GUY"),
    ("Poland sent troops to the border with Belarus.", "BLR"),
])
def test_a_place_told_by_the_side_it_faces_names_it(annotate, text, recipient) -> None:
    assert {r for _, event_type, r in _dyads(annotate(text, "2025-03-01"))
            if event_type == "MOBILIZE"} == {recipient}


@pytest.mark.parametrize("text, dyads", [
    # an act aimed at sides named in one coordination is one act aimed at each (groups D, L, O,
    # Q, S, T)
    ("Chile recalled its envoys from Peru and Bolivia on Monday.",
     {("CHL", "SANCTION", "PER"), ("CHL", "SANCTION", "BOL")}),
    ("Peru summoned the Chilean and Bolivian ambassadors on Tuesday.",
     {("PER", "ACCUSE", "CHL"), ("PER", "ACCUSE", "BOL")}),
])
def test_an_act_aimed_at_a_coordination_is_aimed_at_each(annotate, text, dyads) -> None:
    assert dyads <= _dyads(annotate(text, "2025-03-01"))


@pytest.mark.parametrize("text", [
    # but not places told together, sides deep in coordinated acts, or one operation of force
    "The EU imposed sanctions on firms in Chile and Peru.",
    "The EU condemned the sale of drones to Chile and their use against Peru.",
    "Bolivia fired missiles at Chilean and Peruvian positions.",
])
def test_no_act_is_split_by_places_or_nested_sides(annotate, text) -> None:
    found = _dyads(annotate(text, "2025-03-01"))
    assert all(len({r for a, t, r in found if (a, t) == key}) <= 1
               for key in {(a, t) for a, t, _ in found})


@pytest.mark.parametrize("text, dyad", [
    # ships, boats or aircraft entering another's waters, airspace or air defence zone: a show
    # of force (the parser's lemma of "waters" is "water"; planes and boats beside warships)
    ("Two Chinese coast guard boats entered Japan's territorial waters near the islands on Monday.",
     ("CHN", "MOBILIZE", "JPN")),
    ("Chinese vessels had entered Japanese waters off the atoll for a second day.",
     ("CHN", "MOBILIZE", "JPN")),
    ("Chinese military planes entered South Korea's air defence identification zone on Tuesday.",
     ("CHN", "MOBILIZE", "KOR")),
    # crossing into a named side's ground, and "aerospace" written for airspace
    ("Several Russian drones crossed into Poland overnight.", ("RUS", "MOBILIZE", "POL")),
    ("Three Russian fighter jets violated Estonian aerospace for twelve minutes.",
     ("RUS", "COERCE", "EST")),
])
def test_craft_entering_anothers_waters_or_airspace_show_force(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    # a reporter quoting part of the words ('a "heavy price"') does not hide the threat they make
    ('An Iranian army spokesman said that Israel would pay a "heavy price" for the raids.',
     ("IRN", "THREATEN", "ISR")),
    # revenge pledged or to come, and a pledge of countermeasures, threaten
    ('"We will take our revenge on Israel," the Iranian foreign minister told reporters.',
     ("IRN", "THREATEN", "ISR")),
    ('Seoul pledged to take "corresponding" countermeasures against Japan over the curbs.',
     ("KOR", "THREATEN", "JPN")),
    ('Tehran promised revenge for the general\'s death in an American drone strike.',
     ("IRN", "THREATEN", "USA")),
    ("Seoul pledged to take countermeasures against Tokyo's decision.", ("KOR", "THREATEN", "JPN")),
    ("Hanoi promised its people that it would take revenge on Cambodia for the raid.",
     ("VNM", "THREATEN", "KHM")),
])
def test_requital_promised_or_quoted_in_part_is_a_threat(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_revenge_told_as_anothers_motive_is_no_threat(annotate) -> None:
    doc = annotate('"Israel wants to take revenge for our progress," the Iranian minister said.')
    assert not any(event_type == "THREATEN" for _, event_type, _ in _dyads(doc))


def test_quote_marks_are_read_past_where_they_split_a_statement() -> None:
    assert first_act('They will pay a "heavy price" for this.') == ("THREATEN", 10)
    assert statement_act('Our answer will be "harsh". Revenge awaits the criminals.') == "THREATEN"


@pytest.mark.parametrize("text, dyad", [
    # a word of disapproval after "as" that the parser hangs on "as" as a modifier (words the
    # statement reader also knows, "as provocative", were coded from the words said)
    ("Greece views the Turkish presence on the island as hostile.", ("GRC", "ACCUSE", "TUR")),
    ("Seoul described the Japanese export curbs as unfriendly.", ("KOR", "ACCUSE", "JPN")),
    ('The British foreign secretary described the Venezuelan government as "fraudulent".',
     ("GBR", "ACCUSE", "VEN")),
])
def test_naming_another_with_a_word_of_disapproval_after_as_accuses(annotate, text,
                                                                    dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    # a diplomatic protest sent, raised or filed, also as "a letter of protest" (the letter a
    # verb sends in its everyday sense is read after it)
    ("Seoul sent a strong objection to Moscow over the incursion.", ("KOR", "ACCUSE", "RUS")),
    ("The Peruvian foreign ministry raised a note verbale of protest with Colombia.",
     ("PER", "ACCUSE", "COL")),
    ("Egypt sent a letter of protest to Ethiopia over the dam.", ("EGY", "ACCUSE", "ETH")),
])
def test_a_protest_sent_raised_or_filed_accuses(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, date", [
    # a private army and its founder speak for no state, though their country is Russia's (D, H,
    # O, T of dev)
    ("Wagner chief Yevgeny Prigozhin said his men would hand the town to the regular army.",
     "2023-05-20"),
    ("The Wagner Group said its fighters had left the mine.", "2023-05-20"),
])
def test_a_private_army_speaks_for_no_state(annotate, text, date) -> None:
    assert _speakers(annotate(text, date)) == [("RUS", "REB", False)]


@pytest.mark.parametrize("text", [
    # an outlet a country only places is no state's voice, though the country spoke as a state
    # before (G, L, S of dev)
    ("The Kremlin said the visit would last two days. Russia’s Tass news agency reported that "
     "the envoy had landed in the capital."),
    ("Iran said it would answer any attack. Iran's state-run Nour News said blasts were heard "
     "west of the city."),
    # an agent word as the adjective of an outlet ("official") names no agent
    ("Iran warned its neighbour. Iran’s official news agency, IRNA, said four people were "
     "killed in the raid."),
    # a country named in two words owns the agent noun after it
    "North Korean state media said the launch had gone well.",
])
def test_an_outlet_a_country_places_speaks_for_no_state(annotate, text) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1][1] not in ("GOV", "MIL")


@pytest.mark.parametrize("text, name", [
    # a body the knowledge base does not know whose name says it is non-governmental (N, R, T of
    # dev), and "it" after it
    (("The Campaign for Clean Rivers (CCR) called the dam plan reckless. It said the ministry "
      "should drop it."), "Campaign for Clean Rivers"),
    ("The Ruritanian Observatory for Human Rights said ten fighters died in the clashes.",
     "Ruritanian Observatory for Human Rights"),
    ("The International Red Cross said its staff had visited the prisoners.", "Red Cross"),
])
def test_a_body_named_as_non_governmental_is_an_ngo(annotate, text, name) -> None:
    for quote in annotate(text, "2025-03-01")._.quotes:
        found = quote["speaker"]
        assert (found["entity_name"], found["code"], found["sector"]) == (name, "NGO", "NGO")


@pytest.mark.parametrize("text, code", [
    # office holders of a state other than the one a report is about, whom the knowledge base
    # did not know, were given the report's country (S, P, Q, R of dev)
    (("Chinese warships sailed past Auckland on Monday. Defence Minister Judith Collins said "
      "the ships posed no danger."), "NZL"),
    (("Tanzania deported two activists. Cabinet Secretary for Foreign Affairs Musalia "
      "Mudavadi said the two may have broken local laws."), "KEN"),
])
def test_an_office_holder_of_another_state_keeps_it(annotate, text, code) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == (code, "GOV", False)


@pytest.mark.parametrize("text", [
    # a treaty partner named first of two who confirm it: the line protects that partner
    ("Peru and Chile confirmed on Monday that under their pact Chile would defend Peru in the "
     "event of an attack on its islands."),
    ("The leaders of Peru and Chile confirmed by phone that the treaty meant Chile would defend "
     "Peru in the event of a conflict on its soil."),
    # a mutineer on what his men could do to his own country's president: domestic
    ('"If we wanted, we would arrest the Bolivian president within an hour," the Bolivian '
     "colonel said."),
])
def test_a_line_falling_on_its_declarers_own_side_is_not_its_line(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text", [
    '"If they cross the river, we will strike Peru," Chile\'s defence minister said.',
    '"Our troops will defend Peru if the rebels attack," Chile\'s defence minister said.',
    # its own forces sent, and its own defence of itself, are what it acts with and for
    ('"If our islands are attacked, we will use every means to protect Chile," Chile\'s defence '
     "minister said."),
    ("Chile's defence ministry said it would launch strikes against Peru and send troops to the "
     "border, ready to open fire in case more drones are found over Santiago."),
])
def test_a_line_falling_on_another_side_keeps_its_declarer(annotate, text) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == ["CHL"]


@pytest.mark.parametrize("text", [
    # a charge the statement says is absent
    '"There have been no provocations by Peru this month," the Chilean minister said.',
    ('The Chilean minister said, "Given the absence of any serious provocations from Peru lately, '
     'the president chose to ease tensions."'),
    '"Peru has kept the border calm without any violation of the truce," the Chilean minister said.',
    # "lie" as a verb of where something is
    ('"The strength of the plan lies in its speed, so any delay would hurt it," the Chilean '
     "minister said."),
])
def test_a_statement_charges_nobody_with_an_absent_charge_or_a_verb_of_place(annotate,
                                                                              text) -> None:
    assert not any(t == "ACCUSE" for _, t, _ in _dyads(annotate(text)))


@pytest.mark.parametrize("text", [
    '"Peru lies about the border," the Chilean minister said.',
    '"Peru\'s provocations on the border are dangerous," the Chilean minister said.',
    '"There have been provocations by Peru this month," the Chilean minister said.',
])
def test_a_statement_still_charges_a_present_charge_or_a_lie_told(annotate, text) -> None:
    assert ("CHL", "ACCUSE", "PER") in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    ("The Moldovan president has been pleading with her allies for weeks to let Chisinau buy "
     "German air-defence systems."),
    "The bloc urges all member states to help bring the Serbian general to trial.",
    ("The Chilean government urged the international community to speak out about the raid "
     "by Peruvian troops."),
    "The Polish president called on foreign governments to stop buying Russian gas.",
])
def test_a_request_asking_many_states_named_by_no_side_is_aimed_at_nobody(annotate, text) -> None:
    requests = _events(annotate(text), "REQUEST")
    assert requests and all(e["recipient"] == [] for e in requests), requests


@pytest.mark.parametrize("text, dyad", [
    ("The Chilean government urged Peru to withdraw its troops from the border.",
     ("CHL", "REQUEST", "PER")),
    ("A Bolivian newspaper called on Andeans to rise up against the Chilean minister.",
     ("BOL", "REQUEST", "CHL")),
    ("The Georgian president called on allies to let Georgia join NATO this year.",
     ("GEO", "REQUEST", "IGO")),
])
def test_a_request_to_a_side_or_a_people_keeps_its_target(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, declarer", [
    # a kind of party named by any common noun, with what makes one in a relative clause, as the
    # subject of what is to come to it (W, F and O of dev; the head nouns there were none of these)
    ("Banks that process payments for the cartel will face penalties, Washington warned.", "USA"),
    (("Firms which continue to ship parts to Moscow would lose access to our market, the EU "
      "commissioner warned."), "IGO"),
    (("Any consulate that issues passports to the rebels will be shut down, Ethiopia's foreign "
      "ministry warned."), "ETH"),
])
def test_a_kind_of_party_a_relative_clause_defines_is_the_step(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text", [
    "The firms that signed the contract will meet next week, the Chinese ministry said.",
    "Fighters who did not join the revolt will sign contracts with the Russian army, the Kremlin said.",
    # an offer on a condition: every act the consequence holds is cooperation (S and W of dev)
    "Russia would declare a truce and begin talks if Ukraine gave up the four regions, Putin said.",
    ("Moscow would agree to a truce and start negotiations if Kyiv abandoned its bid to join NATO, "
     "the Kremlin said."),
    ("Beijing would resume trade talks and lift its export curbs if Washington dropped the "
     "tariffs, the Chinese commerce ministry said."),
])
def test_no_line_from_a_known_set_of_parties_or_an_offer(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, declarer", [
    ("Israel will strike back and expand the operation if Hezbollah fires again, Netanyahu said.",
     "ISR"),
    ("We will not release the remaining hostages unless Israel halts its strikes, Hamas said.",
     "PSE"),
    # a refusal the parse shows, whatever the event coder made of the act refused
    (("Seoul insisted the South will not engage in any formal dialogue with Pyongyang unless the "
      "North halts its launches."), "KOR"),
    ("Tehran warned it would answer with a harsh response if the UN penalties returned.", "IRN"),
    (("Lima will keep the border accords with Quito in abeyance until Ecuador stops sheltering "
      "the smugglers, Peru's foreign ministry said."), "PER"),
])
def test_a_refusal_or_a_threat_on_a_condition_is_no_offer(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text, declarer", [
    # structures of a line in wording no dev group held (stop 24): a demand joined to what is to
    # come by "otherwise" or "or (else)", an imperative joined by "and", an inverted "were X to",
    # a refusal of a step a party named takes
    (('"Withdraw your ships from the reef, otherwise we will remove them by force," China\'s '
      "defence ministry said."), "CHN"),
    ("The rebels should lay down their arms or they will be crushed, the Sudanese army said.",
     "SDN"),
    ("Pay the debt or else we will seize the port, Beijing warned.", "CHN"),
    ('"Touch our tankers and we will sink your navy," Iran warned.', "IRN"),
    (("Were Beijing to blockade the island, Washington would respond with sanctions, the US "
      "envoy said."), "USA"),
    ("Israel will not tolerate Iranian entrenchment in Syria, the Israeli defence minister said.",
     "ISR"),
])
def test_red_line_structures_in_unseen_wording(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text", [
    "Come to the table and we will talk, the Ukrainian president told Russia.",
    "Russia said the talks must continue and it will send a delegation next week.",
    "We will not tolerate blackmail, the Indian minister said.",
    "Sign the accord, otherwise the economy will shrink, Kenya's finance minister told lawmakers.",
])
def test_no_line_from_an_invitation_a_plan_a_stance_or_a_forecast(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text, dyads", [
    # one who speaks for a side told by the office and the side its phrase names, not by a
    # name: a consultation with each side named (O, S, P, G, W of dev)
    (("On Monday the Chilean defence minister spoke with the defence ministers of Peru and "
      "Bolivia."), {("CHL", "CONSULT", "PER"), ("CHL", "CONSULT", "BOL")}),
    (("The Chilean minister said he had spoken with the foreign policy chief of the African "
      "Union."), {("CHL", "CONSULT", "IGO")}),
    ("On Friday evening the Chilean president telephoned Luis Arce, Bolivia's president.",
     {("CHL", "CONSULT", "BOL")}),
])
def test_speaking_with_another_sides_voice_consults_it(annotate, text, dyads) -> None:
    assert dyads <= _dyads(annotate(text))


def test_speaking_to_reporters_consults_no_one(annotate) -> None:
    assert not any(e["event_type"] == "CONSULT"
                   for e in annotate("The Chilean president spoke to reporters in Lima on "
                                     "Monday.")._.events)


@pytest.mark.parametrize("text, dyad", [
    # a visa revoked, rescinded or restricted sanctions its holders' side (W of dev; H, L and R
    # code visas stopped or suspended so too)
    ("Washington revoked the visa of the Bolivian interior minister last year.",
     ("USA", "SANCTION", "BOL")),
    ("Chile restricted the issuance of visas for Peruvian officials involved in the case.",
     ("CHL", "SANCTION", "PER")),
])
def test_a_visa_withdrawn_is_a_sanction(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, code", [
    # the state that owns the title written onto a name places the person, however long the
    # title, and before a body named inside it that the knowledge base places elsewhere (S, Q
    # of dev)
    ("Peru's Ministry of Foreign Trade spokesman Luis Quispe said the port would reopen.",
     "PER"),
    ("Manila's National Security Council spokesman Carlo Reyes said the vessels had left.",
     "PHL"),
])
def test_a_state_owning_a_title_places_the_person_named_by_it(annotate, text, code) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == (code, "GOV", False)


def test_an_unnamed_official_from_a_named_capitals_body_speaks_for_it(annotate) -> None:
    # an office word whose "from" phrase names its own body is that body's, though the body (a
    # capital's agency) carries a sector of its own, not the report's country's (W of dev)
    text = ("Russia moved more tanks to the front, the agency said. Russia also said the tanks "
            "had been pulled back. But an official from Tokyo's defence agency said on Friday "
            "they had been sent back. The full number is still unclear, the official said.")
    assert _speakers(annotate(text, "2025-03-01"))[-2:] == [("JPN", "GOV", True)] * 2


@pytest.mark.parametrize("text", [
    # people of a place who are none of them its state's voice, however the place is named: a
    # crowd word heads the source (O, P, T, W of dev)
    "The ban dates from 1998. Many in Chad say the ban has outlived its purpose.",
    "Minsk held a parade. Kremlin critics mock the parade as a costly show.",
    "Baku and Yerevan signed a deal. Turkish hardliners warned the road would help foreign troops.",
    ("The pact was signed in 1990. Its critics, mostly among French conservatives, argue the pact "
     "has been broken."),
])
def test_a_crowd_of_a_place_speaks_for_no_state(annotate, text) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1][1] not in ("GOV", "MIL")


def test_many_officials_still_speak_for_their_state(annotate) -> None:
    assert _speakers(annotate("Many officials in Kenya said the deal was dead.",
                              "2025-03-01"))[-1][1] == "GOV"


@pytest.mark.parametrize("text", [
    # what several parties issued or said together is no one country's, and "the communique"
    # after it goes on with it (A, G, R, W of dev)
    ("Chad and Niger agreed on Monday to a full ceasefire, a joint communique said. The sides "
     "will pull back their troops, the communique said."),
    ("Chad and Niger agreed to a truce. The Lima Declaration, signed after two days of talks, "
     "said the border would reopen."),
    ("Peru and Chile agreed to restore ties, the two countries' foreign ministries said in a "
     "statement. The statement said the meeting was positive."),
])
def test_a_joint_document_speaks_for_no_one_country(annotate, text) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == ("", "GOV", False)


@pytest.mark.parametrize("text", [
    # what a step of the other side would bring about, told as a warning with any modal, or
    # to whom the speaker addresses; a harm to the bonds between the sides (U, Q, S of dev;
    # wording of our own)
    "Peru warned Chile that any new drills near its coast could lead to grave consequences.",
    ("Peru's president told Chile's leader that the sale of jets to Bolivia would damage "
     "relations between them."),
    "Peru's president warned that the sale of jets to Bolivia would wreck ties with Chile.",
    ("Peru's foreign minister warned that Chile's continued meddling will result in it being "
     "treated as an enemy."),
])
def test_what_a_step_would_bring_about_under_a_warning_is_a_line(annotate, text) -> None:
    assert [r["declarer"]["code"] for r in annotate(text, "2025-03-01")._.red_lines] == ["PER"]


@pytest.mark.parametrize("text", [
    # no party's step, or a harm that is a forecast of prices
    "Peru's president told reporters that the storm could damage ties between farmers.",
    "Peru's finance minister warned that the tariffs could lead to higher prices.",
])
def test_a_forecast_of_harm_without_a_partys_step_is_no_line(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


@pytest.mark.parametrize("text", [
    # a consequence that threatens nothing (W, V, P of dev; wording of our own): what the other
    # side must or should do if it wants something is a demand, not what the speaker's side
    # will do
    ("\"If Chile is serious about a settlement, it should halt its strikes now,\" Peru's foreign "
     "minister said."),
    ("If Lima really wants the talks to go on, it must stop its attacks on the border posts, Chile's "
     "defence minister said."),
    # a step judged, negated, to be no hostile act, or judged only as what it might be
    ("Peru's prime minister said the naval drills should not be seen as a provocation against "
     "Chile."),
    ("Chile's defence minister said that the new radar base must not be regarded as a threat to "
     "Peru."),
    ("A Peruvian official told a newspaper that a Chilean naval base on the island would be a "
     "potential threat."),
    ("Peru's defence minister said any Chilean troops on the island would be a possible breach "
     "of the treaty."),
])
def test_no_line_from_a_demand_or_a_step_judged_harmless(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


@pytest.mark.parametrize("text", [
    # what the other must undergo, or what the speaker's side must do, is still a line, and
    # so is a step judged a threat unhedged
    "If Chile strikes again, it must pay a heavy price, Peru's defence minister said.",
    "If Chile strikes again, we must answer with force, Peru's defence minister said.",
    "Whoever attacks our ports must expect consequences, Peru's defence minister said.",
    ("Peru's defence minister warned that any attack on its ships would be considered an act of "
     "war."),
    "A Peruvian official said that a Chilean naval base on the island would be a serious threat.",
])
def test_a_price_to_pay_or_an_own_answer_still_draws_a_line(annotate, text) -> None:
    assert [r["declarer"]["code"] for r in annotate(text, "2025-03-01")._.red_lines] == ["PER"]


@pytest.mark.parametrize("text, told", [
    # a bare "the day" after a paragraph naming the day (X)
    (("On 3 October the mediators were busy.\n\nThe Sylvanian president began the day with a "
      "speech in Ruritania's parliament, where he urged the Ruritanian premier to resign."),
     ("2024-10-03", "day")),
    # "earlier in the day" (R)
    (("The talks ended on 3 October.\n\nEarlier in the day, Sylvania's army announced the launch "
      "of an offensive against Ruritanian positions."), ("2024-10-03", "day")),
    # "at that time" after a month named before it (S)
    (("In September, Sylvania confirmed its troops were fighting beside Ruritania's.\n\n"
      "The Ruritanian president thanked Sylvania at that time for its help."),
     ("2024-09-01", "month")),
])
def test_a_time_pointed_back_to_is_the_time_told_before(annotate, text, told) -> None:
    # "that day", "at that time", "earlier in the day": the time the report last named, even
    # across a paragraph, not the publication day
    doc = annotate(text, "2024-11-22")
    last = [e for e in doc._.events if e["start"] > text.index("\n\n")]
    assert last and all((e["date"], e["date_precision"]) == told for e in last), doc._.events


def test_at_the_same_time_is_meanwhile_not_a_time_told_before(annotate) -> None:
    doc = annotate("The talks collapsed last month.\n\nAt the same time, Sylvania has been accused "
                   "of war crimes by Ruritania.", "2024-11-22")
    accused = [e for e in doc._.events if e["event_type"] == "ACCUSE"]
    assert accused and all(e["date"] == "2024-11-22" for e in accused), doc._.events


def test_later_that_same_day_is_the_day_told_not_the_next(annotate) -> None:
    text = ("Sylvania's army crossed the border on 3 October.\n\nRuritania summoned Sylvania's "
            "ambassador later that same day.")
    doc = annotate(text, "2024-11-22")
    summoned = [e for e in doc._.events if e["start"] > text.index("\n\n")]
    assert summoned and all(e["date"] == "2024-10-03" for e in summoned), doc._.events


def test_a_month_of_a_year_names_that_year(annotate) -> None:
    # "in August of 2018" on a page that prints no date (U)
    doc = annotate("Sylvania expelled Ruritania's ambassador in August of 2018.", None)
    assert [(e["date"], e["date_precision"]) for e in doc._.events] == [("2018-08-01", "month")]


def test_a_clause_that_names_its_day_is_not_also_the_day_before(annotate) -> None:
    # the parser hangs "the previous day" on the verb, but it dates the incursion (U)
    doc = annotate("Ruritania's foreign minister on 3 October condemned a Sylvanian drone's "
                   "incursion into Ruritanian airspace the previous day.", "2024-11-22")
    condemned = [e for e in doc._.events if e["event_type"] == "ACCUSE"]
    assert condemned and all(e["date"] == "2024-10-03" for e in condemned), doc._.events


@pytest.mark.parametrize("text, name", [
    # a person named in full goes on by a shorter form of the name: the last two words, a surname
    # joined by a hyphen, a family name written first or a first surname after a title (U, X of
    # dev)
    (("Kenya's envoy to the bloc, Karim Abdel Nour, said the vote was unfair. \"We will not "
      "accept it,\" Abdel Nour said."), "Karim Abdel Nour"),
    (("Chilean Foreign Minister Lucia Ferrer-Valdivia met her Peruvian counterpart on Monday. "
      "Ferrer-Valdivia said the border would stay open."), "Lucia Ferrer-Valdivia"),
    (("Mongolian President Bat Oyun Erdene flew to Seoul on Monday. President Bat said the "
      "two states would sign a trade pact."), "Bat Oyun Erdene"),
    (("Paraguayan President Tomas Vera Acosta received the envoy on Friday. President Vera said "
      "the talks had been frank."), "Tomas Vera Acosta"),
])
def test_a_shorter_form_of_a_name_is_the_person_named_before(annotate, text, name) -> None:
    speaker = annotate(text, "2025-03-01")._.quotes[-1]["speaker"]
    assert speaker is not None and speaker["entity_name"] == name


def test_a_title_before_a_first_word_of_another_name_is_not_that_person(annotate) -> None:
    # "La Paz" and "President Paz" read alike; only a title makes the word a surname
    doc = annotate("Paraguayan President Tomas Vera Acosta flew to Lima. Vera Cruz officials "
                   "said the port was closed.", "2025-03-01")
    assert all((q["speaker"] or {}).get("entity_name") != "Tomas Vera Acosta"
               for q in doc._.quotes)


def test_a_news_feeds_field_labels_are_no_speakers(annotate) -> None:
    # "Details:", "Quote:" open a feed's lines: the speaker is whom the line tells of, and a
    # quotation in a "Quote:" field is the words of whom the line before told of (P, S, U, W of
    # dev)
    text = ("Source: a post by the Chilean navy\n\nDetails: Chile's navy said it had seized a "
            "fishing boat near the maritime border.\n\nQuote: \"The crew will be handed over to "
            "the courts in Arica.\"")
    speakers = [(q["speaker_text"], (q["speaker"] or {}).get("code")) for q in
                annotate(text, "2025-03-01")._.quotes]
    assert speakers == [("Chile's navy", "CHL")] * 2


def test_offices_that_open_a_transcripts_lines_stay_its_speakers(annotate) -> None:
    # office words are who speaks, however many lines they open
    quotes = annotate("Partial transcript follows.\n\nMinister: We will keep the border shut "
                      "all winter.\n\nAmbassador: Our trucks will wait for as long as it "
                      "takes.", "2025-03-01")._.quotes
    assert [q["speaker_text"] for q in quotes] == ["Minister", "Ambassador"]


@pytest.mark.parametrize("text, code", [
    # "the country's" before a body or an office holder points back at the state the text
    # tells of, as "the country" as a subject does (V, M, T of dev)
    (("Peru expelled two diplomats on Friday. Chile will close two consulates in Peru, the "
      "country's Foreign Minister Ana Rojas Vidal told reporters on Monday, after Peru's "
      "protest."), "CHL"),
    ("Mongolia shut its border crossings overnight, the Asian country's customs agency said.",
     "MNG"),
])
def test_the_countrys_speaker_is_the_state_told_of(annotate, text, code) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[0][0] == code


@pytest.mark.parametrize("text, dyad", [
    # acts told by a light verb whose object the tables lacked: a sanction slapped or levied on
    # another side's goods is laid on that side, as "imposed" is, and a surtax, a levy or a
    # single tariff is a sanction as tariffs are (V, and O, Q, X in forms these rows do not all
    # read); an annexation declared or announced coerces, and sorties conducted assault (U, Q)
    ("Mexico later followed suit, levying a 50 per cent tariff on Chinese steel.",
     ("MEX", "SANCTION", "CHN")),
    ("In return, Brazil slapped its own surtax on Argentine wheat and beef.",
     ("BRA", "SANCTION", "ARG")),
    ("Peru slapped a new levy on Bolivian sugar last week.", ("PER", "SANCTION", "BOL")),
    ("Armenia declared the annexation of two Azerbaijani districts on Friday.",
     ("ARM", "COERCE", "AZE")),
    ("Sudan's air force said it had conducted dozens of sorties against rebel camps in Chad.",
     ("SDN", "ASSAULT", "TCD")),
])
def test_an_act_a_light_verbs_object_names(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_a_fine_levied_or_a_table_slapped_is_no_sanction(annotate) -> None:
    assert not _dyads(annotate("The coach slapped the table and levied a fine on the player."))


@pytest.mark.parametrize("text, dyad", [
    # a warning of consequences, a response or retaliation threatens whom it warns (D, E, J, Q
    # and U of dev), and a warning added to a clause that addresses a side warns that side (U, N)
    ("Lima warned Santiago of serious consequences over its strike on a rebel base.",
     ("PER", "THREATEN", "CHL")),
    ("NATO warned Moscow of grave consequences should it send troops into Moldova.",
     ("IGO", "THREATEN", "RUS")),
    ("Peru told Chile to stop arming the rebels, warning of serious consequences.",
     ("PER", "THREATEN", "CHL")),
])
def test_a_warning_of_consequences_threatens(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_a_warning_of_what_others_may_do_is_no_threat(annotate) -> None:
    assert "THREATEN" not in {d[1] for d in _dyads(annotate(
        "Peru warned of a famine in the south and of an attack by Chilean rebels."))}


@pytest.mark.parametrize("text, dyad", [
    # consequences or a response said to be in store for another side's act threaten that side
    # (V of dev; O and W say it in forms whose speaker or source these rows do not resolve)
    (("Peru's decision to expel the envoy would \"have consequences,\" the Chilean ministry "
      "added."), ("CHL", "THREATEN", "PER")),
    (("The Chilean foreign ministry said Peru's actions would be met with \"a fitting "
      "response.\""), ("CHL", "THREATEN", "PER")),
    ("\"Peru understands that it will receive a response,\" the Chilean envoy said.",
     ("CHL", "THREATEN", "PER")),
])
def test_consequences_in_store_for_another_sides_act_threaten(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_consequences_for_ones_own_people_are_no_threat(annotate) -> None:
    assert not _dyads(annotate("The ministry said the reform would have consequences for "
                               "farmers."))


@pytest.mark.parametrize("text, dyad", [
    # a pair told by description ("the two countries", "both nations") is two states: a state
    # and its own leader or body named last before it are one side of the pair (U, X, G, P of
    # dev), while an army and a militia of one country stay two
    (("China will work with Nepal on the road, Prime Minister K P Sharma Oli told Nepal's "
      "parliament. The two countries also agreed to open a new border crossing."),
     ("CHN", "AGREE", "NPL")),
    (("The Sudanese army fought the RSF in Khartoum on Monday. The two sides agreed to a truce "
      "on Tuesday."), ("SDN", "AGREE", "SDN")),
])
def test_a_pair_told_by_description_is_two_states(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, dyad", [
    # participants (stop 27, second round; AB, U, V, W of dev): the pair named a few sentences
    # before "both nations agreed", its quarrel told in between, still acts
    (("Chile and Peru disputed a strip of sea for decades. The quarrel went to judges at The "
      "Hague in 2008. After a long hearing, both nations agreed to accept the ruling."),
     ("CHL", "AGREE", "PER")),
    (("Ghana and Togo argued over the fishing grounds all year. Boats were seized and crews "
      "held on both shores. Fishermen lost months of work. On Friday the two governments "
      "signed a deal to share the catch."), ("GHA", "SUPPORT", "TGO")),
])
def test_a_pair_named_sentences_before_still_acts(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text, absent, present", [
    # a breach is no rejection its breaker makes: whoever says it accuses (E, M, O, Q, S, T, V
    # of dev), and of airspace it is an incursion
    ("Peru said Chile had violated the fishing treaty.", ("CHL", "REJECT", "PER"),
     ("PER", "ACCUSE", "CHL")),
    ('"While Chile has violated the treaty, we have kept to it," the Peruvian minister said.',
     ("CHL", "REJECT", "PER"), None),
    ("A Chilean jet violated Peru's airspace on Monday.", None, ("CHL", "COERCE", "PER")),
    # an order defied stays a rejection of whoever gave it (PLOVER's gold)
    ("Peru violated the ban imposed by Chile on fishing near the islands.", None,
     ("PER", "REJECT", "CHL")),
    # a charge the statement says is not done charges nobody (Q of dev)
    (('"We will expand the port without violating our obligations to Peru," the Chilean '
      "president said."), ("CHL", "ACCUSE", "PER"), None),
    (("Chile will base jets in Bolivia but will not violate its accords with Peru, the Chilean "
      "president said on Saturday."), ("CHL", "ACCUSE", "PER"), None),
])
def test_a_breach_is_the_accusation_of_whoever_tells_it(annotate, text, absent, present) -> None:
    dyads = _dyads(annotate(text))
    assert absent not in dyads and (present is None or present in dyads)


@pytest.mark.parametrize("text", [
    # ground told as held now is a standing state, not an act (R, T, U, V of dev)
    "Peru raised the fate of the three islands, which are occupied by Chile.",
    "Much of the valley, which Chile still occupies, links the two Peruvian ports.",
    "Bolivia argues that the treaty never assigned the island and Chile is wrongfully occupying it.",
])
def test_ground_held_now_is_no_attack(annotate, text) -> None:
    assert not any(event_type == "ASSAULT" for _, event_type, _ in _dyads(annotate(text)))


def test_ground_taken_is_still_an_attack(annotate) -> None:
    assert ("CHL", "ASSAULT", "PER") in _dyads(annotate(
        "Chilean troops occupied the Peruvian town of Tacna on Monday."))


@pytest.mark.parametrize("text, event_type", [
    # what a demand, a plea or an obligation asks for is not done (U, W, X of dev), where the
    # parser hangs the infinitive on the verb above the demand, and on each verb of it
    ("Chile has taken steps to respond to Peruvian demands to crack down on the rebels.",
     "COERCE"),
    ("Chile answered Peruvian demands to expel the envoys and arrest the rebels.", "COERCE"),
    ("The court required the minister to condemn the strikes on Bolivia by Peru.", "ACCUSE"),
    ("Peru has been pleading with its allies for months to let it fire missiles into Chile.",
     "CONCEDE"),
])
def test_what_is_asked_for_is_not_done(annotate, text, event_type) -> None:
    assert not any(t == event_type for _, t, _ in _dyads(annotate(text)))


@pytest.mark.parametrize("text, accusation", [
    # a side does not accuse itself: words of charge whose doer is the speaker's own side tell
    # its own act (the statements the breach class above lets through: N, V of dev, where the
    # speaker was taken for the side named)
    (('"Peru undermined the talks with Chile for years," the Peruvian foreign minister admitted '
      "on Monday."), None),
    (('"Chile undermined the talks with Peru for years," the Peruvian foreign minister said on '
      "Monday."), ("PER", "ACCUSE", "CHL")),
])
def test_a_side_does_not_accuse_itself(annotate, text, accusation) -> None:
    dyads = _dyads(annotate(text))
    assert accusation in dyads if accusation else not any(t == "ACCUSE" for _, t, _ in dyads)


@pytest.mark.parametrize("text", [
    # what follows a condition told as what happened or might have happened, not as what is to
    # come (Y, Z, Q of dev; wording of our own): history told with "once / when", a modal
    # perfect, a position reaffirmed in the past
    "Once the Chilean drone entered its airspace, Peru's air force shot it down.",
    "Once the rebels seized the depot, Peruvian troops launched strikes on their camps.",
    ("\"If the shell had struck the depot, it could have killed dozens of our soldiers,\" "
     "Peru's army chief warned."),
    ("Peru's envoy repeated his government's opposition to Chilean units being deployed along "
     "the river if a ceasefire was reached."),
])
def test_a_consequence_told_as_done_is_no_line(annotate, text) -> None:
    assert annotate(text, "2025-03-01")._.red_lines == ()


@pytest.mark.parametrize("text", [
    # a line told in the past by its verb of threatening, or a reported future, is still one
    "Peru threatened sanctions on Chile if its troops stayed on the island.",
    "Peru's army chief warned that if the shelling went on, his forces would strike back.",
    "Peru's navy chief said its ships were ready to strike if Chilean boats entered the bay.",
    # a decision told in the past whose act, still to come, the condition hangs on
    "Peru's cabinet approved a plan to strike rebel bases in Chile if the raids continued.",
    # a future perfect is still to come
    ("Peru's defence minister warned that if Chile sent more troops, its navy will have "
     "blockaded the port within days."),
])
def test_a_line_told_in_the_past_tense_is_still_a_line(annotate, text) -> None:
    assert [r["declarer"]["code"] for r in annotate(text, "2025-03-01")._.red_lines] == ["PER"]

@pytest.mark.parametrize("text, dyad", [
    # a schedule named in another clause
    ("Ghana criticised Togo's border closure ahead of a regional summit scheduled for next week.",
     ("GHA", "ACCUSE", "TGO")),
    # a day counted on from the report's own day
    (("Chad recalled its envoy from Niger on Friday. One day later, Niger expelled the Chadian "
      "ambassador."), ("NER", "SANCTION", "TCD")),
])
def test_an_act_told_as_done_is_never_dated_after_the_report(annotate, text, dyad) -> None:
    # stop 26 (Y, N, A, C, D, G): a time after the publication day is a plan's, a deadline's
    # or a count gone past the report, never the day of an act the report tells as done
    events = [e for e in annotate(text, "2024-11-22")._.events
              if not e["hypothetical"] and (e["actor"][0]["code"], e["event_type"],
                                            e["recipient"][0]["code"] if e["recipient"] else "")
              == dyad]
    assert events and all(e["date"] is not None and e["date"] <= "2024-11-22" for e in events)


@pytest.mark.parametrize("text", [
    "Egypt will host talks with Sudan next week.",
    # the act a plan names, its time told with the plan
    "Turkey plans to meet Greek officials as early as next week.",
])
def test_a_planned_act_keeps_the_day_its_clause_names(annotate, text) -> None:
    doc = annotate(text, "2024-11-22")
    assert [(e["date"], e["date_precision"]) for e in doc._.events
            if e["event_type"] == "CONSULT"] == [("2024-11-25", "week")]


_LIVE_PAGE = ("Border standoff live: envoys summoned\n\nWednesday, 5 March 2025\n\n09:12 GMT\n\n"
              "Armenia summoned the Azerbaijani envoy over the shooting near the border.\n\n"
              "Tuesday, 4 March 2025\n\n18:40 GMT\n\n"
              "Azerbaijan accused Armenia of firing on its positions in the north.\n\n11:05 GMT\n\n"
              "Georgia offered to host talks between Armenia and Azerbaijan.")


def test_a_live_blogs_entries_take_the_day_their_date_line_prints(annotate) -> None:
    # page layout (stop 26): entries under an earlier day's line were written that day, not on
    # the day the page was last published; the entry times under it name no day
    dates = {(e["actor"][0]["code"], e["event_type"]): e["date"]
             for e in annotate(_LIVE_PAGE, "2025-03-05")._.events if e["actor"]}
    assert dates[("ARM", "ACCUSE")] == "2025-03-05"
    assert dates[("AZE", "ACCUSE")] == "2025-03-04"


@pytest.mark.parametrize("page", [
    # a line printing the publication day leaves the lead's day to what follows it
    ("Wednesday, 5 March 2025\n\nArmenia on Monday summoned the Azerbaijani envoy.\n\n"
     "Azerbaijan accused Armenia of firing on its positions in the north."),
    # a site's header printing the day the page was read is no entry's day
    ("Friday, 14 November 2025\n\nArmenia on Monday summoned the Azerbaijani envoy.\n\n"
     "Azerbaijan accused Armenia of firing on its positions in the north."),
])
def test_a_date_line_of_the_publication_day_or_later_dates_no_entry(annotate, page) -> None:
    dates = {(e["actor"][0]["code"], e["event_type"]): e["date"]
             for e in annotate(page, "2025-03-05")._.events if e["actor"]}
    assert dates[("AZE", "ACCUSE")] == "2025-03-03"

@pytest.mark.parametrize("text, dyad", [
    # a side's people counselled, not asked, to keep away from a country: a travel advisory all
    # the same (Y, Z, H of dev), whether the counsel takes an infinitive or a clause of its own
    ("Ecuador advised its nationals on Tuesday to refrain from visiting Colombia for now.",
     ("ECU", "SANCTION", "COL")),
    ("Quito instructed Ecuadorian students to postpone their exchange stays in Colombia.",
     ("ECU", "SANCTION", "COL")),
    ("Ecuador warned its tourists to avoid the beaches of Colombia this winter.",
     ("ECU", "SANCTION", "COL")),
    ("Ecuador's foreign ministry recommended that residents avoid trips to Colombia until March.",
     ("ECU", "SANCTION", "COL")),
    # counsel to keep away from something that names no country is no sanction of anyone
    ("Ecuador warned its nationals to avoid any part in foreign wars.", None),
])
def test_counsel_to_keep_away_from_a_country_is_a_travel_advisory(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    if dyad:
        assert dyad in dyads and (dyad[0], "THREATEN", dyad[2]) not in dyads
    else:
        assert not any(t == "SANCTION" for _, t, _ in dyads)


@pytest.mark.parametrize("text, dyad", [
    # a side that raises a concern or the alarm states it, as "expressed concern" does (Y, H, V
    # of dev); what a thing or an act raises is no side's accusation
    (("The Ecuadorian delegation raised concerns about the treatment of its truckers by "
     "Colombian customs."), ("ECU", "ACCUSE", "COL")),
    ("The African Union raised the alarm over killings blamed on Colombian mercenaries.",
     ("IGO", "ACCUSE", "COL")),
    ("Quito has raised serious concerns with Bogota over the arrests.", ("ECU", "ACCUSE", "COL")),
    ("Colombia's new tariff has raised concerns in Ecuador.", None),
    (("Ecuadorian troops pushed towards the border, raising concerns of a wider war with "
     "Colombia."), None),
])
def test_a_concern_raised_by_a_side_accuses(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    if dyad:
        assert dyad in dyads
    else:
        assert not any(t == "ACCUSE" for _, t, _ in dyads)


@pytest.mark.parametrize("text, dyad", [
    # a denial whose only target was the denier's own country, placed by the words of what it
    # denies, answers whoever accused it (Y, H, W of dev)
    (("The OAS said Ecuadorian police had beaten Colombian migrants. Ecuador rejected the "
     "allegations about abuses in Ecuador as baseless."), ("ECU", "REJECT", "IGO")),
    (("Colombia accused Ecuador of bombing farms. Ecuador denied accusations it was bombing farms "
     "in Ecuador."), ("ECU", "REJECT", "COL")),
])
def test_a_denial_answers_its_accuser_not_its_own_country(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    assert dyad in dyads and (dyad[0], "REJECT", dyad[0]) not in dyads


def test_a_denial_of_a_claim_told_with_its_maker_stays_where_it_is_told(annotate) -> None:
    # "government accusations": the claim names who made it; no accuser is looked for before
    text = ("Ecuador accused Colombia of sheltering the rebels. The rebel party denies government "
            "accusations that it is linked to the militia in Ecuador.")
    assert not any(t == "REJECT" and r == "COL" for _, t, r in _dyads(annotate(text)))


@pytest.mark.parametrize("text, dyad", [
    # a deadline set for another side to act is an ultimatum, as time given for it is (Y, Z, X
    # of dev), whether "for" takes the side or a clause of it
    ("Bogota set a ten-day deadline for Quito to release the detained fishermen.",
     ("COL", "THREATEN", "ECU")),
    (("The Colombian president is setting a deadline for Ecuador to close the camps or face "
     "tariffs."), ("COL", "THREATEN", "ECU")),
    ("Bogota imposed a deadline on Ecuador to hand over the files.", ("COL", "THREATEN", "ECU")),
    # a deadline for a process, or one named only as a date, threatens no one
    ("The mediators set a deadline for the border talks.", None),
])
def test_a_deadline_set_for_a_side_is_an_ultimatum(annotate, text, dyad) -> None:
    dyads = _dyads(annotate(text))
    if dyad:
        assert dyad in dyads
    else:
        assert not any(t == "THREATEN" for _, t, _ in dyads)

@pytest.mark.parametrize("text, code", [
    # a person the text places nowhere speaks from one country throughout: a pronoun after
    # another state acted keeps the country the first mention was given (Y of dev)
    (("Armenia has told the Russian border guards to leave the Armenian airport by August, "
      "Prime Minister Aram Petrosyan said. Russia answered that its guards would stay. "
      '"From August we will guard the airport ourselves," he said.'), "ARM"),
    # an official the text places nowhere speaks for the state whose voice was quoted last,
    # not for the state the report names most (V, X, Y, Z of dev)
    (("Tallinn's foreign ministry announced that it called in the Russian envoy over his remarks. "
      "Russia accused Estonia of stoking tension along the border last week, and Russian jets "
      "flew near Estonian islands. The ministry said the envoy had broken diplomatic custom. "
      "Deputy Minister Karl Tamm told the envoy that such remarks were unacceptable."), "EST"),
    (("Norway's foreign minister said the council would resume work in June. Russia handed "
      "over the chair last year after Russia was shunned by the other members. However, Lars "
      "Eidsvoll, head of the council's senior officials, said that meetings at the political "
      "level remain uncertain."), "NOR"),
])
def test_an_unplaced_official_speaks_for_the_state_quoted_before(annotate, text, code) -> None:
    assert _speakers(annotate(text))[-1][0] == code


@pytest.mark.parametrize("text, code", [
    # a place of the clause before, across a comma, is not the title's: the name keeps no
    # country from it (Y, L of dev; X by country)
    ("The cabinet will never accept foreign troops in Moldova, Foreign Minister Aric Valen said.",
     ""),
    ("The convoy turned back near the Chadian border, commander Idris Malou said.", ""),
    # a place the title stands beside is the title's, and a place inside a country tells where
    # the person speaks from
    ("Ukraine's foreign minister, Andriy Sybiga, said the talks would go on.", "UKR"),
    ("Drones struck a depot near a village of the Kharkiv region, governor Taras Melnyk said.",
     "UKR"),
])
def test_a_place_before_a_comma_is_not_the_titles(annotate, text, code) -> None:
    assert _speakers(annotate(text))[-1][0] == code


def test_a_misspelt_surname_is_the_person_named_before(annotate) -> None:
    # a surname one typing slip from that of someone named in full before is that person
    # (H, L, Z of dev)
    doc = annotate("Algeria's President Abdelmadjid Tebboune met the envoy on Sunday. "
                   "Tabboune said the border would stay closed.")
    assert _speakers(doc)[-1][:2] == ("DZA", "GOV")


@pytest.mark.parametrize("text, day, last", [
    # office holders by office: Pakistan's information ministers, Papua New Guinea's prime
    # ministers, a shadow minister before taking office, the bodies each side of the Taiwan
    # Strait speaks through (AB, AA, Z of dev)
    ("Information Minister Attaullah Tarar said the army stood ready.", "2025-05-01",
     ("PAK", "GOV")),
    ("Prime Minister James Marape said the pact would be signed soon.", "2024-01-10",
     ("PNG", "GOV")),
    ("Penny Wong said the region had become less secure.", "2022-04-20", ("AUS", "OPP")),
    ("The Mainland Affairs Council said the new rules had no legal force.", "2024-06-22",
     ("TWN", "GOV")),
    # India's finance and defence ministers of 2014-19, and a wire service's other spelling
    ("Union Minister Arun Jaitley said the army would respond.", "2017-06-01", ("IND", "GOV")),
    ("Tass said two drones were downed over the region.", "2024-01-10", ("RUS", "MED")),
    # the heads of Taiwan's council for mainland affairs and of the Gulf's regional bloc
    ("Chiu Chui-cheng said the new rules had no legal force.", "2024-06-22", ("TWN", "GOV")),
    ("Mr Albudaiwi said the islands belong to the Emirates.", "2024-05-01", ("IGO", "IGO")),
])
def test_knowledge_base_gaps_by_office(annotate, text, day, last) -> None:
    assert _speakers(annotate(text, day))[0][:2] == last


@pytest.mark.parametrize("text, code", [
    # a military body named by its kind and placed nowhere is of the state that last spoke or
    # acted, as a ministry is (AB, E, Z of dev)
    (("Ukraine said on Friday that its drones had reached two airfields. The General Staff said "
      "three hangars were hit."), "UKR"),
    (("Poland scrambled jets after drones crossed its border. The air force said two of them "
      "were downed near the town."), "POL"),
    (("Manila lodged a protest over the blockade. The task force said coast guard boats had been "
      "rammed."), "PHL"),
])
def test_a_military_body_by_its_kind_is_of_the_state_that_last_acted(annotate, text, code) -> None:
    assert _speakers(annotate(text))[-1][0] == code


@pytest.mark.parametrize("text, event_type", [
    # an act a side is told to take no part in, by a negated verb of taking part, is not done
    # by it (Q, V, Z of dev, and C as a repeat)
    ("Uruguay has not joined its neighbours in sanctioning Paraguay over the river dispute.",
     "SANCTION"),
    ("The foreign minister insisted that Ecuador is not engaged in any war with Colombia.",
     "ASSAULT"),
])
def test_taking_no_part_in_an_act_negates_it(annotate, text, event_type) -> None:
    assert not any(t == event_type for _, t, _ in _dyads(annotate(text)))


def test_taking_part_in_an_act_keeps_it(annotate) -> None:
    assert ("ECU", "ASSAULT", "COL") in _dyads(annotate(
        "Ecuador is engaged in a bitter border war with Colombia."))


def test_what_is_discussed_is_no_partner(annotate) -> None:
    # the object of "discuss" is the topic, not the other side (J, K, Q, Z of dev)
    dyads = _dyads(annotate(
        "The Uruguayan minister discussed the likelihood of Paraguay extending the river accord."))
    assert not any(t == "CONSULT" and r == "PRY" for _, t, r in dyads)


def test_the_partner_of_a_discussion_is_named_with_with(annotate) -> None:
    assert ("URY", "CONSULT", "PRY") in _dyads(annotate(
        "The Uruguayan minister discussed the river accord with his Paraguayan counterpart."))


@pytest.mark.parametrize("text", [
    # declining or refusing to tell rejects no one (F, I, Q, R, U, W, Y, Z of dev)
    "The Chilean foreign ministry declined to comment on the report.",
    "Asked about the claims, the Peruvian spokesman refused to say how Lima would answer Chile.",
])
def test_keeping_silent_rejects_no_one(annotate, text) -> None:
    assert not any(t == "REJECT" for _, t, _ in _dyads(annotate(text)))


def test_declining_an_act_still_rejects(annotate) -> None:
    assert ("CHL", "REJECT", "PER") in _dyads(annotate("Chile declined to sign the accord with Peru."))


@pytest.mark.parametrize("text, event_type", [
    # an act a side must or should do, with nobody saying so, is owed, not done (B, F, M, X, Y
    # of dev: analysis prose and a stance told by the writer)
    ("Uruguay must mediate the growing dispute between Paraguay and Bolivia.", "CONSULT"),
    ("Bolivia's view is that Paraguay must recognise the Bolivian claim to the river.", "SUPPORT"),
])
def test_an_act_owed_is_not_done(annotate, text, event_type) -> None:
    assert not any(t == event_type for _, t, _ in _dyads(annotate(text)))


def test_an_act_one_had_to_do_was_done(annotate) -> None:
    assert ("PRY", "RETREAT", "BOL") in _dyads(annotate(
        "Paraguay had to withdraw its troops from the border with Bolivia."))


@pytest.mark.parametrize("text, not_aimed_at", [
    # whom a side accuses is the accused, not a side named in the charge (B, K, N, R, V, Z of
    # dev), even where the accused resolves to no side
    (("In a statement, the ministry accused regional governor Juan Perez of making a secret pact "
      "with the Shabaab militants."), "IMG"),
    (("Paraguay expelled five diplomats, accusing them of breaching the Vienna rules on "
      "consular staff."), "AUT"),
])
def test_a_side_named_in_the_charge_is_not_the_accused(annotate, text, not_aimed_at) -> None:
    assert not any(t == "ACCUSE" and r == not_aimed_at for _, t, r in _dyads(annotate(text)))


def test_the_accused_is_whom_the_accusation_is_aimed_at(annotate) -> None:
    assert ("PRY", "ACCUSE", "BOL") in _dyads(annotate(
        "Paraguay accused Bolivia of arming the smugglers on the river."))


# stop 27: an act whose only target is its maker's own country, placed by location, where the
# sentence names the side the report's story has it act on (AB, T, U, W, A-D of dev)
_BORDER_WAR = ("Pakistani jets bombed Afghan border villages on Monday. Pakistani artillery hit "
               "a market in Afghanistan on Tuesday. ")


@pytest.mark.parametrize("text, dyad", [
    (_BORDER_WAR + "Pakistan arrested a dozen traders on Wednesday, hours after Afghan fighters "
     "raided a checkpoint.", ("PAK", "COERCE", "AFG")),
    (("Ethiopian troops shelled Eritrean border posts on Monday. Ethiopian drones struck a fuel "
      "depot in Eritrea on Tuesday. On Wednesday Ethiopia expelled two aid workers, hours after "
      "Eritrean gunners shelled a border town."), ("ETH", "SANCTION", "ERI")),
])
def test_an_act_placed_at_home_takes_the_counterpart_its_sentence_and_story_name(
        annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


def test_an_act_at_home_in_a_story_told_at_home_stays_at_home(annotate) -> None:
    dyads = _dyads(annotate("Police in Kenya arrested forty protesters on Monday. Kenya detained "
                            "two opposition leaders on Tuesday while Ugandan officials watched "
                            "the border."))
    assert ("KEN", "COERCE", "KEN") in dyads and ("KEN", "COERCE", "UGA") not in dyads


# stop 27: a reproach of many states named by no side ("the West", "Western nations", "its
# neighbours") is aimed at nobody, not at the side their deeds reach (AA, AB, I, O, W of dev),
# nor at the report's counterpart of the speaker
@pytest.mark.parametrize("text", [
    "Beijing condemned Western nations for arming Taiwan.",
    "The Russian president criticised the West's shipments of artillery to Kyiv.",
    ("Russian jets bombed Kharkiv on Monday. Russian drones hit Odesa on Tuesday. On Wednesday "
     "Moscow condemned Western nations for sending missiles to Kyiv."),
])
def test_a_reproach_of_many_states_is_aimed_at_nobody(annotate, text) -> None:
    assert {r for _, t, r in _dyads(annotate(text)) if t == "ACCUSE"} == {""}


def test_a_reproach_of_one_state_keeps_its_target(annotate) -> None:
    assert ("CHN", "ACCUSE", "JPN") in _dyads(annotate("Beijing condemned Japan for arming "
                                                       "Taiwan."))

@pytest.mark.parametrize("text, event_type", [
    # what a side is blamed or faulted "for" is the charge, alleged, not told as done by the
    # side that blames (AA, AB, U of dev), as what it is accused "of"
    ("Uruguay blamed Paraguay for shelling a river patrol boat near the dam.", "ASSAULT"),
    ("Ecuador criticised Peru for sending warships into the gulf.", "MOBILIZE"),
])
def test_what_a_side_is_blamed_for_is_alleged(annotate, text, event_type) -> None:
    assert not any(t == event_type for _, t, _ in _dyads(annotate(text)))


def test_blaming_a_side_still_accuses_it(annotate) -> None:
    assert ("URY", "ACCUSE", "PRY") in _dyads(annotate(
        "Uruguay blamed Paraguay for shelling a river patrol boat near the dam."))


@pytest.mark.parametrize("text, event_type", [
    # what the "of" phrase of a noun of possibility names may yet happen (AB, U, I of dev), and
    # what a suggestion, an intent or an invitation "for" a side is "to" do is not done (AA, Y,
    # U of dev)
    ("Officials spoke of the likelihood of Bolivian raids on the river ports.", "ASSAULT"),
    ("The army briefed ministers on the possibility of a Bolivian offensive and left.",
     "ASSAULT"),
    ("Uruguay dismissed the Argentine suggestion to deploy gendarmes in Uruguayan ports.",
     "MOBILIZE"),
    ("The rebels declared their intent to seize Bolivian barges on the lake.", "COERCE"),
    ("The plan contains an invitation for Paraguay to join the alliance against smugglers.",
     "COOPERATE"),
])
def test_what_may_or_is_meant_to_happen_is_not_done(annotate, text, event_type) -> None:
    assert not any(t == event_type for _, t, _ in _dyads(annotate(text)))


def test_an_act_that_raises_a_risk_is_done(annotate) -> None:
    assert ("BOL", "ASSAULT", "PRY") in _dyads(annotate(
        "Bolivia shelled Paraguayan river posts, raising the risk of a wider war."))


@pytest.mark.parametrize("text", [
    # forces told as kept somewhere now, or till now, are a standing presence, no deployment
    # (AB, Y, N of dev), as ground held now is no attack
    "Paraguay says Bolivia is stationing soldiers on the river islands.",
    "Uruguayan marines have been stationed on the island for decades.",
])
def test_a_garrison_kept_is_no_deployment(annotate, text) -> None:
    assert not any(t == "MOBILIZE" for _, t, _ in _dyads(annotate(text)))


def test_a_garrison_placed_is_a_deployment(annotate) -> None:
    assert ("BOL", "MOBILIZE") in {d[:2] for d in _dyads(annotate(
        "Bolivia stationed two battalions near the border last week."))}

@pytest.mark.parametrize("text, dyad", [
    # craft of a side breaching, violating or straying into another's airspace, waters or
    # ground show force against it, with "air space" written apart, a relative clause or a
    # participle telling the craft (AA, AB, I, V of dev)
    ("Two Bolivian helicopters breached Chilean airspace near the salt flats.",
     ("BOL", "MOBILIZE", "CHL")),
    ("Argentine fighter jets violated Uruguayan air space twice on Sunday.",
     ("ARG", "MOBILIZE", "URY")),
    (("Uruguay complained after a Paraguayan patrol boat, which had lost its bearings, strayed "
      "into Uruguay."), ("PRY", "MOBILIZE", "URY")),
    ("Guyana's army said it tracked a Venezuelan drone breaching Guyanese airspace at dawn.",
     ("VEN", "MOBILIZE", "GUY")),
])
def test_craft_breaching_anothers_airspace_show_force(annotate, text, dyad) -> None:
    assert dyad in _dyads(annotate(text))


@pytest.mark.parametrize("text", [
    "The Bolivian pilot breached safety rules during the air show.",
    "Chilean tourists strayed into a minefield near the old border post.",
])
def test_a_rule_breached_or_a_walker_astray_shows_no_force(annotate, text) -> None:
    assert not any(t in ("MOBILIZE", "COERCE") for _, t, _ in _dyads(annotate(text)))


@pytest.mark.parametrize("text, actor", [
    # a weapon tested, by the verb or a test its light verb names, is a show of force aimed at
    # no one, as a missile test-fired is (AA, N, P, R, S, Y, Z of dev)
    ("Iran tested a new cruise missile over the Gulf on Monday.", "IRN"),
    ("Pakistan carried out a test launch of a medium-range ballistic missile.", "PAK"),
    ("India announced tests of its new underwater drone.", "IND"),
    ("Bolivia held a missile test near the border with Chile.", "BOL"),
])
def test_a_weapon_tested_is_a_show_of_force_at_no_one(annotate, text, actor) -> None:
    assert _dyads(annotate(text)) == {(actor, "MOBILIZE", "")}


@pytest.mark.parametrize("text", [
    "The long standoff tested Chile's resolve.",
    "Peru's foreign minister called the vote a test of the alliance's unity.",
])
def test_a_test_of_no_weapon_is_no_show_of_force(annotate, text) -> None:
    assert not any(t == "MOBILIZE" for _, t, _ in _dyads(annotate(text)))

@pytest.mark.parametrize("text, declarer", [
    # red lines, sixth round (stop 27, AA of dev): the declarer's own act limited by "only" to
    # the time the other side acts, with "only" said of the act and the act named by a noun
    # its side owns
    (("Quito's defence minister said the country's raids would only stop when Lima pulls its "
      "troops back from the pass."), "ECU"),
    (("Bolivia said its navy's blockade of the lake would only be lifted when Peru withdraws its "
      "patrol boats."), "BOL"),
    # an inverted "should" the parser hangs on the verb of declaring, after the act declared as
    # an infinitive of the verb's object (AA of dev)
    (("Quito has announced plans to close the border crossings should Lima send troops into the "
      "disputed zone."), "ECU"),
    (("Chile declared its readiness to shoot down Bolivian drones should they fly over the "
      "northern mines again."), "CHL"),
])
def test_own_acts_limited_to_the_others_step_are_lines(annotate, text, declarer) -> None:
    assert [r["declarer"]["code"] for r in annotate(text)._.red_lines] == [declarer]


@pytest.mark.parametrize("text", [
    "Officials said the deliveries to Lima would only resume when the airport reopens.",
    "Peru announced plans to hold talks with Chile should the fishing season open early.",
])
def test_a_limit_or_a_plan_with_no_threat_draws_no_line(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


@pytest.mark.parametrize("text", [
    # red lines, sixth round (stop 27; AA, N and Z of dev): a conditional the writer asks about
    # or unnamed experts tell is no party's line; a question opened by "whether", or by "if"
    # after what is not known, states nothing
    ("Peru's defence minister said it is unclear if that means a raid on Lima would bring a "
     "military response from Quito."),
    "Chile's president wondered if any attack on the mines would be met with force.",
    # what unnamed experts say a party might do is theirs to tell, not the party's line
    ("The Peruvian ministry has said nothing about it, but trade experts say these are goods "
     "Lima could hit if it decides to answer in kind."),
])
def test_a_conditional_asked_or_told_by_onlookers_draws_no_line(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


def test_a_line_said_beside_a_question_is_still_drawn(annotate) -> None:
    assert [r["declarer"]["code"] for r in annotate(
        "Quito's defence minister said it was unclear if Lima wanted war, but any attack on the "
        "port would be met with a harsh response.")._.red_lines] == ["ECU"]


@pytest.mark.parametrize("text", [
    # red lines, sixth round (stop 27; AA, AB and W of dev): a relative clause on a word for a
    # party that tells what was done, in the perfect, or what the speaker's own side does, is
    # no class of parties taking a step
    "Peru's president said the rebels took up arms to resist a government that had betrayed them.",
    ("\"Then we will sit down and study the measures Peru wants and those that we propose,\" "
     "Chile's trade minister said."),
])
def test_a_relative_clause_of_what_was_done_or_of_ones_own_is_no_step(annotate, text) -> None:
    assert annotate(text)._.red_lines == ()


def test_a_class_of_parties_taking_a_step_is_still_one(annotate) -> None:
    assert [r["declarer"]["code"] for r in annotate(
        "Chile's president said any country that sends troops to Bolivia will be treated as an "
        "enemy.")._.red_lines] == ["CHL"]
