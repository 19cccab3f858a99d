"""`spiral_actors`: find and resolve every actor mention, including titles and pronouns.

Resolution runs in four passes over one document, each using what the earlier ones found:
1. knowledge-base names (people, countries, capitals such as "the Kremlin", organisations, places);
2. titles ("the Russian president", "Ukraine's defence minister") to the office holder on the
   publication date, or to the country's government when no holder is known;
3. unknown people, given a country and sector from their descriptor ("Pentagon spokeswoman
   Sabrina Singh", "regional governor Serhiy Lysak"). The model's entity recogniser is the
   costliest part of a spaCy pipeline and spiral needs only its PERSON names, so `spiral.nlp.load`
   disables it and this component runs it on demand, on the sentences that hold a run of
   capitalised words no knowledge-base name explains;
4. he/she and "the spokeswoman" to the nearest compatible person mentioned before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy
from spacy.attrs import DEP, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NOUN, PROPN, poss
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from spiral.countries import country_code, country_name
from spiral.nlp import extensions, layout, name_forms
from spiral.nlp.attribution_lexicon import NON_STATE_HEADS, RELAYING_CUES
from spiral.nlp.kb import ActorKB, Fixed, Person, spelling_key
from spiral.nlp.quote_marks import find_direct
from spiral.records import Entity, from_dict, to_dict

TITLES = {
    "president": "president", "prime minister": "prime minister", "premier": "prime minister",
    "chancellor": "chancellor", "foreign minister": "foreign minister",
    "foreign secretary": "foreign secretary", "secretary of state": "secretary of state",
    "defence minister": "defence minister", "defense minister": "defence minister",
    "defence secretary": "defence secretary", "defense secretary": "secretary of defense",
    "supreme leader": "supreme leader", "spokesman": "spokes", "spokeswoman": "spokes",
    "spokesperson": "spokes", "leader": "leader",
}
# the offices a country's "leader" may hold
HEADS = ("president", "prime minister")
GOV_WORDS = re.compile(r"minister|president|spokes|secretary|governor|official|ambassador|envoy"
                       r"|chancellor|leader|diplomat|ministry|government|adviser|mayor"
                       r"|\bchief\b(?! executive)")
MIL_WORDS = re.compile(r"general|commander|army|military|officer|soldier|chief of staff|forces?\b"
                       r"|navy|naval|coast guard|colonel|lieutenant|captain|brigadier|admiral"
                       r"|sergeant|\b(?:maj|col|lt|capt|brig|gen|sgt|adm)\b")
# nouns that point back at a group that is not a state: "the group said it would ..."
GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization",
                         "faction", "insurgents", "rebels", "militants"})
# what may stand between a name and the body it belongs to: "X of the Observatory"
ATTACHED = re.compile(r"\s*(?:of|from|at|for|in)\s+(?:the\s+)?")
FORMER = re.compile(r"\b(?:former|ex-|retired)")
EDU_WORDS = re.compile(r"analyst|expert|professor|researcher|scholar|think tank|fellow|institute"
                       r"|studies|cent(?:er|re) for")
MED_WORDS = re.compile(r"journalist|reporter|editor|correspondent|blogger")
# "Russian Ambassador to Germany X", "Tehran's envoy to the UN, X": the country or body a
# diplomat is posted to, named just before the place; the diplomat speaks for the other one
DIPLOMATS = ("ambassador", "envoy", "consul", "emissary", "representative", "delegate")
POSTED_TO = re.compile(rf"\b(?:{'|'.join(DIPLOMATS)})s?\s+(?:to|at|in)\s+(?:the\s+)?$",
                       re.IGNORECASE)
THE_COUNTRY = re.compile(r"\bthe country\s*['’]s\b", re.IGNORECASE)
EXPLETIVE = {"likely", "unlikely", "clear", "unclear", "possible", "impossible", "important",
             "necessary", "true", "time", "expected", "reported", "believed", "feared", "hoped",
             "understood", "thought", "said", "known", "difficult", "easy", "hard"}
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"}
COLLECTIVE_WORDS = re.compile(r"\b(?:it|its|they|their)\b", re.IGNORECASE)
ACRONYM_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w’'&-]*(?:['’]s)?\s+(?:(?:of|the|for|and|on|de|in)\s+)*){1,8})"
    r"\((?P<acronym>[A-Z][A-Z0-9]{1,7})\)")
# how many words before a name may give the office it is named by ("Estonian Prime Minister")
TITLE_WINDOW = 5
# the possessive "'s" as the tokenizer splits it off, straight or curly
POSSESSIVE_ENDINGS = ("'s", "’s")
# words that may stand before a surname alone: "President Ali", "Mr Khan", "General Burhan"
NAME_TITLES = frozenset({w for title in TITLES for w in title.split()} | {
    "mr", "mrs", "ms", "dr", "general", "gen", "colonel", "col", "sheikh", "king", "queen",
    "prince", "emir", "sir", "lord", "lady", "judge", "senator", "sen", "rep", "governor",
    "ambassador", "envoy", "spokesman", "spokeswoman", "chief", "commander", "marshal"})
# capitalised office words that stand before a name ("Speaker X", "Governor X")
OFFICE_WORDS = frozenset({"speaker", "governor", "mayor", "minister", "secretary", "premier",
                          "president", "chairman", "chairwoman", "chancellor", "general",
                          "colonel", "commander", "marshal", "ambassador", "envoy", "spokesman",
                          "spokeswoman", "spokesperson"})
# sectors of an unqualified agent noun that the report's own country stands behind
HOME_SECTORS = frozenset({"MIL", "GOV", "COP", "SPY", "REB", "MED", "CVL"})
# sectors that speak and act for a state
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# sectors of a group that speaks for no state: its members are the group's, not their country's
GROUP_SECTORS = frozenset({"REB", "OPP", "PTY", "NGO", "IGO", "MED", "EDU", "IMG"})
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})
# "Russia's Leningrad Oblast", "Sudan's South Darfur State": a place the text gives a country
# (after the country's name, matched at its end); the last word says it is a place
PLACE_DEFINITION = re.compile(
    r"['’]s (?P<place>(?:[A-Z][\w-]+ ){1,3}(?:Oblast|Region|Province|Governorate|State|"
    r"District|Krai|Prefecture|County|Territory))\b")
# forms of rule an agent word may qualify: "military rule", "a military takeover"
RULE_NOUNS = frozenset({"rule", "takeover", "coup", "dictatorship"})
GEOGRAPHIC_FEATURES = frozenset({"Ocean", "Sea", "Gulf", "Strait", "Straits", "Peninsula",
                                 "Subcontinent", "Plateau", "Basin", "Highlands", "Desert"})
COMPASS_POINTS = frozenset({"north", "south", "east", "west"})
ROLE_QUALIFIERS = frozenset({"prime", "foreign", "defence", "defense", "interior", "vice"})
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
MAX_PRONOUN_DISTANCE_CHARS = 600
STATE_NOUNS = frozenset({"army", "military", "ministry", "government", "police", "navy"})
# lower-case words inside a person's name: "Abdul Qader al-Mortada", "Ursula von der Leyen"
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "van",
                            "von", "der", "den", "le", "la"})
ARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar)-", re.IGNORECASE)  # of an Arabic surname
BY_DOCUMENT = "by document"  # the role of a body placed in the country the report is about
ANAPHORS = re.compile(r"\b(?:he|him|his|she|her|spokeswoman|spokesman|minister|president)\b",
                      re.IGNORECASE)
# nouns too common to point back at a named actor ("the country" may be any of them)
GENERIC_NOUNS = {"country", "state", "war", "attack", "strike", "strikes", "move", "decision",
                 "step", "time", "day", "week", "talks", "conflict", "region", "people", "world",
                 "city", "capital", "border", "territory", "missile", "missiles", "weapons",
                 "line", "deal", "plan", "statement", "issue", "matter", "end", "west"}
# the nouns by which a report goes on to name a state it has just named ("Saudi Arabia recalled
# its envoy ... The kingdom also banned imports"), with the states each can name where not any:
# a kingdom is a monarchy, and "the administration" unqualified is Washington's in English news
# (real-text groups I, O, Q: no other state's government is so called in them)
STATE_DESCRIPTIONS: dict[str, frozenset[str] | None] = {
    "kingdom": frozenset({"SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR",
                          "DNK", "THA", "KHM", "BTN", "LSO", "SWZ", "TON"}),
    "emirate": frozenset({"ARE", "QAT", "KWT"}),
    "nation": None, "country": None, "republic": None,
    "administration": frozenset({"USA"}),
}
# what a leader's name may head without making another name of it ("the Trump Administration")
LEADERS_BODIES = frozenset({"administration", "government", "cabinet"})


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    key: tuple[str, str]
    entity: Entity
    person: bool
    gender: str = ""
    titled: bool = False  # found by a title ("the Iranian foreign minister")


class ActorResolver:
    """The `spiral_actors` component."""

    def __init__(self, nlp: Language, name: str, actors_file: str | None, names_from: str | None):
        self.name = name
        self.recognizer = nlp.get_pipe(names_from) if names_from in nlp.component_names else None
        self.kb = ActorKB.load(actors_file)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = sorted(self.kb.names)
        patterns = list(nlp.tokenizer.pipe(names))
        self.matcher.add("KB", patterns)
        # a match is looked up by its words, not its text: "Russia 's ministry", spaced as some
        # pages space it, matches the words of "Russia's ministry" but not its text
        self._known_by_words = {tuple(t.text for t in pattern): self.kb.names[name]
                                for name, pattern in zip(names, patterns)}
        self._title_pattern = re.compile(
            r"\b(?:(?P<country>[A-Z][\w.-]+(?: [A-Z][\w-]+)?)(?:'s)? )?(?P<title>(?i:"
            + "|".join(sorted(TITLES, key=len, reverse=True)) + r"))\b")

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        # the recogniser runs once over the new names of a whole batch: called per document, its
        # fixed cost per call was a tenth of the pipeline's time
        for batch in minibatch(docs, batch_size):
            # each document's words, walked once: the look-ups below that read every word
            # (names, shouted names, agents, surnames, acronyms) take them from here
            words = [_word_texts(doc) for doc in batch]
            named = [self._named(doc, w) for doc, w in zip(batch, words)]
            people = self._person_names(batch, named)
            for doc, w, mentions, names in zip(batch, words, named, people):
                self._resolve(doc, w, mentions, names)
                yield doc

    def _named(self, doc: Doc, words: list[str]) -> list[_Mention]:
        """What the knowledge base, titles and the text's own definitions name."""
        published = date.fromisoformat(doc._.published) if doc._.published else None
        written = extensions.written(doc)
        mentions = [m for m in self._kb_mentions(doc, words, published, written)
                    if not layout.in_furniture(doc, m.start, m.end, layout.PAGE_KINDS)]
        titles = [m for m in self._title_mentions(doc, published, [m for m in mentions if m.person],
                                                  written)
                  if not layout.in_furniture(doc, m.start, m.end, layout.PAGE_KINDS)]
        covered = _Coverage(titles)
        mentions = [m for m in mentions if not covered.overlaps(m.start, m.end)] + titles
        focal = _focal_country(mentions)
        doc._.report_country = focal.entity.code if focal is not None else ""
        return mentions + _places_defined(mentions, written)

    def _resolve(self, doc: Doc, words: list[str], mentions: list[_Mention],
                 names: list[Span]) -> None:
        """Who the rest of the text names: new people, surnames, acronyms, pronouns and
        descriptions that point back at what was named."""
        written = extensions.written(doc)
        mentions = mentions + self._unknown_people(doc, mentions, names)
        mentions = self._without_shadowed_surnames(mentions)
        mentions += self._surnames(doc, words, mentions)
        mentions += self._acronyms(doc, words, mentions, written)
        # a pronoun outside a quote does not point at someone named inside one
        quoted = find_direct(written)
        mentions += self._anaphora(doc, mentions, quoted, written)
        described = self._definite_descriptions(doc, mentions)
        described += self._states_described(doc, mentions, described, quoted)
        # "the Russian Foreign Ministry said ... The ministry warned": a body of that kind named
        # before is meant, not the country the report is about
        mentions = [m for m in mentions if m.entity.role != BY_DOCUMENT or not any(
            d.start <= m.start < d.end for d in described)] + described
        mentions += self._collective_pronouns(doc, mentions, quoted, written)
        self.set_annotations(doc, mentions)

    def set_annotations(self, doc: Doc, mentions: list[_Mention]) -> None:
        mentions.sort(key=lambda m: (m.start, m.end))
        order: dict[tuple[str, str], int] = {}
        actors: list[dict[str, Any]] = []
        links = []
        for mention in mentions:
            if mention.key not in order:
                order[mention.key] = len(actors)
                actors.append({**to_dict(mention.entity), "mentions": []})
            index = order[mention.key]
            actors[index]["mentions"].append((mention.text, mention.start, mention.end))
            links.append((mention.start, mention.end, index))
        doc._.actors = tuple({**a, "mentions": tuple(a["mentions"])} for a in actors)
        doc._.actor_mentions = tuple(links)

    def _kb_mentions(self, doc: Doc, words: list[str], on: date | None,
                     written: str) -> list[_Mention]:
        # a name's text is cut from the written text: spaCy's Span.text builds every Token of the
        # span to join their words, on every access
        candidates = [(doc[s:e], self._known_by_words[tuple(words[s:e])])
                      for _, s, e in self.matcher(doc)]
        candidates += self._shouted_names(doc, words, {s for span, _ in candidates
                                                for s in range(span.start, span.end)})
        if self.kb.caseless:
            candidates += [(doc[s:e], known)
                           for s, e, known in self.kb.caseless.find(words)]
        candidates += self._respelled_names(doc, words)
        found = []
        named = {i for span, _ in candidates for i in range(span.start, span.end)}
        for span, known in _communities(_longest_first(candidates)):
            text = written[span.start_char:span.end_char]
            if isinstance(known, Person) and text != known.name and _inside_other_name(span):
                continue  # "Ali Ammar" is not President Ali
            if not isinstance(known, Person) and (_compounded_into_other_name(span, named)
                                                  or _names_a_feature(span)):
                continue  # "Puerto Jordan", "the Indian Ocean": another name holds the word
            person = isinstance(known, Person)
            # "Estonian Prime Minister Kaja Kallas" in an undated report: the office it names
            title = doc[max(span.sent.start, span.start - TITLE_WINDOW):span.start].text \
                if person and on is None else ""
            entity = self.kb.entity(known, text, on, title)
            found.append(_Mention(span.start_char, span.end_char, text,
                                  (entity.entity_name, entity.code), entity, person,
                                  known.gender if person else ""))
        return self._with_agents(doc, words, found, written)

    def _respelled_names(self, doc: Doc, words: list[str]) -> list[tuple[Span, Any]]:
        """People the text names in another transliteration than the knowledge base ("Volodymyr
        Zelenskiy", "Zelenskyy" for Zelensky): matched by `spelling_key`, capitalised as names
        are."""
        keys = [spelling_key(w) for w in words]
        return [(doc[s:e], known) for s, e, known in self.kb.spellings.find(keys)
                if all(_capitalised(w) for w in (words[s], words[e - 1]))]

    def _shouted_names(self, doc: Doc, words: list[str], taken: set[int]) -> list[tuple[Span, Any]]:
        """"IRAN blamed Israel": a name set in capitals for emphasis, not an acronym (the
        longest run of capitalised words that is a known name once written as a name)."""
        shouted = {i for i, word in enumerate(words)
                   if len(word) > 2 and word.isalpha() and word.isupper() and i not in taken}
        found: list[tuple[Span, Any]] = []
        covered = 0
        for start in sorted(shouted):
            if start < covered:
                continue
            end = start
            while end in shouted and end - start < 4:
                end += 1
            for stop in range(end, start, -1):
                known = self.kb.names.get(" ".join(words[start:stop]).title())
                if known is not None:
                    found.append((doc[start:stop], known))
                    covered = stop
                    break
        return found

    def _with_agents(self, doc: Doc, words: list[str], mentions: list[_Mention],
                     written: str) -> list[_Mention]:
        """'Gondor soldiers', "Russia's foreign ministry", 'troops from Arnor': the actor's code
        with the agent's sector. Only actors without a sector of their own take one."""
        owners = {m.start: m for m in mentions if not m.person and not m.entity.sector}
        owners_by_end = {m.end: m for m in owners.values()}
        focal = _focal_country(mentions)
        merged: dict[int, _Mention] = {}
        for start, end, sector in self.kb.agents.find(words):
            agent = doc[start:end]
            if _qualifies_non_state_noun(agent):
                continue
            # "Iraq's interim government", "Turkish riot police": up to two modifiers between,
            # back to the last word of an owner ("North Korean state media": "Korean")
            k = start - 1
            while k >= 0 and start - k <= 2 and doc[k].pos_ in ("ADJ", "NOUN") \
                    and doc[k].dep_ in ("amod", "compound") \
                    and doc[k].idx + len(doc[k].text) not in owners_by_end:
                k -= 1
            before = doc[k] if k >= 0 else None
            if before is not None and before.lower_ in POSSESSIVE_ENDINGS and k > 0:
                before = doc[k - 1]
            owner = owners_by_end.get(before.idx + len(before.text)) if before is not None else None
            if owner is None and end + 1 < len(doc) and doc[end].lower_ in ("of", "from", "in"):
                after = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) \
                    else doc[end + 1]
                owner = owners.get(after.idx)
            if owner is None and focal is not None and sector in HOME_SECTORS \
                    and k == start - 1 and (k < 0 or doc[k].lower_ == "the" or doc[k].is_punct
                                            or doc[k].dep_ not in ("amod", "compound", "poss")
                                            and not _owned_by_named(doc, k, [*mentions,
                                                                             *merged.values()])) \
                    and not _modifies_other_noun(agent) and not _named_qualifier(agent) \
                    and not _owned_after(doc, end, mentions):
                # "the army", "the junta", "security forces" with no country named (nor an
                # actor as possessor: "the Ukrainian military's general staff" is that
                # military's, though the knowledge base knows no staff of it): the
                # country the report is about (by its own name, not by the first name that
                # placed it: "the army" of a report on Myanmar is not a rebel force's)
                country = country_name(focal.entity.code)
                if country == focal.entity.code:  # a code the country table does not name
                    country = focal.entity.entity_name
                entity = Entity(agent.text, country, focal.entity.code, sector, BY_DOCUMENT)
                merged[agent.start_char] = _Mention(agent.start_char, agent.end_char, agent.text,
                                                    (f"{country} {sector}", focal.entity.code),
                                                    entity, False)
                continue
            if owner is None or owner.start in merged:
                continue
            first, last = min(owner.start, agent.start_char), max(owner.end, agent.end_char)
            text = written[first:last]
            entity = Entity(text, owner.entity.entity_name, owner.entity.code, sector)
            merged[owner.start] = _Mention(first, last, text,
                                           (f"{owner.entity.entity_name} {sector}", owner.entity.code),
                                           entity, False)
        return [m for m in mentions if m.start not in merged] + list(merged.values())

    def _title_mentions(self, doc: Doc, on: date | None, known: list[_Mention],
                        written: str) -> list[_Mention]:
        taken = _Coverage(known)
        found = []
        for match in self._title_pattern.finditer(written):
            start, end = match.span()
            if taken.overlaps(start, end) or _followed_by_name(written, end):
                continue
            # the title may be capitalised after a country ("the Guyana President")
            code = self._country(match.group("country"))
            if code is None:
                continue
            title = TITLES[match.group("title").lower()]
            holder = self.kb.office_holder(code, title, on)
            if holder is None and title == "leader" and self._is_country(match.group("country")):
                # "the Venezuelan leader": the head of state or government, when the country
                # has only one of them on record
                heads = {h.name: h for t in HEADS if (h := self.kb.office_holder(code, t, on))
                         and h.role_on(on).role.lower().startswith(t)}  # not a vice president
                holder = next(iter(heads.values())) if len(heads) == 1 else None
            text = match.group(0)
            if holder is not None:
                entity = self.kb.entity(holder, text, on)
                found.append(_Mention(start, end, text, (holder.name, entity.code), entity,
                                      True, holder.gender, titled=True))
            else:
                name = country_name(code)
                entity = Entity(text, name, code, "GOV", match.group("title").lower())
                found.append(_Mention(start, end, text, (name, code), entity, False))
            taken.add(start, end)
        return found

    def _is_country(self, word: str) -> bool:
        found = self.kb.names.get(word) or self.kb.names.get(word.split()[-1])
        return isinstance(found, Fixed) and found.kind in ("country", "adjective")

    def _country(self, word: str | None) -> str | None:
        if not word:
            return None
        found = self.kb.names.get(word) or self.kb.names.get(word.split()[-1])
        return found.code if found is not None and not isinstance(found, Person) else None

    def _person_names(self, docs: list[Doc], named: list[list[_Mention]]) -> list[list[Span]]:
        """PERSON names from the recogniser, run only on sentences where one may be new."""
        if self.recognizer is None:
            return [list(doc.ents) for doc in docs]
        sentences = [(k, s) for k, (doc, mentions) in enumerate(zip(docs, named))
                     for known, tags in [(_Coverage(mentions), doc.to_array(POS).tolist())]
                     for s in layout.body(doc) if _may_name_someone_new(s, known, tags)]
        names: list[list[Span]] = [[] for _ in docs]
        parsed_sentences = self.recognizer.pipe(s.as_doc() for _, s in sentences)
        for (k, sentence), parsed in zip(sentences, parsed_sentences):
            for ent in parsed.ents:
                span = docs[k].char_span(sentence.start_char + ent.start_char,
                                         sentence.start_char + ent.end_char, label=ent.label_)
                if span is not None and ent.label_ == "PERSON":
                    names[k].append(span)
        for doc, found in zip(docs, names):
            doc.set_ents(found, default="unmodified")
        return names

    def _without_shadowed_surnames(self, mentions: list[_Mention]) -> list[_Mention]:
        """"Foreign Minister Therese Kayikwamba Wagner ... Wagner criticized": once a person is
        named in full, their surname standing alone is that person, not a group, place or other
        person the knowledge base knows by the same word."""
        named: dict[str, _Mention] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.person and " " in mention.entity.entity_name:
                named.setdefault(mention.entity.entity_name.split()[-1], mention)
        # another person of that surname the knowledge base holds is shadowed too; a country is
        # no one's surname ("to make Essequibo Venezuela's 24th state" names no person)
        return [m for m in mentions if (full := named.get(m.text)) is None or m.start < full.end
                or m.entity.entity_name == full.entity.entity_name or self._is_country(m.text)]

    def _surnames(self, doc: Doc, words: list[str], known: list[_Mention]) -> list[_Mention]:
        """'Buensuceso said': a person named in full before, by the last word of the name; and
        'Temesgen said', 'Rajnath added': by the first, as Ethiopian, Eritrean and Indian
        reporting names people, when no one named before has it as a surname."""
        people = sorted((m for m in known if m.person and " " in m.entity.entity_name),
                        key=lambda m: m.start)
        by_surname: dict[str, list[_Mention]] = {}
        by_given_name: dict[str, list[_Mention]] = {}
        by_titled_word: dict[str, list[_Mention]] = {}
        for mention in people:
            # "Embalo ... President Embaló": a name matches with or without its accents
            name = name_forms.folded(mention.entity.entity_name)
            surname = name.split()[-1]
            by_surname.setdefault(surname, []).append(mention)
            # "Abdul Qader al-Mortada ... Mortada said": the article is often left off
            if (bare := ARTICLE.sub("", surname)) != surname and bare[:1].isupper():
                by_surname.setdefault(bare, []).append(mention)
            by_given_name.setdefault(name.split()[0], []).append(mention)
            for word in name_forms.titled_words(name):
                by_titled_word.setdefault(word, []).append(mention)
        found: list[_Mention] = []
        if not people:
            return found  # no one named in full: no word stands for anyone
        taken = _Coverage(known)
        found += _word_runs_of_names(doc, people, taken)
        # only the words of the people's names can stand for them
        for token in (doc[i] for i, word in enumerate(map(name_forms.folded, words))
                      if word in by_surname or word in by_given_name or word in by_titled_word):
            # the small model often tags an unfamiliar surname as a noun: its capital decides
            if not token.text[:1].isupper() or taken.overlaps(token.idx, token.idx + len(token.text)):
                continue
            word = name_forms.folded(token.text)
            earlier = [m for m in by_surname.get(word, ()) if m.end <= token.idx]
            if not earlier and _alone(token):
                earlier = [m for m in by_given_name.get(word, ()) if m.end <= token.idx]
            if not earlier and _after_title(token):
                # "President Yoon", "President Paz": a family name written first, a first
                # surname before the second
                earlier = [m for m in by_titled_word.get(word, ()) if m.end <= token.idx]
            # two people of one surname named before: which is meant is not ours to guess
            if len(_people(earlier)) != 1:
                continue
            found.append(_standing_for(earlier[-1], token))
        found += self._misspelt_surnames(doc, by_surname, _Coverage([*known, *found]))
        return found

    def _misspelt_surnames(self, doc: Doc, by_surname: dict[str, list[_Mention]],
                           taken: _Coverage) -> list[_Mention]:
        """"Guterres ... Gutteres said": a name the text misspells, of someone it named in full
        before, by a surname one typing slip away (two in a long name), when only one person
        named before is so near."""
        found: list[_Mention] = []
        if not by_surname:
            return found
        # proper nouns by the tag array: a Token is built only for them (this runs on every document)
        for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist():
            token = doc[i]
            if len(token.text) < name_forms.SLIP_MIN_LENGTH \
                    or not token.text[:1].isupper() or not token.is_alpha \
                    or taken.overlaps(token.idx, token.idx + len(token.text)) \
                    or self.kb.names.get(token.text) is not None:
                continue
            word = name_forms.folded(token.text)
            near = {m.key: m for surname, mentions in by_surname.items()
                    if name_forms.one_slip_apart(word, surname)
                    for m in mentions if m.end <= token.idx}
            if len(near) == 1:
                found.append(_standing_for(next(iter(near.values())), token))
        return found

    def _acronyms(self, doc: Doc, words: list[str], known: list[_Mention],
                  written: str) -> list[_Mention]:
        """'the Coastal Defence Board (CDB) said ... the CDB added': an acronym defined in
        brackets after a resolved name stands for that name from then on."""
        defined: dict[str, tuple[int, _Mention]] = {}
        own: list[_Mention] = []
        for match in ACRONYM_DEFINITION.finditer(written):
            name_start, name_end = match.span("name")
            named = [m for m in known if not m.person and name_start <= m.start
                     and m.end <= name_end + 1]
            if not named:
                continue
            whole = next((m for m in named if m.end >= name_end - 1
                          and not written[name_start:m.start].strip(" ").lower()
                          .removeprefix("the").strip()), None)
            if whole is not None:  # the whole name is known: "the Rapid Support Forces (RSF)"
                defined.setdefault(match.group("acronym"), (match.end(), whole))
                continue
            # "Japan's Maritime Self-Defense Force (MSDF)": the country it belongs to, the
            # sector its words give
            name = match.group("name").strip()
            # "the UN Border Monitoring Office in Ruvia (UNBMOR)": the first body named
            # owns it; a place after it is where it works
            owner = named[0].entity
            sector = owner.sector if owner.sector in GROUP_SECTORS else _sector(name.lower())
            entity = Entity(name, name, owner.code, sector or "GOV")
            mention = _Mention(name_start, name_end, name, (name, entity.code), entity, False)
            if match.group("acronym") not in defined:
                # the name itself is that body, not the country it names
                own.append(mention)
            defined.setdefault(match.group("acronym"), (match.end(), mention))
        found: list[_Mention] = own
        if not defined:
            return found  # most reports define no acronym: no word to walk the tokens for
        taken = _Coverage(known)
        for token in (doc[i] for i, word in enumerate(words) if word in defined):
            definition = defined[token.text]
            if token.idx < definition[0] \
                    or taken.overlaps(token.idx, token.idx + len(token.text)):
                continue
            named = definition[1]
            found.append(_Mention(token.idx, token.idx + len(token.text), token.text, named.key,
                                  replace(named.entity, entity_text=token.text), False))
        return found

    def _unknown_people(self, doc: Doc, known: list[_Mention], names: list[Span]) -> list[_Mention]:
        """People the knowledge base does not know: the country of a name or organisation in
        their descriptor, the sector its words give; a member of a group that is not a state
        ("a senior Hezbollah official", "Observatory director X") takes the group's sector; an
        office holder the text places nowhere ("Prime Minister X", "the Speaker X"), the country
        the report is about."""
        taken = _Coverage(known)
        focal = _focal_country(known)
        found = []
        for ent in names:
            ent = _without_possessive(ent)  # "Saeed Khatibzadeh's comments": the name is two words
            if (ent.label_ != "PERSON" or taken.overlaps(ent.start_char, ent.end_char)
                    or not _looks_like_full_name(ent)
                    or _is_word_run_of_earlier_name(ent, [*known, *found])):
                continue
            descriptor = _descriptor(ent)
            sentence = ent.sent
            appositive_end = _appositive_end(ent)
            # a title in the description places the person ("X, the Iranian foreign
            # minister,"), whoever the knowledge base says holds it
            described = [m for m in known if _near(m, ent) and (not m.person or m.titled)
                         and sentence.start_char <= m.start and m.end <= sentence.end_char
                         and (m.end <= ent.start_char and _attached_before(doc, m, ent)
                              or ent.end_char <= m.start and (
                                  m.end <= appositive_end
                                  or ATTACHED.fullmatch(extensions.written(doc)[ent.end_char:m.start])))]
            described = _senders(extensions.written(doc), described)
            nearest = min(described, key=lambda m: min(abs(ent.start_char - m.end),
                                                       abs(m.start - ent.end_char)), default=None)
            # "Manila's National Security Council spokesman X": the state that owns the title
            # places the person, before a body named inside it that the knowledge base places
            # elsewhere, and however long the title
            nearest = _title_possessor(ent, known) or nearest
            if THE_COUNTRY.search(descriptor) or _owned_by_a_state_described(ent):
                # "X, the country's army chief": the country the sentence tells of, not the
                # nearest one named ("South Sudan deployed ... after Sudan's RSF took ...")
                nearest = _sentence_country(doc, known, sentence) or nearest
            if nearest is None:
                nearest = _named_short(known, ent)
            code = nearest.entity.code if nearest else ""
            if nearest is None:
                # "Royal Thai Army spokesperson X": a country word inside a name the knowledge
                # base does not hold still places the person
                code = next((c for w in descriptor.split() if w[:1].isupper()
                             and self._is_country(w) and (c := self._country(w))), "")
            sector = _sector(descriptor)
            if nearest is not None and nearest.entity.sector in GROUP_SECTORS:
                sector = nearest.entity.sector
            elif nearest is None and not code and focal is not None \
                    and sector in ("GOV", "MIL", "") and _titled(ent):
                code, sector = focal.entity.code, sector or "GOV"
            entity = Entity(ent.text, ent.text, code, sector, descriptor)
            found.append(_Mention(ent.start_char, ent.end_char, ent.text, (ent.text, code),
                                  entity, True))
            taken.add(ent.start_char, ent.end_char)
        return found

    def _anaphora(self, doc: Doc, known: list[_Mention], quoted: list[tuple[int, int]],
                  written: str) -> list[_Mention]:
        people = sorted((m for m in known if m.person and not any(
            s <= m.start < e for s, e in quoted)), key=lambda m: m.start)
        found: list[_Mention] = []
        for token in _words(doc, ANAPHORS, written):
            lower = token.lower_
            gender = PRONOUNS.get(lower)
            # "the minister", and "the prime minister" with the word that says which
            qualified = token.i > 1 and doc[token.i - 1].lower_ in ROLE_QUALIFIERS \
                and doc[token.i - 2].lower_ == "the"
            is_role_noun = lower in ("spokeswoman", "spokesman", "minister", "president") and \
                token.i > 0 and (doc[token.i - 1].lower_ == "the" or qualified)
            if gender is None and not is_role_noun:
                continue
            first = doc[token.i - 2 if qualified else token.i - 1]
            start = first.idx if is_role_noun else token.idx
            end = token.idx + len(token.text)
            role = f"{doc[token.i - 1].lower_} {lower}" if qualified else lower[:6]
            # a pronoun resolved before is a link of the chain ("X said ... He met Y, who ...
            # He added": the second "he" is the first's)
            chain = [m for m in found if not any(s <= m.start < e for s, e in quoted)]
            candidates = [m for m in [*people, *chain] if m.end <= start
                          and _unquoted_distance(m.end, start, quoted)
                          <= MAX_PRONOUN_DISTANCE_CHARS
                          and (gender is None or not m.gender or m.gender == gender)
                          and (not is_role_noun or role in m.entity.role.lower())]
            if not candidates:
                continue
            antecedent = _antecedent(doc, candidates)
            entity = Entity(written[start:end], antecedent.entity.entity_name,
                            antecedent.entity.code, antecedent.entity.sector,
                            antecedent.entity.role, antecedent.entity.role_valid_from,
                            antecedent.entity.role_valid_to)
            found.append(_Mention(start, end, written[start:end], antecedent.key, entity, True,
                                  antecedent.gender))
        return found

    def _collective_pronouns(self, doc: Doc, known: list[_Mention],
                             quoted: list[tuple[int, int]], written: str) -> list[_Mention]:
        """'Hungary said it will support ...', 'Fijian rebels said they ...': it, its, they and
        their to the nearest country or organisation before them in the sentence or the one
        before, the main subject first. An 'it' of 'it is likely' points at nothing."""
        groups = [m for m in known if not m.person and m.entity.code
                  and not any(s <= m.start < e for s, e in quoted)]
        starts = [sentence.start for sentence in doc.sents]
        found = []
        for token in _words(doc, COLLECTIVE_WORDS, written):
            if token.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue
            if token.lower_ == "it" and token.head.lemma_ == "be" and any(
                    c.lemma_.lower() in EXPLETIVE for c in token.head.children):
                continue  # "it is likely that ...": the 'it' stands for nothing
            here = bisect_right(starts, token.i) - 1
            sentence_start = doc[starts[max(here - 1, 0)]].idx
            plural = token.lower_ in ("they", "their")
            before = [m for m in groups if sentence_start <= m.start and m.end <= token.idx]
            candidates = [m for m in before if _is_plural(doc, m) == plural] or [
                # "the Houthis said they": a group the tagger took for one name is still the
                # main subject the pronoun continues
                m for m in before if doc[starts[here]].idx <= m.start
                and _subject_rank(doc, m) == 2]
            if not candidates:
                continue
            antecedent = _clause_subject(token, candidates) or max(
                candidates, key=lambda m: (_subject_rank(doc, m), m.start))
            end = token.idx + len(token.text)
            entity = Entity(token.text, antecedent.entity.entity_name, antecedent.entity.code,
                            antecedent.entity.sector)
            found.append(_Mention(token.idx, end, token.text, antecedent.key, entity, False))
        return found

    def _definite_descriptions(self, doc: Doc, known: list[_Mention]) -> list[_Mention]:
        """'the mission', 'the Guards', 'the former president': the nearest actor named before
        whose name holds the noun, or a person who holds or held an office so named. A body
        placed only by the report's country may be one of these."""
        taken = _Coverage([m for m in known if m.entity.role != BY_DOCUMENT])
        found = []
        # "the group's spokesman": the possessor is a description of its own
        owners = [doc[t.left_edge.i:t.i + 1] for t in _possessive_nouns(doc)
                  if t.left_edge.lower_ == "the"]
        for chunk in [*doc.noun_chunks, *owners]:
            if chunk[0].lower_ != "the" or len(chunk) > 4 or taken.overlaps(chunk.start_char,
                                                                              chunk.end_char):
                continue
            noun = chunk.root.lower_
            if not chunk.root.is_alpha or noun in GENERIC_NOUNS:
                continue
            # "the paramilitary forces" are not the "Sudanese Armed Forces" named before: what
            # qualifies the noun must be in the name too
            qualifiers = [t.lower_ for t in chunk if t.dep_ in ("amod", "compound")
                          and t.i != chunk.root.i and t.is_alpha]
            earlier = [m for m in known if m.end <= chunk.start_char
                       and chunk.start_char - m.end <= 2 * MAX_PRONOUN_DISTANCE_CHARS
                       and self._describes(m, noun) and (m.person or all(
                           q in m.entity.entity_name.lower() or q in m.text.lower()
                           for q in qualifiers))]
            if not earlier:
                continue
            # "Sudan's army said ... Ethiopian army forces attacked ... the army added": a body
            # that was a subject before one only named in passing
            antecedent = max(earlier, key=lambda m: (_subject_rank(doc, m) > 0, m.end))
            entity = Entity(chunk.text, antecedent.entity.entity_name, antecedent.entity.code,
                            antecedent.entity.sector, antecedent.entity.role,
                            antecedent.entity.role_valid_from, antecedent.entity.role_valid_to)
            found.append(_Mention(chunk.start_char, chunk.end_char, chunk.text, antecedent.key,
                                  entity, antecedent.person, antecedent.gender))
        return found

    def _states_described(self, doc: Doc, known: list[_Mention], described: list[_Mention],
                          quoted: list[tuple[int, int]]) -> list[_Mention]:
        """'The kingdom', 'the North African nation', 'the administration' as the subject of a
        clause: the state named before it in its sentence or the one before, as 'it' would be
        (`STATE_DESCRIPTIONS`), the subject first; an unqualified administration with no state
        named before it is Washington's. In a quote "the country" is the speaker's, and is left
        alone."""
        taken = _Coverage([m for m in [*known, *described] if m.entity.role != BY_DOCUMENT])
        starts = [sentence.start for sentence in doc.sents]
        states = [m for m in known if len(m.entity.code) == 3 and m.entity.role != BY_DOCUMENT
                  and m.entity.code not in NON_STATE_CODES
                  and not any(s <= m.start < e for s, e in quoted)]
        found = []
        for token in doc:
            noun = token.lower_
            if noun not in STATE_DESCRIPTIONS or token.dep_ not in ("nsubj", "nsubjpass", "poss") \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            first = token.left_edge
            if taken.overlaps(first.idx, token.idx + len(token.text)) \
                    or any(s <= token.idx < e for s, e in quoted):
                continue  # "the Trump administration" names its state already
            qualifiers = [c for c in token.children if c.dep_ in ("compound", "nmod")]
            if qualifiers or any(c.dep_ == "prep" for c in token.children):
                continue  # "the Kyiv military administration", "the republic of ..."
            allowed = STATE_DESCRIPTIONS[noun]
            here = bisect_right(starts, token.i) - 1
            since = doc[starts[max(here - 1, 0)]].idx
            candidates = [m for m in states if since <= m.start and m.end <= first.idx
                          and (allowed is None or m.entity.code in allowed)]
            if candidates:
                antecedent = _clause_subject(token, candidates) or max(
                    candidates, key=lambda m: (_subject_rank(doc, m), m.start))
                code = antecedent.entity.code
            elif allowed is not None and len(allowed) == 1 \
                    and not any(c.dep_ == "amod" for c in token.children):
                code = next(iter(allowed))
            else:
                continue
            start, end = first.idx, token.idx + len(token.text)
            text = doc.text[start:end]
            found.append(_Mention(start, end, text, (country_name(code), code),
                                  Entity(text, country_name(code), code), False))
        return found

    def _describes(self, mention: _Mention, noun: str) -> bool:
        if not mention.person and noun in GROUP_NOUNS:
            # "the group", "the movement": an armed group, party or organisation named before
            # (a UN or African Union mission is not "the group", nor a news agency quoted in
            # between)
            return mention.entity.sector in GROUP_SECTORS - {"MED"} \
                and mention.entity.code != "IGO"
        if not mention.person and noun in STATE_NOUNS and mention.entity.sector in GROUP_SECTORS:
            return False  # "the army" is not the National Liberation Army, a rebel group
        if not mention.person:
            # "the army" after "Sudan's army" or "the PLA", not after "Chinese troops" that the
            # knowledge base files under a People's Liberation Army
            generic = any(w[:1].islower() for w in mention.text.split())
            return noun in mention.text.lower().split() or not generic and \
                noun in mention.entity.entity_name.lower().split()
        person = self.kb.names.get(mention.entity.entity_name)
        roles = person.roles if isinstance(person, Person) else ()
        return any(noun in r.role.lower().split() for r in roles) or \
            noun in mention.entity.role.lower().split()


def _possessive_nouns(doc: Doc) -> list[Token]:
    """The common nouns that are possessors ("the group's"): found in the Doc's arrays, so that
    no Token is built for the other words (every document is asked; possessors are few). The
    parser stores a label that is a spaCy symbol ("poss") under the symbol's id."""
    dep, pos = doc.to_array([DEP, POS]).T
    return [doc[int(i)] for i in numpy.flatnonzero((dep == poss) & (pos == NOUN))]


def phrase_heads(tokens: list[Token]) -> list[Token]:
    """The tokens of a phrase whose syntactic head lies outside it (its roots)."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i]


def _inside_other_name(span: Span) -> bool:
    """A surname standing alone only when no other name word touches it: "Ali Ammar" and "Rashid
    Ali" are other people than the "Ali" of "President Ali said"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if _hyphen_joined(doc, span.start - 2, span.start - 1) \
            or _hyphen_joined(doc, span.end + 1, span.end):
        return True  # "Ali-Akbar Salehi", "Abdel-Fattah": a name joined to another by a hyphen
    return (after is not None and after.is_alpha and after.text.istitle()
            and after.pos_ == "PROPN" and after.lower_ not in LEADERS_BODIES) or (
        before is not None and before.is_alpha and before.text.istitle()
        and before.pos_ == "PROPN" and before.lower_ not in NAME_TITLES)


def _hyphen_joined(doc: Doc, other: int, hyphen: int) -> bool:
    """Whether the token at `hyphen` is a hyphen written without spaces between a name and
    another capitalised name word at `other`."""
    if not (0 < hyphen < len(doc) and 0 <= other < len(doc)) or doc[hyphen].text not in "-‐":
        return False
    return not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_ \
        and doc[other].is_alpha and doc[other].text[:1].isupper()


def _names_a_feature(span: Span) -> bool:
    """'the Indian Ocean', 'the South China Sea', 'the West Philippine Sea', 'the Gulf of
    Finland', 'the Sea of Japan': a sea or a land that a name only qualifies ('the West' too,
    before another name of the sea)."""
    doc, end = span.doc, span.end
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].text in GEOGRAPHIC_FEATURES:
        return True
    if end >= len(doc):
        return False
    return doc[end].text in GEOGRAPHIC_FEATURES or (
        end + 1 < len(doc) and doc[end + 1].text in GEOGRAPHIC_FEATURES
        and doc[end - 1].lower_ in COMPASS_POINTS)


def _compounded_into_other_name(span: Span, named: set[int]) -> bool:
    """'Puerto Jordan': a name the parser makes the head of an unknown proper noun before it
    (words in `named` belong to names of their own, as in "the Russia Ukraine war")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (before.dep_ == "compound" and before.head.i in range(span.start, span.end)
            and before.pos_ == "PROPN" and before.is_alpha and before.text.istitle()
            and before.lower_ not in NAME_TITLES and before.i not in named)


def _unquoted_distance(start: int, end: int, quoted: list[tuple[int, int]]) -> int:
    """Characters from `start` to `end` outside quotations: 'X said: "..." he added' is as near
    whatever the length of what X said."""
    inside = sum(max(0, min(e, end) - max(s, start)) for s, e in quoted)
    return end - start - inside


def _alone(token: Token) -> bool:
    """A capitalised word that is a name by itself: no capitalised word beside it ("Temesgen
    said", not "Temesgen Abebe" or "President Temesgen") and not a sentence's first word
    before a noun it qualifies."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 and not token.is_sent_start else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.pos_ == "PROPN" and token.is_alpha \
        and not (before is not None and before.text[:1].isupper() and before.is_alpha) \
        and not (after is not None and after.text[:1].isupper() and after.is_alpha)


def _owned_by_a_state_described(ent: Span) -> bool:
    """"The country's Prime Minister X", "the kingdom's envoy X": a name whose possessor is a
    state's description (`STATE_DESCRIPTIONS`), as "X, the country's army chief," is."""
    # the possessor may hang on the title compounded onto the name ("Minister" of "Prime
    # Minister X")
    heads = [ent.root, *(c for c in ent.root.children if c.dep_ == "compound")]
    return any(c.dep_ == "poss" and c.lower_ in STATE_DESCRIPTIONS
               for head in heads for c in head.children)


def _after_title(token: Token) -> bool:
    """A capitalised word right after a title written as part of a name ("President Yoon"), and
    no other name word after it ("President Yoon Suk Yeol" names in full)."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 and not token.is_sent_start else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return before is not None and before.text[:1].isupper() and before.lower_ in NAME_TITLES \
        and token.is_alpha \
        and not (after is not None and after.text[:1].isupper() and after.is_alpha)


def _people(mentions: list[_Mention]) -> set[tuple[str, str]]:
    """The people some mentions name: "Recep Tayyip Erdogan" and "Recep Tayyip Erdoğan", the one
    by the knowledge base, the other by the text, are one."""
    return {(name_forms.folded(m.entity.entity_name), m.entity.code) for m in mentions}


def _word_runs_of_names(doc: Doc, people: list[_Mention], taken: _Coverage) -> list[_Mention]:
    """"Abdel Khalek said", "Persad-Bissessar said": a person named in full before, by the
    last words of the name or a surname joined by a hyphen (`name_forms.word_runs`); two
    people named before with that form are not ours to tell apart."""
    bearers: dict[str, list[_Mention]] = {}
    for mention in people:
        for run in name_forms.word_runs(name_forms.folded(mention.entity.entity_name)):
            bearers.setdefault(run, []).append(mention)
    if not bearers:
        return []
    written = name_forms.folded(extensions.written(doc))
    found = []
    for run, named in bearers.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(run)}(?![\w-])", written):
            start, end = match.span()
            earlier = [m for m in named if m.end <= start]
            if taken.overlaps(start, end) or len(_people(earlier)) != 1:
                continue
            antecedent = earlier[-1]
            text = extensions.written(doc)[start:end]
            found.append(_Mention(start, end, text, antecedent.key,
                                  replace(antecedent.entity, entity_text=text), True,
                                  antecedent.gender))
            taken.add(start, end)
    return found


def _is_word_run_of_earlier_name(ent: Span, people: list[_Mention]) -> bool:
    """Whether a name is the last words of a person's named in full before it ("Abdel Khalek"
    after "Osama Abdel Khalek"), not a person of its own."""
    run = name_forms.folded(ent.text)
    return any(m.end <= ent.start_char and run in name_forms.word_runs(
        name_forms.folded(m.entity.entity_name)) for m in people if m.person)


def _focal_country(mentions: list[_Mention]) -> _Mention | None:
    """The country a report is about: the one its names point to most often, at least twice
    and clearly more than any other (a mention of it, to borrow its name)."""
    by_code: dict[str, list[_Mention]] = {}
    for mention in mentions:
        code = mention.entity.code
        if len(code) == 3 and code not in NON_STATE_CODES and not mention.person:
            by_code.setdefault(code, []).append(mention)
    ranked = sorted(by_code.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[0]) < 1.5 * len(ranked[1])):
        return None
    return ranked[0][0]


class _Coverage:
    """Characters of the text that mentions cover, for constant-time overlap checks."""

    def __init__(self, mentions: list[_Mention]):
        self.covered: set[int] = set()
        for mention in mentions:
            self.add(mention.start, mention.end)

    def overlaps(self, start: int, end: int) -> bool:
        return not self.covered.isdisjoint(range(start, end))

    def add(self, start: int, end: int) -> None:
        self.covered.update(range(start, end))


def _words(doc: Doc, pattern: re.Pattern[str], written: str) -> list[Token]:
    """The tokens that are whole matches of a word pattern, found in the text, not by walking
    every token (the resolver runs on every document)."""
    found = []
    for match in pattern.finditer(written):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            found.append(span[0])
    return found


def _word_texts(doc: Doc) -> list[str]:
    """Each word's text, looked up from the Doc's ORTH array: walking the Doc would build a
    Token for every word only to read its text."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def _may_name_someone_new(sentence: Span, known: _Coverage, tags: list[int]) -> bool:
    """Two capitalised proper nouns in a row that no known name covers ("On Thursday" and
    "The Kremlin" are not new people). `tags` is the Doc's POS array: a Token is built only for
    the proper nouns, the other words are answered from the array."""
    doc = sentence.doc

    def unknown_name(i: int) -> bool:
        if tags[i] != PROPN:
            return False
        token = doc[i]
        return token.text[:1].isupper() and token.is_alpha \
            and token.lower_ not in CALENDAR and not known.overlaps(token.idx,
                                                                     token.idx + len(token.text))
    previous = False
    for i in range(sentence.start, sentence.end):  # each word asked once, not once a pair's side
        current = unknown_name(i)
        if previous and current:
            return True
        previous = current
    return False


def _without_possessive(ent: Span) -> Span:
    """A name without the possessive the recogniser may take with it ("Khatibzadeh's")."""
    if len(ent) > 1 and ent[-1].lower_ in (*POSSESSIVE_ENDINGS, "'", "’"):
        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def _standing_for(antecedent: _Mention, token: Token) -> _Mention:
    """A word of a name standing for the person its antecedent named."""
    entity = replace(antecedent.entity, entity_text=token.text)
    return _Mention(token.idx, token.idx + len(token.text), token.text, antecedent.key, entity,
                    True, antecedent.gender)


def _attached_before(doc: Doc, mention: _Mention, ent: Span) -> bool:
    """"Hezbollah official X", "Iran's foreign ministry spokesman X": words that describe the
    person lie between; a verb ("Al Jadeed cited X") does not, nor a comma after a place of the
    clause before ("... troops in Ukraine, Foreign Minister X said"): across a comma the place
    must be of the title the name stands beside ("Ukraine's foreign minister, X,"), unless it is
    a place inside a country, which tells where the person speaks from ("In Lviv, Mayor X")."""
    between = doc.char_span(mention.end, ent.start_char, alignment_mode="contract")
    if between is not None and any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    if between is None or not any(t.text == "," for t in between) or _inside_a_country(mention):
        return True
    place = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    titled = ent.root.head if ent.root.dep_ == "appos" else ent.root
    return place is not None and place.root in titled.subtree


def _inside_a_country(mention: _Mention) -> bool:
    """A place the knowledge base places in a country that is no country itself: a region, a
    city ("Donetsk region", "Lviv"), not "Ukraine" nor "Polish"."""
    return not mention.person and not mention.entity.sector and len(mention.entity.code) == 3 \
        and mention.entity.code not in NON_STATE_CODES and country_code(mention.text) is None


def _named_short(known: list[_Mention], ent: Span) -> _Mention | None:
    """"Observatory director X" after "the Syrian Observatory for Human Rights": an organisation
    named in full before, by one capitalised word of its name in the words before a person."""
    before = []
    for token in reversed(ent.doc[max(0, ent.start - 3):ent.start]):
        if not token.is_alpha or token.pos_ in ("VERB", "AUX"):
            break  # only the words right before the name describe it
        before.append(token)
    words = {t.text for t in before if t.text[:1].isupper() and len(t.text) > 3
             and t.lower_ not in NAME_TITLES and t.lower_ not in OFFICE_WORDS}
    named = [m for m in known if not m.person and m.end <= ent.start_char and m.entity.code
             and " " in m.entity.entity_name and words & set(m.entity.entity_name.split())]
    return named[-1] if named else None


def _places_defined(known: list[_Mention], written: str) -> list[_Mention]:
    """Places a report defines by their country: "Russia's Leningrad Oblast" is Russian, and so
    is "Leningrad Oblast" wherever else the report names it ("the governor of Leningrad
    Oblast")."""
    taken = _Coverage(known)
    countries = {m.end: m for m in known if not m.person and len(m.entity.code) == 3
                 and m.entity.code not in NON_STATE_CODES}
    defined: dict[str, _Mention] = {}
    for match in PLACE_DEFINITION.finditer(written):
        owner = countries.get(match.start())
        if owner is not None and not taken.overlaps(*match.span("place")):
            defined.setdefault(match.group("place"), owner)
    found = []
    for place, owner in defined.items():
        for match in re.finditer(rf"\b{re.escape(place)}\b", written):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            entity = Entity(place, place, owner.entity.code, "")
            found.append(_Mention(start, end, place, (place, owner.entity.code), entity, False))
            taken.add(start, end)
    return found


def _named_qualifier(agent: Span) -> bool:
    """"a junior official of the US Department of State": an agent word qualified, further off than
    the words just before it, by a name of its own is that name's, not the report's country."""
    return any(c.dep_ in ("nmod", "compound", "poss") and c.i < agent.start
               and any(t.pos_ == "PROPN" for t in c.subtree) for c in agent.root.children)


def _title_possessor(ent: Span, known: list[_Mention]) -> _Mention | None:
    """The state whose possessive opens the title written onto a name ("Peru's Ministry of
    Foreign Trade spokesman X": Peru), or None ("Trump's envoy X": a person)."""
    doc = ent.doc
    i = ent.start
    while i > ent.sent.start and i > ent.start - 2 * TITLE_WINDOW and (
            doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i - 1].ent_type_ != "PERSON"
            or _inside_title(doc[i - 1])):
        i -= 1
    if i == ent.start or i < 2 or doc[i - 1].lower_ not in POSSESSIVE_ENDINGS:
        return None
    owner = doc[i - 2]
    return next((m for m in known if m.start <= owner.idx < m.end and not m.person
                 and len(m.entity.code) == 3 and m.entity.code not in NON_STATE_CODES), None)


def _owned_after(doc: Doc, end: int, mentions: list[_Mention]) -> bool:
    """"An official from Seoul's spy agency", "a spokesman of the Kremlin": an agent word whose
    "from" or "of" phrase names an actor of its own is that actor's, though the actor (a capital,
    a body) carries its own sector and so does not lend its code as an owner."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("of", "from"):
        return False
    after = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else doc[end + 1]
    return any(m.start == after.idx and not m.person and m.entity.code for m in mentions)


def _owned_by_named(doc: Doc, k: int, mentions: list[_Mention]) -> bool:
    """Whether the token at k is a possessive ending on a named actor ("the Ukrainian
    military's", not "the country's")."""
    return k > 0 and doc[k].lower_ in POSSESSIVE_ENDINGS and any(
        m.start <= doc[k - 1].idx < m.end for m in mentions)


def _qualifies_non_state_noun(agent: Span) -> bool:
    """"Iran's official news agency", "a Russian military analyst", "military bloggers": an
    agent word used as an adjective of an outlet, a group or a person of no state names no
    agent; the noun it qualifies says who speaks."""
    last = agent[-1]
    return last.pos_ == "ADJ" and last.dep_ == "amod" and last.head.i > last.i \
        and last.head.lemma_.lower() in NON_STATE_HEADS


def _modifies_other_noun(agent: Span) -> bool:
    """"opponents of military rule": an agent word used as a modifier of a noun for a form of
    rule names no one ("militia members", "army officials" still name the agent)."""
    last = agent[-1]
    return last.dep_ in ("amod", "compound") and not agent.start <= last.head.i < agent.end \
        and last.head.i > last.i and last.head.lemma_.lower() in RULE_NOUNS


def _titled(ent: Span) -> bool:
    """A name right after a title of office written as part of it ("Prime Minister Ahmed
    Abiy", "the Speaker Manzoor Madir"): capitalised title words before it."""
    before = ent.doc[max(0, ent.start - 3):ent.start]
    words = [t.lower_ for t in before if t.text[:1].isupper() and t.is_alpha]
    return bool(words) and words[-1] in OFFICE_WORDS


def _looks_like_full_name(ent: Span) -> bool:
    """Two or more capitalised words (particles aside): a person, not a missile or a place the
    tagger misread."""
    # by the words between spaces: "Hong Nam-ki" and "Moon Jae-in" are two words, each
    # capitalised; "al-Assad" is capitalised after its article
    words = [ARTICLE.sub("", w) for w in ent.text.split() if w.lower() not in NAME_PARTICLES]
    words = [w for w in words if any(c.isalpha() for c in w)]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _is_plural(doc: Doc, mention: _Mention) -> bool:
    """'North Korean troops', 'the rebels', 'the United States and Britain' are plural;
    'Hungary', 'the alliance' are not."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and (span.root.tag_ in ("NNS", "NNPS") or span.root.dep_ == "conj"
                                 or any(c.dep_ == "conj" for c in span.root.children))


def _clause_subject(token: Token, candidates: list[_Mention]) -> _Mention | None:
    """'Taiwan said Honduras ignored its ties when it sent its minister to China', 'Israel's
    offensive peaked in September, when it launched ...': a subject pronoun continues the subject
    (or the subject's owner) of the nearest clause above its own that has one, where that names
    a candidate, before the main subject of its sentence or the one before."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for verb in token.head.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        words = [w for c in subjects for w in (c, *(p for p in c.children if p.dep_ == "poss"))]
        found = [m for m in candidates for w in words if m.start <= w.idx < m.end]
        return found[0] if found else None
    return None


def _antecedent(doc: Doc, candidates: list[_Mention]) -> _Mention:
    """Whom a personal pronoun continues: the subject of the latest sentence before it that has
    one among the candidates, of the clause highest in it ("India hardened its stand after X
    claimed Y had imposed tariffs. He said": X, the subject nearest, and of the clause above
    Y's), else the last person named."""
    subjects = [(m, rank, span.root) for m in candidates
                if (rank := _subject_rank(doc, m)) > 0
                and (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None]
    if not subjects:
        return max(candidates, key=lambda m: m.start)
    # where the sentence starts, or the line, when the parser ran two lines (bullets) together
    text = extensions.written(doc)  # not doc.text: it joins every token on each access
    starts = {id(m): max(root.sent.start_char, text.rfind("\n", 0, m.start) + 1)
              for m, _, root in subjects}
    latest = max(starts.values())
    nearest = [(m, rank, root) for m, rank, root in subjects if starts[id(m)] == latest]
    # the subject of a clause another candidate's clause holds ("X claimed Y had ...") is not
    # whom the next sentence goes on with
    above = [(m, rank, root) for m, rank, root in nearest if not any(
        other.head in root.head.ancestors for _, _, other in nearest)]
    return max(above or nearest, key=lambda s: (s[1], s[0].start))[0]


def _subject_rank(doc: Doc, mention: _Mention) -> int:
    """2 for the subject of a sentence's main verb, 1 for another subject, 0 otherwise: news
    pronouns mostly continue the main subject ("Vance told the paper X could ...; he said")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and span.root.dep_ == "dobj" and span.root.head.lemma_ in RELAYING_CUES \
            and any(c.lower_ == "as" for c in span.root.head.children):
        return 2  # "the broadcaster cited X as promising revenge": X speaks, and goes on
    if span is not None and span.root.dep_ == "poss" and span.root.head.dep_ in (
            "nsubj", "nsubjpass") and span.root.head.head.dep_ == "ROOT":
        return 1  # "Khamenei's speech emphasized ...; he said": whose the subject is goes on too
    # "The court's chief, Judge X, ruled": a name in apposition to the subject is the subject
    root = span.root.head if span is not None and span.root.dep_ == "appos" else \
        span.root if span is not None else None
    if root is None or root.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    return 2 if root.head.dep_ == "ROOT" else 1


def _communities(names: list[tuple[Span, Any]]) -> list[tuple[Span, Any]]:
    """Ethnic communities belong to the country they live in, as CAMEO codes them: "ethnic
    Albanians" name no country (the event coder places them), "Bosnian Serbs" and "Iraqi Kurds"
    the first one."""
    kept: list[tuple[Span, Any]] = []
    for span, known in names:
        demonym = isinstance(known, Fixed) and known.kind == "adjective"
        if demonym and span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic":
            continue
        if demonym and kept and kept[-1][0].end == span.start and isinstance(kept[-1][1], Fixed) \
                and kept[-1][1].kind in ("adjective", "country") and span.text.endswith("s"):
            first, country = kept.pop()
            kept.append((span.doc[first.start:span.end], country))
            continue
        kept.append((span, known))
    return kept


def _capitalised(word: str) -> bool:
    """'Zelenskiy', not 'zelenskiy' nor 'ZELENSKIY' (a word in capitals is shouted or a
    dateline)."""
    return word[:1].isupper() and not word.isupper()


def _longest_first(candidates: list[tuple[Span, Any]]) -> list[tuple[Span, Any]]:
    chosen: list[tuple[Span, Any]] = []
    for span, known in sorted(candidates, key=lambda c: (-(c[0].end - c[0].start), c[0].start)):
        if all(span.end <= c.start or span.start >= c.end for c, _ in chosen):
            chosen.append((span, known))
    return sorted(chosen, key=lambda c: c[0].start)


def _followed_by_name(text: str, end: int) -> bool:
    """'President Vladimir Putin': the title belongs to the name that follows."""
    return bool(re.match(r" [A-Z][a-z]", text[end:end + 3]))


def _descriptor(ent: Span) -> str:
    """Words that describe a person: 'Pentagon spokeswoman' before, ', the ... ,' after."""
    doc = ent.doc
    # the words written onto the name, in its sentence ("Royal Thai Army spokesperson X"): "...
    # told reporters. X, a district chief," is described by none of them; an office's name may
    # hold "of" and hyphens ("Secretary of State", "commander-in-chief")
    before: list[Token] = []
    for token in reversed(doc[max(ent.sent.start, ent.start - TITLE_WINDOW):ent.start]):
        if token.pos_ not in ("NOUN", "PROPN", "ADJ") and not _inside_title(token) \
                or token.ent_type_ == "PERSON":
            break
        before.insert(0, token)
    while before and _inside_title(before[0]):
        before.pop(0)
    after = ""
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and _appositive_end(ent) > ent.end_char:
        tail = doc[ent.end + 1:min(len(doc), ent.end + 9)]
        words = []
        for token in tail:
            if token.text in (",", ".", ";"):
                break
            words.append(token.text)
        after = " ".join(words)
    return " ".join([t.text for t in before] + ([after] if after else [])).strip()


def _inside_title(token: Token) -> bool:
    """"of" in "Secretary of State", "to" in "Ambassador to Germany", and the joints of
    "commander-in-chief"."""
    return token.lower_ == "of" or token.tag_ == "HYPH" \
        or token.lower_ in ("to", "at") and token.i > 0 and token.nbor(-1).lemma_.lower() in DIPLOMATS \
        or token.lower_ == "in" and token.i > 0 and token.nbor(-1).tag_ == "HYPH"


def _appositive_end(ent: Span) -> int:
    """Where an apposition to a name ends (", senior Hezbollah official,"), or the name's end:
    "According to X, the rebels took ..." holds no description of X."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return ent.end_char
    end = ent.end_char
    chunk: list[Token] = []
    # ", 47, a teacher with three sons from the port town": comma-separated noun phrases, up to a clause
    for token in doc[ent.end + 1:min(len(doc), ent.end + 14)]:
        if token.pos_ in ("VERB", "AUX") or token.text in (".", ";") or token.is_space:
            break
        if token.text == ",":
            end, chunk = (chunk[-1].idx + len(chunk[-1].text) if chunk else end), []
            continue
        chunk.append(token)
    else:
        return chunk[-1].idx + len(chunk[-1].text) if chunk else end
    if token.pos_ not in ("VERB", "AUX") and chunk:
        end = chunk[-1].idx + len(chunk[-1].text)
    return end


def _sector(descriptor: str) -> str:
    text = descriptor.lower()
    if FORMER.search(text):
        return "ELI"  # "former defence minister X": a former official speaks for no state
    for sector, words in (("EDU", EDU_WORDS), ("MED", MED_WORDS), ("MIL", MIL_WORDS),
                          ("GOV", GOV_WORDS)):
        if words.search(text):
            return sector
    return ""


def _senders(written: str, described: list[_Mention]) -> list[_Mention]:
    """The places in a diplomat's description that sent them, without the place they are
    posted to ("Indian Ambassador to Russia X" speaks for India), when one is left."""
    senders = [m for m in described if not POSTED_TO.search(written[max(0, m.start - 40):m.start])]
    return senders or described


def _sentence_country(doc: Doc, known: list[_Mention], sentence: Span) -> _Mention | None:
    """The country that is the subject of a sentence's main verb or of the clause it reports
    ("Chad closed the border, confirmed X"), when one is."""
    for mention in known:
        if sentence.start_char <= mention.start < sentence.end_char and not mention.person \
                and len(mention.entity.code) == 3 and mention.entity.code not in NON_STATE_CODES:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            verb = span.root.head if span is not None else None
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and (
                    verb.i == sentence.root.i
                    or verb.dep_ == "ccomp" and verb.head.i == sentence.root.i):
                return mention
    return None


def _near(mention: _Mention, ent: Span) -> bool:
    """A country or organisation named in the person's descriptor, just before or after."""
    return 0 <= ent.start_char - mention.end <= 30 or 0 <= mention.start - ent.end_char <= 40


# the last document's mentions (held, so that `is` identifies them), their starts, the longest
# mention, the entities built from them and the answers given for character spans: the coders
# ask thousands of times per document, half of them again, and the Doc itself keeps only plain
# data (see `extensions`)
_Index = tuple[tuple[Any, ...], list[int], int, dict[tuple[int, str], Entity],
               dict[tuple[int, int], Entity | None]]
_LAST_INDEXED: list[_Index] = []


def _indexed(mentions: tuple[Any, ...]) -> _Index:
    last = _LAST_INDEXED[0] if _LAST_INDEXED else None
    if last is None or last[0] is not mentions:
        last = (mentions, [m[0] for m in mentions],
                max((end - start for start, end, _ in mentions), default=0), {}, {})
        _LAST_INDEXED[:] = [last]
    return last


def entity_at(doc: Doc, start_char: int, end_char: int) -> Entity | None:
    """The actor whose mention overlaps [start_char, end_char) most (the later one on a tie)."""
    mentions = extensions.value(doc, "actor_mentions")  # sorted by start
    _, starts, longest, built, answers = _indexed(mentions)
    if (start_char, end_char) in answers:
        return answers[start_char, end_char]
    best, best_overlap = None, 0
    for k in range(bisect_left(starts, end_char) - 1, -1, -1):  # latest first
        start, end, index = mentions[k]
        if start + longest <= start_char:
            break  # no earlier mention reaches this far
        overlap = min(end, end_char) - max(start, start_char)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    if best is None:
        answers[start_char, end_char] = None
        return None
    actor = extensions.value(doc, "actors")[best]
    mention_text = next(t for t, s, e in actor["mentions"] if s < end_char and start_char < e)
    if (best, mention_text) not in built:
        built[best, mention_text] = from_dict(Entity, {**actor, "entity_text": mention_text})
    answers[start_char, end_char] = built[best, mention_text]
    return answers[start_char, end_char]


@Language.factory("spiral_actors", default_config={"actors_file": None, "names_from": "ner"},
                  requires=["token.tag"],
                  assigns=["doc._.actors", "doc._.actor_mentions", "doc._.report_country",
                           "doc.ents"])
def make_actor_resolver(nlp: Language, name: str, actors_file: str | None,
                        names_from: str | None) -> ActorResolver:
    """`names_from`: the entity recogniser to run on demand (disabled in the pipeline), or None
    to take `doc.ents` as the pipeline set them."""
    return ActorResolver(nlp, name, actors_file, names_from)
