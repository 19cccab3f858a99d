"""`spiral_statement_events`: the act a statement performs.

A threat, accusation, refusal or demand made in a quote or in reported speech is the speaker's
THREATEN, ACCUSE, REJECT or REQUEST (PLOVER codes what is said as what it does), aimed at the
first other actor its words name: '"Kyiv will pay a heavy price," Moscow said' is Russia
threatening Ukraine. What the words do is read from `STATEMENT_ACTS` (event_lexicon), in order
of precedence. A statement whose sentence already holds a verbal event of the same speaker
(coded from its verb, as in "Moscow warned that ...") adds nothing. A denial that names no side
("Kyiv denied the claim") answers whoever made the claim: the side that last accused the
denier, else whoever last spoke for another side (`_answering`); so does a statement that calls
a claim untrue and names no side ('"The reports are false," Beijing said'). A threat that names
no target answers whoever struck its maker (`_retaliating`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from spiral import plover
from spiral.nlp import extensions
from spiral.nlp.actors import entity_at
from spiral.nlp.attribution_lexicon import SOURCING_CUES, UNSPOKEN
from spiral.nlp.dates import find_event_date
from spiral.nlp.event_lexicon import (
    ABSENCE_NOUNS,
    BACK_REFERENCE_CHARS,
    BLOWS,
    DENIED_WORDS,
    DENYING_VERBS,
    DISAPPROVING_WORDS,
    DISMISSING_VERBS,
    FALSITY_PATTERNS,
    HEDGED_ACTS,
    POSSIBILITY_MODALS,
    RETALIATION_PATTERN,
    STATEMENT_ACTS,
    VERBS_NO_CHARGE,
)
from spiral.nlp.event_participants import verb_lemma
from spiral.records import Entity, Event, from_dict

# every pattern opens at a word's edge (`\b`, some after a look-behind), so one `\b` before the
# alternatives matches the same: the search then leaves a position inside a word at once, where
# each of the dozens of alternatives asked it anew (about a third of `first_act`'s time saved)
ACTS = tuple((event_type, re.compile(r"\b(?:" + "|".join(patterns) + ")", re.IGNORECASE))
             for event_type, patterns in STATEMENT_ACTS)
FALSITY = re.compile("|".join(FALSITY_PATTERNS), re.IGNORECASE)
RETALIATION = re.compile(RETALIATION_PATTERN, re.IGNORECASE)
VERBAL_CONFLICT = 3
QUOTE_MARKS = frozenset("\"“”«»„")
SINGLE_QUOTE_MARKS = frozenset("'‘’")
FIRST_PERSON = frozenset({"i", "we"})
FIRST_PERSON_OWNERS = frozenset({"my", "our"})
NO_ACT_CUES = UNSPOKEN | SOURCING_CUES


def statement_act(content: str,
                  named_act: Callable[[int, int], bool] = lambda start, end: False) -> str | None:
    """The PLOVER type of what a statement does, or None when it only informs. `named_act` tells
    whether the words at [start, end) of the content name someone's act rather than perform one.

    >>> statement_act("Kyiv will pay a heavy price for this"), statement_act("talks went well")
    ('THREATEN', None)
    """
    act = first_act(content, named_act)
    return act[0] if act else None


def first_act(content: str, named_act: Callable[[int, int], bool] = lambda start, end: False,
              hedged: Callable[[int, int], bool] = lambda start, end: False
              ) -> tuple[str, int] | None:
    """What a statement does (as `statement_act`) and where in the content the first words that
    do it begin: a quote of several sentences performs its act in the sentence that holds them.
    `hedged` tells whether the words at [start, end) are said as what might be, which performs
    none of `HEDGED_ACTS`.

    >>> first_act("It is a sad day. They will pay a heavy price.")
    ('THREATEN', 27)
    >>> first_act('They will pay a "heavy price" over the raid.')
    ('THREATEN', 10)
    """
    plain, place = _without_quote_marks(content)
    for event_type, pattern in ACTS:
        spans = [(place[match.start()], place[match.end() - 1] + 1)
                 for match in pattern.finditer(plain) if match.end() > match.start()]
        starts = [start for start, end in spans if not named_act(start, end)
                  and not (event_type in HEDGED_ACTS and hedged(start, end))]
        if starts:
            return event_type, min(starts)
    return None


def _without_quote_marks(content: str) -> tuple[str, list[int]]:
    """The content with the quote marks inside it dropped, so that a reporter quoting part of a
    phrase ('will pay a "heavy price"', 'promised "revenge"') does not hide its words from
    `STATEMENT_ACTS`; and where each kept character stands in the content. A single mark between
    two letters is an apostrophe ("China's") and is kept.

    >>> _without_quote_marks('a "heavy" ‘price’ isn’t')[0]
    'a heavy price isn’t'
    """
    kept = [at for at, char in enumerate(content)
            if char not in QUOTE_MARKS and not (char in SINGLE_QUOTE_MARKS and not (
                0 < at < len(content) - 1 and content[at - 1].isalnum()
                and content[at + 1].isalnum()))]
    return "".join(content[at] for at in kept), kept


def _names_someones_act(doc: Doc, at: int) -> Callable[[int, int], bool]:
    """"Ethiopia's demands to access the sea", "US and Israeli demands", "the demands of
    Washington": a noun owned by a side names that side's act; the statement that mentions it
    does not perform it, unless it judges its owner (`_judges_its_owner`)."""
    def a_side(token: Token) -> bool:
        return entity_at(doc, token.idx, token.idx + len(token.text)) is not None

    def owners(noun: Token) -> list[Token]:
        return [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")] + [
            o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children if o.dep_ == "pobj"]

    def named(start: int, end: int) -> bool:
        span = doc.char_span(at + start, at + end, alignment_mode="expand")
        return span is not None and any(
            token.pos_ == "NOUN" and not _judges_its_owner(token) and not _done_by_its_owner(token)
            and any(o.dep_ == "poss" or a_side(o) for o in owners(token))
            for token in span)
    return named


def _said_as_possible(doc: Doc, at: int) -> Callable[[int, int], bool]:
    """"the takeover could violate the treaty", "any such move would be regarded as a
    violation": the words hang on a verb under a modal of what might be (`POSSIBILITY_MODALS`)."""
    def hedged(start: int, end: int) -> bool:
        span = doc.char_span(at + start, at + end, alignment_mode="expand")
        if span is None:
            return False
        verb = span.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children)
    return hedged


def _no_charge(doc: Doc, at: int, speaker_code: str) -> Callable[[int, int], bool]:
    """"the answer lies in talks", "there were no provocations", "given the absence of any
    provocation": the words charge nobody, a verb whose form a charge shares, in another sense
    (`VERBS_NO_CHARGE`), or a charge the statement says is absent (`ABSENCE_NOUNS`) or not
    done ("will not violate")."""
    def uncharged(start: int, end: int) -> bool:
        span = doc.char_span(at + start, at + end, alignment_mode="expand")
        return span is not None and any(
            _other_sense(t) or _absent(t) or _not_done(t) or _own_side_did(doc, t, speaker_code)
            for t in span)
    return uncharged


def _other_sense(verb: Token) -> bool:
    """"the answer lies in talks", "what lies ahead": not "Lima lies about the border"."""
    charging = VERBS_NO_CHARGE.get(verb.lemma_.lower()) if verb.pos_ in ("VERB", "AUX") else None
    return charging is not None and not any(c.dep_ == "prep" and c.lower_ in charging
                                            for c in verb.children)


def _absent(noun: Token) -> bool:
    """"no provocations", "without any violation", "the absence / lack of aggression"."""
    if noun.pos_ != "NOUN":
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    preposition = noun.head if noun.dep_ == "pobj" else None
    return preposition is not None and (preposition.lower_ == "without" or (
        preposition.lower_ == "of" and preposition.head.lemma_.lower() in ABSENCE_NOUNS))


def _not_done(verb: Token) -> bool:
    """"will not violate the agreements", "without violating our obligations": a charge's verb
    the statement says is not done charges nobody."""
    return verb.pos_ == "VERB" and (any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ == "pcomp" and verb.head.lower_ == "without"))


def _own_side_did(doc: Doc, verb: Token, speaker_code: str) -> bool:
    """"principles which Peru violated", said by Peru: a charge's verb whose subject is the
    speaker's own side tells its own act, and accuses no one (a side does not accuse itself)."""
    return verb.pos_ == "VERB" and any(
        (entity := entity_at(doc, s.idx, s.idx + len(s.text))) is not None
        and entity.code == speaker_code for s in verb.children if s.dep_ == "nsubj")


def _judges_its_owner(noun: Token) -> bool:
    """"Russia's provocation is more dangerous", "this provocation of Baku serves to ...", "an
    American aggression on our sites": a word of disapproval told of its owner, as what the
    statement is about, accuses the owner. Under a preposition it is a stock phrase of the
    setting ("defend itself against Russian aggression"), no charge the statement makes."""
    return noun.lemma_.lower() in DISAPPROVING_WORDS and noun.dep_ != "pobj"


def _done_by_its_owner(noun: Token) -> bool:
    """"we will take our revenge", "the republic would exact its revenge": the noun's owner is a
    pronoun for the subject of the verb that takes it, so the statement tells that subject's own
    act to come, not an act of another side it mentions ("they rejected our demands")."""
    verb = noun.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if noun.dep_ == "dobj" else []
    return any(o.dep_ == "poss" and o.pos_ == "PRON"
               and (o.lower_ in FIRST_PERSON_OWNERS) == (s.lower_ in FIRST_PERSON)
               for o in noun.children for s in subjects)


def _performs_no_act(doc: Doc, quote: dict[str, Any]) -> bool:
    """"India sought to repel the incursion": an aim or a belief, not an act of speech; "strikes
    killed four fighters, according to the militia": a source passing on what happened."""
    cues = [doc.char_span(s, e, alignment_mode="expand") for s, e in quote.get("cue_spans") or ()]
    return any(t.lemma_.lower() in NO_ACT_CUES or t.lower_ in SOURCING_CUES
               for span in cues if span is not None for t in span)


def _as_spoken(event: dict[str, Any], quotes: tuple[dict[str, Any], ...],
               text: str) -> dict[str, Any]:
    """'"We have recalled our ambassador," the ministry said': the first person of a quotation
    is its speaker, whatever place the sentence names."""
    pronoun = next((a["entity_text"] for a in event["actor"] if len(event["actor"]) == 1
                    and a["entity_text"].lower() in FIRST_PERSON), None)
    if pronoun is None:
        return event
    for quote in quotes:
        speaker = quote.get("speaker") or {}
        if speaker.get("code") and quote["kind"] != "indirect" \
                and quote["start"] < event["end"] and event["start"] < quote["end"] \
                and re.search(rf"\b{pronoun}\b", text[quote["start"]:quote["end"]]):
            actor = {**speaker, "entity_text": pronoun, "role": "by reference"}
            return {**event, "actor": [actor]}
    return event


def _a_denial(verb: Token) -> bool:
    """'denied the claim', 'denied it was a spy device', 'dismissed that as baseless', 'refuted
    this account', 'denied any involvement': the verb says the actor did not do what was said of
    it (`DENYING_VERBS` with a clause or what is said as their object, `DISMISSING_VERBS` with
    the latter, `DENIED_WORDS`), said by no side the object names; not 'rejected Lima's claim',
    nor 'denied the request' or 'rejected the proposal', which refuse."""
    lemma = verb_lemma(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in DENYING_VERBS and not objects:
        return True
    return lemma in DENYING_VERBS | DISMISSING_VERBS and any(
        o.lemma_.lower() in DENIED_WORDS and not any(
            (c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_)
            or (c.dep_ == "prep" and c.lower_ == "of") for c in o.children)
        for o in objects)


def _answered_side(event: dict[str, Any], events: list[dict[str, Any]],
                   quotes: tuple[dict[str, Any], ...]) -> dict[str, Any] | None:
    """Whom a denial answers: the maker of the latest asserted accusation aimed at the denier,
    in its own sentence or within reach before it; else whoever last spoke for another side
    before the denial, within reach."""
    own = {a.get("code") for a in event["actor"]} - {None, ""}

    def accuser(other: dict[str, Any]) -> dict[str, Any] | None:
        if other["event_type"] != "ACCUSE" or other["hypothetical"] or other["negated"] \
                or not own & {r.get("code") for r in other["recipient"]}:
            return None
        return next((a for a in other["actor"] if a.get("code") and a["code"] not in own), None)

    start, verb_at = event["start"], event["trigger_start"]
    told = [e for e in events if e["start"] == start] + [
        e for e in reversed(events) if e["end"] <= start
        and start - e["end"] <= BACK_REFERENCE_CHARS]
    side = next((a for e in told if (a := accuser(e)) is not None), None)
    if side is not None:
        return side
    said = [q for q in quotes if q["end"] <= verb_at and verb_at - q["end"] <= BACK_REFERENCE_CHARS
            and (q.get("speaker") or {}).get("code") not in own | {None, ""}]
    return max(said, key=lambda q: q["end"])["speaker"] if said else None


def _maker_told(verb: Token) -> bool:
    """What is denied carries a word for whoever said it ("government accusations", "Lima's
    claim", "the Chilean report")."""
    return any(c.dep_ in ("poss", "compound", "amod", "nmod") for o in verb.children
               if o.dep_ == "dobj" for c in o.children)


def placed_at_home(event: dict[str, Any]) -> bool:
    """Every recipient is the actor's own country, placed by location."""
    own = {a.get("code") for a in event["actor"]} - {None, ""}
    return all(r.get("role") == "by location" and r.get("code") in own
               for r in event["recipient"])


def _answering(event: dict[str, Any], doc: Doc, events: list[dict[str, Any]],
               quotes: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """'Lima accused Quito of firing on its boats. Quito denied the claim': a denial that names
    no side (`_a_denial`) is aimed at whoever made the claim (`_answered_side`), 'by
    reference'. The denier's own country, placed only by the words of what it denies ("the
    militia denied accusations that it shelled villages in Chile"), names no side; a claim told
    with its maker ("denied government accusations that ...") is answered where it is told."""
    if event["event_type"] != "REJECT" or not event["actor"] or (
            event["recipient"] and not placed_at_home(event)):
        return event
    trigger = doc.char_span(event["trigger_start"], event["trigger_end"],
                            alignment_mode="expand")
    if trigger is None or not _a_denial(trigger[0]) or (
            event["recipient"] and _maker_told(trigger[0])):
        return event
    side = _answered_side(event, events, quotes)
    if side is None:
        return event
    # a new recipient makes a new event: its id is its content hash again
    return {**event, "recipient": [{**side, "role": "by reference"}], "id": ""}


def _striker(event: dict[str, Any], events: list[dict[str, Any]],
             reach: int) -> dict[str, Any] | None:
    """Who last struck the actor of `event`: the actor of the latest asserted blow (`BLOWS`)
    aimed at it, in the event's own sentence or within `reach` characters before it."""
    own = {a.get("code") for a in event["actor"]} - {None, ""}
    start = event["start"]
    told = [e for e in events if e["start"] == start] + [
        e for e in reversed(events) if e["end"] <= start and start - e["end"] <= reach]
    for other in told:
        if other["event_type"] in BLOWS and not other["hypothetical"] and not other["negated"] \
                and own & {r.get("code") for r in other["recipient"]}:
            striker = next((a for a in other["actor"] if a.get("code") and a["code"] not in own),
                           None)
            if striker is not None:
                return striker
    return None


def _retaliating(event: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """A threat that names no target answers whoever struck its actor (`_striker`), 'by
    reference': in its own sentence ("Prague expelled the diplomats, prompting Moscow to vow
    that its authors would answer for it"), or before it when it speaks of retaliation
    (`RETALIATION_PATTERN`: 'Pakistani jets struck the camps. "Afghanistan will retaliate,"
    the spokesman said')."""
    if event["event_type"] != "THREATEN" or event["recipient"] or not event["actor"]:
        return event
    side = _striker(event, events,
                    BACK_REFERENCE_CHARS if RETALIATION.search(event["text"]) else 0)
    if side is None:
        return event
    return {**event, "recipient": [{**side, "role": "by reference"}], "id": ""}


class StatementEvents:
    """Adds to `doc._.events` the act each attributed statement performs."""

    def __call__(self, doc: Doc) -> Doc:
        text = extensions.written(doc) if doc._.quotes else ""
        told = [_as_spoken(event, doc._.quotes, text) for event in doc._.events]
        events = [_answering(event, doc, told, doc._.quotes) for event in told]
        if not doc._.quotes:
            doc._.events = tuple(_retaliating(event, events) for event in events)
            return doc
        published = date.fromisoformat(doc._.published) if doc._.published else None
        for quote in doc._.quotes:
            event = self._event(doc, text, quote, events, published)
            if event is not None:
                events.append(extensions.plain(event))
        doc._.events = tuple(_retaliating(event, events) for event in events)
        return doc

    def _event(self, doc: Doc, text: str, quote: dict[str, Any], events: list[dict[str, Any]],
               published: date | None) -> Event | None:
        speaker = quote.get("speaker")
        if not speaker or not speaker.get("code"):
            return None
        # a charge said as what might be, as absent, or by a word in another sense is none
        possible = _said_as_possible(doc, quote["start"])
        uncharged = _no_charge(doc, quote["start"], speaker["code"])
        act = first_act(text[quote["start"]:quote["end"]], _names_someones_act(doc, quote["start"]),
                        lambda start, end: possible(start, end) or uncharged(start, end))
        if act is None or _performs_no_act(doc, quote):
            return None
        event_type, at = act
        # '"It is a sad day. Kyiv will pay a heavy price," he said': the act is the sentence of
        # the words that perform it, not the one the quotation opens with
        span = doc.char_span(quote["start"] + at, quote["end"], alignment_mode="expand")
        if span is None:
            return None
        sentence = span[0].sent
        start, end = sentence.start_char, sentence.end_char
        if any(e["start"] < end and start < e["end"] and e["quad_code"] == VERBAL_CONFLICT
               and any(a.get("code") == speaker["code"] for a in e["actor"]) for e in events):
            return None
        day, precision = find_event_date(sentence, published)
        recipients = self._named(doc, quote["start"], quote["end"], speaker["code"])
        if event_type == "REJECT" and not recipients \
                and FALSITY.search(text[quote["start"]:quote["end"]]):
            # '"The reports are false," Beijing said': the claim answered is whoever made it
            side = _answered_side({"actor": [speaker], "start": start,
                                   "trigger_start": quote["start"]}, events, doc._.quotes)
            if side is not None:
                recipients = (from_dict(Entity, {**side, "role": "by reference"}),)
        return Event(doc_id=doc._.doc_id or "", event_type=event_type, start=start, end=end,
                     text=sentence.text.strip(), actor=(from_dict(Entity, speaker),),
                     recipient=recipients[:1], date=day, date_precision=precision,
                     quad_code=plover.EVENT_TYPES[event_type].quad_code,
                     intensity=plover.intensity(event_type), cameo=plover.cameo_root(event_type))

    @staticmethod
    def _named(doc: Doc, start: int, end: int, speaker_code: str) -> tuple[Entity, ...]:
        found = []
        for mention_start, mention_end, index in doc._.actor_mentions:
            actor = doc._.actors[index]
            if start <= mention_start and mention_end <= end and actor["code"] \
                    and actor["code"] != speaker_code:
                found.append(from_dict(Entity, {k: v for k, v in actor.items()
                                                if k != "mentions"}))
        return tuple(found)


@Language.factory("spiral_statement_events", requires=["doc._.quotes", "doc._.events"],
                  assigns=["doc._.events"])
def make_statement_events(nlp: Language, name: str) -> StatementEvents:
    return StatementEvents()
