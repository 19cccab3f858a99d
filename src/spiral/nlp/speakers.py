"""Who speaks: the speaker of an attribution's source, resolved to an actor.

A source phrase is resolved through the actor resolver (names, titles, pronouns, offices);
unnamed sources ("two people familiar with the talks", "diplomats") are anonymous and keep the
words the text uses, with a country where the text gives one. A source that points back takes
its antecedent (a relative pronoun, "the official" after "Indian Army officials", "the
statement", "a spokesman", "both sides"); a pronoun after the words it says is who spoke
before; speakers of several countries ("Armenia and Azerbaijan", "a joint communique") are
none of them; a private person the text places nowhere speaks from the report's country.
`spiral.nlp.quotes` finds the attributions and asks this module who their sources are.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc, Token

from spiral.countries import country_code
from spiral.nlp.actors import (
    BY_DOCUMENT,
    GROUP_SECTORS,
    STATE_SECTORS,
    entity_at,
    phrase_heads,
)
from spiral.nlp.actors import NON_STATE_CODES as NON_STATE
from spiral.nlp.attribution_lexicon import (
    ANONYMOUS,
    ANY_STATE_SOURCES,
    DOCUMENT_NOUNS,
    GOVERNING_WORDS,
    INTERNATIONAL_BODY_NOUNS,
    KNOWN_MEDIA_QUALIFIERS,
    MAX_ANTECEDENT_DISTANCE_CHARS,
    MILITARY_QUALIFIERS,
    NGO_HEADS,
    NGO_NAME_WORDS,
    NGO_QUALIFIERS,
    NON_STATE_CROWDS,
    NON_STATE_DESCRIPTORS,
    NON_STATE_HEADS,
    NON_STATE_QUALIFIERS,
    RELATIVE_PRONOUNS,
    SIDE_NOUNS,
    STATE_BODIES,
    STATE_SOURCE_QUALIFIERS,
    STATE_SOURCES,
)
from spiral.nlp.event_lexicon import PAIRS
from spiral.records import Entity, Quote

__all__ = ["SUBJECTS", "in_context", "resolve"]

SUBJECTS = ("nsubj", "nsubjpass")
# unnamed sources who saw what they tell, and the prepositions that place it
# people at the scene of what they tell, unnamed: they are where it happened, and no state's
ONLOOKERS = frozenset({"witness", "eyewitness", "resident", "local", "villager", "doctor",
                       "medic", "nurse", "relative", "survivor", "woman", "man"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "across", "of", "at", "around", "outside",
                                "inside"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we"})
# how many sentences back a source "it" may go on with the body that spoke last ("The
# ministry said ... It called on ... It said ...")
SENTENCES_BACK = 2
# bodies that are a state's forces, beside its government's
MILITARY_BODIES = frozenset({"army", "military", "navy", "staff", "force"})


def in_context(doc: Doc, source: list[Token], quote: Quote, earlier: list[Quote]) -> Quote:
    """The quote's speaker as the quotes before it tell it: an unresolved source takes its
    antecedent; a pronoun or a description after what it says is who was speaking before."""
    if quote.speaker is None:
        # "The ministry said ... It added": an "it" nothing resolved goes on with the body
        # that spoke before, as a resolved one does
        quote = _body_speaking_on(doc, source, quote, earlier)
    if quote.speaker is None:
        return _of_its_words_subject(doc, source, _from_antecedent(doc, source, quote, earlier))
    quote = _unnamed_still(source, _still_speaking(doc, source, quote, earlier), earlier)
    quote = _of_its_words_subject(doc, source, _body_speaking_on(doc, source, quote, earlier))
    quote = _body_named_before(source, _described_before(doc, source, quote, earlier), earlier)
    return _placed_as_before(doc, source, quote, earlier)


def resolve(doc: Doc, source: list[Token]) -> tuple[Entity | None, bool]:
    """(resolved speaker, anonymous?) of a source phrase, in its sentence."""
    if not source:
        return None, False
    head = (phrase_heads(source) or source)[0]
    speaker = entity_at(doc, head.idx, head.idx + len(head.text))
    named_at_head = speaker is not None
    if speaker is None:
        # "Sudan's army chief Ahmed Karim": the name the parser hung on the title is the source
        speaker = next((e for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                        and c.left_edge.i == head.i + 1
                        and (e := entity_at(doc, c.idx, c.idx + len(c.text))) is not None), None)
    if speaker is None:
        # the name nearest the head first: "Iran's semi-official Tasnim website" is Tasnim's
        for token in [*reversed([t for t in source if t.i < head.i]),
                      *(t for t in source if t.i > head.i)]:
            if token.dep_ in ("relcl", "acl", "appos"):
                continue
            speaker = entity_at(doc, token.idx, token.idx + len(token.text))
            if speaker is not None:
                break
    # "one of the officials", "two of his aides": the group named after "of" is the source
    named = next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj"), head) if head.pos_ in (
        "NUM", "PRON") else head
    # "Sudan TV and military sources": one unnamed source among those coordinated makes it so
    anonymous = any(ANONYMOUS.search(t.text) and t.ent_type_ != "PERSON"
                    and not (t.lower_ == "media" and _of_kind(t, KNOWN_MEDIA_QUALIFIERS))
                    # "an unidentified relative", "doctors": a person at the scene, unnamed
                    or t.pos_ == "NOUN" and t.lemma_.lower() in ONLOOKERS and not t.ent_type_
                    and not _named_word(t)
                    for t in (named, *named.conjuncts)) or _unnamed_spokesperson(source, named,
                                                                                 speaker)
    if (several := _several(doc, head) or _pair(doc, source) or _joint(doc, source, head)) \
            is not None:
        return several, anonymous
    if speaker is None and named.lemma_.lower() in NGO_HEADS and named.tag_ in ("NNS", "NNPS") \
            and {t.lower_ for t in named.subtree} & NGO_QUALIFIERS:
        # "human rights groups said", "aid agencies warned": unnamed, and no state's
        words = doc[source[0].i:source[-1].i + 1].text
        return Entity(words, words, "NGO", "NGO", "anonymous source"), True
    if speaker is None and (name := _unknown_ngo(source, head)):
        return Entity(name, name, "NGO", "NGO"), anonymous
    if speaker is not None and not speaker.code \
            and (not speaker.sector or speaker.sector in STATE_SECTORS) \
            and (head.ent_type_ == "PERSON" or head.lower_ in PERSONAL_PRONOUNS
                 or head.pos_ == "PROPN" and speaker.sector in STATE_SECTORS
                 or head.text == speaker.entity_name.split()[-1] != speaker.entity_name) \
            and (home := doc._.report_country or _office_home(doc, head, speaker)) \
            and not _owned_by_unknown(source, head):
        # a private person the text places nowhere ("Ali Ammar, whose son was killed"), or an
        # official ("Opposition leader X", "ministry spokesperson X"), speaks from where the
        # report is (as a speaker only: nothing else is inferred from it); in a report on two
        # countries alike, an official speaks for the one that last spoke or acted
        speaker = replace(speaker, code=home)
    if anonymous and speaker is None and named.lemma_.lower() in ONLOOKERS:
        # "..., witnesses said": onlookers are where what they saw happened
        speaker = _placed_in_sentence(doc, head)
        if speaker is not None:
            words = doc[source[0].i:source[-1].i + 1].text
            return Entity(words, words, speaker.code, "CVL", "anonymous source"), anonymous
    # "Manila-based analyst X", "a former Russian diplomat", "Kremlin critics": no state's
    # voice, whatever place names their country ("Guyana, a former colony," is the state itself)
    described = not named_at_head and any(t.lemma_.lower().strip(".-") in NON_STATE_DESCRIPTORS
                                          for t in source) \
        or named.lemma_.lower() in NON_STATE_CROWDS
    if described and speaker is not None and speaker.sector in STATE_SECTORS:
        speaker = replace(speaker, sector="")  # "Nairobi-based analyst X": a capital, as a place
    if speaker is not None and speaker.sector in STATE_SECTORS and not named_at_head \
            and _of_non_state_kind(head) and country_code(speaker.entity_text) is not None:
        # "Russia's Tass news agency", "Iran's state-run Nour News": an outlet the country only
        # places, though the country spoke as a state before
        speaker = replace(speaker, sector="")
    if anonymous and speaker is not None and _of_any_state(named) and not any(
            t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP") for t in source):
        # "according to diplomats" in a report on Somalia: some state's, not Somalia's, though
        # the report's country or its officials were named before ("diplomats and analysts"
        # speak for none)
        return _unplaced_diplomat(doc, source), anonymous
    if anonymous and speaker is not None:
        words = doc[source[0].i:source[-1].i + 1].text
        # "sources in Jordan" are placed, not a state's; "security sources" are
        unplaced = named.lemma_.lower() == "source" and not {
            c.lower_ for c in named.children} & STATE_SOURCE_QUALIFIERS
        speaker = Entity(words, words, speaker.code,
                         speaker.sector or ("" if described or unplaced else "GOV"),
                         "anonymous source")
    elif speaker is not None and not speaker.sector and speaker.code not in NON_STATE \
            and head.ent_type_ != "PERSON" and head.lower_ not in PERSONAL_PRONOUNS and not (
                not named_at_head and _of_non_state_kind(head)) \
            and not described:
        # "Guyana said", "Baku's defence ministry said": a country that speaks, or speaks
        # through an office, is its government ("Iran's semi-official website" is Iranian, and
        # no more)
        speaker = replace(speaker, sector="GOV")
    if speaker is not None and speaker.sector == "REB" and _governing(head):
        speaker = replace(speaker, sector="GOV")
    return speaker, anonymous


def _of_non_state_kind(head: Token) -> bool:
    """"The Greek publication", "the Russian Telegram channel Mash": a source's head noun, or
    the noun that says what kind of thing the name at its head is, names no office of a state."""
    kinds = [head, *(c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN")] \
        if head.pos_ == "PROPN" else [head]
    # "the Sudan Doctors' Committee", "MDA, Israel's emergency medical service,": a body whose
    # own qualifier, or its apposition's, says it is of no state
    described = [head, *(c for c in head.children if c.dep_ == "appos")]
    qualifiers = [c for noun in described for c in noun.children
                  if c.dep_ in ("compound", "amod", "poss")]
    return any(t.lemma_.lower() in NON_STATE_HEADS for t in kinds) \
        or any(word in NON_STATE_HEADS | NON_STATE_QUALIFIERS
               for t in qualifiers for word in (t.lemma_.lower(), _stem(t.text)))


def _unknown_ngo(source: list[Token], head: Token) -> str:
    """The name of a body the knowledge base does not know whose own name says it is
    non-governmental ("The Campaign for Nuclear Disarmament (CND)" is "Campaign for Nuclear
    Disarmament"), or "": its capitalised words, and those joining them, up to a bracket."""
    if head.pos_ != "PROPN" and not _named_word(head):
        return ""
    ids = {t.i for t in source}
    words = [t for t in head.subtree if t.i in ids and t.dep_ != "det"]
    name: list[Token] = []
    for t in words:
        if t.text == "(" or t.dep_ in ("relcl", "acl", "appos"):
            break
        if t.text[:1].isupper() or name and t.lower_ in ("for", "of", "on", "the", "and"):
            name.append(t)
    while name and not name[-1].text[:1].isupper():
        name.pop()
    if not any(t.lower_ in NGO_NAME_WORDS for t in name):
        return ""
    return " ".join(t.text for t in name)


def _unnamed_spokesperson(source: list[Token], head: Token, speaker: Entity | None) -> bool:
    """"A spokesman for Britain's defence ministry", "an Iranian foreign ministry spokesman",
    "Uganda's government spokesperson", "the junta spokesperson": a spokesperson the text does
    not name, and does not point back to ("the spokesman", "his spokesperson", "the group's
    spokesman", "the ministry spokesperson" after "ministry spokesperson X")."""
    if head.lower_ not in SPOKESPEOPLE or any(t.ent_type_ == "PERSON" for t in source):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return True
    # whose spokesperson the words say, and no person named before is meant
    return any(c.dep_ in ("compound", "amod") or c.dep_ == "poss" and c.pos_ == "PROPN"
               for c in head.children) \
        and (speaker is None or speaker.role in ("", BY_DOCUMENT))


def _of_any_state(head: Token) -> bool:
    """"Diplomats", "a diplomatic source" with no word that says whose."""
    return _of_kind(head, ANY_STATE_SOURCES) \
        and not any(_named_word(c) for c in _qualifiers(head))


def _still_speaking(doc: Doc, source: list[Token], quote: Quote, earlier: list[Quote]
                    ) -> Quote:
    """"Sudan's army said ... Sudanese troops repelled the attack on the Ethiopian side, it
    said": a pronoun after what it says is who was speaking before, not a country named in the
    words it says."""
    if [t.lower_ for t in source] not in (["it"], ["they"]) or quote.speaker is None \
            or source[0].idx < quote.start:
        return quote
    window = [q for q in earlier if q.speaker is not None and q.speaker.code
              and quote.start - q.end <= MAX_ANTECEDENT_DISTANCE_CHARS]
    named_inside = any(quote.start <= start < quote.end and (e := entity_at(doc, start, end))
                       is not None and e.code == quote.speaker.code
                       for start, end, _ in doc._.actor_mentions)
    if not window or not named_inside or window[-1].speaker.code == quote.speaker.code:
        return quote
    return replace(quote, speaker=_named_as(window[-1]), anonymous=window[-1].anonymous)


def _body_speaking_on(doc: Doc, source: list[Token], quote: Quote, earlier: list[Quote]
                      ) -> Quote:
    """"China's education ministry said crimes against Chinese nationals in Japan were rising.
    It said students should reconsider": "it" as a source goes on with the body that spoke in
    the sentence before, not with a country its words named, when no other body was a clause's
    subject in between."""
    if [t.lower_ for t in source if not t.is_punct] != ["it"]:
        return quote
    pronoun = source[0]
    before = [q for q in earlier if q.speaker is not None and q.source_spans
              and q.source_spans[0][0] < pronoun.idx]
    if not before or (last := before[-1]).speaker == quote.speaker:
        return quote
    spoken = doc.char_span(*last.source_spans[0], alignment_mode="expand")
    if spoken is None or spoken.root.sent.start not in _sentences_up_to(doc, pronoun) \
            or not _a_body(spoken.root) or _other_subject_between(doc, spoken.root, pronoun):
        return quote
    return replace(quote, speaker=_named_as(last), anonymous=last.anonymous)


def _described_before(doc: Doc, source: list[Token], quote: Quote, earlier: list[Quote]
                       ) -> Quote:
    """"Pakistan's foreign ministry said ... Iran had failed to act, the ministry said": a
    definite description by the head noun of a source quoted before, nearby, is that source,
    not the country the knowledge base took the description for (nor a person whose words
    name the body: "X, who heads the observatory," is not "the observatory")."""
    words = [t for t in source if not t.is_punct]
    if len(words) != 2 or words[0].lower_ != "the" or words[1].pos_ != "NOUN" \
            or quote.speaker is None:
        return quote
    noun = _stem(words[1].text)
    named = next((q for q in reversed(earlier) if q.speaker is not None and q.source_spans
                  and quote.start - q.end <= MAX_ANTECEDENT_DISTANCE_CHARS
                  and (spoken := doc.char_span(*q.source_spans[0], alignment_mode="expand"))
                  is not None and _stem(spoken.root.text) == noun), None)
    if named is None or named.speaker == quote.speaker:
        return quote
    return replace(quote, speaker=_named_as(named), anonymous=named.anonymous)


def _a_body(head: Token) -> bool:
    """A source "it" can point back to: one body, not a person nor several."""
    return head.ent_type_ != "PERSON" and head.lower_ not in PERSONAL_PRONOUNS | {"they"} \
        and head.tag_ != "NNS"


def _sentences_up_to(doc: Doc, token: Token) -> set[int]:
    """Where a token's sentence and the SENTENCES_BACK before it start, over the blank lines
    between paragraphs."""
    starts = {token.sent.start}
    i = token.sent.start - 1
    while i >= 0 and len(starts) <= SENTENCES_BACK:
        if doc[i].sent.text.strip():
            starts.add(doc[i].sent.start)
        i = doc[i].sent.start - 1
    return starts


def _other_subject_between(doc: Doc, spoken: Token, pronoun: Token) -> bool:
    """Whether a country or body other than "it" is the subject of a sentence after the one in
    which the last speaker spoke (whose words may name others) and before the pronoun ("The
    army said ... Hezbollah claimed the attack. It said ...": "it" may be Hezbollah)."""
    mentions = doc._.actor_mentions  # sorted by start_char
    for start, end, _ in mentions[bisect.bisect_left(mentions, (spoken.sent.end_char,)):]:
        if start >= pronoun.idx:
            break
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.dep_ in SUBJECTS and span.root.lower_ != "it" \
                and span.root.head.i == span.root.sent.root.i \
                and entity_at(doc, start, end) is not None:
            return True
    return False


def _of_its_words_subject(doc: Doc, source: list[Token], quote: Quote) -> Quote:
    """"Iraq handed the Turkish envoy a note of protest, the foreign ministry said", "Indian
    troops pre-empted the PLA's moves, the army said": a state body the text places nowhere,
    after its words, is of the state its words make their subject, not of another they name
    further in (a ministry of a country, an army of a state's forces)."""
    words = [t for t in source if not t.is_punct]
    if len(words) < 2 or len(words) > 3 or words[0].lower_ != "the" \
            or words[-1].lemma_.lower() not in STATE_BODIES or source[0].idx < quote.end \
            or quote.speaker is None or quote.speaker.role == BY_DOCUMENT:
        return quote
    # "the US military": a body its own words place
    if any(country_code(t.text) for t in words[1:-1]):
        return quote
    entity = _words_subject(doc, words[0], quote)
    if not entity or len(entity.code) != 3 or entity.code in NON_STATE \
            or entity.code == quote.speaker.code:
        return quote
    military = words[-1].lemma_.lower() in MILITARY_BODIES
    if military != (entity.sector == "MIL") or not military and entity.sector not in ("", "GOV"):
        return quote
    text = " ".join(t.text for t in words)
    return replace(quote, speaker=Entity(text, entity.entity_name, entity.code,
                                         quote.speaker.sector or entity.sector or "GOV"))


def _words_subject(doc: Doc, source: Token, quote: Quote) -> Entity | None:
    """Who or what the words a source said after them make the subject of their main clause
    ("Iraq handed the envoy a note, the ministry said": Iraq)."""
    inside = [t for t in doc[source.sent.start:source.i] if quote.start <= t.idx < quote.end]
    roots = [t for t in inside if not quote.start <= t.head.idx < quote.end or t.head.i == t.i]
    subject = next((c for root in roots[:1] for c in root.children
                    if c.dep_ in SUBJECTS and c.pos_ != "PRON"), None)
    return subject and entity_at(doc, subject.idx, subject.idx + len(subject.text))


def _unnamed_still(source: list[Token], quote: Quote, earlier: list[Quote]) -> Quote:
    """"U.S. officials said ... They added that ...": "they" after unnamed sources of the same
    country are those sources, unnamed still (the pronoun resolves to their country alone)."""
    if [t.lower_ for t in source] != ["they"] or quote.speaker is None or quote.anonymous:
        return quote
    window = [q for q in earlier if q.speaker is not None
              and quote.start - q.end <= MAX_ANTECEDENT_DISTANCE_CHARS]
    if not window or not window[-1].anonymous or window[-1].speaker.code != quote.speaker.code:
        return quote
    return replace(quote, speaker=window[-1].speaker, anonymous=True)


def _body_named_before(source: list[Token], quote: Quote, earlier: list[Quote]) -> Quote:
    """"China's coastguard said ... It said its patrol was routine": "it" resolves to China,
    and is the body that spoke last by the words that named it (the pronoun alone says only
    the country); so is "the ministry" after "the UK's Ministry of Defence", "the group" after
    "the TPLF, the former ruling party", and "he" after "President Volodymyr Zelenskyy"."""
    words = [t.lower_ for t in source]
    # "the UK's Ministry of Defence said ... the ministry said": a definite description by the
    # head noun of the words that named the body
    described = len(words) == 2 and words[0] == "the" and source[1].pos_ == "NOUN"
    if words not in (["it"], ["they"], *([w] for w in PERSONAL_PRONOUNS)) and not described \
            or quote.speaker is None:
        return quote
    named = next((q for q in reversed(earlier) if q.speaker is not None
                  and quote.start - q.end <= MAX_ANTECEDENT_DISTANCE_CHARS
                  and not _points_back(q.speaker_text)), None)
    if named is None or named.speaker.entity_name != quote.speaker.entity_name \
            or named.speaker.code != quote.speaker.code \
            or named.speaker.sector != quote.speaker.sector:
        return quote
    # a state body described by another kind of body's noun ("the army" after "the foreign
    # ministry") is not the one named before, whatever the knowledge base took it for
    if described and words[1] in STATE_BODIES and words[1] not in {
            _stem(w) for w in named.speaker_text.lower().split()} | {
            w.lower() for w in named.speaker_text.split()}:
        return quote
    return replace(quote, speaker=replace(quote.speaker, entity_text=named.speaker_text))


def _points_back(words: str) -> bool:
    """Whether a source's words name no one of themselves: a pronoun ("he", "it", "which") or a
    definite description by a common noun ("the group", not "the Pentagon")."""
    first, _, rest = words.partition(" ")
    return words.lower() in PERSONAL_PRONOUNS | RELATIVE_PRONOUNS | {"it", "they"} \
        or first.lower() == "the" and rest.isalpha() and rest.islower()


def _office_home(doc: Doc, head: Token, speaker: Entity) -> str:
    """The country of an office holder the text places nowhere, in a report on no one country:
    the one whose state last spoke or acted ("Pakistan announced it was expelling the envoy.
    ... foreign minister X said")."""
    if speaker.sector not in STATE_SECTORS:
        return ""
    last = _last_subject(doc, head)
    return last.code if last is not None and len(last.code) == 3 \
        and last.code not in NON_STATE else ""


def _placed_as_before(doc: Doc, source: list[Token], quote: Quote, earlier: list[Quote]
                      ) -> Quote:
    """A person the text places nowhere (unknown to the knowledge base, no country in their
    words) speaks from one country throughout: the one their first quoted mention was given
    ("Prime Minister X said ... he said", though another state acted in between); an official
    so unplaced when first quoted speaks for the state whose voice was quoted last, nearby, not
    for the one the report names most ("Seoul's foreign ministry said ... Vice Minister X told
    the Chinese envoy")."""
    if quote.speaker is None or not quote.speaker.code:
        return quote
    head = (phrase_heads(source) or source)[0]
    named = entity_at(doc, head.idx, head.idx + len(head.text))
    if named is None or named.code:
        return quote  # the text, or the knowledge base, places this mention
    home = _first_placed(quote, earlier) or (
        _last_state_voice(quote, earlier) if quote.speaker.sector in STATE_SECTORS else None)
    if home is None or home.code == quote.speaker.code:
        return quote
    return replace(quote, speaker=replace(quote.speaker, code=home.code))


def _first_placed(quote: Quote, earlier: list[Quote]) -> Entity | None:
    """The speaker, as first quoted with a country, of an earlier quote by the same person."""
    return next((q.speaker for q in earlier if q.speaker is not None and q.speaker.code
                 and q.speaker.entity_name == quote.speaker.entity_name), None)


def _last_state_voice(quote: Quote, earlier: list[Quote]) -> Entity | None:
    """The last state's voice quoted before a quote, nearby, whoever spoke in between (a
    person placed nowhere, an outlet)."""
    return next((q.speaker for q in reversed(earlier) if q.speaker is not None
                 and quote.start - q.end <= MAX_ANTECEDENT_DISTANCE_CHARS
                 and q.speaker.sector in STATE_SECTORS and len(q.speaker.code) == 3
                 and q.speaker.code not in NON_STATE), None)


def _named_as(quote: Quote) -> Entity | None:
    """A quote's speaker under the words its source named them by ("Cambodia's defence
    ministry", where the knowledge base knows only Cambodia); a source that itself pointed back
    ("the statement", "it") keeps the words it took."""
    words = quote.speaker_text
    if quote.speaker is None or not words or words.split()[-1].lower() in DOCUMENT_NOUNS \
            or _points_back(words):
        return quote.speaker
    return replace(quote.speaker, entity_text=words)


def _unplaced_diplomat(doc: Doc, source: list[Token]) -> Entity:
    """Diplomats of no country the text gives: some state's voice, unless analysts or other
    voices of no state are with them."""
    words = doc[source[0].i:source[-1].i + 1].text
    analysts = any(t.lemma_.lower() in NON_STATE_DESCRIPTORS for t in source)
    return Entity(words, words, "", "" if analysts else "GOV", "anonymous source")


def _governing(head: Token) -> bool:
    """"The Taliban's defence ministry", "a Taliban government official": the source is an
    office of government, whoever runs it."""
    return _of_kind(head, GOVERNING_WORDS)


def _of_kind(head: Token, words: frozenset[str]) -> bool:
    """Whether a source's head noun or a word qualifying it is one of `words`."""
    return head.lemma_.lower() in words or any(c.lemma_.lower() in words
                                               for c in _qualifiers(head))


def _named_word(word: Token) -> bool:
    """A word capitalised as a name is ("a Western official", "Iraqi sources"), not as the
    first of its sentence ("Senior defense officials said")."""
    return word.text[:1].isupper() and word.i != word.sent.start


def _qualifiers(head: Token) -> list[Token]:
    """The words that qualify a source's head noun ("security" sources, a "senior" official)."""
    return [c for c in head.children if c.dep_ in ("compound", "amod")]


def _placed_in_sentence(doc: Doc, head: Token) -> Entity | None:
    """The one country a sentence places what it tells in ("in the Gaza Strip", "near Kharkiv"),
    by the places it names after a preposition of place."""
    sentence = head.sent
    found = {}
    for start, end, _ in doc._.actor_mentions:
        if not sentence.start_char <= start < sentence.end_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        entity = entity_at(doc, start, end)
        # "in Gaza", and "in Mali's central region"
        place = span.root.head if span is not None and span.root.dep_ == "poss" \
            and span.root.head.dep_ == "pobj" else span.root if span is not None else None
        if span is not None and entity is not None and span.root.pos_ == "PROPN" \
                and place.dep_ == "pobj" and place.head.lower_ in PLACE_PREPOSITIONS \
                and len(entity.code) == 3 and entity.code not in NON_STATE:
            found[entity.code] = entity
    return next(iter(found.values())) if len(found) == 1 else None


def _owned_by_unknown(source: list[Token], head: Token) -> bool:
    """"Star TV's Amina Yusuf": a person of a body the knowledge base does not know."""
    return any(t.dep_ == "poss" and t.pos_ == "PROPN" and t.i < head.i for t in source)


def _several(doc: Doc, head: Token) -> Entity | None:
    """"Armenia and Azerbaijan accuse each other", "Israel and Hamas each said": speakers of
    different countries coordinated are no one country; they speak for states when one of them
    does."""
    conjuncts = [head, *head.conjuncts]
    if len(conjuncts) < 2:
        return None
    entities = [e for t in conjuncts if (e := entity_at(doc, t.idx, t.idx + len(t.text)))]
    # "DR Congo and Western countries": a bloc beside a country does not make two speakers
    if len({e.code for e in entities if e.code and e.code not in NON_STATE}) < 2:
        return None
    first, last = min(t.left_edge.i for t in conjuncts), max(t.right_edge.i for t in conjuncts)
    words = doc[first:last + 1].text
    # a country named as such ("Armenia") carries no sector: it is a state
    state = any(e.sector in STATE_SECTORS or not e.sector and e.code not in NON_STATE
                for e in entities)
    return Entity(words, words, "", "GOV" if state else "", "several speakers")


def _joint(doc: Doc, source: list[Token], head: Token) -> Entity | None:
    """"A joint communique", "the Lima Declaration", "the two countries' ministries": what
    several parties issued or said together is no one country's, as several speakers are not;
    it speaks for states unless one of those it names is of no state."""
    document = head.lemma_.lower() in DOCUMENT_NOUNS
    joint = document and any(c.lower_ == "joint" and c.dep_ in ("amod", "compound")
                             for c in head.children)
    # a declaration named after the place it was signed in
    placed = head.lemma_.lower() == "declaration" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i for c in head.children)
    # "the two countries' foreign ministries", "both sides' statement"
    both = any(c.dep_ == "poss" and c.lemma_.lower() in SIDE_NOUNS and any(
        d.lower_ in ("two", "both") for d in c.children) for c in head.children)
    if not (joint or placed or both):
        return None
    words = doc[source[0].i:source[-1].i + 1].text
    named = [e for t in source if (e := entity_at(doc, t.idx, t.idx + len(t.text))) is not None]
    state = all(e.sector in STATE_SECTORS or not e.sector and e.code not in NON_STATE
                for e in named)
    return Entity(words, words, "", "GOV" if state else "", "several speakers")


def _pair(doc: Doc, source: list[Token]) -> Entity | None:
    """"Both sides vowed to fight on": the last two sides named before, in the sentence or the
    one before; one country when both belong to it, else none."""
    words = [t for t in source if not t.is_punct]
    if " ".join(t.lower_ for t in words) not in PAIRS:
        return None
    sentence = words[0].sent
    first = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    sides: list[Entity] = []
    for start, end, _ in reversed(doc._.actor_mentions):
        if end > words[0].idx:
            continue
        if start < first or len(sides) == 2:
            break
        entity = entity_at(doc, start, end)
        if entity is not None and entity.code and entity.code not in NON_STATE \
                and all(entity.entity_name != side.entity_name for side in sides):
            sides.insert(0, entity)
    if len(sides) < 2:
        return None
    codes = {side.code for side in sides}
    state = any(side.sector in STATE_SECTORS or not side.sector for side in sides)
    text = " ".join(t.text for t in words)
    return Entity(text, " and ".join(side.entity_name for side in sides),
                  codes.pop() if len(codes) == 1 else "", "GOV" if state else "", "both sides")


def _from_antecedent(doc: Doc, source: list[Token], quote: Quote,
                     earlier: list[Quote]) -> Quote:
    """A source that points back to one named before: "News agency ANI, which reported ..." is
    ANI; "the official" is the official quoted last; "the statement", the last who spoke."""
    if not source:
        return quote
    ids = {t.i for t in source}
    head = (phrase_heads(source) or source)[0]
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        antecedent = head.head.head
        speaker, anonymous = resolve(doc, [t for t in antecedent.subtree
                                            if t.i < head.head.i and t.i not in ids])
        # "a second source who also said ...": who an unnamed source is stays unnamed
        return replace(quote, speaker=speaker, anonymous=anonymous) \
            if speaker or anonymous else quote
    author = next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "by"
                   for o in c.children if o.dep_ == "pobj"), None) \
        if head.lemma_.lower() in DOCUMENT_NOUNS else head
    if author is not None and (body := _international_body_described(doc, author)) is not None:
        # "the bloc said", "a report by the watchdog": the international body named before
        return replace(quote, speaker=body, anonymous=False)
    if head.lemma_.lower() in DOCUMENT_NOUNS and (head.lower_ != head.lemma_.lower() or any(
            c.dep_ == "prep" and c.lower_ in ("by", "from") for c in head.children)):
        # "the report by a doctor" names its author, unknown as they may be; "reports said",
        # "news reports indicated" are the press's, not the last speaker's
        return quote
    window = [q for q in earlier if q.speaker is not None
              and quote.start - q.end <= MAX_ANTECEDENT_DISTANCE_CHARS]
    if head.lower_ in SPOKESPEOPLE and window and not window[-1].speaker.role \
            and not any(c.dep_ in ("poss", "prep") for c in head.children):
        # "The Pentagon said ... A spokesman said": the body quoted last speaks through them
        return replace(quote, speaker=window[-1].speaker, anonymous=False)
    if head.lemma_.lower() in DOCUMENT_NOUNS and window:
        # the statement is the last speaker's, by the words that named them ("Cambodia's
        # defence ministry said ... The statement said"), not by the country alone
        return replace(quote, speaker=_named_as(window[-1]), anonymous=window[-1].anonymous)
    if head.lemma_.lower() in DOCUMENT_NOUNS and (issuer := _last_subject(doc, head)):
        # "Ecowas called for ... The communique warned": no statement quoted before, the body
        # that last acted is its issuer
        return replace(quote, speaker=issuer)
    # "the official", "Army officials" after "Indian Army officials", "the border service" after
    # "the Kyrgyz border service": every word of the source is a word of one quoted before
    # (nearby for a single word, anywhere before for more), before the last country to act
    words = {_stem(t.text) for t in source if t.is_alpha and t.dep_ != "det"}
    before = window if len(words) < 2 else [q for q in earlier if q.speaker is not None]
    # a bare plural ("officials said") is a new group, not the one quoted before
    bare_plural = len(source) == 1 and head.tag_ == "NNS"
    same = [q for q in before if words and not bare_plural
            and words <= {_stem(w) for w in q.speaker_text.split()}]
    if same:
        return replace(quote, speaker=_named_as(same[-1]), anonymous=same[-1].anonymous)
    if head.lemma_.lower() in STATE_BODIES and not quote.anonymous \
            and not any(c.dep_ == "amod" and _named_word(c) and c.pos_ == "ADJ"
                        for c in head.children) \
            and (subject := _last_subject(doc, head)) is not None \
            and subject.code not in NON_STATE and len(subject.code) == 3:
        # "Polish authorities said all was calm. The Defence Ministry said ...": a state body
        # the text places nowhere is of the country that last spoke or acted ("the European
        # governments" are placed, if not in one country)
        text = doc[source[0].i:source[-1].i + 1].text
        return replace(quote, speaker=Entity(text, subject.entity_name, subject.code, "GOV"))
    named = next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj"), head) if head.pos_ in (
        "NUM", "PRON") else head
    if quote.anonymous and quote.speaker is None and _of_any_state(named):
        return replace(quote, speaker=_unplaced_diplomat(doc, source))
    if quote.anonymous and (sector := _state_source(named)) \
            and not any(_named_word(c) and c.pos_ in ("ADJ", "PROPN")
                        and c.dep_ in ("amod", "compound") and c.lower_ not in
                        MILITARY_QUALIFIERS | STATE_SOURCE_QUALIFIERS for c in named.children) \
            and (subject := _placed_by_verb(doc, head) or _state_in_its_words(doc, source, quote)
                 or _last_state_speaker(window) or _last_subject(doc, head)) is not None \
            and subject.code not in NON_STATE and len(subject.code) == 3:
        # "In Pakistan, a security official said": where the saying is placed; "Seoul's Joint
        # Chiefs said ... according to a defence source": an unnamed official
        # the text places nowhere speaks for the state that last spoke or acted ("a Western
        # official" is placed, if not in one country)
        text = doc[source[0].i:source[-1].i + 1].text
        return replace(quote, speaker=Entity(text, text, subject.code, sector,
                                             "anonymous source"))
    if quote.speaker is None and quote.anonymous \
            and (home := _home_source(named)) is not None \
            and not any(_named_word(c) and c.dep_ in ("amod", "compound")
                        and c.lower_ not in MILITARY_QUALIFIERS | STATE_SOURCE_QUALIFIERS
                        for c in named.children) \
            and (country := doc._.report_country or getattr(
                _placed_in_sentence(doc, head), "code", "")):
        # "security sources said", "a hospital official said", "a villager said" and nothing
        # before places them: they are of the country the report is about, or else of the one
        # where what they tell happened
        text = doc[source[0].i:source[-1].i + 1].text
        return replace(quote, speaker=Entity(text, text, country, home, "anonymous source"))
    return quote


def _state_in_its_words(doc: Doc, source: list[Token], quote: Quote) -> Entity | None:
    """The state whose office holder or body the words an unnamed official said after them
    make their subject ("US President X paused an arms shipment, officials said")."""
    if source[0].idx < quote.end:
        return None
    entity = _words_subject(doc, source[0], quote)
    return entity if entity is not None and entity.sector in STATE_SECTORS \
        and len(entity.code) == 3 and entity.code not in NON_STATE else None


def _last_state_speaker(window: list[Quote]) -> Entity | None:
    """The state whose voice was quoted last, nearby ("Foreign ministry spokesperson X said
    ... Officials later said"): unnamed officials go on speaking for it, whatever country the
    words between them named."""
    if not window or window[-1].speaker.sector not in STATE_SECTORS:
        return None
    return window[-1].speaker


def _home_source(head: Token) -> str | None:
    """The sector of an unnamed source who is of the place the report is about ("security
    sources", "a hospital official", "residents", "authorities"), or None for one who may be of
    anywhere ("diplomats", "a second source", "people familiar with the talks")."""
    lemma = head.lemma_.lower()
    if (sector := _state_source(head)) or lemma in STATE_SOURCES:
        return sector
    if lemma in ONLOOKERS:
        return "CVL"
    return "GOV" if lemma in STATE_BODIES or head.lower_ in STATE_BODIES else None


def _placed_by_verb(doc: Doc, head: Token) -> Entity | None:
    """The country an "in X" phrase on the source's verb names ("In Pakistan, an official
    said")."""
    verb = head.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < head.i:
            for place in prep.children:
                entity = entity_at(doc, place.idx, place.idx + len(place.text))
                if place.dep_ == "pobj" and entity is not None and len(entity.code) == 3:
                    return entity
    return None


def _state_source(head: Token) -> str:
    """The sector of an unnamed source who speaks for a state ("a senior official", "security
    sources", "an informed defence source"), or "" ("a hospital official", "a second source")."""
    qualifiers = {c.lower_ for c in _qualifiers(head)}
    if qualifiers & NON_STATE_QUALIFIERS:
        return ""
    if head.lemma_.lower() in STATE_SOURCES or qualifiers & STATE_SOURCE_QUALIFIERS:
        return "MIL" if qualifiers & MILITARY_QUALIFIERS else "GOV"
    return ""


def _last_subject(doc: Doc, before: Token) -> Entity | None:
    """The last country or organisation before a token that was a clause's subject, nearby."""
    for start, end, _ in reversed(doc._.actor_mentions):
        if end > before.idx:
            continue
        if before.idx - end > MAX_ANTECEDENT_DISTANCE_CHARS:
            break
        span = doc.char_span(start, end, alignment_mode="expand")
        entity = entity_at(doc, start, end)
        if span is not None and span.root.dep_ in SUBJECTS and entity is not None \
                and entity.code and span.root.ent_type_ != "PERSON" and not entity.role:
            return entity
    return None


def _international_body_described(doc: Doc, noun: Token) -> Entity | None:
    """"The bloc", "the continental organisation": a definite description by a noun an
    international body goes by is the international body named last before it, nearby, by the
    words of the description, when no other group was named since ("the organisation" after
    Amnesty is Amnesty's)."""
    if noun.lemma_.lower() not in INTERNATIONAL_BODY_NOUNS or noun.tag_ not in ("NN", "NNP") \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    for start, end, _ in reversed(doc._.actor_mentions):
        if end > noun.idx:
            continue
        if noun.idx - end > MAX_ANTECEDENT_DISTANCE_CHARS:
            return None
        entity = entity_at(doc, start, end)
        if entity is not None and entity.sector in GROUP_SECTORS:
            words = doc[noun.left_edge.i:noun.i + 1].text
            return replace(entity, entity_text=words) if entity.code == "IGO" else None
    return None


def _stem(word: str) -> str:
    """A word without case and plural: "Officials" and "official" are one."""
    word = word.lower().strip(",.;:'’\"")
    return word[:-1] if word.endswith("s") and len(word) > 3 else word
