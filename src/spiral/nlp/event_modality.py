"""How an event is told: negated, hypothetical, conditional, alleged or intended, and the mode as
stated."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.nlp.event_lexicon import (
    AERIAL_WORDS,
    ALLEGATION_NOUNS,
    ALLEGING_ADVERBS,
    BACKGROUND_PREPS,
    BELIEF_VERBS,
    CALLING_OFF_VERBS,
    CHARGED_IN,
    CLAIM_VERBS,
    CONDITIONAL_MODALS,
    COOPERATIVE,
    DECIDING,
    ENABLING_WORDS,
    FORCEFUL,
    INTENT_VERBS,
    MATERIAL_ACTS,
    MISSILE_WORDS,
    MODALS,
    NEGATING_VERBS,
    NUCLEAR_WORDS,
    OFFERING_WORDS,
    PARTAKING_VERBS,
    POSSIBILITIES,
    PREPARING_VERBS,
    PREVENTING_VERBS,
    PROSPECTIVE_MODIFIERS,
    PROSPECTS,
    REACTIONS,
    RENAMING_MARKS,
    RENAMING_NOUNS,
    SENDING_VERBS,
    SETTING_PREPS,
    SPEECH_VERBS,
    STATEMENTS,
    VISITS,
    WISHES,
)
from spiral.nlp.event_participants import (
    _phrase,
    actors_in,
    speaker_tokens,
    verb_lemma,
)
from spiral.nlp.event_senses import (
    condition_clauses,
    conditioned,
    container,
    event_trigger,
    judged,
    obliged,
    obliged_by_modal,
)
from spiral.records import Entity


def renaming_noun(token: Token) -> Token | None:
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


def as_stated(token: Token, event_type: str, mode: str, actors: list[Entity],
               recipients: list[Entity]) -> tuple[str, str, list[Entity], list[Entity], bool, bool]:
    """PLOVER's conventions for what is said rather than done: (type, mode, actors, recipients,
    negated, hypothetical)."""
    hypothetical = _hypothetical(token) or _aimed_at(token)
    negated = _negated(token)
    speaker = speaker_tokens(token)
    if obliged(token) and speaker:
        # "Straw said Sudan must reach an agreement": the speaker asks it of Sudan
        asked = [a for a in actors if a.code]
        actors = actors_in(token.doc, speaker) or actors
        recipients = [a for a in asked if all(a.code != b.code for b in actors)]
        event_type, mode, hypothetical = "REQUEST", "", False
    elif obliged_by_modal(token) and not negated:
        # "Norway must mediate between them", "his stance is that Lima must recognise the
        # claim": with nobody saying it, an act owed is not done
        hypothetical = True
    elif event_type in ("AGREE", "CONCEDE") and negated:
        # "failed to reach agreement", "will not accept": a rejection, not a non-event
        event_type, mode, hypothetical, negated = "REJECT", "", False, False
    elif not negated and _conditional_future(token, speaker):
        # "will withdraw its force unless ...": a conditional threat; "would meet him if he gave
        # them a veto": a conditional offer
        offer = event_type in COOPERATIVE and not conditioned(token, ("unless",))
        event_type, mode = ("AGREE", "") if offer else ("THREATEN", "")
        hypothetical = False
        if not recipients and not offer:
            # "will strike if Hezbollah breaks the truce": aimed at whom the condition names
            recipients = conditioned_side(token, actors)
    elif not negated and event_type == "CONSULT" and _intended(token, speaker) \
            and not _offered(token) and verb_lemma(token) not in VISITS:
        # "will hold talks in Qatar on Saturday", "will meet top diplomats in Geneva today",
        # "plans to convene": a meeting planned, not yet held, and no agreement either (unlike
        # "is ready to talk", an offer)
        hypothetical = True
    elif not negated and event_type in MATERIAL_ACTS and _intended(token, speaker):
        # "will deploy more jets to the region", "is prepared to station a brigade in
        # Lithuania": a deployment to come, as the annotators code it, not a threat told as
        # made; where the forces are to go is no side acted on yet
        hypothetical, recipients = True, []
    elif not negated and event_type not in STATEMENTS and _intended(token, speaker):
        # "Finland will give Tanzania a grant": a stated intent, PLOVER's AGREE (or a THREATEN
        # when what is intended is force); "plans to ask", "will reject": a statement not yet
        # made keeps its type and stays hypothetical
        event_type, mode = ("THREATEN", "") if event_type in FORCEFUL else ("AGREE", "")
        hypothetical = False
    return event_type, mode, actors, recipients, negated, hypothetical


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


def conditioned_side(token: Token, actors: list[Entity]) -> list[Entity]:
    """Another side than `actors` named as the subject of an if/unless clause of the token or
    of the clause it says ('will strike if Hezbollah breaks the truce', 'warned it would
    resume the launches unless Seoul stopped')."""
    said = [token, *(c for c in token.children if c.dep_ in ("ccomp", "xcomp"))]
    subjects = [t for v in said for c in condition_clauses(v)
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for t in _phrase(s)]
    return [a for a in actors_in(token.doc, subjects)
            if all(a.code != b.code for b in actors)][:1]


def _conditional_future(token: Token, speaker: list[Token]) -> bool:
    """'will/would/may/could X if/unless Y', 'is willing to X if Y' said by someone
    (`speaker`): a threat or an offer ("said it could strike the port if war broke out", "said
    troops could be sent if a deal was signed")."""
    return bool(speaker) and conditioned(token) and (_willing(token) or any(
        c.dep_ == "aux" and c.lower_ in CONDITIONAL_MODALS for c in token.children))


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
    if conditioned(token):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in token.children):
        return True
    if speaker and any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
        return True  # reported future: "Palestinian leaders said they would boycott ..."
    return _willing(token)


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children) or _denied_alternative(token):
        return True
    if token.pos_ == "VERB" and any(c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children)
                                    for c in token.children):
        return True  # "gave no approval"
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "left without signing the deal"
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True  # "there have been no talks between them", "no agreement was reached"
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
    if _partaking_denied(token):
        return True
    head = token
    while head.dep_ in ("xcomp", "ccomp"):
        head = head.head
        if head.lemma_ in NEGATING_VERBS or any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def _partaking_denied(token: Token) -> bool:
    """The trigger is what a negated verb of taking part has its "in" phrase name ("has not
    joined its allies in sanctioning Lima", "is not engaged in a war with Lima", "has never
    engaged in any alliance with"): the side took no part in it (`PARTAKING_VERBS`)."""
    if token.dep_ not in ("pobj", "pcomp") or token.head.lower_ != "in":
        return False
    verb = token.head.head
    return verb.lemma_.lower() in PARTAKING_VERBS and any(c.dep_ == "neg" for c in verb.children)


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
    if _is_conditional(token) or (token.lemma_ in PREPARING_VERBS and not judged(token)):
        return True  # "considering sanctions"; not "considers the seizure an act of piracy"
    if any(c.dep_ == "advmod" and c.lower_ in ALLEGING_ADVERBS for c in token.children):
        return True  # "the group allegedly carried out ten attacks": not confirmed
    if token.pos_ == "NOUN" and any(m.dep_ == "amod" and m.lower_ in PROSPECTIVE_MODIFIERS
                                    for n in (token, container(token)) for m in n.children):
        return True  # "a feared fresh round of raids by the rebels", "the planned drills"
    if _wished_for(token):
        return True  # "voiced his desire for a meeting between them", "a push for talks"
    prospect = _prospect_renamed(token)
    if prospect is not None and not _decision_taken(prospect):
        return True  # "Sweden's bid to join NATO", "a plan to send troops"
    if _charged(token):
        return True  # "accused Israel of detonating pagers, killing nine": all of it alleged
    if _possible_only(token):
        return True  # "briefed them on the possibility of an attack by Lima"
    if any(_told_before(clause) for clause in (token, *token.ancestors)):
        return False  # "will hold talks a day after Islamabad launched strikes": it happened
    if renaming_noun(token) is not None and (event_trigger(token) or ("",))[0] in REACTIONS:
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


def _charged(token: Token) -> bool:
    """The token is in what a charge names: the gerund of the "of" phrase of a verb of charging
    or of the "for" phrase of a verb of blame (`CHARGED_IN`), hung on the verb or its object
    ("accused Lima of arming the rebels", "blamed Quito for shelling the border posts")."""
    return any(node.dep_ == "pcomp" and node.head.lower_ in CHARGED_IN and any(
        a.lemma_.lower() in CHARGED_IN[node.head.lower_] for a in list(node.head.ancestors)[:2])
        for node in (token, *token.ancestors))


def _possible_only(token: Token) -> bool:
    """The token, or the clause it is the object of, is what the "of" phrase of a noun of
    possibility names (`POSSIBILITIES`): "the possibility of an attack", "the risk of
    widening the war"; a clause with a subject of its own is told for itself."""
    for node in (token, *token.ancestors):
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "of":
            return node.head.head.lemma_.lower() in POSSIBILITIES
        if node.dep_ not in ("dobj", "pcomp", "pobj", "prep") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False
    return False


def _prospect_renamed(token: Token) -> Token | None:
    """The noun of a prospect (`PROSPECTS`) whose content a to-infinitive tells: its head ("a
    plan to send troops"), or the noun just before its "to" where the parser hung the clause on
    the verb above ("responded to their demands to crack down on the group and shut its
    outlets", each verb of the clause)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    if token.dep_ in ("acl", "advcl") and token.head.lemma_.lower() in PROSPECTS:
        return token.head
    if to.i != token.i - 1 or to.i == token.sent.start:
        return None
    before = token.doc[to.i - 1]
    return before if before.pos_ == "NOUN" and before.lemma_.lower() in PROSPECTS else None


def _wished_for(token: Token) -> bool:
    """The token is what a wish is "for" (`WISHES`): "a push for talks", or with the "for"
    phrase hung on the verb whose object the wish is ("voiced his desire for a meeting")."""
    if token.dep_ != "pobj" or token.head.lower_ != "for":
        return False
    holder = token.head.head
    wishes = [holder] if holder.pos_ == "NOUN" else [
        c for c in holder.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return any(w.lemma_.lower() in WISHES for w in wishes)


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
