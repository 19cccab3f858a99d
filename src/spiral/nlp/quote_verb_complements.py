"""Where a cue verb's content lies: its clausal complement (up to the next cue of the same
speaker, with a second that-clause), a question or "so" or "yes" it governs, the object of its own
preposition, a relative pronoun it takes as object, a passive cue's subject and what it is taken
for, an attribution hung after its content; and the cue verb's own tokens outside the content."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.nlp.attribution_lexicon import (
    ADDRESSEE_CUES,
    ANSWERS,
    CUE_PARTICLES,
    EXPLETIVES,
    NO_ONE,
    NOT_STATEMENTS,
    PASSIVE_AGENT_EXCLUDED,
    PASSIVE_OPINION_PREPOSITIONS,
    REFUSALS,
    RELATIVE_PRONOUNS,
    TOPIC_CUES,
    WH_OBJECTS,
)
from spiral.nlp.quote_sources import first_cue, passive, trailing_speaker
from spiral.nlp.quote_spans import (
    ANY_CUES,
    APPENDIX_PUNCT,
    WH_TAGS,
    Inside,
    list_members,
    trimmed,
)
from spiral.nlp.speakers import SUBJECTS

OWN_COMPLEMENTS = ("dobj", "dative", "xcomp", "attr", "oprd")


def trailing(verb: Token) -> bool:
    """A cue verb with a subject of its own after a comma, hung as a clause coordinated with or
    modifying the clause before it, with no complement of its own: an attribution after its
    content ("..., the agency reported on Tuesday", "..., a spokesman told reporters")."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return verb.dep_ in ("conj", "advcl") and verb.tag_ in ("VBD", "VBZ", "VBP") \
        and verb.head.i < verb.i and subject is not None \
        and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].text in APPENDIX_PUNCT \
        and not any(c.dep_ in ("ccomp", "xcomp", "mark", "csubj", "oprd") or c.dep_ == "dobj"
                    and verb.lemma_.lower() not in ADDRESSEE_CUES for c in children)


def _so(verb: Token) -> Token | None:
    """"so" standing for a clause said before ("thinks so", "half said so in December"); not
    when no one says it ("no official has said so", "never said so")."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "neg") for c in verb.children) or any(
            t.lower_ in NO_ONE for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree):
        return None
    return next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "so"
                 and c.i > verb.i), None)


def _answer(verb: Token) -> Token | None:
    """"yes" or "no" said in answer ("Asked whether ..., 72 percent said yes")."""
    return next((c for c in verb.children if c.i > verb.i and c.lower_ in ANSWERS
                 and c.dep_ in ("intj", "dobj", "advmod") and not any(c.children)), None)


def relative_object(verb: Token) -> Token | None:
    """The relative pronoun that is a cue verb's object, when someone else is its subject
    ("the plan, which his rivals oppose": "which"; not "the man who opposes it"; "the bill
    that he supports" was annotated a cue less than half the time on PolNeAR train)."""
    if verb.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.tag_ not in WH_TAGS and c.lower_ not in RELATIVE_PRONOUNS
            for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i
                 and c.lower_ in WH_OBJECTS), None)


def passive_with_agent(verb: Token) -> Token | None:
    """The subject of a passive cue whose agent is named ("was criticized by his rivals"), but
    not of one that also tells of force or of a question ("was attacked by troops", "was asked
    by lawmakers": the subject is who was asked, not what)."""
    if verb.lemma_.lower() in PASSIVE_AGENT_EXCLUDED or not any(
            c.dep_ == "agent" for c in verb.children) or not any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i
                 and c.lower_ not in EXPLETIVES), None)


def taken_for(verb: Token) -> Token | None:
    """What a passive cue's subject is taken for ("is seen as a toss-up", "was deemed a
    failure")."""
    wanted = PASSIVE_OPINION_PREPOSITIONS.get(verb.lemma_.lower(), {"as"})
    return next((c for c in verb.children if c.i > verb.i and (
        c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ in wanted)), None)


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive cue without an agent, unless it is "it" or holds a clause of its
    own ("the event that Iran labeled as terrorism was described as ...": Iran's words)."""
    if not passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i
                 and c.lower_ not in EXPLETIVES and not any(
                     t.dep_ in ("relcl", "acl", "ccomp") and _has_subject(t)
                     for t in c.subtree)), None)


def _has_subject(clause: Token) -> bool:
    """A clause with a subject of its own ("that Iran labeled as terrorism"), not a participle
    or an infinitive on a noun ("the states voting next week", "his decision to run")."""
    return any(c.dep_ in SUBJECTS for c in clause.children)


def _clause(verb: Token) -> Token | None:
    """The verb's clausal complement in its own paragraph (the parser runs sentences over
    paragraph breaks), the one after it unless a quotation comes before it (the parser also
    hangs a clause of the subject from the verb: "Beck, who ... opposed Trump, said ...")."""
    doc = verb.doc  # not doc.text: it joins every token on each access
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not any(
        "\n" in t.text_with_ws for t in doc[min(c.i, verb.i):max(c.i, verb.i)])]
    if clauses and clauses[0].i < verb.i and any(
            t.is_quote for t in doc[max(min(t.i for t in clauses[0].subtree) - 1, 0):][:2]):
        return clauses[0]  # '"...," he wrote': the quote before is what he wrote
    after = next((c for c in clauses if c.i > verb.i), None)
    if after is not None or not clauses or own_complement(verb):
        # "Not only are the caucuses months away, no one knows what ...": a verb with its own
        # complement after it says nothing of the clause the parser hung before it
        return after
    return clauses[0]


def own_complement(verb: Token) -> bool:
    """Does a verb have a complement after it that is what it says (not who is told: "There is
    no room for it, he told reporters")?"""
    return any(c.dep_ in OWN_COMPLEMENTS and c.i > verb.i and not (
        c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in ADDRESSEE_CUES)
        for c in verb.children)


def before_next_cue(verb: Token, clause: Token) -> tuple[int, int]:
    """A clausal complement up to the next verb of speech of the same speaker that the parser
    hung inside it ("said Gates was not involved | and said ...")."""
    tokens = list(clause.subtree)
    for token in tokens:
        if token.i > verb.i and token.dep_ == "conj" and (
                first := first_cue(token)) is not None and first.i == verb.i:
            cc = [c.i for c in token.head.children if c.dep_ in ("cc", "punct")
                  and token.head.i < c.i < token.i]
            cut = min(cc) if cc else token.left_edge.i
            return trimmed([t for t in tokens if t.i < cut])
        if token.i > verb.i and (said := trailing_speaker(token)) is not None \
                and said.i == verb.i:
            before = [t for t in tokens if t.i < token.left_edge.i]
            if any(not t.is_punct for t in before):
                return trimmed(before)
    return trimmed(tokens)


def second_clause(verb: Token, clause: Token) -> Token | None:
    """A that-clause coordinated with the cue's clause, which the parser hung from the cue verb
    as its conjunct ("predicted that ..., but that ...") or, holding no cue of its own, as a
    second clause ("learned how they vote, how they raise money")."""
    if clause.i < verb.i:
        return None
    return next((c for c in verb.children if c.i > clause.i and (
        c.dep_ == "conj" and c.left_edge.dep_ == "mark" and c.left_edge.lower_ == "that"
        and c.left_edge.head.i == c.i or c.dep_ == "ccomp" and not _has_cue(c))), None)


def _has_cue(clause: Token) -> bool:
    """Does a clause hold a cue verb of its own ("..., and three in four said ..."), not one
    inside a clause of its parts ("..., unless the senator disavows it": still content)?"""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in ANY_CUES and (
        t.i == clause.i or t.dep_ in ("conj", "parataxis", "ccomp")) for t in clause.subtree)


def states(clause: Token) -> bool:
    """A clause that states something, not a question or a free relative ("see whether ...",
    "dismissed what he called ...")."""
    first = clause.doc[min(t.i for t in clause.subtree)]
    return first.tag_ not in WH_TAGS and first.lower_ not in ("if", "whether")


def particle(verb: Token, lemma: str) -> Token | None:
    """The cue's own preposition with an object: "talked about the wall", "referred to it";
    not after a refusal ("declined to comment on the report": no statement)."""
    if lemma not in TOPIC_CUES or verb.dep_ == "xcomp" and lemma in NOT_STATEMENTS \
            and verb.head.lemma_.lower() in REFUSALS:
        return None
    return next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.i > verb.i
                 and c.lower_ in CUE_PARTICLES.get(lemma, ()) and any(
                     g.dep_ in ("pobj", "pcomp") for g in c.children)), None)


def particle_mark(verb: Token, lemma: str) -> Token | None:
    """The cue's own preposition that the parser took for the mark of a clause with an
    infinitive ("is calling for the allies to step up", "pushed for the bill to pass")."""
    if lemma not in TOPIC_CUES:
        return None
    return next((m for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                 for m in c.children if m.dep_ == "mark" and m.i == c.left_edge.i
                 and m.lower_ in CUE_PARTICLES.get(lemma, ()) and not any(
                     t.dep_ in ("dobj", "punct") for t in verb.doc[verb.i + 1:m.i])), None)


def topic(verb: Token, prep: Token) -> tuple[int, int]:
    """The object of the cue's own preposition, with what it is taken for when the parser hung
    that on the verb ("singled out the bloc as the region's guarantor")."""
    tokens = list(next(c for c in prep.children if c.dep_ in ("pobj", "pcomp")).subtree)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > prep.i:
            tokens += list(child.subtree)
    tokens += [t for member in list_members(verb, prep) for t in member.subtree]
    return trimmed(list(verb.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]))


def question(verb: Token) -> Token | None:
    """An if- or whether-clause the parser took for an adverbial one."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)


def cue_tokens(verb: Token, content: list[tuple[int, int]]) -> list[Token]:
    """The cue verb with its auxiliaries, negation and particles outside the content."""
    particles = CUE_PARTICLES.get(verb.lemma_.lower(), set())
    inside = Inside(content)
    cue = [verb]
    for child in verb.children:
        if inside.covers(child.idx):
            continue
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i or (
                child.dep_ in ("prt", "prep") and child.lower_ in particles):
            cue.append(child)
    return sorted(cue, key=lambda t: t.i)
