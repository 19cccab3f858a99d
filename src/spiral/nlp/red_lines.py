"""`spiral_red_lines`: red lines, conditional threats and ultimatums, with condition and consequence.

Patterns, on the dependency parse of each sentence:
- a conditional clause: "if/should/unless/in case X, (then) Y", "Y as long as X", "Y only
  when X", "will keep doing Y until X" (a clause, or a step named: "until a truce", not "until
  Friday") — condition X, consequence Y (an inverted "should X" the parser hangs on a noun or,
  after what was said or before what is said next ("warned that should X, Y would Z"), on the
  speech verb; "will not sit idly by if X"; an "if" clause whose participle the parser read as
  its verb ("if jets supplied to X operated from Y"); "..., in which case Y" after a condition);
- "X means war", "X amounts to a declaration of war" in the present; "X would be a serious
  escalation", "would be treated as legitimate targets"; "warned Y against any X";
- "any movement of X's ships would be deemed a breach of ...", "X's military action could
  constitute a threat to our survival": a step of a party named, judged (with any
  modal) a breach of what was agreed or a threat, is the condition;
- "X would mean / would put us at war / would be an act of war Y" — the step X (the subject,
  not the words that set the scene before it: "under the treaty, an attack on X would be
  treated as ...") is the condition;
- "any attack on X would not go unanswered": a step any party may take, whatever verb says
  what follows it; "will respond to / retaliate against / pay a price for any X"; "further /
  another / more X will be met with Y", "these provocations will continue to receive a fitting
  answer", a step taken again, as "any X" is;
- "the moment when X, Y will Z": a time named by what happens in it is a condition; "would
  respond in such a scenario": the case told before is, wherever the parser hangs the phrase;
- "X would cross a red line", "X is a red line" (or, said, "sent a message that X was its red
  line"), "declaring X a red line", "regards X as red lines", a party's own red line stated
  with what it is ("reiterated its red lines: that X", "drew a red line over X"), "X will not
  be tolerated / allowed", "we will
  not allow any X to Y", "warned X not to Y", "will be held responsible for any X", "cannot X
  and get away with it", "only X will stop Y";
- threats to whoever enables an enemy: "any country that X will be Y", "countries that X" as
  the object of a threat — the relative clause is the condition; so for any kind of party a
  common noun names with "any / every / all" or in the plural ("firms that keep shipping X
  would face Y"), not a side's own forces or public, nor what some do or did;
- a demand and what is to come if it is not met: "withdraw X, otherwise we will Y", "X must Z
  or they will Y"; an imperative and what doing it brings: "touch X and we will Y";
- a qualified class of targets: "would target all ships bound for X", "ships linked to X would
  be targeted", "will strike anyone trafficking in ...";
- under a warning, or against any step, "would take action / measures against X";
- "would bear full responsibility for any X", like "will be held responsible for any X";
- "the hand that reaches into our waters will be cut off": whatever does what the relative
  clause says is the step;
- "warned X of serious consequences over Y", "warned of countermeasures against Y": Y is the
  condition;
- "warned that any X could lead to Y", "told Lima's leader that X would damage ties": what a
  party's step would bring about, under a warning or told to whom the speaker addresses, with
  any modal, and a harm to the bonds between the sides, is the threat, X the condition;
- a party's own act claimed as a right, with no bound, without hesitation, or an act that
  counters, promised or readied: "has / reserves the right to take any measures in the face of
  X", "... to defend Y", "we can do anything to maintain Y", "would not hesitate to use force to
  stop X / to act against any X", "ready to thwart / will crush any X" (any such step it acts on,
  what it stops or answers, X, or a threat to what it defends, Y, is the step);
- ultimatums: "do X or face / bear / pay Y", "either X or we will Y", "has until Friday to X", "would have
  three months to leave", "gave X 48 hours to Y", "ordered X to leave within 48 hours", "issued
  X a 72-hour ultimatum to Y" (what is demanded, not done in time, is the condition);
- a condition with no subject of its own ("would retaliate if attacked") is the threatening
  party undergoing it; "X would be regarded as an act of aggression" judges a step as war
  words do;
- explicit red-line talk ("a red line") and deadlines ("within 50 days", "by Friday") mark the
  kind; "if confirmed" sets no condition (a fact not known, as "if the allegation is true"); an
  order told as what came before the news ("came after X ordered Y to leave within 48
  hours") is background, and an envoy or a mission given time to leave ("gave the ambassador 72
  hours to leave") is expelled, an act done, not a line drawn. An anaphoric condition ("such a step", "this", "that") is replaced by
  what it refers to: the nearest earlier sentence that names a step.
The declarer is the speaker of the statement that holds the consequence (a quote's speaker, or
the subject of the speech verb), else the main clause's subject read as a source is ("Ethiopia's
prime minister Abiy Ahmed" is Abiy); several states coordinated
hold a line by the first named; a line whose declarer has no
country or body resolved is not kept, nor one whose act falls on the declarer's own side
("Chile would defend Peru" read as Peru's line): the sentence's subject holds it when it names
another party (`red_line_parties`). A threat word, a verb of warning, a warning named by
a noun whose clause holds the consequence ("take this as a warning: if X, Y"), or the
declarer's own act said as what it will do, keep doing or withhold if, unless or until the
other side acts ("would keep the crossing shut until its neighbour acts") marks a line; a
sentence that only reports
what was done ("said it had struck ...", "the attack that killed ...") states no line: every
pattern needs a future, a condition or a deadline (whoever a relative clause names is
threatened only by a clause that looks ahead: not "the attack caused tensions between those who
X"; nor does what follows a condition told as done, in the narrator's past or a modal perfect:
"once the ship docked, police seized its cargo", "if the shell had hit, it could have killed
dozens"); a possibility about another party ("if not stopped, Iran could build a bomb") is a
forecast, not a threat (what the other would undergo, "Seoul could face consequences", is the
threat); an offer ("would declare a truce and begin talks if X": every act the consequence
holds is cooperation, none refused) is no line, nor is a demand ("if Lima wants peace, it must
stop its strikes": what the other side must do, actively, and not what it would undergo) or a
step judged, negated or hedged, to be no hostile act ("should not be seen as a provocation",
"would be a potential threat"); "as if" sets no condition, nor does a fact not
known ("if the allegation is true"), nor a lawsuit ("in a case brought against"); the press,
analysts, aid groups, companies and bystanders draw no line ("Yonhap said that if the talks fail, the North will resume
tests"); nor does a journalist's sentence whose
passive subject is the one a line would be drawn for ("Iran will be held responsible") when no
one is quoted saying it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from spiral.nlp import extensions, layout
from spiral.nlp.actors import NON_STATE_CODES
from spiral.nlp.dates import find_event_date
from spiral.nlp.quotes import statement_holder
from spiral.nlp.red_line_clauses import clause_of, written
from spiral.nlp.red_line_conditions import conditionals
from spiral.nlp.red_line_declarers import (
    actors_named,
    declared_within,
    first_named,
    onlooker,
    own_act_on_condition,
    passive_unquoted,
    told_by_unnamed,
)
from spiral.nlp.red_line_lexicon import (
    ANAPHORA,
    AS_NEEDED,
    CROSSING,
    DEADLINE,
    JUDGEMENTS,
    PRONOUN,
    STEP_NOUNS,
    STEP_WORDS,
    THREAT_WORDS,
    TRUCE_TERMS,
    WAR_WORDS,
)
from spiral.nlp.red_line_parties import other_holder, undergoes
from spiral.nlp.red_line_threats import (
    demanded,
    foretold,
    in_relative,
    offered,
    risk_told,
    warning_told,
)
from spiral.records import RedLine


class RedLineFinder:
    """The `spiral_red_lines` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        found = []
        sentences = layout.body(doc)
        for index, sentence in enumerate(sentences):
            pairs = _distinct(conditionals(sentence))
            named = [p for p in pairs if not PRONOUN.match(p[0])]
            for condition, consequence in named or pairs:
                if len(condition.split()) < 2 and not ANAPHORA.match(condition) \
                        and not _as_needed(condition, consequence) \
                        or len(consequence.split()) < 2:
                    continue  # a fragment the parser cut off, not a stated line
                red_line = self._red_line(doc, sentences, index, condition, consequence,
                                          published)
                if red_line is None:
                    continue
                if CROSSING.match(condition) and found and found[-1].start >= \
                        sentences[max(0, index - 1)].start_char:
                    # "X would be a red line, and crossing that line would Y": one line, X -> Y
                    red_line = replace(found.pop(), consequence=consequence, kind="red_line",
                                       end=red_line.end, id="")
                elif found and found[-1].start == red_line.start \
                        and found[-1].declarer.code == red_line.declarer.code:
                    # "will respond to any aggression, especially if civilians are harmed": a
                    # second condition on what one party says in one sentence sharpens the line
                    # it draws there; it is no second line
                    continue
                found.append(red_line)
        self.set_annotations(doc, found)
        return doc

    def set_annotations(self, doc: Doc, red_lines: list[RedLine]) -> None:
        doc._.red_lines = tuple(extensions.plain(r) for r in red_lines)

    def _red_line(self, doc: Doc, sentences: list[Span], index: int, condition: str,
                  consequence: str, published: date | None) -> RedLine | None:
        sentence = sentences[index]
        # a warning the sentence states, not one a relative clause tells of ("this movement
        # that threatens us all")
        warning = any(t.lemma_ in ("warn", "threaten") and not in_relative(t) for t in sentence) \
            or warning_told(sentence, consequence)
        declarer = declared_within(doc, sentence, consequence) \
            or statement_holder(doc, sentence, consequence)
        if not (THREAT_WORDS.search(consequence) or JUDGEMENTS.search(consequence)
                or WAR_WORDS.search(sentence.text) or warning
                or declarer is not None and own_act_on_condition(doc, sentence, declarer)):
            return None
        if declarer is not None and not declarer.code and declarer.role == "several speakers":
            declarer = first_named(doc, sentence, declarer) or declarer
        # a line is drawn against another: one whose act falls on the declarer's own side was
        # read for the wrong party, or is domestic
        if declarer is not None and declarer.code \
                and undergoes(doc, sentence, consequence, declarer):
            declarer = other_holder(doc, sentence, declarer)
        # a line no one resolved drew is no one's to hold to it, and onlookers draw none
        if declarer is None or not declarer.code or onlooker(declarer) \
                or passive_unquoted(doc, sentence) or told_by_unnamed(doc, sentence, consequence):
            return None
        if TRUCE_TERMS.search(consequence) or foretold(sentence, consequence, declarer) \
                or demanded(sentence, consequence, declarer) \
                or offered(doc, sentence, condition, consequence) \
                or declarer.code in NON_STATE_CODES and risk_told(doc, sentence, consequence):
            return None
        condition = _resolve_anaphora(condition, sentences, index)
        addressee = actors_named(doc, sentence, condition + " " + consequence, declarer.code)
        kind = ("ultimatum" if DEADLINE.search(sentence.text) else
                "red_line" if WAR_WORDS.search(sentence.text) else "conditional_threat")
        return RedLine(doc_id=doc._.doc_id or "", declarer=declarer, condition=condition,
                       consequence=consequence, kind=kind, start=sentence.start_char,
                       end=sentence.start_char + len(sentence.text.rstrip()),
                       addressee=tuple(addressee), date=find_event_date(sentence, published)[0])


def _as_needed(condition: str, consequence: str) -> bool:
    """"we will cut the supplies if necessary", "has the right to take steps if needed": a
    condition left to the declarer's own judgement of need, said of an act with its doer; not the
    aim a claim is told with ("territory to be retaken, by force if necessary")."""
    return AS_NEEDED.match(condition) is not None and not consequence.lower().startswith("to ")


def _distinct(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One pair per condition: several patterns often find the same one in a sentence."""
    seen: dict[str, tuple[str, str]] = {}
    for condition, consequence in pairs:
        bare = re.sub(r"^(if|should|unless|once|when) ", "", condition, flags=re.IGNORECASE)
        seen.setdefault(bare.lower(), (bare, consequence))
    # "any territory that X" and "territory that X", read by two patterns: one line, the fuller
    return [pair for key, pair in seen.items()
            if not any(key != other and other.endswith(" " + key)
                       and seen[other][1] == pair[1] for other in seen)]


def _resolve_anaphora(condition: str, sentences: list[Span], index: int) -> str:
    """'such a step' -> the nearest earlier sentence that names a step."""
    if not ANAPHORA.match(condition.strip()):
        return condition
    for earlier in reversed(sentences[max(0, index - 4):index]):
        steps = [t for t in earlier if (t.pos_ == "VERB" and STEP_WORDS.fullmatch(t.lower_))
                 or t.lemma_.lower() in STEP_NOUNS]
        if steps:
            # the clause that names the step: "Washington let Kyiv fire ATACMS missiles into Russia"
            step = steps[0]
            clause = step if step.pos_ == "NOUN" and len(list(step.subtree)) >= 4 \
                else clause_of(step)
            return f"{condition} ({written(list(clause.subtree))})"
    return condition


@Language.factory("spiral_red_lines", requires=["doc._.actor_mentions", "doc._.quotes"],
                  assigns=["doc._.red_lines"])
def make_red_line_finder(nlp: Language, name: str) -> RedLineFinder:
    return RedLineFinder(nlp, name)
