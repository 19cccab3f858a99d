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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from spiral import plover
from spiral.countries import country_code, country_name, is_country_or_seat, is_state_name
from spiral.nlp import extensions, layout
from spiral.nlp.actors import NON_STATE_CODES, STATE_SECTORS, entity_at, phrase_heads
from spiral.nlp.calibration import INFERRED_ROLES
from spiral.nlp.dates import (
    clause_offset,
    find_event_date,
    last_day_named,
    named_in_a_present_state,
    names_a_day_or_month,
    neighbour_day_shift,
    ongoing,
    resolve_date,
    span_start,
    tallied,
    told_as_before,
)
from spiral.nlp.event_lexicon import (
    ACTS_NAMING_NOBODY,
    ADVERBIAL_WORDS,
    AERIAL_WORDS,
    AGREEING_VERBS,
    AGREEMENTS,
    AIMED_ACTS,
    AIMED_AT_OWNER,
    ALERT_NOUNS,
    ALERT_RAISING_VERBS,
    ALERT_VERBS,
    ALLEGATION_NOUNS,
    ALLEGING_ADVERBS,
    AMOUNTS,
    ANSWERING_VERBS,
    ARGUMENT_DEPS,
    AT_SEA,
    BACK_REFERENCE_CHARS,
    BACKERS,
    BACKGROUND_PREPS,
    BELIEF_VERBS,
    BETWEEN_NOUNS,
    BOUND_PRONOUNS,
    CALLING_OFF_VERBS,
    CAPTIVES,
    CAUSATIVE_VERBS,
    CIVIL_WAR_SIDES,
    CLAIM_VERBS,
    CLAUSE_DEPS,
    COLLECTIVES,
    COMPLEMENT_SENSES,
    CONCURRENT_PREPS,
    CONTAINERS,
    COOPERATIVE,
    DECIDING,
    DEFINITE,
    DEPARTING_VERBS,
    DESIRE_VERBS,
    DESTINATION_PREPS,
    DISAPPROVING_WORDS,
    DOMESTIC,
    DRIVEN_WORDS,
    DRIVING_VERBS,
    ENABLING_WORDS,
    ENDED_AGREEMENTS,
    ENDING_VERBS,
    ENVOYS,
    EVENT_NOUNS,
    EXPRESSED_STANCES,
    EXPRESSING_VERBS,
    FACT_FINDING,
    FIGHTING_FOR,
    FIRMS,
    FLAGS,
    FORCE_MOVING_VERBS,
    FORCEFUL,
    FORCES,
    FOREIGN_SHARE,
    FORUM_VERBS,
    FRONTIERS,
    FUTURE_MODALS,
    GAIN_NOUNS,
    HABITUAL_ADVERBS,
    HELD_SOMEWHERE,
    HELPING_VERBS,
    HOPING_VERBS,
    HOSTAGE_WORDS,
    IN_FORCE,
    INCOMING,
    INQUIRIES,
    INTENT_VERBS,
    INTRUDED,
    ISSUED_NOUNS,
    JOINT_NOUNS,
    KEEPING_AWAY_VERBS,
    KNOWN_VERBS,
    LEAVING_NOUNS,
    LEAVING_VERBS,
    LEGAL_ACTIONS,
    LIFTED_FREEDOMS,
    LIGHT_VERBS,
    MAKERS,
    MEASURES,
    MEDIATING_VERBS,
    MISSILE_WORDS,
    MISSIONS,
    MODALS,
    MUTUAL,
    MUTUAL_FIGHTS,
    NAME_LINKS,
    NAMING_VERBS,
    NEGATING_VERBS,
    NO_AGENT_HEADS,
    NOUN_TRIGGERS,
    NUCLEAR_WORDS,
    OBJECT_NOUNS,
    OBJECT_PREPS,
    OBJECT_SENSES,
    OFFERING_WORDS,
    ONE_EXCHANGE,
    ONGOING,
    OPEN_WATERS,
    ORGANISATIONS,
    OWN_PEOPLE,
    PAIRS,
    PARTS_TAKEN,
    PERMITTING,
    PERSONS_BOUND_PRONOUNS,
    PHRASAL_LIGHT_VERBS,
    PLACE_PREPS,
    PLEDGES,
    POSTED_ABROAD,
    PREPARING_VERBS,
    PRESSING_ON,
    PREVENTING_VERBS,
    PROPERTY,
    PROSPECTIVE_MODIFIERS,
    PROSPECTS,
    PROTESTERS,
    QUANTIFIERS,
    QUESTION_PATH,
    QUESTION_WORDS,
    REACTIONS,
    REBUKING_VERBS,
    RECALLED_WORDS,
    RECIPROCAL_VERBS,
    RECIPROCALS,
    RELATION_NOUNS,
    RELATIVE_PERIODS,
    RELATIVE_PRONOUNS,
    RELIEF,
    RENAMING_MARKS,
    RENAMING_NOUNS,
    REPORTING_VERBS,
    REQUEST_NOUNS,
    RESOURCES,
    RESPONSES,
    RESPONSIBILITY_VERBS,
    REVERSED,
    REVERSING_NOUNS,
    REVERSING_VERBS,
    RIOT_OBJECTS,
    SANCTION_RAISING_VERBS,
    SENDING_VERBS,
    SETTING_PREPS,
    SPANS_OF_TIME,
    SPEECH_VERBS,
    STANCES,
    STANDING_TYPES,
    STATE_SENSES,
    STATEMENT_NOUNS,
    STATEMENTS,
    STOPPING_VERBS,
    STRIKING_VERBS,
    SUPPORTIVE,
    SUPPRESSING_VERBS,
    TELLING_VERBS,
    TERRAIN,
    TEST_WORDS,
    TOLD_ACT_NOUNS,
    TRADE_CURBS,
    TRADE_WORDS,
    TRAVEL_NOTICES,
    TRAVEL_VERBS,
    UNCODED_BLOCS,
    UNDER_FIRE,
    UNPLACED,
    VENUE_WORDS,
    VERB_TRIGGERS,
    VESSELS,
    VISITS,
    WALKOUT_VERBS,
    WEAPON_WORDS,
    WRECKING_VERBS,
    YIELDING_VERBS,
)
from spiral.records import DatePrecision, Entity, Event

# a phrase they open tells where or when an event happened, not whom it was aimed at
WHERE_OR_WHEN_PREPS = frozenset(PLACE_PREPS | BACKGROUND_PREPS)
# `OBJECT_SENSES` by verb lemma, each verb's rows in the table's order: looked up for every
# noun, verb and adjective, of which few have a row
_OBJECT_SENSES_BY_LEMMA: dict[str, list[tuple[frozenset[str], tuple[str, str] | None]]] = {}
for _lemma, _objects, _verdict in OBJECT_SENSES:
    _OBJECT_SENSES_BY_LEMMA.setdefault(_lemma, []).append((_objects, _verdict))
# the nouns `_lexicon_event` codes by a row of their own
EVENT_NOUN_LEMMAS = frozenset(NOUN_TRIGGERS) | frozenset(BETWEEN_NOUNS) | frozenset(EVENT_NOUNS)


class EventCoder:
    """The `spiral_events` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        events: list[Event] = []
        for sentence in layout.body(doc):
            events += self._code(sentence, published, events)
        self.set_annotations(doc, events)
        return doc

    def set_annotations(self, doc: Doc, events: list[Event]) -> None:
        doc._.events = tuple(extensions.plain(e) for e in events)

    def _code(self, sentence: Span, published: date | None, earlier: list[Event]) -> list[Event]:
        """The events of one sentence; `earlier` are those of the sentences before it."""
        triggers = [(token, trigger) for token in sentence
                    if (trigger := _event_trigger(token)) is not None]
        if not triggers:
            return []
        when, precision = find_event_date(sentence, published)
        if published is not None and resolve_date(sentence.text, published) is None \
                and _habitual(sentence):
            # "Chinese vessels frequently harass Filipino boats": what keeps happening has no
            # day of its own, and the publication day is not it
            when, precision = None, "unknown"
        words = {t.lower_ for t in sentence}
        text = sentence.text
        # a question on a line of its own ("Why are the rebels attacking ships?") ends in the
        # line break after its mark
        asks = text.rstrip().rstrip(" \"'”’»)").endswith("?")
        setting = _Sentence(words, asks, when, precision, published, text.strip(),
                            sentence.start_char + len(text) - len(text.lstrip()))
        found: dict[tuple[str, str, str], Event] = {}
        # highest in the parse first: the sentence's main event leads the list
        for token, (event_type, mode) in sorted(triggers, key=lambda p: (_depth(p[0]), p[0].i)):
            subject = _subject_tokens(token)
            if event_type in ("REQUEST", "ACCUSE", "REJECT", "ASSAULT", "COERCE") and any(
                    t.lemma_.lower() in PROTESTERS for t in _named_part(subject)):
                # protesters' demands are a protest, and so is the embassy they storm or burn
                event_type, mode = "PROTEST", ("riot" if event_type in FORCEFUL else "")
            parties = _parties(sentence, token, subject, event_type)
            if parties is None:
                continue
            actors, recipients = parties
            shown = event_type == "ASSAULT" and _weapons_test(token)
            if shown:  # aimed at no one: whoever watches it fall is no target
                event_type, mode, recipients = "MOBILIZE", "weapons", []
            state_sense = STATE_SENSES.get(verb_lemma(token)) if event_type == "PROTEST" else None
            if state_sense and any(_a_state(a) for a in actors) \
                    and not any(t.lemma_.lower() in PROTESTERS for t in _named_part(subject)):
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
                recipients = _conditioned_side(token, actors) or _last_assailant(
                    token, earlier, actors)
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
                if event_type in ONE_EXCHANGE and _named_pair(token.doc, subject, actors):
                    dyads = dyads[:1]
            else:
                # "clashes between the army and the rebels", "a truce between Israel and
                # Hezbollah": one event, the side named first acting (both sides fight, but
                # coding it twice would count one clash as two)
                dyads = [(actors, recipients or ([] if shown else _placed_target(
                    sentence, token, subject, event_type, actors)
                    or _at_home(sentence, token, actors, event_type)))]
                if event_type == "MOBILIZE" and _alerted(token):
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
            joint = _coordinated(subject)
            dyads = [(each, recipients, actors is claimant) for actors, recipients in dyads
                     for each in ([[a] for a in actors] if len(actors) > 1 and all(
                         a.code in joint for a in actors) else [actors])]
            for actors, recipients, claim in dyads:
                recipients = [r for r in recipients if r.entity_name not in UNCODED_BLOCS]
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


def _coordinated(subject: list[Token]) -> set[str]:
    """The sides a subject names as members of one coordination ("Mali, Niger and Burkina
    Faso", "the US and Britain"), each by its own name."""
    doc = subject[0].doc if subject else None
    return {a.code for t in subject if t.dep_ == "conj" or any(
        c.dep_ == "conj" for c in t.children) for a in _actors_in(doc, _phrase(t))} \
        if doc is not None else set()


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


# what each sentence's triggers share, kept per document by the sentence's first token
_VENUES = "spiral.venues"
_GO_BETWEENS = "spiral.go_betweens"
_BOUND = "spiral.bound_pronouns"
_CLAUSE_TEXTS = "spiral.clause_texts"


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


def _event(token: Token, event_type: str, mode: str, actors: list[Entity],
           recipients: list[Entity], sentence: _Sentence) -> Event:
    event_type, mode, actors, recipients, negated, hypothetical = _as_stated(
        token, event_type, mode, actors, recipients)
    day, day_precision = _event_date(token, event_type, sentence.when, sentence.precision,
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
    renamed = _renaming_noun(token)
    if renamed is not None:
        maker = _maker_of_told_act(told, actors) or _maker_of_clause(renamed, actors)
        if maker:
            return maker
    if named:
        return named
    for kind in _kinds_referred_to(token):
        maker = _referred_agent(token, earlier, actors, lambda event, kind=kind: not (
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
    nouns = [n for o in _Cue.of(token).objects for n in (o, *_of_objects(o))] + [
        o for c in token.children if c.dep_ == "prep" and c.lower_ in ("over", "of", "for")
        for o in c.children if o.dep_ == "pobj"]
    kinds: list[tuple[str, str] | None] = []
    for noun in nouns:
        lemma = noun.lemma_.lower()
        kind = _object_event(noun) or NOUN_TRIGGERS.get(lemma)
        if (kind is not None or lemma in TOLD_ACT_NOUNS) and not _noun_agent(noun) and any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            kinds.append(kind)
    return kinds


def _renaming_noun(token: Token) -> Token | None:
    """The noun a clause of the token hangs on when that noun renames the act its sentence has
    just told ("expelled two envoys, a move Lima denounced", "a decision denounced by Lima",
    "in an incident the army condemned"); not what a claim says ("a claim that Lima fired")."""
    noun = token.head
    if token.dep_ not in ("relcl", "acl") or noun.pos_ != "NOUN" \
            or noun.lemma_.lower() not in RENAMING_NOUNS \
            or (token.dep_ == "acl" and token.tag_ != "VBN") \
            or any(c.dep_ == "mark" for c in token.children):
        return None
    article = [c for c in noun.children if c.dep_ == "det" and c.i < noun.i]
    if not article or article[0].lower_ not in ("a", "an") or article[0].i == noun.sent.start:
        return None
    return noun if noun.doc[article[0].i - 1].lower_ in RENAMING_MARKS else None


def _maker_of_told_act(told: Iterable[Event], actors: list[Entity]) -> list[Entity]:
    """The first side other than `actors` that acts in the events told above the token in its
    sentence (the highest first)."""
    for event in told:
        agent = _other_maker(event, actors)
        if agent is not None:
            return [agent]
    return []


def _other_maker(event: Event, actors: list[Entity]) -> Entity | None:
    """The first actor of `event` that is another side than `actors`."""
    own = {a.code for a in actors}
    return next((a for a in event.actor if a.code and a.code not in own), None)


def _maker_of_clause(noun: Token, actors: list[Entity]) -> list[Entity]:
    """Who acts in the clause a renaming noun hangs on ("Japan removed Seoul from the list, a
    decision ...": Japan), another side than `actors`, where no event was read from it."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "cancelled the events, a decision ...", "in an incident ..."
    own = {a.code for a in actors}
    return [a for a in _actors_in(noun.doc, _named_part(_subject_tokens(verb)))
            if a.code and a.code not in own][:1]


def _last_assailant(token: Token, earlier: list[Event], actors: list[Entity]) -> list[Entity]:
    """Who last used force against the threatening side, in the sentences just before (or
    earlier in its own)."""
    own = {a.code for a in actors if a.code}
    return _referred_agent(token, earlier, actors, lambda event: (
        event.event_type in FORCEFUL and not event.hypothetical and not event.negated
        and bool(own & {r.code for r in event.recipient})))


def _referred_agent(token: Token, earlier: list[Event], actors: list[Entity],
                    refers: Callable[[Event], bool]) -> list[Entity]:
    """The actor, another side than `actors`, of the latest event within reach before the
    token's sentence that `refers` accepts, marked 'by reference'; else none."""
    start = token.sent.start_char
    for event in reversed(earlier):
        if start - event.end > BACK_REFERENCE_CHARS:
            break
        agent = _other_maker(event, actors)
        if agent is not None and refers(event):
            return [replace(agent, role="by reference")]
    return []


def _named_pair(doc: Doc, subject: list[Token], actors: list[Entity]) -> bool:
    """Both sides are named in the subject ("Thailand and Cambodia"), not taken from the
    sentences before ("the two countries"), where which was named first is not the sentence's
    word."""
    named = {a.code for a in _actors_in(doc, _named_part(subject))}
    return all(a.code in named for a in actors)


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


def _parties(sentence: Span, token: Token, subject: list[Token],
             event_type: str) -> tuple[list[Entity], list[Entity]] | None:
    """Actors and recipients named around the trigger; None when nobody can have acted."""
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    if not subject and not passive and token.pos_ != "NOUN":
        return None
    # "Israeli tanks fired": a weapon that acts stands for its user, unless "US-made"
    attackers = _attackers(token)
    if attackers:
        # "towns came under attack from Russian forces": the attack's source acts on the subject
        actors = _actors_in(sentence.doc, [t for a in attackers for t in a.subtree])
        if actors:
            hit = _actors_in(sentence.doc, subject) or [
                _located(sentence, _unresolved(subject), within=subject)] if subject else []
            return actors, [h for h in hit if h.code]
    sides = _between(token)
    if len(sides) == 1:
        # "clashes between the army and the RSF": one side acts on the other, even two forces
        # of one country
        first = _actors_in(sentence.doc, [t for t in _phrase(sides[0])
                                          if t.i not in {c.i for c in sides[0].conjuncts}])
        second = _actors_in(sentence.doc, _phrase(sides[0].conjuncts[0])) \
            if sides[0].conjuncts else _named_after_and(sides[0])
        if first and second:
            return first[:1], second[:1]
    named = _named_part(subject)
    sides = [t for t in named if not _of_a_firm(t)]
    actors = _actors_in(sentence.doc, sides) or _actors_in(
        sentence.doc, sides, weapons=True)
    actors = actors or _pair_named_before(subject)
    recipients = _recipients(sentence.doc, token, subject, actors, event_type)
    if not actors and token.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in token.children):
        return None  # "facilities that supported Ukraine's industry": no one acts
    if not actors and event_type != "ASSAULT" and _an_act(named):
        # "the new levies further bar imports", "the expulsion follows months of tension": the verb
        # tells what an act did, and nobody is named doing it (an attack whose maker is unknown,
        # "explosions targeting radios killed nine", stays one, placed nowhere)
        return None
    if not actors:
        # an unnamed agent ("was arrested in Lebanon") is placed only by where it acted; a
        # nominal event without a named side ("protests spread to Iranian cities") is wherever
        # the sentence puts it
        unnamed = _unresolved(subject) if subject else Entity("", "", "")
        # what an attack or an accusation is aimed at never places who made it: "missiles hit
        # Polish territory" is no Polish act, nor "the communique called Bazoum's detention a
        # hostage-taking" Niger's (a protest, and a case brought at home, by CAMEO's convention
        # are placed by their target: "a judge opened investigations into Chilean officials")
        aimed = event_type in AIMED_ACTS and not (event_type == "ACCUSE" and _legal_action(token))
        target = frozenset(t.i for c in token.children if aimed and (
            c.dep_ in ("dobj", "dative", "attr", "oprd", "nsubjpass")
            or (c.dep_ == "prep" and c.lower_ in OBJECT_PREPS))
            for t in c.subtree)
        actors = [unnamed if _unplaceable(named) else _located(
            sentence, unnamed, acted=None if subject or token.pos_ == "NOUN" else token,
            skip=target | _go_betweens(token) | _venues(sentence))]
    return actors, recipients


def _legal_action(token: Token) -> bool:
    """'investigated', 'opened investigations into', 'filed charges against': a case brought,
    not words said (`LEGAL_ACTIONS`)."""
    return token.lemma_.lower() in LEGAL_ACTIONS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in LEGAL_ACTIONS for c in token.children)


def _an_inquiry(token: Token) -> bool:
    """'is investigating', 'launched a probe', 'opened an inquiry' (`INQUIRIES`)."""
    return token.lemma_.lower() in INQUIRIES or any(
        c.dep_ == "dobj" and c.lemma_.lower() in INQUIRIES for c in token.children)


def _at_home(sentence: Span, token: Token, actors: list[Entity],
             event_type: str) -> list[Entity]:
    """'The army shelled positions in Omdurman' in a report about Sudan's war: force a side of
    the report's country uses, in a sentence that names no other country, with no target named
    or placed, is used at home (CAMEO's domestic code), marked 'by document'. Ships at sea are
    no home ground."""
    doc = sentence.doc
    home = doc._.report_country
    if event_type not in ("ASSAULT", "COERCE") or not home \
            or not actors or any(a.code != home for a in actors) \
            or any(t.lemma_.lower() in VESSELS for t in _object_tokens(token)) \
            or _at_war_abroad(doc, home, actors):
        return []
    named = {entity.code for start, end, _ in doc._.actor_mentions
             if sentence.start_char <= start and end <= sentence.end_char
             and (entity := entity_at(doc, start, end)) is not None}
    if named - {home, ""}:
        return []
    name = country_name(home)
    return [Entity(name, name, home, "", "by document")]


def _at_war_abroad(doc: Doc, home: str, actors: list[Entity]) -> bool:
    """A report about the home country's war with another state ('Israeli airstrikes killed ten
    people across the country', 'Russian forces had taken half of the city', in reports that
    name Lebanon or Ukraine nearly as often): its forces fight abroad, unless the report names
    a side at home that fights the state (`CIVIL_WAR_SIDES`) other than the one acting ('clashes
    raged between the army and rebels armed by a neighbour')."""
    named: dict[str, int] = {}
    for actor in doc._.actors:
        named[actor["code"]] = named.get(actor["code"], 0) + len(actor["mentions"])
    foreign = max((n for code, n in named.items()
                   if code not in (home, "") and code not in NON_STATE_CODES), default=0)
    if foreign < FOREIGN_SHARE * named.get(home, 0):
        return False
    acting = {a.entity_name for a in actors}
    return not any(a["code"] == home and a.get("sector") in CIVIL_WAR_SIDES
                   and a.get("entity_name") not in acting for a in doc._.actors)


def _unplaceable(subject: list[Token]) -> bool:
    """'the European governments', 'its allies': a subject that stands for several states, which
    the places of its sentence must not lend their country; 'Monday's', '26', 'This', 'the
    attack', 'the sanctions': one that names nobody who could act; 'Peru Airways': a firm,
    which acts for no state."""
    return any((t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in COLLECTIVES)
               or t.tag_ == "DT" or _names_nobody(t) or _of_a_firm(t)
               for t in phrase_heads(subject)) or _an_act(subject)


def _an_act(subject: list[Token]) -> bool:
    """'the sanctions', 'explosions targeting radios': a subject that is an act with no maker
    (`ACTS_NAMING_NOBODY`)."""
    return bool(subject) and all(h.lemma_.lower() in ACTS_NAMING_NOBODY
                                 for h in phrase_heads(subject))


def _of_a_firm(token: Token) -> bool:
    """'Peru Airways', 'a Peru Airways plane', 'the owner, a Bolivia-based firm': a word of a
    firm's name, or of what the name describes or the firm owns (`FIRMS`)."""
    while True:
        if token.lemma_.lower() in FIRMS or token.lower_ in FIRMS or any(
                c.dep_ == "compound" and c.lower_ in FIRMS for c in token.children):
            return True
        if token.dep_ not in NAME_LINKS or token.head is token:
            return False
        token = token.head


def _cited(sentence: Span) -> frozenset[int]:
    """The people an 'according to' phrase names ("according to Antonio Guterres, the
    militia stormed ..."): who tells the act, not whom it is aimed at (the country it names
    may well tell where: "..., according to the Pakistani interior secretary")."""
    doc = sentence.doc
    return frozenset(t.i for a in sentence if a.lower_ == "according" for t in a.subtree
                     if t.ent_type_ == "PERSON" or getattr(
                         entity_at(doc, t.idx, t.idx + len(t.text)), "role", ""))


def _person_pronoun(head: Token) -> bool:
    """'him', 'them', 'each other': people named elsewhere, whose country the places of the
    sentence do not give (unlike 'it' or 'which', which may stand for a place or an act)."""
    return (head.tag_ == "PRP" and head.lower_ not in ("it", "itself")) or \
        " ".join(t.lower_ for t in list(head.subtree)[:2]) in RECIPROCALS


def _names_nobody(head: Token) -> bool:
    """'Monday', '26', 'the attack': a phrase head no side can stand behind."""
    return head.like_num or head.lemma_.lower() in NO_AGENT_HEADS


def _placed_target(sentence: Span, token: Token, subject: list[Token], event_type: str,
                   actors: list[Entity]) -> list[Entity]:
    """'police dispersed demonstrators', 'students staged demonstrations', 'lifted the curfew':
    an unnamed target, or a protest, is where the sentence places it (CAMEO codes domestic
    events to the country's own code); outside what a state does at home (`DOMESTIC`), the
    words naming the actor never place its target: a force does not strike or march on its own
    country ('Russian troops captured the village', 'Venezuela sent troops to the coast'), nor
    does a speaker's own name place whom it addresses ('the Guyanese ministry demanded the
    release of the crew'), nor does the venue of talks ('met ... in Paris to discuss security')."""
    heads = _target_heads(token)
    bound = _bound_by_subject(token, subject, event_type)
    free = [h for h in heads if h.i not in bound
            and not any(c.i in bound for c in h.children if c.dep_ == "poss")]
    if len(free) == len(heads):
        return _place(sentence, token, subject, event_type, actors, heads)
    # "Israel did not deny its responsibility", "would defend itself": what the subject's own
    # pronoun names is with no other side; at home at most ("lifted its ban")
    placed = _place(sentence, token, subject, event_type, actors, free) if free else []
    return placed or [p for p in _place(sentence, token, subject, event_type, actors, heads)
                      if any(p.code == a.code for a in actors)]


def _place(sentence: Span, token: Token, subject: list[Token], event_type: str,
           actors: list[Entity], heads: list[Token]) -> list[Entity]:
    """Where the sentence places the target the phrases under `heads` name (`_placed_target`);
    nowhere when one is a ship or the open sea (`AT_SEA`), unless forces are withdrawn from it
    (whose waters they leave is whom they pull back from: "pulled its warships out of the sea
    off Peru")."""
    if event_type != "RETREAT" and any(head.lemma_.lower() in AT_SEA for head in heads):
        return []
    # what a force fires is aimed somewhere: "Russia launched an ICBM, Ukraine's air force said"
    unplaced = UNPLACED - WEAPON_WORDS if event_type == "ASSAULT" else UNPLACED
    targets = _not_the_doers([t for head in heads if head.lemma_.lower() not in unplaced
                              and not _names_nobody(head) for t in _phrase(head)])
    if not targets and event_type != "PROTEST":
        return []
    if targets and all(_person_pronoun(h) for h in heads if h.i in {t.i for t in targets}):
        return []  # "urged him to compromise", "blamed each other": people named elsewhere
    own = frozenset(t.i for t in subject) if event_type not in DOMESTIC else frozenset()
    if verb_lemma(token) not in REVERSING_VERBS:  # "lifted its ban" is done at home
        own |= {c.i for head in heads for c in head.children if _a_doer(c)}
    # nor does the name of a speaker telling its own act: "the Venezuelan government said it
    # would send troops to the disputed region" (whoever reports another's act often speaks
    # for its target: "Ukrainian officials said Russian missiles hit a hospital")
    reporter = [t for s in _speaker_tokens(token) for t in s.subtree]
    if event_type not in DOMESTIC and {r.code for r in _actors_in(sentence.doc, reporter)} & {
            a.code for a in actors}:
        own |= {t.i for t in reporter}
    placed = _located(sentence, _unresolved(targets) if targets else Entity("", "", ""),
                      skip=own | _go_betweens(token) | _venues(sentence))
    return [placed] if placed.code else []


def _as_stated(token: Token, event_type: str, mode: str, actors: list[Entity],
               recipients: list[Entity]) -> tuple[str, str, list[Entity], list[Entity], bool, bool]:
    """PLOVER's conventions for what is said rather than done: (type, mode, actors, recipients,
    negated, hypothetical)."""
    hypothetical = _hypothetical(token) or _aimed_at(token)
    negated = _negated(token)
    speaker = _speaker_tokens(token)
    if _obliged(token) and speaker:
        # "Straw said Sudan must reach an agreement": the speaker asks it of Sudan
        asked = [a for a in actors if a.code]
        actors = _actors_in(token.doc, speaker) or actors
        recipients = [a for a in asked if all(a.code != b.code for b in actors)]
        event_type, mode, hypothetical = "REQUEST", "", False
    elif event_type in ("AGREE", "CONCEDE") and negated:
        # "failed to reach agreement", "will not accept": a rejection, not a non-event
        event_type, mode, hypothetical, negated = "REJECT", "", False, False
    elif not negated and _conditional_future(token, speaker):
        # "will withdraw its force unless ...": a conditional threat; "would meet him if he gave
        # them a veto": a conditional offer
        offer = event_type in COOPERATIVE and not _conditioned(token, ("unless",))
        event_type, mode = ("AGREE", "") if offer else ("THREATEN", "")
        hypothetical = False
        if not recipients and not offer:
            # "will strike if Hezbollah breaks the truce": aimed at whom the condition names
            recipients = _conditioned_side(token, actors)
    elif not negated and event_type == "CONSULT" and _intended(token, speaker) \
            and not _offered(token) and verb_lemma(token) not in VISITS:
        # "will hold talks in Qatar on Saturday", "will meet top diplomats in Geneva today",
        # "plans to convene": a meeting planned, not yet held, and no agreement either (unlike
        # "is ready to talk", an offer)
        hypothetical = True
    elif not negated and event_type not in STATEMENTS and _intended(token, speaker):
        # "Finland will give Tanzania a grant": a stated intent, PLOVER's AGREE (or a THREATEN
        # when what is intended is force); "plans to ask", "will reject": a statement not yet
        # made keeps its type and stays hypothetical
        event_type, mode = ("THREATEN", "") if event_type in FORCEFUL else ("AGREE", "")
        hypothetical = False
    return event_type, mode, actors, recipients, negated, hypothetical


def _habitual(sentence: Span) -> bool:
    """A sentence about what keeps happening: it has an adverb of frequency ('regularly',
    'often'). A plain present alone is not one: news leads tell yesterday's events in it."""
    return any(t.lower_ in HABITUAL_ADVERBS for t in sentence)


def _event_date(token: Token, event_type: str, when: date | None, precision: DatePrecision,
                published: date | None) -> tuple[date | None, DatePrecision]:
    """The trigger clause's own date, one counted from the sentence's event ('two days after'),
    or the sentence's."""
    own_date = resolve_date(_clause_text(token), published) if published else None
    if own_date is None and published and token.pos_ in ("NOUN", "PROPN") \
            and token.dep_ in ARGUMENT_DEPS and token.head.dep_ == "relcl":
        # "an uprising that followed a crackdown in 2011": a relative clause's date is its own
        # events', and the act it names as its object or subject is one of them
        own_date = resolve_date(_clause_text(token.head), published)
    if own_date is None and _in_background(token):
        # "after Iran's strike", "amid the Russian invasion": an event told as background has
        # the date of its own words, never that of the event the sentence reports
        return None, "unknown"
    if own_date is None and when is not None and (began := span_start(token, when)) is not None:
        # "after two months of conflict": what lasted a span began when it was counted back
        return began
    if own_date is None and published is not None and (
            named_in_a_present_state(token)
            or tallied(token) and event_type not in STANDING_TYPES) \
            and resolve_date(token.sent.text, published) is None:
        # "the move raises concerns over the fate of soldiers fighting al Shabaab", "have
        # struck more than 3,400 targets": no day's event; "has massed more than 100,000
        # troops" is a build-up that stands on the day
        return None, "unknown"
    if own_date is None and (ongoing(token) or told_as_before(token)) and (
            when == published or resolve_date(token.sent.text, published) is None):
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
    if published is not None and (shift := neighbour_day_shift(token)) is not None:
        # "The rebels seized the town on 9 May and lost it again the day after": a day
        # told from the one the sentence names, or else from the one the report named last
        # (not from the publication day, which the sentence does not tell)
        told = day if resolve_date(token.sent.text, published) is not None else (
            last_day_named(token.sent, published))
        if told is not None:
            return told + timedelta(days=shift), "day"
    return day, day_precision


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


def _event_trigger(token: Token) -> tuple[str, str] | None:
    trigger = _trigger(token)
    if trigger is None and token.pos_ == "VERB" and _obliged(token) and _speaker_tokens(token):
        return ("REQUEST", "")  # "declared that China must drop barriers"
    return trigger


def verb_lemma(token: Token) -> str:
    """The lemma, or the plain form of an -ed/-s verb the lemmatizer missed ('staged' -> 'stag')."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma in KNOWN_VERBS:
        return lemma
    word = token.lower_
    for cut in ("d", "ed", "s", "es"):
        if word.endswith(cut) and word[:-len(cut)] in KNOWN_VERBS:
            return word[:-len(cut)]
    return lemma


def _trigger(token: Token) -> tuple[str, str] | None:
    """The (type, mode) a word triggers in its sentence, or None. The rules run in order: words
    that code nothing here, measures decided by what they let in or hit, light verbs and the
    event their object names, CAMEO distinctions made by the object, phrasal verbs and idioms,
    and last the lexicon."""
    if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return None  # most tokens: decided before any rule looks at their children
    cue = _Cue.of(token)
    for rule in (_vetoed, _judgement_event, _ordinary_sense, _rebuke_for, _sense_by_complement,
                 _measure_event, _alert_event, _pressing_on, _expressed_stance, _expulsion,
                 _travel_advisory, _agreed_sanction, _agreement_left,
                 _light_verb_event, _event_by_object,
                 _phrasal_event, _claimed_act, _joint_act, _lexicon_event):
        found = rule(token, cue)
        if found is not None:
            return None if found == NO_EVENT else found
    return None


NO_EVENT = ("", "")  # a rule's verdict that the word codes nothing here


@dataclass(frozen=True, slots=True)
class _Cue:
    """What the rules read of a trigger: its lemma, its objects and its particles."""

    lemma: str
    objects: list[Token]
    particles: set[str]

    @classmethod
    def of(cls, token: Token) -> _Cue:
        lemma = verb_lemma(token)
        children = list(token.children)  # read once: every noun, verb and adjective asks
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "engage":  # "engaged in ethnic cleansing"
            objects += [o for c in children if c.dep_ == "prep" and c.lower_ == "in"
                        for o in c.children if o.dep_ == "pobj"]
        return cls(lemma, objects, {c.lower_ for c in children if c.dep_ == "prt"})


def _owned_drone(noun: Token) -> bool:
    """'downed an Indian surveillance drone', 'shot down a Turkish drone': one drone whose
    country the phrase names is an aircraft of that side brought down, an attack on it (a
    numbered swarm, "shot down 40 drones", is still air defence)."""
    return noun.lower_ == "drone" and not any(c.dep_ == "nummod" for c in noun.children) \
        and any(entity_at(noun.doc, t.idx, t.idx + len(t.text)) is not None
                for t in noun.subtree if t.i < noun.i)


def _vetoed(token: Token, cue: _Cue) -> tuple[str, str] | None:
    lemma, objects, particles = cue.lemma, cue.objects, cue.particles
    if lemma == "receive" and not any(
            entity_at(token.doc, n.idx, n.idx + len(n.text)) is not None or n.lemma_.lower() in
            MISSIONS | {"delegation", "minister", "president", "leader", "visitor", "counterpart"}
            for o in objects for n in (o, *_of_objects(o))):
        return NO_EVENT  # "received information", unlike "received a team of inspectors"
    if lemma in ("shoot", "intercept", "down", "destroy") and any(
            (n.lower_ in INCOMING and not _owned_drone(n))
            or ((n.lower_ in QUANTIFIERS or n.pos_ == "NUM") and "down" in particles)
            for o in objects for n in (o, *_of_objects(o))):
        return NO_EVENT  # air defence downing missiles ("most were shot down") attacks no one
    if lemma == "seek" and any(c.dep_ == "xcomp" for c in token.children):
        return NO_EVENT  # "sought to repel the incursion": an attempt, no request of anyone
    if lemma == "swear" and "in" in particles:
        return NO_EVENT  # "sworn in": took office
    if lemma == "commit" and not any(c.lower_ == "to" for c in token.children) and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in RESOURCES for c in token.children):
        return NO_EVENT  # "committing genocide", unlike "committed to talks" or "committed troops"
    return None


def _ordinary_sense(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """A trigger verb in its everyday sense, by its object (`OBJECT_SENSES`)."""
    senses = _OBJECT_SENSES_BY_LEMMA.get(cue.lemma)
    if senses is None:
        return None  # most words: no everyday sense listed, and no objects to read
    # "would be met with a response": what a passive is met with counts as its object
    met_with = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                for o in c.children if o.dep_ == "pobj"] if cue.lemma == "meet" else []
    if not cue.objects and not met_with:
        return None
    nouns = {n.lemma_.lower() for o in (*cue.objects, *met_with) for n in (o, *_of_objects(o))}
    for objects, verdict in senses:
        if nouns & objects:
            return NO_EVENT if verdict is None else verdict
    return None


def _rebuke_for(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """A verb of force used of words: a side hit "for" what it did ("attacked Lima for its
    failure to act", "blasted Kyiv for refusing talks"), not for a time ("for the second time",
    "for three days"): an accusation (`REBUKING_VERBS`)."""
    if token.pos_ != "VERB" or cue.lemma not in REBUKING_VERBS:
        return None
    reasons = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
               for o in c.children if o.dep_ in ("pobj", "pcomp")]
    return ("ACCUSE", "") if any(
        not any(t.like_num or t.lower_ in SPANS_OF_TIME for t in o.subtree)
        for o in reasons) else None


def _judgement_event(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """Naming what another did with a word of disapproval ("called the deal illegal", "called
    the raid an act of war", "described the seizure as an act of aggression",
    "labelled the rebels terrorists"): an accusation (`NAMING_VERBS`, `DISAPPROVING_WORDS`)."""
    return ("ACCUSE", "") if _judged(token) else None


def _judged(verb: Token) -> bool:
    """The verb names its object with a word of disapproval, as its predicate ("called it
    illegal") or in an 'as' phrase ("described it as an act of aggression")."""
    if verb.pos_ != "VERB" or verb_lemma(verb) not in NAMING_VERBS or any(
            c.dep_ == "prt" for c in verb.children):
        return False
    named = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")]
    if any(o.tag_ in ("WP", "WDT") for o in named):
        return False  # "what it called anti-terrorist operations": a name quoted, no charge
    complements = [c for c in verb.children if c.dep_ == "oprd"] + [
        o for head in (verb, *named) for p in head.children
        if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in DISAPPROVING_WORDS and not (
        t.i > 1 and t.nbor(-1).text == "-" and t.nbor(-2).lower_ in ("anti", "counter"))
        for c in complements for t in c.subtree)


def _sense_by_complement(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """A trigger verb in its everyday sense, by the kind of complement it takes
    (`COMPLEMENT_SENSES`): a question asked, a name given, a fact acknowledged, a quality shown."""
    kind = COMPLEMENT_SENSES.get(cue.lemma)
    if kind is None or token.pos_ != "VERB":
        return None
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if kind == "question" and _asks_a_question(token):
        return NO_EVENT  # "asked two experts whether it was realistic to expect ..."
    if kind == "naming" and any(c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME")
                                for c in token.children) and not cue.particles and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in token.children):
        return NO_EVENT  # "what it called a centre for weapons research"; not "called on"
    if kind == "clause" and clauses and not cue.objects:
        return NO_EVENT  # "Kurti recognized that the process was rushed"
    if kind == "object or clause" and (cue.objects or clauses):
        return NO_EVENT  # "demonstrating the group's ability to strike"
    return None


def _asks_a_question(token: Token) -> bool:
    """'asked whether ...', 'asked experts on the programme about whether ...', 'asked what
    happened': a question word opens a clause hung on the verb through clauses, prepositions
    and objects only (not 'asked the UN to investigate whether ...', which asks for an act).
    Whoever asks for something requests it, whatever else the sentence asks ('will ask Trump
    for missiles when the two leaders meet'), and a clause of time or place hung on the verb
    tells when or where the asking is, not what is asked."""
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
        return False
    for word in token.subtree:
        if word.lower_ not in QUESTION_WORDS or (
                word.dep_ != "mark" and word.i != word.head.left_edge.i):
            continue
        node = word.head
        if node.dep_ == "advcl" and node.head.i == token.i and word.lower_ in ADVERBIAL_WORDS:
            continue
        while node.i != token.i and node.dep_ in QUESTION_PATH:
            node = node.head
        if node.i == token.i:
            return True
    return False


def _measure_event(token: Token, cue: _Cue) -> tuple[str, str] | None:
    lemma, objects = cue.lemma, cue.objects
    if lemma in ("allow", "permit", "let") and (any(o.lemma_.lower() in RELIEF for o in objects)
                                                or any(t.lemma_.lower() in RELIEF
                                                       for c in token.children
                                                       if c.dep_ in ("xcomp", "ccomp")
                                                       for t in c.children
                                                       if t.dep_ in ("nsubj", "dobj"))):
        return ("RETREAT", "access")  # CAMEO 0863: letting humanitarian aid in
    if lemma in ("target", "hit", "affect") and any(
            (_object_event(n) or ("",))[0] == "SANCTION" for c in token.children
            if c.dep_ == "nsubj" for n in (c, *_compounds(c))):
        return ("SANCTION", "economic")  # "the sanctions package targets Russian gas"
    return None


def _alert_event(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """Forces put, kept or standing on alert ("the army was put on full combat readiness", "we
    are on maximum alert", "is maintaining a firm readiness posture"): a show of readiness
    (MOBILIZE), whatever the verb that tells it."""
    return ("MOBILIZE", "troops") if _alerted(token) else None


def _alerted(verb: Token) -> bool:
    """The verb puts or keeps its subject (or a passive's) on alert: 'on' a state of alert or
    readiness, or alert, readiness or vigilance as its object (`ALERT_VERBS`, `ALERT_NOUNS`)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ALERT_VERBS:
        return False
    held = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "into")
            for o in c.children if o.dep_ == "pobj"]
    if verb.lemma_.lower() in ALERT_RAISING_VERBS:
        held += [c for c in verb.children if c.dep_ == "dobj"]
    return any(n.lemma_.lower() in ALERT_NOUNS for o in held
               for n in (o, *_compounds(o), *_of_objects(o)))


def _pressing_on(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """'pressed ahead with its military operation', 'pressed on with the assault': the act its
    "with" phrase names, which the subject goes on with (`PRESSING_ON`); nobody is asked
    anything, and going on with no act named codes nothing."""
    going_on = PRESSING_ON.get(cue.lemma)
    if going_on is None or not any(
            c.dep_ in ("prt", "advmod") and c.lower_ in going_on for c in token.children):
        return None
    goals = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
             for o in c.children if o.dep_ == "pobj"]
    return next((found for o in goals for n in (o, *_compounds(o), *_of_objects(o))
                 if (found := _object_event(n) or NOUN_TRIGGERS.get(n.lemma_.lower()))),
                NO_EVENT)


def _expressed_stance(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """'expressed deep concern over ...', 'voiced opposition to ...', 'expressed solidarity
    with ...': the stance its object names (`EXPRESSING_VERBS`, `EXPRESSED_STANCES`)."""
    if token.pos_ != "VERB" or cue.lemma not in EXPRESSING_VERBS:
        return None
    return next((EXPRESSED_STANCES[o.lemma_.lower()] for o in cue.objects
                 if o.lemma_.lower() in EXPRESSED_STANCES), None)


def _light_verb_event(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """'open an investigation', 'lift the curfew': the event the object names, reversed by
    reversing verbs."""
    lemma, objects, particles = cue.lemma, cue.objects, cue.particles
    if token.pos_ != "VERB" or not (lemma in LIGHT_VERBS or lemma in REVERSING_VERBS
                                    or particles & {"off", "down"}
                                    or PHRASAL_LIGHT_VERBS.get(lemma) in particles
                                    or lemma in SANCTION_RAISING_VERBS):
        return None
    if token.dep_ == "acl" and token.tag_ == "VBN":
        objects = [*objects, token.head]  # "the EU's 14th sanctions package, adopted on Monday"
    # the object, or the noun naming it ("mediation efforts", "a hunger strike",
    # "ten days of war games", "$1.85 billion in military aid"; a "support package" is aid)
    named = [n for o in objects for n in (
        (*_of_objects(o), *(c for c in _compounds(o) if c.lemma_.lower() not in SUPPORTIVE), o)
        if o.lemma_.lower() in CONTAINERS else (o, *_compounds(o), *_of_objects(o)))]
    noun = next((n for n in named if _object_event(n) is not None), None)
    if noun is None:
        reverse = lemma in REVERSING_VERBS or particles & {"off", "down"}
        return REVERSED["ASSAULT"] if reverse and _hostile_acts(objects) else None
    found = _object_event(noun)
    if lemma in SANCTION_RAISING_VERBS:
        return found if found[0] == "SANCTION" else None
    if noun.lemma_.lower() == "demand" and lemma in YIELDING_VERBS:
        return ("CONCEDE", "policy")
    reverse = lemma in REVERSING_VERBS or particles & {"off", "down"}
    if reverse and noun.lower_ in LIFTED_FREEDOMS:
        return ("CONCEDE", "policy")
    if reverse:
        return REVERSED.get(found[0], found)
    if lemma in PERMITTING and found[0] == "ASSAULT":
        return ("CONCEDE", "policy")  # "has not approved Ukrainian strikes inside Russia"
    return ("SUPPORT", "") if lemma == "sign" and found[0] == "AGREE" else found


def _hostile_acts(objects: list[Token]) -> bool:
    """'suspended launching balloons', 'halted its rocket launches': the object is an attack
    told by its verb (a gerund, or the verb's own noun)."""
    return any(VERB_TRIGGERS.get(n.lemma_.lower(), ("",))[0] == "ASSAULT"
               for o in objects for n in (o, *(c for c in o.children if c.tag_ == "VBG"))
               if n.tag_ in ("VBG", "NNS"))  # not "ended a cease-fire"


def _event_by_object(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """CAMEO's distinctions made by what the verb acts on: expelling envoys or residents, taking
    ground or people, receiving inspectors, destroying property, sending investigators."""
    lemma, objects, particles = cue.lemma, cue.objects, cue.particles
    if token.pos_ in ("VERB", "AUX") and any(
            o.lower_ == "alert" for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("on", "onto") for o in c.children):
        return ("MOBILIZE", "troops")  # "troops remained on alert", "put forces on high alert"
    if lemma in ("send", "dispatch", "deploy") and any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in FACT_FINDING
            for c in token.children):
        return ("ACCUSE", "investigate")  # CAMEO 09: a mission sent to investigate
    if lemma in ("send", "dispatch") and any(o.lemma_.lower() in ENVOYS | MISSIONS
                                             for o in objects):
        if any(c.lower_ in ("home", "back") for c in token.children):
            return ("SANCTION", "expel")  # "sent the ambassador home"
        if any(o.lemma_.lower() in ENVOYS for o in objects):
            return ("CONSULT", "visit")  # "sent an envoy to Beijing"
    if lemma in ("send", "dispatch", "deploy") and any(
            o.lemma_.lower() in FORCES | VESSELS for o in objects) and _sent_to_help(token):
        return ("AID", "military")  # "sent troops to fight for Peru", "at Lima's request"
    if lemma in ("send", "dispatch", "rush") and any(
            o.lemma_.lower() in FORCES | VESSELS for o in objects) and not _sent_abroad(token):
        return ("MOBILIZE", "troops")  # "sent tanks to its borders", unlike "sent troops to Haiti"
    if lemma == "join" and any(
            (entity := entity_at(token.doc, o.idx, o.idx + len(o.text))) is not None
            and entity.code == "IGO" for o in objects):
        return ("COOPERATE", "")  # "Sweden joined NATO"
    if lemma in ("arrive", "deploy") and any(t.lower_.startswith("peacekeep") for c in
                                             token.children if c.dep_ == "nsubj"
                                             for t in c.subtree):
        return ("AID", "peacekeeping")  # CAMEO 074
    if lemma == "arrive" and any(t.lemma_.lower() in FORCES | VESSELS for c in token.children
                                 if c.dep_ == "nsubj" for t in c.subtree
                                 if t.dep_ in ("nsubj", "conj")):
        return ("MOBILIZE", "troops")  # "US warships arrived off the coast": no visit
    if lemma == "force" and ("out" in particles or any(
            c.dep_ == "prep" and c.lower_ == "out" for c in token.children)):
        expelled = [o for o in objects if o.lemma_.lower() in MISSIONS | ORGANISATIONS
                    or o.pos_ == "PROPN"]  # an embassy, agency or mission, not residents
        return ("SANCTION", "expel") if expelled else ("COERCE", "expel")
    if lemma == "close" and any(o.lemma_.lower() in ("border", "embassy", "airspace", "crossing",
                                                     "consulate") for o in objects):
        return ("SANCTION", "")  # "Russia closed its borders with Iran"
    if lemma == "hold" and any(t.lower_ in HOSTAGE_WORDS for c in token.children
                               if c.dep_ in ("prep", "oprd", "advmod", "npadvmod", "dobj")
                               for t in c.subtree):
        return ("COERCE", "seize")  # "holding refugees as human shields", "held them hostage"
    if lemma == "throw" and any(o.lemma_.lower() in RIOT_OBJECTS or o.lower_ in RIOT_OBJECTS
                                for o in objects):
        return ("PROTEST", "riot")  # CAMEO 145: stone-throwing is a violent protest
    if (lemma == "set" and any(o.lower_ == "fire" for o in objects)) or (
            lemma in ("burn", "destroy", "torch") and any(
                o.lemma_.lower() in PROPERTY for o in objects)) or (
            lemma == "blow" and "up" in particles and any(
                n.lemma_.lower() in PROPERTY for o in objects for n in (o, *_of_objects(o)))):
        return ("COERCE", "destroy")  # CAMEO 1712: destroying property
    if lemma == "order":
        return _order_event(token, cue)
    if lemma == "hand" and any(o.lemma_.lower() in CAPTIVES for o in objects):
        return ("RETREAT", "release")  # "Hamas handed over three Israeli women it had held"
    if lemma in ("withdraw", "recall", "pull", "expel") and any(
            o.lemma_.lower() in MISSIONS for o in objects):
        return ("SANCTION", "expel")  # CAMEO 166: withdrawing peacekeepers, inspectors, envoys
    if lemma in SUPPRESSING_VERBS and any(
            o.lemma_.lower() in PROTESTERS or _object_event(o) == ("PROTEST", "") for o in objects):
        return ("COERCE", "")  # "police dispersed the demonstrators", "prevented the rally"
    if lemma == "stop" and any(o.lower_ == "work" for o in objects):
        return ("PROTEST", "strike")  # "workers stopped work"
    if lemma == "cease" and any(o.lower_ in ("fire", "hostilities", "fighting") for o in objects):
        return ("RETREAT", "ceasefire")  # "would cease fire"
    if lemma == "withdraw" and any(
            (entity := entity_at(token.doc, o.idx, o.idx + len(o.text))) is not None
            and entity.code == "IGO" for c in token.children
            if c.dep_ == "prep" and c.lower_ == "from" for o in c.subtree):
        return ("SANCTION", "withdraw")  # leaving an organisation: CAMEO 16
    if lemma == "withdraw" and any(o.lemma_.lower() in MEASURES for o in objects):
        return ("CONCEDE", "policy")  # "withdrew its contested bill"
    if lemma in ("receive", "admit", "accept") and any(
            o.lemma_.lower() in ("observer", "inspector", "monitor", "peacekeeper")
            or any(t.lemma_.lower() in ("observer", "inspector", "monitor", "peacekeeper")
                   for t in _of_objects(o)) for o in objects):
        return ("RETREAT", "access")  # CAMEO 0861, 0862: receiving peacekeepers or inspectors
    if lemma in ("capture", "seize", "retake", "recapture", "take") and any(
            o.lemma_.lower() in TERRAIN for o in objects):
        return ("ASSAULT", "occupy")  # taking ground is fighting; seizing people or goods coerces
    if lemma != "give":
        return None  # asked of every noun, verb and adjective: the time allowed only of "give"
    allowed_time = [c for c in token.children if c.dep_ in ("dobj", "npadvmod")
                    and c.lemma_.lower() in ("day", "week", "hour", "month", "deadline")]
    if allowed_time and any(
            c.dep_ in ("dative", "dobj") and c not in allowed_time for c in token.children):
        return ("THREATEN", "ultimatum")  # "gave Niger's junta one week to reinstate Bazoum"
    return None


def _expulsion(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """An envoy or a mission told to go ("gave the ambassador 72 hours to leave", "asked the
    envoy to leave", "ordered the consulate to shut down", "demanded that Lima withdraw its
    diplomats"), or one's own called home ("called its ambassador back for consultations"): an
    expulsion or a recall (CAMEO 166), not a request nor an ultimatum."""
    if token.pos_ != "VERB":
        return None
    if cue.lemma == "call":
        recalled = any(t.lemma_.lower() in RECALLED_WORDS for c in token.children
                       if c.dep_ in ("advmod", "prt", "prep") for t in c.subtree)
        return ("SANCTION", "expel") if recalled and _posted_abroad(cue.objects) else None
    if cue.lemma not in TELLING_VERBS:
        return None
    told = [c for c in token.children
            if c.dep_ in ("xcomp", "ccomp", "advcl") and verb_lemma(c) in DEPARTING_VERBS]
    told_directly = [*cue.objects, *(c for c in token.children if c.dep_ == "dative")]
    goers = [*told_directly, *(t for v in told for t in v.children
                               if t.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    return ("SANCTION", "expel") if told and _posted_abroad(goers) and not _own_people(
        token, told_directly) else None


def _own_people(verb: Token, told: list[Token]) -> bool:
    """'asked its staff to leave the city': those the verb tells to go are the teller's own (a
    bound possessive, or named of the teller's side only), an evacuation and no expulsion."""
    tellers = {a.code for a in _actors_in(verb.doc, _subject_tokens(verb))}
    for goer in told:
        if any(c.dep_ == "poss" and c.lower_ in BOUND_PRONOUNS | PERSONS_BOUND_PRONOUNS
               for c in goer.children):
            return True
        sides = {a.code for a in _actors_in(verb.doc, list(goer.subtree))}
        if sides and sides <= tellers:
            return True
    return False


def _posted_abroad(words: Iterable[Token]) -> bool:
    """One of the words, or a name set beside it ("Martinez, the ambassador"), is an envoy or a
    mission (`POSTED_ABROAD`)."""
    return any(n.lemma_.lower() in POSTED_ABROAD or n.lower_.rstrip("s") in POSTED_ABROAD
               for w in words for n in (w, *(c for c in w.children if c.dep_ == "appos")))


def _travel_advisory(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """A side's people told to keep away from another country ("urged its citizens to avoid
    visiting Peru", "called on students to reconsider studying in Peru"): a travel advisory,
    a sanction of that country as the annotators code it; the travel warning itself is read from
    its noun (`_object_event`)."""
    if token.pos_ != "VERB" or VERB_TRIGGERS.get(cue.lemma, ("",))[0] != "REQUEST":
        return None
    told = [*cue.objects, *(o for c in token.children if c.dep_ == "prep"
                            and c.lower_ in ("on", "upon") for o in c.children)]
    kept_away = any(c.dep_ == "xcomp" and c.lemma_.lower() in KEEPING_AWAY_VERBS
                    for c in token.children)
    return ("SANCTION", "") if kept_away and any(
        o.lemma_.lower() in OWN_PEOPLE for o in told) else None


def _agreed_sanction(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """'agreed on a new round of sanctions against Peru', 'agreed to slap sanctions on': the sides
    that agree impose the sanction (CAMEO 16), as the annotators code it; they agree with each
    other, not with its target."""
    if token.pos_ != "VERB" or cue.lemma not in AGREEING_VERBS:
        return None
    clauses = [c for c in token.children if c.dep_ == "xcomp"]
    told = [f for c in clauses if (f := _trigger(c)) is not None]
    agreed = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
              for o in c.children if o.dep_ == "pobj"]
    # what a clause's own verb does not tell ("to slap sanctions on"; "to lift the embargo" is
    # told by "lift", which undoes it)
    agreed += [o for c in clauses if _trigger(c) is None for o in c.children if o.dep_ == "dobj"]
    named = [n for o in agreed for n in (o, *_compounds(o), *_of_objects(o))]
    found = [f for f in (*told, *map(_object_event, named)) if f is not None]
    return next((f for f in found if f[0] == "SANCTION"), None)


def _agreement_left(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """Leaving or ending an agreement, or one's part in one: a rejection (CAMEO 12), not the
    sanction or concession its verb alone would code."""
    return ("REJECT", "") if _leaves_an_agreement(token, cue) else None


def _leaves_an_agreement(token: Token, cue: _Cue) -> bool:
    """"withdrew from the deal", "pulled out of the accord", "suspended its participation in the
    treaty", "terminated the treaty": the subject leaves or ends an agreement, or its part in
    one (`AGREEMENTS`, `PARTS_TAKEN`, `ENDING_VERBS`)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if cue.lemma in ENDING_VERBS and any(o.lemma_.lower() in ENDED_AGREEMENTS
                                         for o in cue.objects):
        return True
    if cue.lemma in STOPPING_VERBS:
        return any(o.lemma_.lower() in PARTS_TAKEN for o in cue.objects)
    return cue.lemma in LEAVING_VERBS and _left_agreement(token)


def _left_agreement(token: Token) -> bool:
    """What the word leaves, after "from", "of" or "out of", is an agreement or a part in one."""
    exits = [c for c in token.children if c.lower_ in ("from", "of", "out")]
    exits += [p for c in exits for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
    left = [o for c in exits for o in c.children if o.dep_ == "pobj"]  # "pulled out of"
    return any(o.lemma_.lower() in AGREEMENTS | PARTS_TAKEN for o in left)


def _subject_lemmas(token: Token) -> set[str]:
    """The lemmas of the words of the token's subject ("four armed coastguard vessels")."""
    return {t.lemma_.lower() for c in token.children if c.dep_ == "nsubj" for t in c.subtree}


def _forces_moved(token: Token, cue: _Cue) -> bool:
    """'moved thousands of troops to the border', 'rushed warships into the strait': forces
    put somewhere the clause names (`FORCE_MOVING_VERBS`, `DESTINATION_PREPS`)."""
    return cue.lemma in FORCE_MOVING_VERBS and any(
        n.lemma_.lower() in FORCES | VESSELS for o in cue.objects for n in (o, *_of_objects(o))
    ) and any(c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS for c in token.children)


def _sent_to_help(token: Token) -> bool:
    """Whether forces are sent for another side, named: to help it ("to assist Peru"), to
    fight for or beside it ("to fight for Peru"), or at its request ("at Lima's request", "at
    the invitation of Peru"); not to defend a region or a border of one's own."""
    helped: list[Token] = []
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("advcl", "xcomp") and lemma in HELPING_VERBS:
            helped += [o for o in child.children if o.dep_ == "dobj"]
        elif child.dep_ in ("advcl", "xcomp") and lemma == "fight":
            helped += [o for c in child.children if c.dep_ == "prep" and c.lower_ in FIGHTING_FOR
                       for o in c.children if o.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ in ("at", "on", "upon"):
            helped += [t for o in child.children
                       if o.dep_ == "pobj" and o.lemma_.lower() in REQUEST_NOUNS
                       for t in (*(c for c in o.children if c.dep_ == "poss"),
                                 *(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                                   for p in c.children if p.dep_ == "pobj"))]
    named = [t for h in helped for t in (h, *(c for c in h.children
                                             if c.dep_ in ("poss", "compound", "amod")))]
    senders = {a.code for a in _actors_in(token.doc, _subject_tokens(token))}
    return any(a.code not in senders for a in _actors_in(token.doc, named))


def _sent_abroad(token: Token) -> bool:
    """Whether forces are sent to another country ("to Haiti"), not to a border, a coast or a
    sea of one's own ("to its borders", "to the Caribbean")."""
    places = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "toward",
                                                                             "towards")
              for o in c.children if o.dep_ == "pobj"]
    # a border or region is the country that owns it ("Russia's Kursk region"), not the one
    # it faces ("its border with Kosovo")
    owners = [t for o in places for t in (
        [t for c in o.children if c.dep_ in ("poss", "amod", "compound") for t in c.subtree]
        if o.lemma_.lower() in FRONTIERS else _phrase(o))]
    senders = {a.code for a in _actors_in(token.doc, _subject_tokens(token))}
    return any(a.code not in senders for a in _actors_in(token.doc, owners))


def _order_event(token: Token, cue: _Cue) -> tuple[str, str] | None:
    ordered = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    out = any(t.lower_ == "out" and t.dep_ in ("prt", "prep", "advmod")
              and t.head in (token, *cue.objects) for t in token.subtree)
    if out or any(c.lemma_ == "leave" for c in ordered):
        # "ordered Sweden's ambassador to leave", "ordered the attachés out": an expulsion
        # (CAMEO 166 of envoys, 174 of anyone else)
        envoy = any(o.lemma_.lower() in MISSIONS or o.lower_.rstrip("s") in MISSIONS
                    for o in token.subtree)
        return ("SANCTION", "expel") if envoy else ("COERCE", "expel")
    if ordered and not any(_trigger(c) for c in ordered):
        return ("REQUEST", "")  # "a judge ordered Menem to appear"; an ordered strike is a strike
    return None


def _phrasal_event(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """Phrasal verbs and idioms: 'ruled out', 'turned down', 'took to the streets'."""
    lemma, particles = cue.lemma, cue.particles
    children = list(token.children)
    if lemma in TRAVEL_VERBS and any(
            _object_event(o) in (("CONSULT", ""), ("CONSULT", "visit"))
            for c in children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children):
        return ("CONSULT", "")  # "negotiators return to Geneva for talks"
    if _attackers(token):
        return ("ASSAULT", "")  # "towns came under air attack from Russian forces"
    if lemma == "rule" and "out" in particles:
        return ("REJECT", "")  # "ruled out handing any land to Russia"
    if lemma == "turn" and "down" in particles:
        return ("REJECT", "")  # "turned down the offer"
    if lemma in ("push", "lobby") and any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return ("REQUEST", "")  # "the UK is pushing for the US to support its plan"
    if lemma == "tell" and any(c.dep_ in ("xcomp", "ccomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in children):
        return ("REQUEST", "")  # "told Hamas leaders to free every hostage"
    if lemma == "call" and "up" in particles:
        return ("MOBILIZE", "troops")  # "called up 300,000 reservists"
    if token.pos_ == "ADJ" and token.lower_ == "opposed":
        return ("REJECT", "")  # "Serbia is opposed to the mission"
    if lemma == "step" and "down" in particles:
        return VERB_TRIGGERS["resign"]
    if lemma in ("leave", "abandon", "vacate", "quit") and _subject_lemmas(token) & (
            FORCES | VESSELS):
        return ("RETREAT", "withdraw")  # "the vessels left the reef", "troops abandoned positions"
    if lemma in ("enter", "intrude", "violate") and _subject_lemmas(token) & VESSELS and any(
            o.lemma_.lower() in INTRUDED for o in [*cue.objects, *(
                g for c in children if c.dep_ == "prep" for g in c.children)]):
        return ("MOBILIZE", "troops")  # "four armed coastguard vessels entered its waters"
    if lemma == "build" and "up" in particles:
        return ("MOBILIZE", "troops")  # "continues to build up forces along the border"
    if _forces_moved(token, cue):
        return ("MOBILIZE", "troops")  # "has moved thousands of troops to the border"
    if lemma == "stand" and any(c.dep_ == "prep" and c.lower_ in ("by", "with") and any(
            entity_at(token.doc, o.idx, o.idx + len(o.text)) is not None for o in c.children)
                                for c in children):
        return ("SUPPORT", "")  # "would stand by the Philippines", "stands with Ukraine"
    if lemma == "bring" and any(c.lower_ in ("home", "back") for c in children):
        return ("RETREAT", "withdraw")  # "bring its troops home"
    if lemma == "pull" and any(c.lower_ in ("out", "back") and c.dep_ in ("prt", "prep", "advmod")
                               for c in children):
        return ("RETREAT", "withdraw")  # "pulled its troops out", "pulled back"
    if lemma in ("back", "climb") and "down" in particles or lemma == "give" and "in" in particles \
            or lemma == "cave":
        return ("CONCEDE", "policy")  # "backed down", "gave in to their demands"
    if lemma == "round" and "up" in particles or lemma == "crack" and "down" in particles or \
            lemma == "shut" and "down" in particles and cue.objects:
        return ("COERCE", "")  # "rounded up activists", "cracked down", "shut down a newspaper"
    if _ground_taken(token, cue):
        return ("ASSAULT", "occupy")  # "troops advanced in the region", "drove the rebels out"
    if lemma in ("cross", "push", "advance", "pour", "move", "roll", "break") and any(
            c.dep_ == "prep" and (c.lower_ == "into" or (lemma in ("advance", "push") and c.lower_
                                                          in ("on", "toward", "towards")))
            for c in children) and _subject_lemmas(token) & FORCES:
        # "Ukrainian forces crossed into Russia's Kursk region", "rebels advanced on the capital"
        return ("ASSAULT", "occupy")
    if lemma in ("tear", "rip") and any(c.lower_ == "through" for c in children) or \
            lemma == "rock" and any(t.lemma_.lower() in ("blast", "explosion")
                                    for c in children if c.dep_ == "nsubj" for t in c.subtree):
        return ("ASSAULT", "")  # "a truck bomb blast tore through the bridge", "blasts rocked Kyiv"
    if lemma == "take" and any(o.lower_ == "streets" for c in children
                               if c.dep_ == "prep" and c.lower_ == "to" for o in c.children):
        return ("PROTEST", "")  # "took to the streets"
    if lemma in ("speak", "talk") and any(
            c.dep_ == "prep" and c.lower_ in ("with", "to") and any(
                entity_at(token.doc, o.idx, o.idx + len(o.text)) is not None
                for o in c.children if o.dep_ == "pobj") for c in children):
        return ("CONSULT", "phone" if any(t.lower_ in ("phone", "telephone") for t in token.subtree)
                else "")  # "Scholz spoke to Putin by phone", not "spoke to reporters"
    return None


def _ground_taken(token: Token, cue: _Cue) -> bool:
    """'Ukrainian troops advanced five kilometres in the region', 'the army made gains in the
    city', 'drove the rebels out of the town', 'pushed the militants back': forces gaining ground
    (`GAIN_NOUNS`, `DRIVING_VERBS`). Only forces advance or gain so ("the party made gains in the
    election" does not); only a force or a named side is driven out or back, and to nowhere but
    ground ("drove the delegation out to the airport" is a ride, "pushed Chile back to the
    table" a pressure)."""
    if token.pos_ != "VERB":
        return False
    if cue.lemma == "advance" and not cue.objects or cue.lemma == "make" and any(
            o.lemma_.lower() in GAIN_NOUNS for o in cue.objects):
        return bool(_subject_lemmas(token) & FORCES)
    driven = [t for t in token.children
              if t.lower_ in DRIVEN_WORDS and t.dep_ in ("prt", "prep", "advmod")]
    driven_to = [o for head in (token, *driven) for c in head.children
                 if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    return cue.lemma in DRIVING_VERBS and bool(driven) and any(
        o.lemma_.lower() in FORCES or entity_at(token.doc, o.idx, o.idx + len(o.text)) is not None
        for o in cue.objects) and all(o.lemma_.lower() in TERRAIN | FRONTIERS for o in driven_to)


def _claimed_act(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """'claimed responsibility for the drone attacks on ...': the claimant's act, of the type its
    noun names."""
    if token.pos_ != "VERB" or cue.lemma not in RESPONSIBILITY_VERBS or not any(
            o.lemma_.lower() == "responsibility" for o in cue.objects):
        return None
    owned = [n for o in cue.objects for c in (*o.children, *token.children)
             if c.dep_ == "prep" and c.lower_ == "for" for n in c.children if n.dep_ == "pobj"]
    return next((found for n in owned
                 if (found := _object_event(n) or NOUN_TRIGGERS.get(n.lemma_.lower()))), None)


def _joint_act(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """'carried out the deployment in coordination with the UN force', 'involved in fighting
    with Hezbollah': the clause's subject acts with, or on, the side the "with" phrase names
    (`JOINT_NOUNS`); a "war of words" is one of accusations."""
    if not _joint(token):
        return None
    if any(o.lower_ == "words" for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
           for o in c.children):
        return ("ACCUSE", "")
    return JOINT_NOUNS[token.lemma_.lower()]


def _joint(token: Token) -> bool:
    """A noun of acting with another side governed by "in" under a verb, with its own "with"
    phrase: 'in cooperation with', 'in fighting with', 'is in talks with'."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in JOINT_NOUNS:
        return False  # asked of every trigger candidate: the noun first, then its verb
    verb = token.head.head
    # the subject of a passive suffers what it tells ("were killed in a clash with"), unless the
    # verb tells a stance ("has been involved in fighting with")
    return token.dep_ == "pobj" and token.head.lower_ == "in" and (
            verb.pos_ == "VERB" or verb.lemma_ == "be") and (
            verb.lemma_.lower() in STANCES or not any(c.dep_ == "nsubjpass"
                                                       for c in verb.children)) and any(
            c.dep_ == "prep" and c.lower_ == "with"
            for n in (token, *_of_objects(token)) for c in n.children)


def _lexicon_event(token: Token, cue: _Cue) -> tuple[str, str] | None:
    """The trigger words' own types: verbs, and nouns that name an event of their own."""
    lemma = cue.lemma
    if token.pos_ == "VERB" and lemma in DESIRE_VERBS and _wanted_of_another(token):
        return ("REQUEST", "")  # "wants China to stop stockpiling": asked of the other side
    if token.pos_ == "VERB" and lemma in HOPING_VERBS and _hoped_of_another(token):
        return ("REQUEST", "")  # "hoped Manila would refrain from provocations"
    if token.pos_ == "VERB" and lemma in VERB_TRIGGERS:
        if lemma == "call" and not any(c.lower_ in ("for", "on", "upon") for c in token.children):
            return NO_EVENT
        if lemma in PLEDGES and any(c.dep_ == "xcomp" and (_trigger(c) or NO_EVENT)[0] in FORCEFUL
                                    for c in token.children):
            return ("THREATEN", "")  # "promised to retaliate against Israel"
        if lemma == "warn" and not _warns_of_consequence(token):
            return NO_EVENT
        if lemma == "threaten" and _endangered(token):
            return NO_EVENT  # "the embassy was threatened", "supplies are threatened by drought"
        if lemma in WRECKING_VERBS and not _done_by_a_side(token):
            return NO_EVENT  # "the cable was damaged", "the tsunami destroyed the plant"
        if lemma == "insist" and not _insists_on_a_demand(token):
            return NO_EVENT  # "insisting it only worked with instructors": a claim, no demand
        if lemma in ("fire", "launch") and not any(
                c.dep_ == "prep" and c.lower_ in ("at", "on", "into") for c in token.children) \
                and not any(c.dep_ == "dobj" for c in token.children):
            return NO_EVENT
        return VERB_TRIGGERS[lemma]
    if lemma not in EVENT_NOUN_LEMMAS:
        return None  # most words: no noun row below, and nothing to ask of their place
    if token.pos_ != "NOUN" or _retold(token) or (
            token.head.lower_ == "under" and _attackers(token.head.head)):
        # "days after Iran's missile attack", "a response to Ukraine's attacks": an earlier
        # event, told as background
        return None
    if lemma in NOUN_TRIGGERS and _noun_agent(token) and not _told_by_verb(token):
        # "Russia's attack", "the Russian missile strikes", "drills by Seoul and Washington"
        return _object_event(token) or NOUN_TRIGGERS[lemma]
    if lemma in BETWEEN_NOUNS and _between(token):
        return BETWEEN_NOUNS[lemma]  # "talks between the army and the RSF"
    if lemma in EVENT_NOUNS and token.dep_ in ("nsubj", "ROOT") and (any(
            c.dep_ in ("poss", "amod", "compound") or c.lower_ == "between" for c in token.children)
            or token.head.lemma_ in ONGOING or any(
                t.lower_ in IN_FORCE for c in token.head.children for t in c.subtree)):
        return EVENT_NOUNS[lemma]  # "Palestinian riots continued", "protests spread to Tabriz"
    return None


def _done_by_a_side(verb: Token) -> bool:
    """'Azerbaijani units destroyed the stronghold', 'Ukraine said it had damaged the ferry': the
    active verb's subject is a side, a force or a pronoun standing for one."""
    return any(c.dep_ == "nsubj" and (
        c.lemma_.lower() in FORCES or c.pos_ == "PRON" and c.lower_ not in RELATIVE_PRONOUNS
        or any(entity_at(verb.doc, t.idx, t.idx + len(t.text)) is not None for t in c.subtree))
        for c in verb.children)


def _wanted_of_another(token: Token) -> bool:
    """'wants China to stop', not 'wants to stop': a clause of its own subject, in 'to'."""
    return any(c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                    for a in c.children)
               and any(s.dep_ == "nsubj" for s in c.children) for c in token.children)


def _hoped_of_another(token: Token) -> bool:
    """'hoped Manila would refrain', 'hope that Riyadh will reconsider': a clause under the verb,
    in a modal of what is to come, whose subject names a side other than the hoper's."""
    hopers = {a.code for a in _actors_in(token.doc, _subject_tokens(token))}
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in FUTURE_MODALS
                                         for a in c.children)
               and any(a.code not in hopers for s in c.children if s.dep_ == "nsubj"
                       for a in _actors_in(token.doc, list(s.subtree)))
               for c in token.children)


def _endangered(token: Token) -> bool:
    """A passive 'threatened' with no side as its agent: put at risk, not threatened by anyone
    who speaks."""
    if not _passive(token):
        return False
    agents = [o for c in token.children if c.dep_ == "agent" for o in c.children
              if o.dep_ == "pobj"]
    return not any(_code_at(o) for o in agents)


def _insists_on_a_demand(token: Token) -> bool:
    """'insisted on a ceasefire', 'insisted that Kyiv withdraw' or 'must withdraw': what the
    insistence asks of someone, unlike 'insisted the island is theirs'."""
    return any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children) or any(
        c.dep_ == "ccomp" and (c.tag_ == "VB" or _obliged(c)) for c in token.children)


def _noun_agent(noun: Token) -> list[Token]:
    """Who a nominal event is by: its possessor ("Russia's attack"), a modifier naming a side
    ("the Russian offensive", "the Hamas attack"), or a by-phrase ("exercises by Seoul")."""
    owner = [t for c in noun.children if c.dep_ == "poss" and (c.pos_ == "PRON" or _code_at(c))
             for t in c.subtree]  # "Moscow's offensive", not "Sunday's attack"
    if owner:
        return owner
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    modifiers += [m for c in modifiers if c.dep_ == "compound" for m in c.children
                  if m.dep_ in ("amod", "compound")]  # "the Russian missile strikes"
    named = [c for c in modifiers if not _made_by(c) and not _backer(c) and _names_side(c)]
    # "the Israeli and U.S. strikes": both modifiers name who struck
    named += [j for c in named for j in c.conjuncts if _names_side(j) and j not in named]
    if named:
        return [t for c in named for t in c.subtree]
    by = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"]
    if by:
        return [t for p in by for o in p.children if o.dep_ == "pobj" for t in o.subtree]
    # "Israel followed with a ground invasion", "responded with air strikes": who answers acts
    answer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else None
    if answer is not None and answer.lemma_.lower() in ANSWERING_VERBS:
        return [t for c in answer.children if c.dep_ == "nsubj" for t in c.subtree]
    return []


def _code_at(token: Token) -> str:
    """The code of the actor the token names, or ''."""
    entity = entity_at(token.doc, token.idx, token.idx + len(token.text))
    return entity.code if entity is not None else ""


def _names_side(modifier: Token) -> bool:
    """'the Hamas attack', 'US strikes', 'the Russian offensive' name who acted; 'the Kursk
    incursion', 'the Doha talks' only where."""
    entity = entity_at(modifier.doc, modifier.idx, modifier.idx + len(modifier.text))
    if entity is None or not entity.code or modifier.head.text in entity.entity_text:
        return False  # nobody known, or a mention of the whole phrase ("the Mumbai attacks")
    # a state by its own name, or a known body with a sector that is no seat of government
    return is_state_name(entity.entity_text) or (
        bool(entity.sector) and country_code(entity.entity_text) is None)


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
             for o in p.children if o.dep_ == "pobj" and not _names_nobody(o)]
    return bool(aimed) and all(o.lemma_.lower() in OPEN_WATERS for o in aimed)


def _a_state(entity: Entity) -> bool:
    """A state by its name, its capital or one of its bodies ("Nepal", "Kathmandu", "the foreign
    ministry", "the coast guard")."""
    return entity.sector in STATE_SECTORS or is_country_or_seat(entity.entity_text)


def _told_by_verb(noun: Token) -> bool:
    """'launched an attack', 'ordered Russia's mobilisation', 'a package of sanctions, adopted
    on Monday': the light verb that governs the noun codes its event, and the noun no second."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in REVERSING_NOUNS:
        return True  # "the lifting of US sanctions": a concession, not a sanction
    noun = _container(noun)
    governor = noun.head
    if noun.dep_ == "nsubj" and _trigger(governor) is not None:
        return True  # "Israeli airstrikes pounded Gaza": the verb tells the event
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if noun.dep_ in ("dobj", "nsubjpass"):
        verbs.append(governor)
    return any(_light_verb_event(v, _Cue.of(v)) is not None for v in verbs)


def _container(noun: Token) -> Token:
    """What counts the noun ("a wave of attacks" -> wave), or the noun itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in CONTAINERS:
        return noun.head.head
    return noun


def _retold(noun: Token) -> bool:
    """'days after the attack', 'a response to the strikes': an earlier event, told as
    background. What goes on around the sentence's event ('amid the Russian invasion') is no
    earlier one."""
    return _in_background(noun) and noun.head.lower_ not in CONCURRENT_PREPS


def _in_background(noun: Token) -> bool:
    """'after the attack', 'amid the invasion', 'in response to the strikes': a nominal event
    the sentence tells around the one it reports, whose date and target are its own words'."""
    return noun.pos_ == "NOUN" and (noun.head.lower_ in BACKGROUND_PREPS or (
        noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in RESPONSES))


def _object_event(noun: Token) -> tuple[str, str] | None:
    lemma = noun.lemma_.lower()
    if (lemma == "law" and any(c.lower_ == "martial" for c in noun.children)) or (
            lemma == "state" and any(o.lemma_.lower() in ("siege", "emergency")
                                     for c in noun.children if c.lower_ == "of"
                                     for o in c.children)):
        return ("COERCE", "")  # CAMEO 1724: state of emergency, martial law
    if lemma == "game" and any(c.lower_ == "war" for c in noun.children):
        return ("MOBILIZE", "exercises")
    if lemma == "strike" and (any(
            c.lower_ in ("hunger", "general", "labour", "labor", "open-ended", "day", "hour",
                         "week") or c.lower_.endswith(("-day", "-hour", "-week"))
            for c in noun.children) or verb_lemma(noun.head) in WALKOUT_VERBS
            or (noun.head.lower_ == "on" and noun.head.head.lemma_ == "go")):
        return ("PROTEST", "")  # a strike by workers or prisoners, not a military one
    if lemma == "call" and any(c.lower_ in ("on", "upon", "for") for c in noun.children):
        return ("REQUEST", "")  # "issued a call on Moscow to agree", not a phone call
    if lemma in TRADE_CURBS and any(c.lemma_.lower() in TRADE_WORDS for c in _compounds(noun)):
        return ("SANCTION", "economic")  # "export controls", "trade barriers"
    if (lemma in TRAVEL_NOTICES or noun.lower_ in TRAVEL_NOTICES) and any(c.lower_ == "travel" for c in _compounds(noun)):
        return ("SANCTION", "")  # "issued a travel warning": a sanction of where not to go
    if lemma in LEAVING_NOUNS and _left_agreement(noun):
        return ("REJECT", "")  # "Russia's withdrawal from the treaty": leaving an agreement
    return OBJECT_NOUNS.get(noun.lower_) or OBJECT_NOUNS.get(lemma)


def _compounds(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "compound"]


def _of_objects(noun: Token) -> list[Token]:
    """'a series of attacks', 'ten days of talks', '$50 million in aid': what the noun counts."""
    counted = ("of", "in") if noun.pos_ == "NUM" or noun.lemma_.lower() in AMOUNTS else ("of",)
    return [o for c in noun.children if c.dep_ == "prep" and c.lower_ in counted
            for o in c.children if o.dep_ == "pobj"]


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _warns_of_consequence(token: Token) -> bool:
    """'warned that Russia would respond' and 'warned Manila against playing with fire' are
    threats; 'warned of an attack' is not."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if objects and any(c.dep_ == "prep" and c.lower_ == "against" for c in token.children):
        return True
    if any(c.dep_ == "xcomp" for c in token.children) and any(
            t.lemma_.lower() in FORCES or _code_at(t) for o in objects for t in _phrase(o)):
        return True  # "warned rebel forces not to approach the buffer zone"
    for child in token.children:
        if child.dep_ in ("ccomp", "advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ in MODALS for c in child.children):
            return True
    return False


def _subject_tokens(token: Token) -> list[Token]:
    """Tokens naming who acts: subject, passive agent, possessor; up the chain for xcomp."""
    for child in token.children:
        if child.dep_ == "agent":
            return [t for c in child.children for t in c.subtree]
    if token.dep_ == "conj" and verb_lemma(token) not in SENDING_VERBS and (_passive(token) or (
            token.tag_ == "VBN" and _passive(token.head)
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children))):
        # "ten people were killed and twelve others wounded", "were missing or being held
        # hostage": who a passive without its agent was done to does not do it
        return _agent_of_means(token)
    # a subject the parser hung on the auxiliary ("Serbia is opposed") is the verb's
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    for child in [*token.children, *(c for a in auxiliaries for c in a.children)]:
        if token.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS and (
                child.dep_ == "nsubj" or (child.dep_ == "nsubjpass"
                                          and token.lemma_.lower() in STANCES)):
            # "Russian forces, which have shelled Kharkiv, ...", "the army, which has been
            # involved in fighting with ..."
            return _phrase(token.head)
        if child.dep_ in ("nsubj", "poss") or (child.dep_ == "nsubjpass" and (
                token.lemma_.lower() in STANCES or _alerted(token))):
            return list(child.subtree)
    if token.dep_ == "advcl" and any(c.dep_ == "nsubjpass" for c in token.children) and any(
            m.dep_ == "mark" and m.lower_ in BACKGROUND_PREPS | {"when", "while", "as", "because"}
            for m in token.children):
        # "after a plane was shot down": a passive told as background, without its agent,
        # names none (unlike a purpose: "amend it so that the marriages are banned")
        return []
    root = token.sent.root
    if token.dep_ == "acl" and root.pos_ in ("NOUN", "PROPN") and root in token.ancestors:
        # "Doctors from two American aid groups donated ...": a verb the parser took for a
        # participle in a sentence with no verb at its root has the words before it as subject
        return [t for t in root.subtree if t.i < token.i]
    if token.dep_ == "pcomp":  # "youths resorted to throwing stones"
        # "soldiers were wounded in shelling by the other side": the shelling's agent acts
        return _gerund_agent(token) or _subject_tokens(token.head.head)
    if _joint(token):  # "the army acted in coordination with ...": whoever acted
        return _subject_tokens(token.head.head)
    if token.dep_ == "ROOT" and token.pos_ == "VERB" and not any(
            c.dep_ in ("nsubjpass", "expl", "csubj") for c in token.children):
        return _stranded_subject(token)
    if token.pos_ == "NOUN" or _between(token):  # "Palestinian riots", "fighting between ..."
        if token.pos_ == "NOUN" and not _between(token) and (agent := _noun_agent(token)):
            return agent  # "war drills by Seoul and Washington"
        named = _between(token) or [c for c in token.children if c.dep_ in ("amod", "compound")]
        if named:
            return [t for c in named for t in c.subtree]
    if token.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "acomp"):
        if token.dep_ == "relcl":
            # "a war in which thousands were killed", "a man whose son was wounded": what a
            # passive relative clause tells was done to its noun, or there, not by it
            # (unlike troops "who were deployed", whose side sends them)
            if _passive(token) and verb_lemma(token) not in SENDING_VERBS:
                return _agent_of_means(token)
            return [token.head]
        if token.dep_ == "acl" and token.tag_ == "VBN" and verb_lemma(token) in VERB_TRIGGERS:
            return []  # "Russian soldiers captured in Kursk": the noun is who it was done to
        if token.dep_ == "acl" and token.head.pos_ == "NOUN":
            # "a Turkish offensive targeting the PKK": whoever the noun names as its agent
            owner = _noun_agent(token.head)
            if owner or token.head.dep_ not in ("dobj", "pobj"):
                return owner
            # "the PKK issued a declaration demanding ...": who issued it demands
            holder = token.head.head if token.head.dep_ == "dobj" else token.head.head.head
            return _subject_tokens(holder)
        if token.dep_ == "ccomp":
            return []
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in CAUSATIVE_VERBS:
            # "warnings forced Ankara to abandon the operation": whom they forced does it
            made = [t for c in token.head.children if c.dep_ == "dobj" for t in c.subtree]
            if made:
                return made
        if token.dep_ == "advcl" and token.tag_ == "VBG" and (issuer := _issuer_of_described(token)):
            return issuer  # "discussed a complaint lodged by Sudan, alleging aggression"
        found = _subject_tokens(token.head)
        if token.head.lemma_ == "be" and [t.lower_ for t in found] in (["this"], ["it"], ["that"]):
            # "This is Turkey's third offensive, targeting ...": the offensive's agent acts
            found = [a for c in token.head.children if c.dep_ == "attr"
                     for a in _noun_agent(c)] or found
        if not found and token.dep_ == "advcl" and token.tag_ == "VBG":
            # "were locked in a war of words, trading accusations": who was locked trades them
            found = [t for c in token.head.children if c.dep_ == "nsubjpass" for t in c.subtree]
        return found
    return []


def _issuer_of_described(participle: Token) -> list[Token]:
    """Who issued or brought what a participle goes on to tell, when the parser hung it on the
    verb above ("a case brought by South Africa, accusing Israel", "rulings by the court ordering
    firms to pay", "an announcement by Mali, recalling its envoy"): the by-phrase of the nearest
    such noun before it (`ISSUED_NOUNS`)."""
    head = participle.head
    nouns = [t for t in head.subtree if t.i < participle.i and t.pos_ == "NOUN"
             and t.lemma_.lower() in ISSUED_NOUNS and t.dep_ in ("dobj", "pobj", "appos", "attr")]
    if not nouns:
        return []
    noun = nouns[-1]
    # the by-phrase on the noun, on a passive participle of it, or right after it on the verb
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    by = [c for h in holders for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.lower_ == "by" and following.head == head:
        by.append(following)
    return [t for p in by[:1] for o in p.children if o.dep_ == "pobj" for t in o.subtree]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent_of_means(verb: Token) -> list[Token]:
    """Who made the act a passive says its patients suffered in ("militiamen who were killed in
    the US airstrikes"): the agent the act's noun names, if any."""
    return [t for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
            for o in p.children if o.dep_ == "pobj" for t in _noun_agent(o)]


def _named_part(subject: list[Token]) -> list[Token]:
    """The words of a subject that name who acts, without the clauses describing it: "Maduro, a
    supporter of Russia's president," is Venezuela alone, "the army, which fought Hezbollah,"
    the army alone. An apposition counts only when the head names nobody ("the guard's
    commander, General Tian")."""
    core = [t for head in phrase_heads(subject) for t in _phrase(head)]
    # "the Chinese embassy in Manila" is China's: where it sits names nobody who acts
    placed = {t.i for p in core if p.dep_ == "prep" and p.lower_ in PLACE_PREPS
              for t in p.subtree}
    for words in ([t for t in core if t.i not in placed], core):
        if any(entity_at(t.doc, t.idx, t.idx + len(t.text)) for t in words):
            return words
    return core + [t for c in core for a in c.children if a.dep_ == "appos" for t in _phrase(a)]


def _named_after_and(side: Token) -> list[Entity]:
    """The second side of 'between X and Y' where the parser lost the coordination: the first
    actor named within a few words after the 'and' that follows X."""
    after = max(t.i for t in side.subtree) + 1
    doc = side.doc
    if after >= len(doc) or doc[after].lower_ != "and":
        return []
    for token in doc[after + 1:min(after + 6, side.sent.end)]:
        if token.is_punct and token.text != "(":
            break
        entity = entity_at(doc, token.idx, token.idx + len(token.text))
        if entity is not None and entity.code:
            return [entity]
    return []


def _pair_named_before(subject: list[Token]) -> list[Entity]:
    """'both sides', 'the two countries': the last two sides named before them, in their
    sentence or the one before (two forces of one country, in a civil war)."""
    # "the two nuclear-armed neighbours": the pair's words without its describing adjectives
    heads = phrase_heads(subject)
    words = " ".join(t.lower_ for t in subject
                     if t in heads or t.dep_ in ("det", "nummod", "predet", "preconj"))
    if not subject or words not in PAIRS:
        return []
    doc, sentence = subject[0].doc, subject[0].sent
    first = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    sides: list[Entity] = []
    for start, end, _ in reversed(doc._.actor_mentions):
        if not first.start_char <= start or not end <= subject[0].idx:
            continue
        named = doc.char_span(start, end, alignment_mode="expand")
        if named is not None and named.root.head.lower_ in PLACE_PREPS:
            continue  # "fighting in Khartoum": a place, not a side
        entity = entity_at(doc, start, end)
        if entity is not None and entity.code \
                and all(entity.entity_name != side.entity_name for side in sides):
            sides.insert(0, entity)
        if len(sides) == 2:
            return _speaker_first(subject, sides)
    return []


def _speaker_first(subject: list[Token], sides: list[Entity]) -> list[Entity]:
    """'After a call with Putin, Trump said the two leaders would meet': the side that tells
    what the pair does leads it, wherever it was named."""
    speaker = {e.code for e in _actors_in(subject[0].doc, _speaker_tokens(subject[0].head))}
    if sides[1].code in speaker and sides[0].code not in speaker:
        return sides[::-1]
    return sides


def _attackers(token: Token) -> list[Token]:
    """Who an attack 'came from' in "came under (air) attack / fire from X"."""
    if token.lemma_ != "come":
        return []
    under = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "under"
             for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in UNDER_FIRE]
    return [o for n in under for c in (*n.children, *token.children)
            if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"]


def _gerund_agent(token: Token) -> list[Token]:
    """The by-phrase of a gerund after a preposition: 'wounded in shelling by the army'."""
    if token.dep_ != "pcomp":
        return []
    return [t for p in token.children if p.dep_ == "prep" and p.lower_ == "by"
            for o in p.children if o.dep_ == "pobj" for t in o.subtree]


def _between(token: Token) -> list[Token]:
    """The sides of an event 'between X and Y', the phrase on the noun or, for a subject ("clashes
    have renewed between ..."), on its verb (which the parser may hang on the noun)."""
    holders = [token, *(c for c in token.children if c.dep_ == "acl")]
    if token.dep_ in ("nsubj", "nsubjpass"):
        holders.append(token.head)
    return [o for holder in holders for c in holder.children
            if c.dep_ == "prep" and c.lower_ == "between" for o in c.children if o.dep_ == "pobj"]


def _stranded_subject(verb: Token) -> list[Token]:
    """'With the signing of a memorandum, the Sudanese government and SPLM/A have agreed': a
    subject the parser hung on the opening phrase is the noun phrase between the last comma
    and the verb."""
    first = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "neg"))], key=lambda t: t.i)
    words: list[Token] = []
    for token in reversed(verb.doc[verb.sent.start:first.i]):
        if token.is_punct:
            break
        words.insert(0, token)
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    return words if nouns and len(words) < len(verb.sent) // 2 and not any(
        t.pos_ in ("VERB", "ADP") for t in words) else []


def _target_heads(token: Token) -> list[Token]:
    """The heads of the trigger's objects and of its at/on/against/to... phrases."""
    return [c for c in token.children if c.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd")] + [
        o for c in token.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
        and not _allied(c) for o in c.children]


def _object_tokens(token: Token) -> list[Token]:
    """Tokens naming whom the event is aimed at: object, prepositional object, passive subject."""
    tokens: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
            tokens.extend(_phrase(child))
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and not _allied(child) \
                and not any(c.lemma_.lower() in RESPONSES for c in child.children):
            # not "in response to the killing", which says why, not at whom
            tokens.extend(t for c in child.children for t in _phrase(c))
        elif child.dep_ in ("ccomp", "xcomp") and token.lemma_ in ("let", "allow", "authorise",
                                                                  "authorize", "permit"):
            tokens.extend(t for c in child.children if c.dep_ in ("nsubj", "dobj")
                          for t in _phrase(c))
    return tokens


def _recipients(doc: Doc, token: Token, subject: list[Token], actors: list[Entity],
                event_type: str) -> list[Entity]:
    """Whom the event is aimed at: the trigger's objects; else those of the clause it governs
    ("agreed to provide aid for Romania", "demanded that the US cancel ..."); else the first
    other actor named under the trigger. Where talks or a deal are held ("talks in Doha", "in
    Paris, the envoy held talks with ...") is their venue, not the other side."""
    own = _bound_by_subject(token, subject, event_type)

    def others(tokens: list[Token]) -> list[Entity]:
        # "condemned the Russian missile strikes": whose weapons struck is whom it is aimed at
        return [r for r in _actors_in(doc, [t for t in _not_the_doers(tokens) if t.i not in own])
                if r.code and (all(r.code != a.code for a in actors)
                               or _other_side_at_home(r, actors))]

    # a venue ("a summit in Abuja", "talks in Moscow"), a time ("during the war with Armenia")
    # or a clause of its own ("agreed to talks after Russia arranged a truce") is where, when
    # or why it happened, not whom it was aimed at
    preps = [p for p in token.subtree if p.dep_ == "prep"]  # one walk: both sets ask
    settings = {t.i for p in preps if p.lower_ in WHERE_OR_WHEN_PREPS for t in p.subtree}
    # a forum a case is taken to ("promised to bring the dispute before the Security Council") hears
    # it; whom a force fights alongside ("at the side of Assad's troops") is its ally
    forums = {t.i for p in preps if (
        (p.lower_ in ("to", "before")
         and (p.head if p.head.dep_ != "dobj" else p.head.head).lemma_.lower() in FORUM_VERBS)
        or _allied(p)) for t in p.subtree}
    forums |= _go_betweens(token)
    objects = [o for o in _object_tokens(token) if o.i not in forums]
    if event_type in HELD_SOMEWHERE:
        objects = [o for o in objects if o.i not in settings]
    found = others(objects) or others([t for t in _struck_by_its_verb(token) if t.i not in forums])
    if found:
        return found
    if event_type == "ACCUSE" and _an_inquiry(token):
        # an inquiry is aimed only at whom its own object names ("opened an investigation into
        # crimes committed by Peruvian forces"), not at a side named in a question it looks
        # into or in the clauses around it ("is investigating how a Peruvian dissident
        # vanished", "opened an inquiry and seized a tanker carrying Peruvian oil")
        return others([t for o in objects for t in o.subtree])[:1]
    if _gerund_agent(token):
        # "two soldiers were wounded in shelling by the other side": who suffered it
        found = others([t for c in token.head.head.children
                        if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree])
        if found:
            return found
    # "shot down five Indian jets": the country of the weapons hit is whom the act hits (not
    # where a deal was reached: "reached an agreement in Cairo")
    elsewhere = forums | _venues(token.sent)
    hit = _not_the_doers([t for c in token.children if c.dep_ in ("dobj", "nsubjpass")
                          for t in _phrase(c) if t.i not in elsewhere | own])
    found = [r for r in _actors_in(doc, hit, weapons=True)
             if r.code and all(r.code != a.code for a in actors)]
    if found:
        return found
    for clause in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
        named = [t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                 for t in _phrase(c)] + _object_tokens(clause)
        if found := others([t for t in named if t.i not in forums]):
            return found
    taken = {t.i for t in subject} | settings | forums | _clauses_of_their_own(token) | \
        _cited(token.sent)
    # an event told as background ("after the attack of 7 October that killed ...") is aimed
    # only where its own phrase says: the clauses around it tell other events
    under = _phrase(token) if _in_background(token) else token.subtree
    return others([t for t in under if t.i not in taken and t.i != token.i])[:1]


def _struck_by_its_verb(token: Token) -> list[Token]:
    """What an act named by a noun hit, told by the verb it is the subject of or by a participle
    on it ("Israel's strikes destroyed Hezbollah positions", "a drone attack damaged two oil
    plants", "carried out attacks aimed at Iranian positions", "strikes that hit Kharkiv",
    "launched an offensive targeting Kurdish militias"): the words of that verb's objects
    (`STRIKING_VERBS`)."""
    nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [
        c for c in token.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    verbs = [c for noun in nouns for c in noun.children
             if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in STRIKING_VERBS]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "nsubj" \
            and token.head.lemma_.lower() in STRIKING_VERBS:
        verbs.append(token.head)
    return [t for verb in verbs for t in _object_tokens(verb)]


def _bound_by_subject(token: Token, subject: list[Token], event_type: str) -> frozenset[int]:
    """The possessive and reflexive pronouns under the trigger that its own subject binds
    ("Israel did not deny its responsibility", "would defend itself", "Hezbollah will withdraw
    its forces", "In his address, Burhan denounced ..."): they stand for the actor, whom the
    resolver may have taken for another side named before. A pronoun under a verb with a
    subject of its own is that verb's ("said Israel had struck its bases"); see
    `BOUND_PRONOUNS` for the acts and nouns where the owner is another side."""
    if not subject or event_type in AIMED_AT_OWNER:
        return frozenset()
    # asked for recipients and again for a placed target: the first answer is kept, by trigger
    kept = token.doc.user_data.setdefault(_BOUND, {})
    if token.i not in kept:
        kept[token.i] = sorted(_bound_pronouns(token, subject))
    return frozenset(kept[token.i])


def _bound_pronouns(token: Token, subject: list[Token]) -> set[int]:
    person = any(t.ent_type_ == "PERSON" for t in subject)
    bound = set()
    for word in token.subtree:
        lower = word.lower_
        if word.pos_ != "PRON" or not (lower in BOUND_PRONOUNS or (
                person and lower in PERSONS_BOUND_PRONOUNS)):
            continue
        if word.dep_ == "poss" and word.head.lemma_.lower() in RELATION_NOUNS:
            continue
        between = []
        for head in word.ancestors:
            if head == token:
                break
            between.append(head)
        if not any(c.dep_ in ("nsubj", "nsubjpass") for h in between for c in h.children):
            bound.add(word.i)
    return bound


def _venues(sentence: Span) -> frozenset[int]:
    """Where talks are held or a deal is reached ("held an emergency summit in Abuja", "met ...
    in Paris to discuss", "reached an agreement in Cairo"): a place that names no side of them
    nor of another act, and does not say where an unnamed side is from (`VENUE_WORDS`; a visit
    "to Amman" or an embassy "in Tehran" still names its host). Every trigger of the sentence
    asks, so the first answer is kept in `doc.user_data` as plain token indices."""
    kept = sentence.doc.user_data.setdefault(_VENUES, {})
    if sentence.start not in kept:
        kept[sentence.start] = [t.i for p in sentence if p.dep_ == "prep"
                                and p.lower_ in PLACE_PREPS and _hung_on_venue(p)
                                for t in p.subtree]
    return frozenset(kept[sentence.start])


def _hung_on_venue(prep: Token) -> bool:
    """The phrase hangs on a word of `VENUE_WORDS`, or on whom its clause's verb of meeting
    names ("met with the Israeli minister in Paris")."""
    for head in prep.ancestors:
        if head.lemma_.lower() in VENUE_WORDS:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
    return False


def _other_side_at_home(entity: Entity, actors: list[Entity]) -> bool:
    """'the TTP carried out attacks on Pakistani soldiers', 'the army shelled RSF positions': a
    state's forces and an armed group or opposition of the same country are the two sides of a
    conflict at home, each the other's target (`CIVIL_WAR_SIDES`)."""
    sides = [entity, *actors]
    return all(a.code == entity.code for a in actors) and {
        s.sector in STATE_SECTORS for s in sides} == {True, False} and all(
        s.sector in STATE_SECTORS | CIVIL_WAR_SIDES for s in sides)


def _go_betweens(token: Token) -> frozenset[int]:
    """Who mediates, brokers or hosts what the sentence tells ("signed a truce, organized by
    Saudi Arabia", "refused a deal reached in talks mediated by Angola"): the by-phrase of such a
    verb, other than the trigger, names no side of the trigger's event, nor the place of one.
    The sentence's by-phrases of such verbs are found once and kept in `doc.user_data`, by verb,
    as plain token indices."""
    sentence = token.sent
    kept = sentence.doc.user_data.setdefault(_GO_BETWEENS, {})
    if sentence.start not in kept:
        kept[sentence.start] = [[verb.i, [t.i for agent in verb.children if agent.dep_ == "agent"
                                          for t in agent.subtree]]
                                for verb in sentence if verb.lemma_.lower() in MEDIATING_VERBS]
    return frozenset(i for verb, words in kept[sentence.start] if verb != token.i for i in words)


def _allied(prep: Token) -> bool:
    """'alongside', 'together with', 'at / on the side of': a phrase naming an ally."""
    if prep.lower_ in ("alongside", "beside"):
        return True
    if prep.lower_ == "with" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "together":
        return True
    return prep.lower_ in ("at", "on") and any(
        o.lemma_.lower() == "side" and any(c.dep_ == "prep" and c.lower_ == "of"
                                           for c in o.children)
        for o in prep.children if o.dep_ == "pobj")


def _not_the_doers(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not _a_doer(t)]


def _a_doer(token: Token) -> bool:
    """The possessive pronoun of an act named as an object ("began its invasion", "resumed
    their strikes"): whose the act is did it, and is not its target."""
    return token.dep_ == "poss" and token.pos_ == "PRON" and token.head.lemma_.lower() in OBJECT_NOUNS


def _clauses_of_their_own(token: Token) -> frozenset[int]:
    """The words of the trigger's subordinate clauses ("after Russia brokered a truce",
    "because Iran had seized a tanker", "claiming that Ankara armed Baku"): another event or
    another statement, whose sides are not this one's."""
    return frozenset(t.i for c in token.children if c.dep_ == "advcl" and (
        any(m.dep_ == "mark" and m.lower_ != "to" for m in c.children)
        or c.lemma_ in REPORTING_VERBS) for t in c.subtree)


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
    return "".join(t.text_with_ws for t in sorted(phrase + dates, key=lambda t: t.i))


def _dates_its_clause(child: Token) -> bool:
    """An adverb or apposition that tells when its clause happened: "last year", "12 June"
    ("on Thursday, 12 June,"), "Jan. 21, 2022" ("on Friday, Jan. 21, 2022") or the year of a
    month's day ("on February 24, 2022", the year hung on the month as an apposition)."""
    if child.dep_ == "npadvmod" and child.lemma_.lower() in RELATIVE_PERIODS:
        return any(d.lower_ in ("last", "this", "next") for d in child.children)
    if child.dep_ == "appos" and child.like_num and names_a_day_or_month(child.head):
        return True
    return child.dep_ in ("npadvmod", "appos") and names_a_day_or_month(child)


def _phrase(head: Token) -> list[Token]:
    """A noun phrase without the clauses and appositions hanging off it."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS:
            tokens.extend(_phrase(child))
    return tokens


def _actors_in(doc: Doc, tokens: list[Token], *, weapons: bool = False) -> list[Entity]:
    """Actors named by the tokens, one per code, skipping the countries of weapons ('US-made
    missiles', 'Western arms') unless told to take them, the backers of a side, the flag
    of a ship ('a Liberian-flagged tanker') and a community within a country ('a Kosovar
    Albanian officer' is Kosovo's)."""
    seen: list[Entity] = []
    for token in sorted(tokens, key=lambda t: t.i):
        entity = entity_at(doc, token.idx, token.idx + len(token.text))
        if entity is None or not entity.code or any(entity.code == s.code for s in seen):
            continue
        if (not weapons and _modifies_weapon(token)) or (weapons and _made_by(token)) \
                or _backer(token) or _made_by(token, FLAGS) or _community(token):
            continue
        seen.append(entity)
    return seen


def _community(token: Token) -> bool:
    """'a Kosovar Albanian officer', 'Syrian Kurdish fighters': a second people named after a
    country's is a community living there, which belongs to that country."""
    modifiers = ("amod", "compound", "nmod")
    if token.i == 0 or token.dep_ not in modifiers:
        return False
    before = token.doc[token.i - 1]
    return before.dep_ in modifiers and before.head in (token, token.head) \
        and _code_at(before) != ""


def _unresolved(tokens: list[Token]) -> Entity:
    """An actor the knowledge base does not know: kept with its words and no code."""
    head = min(tokens, key=lambda t: t.i if t.dep_ in ("nsubj", "nsubjpass", "poss", "pobj")
               else len(t.doc))
    words = " ".join(t.text for t in sorted(head.subtree, key=lambda t: t.i))[:80]
    return Entity(entity_text=words, entity_name=words, code="")


def _located(sentence: Span, actor: Entity, *, acted: Token | None = None,
             within: list[Token] | None = None, skip: frozenset[int] = frozenset()) -> Entity:
    """An actor no name resolves ("President Abdelaziz Bouteflika", "a roadside bombing") takes
    the country where the sentence places it ("in Baghdad", "Algeria's"), marked 'by location'
    so that nobody mistakes it for a resolved actor; else it keeps no code. The unnamed agent of
    a passive ("was arrested in Lebanon") only where the verb says it `acted`, never its target
    ("missiles were launched at the Kursk region"); with `within`, only those words place it.
    Tokens in `skip` place nothing."""
    doc = sentence.doc
    # where the verb, or those it acted on, are placed: "guerrillas operating in Macedonia"
    if acted is None:
        preps = [p for p in sentence if p.dep_ == "prep"]
    else:
        patients = [n for c in acted.children if c.dep_ == "nsubjpass"
                    for n in (c, *_of_objects(c))]  # "one third of the guerrillas"
        preps = [p for p in (*acted.children, *(t for c in patients for t in c.children),
                             *(t for c in patients for a in c.children if a.dep_ == "acl"
                               for t in a.children))
                 if p.dep_ == "prep" and p.lower_ != "at"]
    placed = [t for p in preps if p.lower_ in PLACE_PREPS
              for t in p.subtree]  # "near the town of Samarra", "outside the city of Basra"
    candidates = within if within is not None else placed if acted is not None else [
        *placed, *sentence]
    for token in candidates:
        if token.i in skip or _made_by(token, MAKERS | BACKERS | FLAGS):
            continue  # "the Iran-backed Houthis" are not in Iran
        found = entity_at(doc, token.idx, token.idx + len(token.text))
        if found is not None and found.code and found.code not in ("IGO", "NGO", "IMG"):
            return Entity(actor.entity_text, actor.entity_name, found.code, "",
                          "by location")
    return actor


def _backer(token: Token) -> bool:
    """'the Russian-backed separatists', 'Iran-aligned militias', 'the pro-Iranian group': who
    backs a side, or whom it sides with, is not it."""
    doc, i = token.doc, token.i
    return (i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in BACKERS) or (
        i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "pro")


def _made_by(token: Token, words: frozenset[str] = MAKERS) -> bool:
    """'US-made', 'Iranian-designed': the country that built a weapon, not the one using it."""
    return any(t.lower_ in words for t in token.doc[token.i + 1:token.i + 3])


def _modifies_weapon(token: Token) -> bool:
    while token.dep_ == "conj":
        token = token.head
    head = token
    while head.dep_ in ("amod", "compound", "nmod", "npadvmod", "punct"):
        head = head.head
        if head.lower_ in WEAPON_WORDS and head.dep_ not in ("amod", "compound"):
            return True  # unlike "Russian missile strikes", where the weapon names the strike
    return False


def _mode(event_type: str, mode: str, words: set[str]) -> str:
    """A mode from the sentence's words where the trigger gives none ("missile", "nuclear")."""
    if event_type == "ASSAULT" and not mode:
        if words & MISSILE_WORDS:
            return "missile"
        if words & AERIAL_WORDS:
            return "aerial"
    if event_type == "THREATEN" and words & NUCLEAR_WORDS:
        return "nuclear"
    if event_type == "AID" and not mode and words & (MISSILE_WORDS | {"weapons", "mines",
                                                                       "troops", "air"}):
        return "military"
    return mode


def _context(words: set[str]) -> tuple[str, ...]:
    context = []
    if words & NUCLEAR_WORDS:
        context.append("cbrn")
    if words & (MISSILE_WORDS | AERIAL_WORDS | {"troops", "military", "army", "forces"}):
        context.append("military")
    return tuple(context)


def _obliged(token: Token) -> bool:
    """'must reach', 'must be ready to mediate', 'has to withdraw': what someone is told to do."""
    head = token
    while True:
        if any(c.dep_ == "aux" and c.lower_ == "must" for c in head.children):
            return True
        if any(  # "NATO members should spend", not "should Ukraine fire ..., Russia would"
                c.dep_ == "aux" and c.lower_ == "should" and any(
                    s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in head.children)
                for c in head.children) and not _conditioned(head.head) and not any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in head.children):
            return True
        if head.dep_ not in ("xcomp", "acomp") or head.head.i == head.i:
            break
        head = head.head
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ == "have" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _conditioned(token: Token, markers: tuple[str, ...] = ("if", "unless")) -> bool:
    """The token carries an if/unless clause (or one with the given markers)."""
    return bool(_condition_clauses(token, markers))


def _condition_clauses(token: Token, markers: tuple[str, ...] = ("if", "unless")) -> list[Token]:
    """The if/unless clauses (or those with the given markers) the token carries."""
    return [c for c in token.children
            if c.dep_ == "advcl" and any(m.lower_ in markers for m in c.children)]


def _conditioned_side(token: Token, actors: list[Entity]) -> list[Entity]:
    """Another side than `actors` named as the subject of an if/unless clause of the token or
    of the clause it says ('will strike if Hezbollah breaks the truce', 'warned it would
    resume the launches unless Seoul stopped')."""
    said = [token, *(c for c in token.children if c.dep_ in ("ccomp", "xcomp"))]
    subjects = [t for v in said for c in _condition_clauses(v)
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for t in _phrase(s)]
    return [a for a in _actors_in(token.doc, subjects)
            if all(a.code != b.code for b in actors)][:1]


def _conditional_future(token: Token, speaker: list[Token]) -> bool:
    """'will/would/may X if/unless Y', 'is willing to X if Y' said by someone (`speaker`): a
    threat or an offer."""
    return bool(speaker) and _conditioned(token) and (_willing(token) or any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "may", "might")
        for c in token.children))


def _willing(token: Token) -> bool:
    """'is ready to send', 'is willing to talk', 'plans to give'."""
    head = token.head
    return token.dep_ == "xcomp" and (head.lemma_ in OFFERING_WORDS | {"plan"}
                                      or head.lower_ in OFFERING_WORDS)


def _offered(token: Token) -> bool:
    """'is ready to talk', 'is willing to negotiate', 'stands prepared to meet'."""
    return token.dep_ == "xcomp" and token.head.lower_ in OFFERING_WORDS


def _intended(token: Token, speaker: list[Token]) -> bool:
    """'will give', 'said it would send', 'is ready to send': a stated intent, not a condition."""
    if _conditioned(token):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in token.children):
        return True
    if speaker and any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
        return True  # reported future: "Palestinian leaders said they would boycott ..."
    return _willing(token)


def _claimant(token: Token, actors: list[Entity]) -> list[Entity]:
    """Who claims or alleges that another actor did what the token says, if anyone."""
    claim = next((a for a in token.ancestors if a.lemma_ in CLAIM_VERBS), None)
    if claim is None or not any(a.code for a in actors):
        return []
    claimants = _actors_in(token.doc, _named_part(_subject_tokens(claim)))
    return claimants[:1] if claimants and all(
        c.code != a.code for c in claimants[:1] for a in actors) else []


def _speaker_tokens(token: Token) -> list[Token]:
    """The subject of the speech verb the token's clause is reported under, if any."""
    for ancestor in token.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            return _subject_tokens(ancestor)
        if ancestor.lemma_.lower() in STATEMENT_NOUNS and ancestor.dep_ == "dobj":
            return _subject_tokens(ancestor.head)  # "issued a reminder to Iraq that it must"
    return []


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children) or _denied_alternative(token):
        return True
    if token.pos_ == "VERB" and any(c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children)
                                    for c in token.children):
        return True  # "gave no approval"
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "left without signing the deal"
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass") and (
            verb_lemma(token.head) in CALLING_OFF_VERBS or (
                token.head.lemma_ in ("call", "break")
                and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.head.children))):
        return True  # "suspended the talks", "the visit was postponed", "called off the summit"
    if any(a.lower_ == "of" and a.head.lower_ == "short" for a in token.ancestors):
        return True  # "stopped short of declaring war", "fell short of a ban"
    if token.dep_ in ("advcl", "dobj", "xcomp", "pcomp") and token.head.lemma_ == "rule" and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in token.head.children):
        return True  # "ruled out handing any land to Russia"
    head = token
    while head.dep_ in ("xcomp", "ccomp"):
        head = head.head
        if head.lemma_ in NEGATING_VERBS or any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def _denied_alternative(token: Token) -> bool:
    """'neither confirmed nor denied', 'did not confirm or deny': each verb of an either-or
    under a negation is negated (unlike 'did not strike Kyiv but hit Lviv')."""
    first = token.head if token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in token.head.children) else token
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children) or (
        first is not token and any(c.dep_ == "neg" for c in first.children))


def _hypothetical(token: Token) -> bool:
    """Not (yet) a fact: under a modal, a condition, or a verb of intent above it, or alleged
    ("accused Russia of blowing up the dam")."""
    if _is_conditional(token) or (token.lemma_ in PREPARING_VERBS and not _judged(token)):
        return True  # "considering sanctions"; not "considers the seizure an act of piracy"
    if any(c.dep_ == "advmod" and c.lower_ in ALLEGING_ADVERBS for c in token.children):
        return True  # "the group allegedly carried out ten attacks": not confirmed
    if token.pos_ == "NOUN" and any(m.dep_ == "amod" and m.lower_ in PROSPECTIVE_MODIFIERS
                                    for n in (token, _container(token)) for m in n.children):
        return True  # "a feared fresh round of raids by the rebels", "the planned drills"
    if token.dep_ == "acl" and token.head.lemma_.lower() in PROSPECTS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
            and not _decision_taken(token.head):
        return True  # "Sweden's bid to join NATO", "a plan to send troops"
    if any(node.dep_ == "pcomp" and node.head.lower_ == "of" and any(
            a.lemma_ in ("accuse", "charge", "suspect", "convict", "acquit", "guilty", "innocent")
            for a in list(node.head.ancestors)[:2]) for node in (token, *token.ancestors)):
        return True  # "accused Israel of detonating pagers, killing nine": all of it alleged
    if any(_told_before(clause) for clause in (token, *token.ancestors)):
        return False  # "will hold talks a day after Islamabad launched strikes": it happened
    if _renaming_noun(token) is not None and (_event_trigger(token) or ("",))[0] in REACTIONS:
        return False  # "accused Chile of it, a claim Santiago denies": the denial is told
    for ancestor in token.ancestors:
        if ancestor.lemma_ in ("event", "case") and ancestor.head.lower_ == "in":
            return True  # "in the event of an attack by China"
        if ancestor.lower_ in BACKGROUND_PREPS or (
                token.pos_ == "NOUN" and ancestor.dep_ == "prep"
                and ancestor.lower_ in SETTING_PREPS and ancestor.head.pos_ == "VERB"):
            # "talks ended after the drills", "urged him in their phone call": what the setting
            # or the background tells happened
            return False
        if _decision_taken(ancestor):
            return False  # "decided to call its envoy home": the act decided is taken
        if ancestor.lemma_ in CLAIM_VERBS | BELIEF_VERBS or _alleged_in(token, ancestor):
            # "falsely claiming that Armenia had units there", "Moscow believes Kyiv fired",
            # "allegations that it is arming the RSF": contested, or only thought
            return True
        if ancestor.lemma_ in SPEECH_VERBS:
            return False
        if ancestor.lemma_ in INTENT_VERBS or ancestor.lemma_ in ENABLING_WORDS \
                or _is_conditional(ancestor):
            return True
    return False


def _alleged_in(token: Token, noun: Token) -> bool:
    """The trigger is in what an accusation, allegation or claim says ("the accusation that
    they sent drones", "accusations of supporting terrorism"), not in a participle that tells
    the accusation itself ("the false accusations expressed by Guyana")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ALLEGATION_NOUNS:
        return False
    return not (token.head == noun and token.dep_ == "acl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children))


def _decision_taken(word: Token) -> bool:
    """'has decided to recall', 'made a decision to ask', 'Trump's decision to withdraw angered
    Tehran': a decision told as taken, whose act is taken with it (`DECIDING`); not 'will
    decide', 'if it decides', 'a possible decision', 'a decision is expected'."""
    lemma = word.lemma_.lower()
    if lemma not in DECIDING or any(c.dep_ == "amod" and c.lower_ in PROSPECTIVE_MODIFIERS
                                    for c in word.children):
        return False
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    if verb is not word and (word.dep_ not in ("dobj", "nsubj")
                             or verb.lemma_.lower() in ENABLING_WORDS | INTENT_VERBS):
        return False  # "a decision is expected", "after the decision to ..."
    return verb.tag_ in ("VBD", "VBN", "VBZ") and not _is_conditional(verb) and not any(
        c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _aimed_at(token: Token) -> bool:
    """What an act is sent for or kept from: the token, or a clause above it within its own
    clause, is the object of a preventing verb ("talks to prevent clashes") or the purpose of
    a sending ("sent warships to the Caribbean to fight the cartels", "a bid to rally them
    to take revenge"); a clause with a subject of its own ("to secure the field after the RSF
    seized it") is told for itself."""
    for node in (token, *token.ancestors):
        if node is not token and node.lemma_.lower() in PREVENTING_VERBS:
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in node.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) \
                and verb_lemma(node.head) in SENDING_VERBS:
            return True
        if node.lemma_ in SPEECH_VERBS or any(c.dep_ in ("nsubj", "nsubjpass")
                                              for c in node.children):
            return False
    return False


def _told_before(clause: Token) -> bool:
    """A clause told as past background: 'after / since / because Iran struck', in the past."""
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in BACKGROUND_PREPS | {"because", "as"}
        for m in clause.children) and (clause.tag_ == "VBD" or any(
            a.dep_ == "aux" and a.lower_ in ("had", "has", "have") for a in clause.children))


def _is_conditional(token: Token) -> bool:
    return any((c.dep_ == "aux" and c.lower_ in MODALS)
               or (c.dep_ in ("mark", "advmod") and c.lower_ in ("if", "unless", "whether"))
               for c in token.children)



@Language.factory("spiral_events", requires=["doc._.actor_mentions"], assigns=["doc._.events"])
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
