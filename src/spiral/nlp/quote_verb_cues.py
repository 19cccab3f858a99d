"""Attributions at a cue verb: its clause, infinitive or object as content, or the content it is
inserted in (where each lies: quote_verb_complements); and the verbs that are no cue (linking,
raising, questions, misparses: quote_verb_non_cues)."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.nlp.attribution_lexicon import (
    AS_CUES,
    CLAUSE_CUES,
    EVIDENCE_NOUNS,
    FINDING_CUES,
    FREE_RELATIVES,
    INFINITIVE_CUES,
    LINKING_SUBJECTS,
    NOT_STATEMENTS,
    OBJECT_CUES,
    OBJECT_RELATIVES,
    PARTICLE_OBJECT_CUES,
    PASSIVE_OPINION_CUES,
    PERCEPTION,
    PREPOSITION_CUES,
    QUESTION_CUES,
    RAISING_PREDICATE_CUES,
    RELATIVE_PRONOUNS,
    RELAYING_CUES,
    UNSPOKEN,
)
from spiral.nlp.quote_sources import (
    SPOKEN_CLAUSE_CUES,
    document,
    issuer,
    participle,
    phrase,
    saying_noun,
    source_of,
    stranded_subject,
)
from spiral.nlp.quote_spans import (
    ANY_CUES,
    WH_TAGS,
    Found,
    after,
    around,
    clause_under_object,
    extent,
    trimmed,
)
from spiral.nlp.quote_verb_complements import (
    _answer,
    _clause,
    _so,
    before_next_cue,
    cue_tokens,
    own_complement,
    particle,
    particle_mark,
    passive_subject,
    passive_with_agent,
    question,
    relative_object,
    second_clause,
    states,
    taken_for,
    topic,
    trailing,
)
from spiral.nlp.quote_verb_non_cues import (
    depicts,
    linking,
    names_who_speaks,
    put_to_addressee,
    raising,
    sourceless,
    struck,
    what_seems,
)

OBJECTS = ("dobj", "dative", "prep", "oprd", "attr", "acomp", "xcomp", "ccomp")


def verbal(verb: Token, lemma: str) -> list[Found]:
    """A cue verb with its clause, infinitive or object; or inserted in its content."""
    children = list(verb.children)
    if linking(verb):
        return []
    if raising(verb, lemma):
        return sourceless(verb)
    if lemma in RAISING_PREDICATE_CUES and (seeming := what_seems(verb)):
        return seeming
    if lemma in RELAYING_CUES and (relayed := _relayed(verb)):
        return relayed
    if lemma in RELAYING_CUES and names_who_speaks(verb):
        return []
    content: list[tuple[int, int]] = []
    if lemma in CLAUSE_CUES and (clause := _clause(verb)) is not None:
        content = [before_next_cue(verb, clause)]
        if (second := second_clause(verb, clause)) is not None:
            # "predicted that wages would fall, but that overtime would offset it": one content
            content = [(content[0][0], extent(second)[1])]
    elif lemma in QUESTION_CUES and (clause := question(verb)) is not None:
        content = [extent(clause)]  # "asked workers if they planned to ...", parsed as advcl
    elif lemma in CLAUSE_CUES and verb.i + 2 < verb.sent.end and verb.nbor(1).lower_ == "that":
        # the parser took the clause for a noun phrase ("added that Washington bore ...")
        content = [trimmed(list(verb.doc[verb.i + 1:verb.sent.end]))]
    elif lemma in CLAUSE_CUES and (hidden := clause_under_object(verb)) is not None:
        content = [extent(hidden)]
    elif lemma in CLAUSE_CUES and (so := _so(verb)) is not None:
        content = [(so.idx, so.idx + len(so))]  # "thinks so", "said so"
    elif lemma in SPOKEN_CLAUSE_CUES and (answer := _answer(verb)) is not None:
        content = [(answer.idx, answer.idx + len(answer))]  # "72 percent said yes"
    elif lemma in CLAUSE_CUES and verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in children) and not own_complement(verb):
        content = around(verb.head, verb)  # "As the minister said, ..."
    elif lemma in CLAUSE_CUES and verb.dep_ == "parataxis" and not any(
            c.dep_ in ("dobj", "xcomp") for c in children):
        content = around(verb.head, verb)
    elif lemma in SPOKEN_CLAUSE_CUES and trailing(verb):
        # "The force will train local units, the minister told a panel on Tuesday.": the
        # parser hung the attribution on the clause as one coordinated with it
        content = around(verb.head, verb)
    elif lemma in INFINITIVE_CUES and any(c.dep_ == "xcomp" and c.lemma_.lower() not in
                                          NOT_STATEMENTS for c in children):
        content = after(verb, ("dobj", "dative", "xcomp"))
    elif (lemma in OBJECT_CUES or lemma in AS_CUES and any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in children) or any(
            c.dep_ == "prt" and c.lower_ == PARTICLE_OBJECT_CUES.get(lemma) for c in children)) \
            and any(
            c.dep_ == "dobj" or c.dep_ == "prep" and lemma in PREPOSITION_CUES and c.i > verb.i
            for c in children) and not struck(verb, lemma):
        content = after(verb, OBJECTS)
        if not content and (pronoun := relative_object(verb)) is not None:
            # "the tax, which Clinton also supports": the pronoun stands for what is attributed
            content = [(pronoun.idx, pronoun.idx + len(pronoun))]
    elif lemma in OBJECT_CUES and (passive := passive_with_agent(verb)) is not None:
        # "the talks were first revealed by a local daily": the subject is what was reported
        # and what it was taken for ("considered unclean", "criticized for the delay"), not
        # when or where ("condemned on Tuesday")
        relations = OBJECTS if lemma in PREPOSITION_CUES else tuple(
            r for r in OBJECTS if r != "prep")
        content = sorted({extent(passive), *after(verb, relations)})
    elif lemma in PASSIVE_OPINION_CUES and (passive := passive_subject(verb)) is not None \
            and passive.left_edge.tag_ not in WH_TAGS and passive.lower_ not in RELATIVE_PRONOUNS \
            and (taken := taken_for(verb)) is not None:
        # "the state is seen as a toss-up": an opinion held by no one named
        content = [extent(passive), extent(taken)]
        return [Found(cue_tokens(verb, content), [], content, verb)]
    elif lemma in FINDING_CUES and any(c.dep_ == "dobj" for c in children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in EVIDENCE_NOUNS for c in children):
        content = after(verb, OBJECTS)  # "a poll showed the mayor ahead by 6 points"
    elif (prep := particle(verb, lemma)) is not None:
        content = [topic(verb, prep)]
    elif (mark := particle_mark(verb, lemma)) is not None:
        # "called for the allies to step up": the parser read "for" as opening a clause
        content = [trimmed([t for t in mark.head.subtree if t.i > mark.i])]
        source = source_of(verb)
        return [Found(sorted([*cue_tokens(verb, content), mark], key=lambda t: t.i), source,
                       content, verb)] if source else []
    elif lemma in ANY_CUES and any(c.dep_ == "ccomp" and c.i > verb.i and states(c)
                                   for c in children):
        # a cue listed with another complement, here with a clause ("echoed the truce would ...")
        content = after(verb, ("dobj", "dative", "ccomp"))
    elif lemma in OBJECT_CUES and lemma not in CLAUSE_CUES | UNSPOKEN | PERCEPTION and (
            free := next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i
                          and c.left_edge.lower_ in FREE_RELATIVES), None)) is not None:
        # "criticized what she called ...", "touted how far the campaign had come": an object
        # the parser took for a clause
        content = [extent(free)]
    if not content or depicts(verb, lemma):
        return []
    cue = cue_tokens(verb, content)
    source = source_of(verb) or stranded_subject(verb, content)
    if len(source) == 1 and source[0].lower_ in LINKING_SUBJECTS and source[0].tag_ == "DT":
        # "That suggests a lack of confidence", "This shows how ...": the writer's own inference
        # from what came before (PolNeAR train: 6 of 35 matched)
        return []
    content = _without(content, [*cue, *source])
    if put_to_addressee(verb, source):
        return []
    if not source and lemma in QUESTION_CUES and participle(verb):
        return [Found(cue, source, content, verb)]  # "Asked whether ..., he said": by whom?
    if not source and (passive := passive_subject(verb)) is not None:
        # "he was offered the job", "the law is seen as a threat": by no one named
        return [Found(cue, [], sorted({extent(passive), *content}), verb)]
    if not source:
        if lemma not in CLAUSE_CUES or not _impersonal(verb):
            return []
        # "it was announced that ...": no one is named
        cue = sorted(cue + [c for c in children if c.dep_ == "nsubjpass"], key=lambda t: t.i)
    if saying_noun(verb) and issuer(verb) is not None:
        # "issued a statement saying ...": PolNeAR marks the statement or who issued it as the
        # source (train halves +2, +1), whose words they are
        return [Found(cue, sorted({*source, *document(verb)}, key=lambda t: t.i), content,
                       verb, relayed=source)]
    if (maker := _maker(verb)) is not None:
        # "released a video that accuses ...": PolNeAR marks the video or who released it
        # (train halves +4, +4)
        return [Found(cue, sorted({*source, *source_of(maker)}, key=lambda t: t.i), content,
                       verb, relayed=source)]
    return [Found(cue, source, content, verb)]


def _without(content: list[tuple[int, int]], tokens: list[Token]) -> list[tuple[int, int]]:
    """Content fragments with the cue and source cut out where the clause runs around them
    ("which | he said | had been built in a month")."""
    if not tokens:
        return content
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last)
    cut = []
    for s, e in content:
        if s < start and end < e:
            before = first.doc.char_span(s, start, alignment_mode="contract")
            after = first.doc.char_span(end, e, alignment_mode="contract")
            cut += [trimmed(list(part)) for part in (before, after)
                    if part is not None and any(not t.is_punct for t in part)]
        else:
            cut.append((s, e))
    return cut


def _relayed(verb: Token) -> list[Found]:
    """"quoted military sources as saying that X", "cited Y as promising revenge": the verb after
    "as" is the cue and what it governs the content; who quotes is the source (as PolNeAR marks
    it: train halves +1, +4 matches), the object whose words they are."""
    source = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    said = next((c for c in as_.children if c.dep_ == "pcomp" and c.pos_ == "VERB"),
                None) if as_ is not None else None
    if source is None or as_ is None:
        return []
    cited = phrase(source)
    if said is None:
        # "as promising consequences", which the parser reads as an adjective and its noun
        what = next((c for c in as_.children if c.dep_ == "pobj"), None)
        said = next((c for c in what.children if c.dep_ == "amod" and c.tag_ in ("VBG", "JJ")
                     and c.lower_.endswith("ing")), None) if what is not None else None
        if said is None:
            return []
        content = [trimmed([t for t in what.subtree if t.i != said.i])]
        return [Found([verb, as_, said], source_of(verb) or cited, content, said,
                       relayed=cited)]
    complements = [c for c in said.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
    if not complements:
        return []
    content = [extent(complements[0])]
    return [Found([verb, as_, said], source_of(verb) or cited, content, said,
                   relayed=cited)]


def _impersonal(verb: Token) -> bool:
    """A passive cue with an expletive subject: "it was reported that", "it is believed"."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children)


def _maker(verb: Token) -> Token | None:
    """The verb whose object a cue's relative clause qualifies, with a relative that stands for
    a thing as the cue's subject ("she released a video that accuses ...": "released"; not "met
    a farmer who warned ...")."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or not any(
            c.dep_ == "nsubj" and c.lower_ in OBJECT_RELATIVES for c in verb.children):
        return None
    return noun.head
