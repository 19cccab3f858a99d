"""Whether the party read as a red line's declarer can hold it: a line is drawn against another.

A consequence whose act falls on the declarer's own side, named as the act's direct object
("would strike Ruvia" read as Ruvia's line, "would defend Ruvia" as Ruvia's, "we could seize
him" of a coup leader about his own president), is not the declarer's line against anyone: the
declarer was resolved to the party the act threatens or protects (a quotation running over
several sentences, a treaty partner named first), or the threat is domestic. The sentence's own
subject, when it names another party, holds the line ("the general ordered his troops to
destroy Ruvia if provoked"); else no one resolved does. What harms the declarer itself in a
judgement ("a blockade would be a step threatening Ruvia's survival") names it as possessor, not
as the object of the consequence's act.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from spiral.nlp.actors import entity_at
from spiral.nlp.speakers import resolve
from spiral.records import Entity


def undergoes(doc: Doc, sentence: Span, consequence: str, declarer: Entity) -> bool:
    """Whether a name of the declarer's side is the direct object of a verb of the consequence
    (the verb as the red-line finder wrote it, one of its words)."""
    said = consequence.split()
    for first, last, _ in doc._.actor_mentions:
        if not sentence.start_char <= first < sentence.end_char:
            continue
        mention = doc.char_span(first, last, alignment_mode="expand")
        entity = entity_at(doc, first, last)
        if mention is not None and entity is not None and entity.code == declarer.code \
                and mention.root.dep_ == "dobj" and mention.root.head.text in said:
            return True
    return False


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
