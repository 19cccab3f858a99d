"""Attributions at a cue verb: its clause, infinitive or object as content, or the content it is
inserted in; and the verbs that are no cue (linking, raising, questions, misparses)."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.countries import country_code
from spiral.nlp.attribution_lexicon import (
    ADDRESSEE_CUES,
    AS_CUES,
    CITED_ENTITIES,
    CITED_SOURCES,
    CLAUSE_CUES,
    CUE_PARTICLES,
    DEPICTING_CUES,
    DEPICTIONS,
    EVIDENCE_NOUNS,
    EXPLETIVES,
    FINDING_CUES,
    FORCE_CUES,
    FORCE_TARGETS,
    FREE_RELATIVES,
    INFINITIVE_CUES,
    NOT_STATEMENTS,
    OBJECT_CUES,
    OBJECT_RELATIVES,
    PARTICLE_OBJECT_CUES,
    PASSIVE_AGENT_EXCLUDED,
    PASSIVE_OPINION_CUES,
    PASSIVE_OPINION_PREPOSITIONS,
    PASSIVE_RAISING_CUES,
    PERCEPTION,
    PREPOSITION_CUES,
    QUESTION_CUES,
    RAISING_CUES,
    RAISING_ONLY,
    RAISING_PREDICATE_CUES,
    REFUSALS,
    RELATIVE_PRONOUNS,
    RELAYING_CUES,
    TOPIC_CUES,
    UNSPOKEN,
)
from spiral.nlp.quote_sources import (
    SPOKEN_CLAUSE_CUES,
    document,
    first_cue,
    issuer,
    participle,
    passive,
    phrase,
    saying_noun,
    source_of,
    stranded_subject,
    trailing_speaker,
)
from spiral.nlp.quote_spans import (
    ANY_CUES,
    APPENDIX_PUNCT,
    WH_TAGS,
    Found,
    Inside,
    after,
    around,
    clause_under_object,
    extent,
    list_members,
    trimmed,
)
from spiral.nlp.speakers import SUBJECTS

NO_ONE = frozenset({"no", "neither", "none", "nobody", "nor"})
LINKING_SUBJECTS = frozenset({"that", "this"})  # "That said, ...", "This being said, ..."
ANSWERS = frozenset({"yes", "no"})
RAISED = ("xcomp", "acomp", "attr", "oprd")  # "seems to work", "seems ready", "seems a risk"
WH_OBJECTS = frozenset({"which", "whom", "who"})
OWN_COMPLEMENTS = ("dobj", "dative", "xcomp", "attr", "oprd")
OBJECTS = ("dobj", "dative", "prep", "oprd", "attr", "acomp", "xcomp", "ccomp")


def verbal(verb: Token, lemma: str) -> list[Found]:
    """A cue verb with its clause, infinitive or object; or inserted in its content."""
    children = list(verb.children)
    if _linking(verb):
        return []
    if _raising(verb, lemma):
        return _sourceless(verb)
    if lemma in RAISING_PREDICATE_CUES and (seeming := _seeming(verb)):
        return seeming
    if lemma in RELAYING_CUES and (relayed := _relayed(verb)):
        return relayed
    if lemma in RELAYING_CUES and _names_who_speaks(verb):
        return []
    content: list[tuple[int, int]] = []
    if lemma in CLAUSE_CUES and (clause := _clause(verb)) is not None:
        content = [_before_next_cue(verb, clause)]
        if (second := _second_clause(verb, clause)) is not None:
            # "predicted that wages would fall, but that overtime would offset it": one content
            content = [(content[0][0], extent(second)[1])]
    elif lemma in QUESTION_CUES and (clause := _question(verb)) is not None:
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
            c.dep_ == "mark" and c.lower_ == "as" for c in children) and not _own_complement(verb):
        content = around(verb.head, verb)  # "As the minister said, ..."
    elif lemma in CLAUSE_CUES and verb.dep_ == "parataxis" and not any(
            c.dep_ in ("dobj", "xcomp") for c in children):
        content = around(verb.head, verb)
    elif lemma in SPOKEN_CLAUSE_CUES and _trailing(verb):
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
            for c in children) and not _struck(verb, lemma):
        content = after(verb, OBJECTS)
        if not content and (pronoun := _relative_object(verb)) is not None:
            # "the tax, which Clinton also supports": the pronoun stands for what is attributed
            content = [(pronoun.idx, pronoun.idx + len(pronoun))]
    elif lemma in OBJECT_CUES and (passive := _passive_with_agent(verb)) is not None:
        # "the talks were first revealed by a local daily": the subject is what was reported
        # and what it was taken for ("considered unclean", "criticized for the delay"), not
        # when or where ("condemned on Tuesday")
        relations = OBJECTS if lemma in PREPOSITION_CUES else tuple(
            r for r in OBJECTS if r != "prep")
        content = sorted({extent(passive), *after(verb, relations)})
    elif lemma in PASSIVE_OPINION_CUES and (passive := _passive_subject(verb)) is not None \
            and passive.left_edge.tag_ not in WH_TAGS and passive.lower_ not in RELATIVE_PRONOUNS \
            and (taken := _taken_for(verb)) is not None:
        # "the state is seen as a toss-up": an opinion held by no one named
        content = [extent(passive), extent(taken)]
        return [Found(cue_tokens(verb, content), [], content, verb)]
    elif lemma in FINDING_CUES and any(c.dep_ == "dobj" for c in children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in EVIDENCE_NOUNS for c in children):
        content = after(verb, OBJECTS)  # "a poll showed the mayor ahead by 6 points"
    elif (prep := _particle(verb, lemma)) is not None:
        content = [_topic(verb, prep)]
    elif (mark := _particle_mark(verb, lemma)) is not None:
        # "called for the allies to step up": the parser read "for" as opening a clause
        content = [trimmed([t for t in mark.head.subtree if t.i > mark.i])]
        source = source_of(verb)
        return [Found(sorted([*cue_tokens(verb, content), mark], key=lambda t: t.i), source,
                       content, verb)] if source else []
    elif lemma in ANY_CUES and any(c.dep_ == "ccomp" and c.i > verb.i and _states(c)
                                   for c in children):
        # a cue listed with another complement, here with a clause ("echoed the truce would ...")
        content = after(verb, ("dobj", "dative", "ccomp"))
    elif lemma in OBJECT_CUES and lemma not in CLAUSE_CUES | UNSPOKEN | PERCEPTION and (
            free := next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i
                          and c.left_edge.lower_ in FREE_RELATIVES), None)) is not None:
        # "criticized what she called ...", "touted how far the campaign had come": an object
        # the parser took for a clause
        content = [extent(free)]
    if not content or _depicts(verb, lemma):
        return []
    cue = cue_tokens(verb, content)
    source = source_of(verb) or stranded_subject(verb, content)
    if len(source) == 1 and source[0].lower_ in LINKING_SUBJECTS and source[0].tag_ == "DT":
        # "That suggests a lack of confidence", "This shows how ...": the writer's own inference
        # from what came before (PolNeAR train: 6 of 35 matched)
        return []
    content = _without(content, [*cue, *source])
    if _put_to_addressee(verb, source):
        return []
    if not source and lemma in QUESTION_CUES and participle(verb):
        return [Found(cue, source, content, verb)]  # "Asked whether ..., he said": by whom?
    if not source and (passive := _passive_subject(verb)) is not None:
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


def _put_to_addressee(verb: Token, source: list[Token]) -> bool:
    """"Do you support the deal?", "How do you think he will vote?": a question put to the one
    addressed attributes nothing to them."""
    words = [t for t in source if not t.is_punct]
    return len(words) == 1 and words[0].lower_ == "you" and verb.sent.text.rstrip(
        " \n\"'”’").endswith("?")


def _struck(verb: Token, lemma: str) -> bool:
    """'attacked an army base', 'hit Kyiv': a verb of force in its physical sense, which says
    nothing ('attacked the minister', 'blasted the plan' do)."""
    return lemma in FORCE_CUES and any(
        o.lemma_.lower() in FORCE_TARGETS or country_code(o.text) is not None
        for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts))


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


def _depicts(verb: Token, lemma: str) -> bool:
    """"Footage posted online showed ...", "this photo shows ...": what a picture shows, which
    no one said."""
    return lemma in DEPICTING_CUES and any(
        c.dep_ in SUBJECTS and c.lemma_.lower() in DEPICTIONS for c in verb.children)


def _as_saying(verb: Token) -> bool:
    """The verb has "as" and a gerund after it ("quoted her as saying", "cited him as warning")."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i + 1 < len(c.doc)
               and c.nbor(1).tag_ == "VBG" for c in verb.children)


def _names_who_speaks(verb: Token) -> bool:
    """"The paper reported the clash, citing officials": the object names whose words are
    passed on, which are in the clause the verb hangs from, so it is no content ("citing
    safety concerns" gives a reason, which is)."""
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return cited is not None and not _as_saying(verb) and (
        cited.pos_ == "PROPN" or cited.ent_type_ in CITED_ENTITIES
        or cited.lemma_.lower() in CITED_SOURCES)


def _linking(verb: Token) -> bool:
    """"That said, ...", "That being said, ...": a phrase that links to what came before,
    attributing nothing to "that"."""
    if verb.lemma_.lower() != "say":
        return False  # asked of every verb cue: only "say" has its sentence's start found
    subject = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if subject is not None and subject.lower_ == "being" and subject.i > verb.sent.start:
        subject = verb.doc[subject.i - 1]
    return subject is not None \
        and subject.lower_ in LINKING_SUBJECTS and verb.i + 1 < verb.sent.end \
        and verb.nbor(1).text == ","


def _trailing(verb: Token) -> bool:
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


def _relative_object(verb: Token) -> Token | None:
    """The relative pronoun that is a cue verb's object, when someone else is its subject
    ("the plan, which his rivals oppose": "which"; not "the man who opposes it"; "the bill
    that he supports" was annotated a cue less than half the time on PolNeAR train)."""
    if verb.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.tag_ not in WH_TAGS and c.lower_ not in RELATIVE_PRONOUNS
            for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i
                 and c.lower_ in WH_OBJECTS), None)


def _passive_with_agent(verb: Token) -> Token | None:
    """The subject of a passive cue whose agent is named ("was criticized by his rivals"), but
    not of one that also tells of force or of a question ("was attacked by troops", "was asked
    by lawmakers": the subject is who was asked, not what)."""
    if verb.lemma_.lower() in PASSIVE_AGENT_EXCLUDED or not any(
            c.dep_ == "agent" for c in verb.children) or not any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i
                 and c.lower_ not in EXPLETIVES), None)


def _taken_for(verb: Token) -> Token | None:
    """What a passive cue's subject is taken for ("is seen as a toss-up", "was deemed a
    failure")."""
    wanted = PASSIVE_OPINION_PREPOSITIONS.get(verb.lemma_.lower(), {"as"})
    return next((c for c in verb.children if c.i > verb.i and (
        c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ in wanted)), None)


def _passive_subject(verb: Token) -> Token | None:
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
    if after is not None or not clauses or _own_complement(verb):
        # "Not only are the caucuses months away, no one knows what ...": a verb with its own
        # complement after it says nothing of the clause the parser hung before it
        return after
    return clauses[0]


def _own_complement(verb: Token) -> bool:
    """Does a verb have a complement after it that is what it says (not who is told: "There is
    no room for it, he told reporters")?"""
    return any(c.dep_ in OWN_COMPLEMENTS and c.i > verb.i and not (
        c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in ADDRESSEE_CUES)
        for c in verb.children)


def _before_next_cue(verb: Token, clause: Token) -> tuple[int, int]:
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


def _second_clause(verb: Token, clause: Token) -> Token | None:
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


def _states(clause: Token) -> bool:
    """A clause that states something, not a question or a free relative ("see whether ...",
    "dismissed what he called ...")."""
    first = clause.doc[min(t.i for t in clause.subtree)]
    return first.tag_ not in WH_TAGS and first.lower_ not in ("if", "whether")


def _particle(verb: Token, lemma: str) -> Token | None:
    """The cue's own preposition with an object: "talked about the wall", "referred to it";
    not after a refusal ("declined to comment on the report": no statement)."""
    if lemma not in TOPIC_CUES or verb.dep_ == "xcomp" and lemma in NOT_STATEMENTS \
            and verb.head.lemma_.lower() in REFUSALS:
        return None
    return next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.i > verb.i
                 and c.lower_ in CUE_PARTICLES.get(lemma, ()) and any(
                     g.dep_ in ("pobj", "pcomp") for g in c.children)), None)


def _particle_mark(verb: Token, lemma: str) -> Token | None:
    """The cue's own preposition that the parser took for the mark of a clause with an
    infinitive ("is calling for the allies to step up", "pushed for the bill to pass")."""
    if lemma not in TOPIC_CUES:
        return None
    return next((m for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                 for m in c.children if m.dep_ == "mark" and m.i == c.left_edge.i
                 and m.lower_ in CUE_PARTICLES.get(lemma, ()) and not any(
                     t.dep_ in ("dobj", "punct") for t in verb.doc[verb.i + 1:m.i])), None)


def _topic(verb: Token, prep: Token) -> tuple[int, int]:
    """The object of the cue's own preposition, with what it is taken for when the parser hung
    that on the verb ("singled out the bloc as the region's guarantor")."""
    tokens = list(next(c for c in prep.children if c.dep_ in ("pobj", "pcomp")).subtree)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > prep.i:
            tokens += list(child.subtree)
    tokens += [t for member in list_members(verb, prep) for t in member.subtree]
    return trimmed(list(verb.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]))


def _raising(verb: Token, lemma: str) -> bool:
    """"The plan seems to work", "he is expected to win": an infinitive (or, after "seems", an
    adjective or a noun: "the economy seemed immune") whose subject is part of what is
    attributed, with no one named as the source."""
    if lemma not in RAISING_CUES and lemma not in PASSIVE_RAISING_CUES:
        return False  # asked of every verb: most are no cue of either kind
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return False
    if lemma in RAISING_CUES:
        relations = RAISED if lemma in RAISING_PREDICATE_CUES else ("xcomp",)
        raised = _raised(verb, relations)
        if raised is not None and lemma in RAISING_ONLY \
                and raised.lemma_.lower() not in RAISING_ONLY[lemma]:
            return False
        # "the senator seemed to mock his rival": the mocking is the senator's, its cue the verb
        # after "seemed"
        return raised is not None and not (
            raised.lemma_.lower() in ANY_CUES | TOPIC_CUES and raised.dep_ == "xcomp") and (any(
                c.dep_ == "nsubj" and c.lower_ not in EXPLETIVES for c in children)
                or verb.tag_ in ("VBD", "VBZ", "VBP") and _raised_subject(verb) is not None)
    if _raised(verb, ("xcomp",)) is None:
        return False
    return lemma in PASSIVE_RAISING_CUES and _raised_subject(verb) is not None and any(
        c.dep_ == "auxpass" for c in children)


def _raised_subject(verb: Token) -> Token | None:
    """The subject of a passive raising cue, or of the clause it is coordinated with ("is
    moving to the coast but is expected to keep her show")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and verb.dep_ == "conj" and not any(
            c.dep_ in SUBJECTS for c in verb.children):
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
    return subject


def _seeming(verb: Token) -> list[Found]:
    """"It seems that the talks stalled", "it appears the convoy turned back", "the plan seems
    like a gamble": what seems so, to no one named."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "agent" for c in verb.children):
        return []
    like = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "like"
                 and c.i > verb.i and any(g.dep_ in ("pobj", "pcomp") for g in c.children)),
                None)
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > verb.i
                   and (c.dep_ == "ccomp" or like is None and any(
                       m.lower_ in ("like", "if") for m in c.children if m.dep_ == "mark"))),
                  None)
    if subject.lower_ == "it" and (clause is not None or like is not None):
        what = clause if clause is not None else like
        content = [extent(what)]
        return [Found(sorted([subject, *cue_tokens(verb, content)], key=lambda t: t.i), [],
                       content, verb)]
    if subject.lower_ not in EXPLETIVES and like is not None and clause is None:
        content = [extent(subject), extent(like)]
        return [Found(cue_tokens(verb, content), [], content, verb)]
    return []


def _sourceless(verb: Token) -> list[Found]:
    """The subject and what it seems or is expected to do as two content fragments."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None) \
        or _raised_subject(verb)
    relations = RAISED if verb.lemma_.lower() in RAISING_PREDICATE_CUES else ("xcomp",)
    raised = _raised(verb, relations)
    if subject is None or raised is None:
        return []
    content = [extent(subject), extent(raised)]
    return [Found(cue_tokens(verb, content), [], content, verb)]


def _raised(verb: Token, relations: tuple[str, ...]) -> Token | None:
    """The complement after a raising cue that says what its subject seems, if any."""
    return next((c for c in verb.children if c.dep_ in relations and c.i > verb.i), None)


def _question(verb: Token) -> Token | None:
    """An if- or whether-clause the parser took for an adverbial one."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)


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
