"""`spiral_quotes`: who said what — direct, mixed and indirect quotes with a resolved speaker.

Direct quotes are found by their marks (“ ”, " ", « », „ “ and the news convention '' ''),
including quotes that run over paragraphs: a paragraph that opens a quote and does not close
it continues in the next paragraph's opening mark. The speaker is the subject of the speech
verb in the quote's sentence ("..., Putin said"; "Putin said: ..."); a quote with no speech verb
of its own continues the previous quote's speaker. Quoted words inside reported speech make a
mixed quote. Reported speech without marks ("said that ...", "according to ...") makes an
indirect quote. Speakers are resolved through the actor resolver (names, titles, pronouns);
unnamed sources ("a senior US official", "people familiar with the decision") are flagged
anonymous and keep what the text says of them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from spiral.nlp import extensions, layout
from spiral.nlp.actors import NON_STATE_CODES as NON_STATE
from spiral.nlp.actors import entity_at
from spiral.nlp.dates import find_event_date
from spiral.nlp.quote_marks import find_direct
from spiral.records import Entity, Quote, from_dict

SPEECH_VERBS = {"say", "tell", "add", "warn", "write", "argue", "contend", "state", "declare",
                "insist", "claim", "announce", "note", "stress", "explain", "reply", "respond",
                "threaten", "vow", "ask", "call", "urge", "accuse", "suggest", "recall"}
ANONYMOUS = re.compile(r"\b(officials?|sources?|people|person|diplomats?|aides?|insiders?)\b"
                       r"(?! named)", re.IGNORECASE)
MIN_INDIRECT_WORDS = 3


class QuoteFinder:
    """The `spiral_quotes` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        quotes = self._direct(doc, published)
        quotes += self._indirect(doc, published, quotes)
        self.set_annotations(doc, quotes)
        return doc

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        doc._.quotes = tuple(extensions.plain(q) for q in sorted(quotes, key=lambda q: q.start))

    def _direct(self, doc: Doc, published: date | None) -> list[Quote]:
        quotes: list[Quote] = []
        previous: tuple[Entity | None, str, bool] | None = None
        written = doc.text  # Doc.text joins every token on each access
        for start, end in find_direct(written):
            if layout.in_furniture(doc, start, end):
                continue  # an embedded post or a caption's words: not the story's quote
            content = written[start:end]
            sentence = _sentence_at(doc, start, end)
            verb = _speech_verb(sentence, start, end) if sentence is not None else None
            if sentence is not None and _embedded(sentence, content):
                # a phrase quoted inside someone's words: 'Trump called him “a dictator”'
                verb = _governing_verb(doc, start, end) or verb
                if verb is None:
                    continue
                speaker, speaker_text, anonymous = self._speaker(doc, verb)
                when = find_event_date(sentence, published)[0]
                quotes.append(Quote(doc_id=doc._.doc_id or "", content=content, kind="mixed",
                                    start=start, end=end, speaker=speaker,
                                    speaker_text=speaker_text, anonymous=anonymous,
                                    cue=verb.text, date=when,
                                    source_spans=_source_spans(verb),
                                    cue_spans=((verb.idx, verb.idx + len(verb)),),
                                    content_spans=((start - 1, end + 1),)))
                continue
            if verb is None and previous is not None and len(content.split()) >= 3:
                speaker, speaker_text, anonymous = previous
                cue = ""
                cue_spans: tuple = ()
                source_spans: tuple = ()
            elif verb is not None:
                speaker, speaker_text, anonymous = self._speaker(doc, verb)
                cue = verb.text
                cue_spans = ((verb.idx, verb.idx + len(verb)),)
                source_spans = _source_spans(verb)
            else:
                continue
            kind = "mixed" if verb is not None and _inside_reported_clause(verb, start, end) \
                else "direct"
            when = find_event_date(sentence, published)[0] if sentence is not None else published
            quotes.append(Quote(doc_id=doc._.doc_id or "", content=content, kind=kind,
                                start=start, end=end, speaker=speaker, speaker_text=speaker_text,
                                anonymous=anonymous, cue=cue, date=when,
                                source_spans=source_spans, cue_spans=cue_spans,
                                content_spans=((start - 1, end + 1),)))
            previous = (speaker, speaker_text, anonymous)
        return quotes

    def _indirect(self, doc: Doc, published: date | None, direct: list[Quote]) -> list[Quote]:
        quotes = []
        for sentence in layout.body(doc):
            for token in sentence:
                clause = _reported_clause(token)
                if clause is None or sum(not t.is_punct for t in clause) < MIN_INDIRECT_WORDS:
                    continue
                start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
                if any(q.start < end and start < q.end for q in direct):
                    continue  # the words are quoted: a direct or mixed quote already
                speaker, speaker_text, anonymous = self._speaker(doc, token)
                if speaker is None and not anonymous:
                    continue
                quotes.append(Quote(doc_id=doc._.doc_id or "", content=doc.text[start:end],
                                    kind="indirect", start=start, end=end, speaker=speaker,
                                    speaker_text=speaker_text, anonymous=anonymous,
                                    cue=token.text, date=find_event_date(sentence, published)[0],
                                    source_spans=_source_spans(token),
                                    cue_spans=((token.idx, token.idx + len(token)),),
                                    content_spans=((start, end),)))
        return quotes

    def _speaker(self, doc: Doc, verb: Token) -> tuple[Entity | None, str, bool]:
        """(resolved speaker, the words naming it, anonymous?) of a speech verb."""
        subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.lower_ == "according":
            subject = [t for c in verb.children for t in c.children if t.dep_ == "pobj"]
        if not subject:
            if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and verb.head.i != verb.i:
                return self._speaker(doc, verb.head)  # "..., adding that": the adder is the sayer
            return None, "", False
        head = subject[0]
        words = [t for t in head.subtree if t.dep_ not in ("relcl", "acl", "appos")
                 or t is head]
        span = doc[min(t.i for t in head.subtree):max(t.i for t in head.subtree) + 1]
        speaker = entity_at(doc, head.idx, head.idx + len(head.text))
        if speaker is None:
            for token in sorted(words, key=lambda t: t.i):
                speaker = entity_at(doc, token.idx, token.idx + len(token.text))
                if speaker is not None:
                    break
        anonymous = bool(ANONYMOUS.search(head.text)) and head.ent_type_ != "PERSON"
        if anonymous and speaker is not None:
            speaker = Entity(span.text, span.text, speaker.code, speaker.sector or "GOV",
                             "anonymous source")
        elif speaker is not None and not speaker.sector and speaker.code not in NON_STATE:
            # "Guyana said", "Tehran said": a country that speaks is its government
            speaker = replace(speaker, sector="GOV")
        return speaker, span.text, anonymous


def statement_holder(doc: Doc, sentence: Span) -> Entity | None:
    """Who states a sentence: the speaker of a quote over it, or its main verb's subject."""
    for quote in doc._.quotes:
        if quote["start"] < sentence.end_char and sentence.start_char < quote["end"] \
                and quote["speaker"]:
            return from_dict(Entity, quote["speaker"])
    subject = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subject:
        return entity_at(doc, subject[0].idx, subject[0].idx + len(subject[0].text))
    return None


def _source_spans(verb: Token) -> tuple:
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subject:
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and verb.head.i != verb.i:
            return _source_spans(verb.head)
        return ()
    tokens = list(subject[0].subtree)
    return ((tokens[0].idx, tokens[-1].idx + len(tokens[-1])),)


def _sentence_at(doc: Doc, start: int, end: int) -> Span | None:
    """The sentences the quote touches; when they hold no speech verb outside the quote, also
    a short attribution right after it ('"...." So said the minister.')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first, last = span[0].sent, span[-1].sent
    own = doc[first.start:last.end]
    if _speech_verb(own, start, end) is not None or last.end >= len(doc):
        return own
    following = next(doc[last.end:].sents)
    return doc[first.start:following.end] if _starts_with_attribution(following) else own


def _starts_with_attribution(sentence: Span) -> bool:
    return len(sentence) <= 12 and any(t.lemma_ in SPEECH_VERBS for t in sentence)


def _speech_verb(sentence: Span, start: int, end: int) -> Token | None:
    """A speech verb of the sentence outside the quote."""
    outside = [t for t in sentence if (t.idx < start - 1 or t.idx >= end + 1)
               and (t.lemma_ in SPEECH_VERBS or (t.lower_ == "according" and t.nbor(1).lower_ == "to"))]
    return min(outside, key=lambda t: abs(t.idx - end) if t.idx > end else abs(start - t.idx),
               default=None)


def _embedded(sentence: Span, content: str) -> bool:
    """Quoted words that are a small part of their sentence and not a quoted sentence of their
    own (which ends in punctuation inside the marks): the sign of a mixed quote."""
    quoted = len(content.split())
    words = sum(1 for t in sentence if not t.is_punct)
    return quoted < 0.4 * words and not content.rstrip().endswith((",", ".", "!", "?"))


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb above quoted words ("said the call had opened a “Pandora's box”"), else
    the nearest verb above them whose subject names an actor."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token, fallback = span.root, None
    while token.head.i != token.i:
        token = token.head
        if token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB" and not (start <= token.idx < end):
            return token
        subject = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if fallback is None and subject and entity_at(doc, subject[0].idx,
                                                      subject[0].idx + len(subject[0].text)):
            fallback = token
    return fallback


def _inside_reported_clause(verb: Token, start: int, end: int) -> bool:
    """Quoted words inside the verb's reported clause, not the whole of it: a mixed quote."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            tokens = list(child.subtree)
            clause_start, clause_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            outside_words = [t for t in tokens if (t.idx < start - 1 or t.idx > end)
                             and not t.is_punct]
            if clause_start <= start and end <= clause_end + 1 and len(outside_words) >= 2:
                return True
    return False


def _reported_clause(token: Token) -> list[Token] | None:
    """The clause a speech verb reports ('said that ...'), or None."""
    if token.lemma_ not in SPEECH_VERBS or token.pos_ != "VERB":
        return None
    for child in token.children:
        if child.dep_ == "ccomp":
            return sorted((t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ == "that"
                                                             and t.head.i == child.i)),
                          key=lambda t: t.i)
    # the parser sometimes misses the clause ("added that Washington bore ..." as a noun phrase)
    following = token.doc[token.i + 1:token.sent.end]
    if len(following) > 1 and following[0].lower_ == "that":
        return [t for t in following[1:] if not (t.is_punct and t.i == token.sent.end - 1)]
    return None



@Language.factory("spiral_quotes", requires=["doc._.actor_mentions"], assigns=["doc._.quotes"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
