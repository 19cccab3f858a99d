"""Page furniture on pages we wrote: found by family, kept out of coding, never a story sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from spiral.ingest import read
from spiral.nlp import layout, pipeline
from spiral.nlp.layout import LayoutMarker, furniture
from spiral.nlp.layout_patterns import PATTERNS, FurnitureKind

BODY = "Turkey closed its airspace to military flights on Monday, officials said."
POST = "The shelling must stop now. pic.twitter.com/Ab12Cd — Ana Lima (@analima) February 3, 2025"

# family -> (a page line or two in our own words, furniture expected as (kind, text))
FAMILIES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "byline": ("By Ana Lima and Tom Berg Published On 3 Feb 2025",
               [("byline", "By Ana Lima and Tom Berg Published On 3 Feb 2025")]),
    "reporting_credits": ("Reporting by Ana Lima; Editing by Tom Berg",
                          [("credit", "Reporting by Ana Lima; Editing by Tom Berg")]),
    "publication_time": ("Updated: February 3, 2025 4:10pm",
                         [("timestamp", "Updated: February 3, 2025 4:10pm")]),
    "time_ago": ("25 min ago", [("timestamp", "25 min ago")]),
    "date_line": ("Monday, February 3, 2025", [("timestamp", "Monday, February 3, 2025")]),
    "metadata_date": (f" date 2025-02-03 {BODY}", [("timestamp", "date 2025-02-03 ")]),
    "time_prefix": ("4:05 p.m. Envoys meet in Ankara\n09:12 GMT",
                    [("timestamp", "4:05 p.m. "), ("headline", "Envoys meet in Ankara"),
                     ("timestamp", "09:12 GMT")]),
    "dateline": (f"ANKARA, Feb 3 (Reuters) - {BODY}", [("dateline", "ANKARA, Feb 3 (Reuters) - ")]),
    "dateline_line": ("IZMIR, Turkey, Feb. 3", [("dateline", "IZMIR, Turkey, Feb. 3")]),
    "dateline_colon": (f"ANKARA/ATHENS: {BODY}", [("dateline", "ANKARA/ATHENS: ")]),
    "dateline_dash": (f"GAZA CITY -- {BODY}", [("dateline", "GAZA CITY -- ")]),
    "dateline_outlet": (f"Izmir, February 3, 2025 (example.com) – {BODY}",
                        [("dateline", "Izmir, February 3, 2025 (example.com) – ")]),
    "bracketed_credit": (f"Rescue teams search the rubble in Antakya on Monday. (Ana Lima/AP) {BODY}",
                         [("caption", "Rescue teams search the rubble in Antakya on Monday."),
                          ("credit", "(Ana Lima/AP)")]),
    "trailing_credit": ("Cargo ships wait outside the port of Odesa. Photo: Reuters",
                        [("caption", "Cargo ships wait outside the port of Odesa."),
                         ("credit", "Photo: Reuters")]),
    "agency_credit": ("Soldiers guard the border crossing near Rafah. Ana Lima/AFP",
                      [("caption", "Soldiers guard the border crossing near Rafah."),
                       ("credit", "Ana Lima/AFP")]),
    "source_line": ("Source: AA", [("credit", "Source: AA")]),
    "related": ("Read more: What the airspace closure means",
                [("related", "Read more: What the airspace closure means")]),
    "teaser": ("Envoys met in Geneva to discuss a prisoner exchange and … Read more",
               [("related", "Envoys met in Geneva to discuss a prisoner exchange and … Read more")]),
    "social_post": (POST, [("social", POST)]),
    "follow_us": ("Follow us on Telegram for the latest updates.",
                  [("boilerplate", "Follow us on Telegram for the latest updates.")]),
    "newsletter": ("Sign up for our morning briefing.",
                   [("boilerplate", "Sign up for our morning briefing.")]),
    "copyright": ("© 2025 Example Media. All rights reserved.",
                  [("boilerplate", "© 2025 Example Media. All rights reserved.")]),
    "section_label": ("World News", [("section", "World News")]),
    "heading": ("Turkey shuts airspace as tensions rise",
                [("headline", "Turkey shuts airspace as tensions rise")]),
}


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start:f.end]) for f in furniture(text)]


def test_layout_every_pattern_family_has_a_test() -> None:
    assert {row.family for row in PATTERNS} == set(FAMILIES)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_layout_finds_family(family: str) -> None:
    page, expected = FAMILIES[family]
    text = f"{page}\n\n{BODY}\n"  # furniture is read above a story, as on a page
    assert _found(text) == expected


@pytest.mark.parametrize("line", [
    BODY,
    "NATO — the alliance of 32 members — will meet in Brussels on Friday.",
    "By Tuesday, Ukrainian forces had pulled back from the town.",
    "A poll (Reuters/Ipsos) showed support for the talks falling.",
    "Updated figures show 40 people were killed in the strike.",
    "12 soldiers were killed two days ago, the ministry said.",
    '"We will not back down," the minister told reporters in Ankara.',
    "The talks in Doha (Qatar) ended without a deal. Both sides blamed each other.",
    "KYIV — the capital — was hit again overnight, the mayor said.",
    "Follow-up talks are planned for March, the foreign ministry said.",
])
def test_layout_story_sentences_are_never_furniture(line: str) -> None:
    assert furniture(f"{line}\n\n{BODY}\n{line}\n") == []


def test_layout_headline_alone_is_the_story() -> None:
    assert furniture("Turkey shuts airspace as tensions rise\n") == []
    # a byline under it does not make it furniture
    assert _found("Turkey shuts airspace as tensions rise\nBy Ana Lima\n") == \
        [("byline", "By Ana Lima")]


def test_layout_last_line_cut_short_is_not_a_heading() -> None:
    assert furniture(f"{BODY}\nThe minister said the border would stay closed until") == []


def test_layout_dateline_keeps_the_lead_sentence() -> None:
    text = f"WASHINGTON (AP) — {BODY}"
    (dateline,) = furniture(text)
    assert dateline.kind == "dateline" and text[dateline.end:] == BODY


@pytest.mark.parametrize("dateline", ["ANKARA/ATHENS — ", "ANKARA/NICOSIA, Feb 3 (Reuters) - ",
                                      "ATHENS/SAN MARINO -- ", "IZMIR, Turkey—", "ANKARA—"])
def test_layout_dateline_of_places_and_a_dash_is_furniture(dateline: str) -> None:
    (found,) = furniture(dateline + BODY)
    assert found.kind == "dateline" and (dateline + BODY)[found.end:] == BODY


@pytest.mark.parametrize("heading", ["'Each side wants the other to blink first'",
                                     "Ankara: ‘We will not accept this’"])
def test_layout_quoted_heading_is_furniture_not_a_sentence_start(heading: str) -> None:
    assert _found(f"{heading}\n{BODY}") == [("headline", heading)]


def test_layout_caption_stops_at_the_sentence_before_its_credit() -> None:
    text = f"{BODY} Rescue teams search the rubble in Antakya on Monday. [Ana Lima/Agency]\n{BODY}"
    kinds = _found(text)
    assert kinds == [("caption", "Rescue teams search the rubble in Antakya on Monday."),
                     ("credit", "[Ana Lima/Agency]")]


@given(st.lists(st.one_of(st.sampled_from([page for page, _ in FAMILIES.values()] + [BODY, ""]),
                         st.text(max_size=80)), max_size=12))
def test_layout_any_text_gives_ordered_spans_of_words(lines: list[str]) -> None:
    text = "\n".join(lines)
    found = furniture(text)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for f in found:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end].strip()
        assert f.kind in FurnitureKind.__args__


def test_layout_corpus_has_no_furniture(corpus_dir: Path) -> None:
    """The bundled corpus is story text only, so it codes exactly as it did before layout."""
    for path in sorted(corpus_dir.glob("*.txt")):
        assert furniture(path.read_text(encoding="utf-8")) == [], path.name


# ---- in the pipeline: what furniture does not produce, checked against the pipeline without it

PAGE = ("Kharkiv hit by missiles as talks stall\n\n"
        "By Ana Lima and Tom Berg Published On 21 Nov 2024\n\n"
        "Israeli troops raided a village near Jenin on March 3 [Ana Lima/Agency]\n"
        "KHARKIV, Nov 21 (Reuters) - Russia fired missiles at Kharkiv, the regional governor said.\n\n"
        "Read more: Russia will strike Kyiv if NATO sends troops, Putin warns\n\n"
        'Ana Lima wrote: "Iran will strike back." pic.twitter.com/Ab12Cd — Ana Lima (@analima) '
        "November 21, 2024\n\n"
        "Ukraine's air force said it downed 20 drones overnight.\n")


@pytest.fixture(scope="module")
def coded(nlp) -> Callable[[str, bool], Doc]:
    def run(text: str, with_layout: bool = True) -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = "2024-11-22"
        if with_layout:
            return nlp(doc)
        with nlp.select_pipes(disable=["spiral_layout"]):
            return nlp(doc)
    return run


def _events(doc: Doc) -> Iterator[tuple[str, str, str]]:
    return ((e["actor"][0]["code"], e["event_type"], e["date"]) for e in doc._.events)


@pytest.mark.model
def test_layout_runs_first_in_the_pipeline(nlp) -> None:
    assert nlp.pipe_names[0] == "spiral_layout"


@pytest.mark.model
def test_layout_caption_is_not_coded_and_does_not_date_the_story(coded) -> None:
    # without layout, the headline, byline and caption run into one sentence dated by the caption
    assert any(day == "2024-03-03" for _, _, day in _events(coded(PAGE, False)))
    assert set(_events(coded(PAGE))) == {("RUS", "ASSAULT", "2024-11-22")}


@pytest.mark.model
def test_layout_lead_after_dateline_is_coded_from_its_first_word(coded) -> None:
    (assault,) = [e for e in coded(PAGE)._.events if e["event_type"] == "ASSAULT"]
    assert assault["text"].startswith("Russia fired missiles at Kharkiv")


@pytest.mark.model
def test_layout_headline_event_only_when_it_is_all_there_is(coded) -> None:
    headline = "Russia fired missiles at Kharkiv"
    page = f"{headline}\n\nUkraine's air force said it downed 20 drones overnight.\n"
    assert any(e["text"].startswith(headline) for e in coded(page, False)._.events)
    assert not any(e["text"].startswith(headline) for e in coded(page)._.events)
    assert [e["text"] for e in coded(headline)._.events] == [headline]


@pytest.mark.model
def test_layout_no_quote_red_line_or_byline_actor_from_furniture(coded) -> None:
    before, after = coded(PAGE, False), coded(PAGE)
    assert any("strike back" in q["content"] for q in before._.quotes)
    assert not any("strike back" in q["content"] for q in after._.quotes)
    assert before._.red_lines and not after._.red_lines
    names = {a["entity_text"] for a in before._.actors}
    assert {"Tom Berg", "Lima"} <= names  # a reporter, and her name read as Peru's capital
    assert not {"Tom Berg", "Lima"} & {a["entity_text"] for a in after._.actors}
    # the headline is not coded, but its names are the story's: "Kharkiv" at its first word
    assert any(start == 0 for a in after._.actors for _, start, _ in a["mentions"])


def test_layout_component_makes_furniture_sentences_and_body_skips_them() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("By Ana Lima\n\nMOSCOW (Reuters) - Russia fired missiles.\n"
                       "Smoke over Kyiv [Ana Lima/AP]\nUkraine said it downed 20 drones.")
    LayoutMarker(nlp, "spiral_layout")(doc)  # no parser: the sentences are furniture's edges
    assert [kind for _, _, kind in doc._.furniture] == ["byline", "dateline", "caption", "credit"]
    assert [s.text.strip() for s in doc.sents] == [
        "By Ana Lima", "MOSCOW (Reuters) -", "Russia fired missiles.", "Smoke over Kyiv",
        "[Ana Lima/AP]", "Ukraine said it downed 20 drones."]
    assert [s.text.strip() for s in layout.body(doc)] == [
        "Russia fired missiles.", "Ukraine said it downed 20 drones."]


def test_layout_body_is_read_again_for_new_furniture_and_survives_docbin() -> None:
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    doc = nlp.make_doc("Russia fired missiles.\nSmoke over Kyiv [Ana Lima/AP]\nUkraine said so.")
    LayoutMarker(nlp, "spiral_layout")(doc)
    kept = [s.text.strip() for s in layout.body(doc)]
    assert kept == ["Russia fired missiles.", "Ukraine said so."]
    doc._.furniture = ((0, len("Russia fired missiles."), "headline"),)  # kept body is stale now
    assert [s.text.strip() for s in layout.body(doc)] == ["Smoke over Kyiv", "[Ana Lima/AP]",
                                                          "Ukraine said so."]
    doc._.furniture = ()
    assert len(layout.body(doc)) == 4
    LayoutMarker(nlp, "spiral_layout")(doc)
    read_back = next(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    assert [s.text.strip() for s in layout.body(read_back)] == kept


def test_layout_a_blank_line_ends_a_sentence() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc('Key points of the briefing\n\nThe envoy said "we will not bend"\n\n'
                       "The talks resume on Monday.")
    LayoutMarker(nlp, "spiral_layout")(doc)
    assert [s.text.strip() for s in doc.sents] == [
        "Key points of the briefing", 'The envoy said "we will not bend"',
        "The talks resume on Monday."]


@pytest.mark.model
def test_layout_a_sentence_set_going_below_furniture_runs_on_past_its_first_word(coded) -> None:
    # the parser, told a sentence starts below a date line, ended it after its first word and
    # left the act unread
    for page in ("Published 5 March 2025\nAzerbaijan accused Armenia of shelling its posts.",
                 "Tuesday, 4 March 2025\nAzerbaijan accused Armenia of shelling its posts."):
        doc = coded(page)
        assert [s.text.strip() for s in doc.sents][1] == (
            "Azerbaijan accused Armenia of shelling its posts.")
        assert ("AZE", "ACCUSE") in {(a, kind) for a, kind, _ in _events(doc)}


@pytest.mark.model
def test_layout_dateline_place_is_no_side(coded) -> None:
    # a dateline's place, on its own line or before an outlet in brackets, is where the story was
    # filed: the lead that follows is a sentence of its own, and the place neither acts nor suffers
    for page in (("OSLO, Norway, Mar. 4\n\nOutlet:\n\nSince early morning, Ruritanian "
                  "artillery has shelled border posts of Norway."),
                 ("OSLO (Nordic Wire) — Ruritanian artillery shelled border posts of Sweden on "
                  "Friday.")):
        doc = coded(page)
        assert not any(a["entity_text"] == "OSLO" for e in doc._.events
                       for a in (*e["actor"], *e["recipient"]))


@pytest.mark.model
def test_layout_html_page_codes_the_story_only(tmp_path: Path, nlp) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><title>Missiles strike Kharkiv as talks falter</title>"
        '<meta property="article:published_time" content="2024-11-21T09:00:00Z"></head><body>'
        "<nav>Home | World | Europe</nav><article><h1>Missiles strike Kharkiv as talks falter</h1>"
        "<p>Israeli troops raided a village near Jenin on March 3. [Ana Lima/Agency]</p>"
        "<p>KHARKIV, Nov 21 (Reuters) - Russia fired missiles at Kharkiv on Thursday, the "
        "regional governor said.</p><p>Ukraine's air force said it downed 20 drones overnight.</p>"
        "<p>Read more: How the air war changed this year</p>"
        "<p>Follow us on Telegram for the latest updates.</p></article></body></html>",
        encoding="utf-8")
    (document,) = read(tmp_path / "page.html")
    assert "Jenin" in document.text  # the caption is in the extracted text ...
    (extraction,) = pipeline.code(nlp, [document])
    codes = {(e.actor[0].code, e.event_type, e.date.isoformat()) for e in extraction.events}
    assert codes == {("RUS", "ASSAULT", "2024-11-21")}  # ... but not in the coding


@pytest.mark.parametrize("line, dateline", [
    ("ODESA, Ukraine: Port officials counted the ships on Monday.", "ODESA, Ukraine: "),
    ("BEIRUT — Rescue teams worked through the night.", "BEIRUT — "),
])
def test_layout_a_place_in_capitals_before_a_colon_or_dash_is_a_dateline(line, dateline) -> None:
    (found,) = furniture(line)
    assert found.kind == "dateline" and line[found.start:found.end] == dateline


def test_layout_an_acronym_and_a_dash_before_a_lower_case_word_is_the_story() -> None:
    assert furniture("NATO - the alliance said it would respond.") == []
