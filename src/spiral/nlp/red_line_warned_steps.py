"""The rules for a step warned against or refused, read by lemma: "cannot tolerate attacks on our
ships", "warned the rebels not to approach the buffer zone", "warned Warsaw against any
provocation", "warned Minsk of grave consequences for its raid", "issued a warning to Beijing about
the consequences of any assistance"."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.nlp.red_line_clauses import any_such, future, names_party, written
from spiral.nlp.red_line_lexicon import (
    AGAINST_STEP,
    ANY_STEP,
    CONSEQUENCE_NOUNS,
    DEFINITE_STEP,
    PRONOUN,
    PUBLIC,
    RED_LINE,
    RESPONSE_NOUNS,
)


def not_allowed(verb: Token) -> list[tuple[str, str]]:
    """"No hostile force will be let to settle on our border", "cannot tolerate attacks
    on our ships": a step refused in the active voice, for the future."""
    children = list(verb.children)
    if not any(c.dep_ == "neg" for c in children) \
            or any(c.dep_ == "auxpass" for c in children) or not (
                future(verb) or any(c.lower_ in ("can", "ca", "cannot") for c in children)):
        return []
    # the step: what may not happen, a clause ("any force to settle on our border"), any
    # such step ("any further provocation") or a step of a party named ("Iranian bases in
    # Syria"); a bare noun ("would not tolerate blackmail") is a stance, not a line
    step = [t for c in children if c.dep_ in ("dobj", "ccomp", "xcomp") for t in c.subtree]
    if not step or PRONOUN.match(written(step)) or DEFINITE_STEP.match(written(step)) or not (
            any(c.dep_ in ("ccomp", "xcomp") for c in children)
            or any(t.dep_ == "relcl" or t.dep_ == "acl" for t in step)
            or ANY_STEP.match(written(step)) or names_party(step)):
        return []
    refusal = [c for c in children if c.dep_ in ("aux", "neg")] + [verb]
    return [(written(step), written(refusal))]


def warned_not_to(verb: Token) -> list[tuple[str, str]]:
    """"Israel warned the rebels not to approach the buffer zone": who was warned, doing what
    they were warned not to do, is the step; the warning is the line."""
    warned = next((c for c in verb.children if c.dep_ == "dobj"), None)
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                and any(g.dep_ == "neg" for g in c.children)
                and any(g.lower_ == "to" for g in c.children)), None)
    if warned is None or act is None or PRONOUN.match(warned.text) \
            or warned.lemma_.lower() in PUBLIC:
        return []  # "warned residents not to return" is advice, not a line
    step = list(warned.subtree) + [t for t in act.subtree if t.dep_ not in ("neg", "aux")
                                   or t.head.i != act.i]
    warning = [c for c in verb.children if c.dep_ in ("aux", "neg")] + [verb]
    return [(written(step), f"{written(warning)} not to {act.lemma_}")]


def warned_against(verb: Token) -> list[tuple[str, str]]:
    """"Minsk warned Warsaw against any provocation on the border", "warns Washington against
    crossing red lines": any such step by whom it warns is the line ("warned against
    complacency" names no step and no one)."""
    warned = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if warned is None or PRONOUN.match(warned.text) or warned.lemma_.lower() in PUBLIC:
        return []
    # any such step, or crossing a red line ("warns Washington against crossing red lines")
    step = next((o for p in (*verb.children, *warned.children) if p.dep_ == "prep"
                 and p.lower_ == "against" for o in p.children if o.dep_ == "pobj"
                 and any(d.lower_ in AGAINST_STEP for d in o.children
                         if d.dep_ in ("det", "amod"))
                 or o.dep_ == "pcomp" and RED_LINE.search(written(list(o.subtree)))),
                None)
    if step is None:
        return []
    return [(f"{written(list(warned.subtree))} {written(list(step.subtree))}",
             f"{verb.text} against it")]


def warned_of(verb: Token) -> list[tuple[str, str]]:
    """"Ruvia warned Minsk of grave consequences for its raid": what the warned party
    did, or goes on doing, is the step; the consequences are the threat."""
    warned = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if warned is not None and warned.lemma_.lower() in PUBLIC:
        return []
    # the parser hangs "of consequences" on the verb or on whom it warns, and "over" on either
    threat = next((o for p in (*verb.children, *(warned.children if warned is not None else ()))
                   if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj" and o.lower_ in CONSEQUENCE_NOUNS), None)
    if threat is None:
        return []
    over = next((o for p in (*threat.children, *verb.children) if p.dep_ == "prep"
                 and p.lower_ in ("over", "for", "against") and p.i > threat.i
                 for o in p.children if o.dep_ == "pobj"), None)
    if warned is None and over is None:
        return []  # "warned of consequences": of what step, and for whom, is not said
    if warned is None:
        # "warned of strong countermeasures against the drills": the step is what they answer
        return [(written(list(over.subtree)), written([t for t in threat.subtree
                                                  if t.i not in {x.i for x in over.head.subtree}]
                                                 or [threat]))]
    step = written(list(over.subtree)) if over is not None \
        else f"{written(list(warned.subtree))} acts"
    consequence = [t for t in threat.subtree if over is None or t.i not in
                   {*(x.i for x in over.subtree), over.head.i}]
    return [(step, written(consequence))]


def warning_of(noun: Token) -> list[tuple[str, str]]:
    """"issued a warning to Beijing about the consequences of any assistance to Moscow", "its
    warning of a response to any attack": a warning told as a noun; any such step the
    consequences would follow is the condition."""
    if noun.pos_ != "NOUN":
        return []
    # the parser hangs "about ..." on the warning or on the verb that delivers it
    around = (*noun.children, *(noun.head.children if noun.dep_ == "dobj" else ()))
    threat = next((o for p in around if p.dep_ == "prep" and p.lower_ in ("of", "about")
                   for o in p.children if o.dep_ == "pobj"
                   and o.lemma_.lower() in CONSEQUENCE_NOUNS | RESPONSE_NOUNS), None)
    step = next((o for p in threat.children if p.dep_ == "prep"
                 and p.lower_ in ("of", "over", "for", "against", "to")
                 for o in p.children if o.dep_ == "pobj" and any_such(o)),
                None) if threat is not None else None
    if step is None:
        return []
    # "warnings of retaliation": the warning with what it warns of
    taken = {t.i for t in step.subtree} | {step.head.i}
    return [(written(list(step.subtree)),
             written([noun, threat.head, *(t for t in threat.subtree if t.i not in taken)]))]
