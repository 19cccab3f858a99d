"""Who an attribution's source is: the subject (or agent, or antecedent) of a cue verb, the
source a verb without one inherits, and whose words an outlet's source relays."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from spiral.nlp.actors import entity_at, phrase_heads
from spiral.nlp.attribution_lexicon import (
    ANTECEDENT_RELATIVES,
    CLAUSE_CUES,
    CLAUSE_ONLY,
    CONTRACTED_HAS,
    DOCUMENT_NOUNS,
    GERUND_PREPOSITIONS,
    INFINITIVE_CUES,
    OBJECT_CONTROL,
    PERCEPTION,
    RELAYING_CUES,
    SPEAKING_NOUNS,
    SPEECH_VERBS,
    TOPIC_CUES,
    UNSPOKEN,
    WIRE_SERVICES,
)
from spiral.nlp.quote_spans import Found, Inside, closing_mark
from spiral.nlp.speakers import SUBJECTS

# links inside a noun phrase, through which a stranded subject is reached from its last word
STRANDED_PATH = ("appos", "conj", "cc", "pobj", "prep", "compound", "amod", "poss", "nummod",
                 "punct", "det", "npadvmod", "quantmod")
SPOKEN_CLAUSE_CUES = CLAUSE_CUES - CLAUSE_ONLY
SPOKEN_INFINITIVE_CUES = INFINITIVE_CUES - UNSPOKEN  # "vowed to", "urged them to"
INHERITS_SOURCE = ("xcomp", "advcl", "conj", "acl", "pcomp", "relcl")


def first_cue(verb: Token) -> Token | None:
    """The cue verb whose speaker a cue verb without a subject of its own goes on with,
    when the parser hung it inside that cue's clause ("Podesta said Gates was not involved and
    said Manafort was not either": the second "said" is Podesta's, not Gates's)."""
    lemma = verb.lemma_.lower()
    if verb.dep_ != "conj" or not (lemma in SPOKEN_CLAUSE_CUES and any(
            c.dep_ == "ccomp" for c in verb.children) or lemma in SPOKEN_INFINITIVE_CUES and any(
            c.dep_ == "xcomp" for c in verb.children)) or any(
            c.dep_ in SUBJECTS for c in verb.children):
        return None
    token = verb.head
    while token.head.i != token.i and token.dep_ != "ccomp":
        if token.dep_ not in ("conj", "xcomp", "advcl"):
            return None
        token = token.head
    cue = token.head
    if token.dep_ != "ccomp" or cue.i > verb.i or cue.lemma_.lower() not in CLAUSE_CUES:
        return None
    return cue


def trailing_speaker(verb: Token) -> Token | None:
    """The verb of speech that a participle after a comma goes on from, when the parser hung the
    participle inside that verb's clause ("Packer said the focus is taking a toll, pointing to
    Cruz's victories": Packer points, not the focus)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.left_edge.i - 1
    if before > 0 and closing_mark(verb.doc[before - 1], verb.i + 1) is not None:
        before -= 1  # '... had "grown the party," pointing to ...'
    if verb.doc[before].text not in (",", "—", "-") \
            or any(c.dep_ in SUBJECTS for c in verb.children) \
            or verb.lemma_.lower() not in SPOKEN_CLAUSE_CUES | TOPIC_CUES:
        return None  # "..., accusing them of spying" may be the clause's subject's
    token = verb.head
    while token.dep_ in ("conj", "xcomp", "advcl", "ccomp") and token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_VERBS \
                and token.head.i < verb.i and any(
                    c.dep_ in SUBJECTS for c in token.head.children):
            return token.head
        token = token.head
    return None


def participle(verb: Token) -> bool:
    """A passive participle standing for its clause ("Asked about the talks, she said ..."):
    the subject of the verb it hangs from is who was asked, not who asked."""
    # the tagger takes a participle opening its sentence for a past tense ("Asked what ...")
    opening = verb.i == verb.sent.start and verb.tag_ == "VBD"
    return (verb.tag_ == "VBN" or opening) and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def source_of(verb: Token) -> list[Token]:
    """The source of a cue verb: its subject, a passive's agent, or the governing verb's."""
    # the parser may give a verb two subjects ("Addressing leaders in parliament, Singh said"):
    # the one nearest the verb is its own
    for child in sorted(verb.children, key=lambda c: abs(verb.i - c.i)):
        if child.dep_ in SUBJECTS:
            if child.dep_ == "nsubjpass" and not _has_short(verb) or child.dep_ == "nsubj" and (
                    child.lower_ == "there" or child.lower_ == "it" and not _refers(verb)):
                break
            return _with_antecedent(verb, child)
    for child in verb.children:
        if child.dep_ == "agent":
            return [t for c in child.children if c.dep_ == "pobj" for t in phrase(c)]
    if passive(verb):
        return []  # "..., and it was revealed that ...": no one named, whoever the clause's is
    if (first := first_cue(verb)) is not None:
        return source_of(first)
    if (said := trailing_speaker(verb)) is not None:
        return source_of(said)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
            and verb.head.lower_ in GERUND_PREPOSITIONS and verb.head.head.pos_ in ("VERB", "AUX"):
        # "after he told staff that he meant to ...": the clause's subject is the speaker
        return source_of(verb.head.head)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL and (
            controller := next((c for c in verb.head.children if c.dep_ == "dobj"
                                and c.i < verb.i), None)):
        return phrase(controller)  # "prompted Anderson Cooper to accuse her": Cooper accuses
    if (governor := _past_beside_modal(verb)) is not None:
        return source_of(governor)
    if verb.dep_ == "conj" and verb.head.i < verb.i and any(
            c.dep_ == "agent" for c in verb.head.children) and (shared := next(
            (c for c in verb.head.children if c.dep_ == "nsubjpass"), None)) is not None:
        # "ministers were upset by the pact and forecast ...": a verb coordinated with a
        # passive shares its subject, not its agent
        return _with_antecedent(verb.head, shared)
    if verb.dep_ in INHERITS_SOURCE and verb.head.i != verb.i and verb.head.pos_ in (
            "VERB", "AUX") and not participle(verb) and not _misread(verb):
        return source_of(verb.head)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        # "the envoy is likely to stress that ...", "most were less likely to say ...": the one
        # the adjective describes
        return source_of(verb.head.head)
    if saying_noun(verb):
        # "issued a statement saying that ...": who issued it; "911 calls saying that ...": the
        # calls
        if (governor := issuer(verb)) is not None:
            return source_of(governor)
        return document(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i \
            and verb.head.lemma_.lower() in SPEAKING_NOUNS:
        # "ads attacking Cruz", "a petition calling on him to resign": the ads, the petition;
        # "issued a statement condemning ...", "ran ads praising ...": who issued or ran them
        if verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
            return source_of(verb.head.head)
        words = [t for t in verb.head.subtree if t.i < verb.i]
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        return words
    return []


def saying_noun(verb: Token) -> bool:
    """A participle of speech with a clause, after the noun it qualifies ("a statement saying
    that ...", "911 calls saying that ...")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i \
        and verb.lemma_.lower() in SPOKEN_CLAUSE_CUES \
        and any(c.dep_ == "ccomp" for c in verb.children)


def issuer(verb: Token) -> Token | None:
    """The verb of whoever issued or sent the noun a participle of speech qualifies ("the
    ministry issued a statement saying ...", "responded with a note saying ...")."""
    noun = verb.head
    governor = noun.head if noun.dep_ == "dobj" else noun.head.head
    return governor if noun.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB" else None


def document(verb: Token) -> list[Token]:
    """The noun phrase a participle of speech qualifies, up to the participle."""
    words = [t for t in verb.head.subtree if t.i < verb.i]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    return words


def _past_beside_modal(verb: Token) -> Token | None:
    """The verb whose subject a past or present verb without a subject goes on with, when the
    parser hung it beside a modal's verb inside that verb's clause ("Putin forecast that the
    economy would rebound and praised the talks": 'praised' takes no 'would', so it is
    coordinated with 'forecast', and Putin praised)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or any(
            c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    head = verb.head
    if head.tag_ != "VB" or not any(c.tag_ == "MD" for c in head.children):
        return None
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "ccomp" or head.head.pos_ != "VERB" or head.head.i > verb.i:
        return None
    return head.head


def _with_antecedent(verb: Token, subject: Token) -> list[Token]:
    """A subject's phrase; a relative "that" or "who" with the noun phrase it stands for
    ("a web video that accuses her of ...": the video that accuses; "the experts who think
    ...": PolNeAR marks one or the other, the noun phrase more often: train +9 matches for +0
    relations with "that", halves R and C +2 and +1 more with "who")."""
    noun = verb.head
    if verb.dep_ != "relcl" or subject.lower_ not in ANTECEDENT_RELATIVES \
            or subject.tag_ not in ("WDT", "WP") or noun.pos_ not in ("NOUN", "PROPN"):
        return phrase(subject)
    before = [t for t in noun.subtree if t.i < verb.left_edge.i]
    while before and (before[-1].is_punct or before[-1].is_space):
        before.pop()
    return sorted({*before, *phrase(subject)}, key=lambda t: t.i)


def passive(verb: Token) -> bool:
    """A passive cue verb; not "he's predicted", where the tagger may take "'s" (has) for "is"."""
    return any(c.dep_ == "auxpass" and c.lower_ not in CONTRACTED_HAS for c in verb.children)


def _has_short(verb: Token) -> bool:
    """"He's said he will run": a perfect the tagger took for a passive; its subject speaks."""
    auxiliaries = [c for c in verb.children if c.dep_ == "auxpass"]
    return bool(auxiliaries) and all(c.lower_ in CONTRACTED_HAS for c in auxiliaries)


def _refers(verb: Token) -> bool:
    """"It said the posts were removed": a verb of speech with a clause, whose "it" is what
    spoke (a report, a company), not the "it" of "it seems" ("it had confirmed the capture" is
    too often a pronoun the resolver cannot place)."""
    return verb.lemma_.lower() in SPOKEN_CLAUSE_CUES and any(
        c.dep_ == "ccomp" for c in verb.children)


def _misread(verb: Token) -> bool:
    """A finite verb without a subject hung as a clause of another: a noun the tagger took for a
    verb ("despite a planned council vote to condemn ..."), which passes on no speaker."""
    return verb.dep_ in ("advcl", "acl", "relcl") and verb.tag_ in ("VBP", "VBZ") and not any(
        c.dep_ in (*SUBJECTS, "expl", "csubj") for c in verb.children)


def stranded_subject(verb: Token, content: list[tuple[int, int]]) -> list[Token]:
    """The subject of a finite cue verb that the parser hung on a phrase before it, mostly as
    an apposition ("In an interview with the paper, the party's chairman said that ...", "Jay
    Ames, the club's president, suggested that ..."): the top apposition of the noun phrase
    ending right before the verb, or the verb's own nominal child there ("About 4 in 10 say")."""
    # a finite verb, or one made finite by its auxiliary ("..., have said")
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not (verb.tag_ in ("VB", "VBN") and any(
            c.dep_ == "aux" and c.i < verb.i for c in verb.children)) \
            or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "dep") \
            or verb.lemma_.lower() not in CLAUSE_CUES or not any(
                c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) or any(
                c.dep_ in (*SUBJECTS, "agent", "expl", "csubjpass") for c in verb.children):
        return []
    own = {t.i for c in verb.children if c.i < verb.i and c.dep_ in (
        "advmod", "npadvmod", "aux", "neg") for t in c.subtree}
    i = verb.i - 1
    while i >= verb.sent.start and (i in own or verb.doc[i].is_punct or verb.doc[i].is_space):
        i -= 1
    if i < verb.sent.start:
        return []
    token, top = verb.doc[i], None
    if any(c.dep_ == "csubj" for c in verb.children):
        token = None  # only a subject misread as a clause: "Most residents of the valley going
        # to the polls said ..."
    while token is not None:
        if token.head.i == verb.i:
            if top is None and token.pos_ in ("NOUN", "PROPN", "NUM") and token.dep_ not in (
                    "prep", "advcl", "mark", "cc"):
                top = token
            break
        if token.dep_ == "appos":
            top = token
        elif top is not None or token.dep_ not in STRANDED_PATH:
            break
        if token.head.i >= verb.i or token.head.i == token.i:
            break
        token = token.head
    if top is None:
        top = _misread_subject(verb, i)
    if top is None:
        return []
    # the parser runs sentences over paragraph breaks: the subject is in the verb's paragraph
    words = [t for t in top.subtree if t.i < verb.i and "\n" not in verb.doc[
        t.i:verb.i].text]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    inside = Inside(content)
    if not words or any(inside.covers(t.idx) or t.is_quote for t in words):
        return []
    return words


def _misread_subject(verb: Token, last: int) -> Token | None:
    """A clause the parser hung before a cue verb without a subject (or hung the verb from) that
    runs from the start of the sentence to the verb, with a subject of its own: the verb's
    subject misread as a clause
    ("Omar Haddad, a Tripoli imam helping to organize the talks, said ...": "imam" read as a
    verb with "Haddad" its subject)."""
    sentence = verb.sent
    first = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
    head = verb.head
    if verb.dep_ == "dep" and head.i < verb.i and first is not None \
            and head.left_edge.i == first.i and any(
                c.dep_ in SUBJECTS and c.i < head.i for c in head.children):
        # or the verb hung below it: "Most residents going to the polls say ...", with
        # "going" the root
        return head
    for child in verb.children:
        end = child.right_edge.i
        while end > child.i and verb.doc[end].is_punct:
            end -= 1
        if child.i < verb.i and child.dep_ in ("ccomp", "advcl", "csubj") and end == last \
                and first is not None and child.left_edge.i == first.i \
                and first.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM") and not any(
                    c.dep_ == "mark" for c in child.children) and any(
                    c.dep_ in SUBJECTS and c.i < child.i for c in child.children):
            return child
    return None


def phrase(head: Token) -> list[Token]:
    """A source phrase: the subject's subtree, relative clauses and appositions included."""
    if any(c in head.text for c in "<>"):
        return []  # markup, not words
    return list(head.subtree)


def an_outlet(doc: Doc, source: list[Token]) -> bool:
    """Whether a source is a press agency or paper ("Reuters", "the Associated Press", "Iran's
    Tasnim agency")."""
    heads = phrase_heads(source) if source else []
    if not heads:
        return False
    entity = entity_at(doc, heads[0].idx, heads[0].idx + len(heads[0].text))
    words = " ".join(t.text for t in source).lower()
    return words in WIRE_SERVICES or entity is not None and entity.sector == "MED"


def inner_source(found: Found, candidates: list[Found]) -> list[Token] | None:
    """The source of the first attribution an outlet's report holds ("Officials said the border
    was shut, Reuters reported", "Reuters reported that the minister condemned the strike"):
    whose words the outlet relays; none when its report holds none, or only what someone wants
    or thinks ("a network reported that Lima would rather not look weak")."""
    cue = {t.i for t in found.cue}
    content = found.tokens - cue
    inner = [c for c in candidates if c is not found and c.source
             and c.anchor.lemma_.lower() not in UNSPOKEN | PERCEPTION
             and {t.i for t in c.cue} <= content and {t.i for t in c.source} <= content]
    return min(inner, key=lambda c: c.anchor.i).source if inner else None


def on_the_cues_line(source: list[Token], cue: Token) -> list[Token]:
    """A source phrase within the line of its cue: the parser joins a subheading ("Demands for
    talks") to the sentence under it, whose subject is the source."""
    if not any("\n" in t.text for t in source):
        return source
    return [t for t in source if "\n" not in t.text and not any(
        "\n" in b.text for b in t.doc[min(t.i, cue.i):max(t.i, cue.i)])]


def relayed_source(found: Found) -> list[Token] | None:
    """Whose words an outlet relays: "the agency reported, citing the military" and "citing a
    statement from spokesman X" are the military's and X's; "the statement said as reported by
    AFP" and "..., X has announced, reports Y" are the statement's and X's. None when the words
    are the source's own."""
    verb = found.anchor
    for cited in verb.children:
        if cited.dep_ == "advcl" and cited.lemma_.lower() in RELAYING_CUES:
            source = next((c for c in cited.children if c.dep_ == "dobj"), None)
            if source is not None and source.lemma_.lower() in DOCUMENT_NOUNS:
                # "citing a statement from X": X is who speaks
                source = next((o for p in source.children if p.dep_ == "prep"
                               and p.lower_ in ("from", "by") for o in p.children
                               if o.dep_ == "pobj"), source)
            return phrase(source) if source is not None else None
    if verb.lemma_.lower() != "report":
        return None
    content = set().union(*(range(s, e) for s, e in found.content))
    sayers = [verb.head] if verb.dep_ == "advcl" else [
        c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.idx not in content]
    for sayer in sayers:
        if sayer.lemma_.lower() in SPOKEN_CLAUSE_CUES:
            subject = next((c for c in sayer.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                return phrase(subject)
    return None
