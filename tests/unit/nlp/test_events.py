"""Event coding on sentences we wrote: who did what to whom, when, and whether it happened."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _coded(doc) -> list[tuple]:
    return [(e["actor"][0]["code"], e["event_type"], e["mode"],
             tuple(r["code"] for r in e["recipient"]), e["negated"], e["hypothetical"], e["date"])
            for e in doc._.events]


@pytest.mark.parametrize("text, expected", [
    ("Russia fired a missile at Dnipro on Thursday.",
     ("RUS", "ASSAULT", "missile", ("UKR",), False, False, "2024-11-21")),
    ("Ukrainian forces fired American ATACMS missiles at an arsenal in the Bryansk region on Tuesday.",
     ("UKR", "ASSAULT", "missile", ("RUS",), False, False, "2024-11-19")),
    ("Scholz urged Putin to end the war.",
     ("DEU", "REQUEST", "", ("RUS",), False, False, "2024-11-22")),
    ("Iran and Syria blamed Israel for the attack.",
     ("IRN", "ACCUSE", "", ("ISR",), False, False, "2024-11-22")),
])
def test_events_code_who_did_what_to_whom(annotate, text: str, expected: tuple) -> None:
    assert _coded(annotate(text))[0] == expected


def test_events_conditional_is_hypothetical(annotate) -> None:
    coded = _coded(annotate("Russia would strike Kyiv if Ukraine fired ATACMS at Kursk."))
    assert {(c[0], c[3], c[5]) for c in coded} == {("RUS", ("UKR",), True), ("UKR", ("RUS",), True)}


def test_events_resisted_permission_is_not_a_fact(annotate) -> None:
    coded = _coded(annotate("The United States had resisted for months a change to let Kyiv strike Russia."))
    assert coded and all(c[5] for c in coded)


def test_events_nominal_trigger_with_possessor(annotate) -> None:
    coded = _coded(annotate("London's decision to let Kyiv fire the missiles at targets inside "
                            "Russia was discussed for months."))
    assert ("GBR", "CONCEDE", "policy", ("UKR",)) in [c[:4] for c in coded]
    assert ("UKR", "ASSAULT", "missile", ("RUS",)) in [c[:4] for c in coded]


def test_events_negation(annotate) -> None:
    coded = _coded(annotate("Britain did not send troops to Ukraine."))
    assert coded and coded[0][4] is True


def test_events_weapon_maker_is_not_the_recipient(annotate) -> None:
    coded = _coded(annotate("Ukraine struck a military facility in Russia's Bryansk region with "
                            "US-made ATACMS missiles on Tuesday."))
    assert coded[0][3] == ("RUS",)


def test_events_offsets_point_at_the_sentence(annotate) -> None:
    text = "Kyiv said little.\n\nRussia fired a missile at Dnipro on Thursday.\n\n"
    doc = annotate(text)
    (event,) = doc._.events
    assert text[event["start"]:event["end"]] == event["text"] == "Russia fired a missile at Dnipro on Thursday."


@pytest.mark.parametrize("text, expected", [
    ("The IAEA dispatched inspectors to the Zaporizhzhia plant to monitor its safety.",
     ("IGO", "ACCUSE", "investigate")),
    ("Russian troops remained on high alert near the border.", ("RUS", "MOBILIZE", "troops")),
    ("Israeli settlers set fire to a mosque in the village of Huwara.", ("ISR", "COERCE", "destroy")),
    ("Russian forces held the plant's staff hostage.", ("RUS", "COERCE", "seize")),
    ("Niger forced the French ambassador out of the country.", ("NER", "SANCTION", "expel")),
    ("Iraq ordered Sweden's ambassador to leave the country.", ("IRQ", "SANCTION", "expel")),
    ("Zelensky ruled out ceding territory to Russia.", ("UKR", "REJECT", "")),
    ("The EU adopted a package of sanctions against Iran.", ("IGO", "SANCTION", "economic")),
    ("Hamas handed over four hostages to the Red Cross.", ("PSE", "RETREAT", "release")),
    ("Doctors from two Turkish charities donated medicine to a hospital.", ("TUR", "AID", "")),
    ("With the signing of the memorandum, Armenia and Azerbaijan have agreed to open the border.",
     ("ARM", "AGREE", "")),
    ("Norway is willing to send instructors if Ukraine asks for them, its defence minister said.",
     ("NOR", "AGREE", "")),
    ("Trump said he had ordered two submarines to be positioned near Russia.",
     ("USA", "MOBILIZE", "troops")),
    ("Protesters stormed the embassy and set fire to its gate.", ("", "PROTEST", "riot")),
    ("Serbia is opposed to the mission, a close aide to the president said.", ("SRB", "REJECT", "")),
])
def test_events_phrasings_code_to_their_cameo_category(annotate, text: str, expected: tuple) -> None:
    assert _coded(annotate(text))[0][:3] == expected


def test_events_ethnic_communities_belong_where_they_live(annotate) -> None:
    assert _coded(annotate("Ethnic Serbs protested in northern Kosovo."))[0][:2] == ("XKX", "PROTEST")
    assert _coded(annotate("Bosnian Serbs rejected the court's ruling."))[0][:2] == ("BIH", "REJECT")


def test_events_unnamed_agent_is_placed_only_where_it_acted(annotate) -> None:
    arrested = annotate("A Russian diplomat was arrested in Estonia.")._.events[0]
    assert (arrested["actor"][0]["code"], arrested["actor"][0]["role"]) == ("EST", "by location")
    adopted = annotate("A package of EU sanctions against Russia was adopted.")._.events[0]
    assert adopted["actor"][0]["code"] == ""  # no place: nobody is guessed from 'Russia'


def test_events_alleged_and_forgone_acts_are_not_facts(annotate) -> None:
    coded = _coded(annotate("Ukraine accused Russian forces of blowing up the dam."))
    assert coded[0][:2] == ("UKR", "ACCUSE") and coded[1][:2] == ("RUS", "COERCE") and coded[1][5]
    left = _coded(annotate("Zelensky left on Friday without signing the minerals deal."))
    assert left[0][1] == "SUPPORT" and left[0][4] is True
    assert not _coded(annotate("Hours after being sworn in, he committed crimes."))


@pytest.mark.parametrize("text, expected", [
    # (actor, type, hypothetical) of the first event
    ("The EU was preparing a new sanctions package against Iran.", ("IGO", "SANCTION", True)),
    ("Zelensky plans to ask Trump for Tomahawk missiles.", ("UKR", "REQUEST", True)),
    ("Russia said it would cease fire if Ukraine withdrew.", ("RUS", "AGREE", False)),
    ("Russia said it will withdraw its troops unless Ukraine disarms.", ("RUS", "THREATEN", False)),
    ("France said it would bring its troops home from Niger.", ("FRA", "AGREE", False)),
    ("Trump signed an order withdrawing the United States from the World Health Organization.",
     ("USA", "SANCTION", False)),
    ("Supporters of the former president stormed the Congress in Brasilia.", ("BRA", "PROTEST", False)),
])
def test_events_intents_preparations_and_offers(annotate, text: str, expected: tuple) -> None:
    first = _coded(annotate(text))[0]
    assert (first[0], first[1], first[5]) == expected


def test_events_what_is_allowed_is_not_yet_done(annotate) -> None:
    coded = _coded(annotate("The United States has given Ukraine permission to fire ATACMS "
                            "missiles at targets inside Russia."))
    assert coded[0][:2] == ("USA", "CONCEDE")
    assert all(c[5] for c in coded if c[1] == "ASSAULT")


def test_events_clause_dated_from_the_sentence_event(annotate) -> None:
    coded = _coded(annotate("Ukraine struck a military facility in Bryansk on Tuesday, two days "
                            "after President Joe Biden allowed such strikes.", "2024-11-20"))
    assert [(c[1], c[6]) for c in coded] == [("ASSAULT", "2024-11-19"), ("CONCEDE", "2024-11-17")]


@pytest.mark.parametrize("text", [
    "The US embassy in Kyiv closed after receiving information about a potential air attack.",
    "Singh called the attack another example of Russian escalation.",
])
def test_events_look_alikes_code_no_event(annotate, text: str) -> None:
    assert [c for c in _coded(annotate(text)) if c[1] in ("CONSULT", "RETREAT")] == []


def test_events_passive_target_is_not_the_actor(annotate) -> None:
    launched = annotate("Storm Shadow missiles had been launched at the Kursk region.")._.events[0]
    assert launched["actor"][0]["code"] == "" and launched["recipient"][0]["code"] == "RUS"


@pytest.mark.parametrize("text, expected", [
    ("Chinese and Russian warships began joint exercises in the Sea of Japan.",
     ("CHN", "COOPERATE", "military", ("RUS",))),
    ("China's military began two days of drills around Taiwan.",
     ("CHN", "MOBILIZE", "exercises", ("TWN",))),
    ("Russian troops captured the village of Ocheretyne.", ("RUS", "ASSAULT", "occupy", ())),
    ("Iran received a team of inspectors from the IAEA.", ("IRN", "RETREAT", "access", ("IGO",))),
    ("Israel allowed aid convoys into Gaza.", ("ISR", "RETREAT", "access", ("PSE",))),
])
def test_events_cameo_distinctions(annotate, text: str, expected: tuple) -> None:
    assert _coded(annotate(text))[0][:4] == expected


def test_events_incursions_and_air_defence(annotate) -> None:
    crossed = _coded(annotate("Ukrainian forces crossed into Russia's Kursk region on Tuesday."))
    assert crossed[0][:4] == ("UKR", "ASSAULT", "occupy", ("RUS",))
    downed = _coded(annotate("Russian air defences shot down two Storm Shadow missiles fired by "
                             "Ukraine."))
    assert all(c[0] != "RUS" for c in downed if c[1] == "ASSAULT")


@pytest.mark.parametrize("text, expected", [
    ("Putin ordered his nuclear forces onto special alert on Sunday.", ("RUS", "MOBILIZE")),
    ("India suspended the Indus Waters Treaty with Pakistan.", ("IND", "SANCTION")),
    ("India ordered Pakistani military attachés out of New Delhi.", ("IND", "SANCTION")),
    ("The European Union's 14th sanctions package, adopted on Monday, targets Russian gas.",
     ("IGO", "SANCTION")),
    ("Biden unveiled $1.85 billion in new military aid for Ukraine.", ("USA", "AID")),
    ("EU leaders approved a 50 billion euro support package for Ukraine.", ("IGO", "AID")),
    ("NATO leaders gathered in Washington for a summit.", ("IGO", "CONSULT")),
    ("Trump said that NATO members should spend 5% of their GDP on defence.", ("USA", "REQUEST")),
    ("Two Russian and two Chinese bombers flew a joint patrol near Alaska.", ("RUS", "COOPERATE")),
])
def test_events_more_phrasings(annotate, text: str, expected: tuple) -> None:
    assert _coded(annotate(text))[0][:2] == expected


def test_events_inverted_should_is_a_condition_not_a_request(annotate) -> None:
    coded = _coded(annotate("Putin said that should Ukraine fire the missiles, Russia would respond."))
    assert "REQUEST" not in [c[1] for c in coded]


def test_events_joining_and_envoys(annotate) -> None:
    assert _coded(annotate("Sweden formally joined NATO in March."))[0][:4] == (
        "SWE", "COOPERATE", "", ("IGO",))
    assert _coded(annotate("China sent its special envoy to Kyiv."))[0][:3] == ("CHN", "CONSULT", "visit")
    bid = _coded(annotate("Biden backed the bids by Finland and Sweden to join NATO."))
    assert all(c[5] for c in bid if c[1] == "COOPERATE")


@pytest.mark.parametrize("text, expected", [
    ("Olaf Scholz spoke to Vladimir Putin by phone on Friday.", ("DEU", "CONSULT", "phone")),
    ("Iran turned down the offer.", ("IRN", "REJECT", "")),
    ("Hamas pulled its fighters out of the town.", ("PSE", "RETREAT", "withdraw")),
    ("Belarusian police rounded up dozens of activists.", ("BLR", "COERCE", "")),
    ("The government backed down after a week of protests.", ("", "CONCEDE", "policy")),
])
def test_events_phrasal_verbs(annotate, text: str, expected: tuple) -> None:
    assert _coded(annotate(text))[0][:3] == expected


def test_events_speaking_to_reporters_is_no_meeting(annotate) -> None:
    assert not _coded(annotate("Putin spoke to reporters in Moscow."))


def test_events_background_and_air_defence_are_no_new_attack(annotate) -> None:
    coded = _coded(annotate("Explosions were heard near Isfahan on Friday, days after Iran's drone "
                            "and missile attack on Israel."))
    assert not [c for c in coded if c[:2] == ("IRN", "ASSAULT")]
    assert not _coded(annotate("The Israeli military said most were shot down by Israel."))


@pytest.mark.parametrize("text, expected", [
    # (actor, type, recipients, hypothetical) of the first event
    ("Keir Starmer and Joe Biden held talks at the White House on Friday about Ukraine.",
     ("GBR", "CONSULT", ("USA",), False)),
    ("Starmer was due to meet Biden in Washington on Friday.", ("GBR", "CONSULT", ("USA",), True)),
    ("Russia demanded that Ukraine withdraw from the four regions.", ("RUS", "REQUEST", ("UKR",), False)),
])
def test_events_parties_and_prospects(annotate, text: str, expected: tuple) -> None:
    first = _coded(annotate(text, "2024-09-13"))[0]
    assert (first[0], first[1], first[3], first[5]) == expected


def test_events_what_was_demanded_has_not_happened(annotate) -> None:
    coded = _coded(annotate("Russia demanded that Ukraine withdraw from the four regions."))
    assert all(c[5] for c in coded if c[1] == "RETREAT")
    assert not _coded(annotate("He recalled that Putin had spoken in September."))


@pytest.mark.parametrize("text, expected", [
    ("Hundreds of thousands of Israelis took to the streets on Sunday.", ("ISR", "PROTEST")),
    ("Protests over the election spread to dozens of Iranian cities.", ("IRN", "PROTEST")),
    ("A truck bomb blast tore through the Kerch bridge on Saturday.", ("", "ASSAULT")),
    ("Georgia's ruling party withdrew its foreign agents bill.", ("GEO", "CONCEDE")),
    ("ECOWAS leaders gave Niger's junta one week to reinstate Bazoum.", ("IGO", "THREATEN")),
    ("Trump told Hamas leaders to free every remaining hostage.", ("USA", "REQUEST")),
    ("Trudeau said Ottawa had credible allegations against India.", ("CAN", "ACCUSE")),
])
def test_events_idioms(annotate, text: str, expected: tuple) -> None:
    assert _coded(annotate(text))[0][:2] == expected


def test_events_responses_name_earlier_events(annotate) -> None:
    coded = _coded(annotate("Putin said the Oreshnik missile was a response to Ukraine's attacks "
                            "with US and British missiles."))
    assert not [c for c in coded if c[:2] == ("UKR", "ASSAULT")]


def test_events_vague_offsets_widen_the_date(annotate) -> None:
    doc = annotate("Russia struck Dnipro on Thursday, in an attack that came days after Kyiv first "
                   "fired US missiles into Russia.", "2024-11-21")
    earlier = [e for e in doc._.events if e["actor"][0]["code"] == "UKR"]
    assert earlier and (earlier[0]["date"], earlier[0]["date_precision"]) == ("2024-11-20", "week")


def test_events_keep_the_word_they_were_read_from(annotate) -> None:
    # the confidence weighs where in its sentence the trigger stands
    text = "Chile expelled two envoys after Peru shelled a border post on Monday."
    spans = {e["event_type"]: text[e["trigger_start"]:e["trigger_end"]]
             for e in annotate(text)._.events}
    assert spans.get("ASSAULT") == "shelled"
