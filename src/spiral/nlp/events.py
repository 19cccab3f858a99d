"""`spiral_events`: PLOVER events from trigger words, with actor and recipient from the parse.

For each verb (or nominal trigger) in the lexicon, the actor is the actor named in its subject
(or in a passive's "by" phrase, or the possessor of a nominal trigger: "London's decision"), the
recipient the actor named in its object or in an "at/on/against/to/into/with" phrase; places
stand for their country ("struck Dnipro" -> UKR). The event is `negated` under "not", "denied",
"refused to", "ruled out", "without"; `hypothetical` under a modal, "if"/"unless", a verb of
intent ("plans to", "threatened to", "warned it would"), a permission or likelihood ("allowed
Kyiv to strike", "likely to target"), a preparation ("preparing a sanctions package") or an
accusation ("accused Russia of blowing up the dam"). A clause's own date ("two days after Biden
allowed") is taken from it, else the sentence's.

PLOVER's conventions for statements: what a speaker says someone "must" do is a REQUEST by the
speaker; a stated intent ("will give", "said it would send") is AGREE, or THREATEN when what is
intended is force; "will X unless Y" is a threat, "would X if Y" with a cooperative X an offer.
Permissions ("allowed Kyiv to fire") are CONCEDE policy; ceasefires RETREAT (the published
crosswalk's 0871). CAMEO's distinctions follow the object: taking ground is ASSAULT, seizing
people or goods COERCE; expelling envoys SANCTION, residents COERCE; receiving inspectors or
letting aid in RETREAT; joint exercises COOPERATE. An actor or target no name resolves takes the
country where the sentence places it (CAMEO codes domestic events to the country's own code),
with the role 'by location'; the unnamed agent of a passive only where the verb places it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from spacy.attrs import POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from spiral import plover
from spiral.countries import is_country_or_seat
from spiral.nlp import extensions, layout
from spiral.nlp.actors import STATE_SECTORS
from spiral.nlp.calibration import INFERRED_ROLES
from spiral.nlp.dates import (
    find_event_date,
    resolve_date,
)
from spiral.nlp.event_dates import (
    event_date,
    habitual,
)
from spiral.nlp.event_lexicon import (
    DEFINITE,
    FORCEFUL,
    MEDIATING_VERBS,
    MISSILE_WORDS,
    MUTUAL,
    MUTUAL_FIGHTS,
    NOUN_TRIGGERS,
    OBJECT_PREPS,
    ONE_EXCHANGE,
    ONE_OPERATION,
    OPEN_WATERS,
    PROTESTERS,
    REACTIONS,
    RECIPROCAL_VERBS,
    RECIPROCALS,
    STATE_SENSES,
    TEST_WORDS,
    TOLD_ACT_NOUNS,
    UNCODED_BLOCS,
)
from spiral.nlp.event_modality import (
    _context,
    _mode,
    as_stated,
    conditioned_side,
    renaming_noun,
)
from spiral.nlp.event_participants import (
    _claimant,
    _parties,
    addressed_by_its_clause,
    alerted,
    at_home,
    coordinated,
    coordinated_targets,
    last_assailant,
    maker_of_clause,
    maker_of_told_act,
    named_pair,
    named_part,
    names_nobody,
    noun_agent,
    of_objects,
    placed_target,
    referred_agent,
    subject_tokens,
    verb_lemma,
)
from spiral.nlp.event_senses import (
    TRIGGER_POS,
    Cue,
    event_trigger,
    object_event,
)
from spiral.records import DatePrecision, Entity, Event


class EventCoder:
    """The `spiral_events` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        events: list[Event] = []
        may_trigger = _may_trigger(doc)
        for sentence in layout.body(doc):
            events += self._code(sentence, published, events, may_trigger)
        self.set_annotations(doc, events)
        return doc

    def set_annotations(self, doc: Doc, events: list[Event]) -> None:
        doc._.events = tuple(extensions.plain(e) for e in events)

    def _code(self, sentence: Span, published: date | None, earlier: list[Event],
              may_trigger: list[bool]) -> list[Event]:
        """The events of one sentence; `earlier` are those of the sentences before it;
        `may_trigger` is `_may_trigger` of its Doc."""
        doc = sentence.doc
        triggers = [(token, trigger) for i in range(sentence.start, sentence.end) if may_trigger[i]
                    if (trigger := event_trigger(token := doc[i])) is not None]
        if not triggers:
            return []
        when, precision = find_event_date(sentence, published)
        text = extensions.text_of(sentence)
        if published is not None and resolve_date(text, published) is None \
                and habitual(sentence):
            # "Chinese vessels frequently harass Filipino boats": what keeps happening has no
            # day of its own, and the publication day is not it
            when, precision = None, "unknown"
        words = {t.lower_ for t in sentence}
        # a question on a line of its own ("Why are the rebels attacking ships?") ends in the
        # line break after its mark
        asks = text.rstrip().rstrip(" \"'”’»)").endswith("?")
        setting = _Sentence(words, asks, when, precision, published, text.strip(),
                            sentence.start_char + len(text) - len(text.lstrip()))
        found: dict[tuple[str, str, str], Event] = {}
        # highest in the parse first: the sentence's main event leads the list
        for token, (event_type, mode) in sorted(triggers, key=lambda p: (_depth(p[0]), p[0].i)):
            subject = subject_tokens(token)
            if event_type in ("REQUEST", "ACCUSE", "REJECT", "ASSAULT", "COERCE") and any(
                    t.lemma_.lower() in PROTESTERS for t in named_part(subject)):
                # protesters' demands are a protest, and so is the embassy they storm or burn
                event_type, mode = "PROTEST", ("riot" if event_type in FORCEFUL else "")
            parties = _parties(sentence, token, subject, event_type)
            if parties is None:
                continue
            actors, recipients = parties
            if event_type == "ASSAULT" and _weapons_test(token):
                event_type, mode = "MOBILIZE", "weapons"
            # a weapon fired at no one or tested is aimed at no one: whoever watches it fall,
            # or the side a place near the test names, is no target
            shown = (event_type, mode) == ("MOBILIZE", "weapons")
            if shown:
                recipients = []
            state_sense = STATE_SENSES.get(verb_lemma(token)) if event_type == "PROTEST" else None
            if state_sense and any(_a_state(a) for a in actors) \
                    and not any(t.lemma_.lower() in PROTESTERS for t in named_part(subject)):
                # "Nepal protested the new road" is a complaint made to another (CAMEO 114),
                # "coast guard ships blocked the boats" a blockade: no demonstration
                event_type = state_sense
            if event_type in REACTIONS:
                # "Chile expelled two envoys, a move Lima denounced", "Kabul condemned the
                # attack": aimed at whoever made the act the reaction answers
                recipients = _maker_of_answered_act(token, found.values(), earlier, actors,
                                                    recipients)
            if not recipients and event_type == "THREATEN":
                # "warned it would resume the launches if Seoul went on": at whom the condition
                # names; "Kabul vowed to retaliate": at whoever the report last told struck it
                recipients = conditioned_side(token, actors) or addressed_by_its_clause(
                    token, actors) or last_assailant(token, earlier, actors)
            if (mode == "exercises" and len(actors) > 1) or (event_type == "MOBILIZE"
                                                             and _told_joint(token)):
                event_type, mode = "COOPERATE", "military"  # joint exercises: CAMEO 062
                if len(actors) > 1:  # with each other, wherever they are held
                    actors, recipients = actors[:1], actors[1:]
            reciprocal = len(actors) == 2 and _reciprocal(token)
            if len(actors) > 1 and not reciprocal and verb_lemma(token) not in MEDIATING_VERBS \
                    and (event_type == "CONSULT" or (
                    not recipients and event_type in MUTUAL
                    and (event_type != "ASSAULT" or _mutual(token, event_type, mode)))):
                # "Israel and Turkey restored relations": each is the other's counterpart; two
                # sides that fought fought each other, but "the Israeli and US strikes" struck
                # a third, and "brokered by Norway, Oman and Kenya" names no counterparts
                actors, recipients = actors[:1], actors[1:]
            if reciprocal:
                # "Israel and Hamas accused each other": each did it to the other; but "Israel
                # and Hezbollah exchanged fire" is one exchange, the side named first acting
                dyads = [(actors[:1], actors[1:]), (actors[1:], actors[:1])]
                if event_type in ONE_EXCHANGE and named_pair(token.doc, subject, actors):
                    dyads = dyads[:1]
            else:
                # "clashes between the army and the rebels", "a truce between Israel and
                # Hezbollah": one event, the side named first acting (both sides fight, but
                # coding it twice would count one clash as two)
                dyads = [(actors, recipients or ([] if shown else placed_target(
                    sentence, token, subject, event_type, actors)
                    or at_home(sentence, token, actors, event_type)))]
                if event_type == "MOBILIZE" and alerted(token):
                    # forces on alert face another side: their own country, named ("for
                    # Venezuela's defence") or placed, is no target
                    dyads = [(actors, [r for r in dyads[0][1]
                                       if all(r.code != a.code for a in actors)])]
            claimant = _claimant(token, actors)
            if claimant:
                # "Armenia claimed Ankara was arming Baku": Armenia accuses Turkey
                dyads.append((claimant, [a for a in actors if a.code]))
            # "Mali, Niger and Burkina Faso recalled their envoys": one act of each state, as
            # the gold of L and N to T codes a joint act
            joint = coordinated(subject)
            # "recalled its envoys from Chile and Peru": one act aimed at each, as the gold of
            # every group codes it
            aimed = coordinated_targets(token) if event_type not in ONE_OPERATION else set()
            dyads = [(each_actor, each_recipient, actors is claimant)
                     for actors, recipients in dyads
                     for each_actor in _each_named(actors, joint)
                     for each_recipient in _each_named(
                         [r for r in recipients if r.entity_name not in UNCODED_BLOCS], aimed)]
            for actors, recipients, claim in dyads:
                event = _event(token, "ACCUSE" if claim else event_type, "" if claim else mode,
                               actors, recipients, setting)
                if claim:
                    event = replace(event, hypothetical=False, negated=False)
                if setting.question:
                    event = replace(event, hypothetical=True)  # "why are they attacking?"
                key = (event.event_type, actors[0].code or actors[0].entity_text,
                       recipients[0].code if recipients else "")
                kept = found.get(key)
                if kept is None or _better_told(event, kept):
                    found[key] = event
        return list(found.values())


def _told_joint(token: Token) -> bool:
    """'flew a joint patrol', 'began joint exercises': the act, or the noun the verb acts on, is
    said to be done together (not 'the Joint Chiefs of Staff said')."""
    acts = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))]
    return any(c.dep_ == "amod" and c.lower_ in ("joint", "combined")
               for act in acts for c in act.children)


def _better_told(event: Event, kept: Event) -> bool:
    """Of two events of one sentence with the same type and sides, the one it asserts ("denied
    targeting civilians but has hit homes"), else the one whose recipient it names rather than
    places ("a complaint lodged by Sudan against the UAE, alleging aggression")."""
    asserted, kept_asserted = not (event.negated or event.hypothetical), not (
        kept.negated or kept.hypothetical)
    if asserted != kept_asserted:
        return asserted
    return _placed_only(kept.recipient) and not _placed_only(event.recipient)


def _placed_only(recipients: tuple[Entity, ...]) -> bool:
    """Every recipient is placed or referred to, none named."""
    return bool(recipients) and all(r.role in INFERRED_ROLES for r in recipients)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What every event read from one sentence shares: its words, whether it asks, its date and
    its evidence span."""

    words: set[str]
    question: bool
    when: date | None
    precision: DatePrecision
    published: date | None
    text: str
    start: int


def _may_trigger(doc: Doc) -> list[bool]:
    """Whether each word of the Doc is of a part of speech `event_trigger` codes: read from the
    Doc's POS array, so that no Token is built for the other words (about three in five)."""
    # plain ints, asked one by one: numpy.isin costs more than the look-ups on a Doc's few
    # hundred words
    return [p in TRIGGER_POS for p in doc.to_array(POS).tolist()]


def _each_named(sides: list[Entity], together: set[str]) -> list[list[Entity]]:
    """The sides one by one where every one of them is named in one coordination (`together`
    holds their codes), else the sides as they are."""
    if len(sides) > 1 and all(side.code in together for side in sides):
        return [[side] for side in sides]
    return [sides]


def _event(token: Token, event_type: str, mode: str, actors: list[Entity],
           recipients: list[Entity], sentence: _Sentence) -> Event:
    event_type, mode, actors, recipients, negated, hypothetical = as_stated(
        token, event_type, mode, actors, recipients)
    day, day_precision = event_date(token, event_type, sentence.when, sentence.precision,
                                     sentence.published)
    mode = _mode(event_type, mode, sentence.words)
    return Event(
        doc_id=token.doc._.doc_id or "", event_type=event_type, mode=mode,
        context=_context(sentence.words), actor=tuple(actors), recipient=tuple(recipients),
        date=day, date_precision=day_precision,
        quad_code=plover.EVENT_TYPES[event_type].quad_code,
        intensity=plover.intensity(event_type, mode), cameo=plover.cameo_root(event_type),
        negated=negated, hypothetical=hypothetical,
        text=sentence.text, start=sentence.start, end=sentence.start + len(sentence.text),
        trigger_start=token.idx, trigger_end=token.idx + len(token.text))


def _maker_of_answered_act(token: Token, told: Iterable[Event], earlier: list[Event],
                           actors: list[Entity], named: list[Entity]) -> list[Entity]:
    """Who made the act a reaction answers, another side than `actors`.

    The act is the one its sentence has just told where a noun renames it and the reaction hangs
    on that noun ("expelled two envoys, a move Lima denounced": its maker outranks any side the
    reaction's own clause names); else, where the reaction names no side (`named`), the act a
    definite noun of its object refers back to ("condemned the attack": the maker of the latest
    such event in the sentences just before, 'by reference').
    """
    renamed = renaming_noun(token)
    if renamed is not None:
        maker = maker_of_told_act(told, actors) or maker_of_clause(renamed, actors)
        if maker:
            return maker
    if named:
        return named
    for kind in _kinds_referred_to(token):
        maker = referred_agent(token, earlier, actors, lambda event, kind=kind: not (
            event.hypothetical or event.negated) and (
            event.event_type == kind[0] if kind else event.event_type in FORCEFUL))
        if maker:
            return maker
    return []


def _kinds_referred_to(token: Token) -> list[tuple[str, str] | None]:
    """The kinds of act a reaction's object refers back to: a definite noun of an act ("the
    attack", "regret over the strikes", "accused of") or a word for any act of force ("the
    move": None), whose maker it does not name itself; in the object, its "of" phrase, or under
    "over", "of", "for"."""
    nouns = [n for o in Cue.of(token).objects for n in (o, *of_objects(o))] + [
        o for c in token.children if c.dep_ == "prep" and c.lower_ in ("over", "of", "for")
        for o in c.children if o.dep_ == "pobj"]
    kinds: list[tuple[str, str] | None] = []
    for noun in nouns:
        lemma = noun.lemma_.lower()
        kind = object_event(noun) or NOUN_TRIGGERS.get(lemma)
        if (kind is not None or lemma in TOLD_ACT_NOUNS) and not noun_agent(noun) and any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            kinds.append(kind)
    return kinds


def _mutual(token: Token, event_type: str, mode: str) -> bool:
    """A fight or a ceasefire, which takes two."""
    return mode == "ceasefire" or (event_type == "ASSAULT"
                                   and verb_lemma(token) in MUTUAL_FIGHTS)


def _reciprocal(token: Token) -> bool:
    """'accused each other', 'fired at one another', 'blamed the other'; 'disengaged', which
    two sides can only do from each other."""
    if token.lemma_.lower() in RECIPROCAL_VERBS:
        return True
    objects = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    return any(" ".join(t.lower_ for t in list(o.subtree)[:2]) in RECIPROCALS
               for o in objects if o.dep_ in ("dobj", "pobj", "npadvmod"))


def _weapons_test(token: Token) -> bool:
    """'fired a ballistic missile into the sea', 'test-fired a cruise missile', 'in a launching
    drill': a missile fired at no one, or called a test, shows force; it attacks nobody."""
    if verb_lemma(token) not in ("fire", "launch"):
        return False
    missiles = [o for o in token.children if o.dep_ == "dobj"
                and any(t.lower_ in MISSILE_WORDS for t in o.subtree)]
    if not missiles:
        return False
    if any(t.lower_ in TEST_WORDS for t in token.sent):
        return True
    aimed = [o for p in (*token.children, *(c for m in missiles for c in m.children))
             if p.dep_ == "prep" and p.lower_ in OBJECT_PREPS | {"off"}
             for o in p.children if o.dep_ == "pobj" and not names_nobody(o)]
    return bool(aimed) and all(o.lemma_.lower() in OPEN_WATERS for o in aimed)


def _a_state(entity: Entity) -> bool:
    """A state by its name, its capital or one of its bodies ("Nepal", "Kathmandu", "the foreign
    ministry", "the coast guard")."""
    return entity.sector in STATE_SECTORS or is_country_or_seat(entity.entity_text)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


@Language.factory("spiral_events", requires=["doc._.actor_mentions"], assigns=["doc._.events"])
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
