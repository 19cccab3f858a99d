"""Whether the party read as a red line's declarer can hold it: a line is drawn against another.

A consequence whose act falls on the declarer's own side, named as the act's direct object
("would strike Ruvia" read as Ruvia's line, "would defend Ruvia" as Ruvia's, "we could seize
him" of a coup leader about his own president), is not the declarer's line against anyone: the
declarer was resolved to the party the act threatens or protects (a quotation running over
several sentences, a treaty partner named first), or the threat is domestic. The sentence's own
subject, when it names another party, holds the line ("the general ordered his troops to
destroy Ruvia if provoked"); else no one resolved does. Not so a party's own forces ("would
send troops"), its own defence of itself ("we will use every means to protect Ruvia"), nor a
harm to it in a judgement ("a step threatening Ruvia's survival": a possessor, not an object).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from spiral.nlp.actors import entity_at
from spiral.nlp.red_line_lexicon import DEFENDING_VERBS, OWN_PRONOUNS
from spiral.nlp.speakers import resolve
from spiral.records import Entity


def undergoes(doc: Doc, sentence: Span, consequence: str, declarer: Entity) -> bool:
    """Whether a name of the declarer's side, other than its forces, is the direct object of a
    verb of the consequence (the verb as the red-line finder wrote it, one of its words)."""
    said = consequence.split()
    for first, last, _ in doc._.actor_mentions:
        if not sentence.start_char <= first < sentence.end_char:
            continue
        mention = doc.char_span(first, last, alignment_mode="expand")
        entity = entity_at(doc, first, last)
        # its own forces are what a party acts with ("would send troops"), not what it acts on
        if mention is None or entity is None or entity.code != declarer.code \
                or entity.sector == "MIL" or mention.root.dep_ != "dobj":
            continue
        act = mention.root.head
        # what a party does to defend its own is no act on it ("we will use every means to
        # protect Russia"); another's defence of it is ("the United States would defend Japan")
        if act.text in said and not (act.lemma_ in DEFENDING_VERBS and _by_own(doc, act, declarer)):
            return True
    return False


def _by_own(doc: Doc, act: Token, declarer: Entity) -> bool:
    """Whether an act's doer (its subject, or that of the verb it completes) is the declarer's
    side: a name of its country or a pronoun of its own ("we", "it")."""
    while (subject := next((c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)) is None:
        if act.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or act.head.i == act.i:
            return True  # no doer said: the declarer's own act
        act = act.head
    entity = entity_at(doc, subject.idx, subject.idx + len(subject.text))
    return entity.code == declarer.code if entity is not None else subject.lower_ in OWN_PRONOUNS


def other_holder(doc: Doc, sentence: Span, declarer: Entity) -> Entity | None:
    """The party the sentence's main verb has as its subject, when it is not the declarer's side
    ("Kim ordered his army to destroy Ruvia if provoked" is Kim's line, whoever the quotation
    around it was given to)."""
    root = sentence.root
    for subject in (c for c in root.children if c.dep_ == "nsubj"):
        holder = entity_at(doc, subject.idx, subject.idx + len(subject.text)) or resolve(
            doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "acl") or t.i == subject.i])[0]
        if holder is not None and holder.code and holder.code != declarer.code:
            return holder
    return None
