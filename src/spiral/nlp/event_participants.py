"""Who takes part in an event: the subject or agent and the recipient tokens of a trigger, the
actors named in them, the places and venues that stand for a side, and pronouns bound to a subject."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from spiral.countries import country_code, country_name, is_state_name
from spiral.nlp.actors import NON_STATE_CODES, STATE_SECTORS, entity_at, phrase_heads
from spiral.nlp.event_lexicon import (
    ACCUSING_VERBS,
    ACTS_NAMING_NOBODY,
    AIMED_ACTS,
    AIMED_AT_OWNER,
    ALERT_NOUNS,
    ALERT_RAISING_VERBS,
    ALERT_VERBS,
    AMOUNTS,
    ANSWERING_VERBS,
    AT_SEA,
    BACK_REFERENCE_CHARS,
    BACKERS,
    BACKGROUND_PREPS,
    BORDERS,
    BOUND_PRONOUNS,
    CAUSATIVE_VERBS,
    CIVIL_WAR_SIDES,
    CLAIM_VERBS,
    CLAUSE_DEPS,
    COLLECTIVES,
    DOMESTIC,
    FIRMS,
    FLAGS,
    FORCEFUL,
    FOREIGN_SHARE,
    FORUM_VERBS,
    HELD_SOMEWHERE,
    HOST_PREPS,
    INQUIRIES,
    ISSUED_NOUNS,
    JOINT_NOUNS,
    KNOWN_VERBS,
    LEGAL_ACTIONS,
    MAKERS,
    MANY_STATES,
    MEDIATING_VERBS,
    NAME_LINKS,
    NO_AGENT_HEADS,
    OBJECT_NOUNS,
    OBJECT_PREPS,
    PAIRS,
    PERSONS_BOUND_PRONOUNS,
    PLACE_PREPS,
    RECIPROCALS,
    RELATION_NOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    RESPONSES,
    REVERSING_VERBS,
    SENDING_VERBS,
    STANCES,
    STATEMENT_NOUNS,
    STRIKING_VERBS,
    TOPIC_VERBS,
    UNDER_FIRE,
    UNPLACED,
    VENUE_WORDS,
    VERB_TRIGGERS,
    VESSELS,
    WEAPON_WORDS,
)
from spiral.records import Entity, Event

# a phrase they open tells where or when an event happened, not whom it was aimed at
WHERE_OR_WHEN_PREPS = frozenset(PLACE_PREPS | BACKGROUND_PREPS)


def coordinated(subject: list[Token]) -> set[str]:
    """The sides a subject names as members of one coordination ("Mali, Niger and Burkina
    Faso", "the US and Britain"), each by its own name."""
    doc = subject[0].doc if subject else None
    return {a.code for t in subject if t.dep_ == "conj" or any(
        c.dep_ == "conj" for c in t.children) for a in actors_in(doc, _phrase(t))} \
        if doc is not None else set()


def coordinated_targets(token: Token) -> set[str]:
    """The sides the trigger's objects name as members of one coordination, each by the
    member's own words ("recalled its envoys from Chile and Peru", "summoned the Chilean and
    Peruvian ambassadors", "demanded that Chile, Peru and Bolivia withdraw ..."); not sides named
    deeper in acts that are coordinated ("the delivery of drones to Chile and their use against
    Peru"), nor places coordinated ("strikes in Chile and Peru" tell where)."""
    told = [t for clause in token.children if clause.dep_ in ("xcomp", "ccomp")
            for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in _phrase(c)]
    members = [t for t in _object_tokens(token) + told
               if (t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children))
               and getattr(_nearest_prep(t), "lower_", "") not in PLACE_PREPS]
    return {a.code for t in members for a in actors_in(token.doc, [t, *(
        c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod"))])}


# what each sentence's triggers share, kept per document by the sentence's first token
_VENUES = "spiral.venues"
_GO_BETWEENS = "spiral.go_betweens"
_BOUND = "spiral.bound_pronouns"


def maker_of_told_act(told: Iterable[Event], actors: list[Entity]) -> list[Entity]:
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


def maker_of_clause(noun: Token, actors: list[Entity]) -> list[Entity]:
    """Who acts in the clause a renaming noun hangs on ("Japan removed Seoul from the list, a
    decision ...": Japan), another side than `actors`, where no event was read from it."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "cancelled the events, a decision ...", "in an incident ..."
    own = {a.code for a in actors}
    return [a for a in actors_in(noun.doc, named_part(subject_tokens(verb)))
            if a.code and a.code not in own][:1]


def addressed_by_its_clause(token: Token, actors: list[Entity]) -> list[Entity]:
    """'told the US to stop arming Kyiv, warning of consequences': a warning added to a clause
    that addresses a side warns that side (the object of the clause's verb, through the verbs it
    asks of)."""
    if token.dep_ != "advcl":
        return []
    head = token.head
    while head.dep_ == "xcomp" and head.head.i != head.i:
        head = head.head
    own = {a.code for a in actors}
    addressed = [t for c in head.children if c.dep_ in ("dobj", "dative") for t in _phrase(c)]
    return [a for a in actors_in(token.doc, addressed) if a.code and a.code not in own][:1]


def last_assailant(token: Token, earlier: list[Event], actors: list[Entity]) -> list[Entity]:
    """Who last used force against the threatening side, in the sentences just before (or
    earlier in its own)."""
    own = {a.code for a in actors if a.code}
    return referred_agent(token, earlier, actors, lambda event: (
        event.event_type in FORCEFUL and not event.hypothetical and not event.negated
        and bool(own & {r.code for r in event.recipient})))


def referred_agent(token: Token, earlier: list[Event], actors: list[Entity],
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


def named_pair(doc: Doc, subject: list[Token], actors: list[Entity]) -> bool:
    """Both sides are named in the subject ("Thailand and Cambodia"), not taken from the
    sentences before ("the two countries"), where which was named first is not the sentence's
    word."""
    named = {a.code for a in actors_in(doc, named_part(subject))}
    return all(a.code in named for a in actors)


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
        actors = actors_in(sentence.doc, [t for a in attackers for t in a.subtree])
        if actors:
            hit = actors_in(sentence.doc, subject) or [
                _located(sentence, _unresolved(subject), within=subject)] if subject else []
            return actors, [h for h in hit if h.code]
    sides = _between(token)
    if len(sides) == 1:
        # "clashes between the army and the RSF": one side acts on the other, even two forces
        # of one country
        first = actors_in(sentence.doc, [t for t in _phrase(sides[0])
                                          if t.i not in {c.i for c in sides[0].conjuncts}])
        second = actors_in(sentence.doc, _phrase(sides[0].conjuncts[0])) \
            if sides[0].conjuncts else _named_after_and(sides[0])
        if first and second:
            return first[:1], second[:1]
    named = named_part(subject)
    sides = [t for t in named if not _of_a_firm(t)]
    actors = actors_in(sentence.doc, sides) or actors_in(
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


def at_home(sentence: Span, token: Token, actors: list[Entity],
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
               or t.tag_ == "DT" or names_nobody(t) or _of_a_firm(t)
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


def names_nobody(head: Token) -> bool:
    """'Monday', '26', 'the attack': a phrase head no side can stand behind."""
    return head.like_num or head.lemma_.lower() in NO_AGENT_HEADS


def placed_target(sentence: Span, token: Token, subject: list[Token], event_type: str,
                   actors: list[Entity]) -> list[Entity]:
    """'police dispersed demonstrators', 'students staged demonstrations', 'lifted the curfew':
    an unnamed target, or a protest, is where the sentence places it (CAMEO codes domestic
    events to the country's own code); outside what a state does at home (`DOMESTIC`), the
    words naming the actor never place its target: a force does not strike or march on its own
    country ('Russian troops captured the village', 'Venezuela sent troops to the coast'), nor
    does a speaker's own name place whom it addresses ('the Guyanese ministry demanded the
    release of the crew'), nor does the venue of talks ('met ... in Paris to discuss security')."""
    if aimed_at_many_states(token, event_type):
        return []  # "urged the international community to ...": no place names them
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
    """Where the sentence places the target the phrases under `heads` name (`placed_target`);
    nowhere when one is a ship or the open sea (`AT_SEA`), unless forces are withdrawn from it
    (whose waters they leave is whom they pull back from: "pulled its warships out of the sea
    off Peru")."""
    if event_type != "RETREAT" and any(head.lemma_.lower() in AT_SEA for head in heads):
        return []
    # what a force fires is aimed somewhere: "Russia launched an ICBM, Ukraine's air force said"
    unplaced = UNPLACED - WEAPON_WORDS if event_type == "ASSAULT" else UNPLACED
    targets = _not_the_doers([t for head in heads if head.lemma_.lower() not in unplaced
                              and not names_nobody(head) for t in _phrase(head)])
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
    reporter = [t for s in speaker_tokens(token) for t in s.subtree]
    if event_type not in DOMESTIC and {r.code for r in actors_in(sentence.doc, reporter)} & {
            a.code for a in actors}:
        own |= {t.i for t in reporter}
    placed = _located(sentence, _unresolved(targets) if targets else Entity("", "", ""),
                      skip=own | _go_betweens(token) | _venues(sentence)
                      | _hosts(token, event_type) | _topic(token))
    return [placed] if placed.code else []


def _hosts(token: Token, event_type: str) -> frozenset[int]:
    """Where forces are moved or stationed, hung on the trigger or on what it moves ("stationed
    ten jets in Belarus", "a submarine arrived in a Korean port"): the host is no target, but a
    side the place is told by is ("in regions near Russia": words under a further phrase are
    kept, and a border is told by whom it faces: "at the Bolivian border"; `HOST_PREPS`)."""
    if event_type != "MOBILIZE":
        return frozenset()
    moved = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))]
    return frozenset(t.i for head in moved for p in head.children
                     if p.dep_ == "prep" and p.lower_ in HOST_PREPS and not any(
                         o.lemma_.lower() in BORDERS for o in p.children)
                     for t in p.subtree if _nearest_prep(t) == p)


def _nearest_prep(token: Token) -> Token | None:
    """The closest preposition the token hangs under (itself, if it is one), a coordinated one
    too ("in Crimea and at the border")."""
    return next((t for t in (token, *token.ancestors) if t.pos_ == "ADP"), None)


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


def alerted(verb: Token) -> bool:
    """The verb puts or keeps its subject (or a passive's) on alert: 'on' a state of alert or
    readiness, or alert, readiness or vigilance as its object (`ALERT_VERBS`, `ALERT_NOUNS`)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ALERT_VERBS:
        return False
    held = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "into")
            for o in c.children if o.dep_ == "pobj"]
    if verb.lemma_.lower() in ALERT_RAISING_VERBS:
        held += [c for c in verb.children if c.dep_ == "dobj"]
    return any(n.lemma_.lower() in ALERT_NOUNS for o in held
               for n in (o, *compounds(o), *of_objects(o)))


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
            for n in (token, *of_objects(token)) for c in n.children)


def noun_agent(noun: Token) -> list[Token]:
    """Who a nominal event is by: its possessor ("Russia's attack"), a modifier naming a side
    ("the Russian offensive", "the Hamas attack"), or a by-phrase ("exercises by Seoul")."""
    owner = [t for c in noun.children if c.dep_ == "poss" and (c.pos_ == "PRON" or code_at(c))
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


def code_at(token: Token) -> str:
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


def in_background(noun: Token) -> bool:
    """'after the attack', 'amid the invasion', 'in response to the strikes': a nominal event
    the sentence tells around the one it reports, whose date and target are its own words'."""
    return noun.pos_ == "NOUN" and (noun.head.lower_ in BACKGROUND_PREPS or (
        noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in RESPONSES))


def compounds(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "compound"]


def of_objects(noun: Token) -> list[Token]:
    """'a series of attacks', 'ten days of talks', '$50 million in aid': what the noun counts."""
    counted = ("of", "in") if noun.pos_ == "NUM" or noun.lemma_.lower() in AMOUNTS else ("of",)
    return [o for c in noun.children if c.dep_ == "prep" and c.lower_ in counted
            for o in c.children if o.dep_ == "pobj"]


def subject_tokens(token: Token) -> list[Token]:
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
                token.lemma_.lower() in STANCES or alerted(token))):
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
        return _gerund_agent(token) or subject_tokens(token.head.head)
    if _joint(token):  # "the army acted in coordination with ...": whoever acted
        return subject_tokens(token.head.head)
    if token.dep_ == "ROOT" and token.pos_ == "VERB" and not any(
            c.dep_ in ("nsubjpass", "expl", "csubj") for c in token.children):
        return _stranded_subject(token)
    if token.pos_ == "NOUN" or _between(token):  # "Palestinian riots", "fighting between ..."
        if token.pos_ == "NOUN" and not _between(token) and (agent := noun_agent(token)):
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
            owner = noun_agent(token.head)
            if owner or token.head.dep_ not in ("dobj", "pobj"):
                return owner
            # "the PKK issued a declaration demanding ...": who issued it demands
            holder = token.head.head if token.head.dep_ == "dobj" else token.head.head.head
            return subject_tokens(holder)
        if token.dep_ == "ccomp":
            return []
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in CAUSATIVE_VERBS:
            # "warnings forced Ankara to abandon the operation": whom they forced does it
            made = [t for c in token.head.children if c.dep_ == "dobj" for t in c.subtree]
            if made:
                return made
        if token.dep_ == "advcl" and token.tag_ == "VBG" and (issuer := _issuer_of_described(token)):
            return issuer  # "discussed a complaint lodged by Sudan, alleging aggression"
        found = subject_tokens(token.head)
        if token.head.lemma_ == "be" and [t.lower_ for t in found] in (["this"], ["it"], ["that"]):
            # "This is Turkey's third offensive, targeting ...": the offensive's agent acts
            found = [a for c in token.head.children if c.dep_ == "attr"
                     for a in noun_agent(c)] or found
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
            for o in p.children if o.dep_ == "pobj" for t in noun_agent(o)]


def named_part(subject: list[Token]) -> list[Token]:
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


# how many sentences back "the two countries" finds its pair: a report names the two sides,
# tells their quarrel for some sentences, then "both agreed" (one sentence back missed it in
# AB, U, V and W)
PAIR_LOOKBACK = 8


def _pair_named_before(subject: list[Token]) -> list[Entity]:
    """'both sides', 'the two countries': the last two sides named before them, in their
    sentence or the `PAIR_LOOKBACK` before (two forces of one country, in a civil war)."""
    # "the two nuclear-armed neighbours": the pair's words without its describing adjectives
    heads = phrase_heads(subject)
    words = " ".join(t.lower_ for t in subject
                     if t in heads or t.dep_ in ("det", "nummod", "predet", "preconj"))
    if not subject or words not in PAIRS:
        return []
    doc, sentence = subject[0].doc, subject[0].sent
    first = sentence
    for _ in range(PAIR_LOOKBACK):
        if first.start == 0:
            break
        first = doc[first.start - 1].sent
    sides: list[Entity] = []
    for start, end, _ in reversed(doc._.actor_mentions):
        if not first.start_char <= start or not end <= subject[0].idx:
            continue
        named = doc.char_span(start, end, alignment_mode="expand")
        if named is not None and named.root.head.lower_ in PLACE_PREPS:
            continue  # "fighting in Khartoum": a place, not a side
        entity = entity_at(doc, start, end)
        if entity is not None and entity.code \
                and not any(_one_state(entity, side) for side in sides):
            sides.insert(0, entity)
        if len(sides) == 2:
            return _speaker_first(subject, sides)
    return []


def _one_state(entity: Entity, side: Entity) -> bool:
    """'Nepal' and its prime minister are one side of a pair; the army and a militia of one
    country are two (a civil war's sides)."""
    return entity.entity_name == side.entity_name or (
        entity.code == side.code and {entity.sector, side.sector} <= STATE_SECTORS | {""})


def _speaker_first(subject: list[Token], sides: list[Entity]) -> list[Entity]:
    """'After a call with Putin, Trump said the two leaders would meet': the side that tells
    what the pair does leads it, wherever it was named."""
    speaker = {e.code for e in actors_in(subject[0].doc, speaker_tokens(subject[0].head))}
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
    if event_type == "ACCUSE" and _addresses_many_states(token):
        # "criticised Western countries for sending tanks to Kyiv": many states named by no side
        # are reproached, not the side their deeds reach (the groups of AA, AB, I, O and W code
        # no target)
        return []
    own = _bound_by_subject(token, subject, event_type)

    def others(tokens: list[Token]) -> list[Entity]:
        # "condemned the Russian missile strikes": whose weapons struck is whom it is aimed at
        return [r for r in actors_in(doc, [t for t in _not_the_doers(tokens) if t.i not in own])
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
    # what is discussed names no partner of the talks ("discussed the chance of Lima renewing")
    forums |= _go_betweens(token) | _hosts(token, event_type) | _topic(token)
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
    found = [r for r in actors_in(doc, hit, weapons=True)
             if r.code and all(r.code != a.code for a in actors)]
    if found:
        return found
    for clause in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
        named = [t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                 for t in _phrase(c)] + _object_tokens(clause)
        if found := others([t for t in named if t.i not in forums]):
            return found
    taken = {t.i for t in subject} | settings | forums | _clauses_of_their_own(token) | \
        _cited(token.sent) | _charge(token)
    # an event told as background ("after the attack of 7 October that killed ...") is aimed
    # only where its own phrase says: the clauses around it tell other events
    under = _phrase(token) if in_background(token) else token.subtree
    found = others([t for t in under if t.i not in taken and t.i != token.i])[:1]
    if event_type == "REQUEST" and _asks_many_states(token):
        # nor at a side named deeper in what many states are asked to do, but at the body they
        # make up ("called on its allies to invite Kyiv to join NATO")
        return [r for r in found if r.code == "IGO"]
    return found


def _charge(token: Token) -> frozenset[int]:
    """What a verb of accusing says its object did ("accused the governor of striking a deal
    with the rebels"): the accused is whom the accusation is aimed at, and the sides named in
    the charge are not, when the accused is named at all (`ACCUSING_VERBS`)."""
    if token.lemma_.lower() not in ACCUSING_VERBS or not any(
            c.dep_ == "dobj" for c in token.children):
        return frozenset()
    return frozenset(t.i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                     for t in p.subtree)


def _topic(token: Token) -> frozenset[int]:
    """The object of a verb of discussing ("discussed the chance of Lima renewing the deal"): what
    is talked about, not with whom (`TOPIC_VERBS`); the partner is named with "with", which the
    parser may hang on the object ("discussed the accord with his Peruvian counterpart")."""
    if token.lemma_.lower() not in TOPIC_VERBS:
        return frozenset()
    partners = {t.i for c in token.children if c.dep_ == "dobj" for p in c.subtree
                if p.dep_ == "prep" and p.lower_ == "with" for t in p.subtree}
    return frozenset(t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree
                     if t.i not in partners)


def _asks_many_states(token: Token) -> bool:
    """The trigger asks many states, named by no side, to act ("pleaded with its allies to let
    Kyiv fire ...", "urges all signatories to offer help", "asked foreign countries to keep
    calm", "urged the international community to condemn ..."): it addresses them
    (`_addresses_many_states`) and governs what they are to do in an infinitive. Such a request
    is aimed at nobody: not at a side named in what they are asked to do (the groups of W, S and
    G code none; A codes the target of sanctions asked for), nor at a place of the sentence.
    Peoples and people ("called on Arabs to unite against ...", "pressed workers to call off the
    strike") are no such many: PLOVER's gold codes what they are asked to act on."""
    return _addresses_many_states(token) and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                      for a in c.children)
        for c in token.children)


def aimed_at_many_states(token: Token, event_type: str) -> bool:
    """A request asking many states named by no side to act (`_asks_many_states`), or a
    reproach of them (`_addresses_many_states`)."""
    return (event_type == "REQUEST" and _asks_many_states(token)) or (
        event_type == "ACCUSE" and _addresses_many_states(token))


def _addresses_many_states(token: Token) -> bool:
    """Whom the trigger addresses or reproaches, its object, the owner of its object ("the
    West's arms deliveries") or the object of "on", "upon", "with" or "to", is a plural of
    `COLLECTIVES` ("Western countries", "its allies") or a word of `MANY_STATES` ("the West",
    "the international community")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    addressed = objects + [p for o in objects for p in o.children if p.dep_ == "poss"] + [
        o for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "with", "to")
        for o in c.children if o.dep_ == "pobj"]
    return any(h.pos_ in ("NOUN", "PROPN") and (h.lemma_.lower() in MANY_STATES or (
        h.tag_ in ("NNS", "NNPS") and h.lemma_.lower() in COLLECTIVES)) for h in addressed)


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


def _phrase(head: Token) -> list[Token]:
    """A noun phrase without the clauses and appositions hanging off it."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS:
            tokens.extend(_phrase(child))
    return tokens


def actors_in(doc: Doc, tokens: list[Token], *, weapons: bool = False) -> list[Entity]:
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
        and code_at(before) != ""


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
                    for n in (c, *of_objects(c))]  # "one third of the guerrillas"
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


def _claimant(token: Token, actors: list[Entity]) -> list[Entity]:
    """Who claims or alleges that another actor did what the token says, if anyone."""
    claim = next((a for a in token.ancestors if a.lemma_ in CLAIM_VERBS), None)
    if claim is None or not any(a.code for a in actors):
        return []
    claimants = actors_in(token.doc, named_part(subject_tokens(claim)))
    return claimants[:1] if claimants and all(
        c.code != a.code for c in claimants[:1] for a in actors) else []


def speaker_tokens(token: Token) -> list[Token]:
    """The subject of the speech verb the token's clause is reported under, if any."""
    for ancestor in token.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            return subject_tokens(ancestor)
        if ancestor.lemma_.lower() in STATEMENT_NOUNS and ancestor.dep_ == "dobj":
            return subject_tokens(ancestor.head)  # "issued a reminder to Iraq that it must"
    return []
