"""Which word codes what: a trigger's PLOVER type and mode from the lexicon, refined by its object,
its particle or complement and the rule groups run in order (`trigger`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Token

from spiral.nlp.actors import entity_at
from spiral.nlp.event_lexicon import (
    ADVERBIAL_WORDS,
    ADVISING_VERBS,
    AGREEING_VERBS,
    AGREEMENTS,
    ASKING_VERBS,
    BETWEEN_NOUNS,
    BOUND_PRONOUNS,
    CAPTIVES,
    COMPLEMENT_SENSES,
    CONCURRENT_PREPS,
    CONTAINERS,
    DEADLINE_SETTING_VERBS,
    DEPARTING_VERBS,
    DESIRE_VERBS,
    DESTINATION_PREPS,
    DISAPPROVING_WORDS,
    DRIVEN_WORDS,
    DRIVING_VERBS,
    ENDED_AGREEMENTS,
    ENDING_VERBS,
    ENVOYS,
    EVENT_NOUNS,
    EXPRESSED_STANCES,
    EXPRESSING_VERBS,
    FACT_FINDING,
    FIGHTING_FOR,
    FORCE_MOVING_VERBS,
    FORCEFUL,
    FORCES,
    FRONTIERS,
    FUTURE_MODALS,
    GAIN_NOUNS,
    HELPING_VERBS,
    HOLDING_VERBS,
    HOPING_VERBS,
    HOSTAGE_WORDS,
    IN_FORCE,
    INCOMING,
    INTERLOCUTORS,
    INTRUDED,
    INTRUDERS,
    INTRUDING_VERBS,
    JOINT_NOUNS,
    KEEPING_AWAY_VERBS,
    LEAVING_NOUNS,
    LEAVING_VERBS,
    LIFTED_FREEDOMS,
    LIGHT_VERBS,
    MEASURES,
    MISSIONS,
    MODALS,
    NAMING_VERBS,
    NOUN_TRIGGERS,
    OBJECT_NOUNS,
    OBJECT_SENSES,
    ONGOING,
    ORGANISATIONS,
    OWN_PEOPLE,
    PARTS_TAKEN,
    PERMITTING,
    PERSONS_BOUND_PRONOUNS,
    PHRASAL_LIGHT_VERBS,
    PLEDGES,
    POSTED_ABROAD,
    PRESENT_OR_ONGOING,
    PRESSING_ON,
    PROPERTY,
    PROTESTERS,
    QUANTIFIERS,
    QUESTION_PATH,
    QUESTION_WORDS,
    RAISED_STANCES,
    REBUKING_VERBS,
    RECALLED_WORDS,
    RELATIVE_PRONOUNS,
    RELIEF,
    REQUEST_NOUNS,
    REQUITALS,
    RESOURCES,
    RESPONSIBILITY_VERBS,
    REVERSED,
    REVERSING_NOUNS,
    REVERSING_VERBS,
    RIOT_OBJECTS,
    SANCTION_RAISING_VERBS,
    SILENT_ON_VERBS,
    SOUGHT_FOR_ONESELF,
    SPANS_OF_TIME,
    STOPPING_VERBS,
    SUPPORTIVE,
    SUPPRESSING_VERBS,
    TELLING_VERBS,
    TERRAIN,
    TESTED_WEAPONS,
    TESTING_WORDS,
    TRADE_CURBS,
    TRADE_WORDS,
    TRAVEL_NOTICES,
    TRAVEL_VERBS,
    VERB_TRIGGERS,
    VESSELS,
    WALKOUT_VERBS,
    WARNED_REQUITALS,
    WRECKING_VERBS,
    YIELDING_VERBS,
)
from spiral.nlp.event_participants import (
    _attackers,
    _between,
    _joint,
    _passive,
    _phrase,
    actors_in,
    alerted,
    code_at,
    compounds,
    in_background,
    noun_agent,
    of_objects,
    speaker_tokens,
    subject_tokens,
    verb_lemma,
)

# `OBJECT_SENSES` by verb lemma, each verb's rows in the table's order: looked up for every
# noun, verb and adjective, of which few have a row
_OBJECT_SENSES_BY_LEMMA: dict[str, list[tuple[frozenset[str], tuple[str, str] | None]]] = {}
for _lemma, _objects, _verdict in OBJECT_SENSES:
    _OBJECT_SENSES_BY_LEMMA.setdefault(_lemma, []).append((_objects, _verdict))
# the nouns `_lexicon_event` codes by a row of their own
EVENT_NOUN_LEMMAS = frozenset(NOUN_TRIGGERS) | frozenset(BETWEEN_NOUNS) | frozenset(EVENT_NOUNS)
# the parts of speech a trigger is of (spaCy's symbol ids): `event_trigger` answers None for any
# other word before a rule reads it, and `EventCoder` asks it of these words only
TRIGGER_POS = frozenset((VERB, AUX, NOUN, ADJ))


def event_trigger(token: Token) -> tuple[str, str] | None:
    trigger = _trigger(token)
    if trigger is None and token.pos_ == "VERB" and obliged(token) and speaker_tokens(token):
        return ("REQUEST", "")  # "declared that China must drop barriers"
    return trigger


def _trigger(token: Token) -> tuple[str, str] | None:
    """The (type, mode) a word triggers in its sentence, or None. The rules run in order: words
    that code nothing here, measures decided by what they let in or hit, light verbs and the
    event their object names, CAMEO distinctions made by the object, phrasal verbs and idioms,
    and last the lexicon."""
    if token.pos not in TRIGGER_POS:
        return None  # most tokens: decided before any rule looks at their children
    cue = Cue.of(token)
    for rule in (_vetoed, _judgement_event, _ordinary_sense, _ground_held, _kept_silent,
                 _rebuke_for,
                 _sense_by_complement,
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
class Cue:
    """What the rules read of a trigger: its lemma, its objects, its particles and its
    children."""

    lemma: str
    objects: list[Token]
    particles: set[str]
    # the trigger's children, built once: the rules ask of every noun, verb and adjective, and
    # `token.children` builds each child's Token anew on every walk
    children: tuple[Token, ...]

    @classmethod
    def of(cls, token: Token) -> Cue:
        lemma = verb_lemma(token)
        children = tuple(token.children)
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "engage":  # "engaged in ethnic cleansing"
            objects += [o for c in children if c.dep_ == "prep" and c.lower_ == "in"
                        for o in c.children if o.dep_ == "pobj"]
        return cls(lemma, objects, {c.lower_ for c in children if c.dep_ == "prt"}, children)


def _owned_drone(noun: Token) -> bool:
    """'downed an Indian surveillance drone', 'shot down a Turkish drone': one drone whose
    country the phrase names is an aircraft of that side brought down, an attack on it (a
    numbered swarm, "shot down 40 drones", is still air defence)."""
    return noun.lower_ == "drone" and not any(c.dep_ == "nummod" for c in noun.children) \
        and any(entity_at(noun.doc, t.idx, t.idx + len(t.text)) is not None
                for t in noun.subtree if t.i < noun.i)


def _vetoed(token: Token, cue: Cue) -> tuple[str, str] | None:
    lemma, objects, particles = cue.lemma, cue.objects, cue.particles
    if lemma == "receive" and not any(
            entity_at(token.doc, n.idx, n.idx + len(n.text)) is not None or n.lemma_.lower() in
            MISSIONS | {"delegation", "minister", "president", "leader", "visitor", "counterpart"}
            for o in objects for n in (o, *of_objects(o))):
        return NO_EVENT  # "received information", unlike "received a team of inspectors"
    if lemma in ("shoot", "intercept", "down", "destroy") and any(
            (n.lower_ in INCOMING and not _owned_drone(n))
            or ((n.lower_ in QUANTIFIERS or n.pos_ == "NUM") and "down" in particles)
            for o in objects for n in (o, *of_objects(o))):
        return NO_EVENT  # air defence downing missiles ("most were shot down") attacks no one
    if lemma == "seek" and any(c.dep_ == "xcomp" for c in cue.children):
        return NO_EVENT  # "sought to repel the incursion": an attempt, no request of anyone
    if lemma in ASKING_VERBS and (_sought_for_oneself(token, objects) or _asked_about(token, cue)):
        return NO_EVENT  # "insisted on anonymity", "asked about the claims, he declined"
    if lemma == "swear" and "in" in particles:
        return NO_EVENT  # "sworn in": took office
    if lemma == "commit" and not any(c.lower_ == "to" for c in cue.children) and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in RESOURCES for c in cue.children):
        return NO_EVENT  # "committing genocide", unlike "committed to talks" or "committed troops"
    return None


def _sought_for_oneself(token: Token, objects: list[Token]) -> bool:
    """What is sought or insisted on is for the asker itself ("was seeking more information",
    "insisted on anonymity"), no demand of another side (`SOUGHT_FOR_ONESELF`)."""
    sought = objects + [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "for")
                        for o in c.children if o.dep_ == "pobj"]
    return bool(sought) and all(o.lemma_.lower() in SOUGHT_FOR_ONESELF for o in sought)


def _asked_about(token: Token, cue: Cue) -> bool:
    """A question put to someone ("asked about the claims, the spokesman declined to comment"):
    "ask" with an "about" phrase and nothing asked of anyone (no object, clause or "for")."""
    children = cue.children
    return cue.lemma == "ask" and not cue.objects and any(
        c.dep_ == "prep" and c.lower_ == "about" for c in children) and not any(
        c.dep_ in ("xcomp", "ccomp", "dative") or (c.dep_ == "prep" and c.lower_ in ("for", "to"))
        for c in children)


def _ordinary_sense(token: Token, cue: Cue) -> tuple[str, str] | None:
    """A trigger verb in its everyday sense, by its object (`OBJECT_SENSES`)."""
    senses = _OBJECT_SENSES_BY_LEMMA.get(cue.lemma)
    if senses is None:
        return None  # most words: no everyday sense listed, and no objects to read
    # "would be met with a response": what a passive is met with counts as its object
    met_with = [o for c in cue.children if c.dep_ == "prep" and c.lower_ == "with"
                for o in c.children if o.dep_ == "pobj"] if cue.lemma == "meet" else []
    if not cue.objects and not met_with:
        return None
    nouns = {n.lemma_.lower() for o in (*cue.objects, *met_with)
             for n in (o, *compounds(o), *of_objects(o))}  # "the ceasefire agreement"
    for objects, verdict in senses:
        if nouns & objects:
            return NO_EVENT if verdict is None else verdict
    return None


def _ground_held(token: Token, cue: Cue) -> tuple[str, str] | None:
    """Ground or a garrison told as held in the present ("two islets, which are occupied by
    Chile", "the valley Peru still occupies", "Chile is occupying the reef illegally", "Peru is
    stationing troops on the island"): a standing state the annotators code no event for,
    unlike its taking or a deployment ("troops occupied the town", "stationed a brigade there
    last week") (`HOLDING_VERBS`)."""
    if token.pos_ != "VERB" or cue.lemma not in HOLDING_VERBS:
        return None
    held_now = token.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in PRESENT_OR_ONGOING for c in cue.children)
    return NO_EVENT if held_now else None


def _kept_silent(token: Token, cue: Cue) -> tuple[str, str] | None:
    """Declining or refusing to tell ("declined to comment", "refused to say how Lima
    answered"): no rejection of anyone (`SILENT_ON_VERBS`)."""
    if token.pos_ != "VERB" or cue.lemma not in ("decline", "refuse"):
        return None
    return NO_EVENT if any(c.dep_ == "xcomp" and c.lemma_.lower() in SILENT_ON_VERBS
                           for c in cue.children) else None


def _rebuke_for(token: Token, cue: Cue) -> tuple[str, str] | None:
    """A verb of force used of words: a side hit "for" what it did ("attacked Lima for its
    failure to act", "blasted Kyiv for refusing talks"), not for a time ("for the second time",
    "for three days"): an accusation (`REBUKING_VERBS`)."""
    if token.pos_ != "VERB" or cue.lemma not in REBUKING_VERBS:
        return None
    reasons = [o for c in cue.children if c.dep_ == "prep" and c.lower_ == "for"
               for o in c.children if o.dep_ in ("pobj", "pcomp")]
    return ("ACCUSE", "") if any(
        not any(t.like_num or t.lower_ in SPANS_OF_TIME for t in o.subtree)
        for o in reasons) else None


def _judgement_event(token: Token, cue: Cue) -> tuple[str, str] | None:
    """Naming what another did with a word of disapproval ("called the deal illegal", "called
    the raid an act of war", "described the seizure as an act of aggression",
    "labelled the rebels terrorists"): an accusation (`NAMING_VERBS`, `DISAPPROVING_WORDS`)."""
    return ("ACCUSE", "") if judged(token) else None


def judged(verb: Token) -> bool:
    """The verb names its object with a word of disapproval, as its predicate ("called it
    illegal") or in an 'as' phrase ("described it as an act of aggression", "views the
    presence as illegal", where the parser hangs the adjective on "as" as a modifier)."""
    if verb.pos_ != "VERB" or verb_lemma(verb) not in NAMING_VERBS or any(
            c.dep_ == "prt" for c in verb.children):
        return False
    named = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")]
    if any(o.tag_ in ("WP", "WDT") for o in named):
        return False  # "what it called anti-terrorist operations": a name quoted, no charge
    complements = [c for c in verb.children if c.dep_ == "oprd"] + [
        o for head in (verb, *named) for p in head.children
        if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
        if o.dep_ in ("pobj", "amod", "acomp")]
    return any(t.lemma_.lower() in DISAPPROVING_WORDS and not (
        t.i > 1 and t.nbor(-1).text == "-" and t.nbor(-2).lower_ in ("anti", "counter"))
        for c in complements for t in c.subtree)


def _sense_by_complement(token: Token, cue: Cue) -> tuple[str, str] | None:
    """A trigger verb in its everyday sense, by the kind of complement it takes
    (`COMPLEMENT_SENSES`): a question asked, a name given, a fact acknowledged, a quality shown."""
    kind = COMPLEMENT_SENSES.get(cue.lemma)
    if kind is None or token.pos_ != "VERB":
        return None
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if kind == "question" and _asks_a_question(token):
        return NO_EVENT  # "asked two experts whether it was realistic to expect ..."
    if kind == "naming" and any(c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME")
                                for c in cue.children) and not cue.particles and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in cue.children):
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


def _measure_event(token: Token, cue: Cue) -> tuple[str, str] | None:
    lemma, objects = cue.lemma, cue.objects
    if lemma in ("allow", "permit", "let") and (any(o.lemma_.lower() in RELIEF for o in objects)
                                                or any(t.lemma_.lower() in RELIEF
                                                       for c in cue.children
                                                       if c.dep_ in ("xcomp", "ccomp")
                                                       for t in c.children
                                                       if t.dep_ in ("nsubj", "dobj"))):
        return ("RETREAT", "access")  # CAMEO 0863: letting humanitarian aid in
    if lemma in ("target", "hit", "affect") and any(
            (object_event(n) or ("",))[0] == "SANCTION" for c in cue.children
            if c.dep_ == "nsubj" for n in (c, *compounds(c))):
        return ("SANCTION", "economic")  # "the sanctions package targets Russian gas"
    return None


def _alert_event(token: Token, cue: Cue) -> tuple[str, str] | None:
    """Forces put, kept or standing on alert ("the army was put on full combat readiness", "we
    are on maximum alert", "is maintaining a firm readiness posture"): a show of readiness
    (MOBILIZE), whatever the verb that tells it."""
    return ("MOBILIZE", "troops") if alerted(token) else None


def _pressing_on(token: Token, cue: Cue) -> tuple[str, str] | None:
    """'pressed ahead with its military operation', 'pressed on with the assault': the act its
    "with" phrase names, which the subject goes on with (`PRESSING_ON`); nobody is asked
    anything, and going on with no act named codes nothing."""
    going_on = PRESSING_ON.get(cue.lemma)
    if going_on is None or not any(
            c.dep_ in ("prt", "advmod") and c.lower_ in going_on for c in cue.children):
        return None
    goals = [o for c in cue.children if c.dep_ == "prep" and c.lower_ == "with"
             for o in c.children if o.dep_ == "pobj"]
    return next((found for o in goals for n in (o, *compounds(o), *of_objects(o))
                 if (found := object_event(n) or NOUN_TRIGGERS.get(n.lemma_.lower()))),
                NO_EVENT)


def _expressed_stance(token: Token, cue: Cue) -> tuple[str, str] | None:
    """'expressed deep concern over ...', 'voiced opposition to ...', 'expressed solidarity
    with ...': the stance its object names (`EXPRESSING_VERBS`, `EXPRESSED_STANCES`)."""
    if token.pos_ != "VERB":
        return None
    if cue.lemma == "raise" and _raised_by_a_side(token):
        return next((RAISED_STANCES[o.lemma_.lower()] for o in cue.objects
                     if o.lemma_.lower() in RAISED_STANCES), None)
    if cue.lemma not in EXPRESSING_VERBS:
        return None
    return next((EXPRESSED_STANCES[o.lemma_.lower()] for o in cue.objects
                 if o.lemma_.lower() in EXPRESSED_STANCES), None)


def _raised_by_a_side(token: Token) -> bool:
    """The verb's own subject is a side, named by its head or by a word describing it ("the UN",
    "Manila", "she", "the Chilean side"), not a thing a side only owns ("Peru's new law") nor
    the act before a participle ("the rebels advanced, raising concerns")."""
    doc = token.doc
    return any(c.dep_ == "nsubj" and (c.pos_ in ("PROPN", "PRON") or any(
        entity_at(doc, t.idx, t.idx + len(t.text)) is not None
        for t in (c, *(m for m in c.children if m.dep_ in ("amod", "compound")))))
        for c in token.children)


def _light_verb_event(token: Token, cue: Cue) -> tuple[str, str] | None:
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
        (*of_objects(o), *(c for c in compounds(o) if c.lemma_.lower() not in SUPPORTIVE), o)
        if o.lemma_.lower() in CONTAINERS else (o, *compounds(o), *of_objects(o)))]
    noun = next((n for n in named if object_event(n) is not None), None)
    if noun is None:
        reverse = lemma in REVERSING_VERBS or particles & {"off", "down"}
        return REVERSED["ASSAULT"] if reverse and _hostile_acts(objects) else None
    found = object_event(noun)
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


def _event_by_object(token: Token, cue: Cue) -> tuple[str, str] | None:
    """CAMEO's distinctions made by what the verb acts on: expelling envoys or residents, taking
    ground or people, receiving inspectors, destroying property, sending investigators."""
    lemma, objects, particles = cue.lemma, cue.objects, cue.particles
    if token.pos_ in ("VERB", "AUX") and any(
            o.lower_ == "alert" for c in cue.children
            if c.dep_ == "prep" and c.lower_ in ("on", "onto") for o in c.children):
        return ("MOBILIZE", "troops")  # "troops remained on alert", "put forces on high alert"
    if lemma in ("send", "dispatch", "deploy") and any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in FACT_FINDING
            for c in cue.children):
        return ("ACCUSE", "investigate")  # CAMEO 09: a mission sent to investigate
    if lemma in ("send", "dispatch") and any(o.lemma_.lower() in ENVOYS | MISSIONS
                                             for o in objects):
        if any(c.lower_ in ("home", "back") for c in cue.children):
            return ("SANCTION", "expel")  # "sent the ambassador home"
        if any(o.lemma_.lower() in ENVOYS for o in objects):
            return ("CONSULT", "visit")  # "sent an envoy to Beijing"
    if lemma in ("send", "dispatch", "deploy") and any(
            o.lemma_.lower() in FORCES | VESSELS for o in objects) and _sent_to_help(token):
        return ("AID", "military")  # "sent troops to fight for Peru", "at Lima's request"
    if lemma in ("send", "dispatch", "rush", "deploy") and any(
            o.lemma_.lower() in FORCES | VESSELS for o in objects):
        if _sent_abroad(token):
            return ("AID", "military")  # "sent troops to Haiti", "deployed units to Kazakhstan"
        return ("MOBILIZE", "troops")  # "sent tanks to its borders", "sent warships to the strait"
    if lemma == "join" and any(
            (entity := entity_at(token.doc, o.idx, o.idx + len(o.text))) is not None
            and entity.code == "IGO" for o in objects):
        return ("COOPERATE", "")  # "Sweden joined NATO"
    if lemma in ("arrive", "deploy") and any(t.lower_.startswith("peacekeep") for c in
                                             cue.children if c.dep_ == "nsubj"
                                             for t in c.subtree):
        return ("AID", "peacekeeping")  # CAMEO 074
    if lemma == "arrive" and any(t.lemma_.lower() in FORCES | VESSELS for c in cue.children
                                 if c.dep_ == "nsubj" for t in c.subtree
                                 if t.dep_ in ("nsubj", "conj")):
        return ("MOBILIZE", "troops")  # "US warships arrived off the coast": no visit
    if lemma == "force" and ("out" in particles or any(
            c.dep_ == "prep" and c.lower_ == "out" for c in cue.children)):
        expelled = [o for o in objects if o.lemma_.lower() in MISSIONS | ORGANISATIONS
                    or o.pos_ == "PROPN"]  # an embassy, agency or mission, not residents
        return ("SANCTION", "expel") if expelled else ("COERCE", "expel")
    if lemma == "close" and any(o.lemma_.lower() in ("border", "embassy", "airspace", "crossing",
                                                     "consulate") for o in objects):
        return ("SANCTION", "")  # "Russia closed its borders with Iran"
    if lemma == "hold" and any(t.lower_ in HOSTAGE_WORDS for c in cue.children
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
                n.lemma_.lower() in PROPERTY for o in objects for n in (o, *of_objects(o)))):
        return ("COERCE", "destroy")  # CAMEO 1712: destroying property
    if lemma == "order":
        return _order_event(token, cue)
    if lemma == "hand" and any(o.lemma_.lower() in CAPTIVES for o in objects):
        return ("RETREAT", "release")  # "Hamas handed over three Israeli women it had held"
    if lemma in ("withdraw", "recall", "pull", "expel") and any(
            o.lemma_.lower() in MISSIONS for o in objects):
        return ("SANCTION", "expel")  # CAMEO 166: withdrawing peacekeepers, inspectors, envoys
    if lemma in SUPPRESSING_VERBS and any(
            o.lemma_.lower() in PROTESTERS or object_event(o) == ("PROTEST", "") for o in objects):
        return ("COERCE", "")  # "police dispersed the demonstrators", "prevented the rally"
    if lemma == "stop" and any(o.lower_ == "work" for o in objects):
        return ("PROTEST", "strike")  # "workers stopped work"
    if lemma == "cease" and any(o.lower_ in ("fire", "hostilities", "fighting") for o in objects):
        return ("RETREAT", "ceasefire")  # "would cease fire"
    if lemma == "withdraw" and any(
            (entity := entity_at(token.doc, o.idx, o.idx + len(o.text))) is not None
            and entity.code == "IGO" for c in cue.children
            if c.dep_ == "prep" and c.lower_ == "from" for o in c.subtree):
        return ("SANCTION", "withdraw")  # leaving an organisation: CAMEO 16
    if lemma == "withdraw" and any(o.lemma_.lower() in MEASURES for o in objects):
        return ("CONCEDE", "policy")  # "withdrew its contested bill"
    if lemma in ("receive", "admit", "accept") and any(
            o.lemma_.lower() in ("observer", "inspector", "monitor", "peacekeeper")
            or any(t.lemma_.lower() in ("observer", "inspector", "monitor", "peacekeeper")
                   for t in of_objects(o)) for o in objects):
        return ("RETREAT", "access")  # CAMEO 0861, 0862: receiving peacekeepers or inspectors
    if lemma in ("capture", "seize", "retake", "recapture", "take") and any(
            o.lemma_.lower() in TERRAIN for o in objects):
        return ("ASSAULT", "occupy")  # taking ground is fighting; seizing people or goods coerces
    if lemma in DEADLINE_SETTING_VERBS and _deadline_for_a_side(token, objects):
        return ("THREATEN", "ultimatum")  # "set a deadline for Lima to withdraw", as "gave"
    if lemma != "give":
        return None  # asked of every noun, verb and adjective: the time allowed only of "give"
    allowed_time = [c for c in cue.children if c.dep_ in ("dobj", "npadvmod")
                    and c.lemma_.lower() in ("day", "week", "hour", "month", "deadline")]
    if allowed_time and any(
            c.dep_ in ("dative", "dobj") and c not in allowed_time for c in cue.children):
        return ("THREATEN", "ultimatum")  # "gave Niger's junta one week to reinstate Bazoum"
    return None


def _deadline_for_a_side(token: Token, objects: list[Token]) -> bool:
    """'set a June deadline for Lima to withdraw', 'imposed a deadline on Lima to reach a deal':
    a deadline set for a side the knowledge base knows, hung on the deadline or on the verb (not
    "set a deadline for the talks")."""
    deadlines = [o for o in objects if o.dep_ == "dobj" and o.lemma_.lower() == "deadline"]
    heads = (token, *deadlines)
    # "for Lima" as a phrase, or as the subject of "for Lima to withdraw"
    given = [o for head in heads for p in head.children
             if p.dep_ == "prep" and p.lower_ in ("for", "on") for o in p.children
             if o.dep_ == "pobj"] + [
        o for head in heads for c in head.children if any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for o in c.children if o.dep_ == "nsubj"]
    return bool(deadlines) and any(
        entity_at(token.doc, t.idx, t.idx + len(t.text)) is not None
        for o in given for t in o.subtree)


def _expulsion(token: Token, cue: Cue) -> tuple[str, str] | None:
    """An envoy or a mission told to go ("gave the ambassador 72 hours to leave", "asked the
    envoy to leave", "ordered the consulate to shut down", "demanded that Lima withdraw its
    diplomats"), or one's own called home ("called its ambassador back for consultations"): an
    expulsion or a recall (CAMEO 166), not a request nor an ultimatum."""
    if token.pos_ != "VERB":
        return None
    if cue.lemma == "call":
        recalled = any(t.lemma_.lower() in RECALLED_WORDS for c in cue.children
                       if c.dep_ in ("advmod", "prt", "prep") for t in c.subtree)
        return ("SANCTION", "expel") if recalled and _posted_abroad(cue.objects) else None
    if cue.lemma not in TELLING_VERBS:
        return None
    told = [c for c in cue.children
            if c.dep_ in ("xcomp", "ccomp", "advcl") and verb_lemma(c) in DEPARTING_VERBS]
    told_directly = [*cue.objects, *(c for c in cue.children if c.dep_ == "dative")]
    goers = [*told_directly, *(t for v in told for t in v.children
                               if t.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    return ("SANCTION", "expel") if told and _posted_abroad(goers) and not _own_people(
        token, told_directly) else None


def _own_people(verb: Token, told: list[Token]) -> bool:
    """'asked its staff to leave the city': those the verb tells to go are the teller's own (a
    bound possessive, or named of the teller's side only), an evacuation and no expulsion."""
    tellers = {a.code for a in actors_in(verb.doc, subject_tokens(verb))}
    for goer in told:
        if any(c.dep_ == "poss" and c.lower_ in BOUND_PRONOUNS | PERSONS_BOUND_PRONOUNS
               for c in goer.children):
            return True
        sides = {a.code for a in actors_in(verb.doc, list(goer.subtree))}
        if sides and sides <= tellers:
            return True
    return False


def _posted_abroad(words: Iterable[Token]) -> bool:
    """One of the words, or a name set beside it ("Martinez, the ambassador"), is an envoy or a
    mission (`POSTED_ABROAD`)."""
    return any(n.lemma_.lower() in POSTED_ABROAD or n.lower_.rstrip("s") in POSTED_ABROAD
               for w in words for n in (w, *(c for c in w.children if c.dep_ == "appos")))


def _travel_advisory(token: Token, cue: Cue) -> tuple[str, str] | None:
    """A side's people told or counselled to keep away from another country ("urged its
    citizens to avoid visiting Peru", "called on students to reconsider studying in Peru",
    "advised its nationals to refrain from travelling to Peru", "recommended that citizens
    avoid Peru"): a travel advisory, a sanction of that country as the annotators code it; the
    travel warning itself is read from its noun (`object_event`)."""
    if token.pos_ != "VERB" or (VERB_TRIGGERS.get(cue.lemma, ("",))[0] != "REQUEST"
                                and cue.lemma not in ADVISING_VERBS):
        return None
    # the clause that keeps them away from a country it names: "to avoid visiting Peru", "that
    # citizens refrain from travelling to Peru" (not "to avoid involvement in armed conflicts")
    doc = token.doc
    clauses = [c for c in cue.children if c.dep_ in ("xcomp", "advcl", "ccomp")
               and c.lemma_.lower() in KEEPING_AWAY_VERBS
               and any(entity_at(doc, t.idx, t.idx + len(t.text)) is not None for t in c.subtree)]
    told = [*cue.objects, *(o for c in cue.children if c.dep_ == "prep"
                            and c.lower_ in ("on", "upon") for o in c.children),
            *(s for c in clauses for s in c.children if c.dep_ == "ccomp" and s.dep_ == "nsubj")]
    return ("SANCTION", "") if clauses and any(
        o.lemma_.lower() in OWN_PEOPLE for o in told) else None


def _agreed_sanction(token: Token, cue: Cue) -> tuple[str, str] | None:
    """'agreed on a new round of sanctions against Peru', 'agreed to slap sanctions on': the sides
    that agree impose the sanction (CAMEO 16), as the annotators code it; they agree with each
    other, not with its target."""
    if token.pos_ != "VERB" or cue.lemma not in AGREEING_VERBS:
        return None
    clauses = [c for c in cue.children if c.dep_ == "xcomp"]
    told = [f for c in clauses if (f := _trigger(c)) is not None]
    agreed = [o for c in cue.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
              for o in c.children if o.dep_ == "pobj"]
    # what a clause's own verb does not tell ("to slap sanctions on"; "to lift the embargo" is
    # told by "lift", which undoes it)
    agreed += [o for c in clauses if _trigger(c) is None for o in c.children if o.dep_ == "dobj"]
    named = [n for o in agreed for n in (o, *compounds(o), *of_objects(o))]
    found = [f for f in (*told, *map(object_event, named)) if f is not None]
    return next((f for f in found if f[0] == "SANCTION"), None)


def _agreement_left(token: Token, cue: Cue) -> tuple[str, str] | None:
    """Leaving or ending an agreement, or one's part in one: a rejection (CAMEO 12), not the
    sanction or concession its verb alone would code."""
    return ("REJECT", "") if _leaves_an_agreement(token, cue) else None


def _leaves_an_agreement(token: Token, cue: Cue) -> bool:
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


def _forces_moved(token: Token, cue: Cue) -> bool:
    """'moved thousands of troops to the border', 'rushed warships into the strait': forces
    put somewhere the clause names (`FORCE_MOVING_VERBS`, `DESTINATION_PREPS`)."""
    return cue.lemma in FORCE_MOVING_VERBS and any(
        n.lemma_.lower() in FORCES | VESSELS for o in cue.objects for n in (o, *of_objects(o))
    ) and any(c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS for c in cue.children)


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
    senders = {a.code for a in actors_in(token.doc, subject_tokens(token))}
    return any(a.code not in senders for a in actors_in(token.doc, named))


def _sent_abroad(token: Token) -> bool:
    """Whether forces are sent to another country ("to Haiti"), not to a border, a coast or a
    sea of one's own ("to its borders", "to the Caribbean"); the parser hangs "to Haiti" on the
    verb as a preposition or as a dative."""
    places = [o for c in token.children if c.dep_ in ("prep", "dative")
              and c.lower_ in ("to", "toward", "towards")  # the parser reads "to Kazakhstan"
              for o in c.children if o.dep_ == "pobj"]    # after "sent units" as a dative
    # a border or region is the country that owns it ("Russia's Kursk region"), not the one
    # it faces ("its border with Kosovo")
    owners = [t for o in places for t in (
        [t for c in o.children if c.dep_ in ("poss", "amod", "compound") for t in c.subtree]
        if o.lemma_.lower() in FRONTIERS else _phrase(o))]
    senders = {a.code for a in actors_in(token.doc, subject_tokens(token))}
    return any(a.code not in senders for a in actors_in(token.doc, owners))


def _order_event(token: Token, cue: Cue) -> tuple[str, str] | None:
    ordered = [c for c in cue.children if c.dep_ in ("xcomp", "ccomp")]
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


def _intruded(token: Token, cue: Cue) -> bool:
    """What ships or aircraft enter: waters, airspace or a zone (`INTRUDED`: "entered its
    waters", "violated its air space")."""
    return any(_intruded_word(o) for o in [*cue.objects, *(
        g for c in cue.children if c.dep_ == "prep" for g in c.children)])


def _intruded_word(noun: Token) -> bool:
    """A word of `INTRUDED`, also written in two ("air space" as "airspace")."""
    lemma = noun.lemma_.lower()
    return lemma in INTRUDED or any(c.lower_ + lemma in INTRUDED for c in compounds(noun))


def _intruder_lemmas(token: Token) -> set[str]:
    """The lemmas of what moves: the subject's words or, for a clause on a noun with no
    subject but a relative pronoun ("its jets, which breached ...", "one of its jets strayed
    into Peru", read as a participle), the words of that noun."""
    lemmas = _subject_lemmas(token)
    if token.dep_ in ("relcl", "acl") and lemmas <= RELATIVE_PRONOUNS:
        head = token.head
        lemmas |= {t.lemma_.lower() for t in (head, *compounds(head), *of_objects(head))}
    return lemmas


def _into_a_side(token: Token) -> bool:
    """"drones crossed into Poland", "entered into Lithuania": a side's ground named after
    "into". (A crossing into airspace is not read: our own gold leaves "after drones crossed
    into its airspace" told as the background of an accusation uncoded, e081.)"""
    return any(code_at(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "into"
               for g in c.children)


def _phrasal_event(token: Token, cue: Cue) -> tuple[str, str] | None:
    """Phrasal verbs and idioms: 'ruled out', 'turned down', 'took to the streets'."""
    lemma, particles = cue.lemma, cue.particles
    children = cue.children
    if lemma in TRAVEL_VERBS and any(
            object_event(o) in (("CONSULT", ""), ("CONSULT", "visit"))
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
    if lemma in INTRUDING_VERBS and _intruder_lemmas(token) & INTRUDERS \
            and (_into_a_side(token) or (lemma != "cross" and _intruded(token, cue))):
        return ("MOBILIZE", "troops")  # "four armed coastguard vessels entered its waters"
    if lemma == "build" and "up" in particles:
        return ("MOBILIZE", "troops")  # "continues to build up forces along the border"
    if lemma == "test" and token.pos_ == "VERB" and any(_weapon_named(o) for o in cue.objects):
        return ("MOBILIZE", "weapons")  # "tested a new cruise missile", as "test-fired"
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
                _voice_of_a_side(o) for o in c.children if o.dep_ == "pobj") for c in children):
        return ("CONSULT", "phone" if any(t.lower_ in ("phone", "telephone") for t in token.subtree)
                else "")  # "Scholz spoke to Putin by phone", not "spoke to reporters"
    return None


def _voice_of_a_side(noun: Token) -> bool:
    """'Putin', or one who speaks for a side its phrase names ("the defence ministers of France
    and Turkey", "Peru's foreign minister"; `INTERLOCUTORS`), not "reporters in Lima"."""
    def named(word: Token) -> bool:
        return entity_at(word.doc, word.idx, word.idx + len(word.text)) is not None
    return named(noun) or noun.lemma_.lower() in INTERLOCUTORS and any(
        named(t) for t in noun.subtree if t.i != noun.i)


def _ground_taken(token: Token, cue: Cue) -> bool:
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
    if cue.lemma not in DRIVING_VERBS:
        return False  # asked of every verb: most drive no one, and need no child read
    driven = [t for t in cue.children
              if t.lower_ in DRIVEN_WORDS and t.dep_ in ("prt", "prep", "advmod")]
    if not driven:
        return False
    driven_to = [o for head in (token, *driven) for c in head.children
                 if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    return any(
        o.lemma_.lower() in FORCES or entity_at(token.doc, o.idx, o.idx + len(o.text)) is not None
        for o in cue.objects) and all(o.lemma_.lower() in TERRAIN | FRONTIERS for o in driven_to)


def _claimed_act(token: Token, cue: Cue) -> tuple[str, str] | None:
    """'claimed responsibility for the drone attacks on ...': the claimant's act, of the type its
    noun names."""
    if token.pos_ != "VERB" or cue.lemma not in RESPONSIBILITY_VERBS or not any(
            o.lemma_.lower() == "responsibility" for o in cue.objects):
        return None
    owned = [n for o in cue.objects for c in (*o.children, *cue.children)
             if c.dep_ == "prep" and c.lower_ == "for" for n in c.children if n.dep_ == "pobj"]
    return next((found for n in owned
                 if (found := object_event(n) or NOUN_TRIGGERS.get(n.lemma_.lower()))), None)


def _joint_act(token: Token, cue: Cue) -> tuple[str, str] | None:
    """'carried out the deployment in coordination with the UN force', 'involved in fighting
    with Hezbollah': the clause's subject acts with, or on, the side the "with" phrase names
    (`JOINT_NOUNS`); a "war of words" is one of accusations."""
    if not _joint(token):
        return None
    if any(o.lower_ == "words" for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"
           for o in c.children):
        return ("ACCUSE", "")
    return JOINT_NOUNS[token.lemma_.lower()]


def _pledged_blow(token: Token) -> bool:
    """"promised revenge", "pledged to take countermeasures", "we promise that we will take
    revenge": what the pledge promises, or what the verb of its clause takes, is a blow given back
    (`REQUITALS`)."""
    clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    return any(o.lemma_.lower() in REQUITALS for head in (token, *clauses) for o in _objects_and_conjuncts(head))


def _objects_and_conjuncts(token: Token) -> list[Token]:
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return objects + [c for o in objects for c in o.conjuncts]


def _lexicon_event(token: Token, cue: Cue) -> tuple[str, str] | None:
    """The trigger words' own types: verbs, and nouns that name an event of their own."""
    lemma = cue.lemma
    if token.pos_ == "VERB" and lemma in DESIRE_VERBS and _wanted_of_another(token):
        return ("REQUEST", "")  # "wants China to stop stockpiling": asked of the other side
    if token.pos_ == "VERB" and lemma in HOPING_VERBS and _hoped_of_another(token):
        return ("REQUEST", "")  # "hoped Manila would refrain from provocations"
    if token.pos_ == "VERB" and lemma in VERB_TRIGGERS:
        if lemma == "call" and not any(c.lower_ in ("for", "on", "upon") for c in cue.children):
            return NO_EVENT
        if lemma in PLEDGES and (_pledged_blow(token) or any(
                c.dep_ == "xcomp" and (_trigger(c) or NO_EVENT)[0] in FORCEFUL
                for c in cue.children)):
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
                c.dep_ == "prep" and c.lower_ in ("at", "on", "into") for c in cue.children) \
                and not any(c.dep_ == "dobj" for c in cue.children):
            return NO_EVENT
        return VERB_TRIGGERS[lemma]
    if lemma not in EVENT_NOUN_LEMMAS:
        return None  # most words: no noun row below, and nothing to ask of their place
    if token.pos_ != "NOUN" or _retold(token) or (
            token.head.lower_ == "under" and _attackers(token.head.head)):
        # "days after Iran's missile attack", "a response to Ukraine's attacks": an earlier
        # event, told as background
        return None
    if lemma in NOUN_TRIGGERS and noun_agent(token) and not _told_by_verb(token):
        # "Russia's attack", "the Russian missile strikes", "drills by Seoul and Washington"
        return object_event(token) or NOUN_TRIGGERS[lemma]
    if lemma in BETWEEN_NOUNS and _between(token):
        return BETWEEN_NOUNS[lemma]  # "talks between the army and the RSF"
    if lemma in EVENT_NOUNS and token.dep_ in ("nsubj", "ROOT") and (any(
            c.dep_ in ("poss", "amod", "compound") or c.lower_ == "between" for c in cue.children)
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
    hopers = {a.code for a in actors_in(token.doc, subject_tokens(token))}
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in FUTURE_MODALS
                                         for a in c.children)
               and any(a.code not in hopers for s in c.children if s.dep_ == "nsubj"
                       for a in actors_in(token.doc, list(s.subtree)))
               for c in token.children)


def _endangered(token: Token) -> bool:
    """A passive 'threatened' with no side as its agent: put at risk, not threatened by anyone
    who speaks."""
    if not _passive(token):
        return False
    agents = [o for c in token.children if c.dep_ == "agent" for o in c.children
              if o.dep_ == "pobj"]
    return not any(code_at(o) for o in agents)


def _insists_on_a_demand(token: Token) -> bool:
    """'insisted on a ceasefire', 'insisted that Kyiv withdraw' or 'must withdraw': what the
    insistence asks of someone, unlike 'insisted the island is theirs'."""
    return any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children) or any(
        c.dep_ == "ccomp" and (c.tag_ == "VB" or obliged(c)) for c in token.children)


def _told_by_verb(noun: Token) -> bool:
    """'launched an attack', 'ordered Russia's mobilisation', 'a package of sanctions, adopted
    on Monday': the light verb that governs the noun codes its event, and the noun no second."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in REVERSING_NOUNS:
        return True  # "the lifting of US sanctions": a concession, not a sanction
    noun = container(noun)
    governor = noun.head
    if noun.dep_ == "nsubj" and _trigger(governor) is not None:
        return True  # "Israeli airstrikes pounded Gaza": the verb tells the event
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if noun.dep_ in ("dobj", "nsubjpass"):
        verbs.append(governor)
    return any(_light_verb_event(v, Cue.of(v)) is not None for v in verbs)


def container(noun: Token) -> Token:
    """What counts the noun ("a wave of attacks" -> wave), or the noun itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in CONTAINERS:
        return noun.head.head
    return noun


def _retold(noun: Token) -> bool:
    """'days after the attack', 'a response to the strikes': an earlier event, told as
    background. What goes on around the sentence's event ('amid the Russian invasion') is no
    earlier one."""
    return in_background(noun) and noun.head.lower_ not in CONCURRENT_PREPS


def object_event(noun: Token) -> tuple[str, str] | None:
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
    if lemma in TRADE_CURBS and any(c.lemma_.lower() in TRADE_WORDS for c in compounds(noun)):
        return ("SANCTION", "economic")  # "export controls", "trade barriers"
    if (lemma in TRAVEL_NOTICES or noun.lower_ in TRAVEL_NOTICES) and any(c.lower_ == "travel" for c in compounds(noun)):
        return ("SANCTION", "")  # "issued a travel warning": a sanction of where not to go
    if lemma in LEAVING_NOUNS and _left_agreement(noun):
        return ("REJECT", "")  # "Russia's withdrawal from the treaty": leaving an agreement
    if _weapons_test(noun):
        return ("MOBILIZE", "weapons")  # "conducted a test launch of a missile"
    return OBJECT_NOUNS.get(noun.lower_) or OBJECT_NOUNS.get(lemma)


def _weapons_test(noun: Token) -> bool:
    """'tests of a cruise missile', 'a missile test', 'a nuclear test', 'a test launch of a
    rocket': a test, or a launch called one, of a weapon its words name (`TESTED_WEAPONS`)."""
    lemma = noun.lemma_.lower()
    tested = lemma in TESTING_WORDS or (lemma == "launch" and any(
        c.lemma_.lower() in TESTING_WORDS for c in compounds(noun)))
    return tested and _weapon_named(noun)


def _weapon_named(noun: Token) -> bool:
    """Whether the noun, its modifiers or what it is of name a weapon ("the new cruise
    missile", "tests of its underwater drone", "a nuclear test")."""
    return any(t.lemma_.lower() in TESTED_WEAPONS
               for n in (noun, *of_objects(noun)) for t in (n, *(
                   c for c in n.children if c.dep_ in ("compound", "amod", "nmod"))))


def _warns_of_consequence(token: Token) -> bool:
    """'warned that Russia would respond', 'warned Manila against playing with fire' and
    'warned Tehran of serious consequences' are threats; 'warned of an attack' is not."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if objects and any(c.dep_ == "prep" and c.lower_ == "against" for c in token.children):
        return True
    if any(o.lemma_.lower() in WARNED_REQUITALS for c in token.children
           if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"):
        return True
    if any(c.dep_ == "xcomp" for c in token.children) and any(
            t.lemma_.lower() in FORCES or code_at(t) for o in objects for t in _phrase(o)):
        return True  # "warned rebel forces not to approach the buffer zone"
    for child in token.children:
        if child.dep_ in ("ccomp", "advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ in MODALS for c in child.children):
            return True
    return False


def obliged(token: Token) -> bool:
    """'must reach', 'must be ready to mediate', 'has to withdraw': what someone is told to do."""
    if obliged_by_modal(token):
        return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ == "have" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def obliged_by_modal(token: Token) -> bool:
    """'must reach', 'should spend', 'must be ready to mediate': an act owed, not done (unlike
    "had to withdraw", which tells that it was)."""
    head = token
    while True:
        if any(c.dep_ == "aux" and c.lower_ == "must" for c in head.children):
            return True
        if any(  # "NATO members should spend", not "should Ukraine fire ..., Russia would"
                c.dep_ == "aux" and c.lower_ == "should" and any(
                    s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in head.children)
                for c in head.children) and not conditioned(head.head) and not any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in head.children):
            return True
        if head.dep_ not in ("xcomp", "acomp") or head.head.i == head.i:
            return False
        head = head.head


def conditioned(token: Token, markers: tuple[str, ...] = ("if", "unless")) -> bool:
    """The token carries an if/unless clause (or one with the given markers)."""
    return bool(condition_clauses(token, markers))


def condition_clauses(token: Token, markers: tuple[str, ...] = ("if", "unless")) -> list[Token]:
    """The if/unless clauses (or those with the given markers) the token carries."""
    return [c for c in token.children
            if c.dep_ == "advcl" and any(m.lower_ in markers for m in c.children)]
