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
  the object of a threat — the relative clause is the condition;
- a qualified class of targets: "would target all ships bound for X", "ships linked to X would
  be targeted", "will strike anyone trafficking in ...";
- under a warning, or against any step, "would take action / measures against X";
- "would bear full responsibility for any X", like "will be held responsible for any X";
- "the hand that reaches into our waters will be cut off": whatever does what the relative
  clause says is the step;
- "warned X of serious consequences over Y", "warned of countermeasures against Y": Y is the
  condition;
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
X"); a possibility about another party ("if not stopped, Iran could build a bomb") is a
forecast, not a threat (what the other would undergo, "Seoul could face consequences", is the
threat); "as if" sets no condition, nor does a fact not known ("if the allegation is true"), nor
a lawsuit ("in a case brought against"); the press, analysts, aid groups, companies
and bystanders draw no line ("Yonhap said that if the talks fail, the North will resume
tests"); nor does a journalist's sentence whose
passive subject is the one a line would be drawn for ("Iran will be held responsible") when no
one is quoted saying it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from spiral.nlp import extensions, layout
from spiral.nlp.actors import NON_STATE_CODES, STATE_SECTORS, entity_at
from spiral.nlp.dates import find_event_date
from spiral.nlp.event_lexicon import TIME_WORDS
from spiral.nlp.quotes import SPEECH_VERBS, statement_holder
from spiral.nlp.red_line_lexicon import (
    ACTION_NOUNS,
    AGAINST_STEP,
    ANAPHORA,
    ANSWERABLE,
    ANY_STEP,
    ANYONE,
    AS_NEEDED,
    CASE_NOUNS,
    CAUSING_VERBS,
    CONDITION_MARKS,
    CONDITION_TIMES,
    CONSEQUENCE_NOUNS,
    COUNTER_VERBS,
    CROSSING,
    DEADLINE,
    DECLARING_VERBS,
    DEFENDING_ACTS,
    DEFENDING_VERBS,
    DEFINITE_STEP,
    DEMAND_VERBS,
    EITHER_OR,
    ENABLERS,
    ENDING_VERBS,
    EPISTEMIC,
    EXPELLED,
    FUTURE_AUX,
    GIVEN_TIME,
    JUDGEMENTS,
    JUDGING_VERBS,
    LASTING_VERBS,
    LEAVING_VERBS,
    LINE_STATING_VERBS,
    LINE_TOPICS,
    LINKING_WORDS,
    MEANING_VERBS,
    MODALS,
    NAMING_VERBS,
    NOT_ALLOWED,
    NOT_CONDITIONING,
    NOT_TOLERATED,
    ONLOOKING_SECTORS,
    OR_FACE,
    ORDER_VERBS,
    OWN_PRONOUNS,
    OWNING_PRONOUNS,
    POSSIBILITY,
    PRONOUN,
    PUBLIC,
    PUNISHING_VERBS,
    READY,
    RED_LINE,
    RED_LINE_WORDS,
    REGARD_VERBS,
    RELATIVES,
    RESPONSE_NOUNS,
    RESPONSE_VERBS,
    RIGHT_HOLDING_VERBS,
    SEASONS,
    STEP_NOUNS,
    STEP_SUBJECT,
    STEP_WORDS,
    STOPPING_VERBS,
    TARGET_DETERMINERS,
    TARGETING_VERBS,
    THREAT_WORDS,
    TIME_UNITS,
    TRUCE_TERMS,
    ULTIMATUM_VERBS,
    UNBOUNDED,
    UNDERGOING_VERBS,
    VOICED,
    WAR_MEANING_VERBS,
    WAR_WORDS,
    WARNING_VERBS,
)
from spiral.nlp.red_line_parties import other_holder, undergoes
from spiral.nlp.speakers import resolve
from spiral.records import Entity, RedLine


class RedLineFinder:
    """The `spiral_red_lines` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        found = []
        sentences = layout.body(doc)
        for index, sentence in enumerate(sentences):
            pairs = _distinct(_conditionals(sentence))
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
        warning = any(t.lemma_ in ("warn", "threaten") and not _in_relative(t) for t in sentence) \
            or _warning_told(sentence, consequence)
        declarer = _declared_within(doc, sentence, consequence) \
            or statement_holder(doc, sentence, consequence)
        if not (THREAT_WORDS.search(consequence) or JUDGEMENTS.search(consequence)
                or WAR_WORDS.search(sentence.text) or warning
                or declarer is not None and _own_act_on_condition(doc, sentence, declarer)):
            return None
        if declarer is not None and not declarer.code and declarer.role == "several speakers":
            declarer = _first_named(doc, sentence, declarer) or declarer
        # a line is drawn against another: one whose act falls on the declarer's own side was
        # read for the wrong party, or is domestic
        if declarer is not None and declarer.code \
                and undergoes(doc, sentence, consequence, declarer):
            declarer = other_holder(doc, sentence, declarer)
        # a line no one resolved drew is no one's to hold to it, and onlookers draw none
        if declarer is None or not declarer.code or _onlooker(declarer) \
                or _passive_unquoted(doc, sentence):
            return None
        if TRUCE_TERMS.search(consequence) or _foretold(sentence, consequence, declarer) \
                or declarer.code in NON_STATE_CODES and _risk_told(doc, sentence, consequence):
            return None
        condition = _resolve_anaphora(condition, sentences, index)
        addressee = _actors_named(doc, sentence, condition + " " + consequence, declarer.code)
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


def _own_act_on_condition(doc: Doc, sentence: Span, declarer: Entity) -> bool:
    """"Ruvia would keep the crossing shut until its neighbour acts", "we will not release any more
    hostages unless Israel halts its strikes", "if this happens, we will take decisions Seoul will
    not like": a party's own act, said as what it will do, keep doing or withhold if, unless or
    until the other side acts, is a line whatever the act (its doer is the party itself, a
    pronoun or a name of its country; the condition's subject is another party, or a step told
    before or a state of things when the act bears on another: "our troops would not stay
    there if the cost grew too high", "would halt its mediation between them if no deal is
    reached"; "until inflation eases" bears on no one, "will keep up its mediation until a deal
    is reached" keeps up nothing hostile, and "if we leave the pact" is the party's own step)."""
    for token in sentence:
        if _condition_clause(token) is None:
            continue
        act = token.head
        doer = _doer(act)
        if doer is None or not _keeps_on(act) or not _own(doc, doer, declarer):
            continue
        # what the other side does ("until Benin acts"); else a step told before or a state of
        # things ("if this happens", "if the cost is too high") when the act bears on another,
        # kept up until then only when it is hostile ("will keep up its mediation between Lima
        # and Quito until a deal is reached" draws none); not the party's own step ("if Lima
        # switches recognition, it would leave Quito ...")
        stepper = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if stepper is None or _own(doc, stepper, declarer):
            continue
        if _names_other(doc, [stepper], declarer):
            return True
        clause = list(_clause_of(act).subtree)
        kept_up = any(c.dep_ == "mark" and c.lower_ == "until" for c in token.children)
        if _names_other(doc, clause, declarer) and (
                not kept_up or THREAT_WORDS.search(_text(clause))):
            return True
    return False


def _own(doc: Doc, word: Token, declarer: Entity) -> bool:
    """Whether a subject is the declarer's side: a name of its country, or a pronoun resolved to
    no one else ("unless they withdraw" said of the other side is theirs)."""
    entity = entity_at(doc, word.idx, word.idx + len(word.text))
    return entity.code == declarer.code if entity is not None else word.lower_ in OWN_PRONOUNS


def _doer(verb: Token) -> Token | None:
    """Whoever does or undergoes what a verb says: its subject, or that of the verb it completes
    or continues ("will exercise the right to hold ...", "are acting and will continue")."""
    while (subject := next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)) is None:
        above = _completed(verb) or (verb.head if verb.dep_ == "conj" else None)
        if above is None:
            return None
        verb = above
    return subject


def _names_other(doc: Doc, words: list[Token], declarer: Entity) -> bool:
    """Whether some words name a party other than the declarer's ("New Delhi", "its")."""
    return any(first <= t.idx < last and (entity := entity_at(doc, first, last)) is not None
               and entity.code and entity.code != declarer.code
               for first, last, _ in doc._.actor_mentions for t in words)


def _warning_told(sentence: Span, consequence: str) -> bool:
    """"Take this as a warning that if Peru attacks, our missiles are ready": a warning
    or threat named by a noun whose clause says the consequence."""
    said = set(re.findall(r"\w+", consequence.lower()))
    for noun in sentence:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ("warning", "threat") \
                or _in_relative(noun):
            continue
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl", "ccomp") and said <= {
                    t.lower_ for t in clause.subtree}:
                return True
    return False


def _in_relative(word: Token) -> bool:
    """Whether a word is in a relative clause or one hung on a noun ("the movement that
    threatens", "a group threatening")."""
    return any(t.dep_ in ("relcl", "acl") for t in (word, *word.ancestors))


def _declared_within(doc: Doc, sentence: Span, consequence: str) -> Entity | None:
    """Who a sentence reports as declaring the line inside what it tells: the subject of the
    innermost verb of saying, warning or delivering under which the consequence is said, when
    that verb is not the sentence's own ("officials said Sullivan issued a warning about ...",
    "the row began when the minister said any ... would ...", "he said, promising to
    destroy ..."); None when there is none, or it resolves to no country or body (the
    statement's holder then answers)."""
    words = set(re.findall(r"\w+", consequence.lower()))
    said = [t.i for t in sentence if t.lower_ in words]
    best = None
    for verb in sentence:
        if verb.lemma_ not in DECLARING_VERBS or verb.lower_ in words or not said:
            continue
        covered = {t.i for t in verb.subtree}
        if sum(i in covered for i in said) >= 0.8 * len(said) and (
                best is None or len(covered) < len(list(best.subtree))):
            best = verb
    if best is None or best.dep_ == "ROOT" or any(c.dep_ == "auxpass" for c in best.children):
        return None  # "was given 72 hours to leave": who is given it declares nothing
    # "he said, promising to destroy ...": a verb with no subject of its own is its head's
    while not any(c.dep_ == "nsubj" for c in best.children) \
            and best.dep_ in ("xcomp", "advcl", "conj") and best.head.i != best.i:
        best = best.head
    subject = next((c for c in best.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    entity = entity_at(doc, subject.idx, subject.idx + len(subject.text)) or resolve(
        doc, [t for t in subject.subtree if t.dep_ not in ("relcl", "acl") or t.i == subject.i])[0]
    return entity if entity is not None and entity.code and not _onlooker(entity) else None


def _onlooker(declarer: Entity) -> bool:
    """The press, analysts, aid groups, companies and bystanders, named or not ("analysts
    said", "Yonhap said"): they tell of lines and risks, and draw none."""
    return declarer.sector in ONLOOKING_SECTORS or (
        declarer.role == "anonymous source" and declarer.sector not in STATE_SECTORS)


def _first_named(doc: Doc, sentence: Span, joint: Entity) -> Entity | None:
    """"Britain, France and Germany said they would ...": a line drawn jointly is held by the
    first state named (one line, as the annotators code it)."""
    at = sentence.text.find(joint.entity_text)
    if at < 0:
        return None
    start = sentence.start_char + at
    for first, last, _ in doc._.actor_mentions:
        if start <= first and last <= start + len(joint.entity_text):
            entity = entity_at(doc, first, last)
            if entity is not None and len(entity.code) == 3:
                return entity
    return None


def _may_name_red_line(text: str) -> bool:
    """Whether a sentence's text holds "red" and "line" (as `RED_LINE` reads letters, case
    aside): `_text` of its words can match `RED_LINE` only then, since it keeps each word whole
    and adds only spaces. Most sentences lack one; reading every "is" they hold for a red line
    was a fifth of `_conditionals`' time."""
    return all(word.search(text) is not None for word in RED_LINE_WORDS)


def _passive_unquoted(doc: Doc, sentence: Span) -> bool:
    """"Iran will be held responsible for any damage" with no one quoted saying it: the
    subject is who the line is drawn for, not who draws it."""
    return any(c.dep_ == "nsubjpass" for c in sentence.root.children) and not any(
        q["start"] < sentence.end_char and sentence.start_char < q["end"] and q["speaker"]
        for q in doc._.quotes)


def _text(tokens: list[Token]) -> str:
    """The tokens as written, one space where the text had space or where tokens were left out."""
    tokens = sorted(tokens, key=lambda t: t.i)
    parts = []
    for previous, token in zip([None, *tokens], tokens):
        if previous is not None and (token.i > previous.i + 1 or previous.whitespace_):
            parts.append(" ")
        parts.append(token.text)
    return re.sub(r"^that ", "", " ".join("".join(parts).split()).strip(" ,;:"))


def _conditionals(sentence: Span) -> list[tuple[str, str]]:
    """(condition, consequence) pairs the sentence states."""
    found = []
    tokens = list(sentence)  # walked twice: a Span builds each Token anew on every walk
    # the words a modal hangs from: the only ones "X would mean Y" can be read at
    modal_heads = {t.head.i for t in tokens if t.lower_ in MODALS}
    text = extensions.text_of(sentence)
    may_name_red_line = _may_name_red_line(text)
    for token in tokens:
        condition = _condition_clause(token)
        if condition is not None:
            if token.head.dep_ == "advcl" and token.head.i > token.i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "mark"
                                and c.lower_ in CONDITION_MARKS for c in token.head.children):
                # "if jets supplied to Ukraine operated from ...": the parser read a participle
                # as the clause's verb and hung the true one, with no subject of its own, above
                # it; the condition is both
                token = token.head
                condition = list(token.subtree)
            clause = _said_next(token) or _vowed_before(token) or _clause_of(token.head)
            # "as long as X": the "as long" the clause hangs from is no part of what follows
            taken = {t.i for t in (token.head if _as_long_as(token) else token).subtree}
            consequence = [t for t in _reported(clause).subtree if t.i not in taken
                           and t.dep_ != "punct" and not _is_mark(t, clause)]
            found.append((_elliptical(token, clause) or _text(
                [t for t in condition if not _is_mark(t, token) or t.lower_ == "until"]),
                _text(consequence)))
            continue
        # "will respond to every strike" (what was answered every time is no line); "will answer
        # any intruder's breach": the step is the noun "any" is said of, or the one
        # it names the doer or object of
        step = _of_any(token) if token.lower_ in ("any", "every") and token.dep_ == "det" \
            else None
        if step is not None and step.dep_ == "pobj" \
                and step.head.lower_ in ("to", "against", "for") \
                and (step.head.head.lemma_ in RESPONSE_VERBS | RESPONSE_NOUNS
                     and (token.lower_ == "any" or _future(step.head.head))
                     or _future(step.head.head) and step.head.lower_ != "to"):
            found.append((_text(list(step.subtree)), _text(_around(step.head.head, step))))
            continue
        # "in the event of X", "in case of X", "in case X happens"
        step = _in_case_clause(token)
        if step is not None:
            # what follows is the whole stated clause the case hangs from ("would launch strikes
            # and send troops, to get ready to open fire, in case ..."), not its last purpose
            top = step.head
            while top.dep_ in ("advcl", "conj", "xcomp") and top.head.i != top.i \
                    and top.head.lemma_ not in SPEECH_VERBS:
                top = top.head
            consequence = [t for t in _around(top, step) if t.i not in (token.i, token.i - 1)]
            found.append((_text([t for t in step.subtree if t.i not in (token.i, token.i - 1)]),
                          _text(consequence)))
            continue
        # "in a case brought against Israel" is a lawsuit, not a condition
        if token.lower_ in ("event", "case") and token.head.lower_ == "in" and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            steps = [t for c in token.children if c.lower_ == "of" for t in c.children
                     if t.dep_ == "pobj"] + [c for c in token.children
                                             if c.dep_ in ("acl", "relcl", "ccomp", "advcl")]
            if steps:
                found.append((_text(list(steps[0].subtree)),
                              _text(_around(token.head.head, token.head))))
                continue
            # "was over unless Israel chose to retaliate, in which case our answer would be
            # stronger": the case is the condition stated before it
            before = next((c for t in reversed(tokens[:token.i - sentence.start])
                           if any(w.lower_ == "which" for w in token.children)
                           and (c := _condition_clause(t)) is not None), None)
            if before is not None:
                case = {t.i for t in token.head.head.subtree}
                found.append((_text([t for t in before if t.dep_ != "mark" and t.i not in case]),
                              _text(_around(token.head.head, token.head))))
                continue
        if (case := _in_such_case(token)) is not None:
            found.append(case)
            continue
        # "Russia would regard X as Y": X is the step, Y what it would be taken for
        if token.lemma_ in REGARD_VERBS and any(c.lower_ in MODALS for c in token.children):
            objects = [c for c in token.children if c.dep_ == "dobj"]
            as_objects = [t for c in token.children if c.lower_ == "as" for t in c.children
                          if t.dep_ == "pobj"]
            if objects and as_objects:
                found.append((_text(list(objects[0].subtree)), _text(list(as_objects[0].subtree))))
                continue
        # "X would mean / would be regarded as / will be met with Y": the subject is the step
        modals = MODALS if token.lemma_ in JUDGING_VERBS else ("would", "will")
        modal = [c for c in token.children if c.lower_ in modals] \
            if token.i in modal_heads else []
        if modal and not any(_condition_clause(c) is not None for c in token.children):
            # "and thus any sale of those rockets would provoke ...": the words that link the
            # clause to what went before are no part of the step
            step = list(itertools.dropwhile(lambda t: t.lower_ in LINKING_WORDS, (
                t for t in token.subtree if t.i < modal[0].i
                and not (t.dep_ == "mark" and t.head.i == token.i))))
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")
                            and c.i < modal[0].i), None)
            if subject is not None and step and step[0].i < subject.left_edge.i and all(
                    c.dep_ in ("prep", "advmod", "npadvmod", "punct", "mark")
                    for c in token.children if c.i < subject.left_edge.i):
                # "under the treaty, an attack on Belarus would be treated as ...": the step is
                # the subject, not the words that set the scene before it
                step = list(subject.subtree)
            if subject is None and not step and token.dep_ == "ccomp" \
                    and token.head.dep_ == "relcl":
                # "a move the Ruvian cabinet has said would cross a red line": what
                # the relative clause is said of is the step, and what that noun stands beside
                # ("X's assault on Rafah ... - a development ...") what it is
                noun = token.head.head
                said = {t.i for t in (noun if noun.dep_ == "appos" else token.head).subtree}
                step = [t for t in (noun.head if noun.dep_ == "appos" else noun).subtree
                        if t.i not in said]
            rest = [t for t in token.subtree if t.i >= modal[0].i]
            # "warned that American intervention would lead to irreparable damage": under a
            # warning, whatever a step a party takes would bring about is threatened ("warned
            # that the pension reform would have consequences for the budget" names no party)
            warned = token.dep_ == "ccomp" and token.head.lemma_ in WARNING_VERBS \
                and token.lemma_ in CAUSING_VERBS \
                and _names_party(step)
            # "these provocations will continue to receive a fitting answer": what goes on
            # following a hostile step is what it means ("such requests will continue to
            # receive responses" names none)
            goes_on = token.lemma_ in LASTING_VERBS and any(
                c.dep_ == "xcomp" and c.lemma_ in MEANING_VERBS for c in token.children) \
                and THREAT_WORDS.search(" ".join(t.lemma_ for t in step))
            meaning = token.lemma_ in MEANING_VERBS or goes_on or _answered_with(token)
            if not meaning and not ANY_STEP.match(_text(step)) and not warned:
                step = []
            # "the pullout will badly hurt the campaign against the militants" judges a
            # step: only what a step "would be" in war words ("an act of war") draws a line
            # a step of a party named, judged in a warning's words where no condition is stated
            # (an "if" clause is read above, and what the parser leaves of it here is no step)
            judged = JUDGEMENTS.search(_text(rest)) and _names_party(step) and not any(
                t.lower_ in CONDITION_MARKS and t.dep_ == "mark" for t in tokens)
            if step and rest and (WAR_WORDS.search(_text(rest)) or judged
                                  or (THREAT_WORDS.search(_text(rest)) and token.lemma_ != "be"
                                      and (STEP_SUBJECT.match(_text(step)) or warned))):
                found.append((_text(step), _text(rest)))
        elif may_name_red_line and token.lemma_ == "be" \
                and token.dep_ in ("ROOT", "ccomp", "acl") and any(
                c.dep_ == "attr" and RED_LINE.search(_text(list(c.subtree)))
                for c in token.children) and not any(c.dep_ == "neg" for c in token.children):
            # "sovereignty over the island is a red line": a line drawn in the present, or
            # said ("sent a message that its borders were its red line")
            step = [t for c in token.children if c.dep_ in ("nsubj", "csubj") for t in c.subtree]
            taken = {t.i for t in step}
            rest = [t for t in token.subtree if t.i not in taken and not t.is_punct]
            if step and not PRONOUN.match(_text(step)):
                found.append((_text(step), _text(rest)))
        found += _not_tolerated(token) + _action_against(token) + _targets(token) \
            + _deadline(token) + _moment_when(token)
        # one look-up a token on the hot path; each rule is reached only by its lemmas
        for rule in LEMMA_RULES.get(token.lemma_, ()):
            found += rule(token)
        # "any country that X will be a target", "those who X will get burned", "whoever X ..."
        # "the one last Wednesday that killed two soldiers": a step already taken is no condition
        # ("countries that let Kyiv use" may be now); "told its neighbours that the blockade
        # endangers them all": a clause the parser hung as relative, opened by a conjunction,
        # is what was said, not who is meant
        open_step = token.dep_ == "relcl" and token.head.lemma_ in ENABLERS \
            and not (token.tag_ == "VBD" and token.lower_ != token.lemma_
                     and not _backshifted(token.head)) and any(
                t.lower_ in RELATIVES | {"whose"} and t.dep_ != "mark"
                for t in token.subtree if t.i < token.i)
        # "the attack caused tensions between those who want to end the talks": a clause that
        # tells what is or was says nothing of what whoever does X will face
        open_step = open_step and _ahead(token.head)
        if open_step and token.head.dep_ not in ("nsubj", "nsubjpass"):
            # "the right to strike facilities of countries that X": the clause around them
            clause = _clause_of(token.head.head)
            relative = {t.i for t in token.subtree}
            condition = [t for t in token.subtree if t.lower_ not in RELATIVES]
            consequence = [t for t in _reported(clause).subtree if t.i not in relative
                           and not t.is_punct and not _is_mark(t, clause)]
            found.append((_text(condition), _text(consequence)))
        elif open_step:
            # the main verb after the relative clause; the parser often hangs it elsewhere
            clause = next((t for t in tokens if t.i > token.i and t.dep_ in ("ROOT", "ccomp")
                           and t.pos_ in ("VERB", "AUX") and t.lemma_ not in SPEECH_VERBS),
                          _clause_of(token.head.head))
            start = min(t.i for t in token.subtree)
            # everything between the relative pronoun and the main verb belongs to the condition,
            # whatever the parser attached it to ("lets its territory be used for ...")
            condition = [t for t in tokens if start <= t.i < clause.i and t.lower_ not in RELATIVES
                         and not (t.head.i == clause.i and t.dep_ in ("aux", "auxpass", "neg"))] \
                if clause.i > start else list(token.subtree)
            taken = {t.i for t in token.head.subtree} | {t.i for t in condition}
            consequence = [t for t in clause.subtree if t.i not in taken
                           and not t.is_punct and not _is_mark(t, clause)]
            found.append((_text(condition), _text(consequence)))
        if token.dep_ in ("csubj", "nsubj") and any(c.lower_ == "whoever" for c in token.children):
            condition = [t for t in token.subtree if t.lower_ != "whoever"]
            taken = {t.i for t in token.subtree}
            consequence = [t for t in token.head.subtree if t.i not in taken and not t.is_punct]
            found.append((_text(condition), _text(consequence)))
    if (choice := EITHER_OR.search(text.strip(" “”\"'"))) is not None:
        found.append((f"not {choice.group('demand').strip(' ,…')}",
                      choice.group("consequence").strip()))
    if (ultimatum := OR_FACE.search(text.strip())) is not None:
        demand = VOICED.sub("", ultimatum.group("demand").strip())
        if (given := GIVEN_TIME.match(demand)) is not None:  # "X has until Friday to Y"
            demand = f"{given['who']} does not {given['act']} ({given['time']})"
        else:
            demand = f"not {demand}"
        found.append((demand, ultimatum.group("consequence").strip()))
    return found


def _in_such_case(noun: Token) -> tuple[str, str] | None:
    """"Chile would react as needed to the dangers it met in such a
    scenario": the case told before is the condition of the clause the phrase is said in, out
    of the relative or adverbial clauses the parser hangs it in."""
    if noun.lemma_ not in CASE_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "in" \
            or not any(c.lower_ in ("such", "that", "this") for c in noun.children):
        return None
    top = noun.head.head
    while top.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") and top.head.i != top.i:
        top = top.head
    if not any(_future(t) for t in top.subtree):
        return None
    return _text(list(noun.subtree)), _text(_around(top, noun.head))


def _names_party(words: list[Token]) -> bool:
    """Whether some words name a party ("Chinese support for ...", "Greek militarisation")."""
    if not words:
        return False
    mentions = words[0].doc._.actor_mentions
    return any(start <= t.idx < end for t in words for start, end, _ in mentions)


def _answered_with(verb: Token) -> bool:
    """"An attack on our soil would be answered with a decisive response": a step answered, in
    the passive, with a threat's words ("the question will be answered by the minister" is
    none)."""
    return verb.lemma_ in RESPONSE_VERBS | COUNTER_VERBS \
        and any(c.dep_ == "auxpass" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("with", "by")
                and THREAT_WORDS.search(_text(list(c.subtree))) for c in verb.children)


def _moment_when(clause: Token) -> list[tuple[str, str]]:
    """"The moment when a plane crosses the line again, our guns will open fire": what happens
    at the time the future is said of is the condition."""
    time = clause.head
    if clause.dep_ != "relcl" or time.lemma_ not in CONDITION_TIMES \
            or time.dep_ != "npadvmod" or not _future(time.head):
        return []
    condition = [t for t in clause.subtree if not (t.lower_ in ("when", "that")
                                                    and t.head.i == clause.i)]
    return [(_text(condition), _text(_around(time.head, time)))]


def _foretold(sentence: Span, consequence: str, declarer: Entity) -> bool:
    """"Left alone, the regime could build a bomb," the premier said: what
    another party may do, said with "could/may/might", is a forecast, not a threat (a party that
    threatens names itself: "Russia could use ...", "we could sell ...", or what the other would
    undergo: "Lima would suffer grave consequences")."""
    for verb in sentence:
        if not any(c.dep_ == "aux" and c.lower_ in POSSIBILITY for c in verb.children) \
                or verb.text not in consequence or _undergoes_threat(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        other = subject is not None and subject.text in consequence and entity_at(
            subject.doc, subject.idx, subject.idx + len(subject.text))
        if other and len(other.code) == 3 and other.code != declarer.code:
            return True
    return False


def _undergoes_threat(verb: Token) -> bool:
    """"Lima would suffer grave consequences": what the other would undergo is a threat's words
    ("Russia could face a recession" is a forecast)."""
    return verb.lemma_ in UNDERGOING_VERBS and any(
        c.dep_ == "dobj" and THREAT_WORDS.search(_text(list(c.subtree))) for c in verb.children)


def _risk_told(doc: Doc, sentence: Span, consequence: str) -> bool:
    """"If the truce collapses, thousands more could be displaced, the UN warned": what a body of
    no state says may befall what is no party, with no threat in it, is a risk told, not a line
    ("the consequences could be dire" is a threat's word; a state's "the capital could be turned
    into ash" is its threat)."""
    if THREAT_WORDS.search(consequence):
        return False
    for verb in sentence:
        if verb.text not in consequence or not any(
                c.dep_ == "aux" and c.lower_ in POSSIBILITY for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ != "PRON" and entity_at(
                doc, subject.idx, subject.idx + len(subject.text)) is None:
            return True
    return False


def _ahead(word: Token) -> bool:
    """Whether a clause a word hangs in, or one above it, looks ahead: a modal ("will be
    targeted"), an infinitive ("vowed to strike", "the right to strike"), a warning, or the
    present that states a rule ("becomes a legitimate target"); not what was ("caused
    tensions", "has been")."""
    clause = _clause_of(word)
    if clause.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in clause.children):
        return True
    for verb in (word, *word.ancestors):
        if verb.dep_ == "xcomp" or verb.lemma_ in WARNING_VERBS or any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS | FUTURE_AUX
                for c in verb.children):
            return True
    return False


def _backshifted(noun: Token) -> bool:
    """"They would crush whoever blocked their path": in a clause with "would", a past
    tense is the future seen from what was said (reported speech shifts it back), not what was
    done."""
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in _clause_of(noun).children)


def _vowed(verb: Token) -> bool:
    """"promising to destroy any checkpoint", "threatened to strike any ship": an infinitive
    vowed, threatened or warned of is what the speaker says will be done."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in WARNING_VERBS


def _future(verb: Token) -> bool:
    """A verb with "will", "would" or "shall" (or "'ll"), or one that shares it ("will watch
    every move and take countermeasures")."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "’ll")
           for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children) and _future(verb.head)


def _not_tolerated(verb: Token) -> list[tuple[str, str]]:
    """"A blockade of the strait will not be tolerated", "X may never be rebuilt":
    the subject (with what it may not do) is the step, the refusal the consequence."""
    if verb.lemma_ not in NOT_TOLERATED:
        return []  # asked of every word: most need no list of children
    children = list(verb.children)
    if not any(c.dep_ == "neg" for c in children) \
            or not any(c.dep_ == "auxpass" for c in children) or not (
                _future(verb) or any(c.lower_ in ("can", "cannot") for c in children)):
        return []
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subject is None or PRONOUN.match(subject.text):
        return []
    step = list(subject.subtree) + [t for c in children if c.dep_ == "xcomp"
                                    for t in c.subtree]
    refusal = [c for c in children if c.dep_ in ("aux", "auxpass", "neg")] + [verb]
    return [(_text(step), _text(refusal))]


def _not_allowed(verb: Token) -> list[tuple[str, str]]:
    """"No hostile force will be let to settle on our border", "cannot tolerate attacks
    on our ships": a step refused in the active voice, for the future."""
    children = list(verb.children)
    if not any(c.dep_ == "neg" for c in children) \
            or any(c.dep_ == "auxpass" for c in children) or not (
                _future(verb) or any(c.lower_ in ("can", "ca", "cannot") for c in children)):
        return []
    # the step: what may not happen, a clause ("any force to settle on our border") or any
    # such step ("any further provocation"); a bare noun ("would not tolerate blackmail") is a
    # stance, not a line
    step = [t for c in children if c.dep_ in ("dobj", "ccomp", "xcomp") for t in c.subtree]
    if not step or PRONOUN.match(_text(step)) or DEFINITE_STEP.match(_text(step)) or not (
            any(c.dep_ in ("ccomp", "xcomp") for c in children)
            or any(t.dep_ == "relcl" or t.dep_ == "acl" for t in step)
            or ANY_STEP.match(_text(step))):
        return []
    refusal = [c for c in children if c.dep_ in ("aux", "neg")] + [verb]
    return [(_text(step), _text(refusal))]


def _warned_not_to(verb: Token) -> list[tuple[str, str]]:
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
    return [(_text(step), f"{_text(warning)} not to {act.lemma_}")]


def _warned_against(verb: Token) -> list[tuple[str, str]]:
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
                 or o.dep_ == "pcomp" and RED_LINE.search(_text(list(o.subtree)))),
                None)
    if step is None:
        return []
    return [(f"{_text(list(warned.subtree))} {_text(list(step.subtree))}",
             f"{verb.text} against it")]


def _warned_of(verb: Token) -> list[tuple[str, str]]:
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
        return [(_text(list(over.subtree)), _text([t for t in threat.subtree
                                                  if t.i not in {x.i for x in over.head.subtree}]
                                                 or [threat]))]
    step = _text(list(over.subtree)) if over is not None else f"{_text(list(warned.subtree))} acts"
    consequence = [t for t in threat.subtree if over is None or t.i not in
                   {*(x.i for x in over.subtree), over.head.i}]
    return [(step, _text(consequence))]


def _warning_of(noun: Token) -> list[tuple[str, str]]:
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
                 for o in p.children if o.dep_ == "pobj" and _any_such(o)),
                None) if threat is not None else None
    if step is None:
        return []
    # "warnings of retaliation": the warning with what it warns of
    taken = {t.i for t in step.subtree} | {step.head.i}
    return [(_text(list(step.subtree)),
             _text([noun, threat.head, *(t for t in threat.subtree if t.i not in taken)]))]


def _ordered_within(verb: Token) -> list[tuple[str, str]]:
    """"told the envoy to quit the capital within 3 days": not doing what is demanded
    in the time given is the step; the deadline is the line."""
    ordered = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                and c.lemma_ in DEMAND_VERBS), None)
    if ordered is None or act is None or _told_before(verb) or _expulsion(verb, ordered, act):
        return []
    time = next((o for p in act.children if p.dep_ == "prep" and p.lower_ == "within"
                 for o in p.children if o.dep_ == "pobj" and o.lower_ in TIME_UNITS
                 and any(c.dep_ == "nummod" for c in o.children)), None)
    if time is None:
        return []
    # what the act is, without when it is due ("within 48 hours", "on Friday")
    due = {t.i for p in act.children if p.dep_ == "prep" and p.i >= time.head.i
           for t in p.subtree}
    demand = [t for t in act.subtree if t.i not in due and t.lower_ != "to"]
    period = _text(list(time.subtree))
    return [(f"{_text(list(ordered.subtree))} not {_text(demand)} within {period}",
             f"deadline of {period}")]


def _expulsion(verb: Token, whom: Token | None, demand: Token) -> bool:
    """"gave the ambassador 72 hours to leave", "expelled a diplomat, asking him to leave within
    five days": a time for an envoy or a mission to leave is the term of an expulsion, an act
    done, not a line drawn ("gave the militia 48 hours to leave the town" is one)."""
    if demand.lemma_ not in LEAVING_VERBS:
        return False
    # whom the time or the order is given (the parser takes one for the other object as often),
    # or who "was given" it ("were named unwelcome and given two days": the passive the two
    # verbs share)
    given = _doer(verb) if _passive(verb) else None
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i < demand.i
               and c.lower_ not in TIME_UNITS]
    leaving = [t for c in {whom, given, *objects} if c is not None for t in c.subtree]
    if any(t.lemma_.lower() in EXPELLED or t.lower_.rstrip("s") in EXPELLED for t in leaving):
        return True
    # "expelled a diplomat, asking him to leave": a pronoun stands for whom the verb above expels
    return bool(leaving) and all(t.pos_ == "PRON" for t in leaving) \
        and any(t.lemma_ == "expel" for t in verb.ancestors)


def _passive(verb: Token) -> bool:
    """Whether a verb is passive, or shares the passive of the verb it is coordinated with
    ("were expelled and given ...")."""
    return any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "conj" and any(
        c.dep_ == "auxpass" for c in verb.head.children)


def _told_before(verb: Token) -> bool:
    """"the measure came after Algeria ordered 12 officials to leave within 48 hours": an order
    told as what came before the news is background, not a line drawn in it."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since")
                                        for c in verb.children)


def _held_responsible(verb: Token) -> list[tuple[str, str]]:
    """"Ruvia will be held to account for any damage", "we will hold them accountable for
    every attack": what they are to answer for is the step."""
    if not _future(verb):
        return []
    answerable = next((c for c in verb.children if c.lower_ in ANSWERABLE), None)
    if answerable is None:
        return []
    # "for any damage", or a clause: "for what will unfold"
    steps = [t for c in (*answerable.children, *verb.children) if c.lower_ == "for"
             for t in c.children if t.dep_ in ("pobj", "pcomp")]
    if not steps or PRONOUN.match(steps[0].text):
        return []
    taken = {t.i for t in steps[0].subtree} | {steps[0].head.i}
    consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct]
    return [(_text(list(steps[0].subtree)), _text(consequence))]


def _of_any(det: Token) -> Token:
    """The step an "any" is said of: its noun, or the noun that noun completes with "of" ("the
    violation of any stranger", "the deployment of any troops")."""
    noun = det.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun


def _any_such(noun: Token) -> bool:
    """'any escalation', 'every threat': a kind of step, not one that was taken."""
    return any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in noun.children)


def _bear_responsibility(verb: Token) -> list[tuple[str, str]]:
    """"Azerbaijan would bear full responsibility for any escalation": any such step is the
    condition, as with "will be held responsible for any"."""
    if not _future(verb) or not any(c.dep_ == "dobj" and c.lemma_ == "responsibility"
                                    for c in verb.children):
        return []
    steps = [t for c in verb.subtree if c.lower_ == "for" for t in c.children if t.dep_ == "pobj"
             and _any_such(t)]
    if not steps:
        return []
    taken = {t.i for t in steps[0].subtree} | {steps[0].head.i}
    consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct
                   and t.dep_ != "mark"]
    return [(_text(list(steps[0].subtree)), _text(consequence))]


def _punished_doer(verb: Token) -> list[tuple[str, str]]:
    """"The hand that reaches into our waters will be cut off": whatever does what the relative
    clause says, in the present, is the step; the punishment promised it the line."""
    children = list(verb.children)
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in children) or not any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "must") for c in children):
        return []
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lemma_.lower() in ENABLERS:
        return []  # "those who play with fire will get burned" is read with the enablers
    doing = next((c for c in subject.children if c.dep_ == "relcl" and c.tag_ in ("VBZ", "VBP")
                  and any(t.lower_ in RELATIVES and t.dep_ in ("nsubj", "nsubjpass")
                          for t in c.children)), None) if subject is not None else None
    if doing is None:
        return []
    step = [t for t in subject.subtree if not (t.dep_ == "det" and t.head.i == subject.i)]
    punishment = [c for c in children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [verb]
    return [(_text(step), _text(punishment))]


def _away_with(verb: Token) -> list[tuple[str, str]]:
    """"You cannot attack our troops and get away with it": the acts coordinated before it are
    the step."""
    if not any(c.lower_ == "away" for c in verb.children) \
            or verb.dep_ != "conj":
        return []
    act = verb.head
    while act.dep_ == "conj" and act.head.i < act.i:
        act = act.head
    if not any(c.dep_ == "neg" or c.lower_ == "cannot"
               or c.dep_ == "nsubj" and c.lower_ in ("nobody", "none", "noone")
               for c in act.children):
        return []
    step = [t for t in verb.doc[act.i:verb.i] if not (t.dep_ == "cc" and t.head.i != act.i
                                                      and t.i == verb.i - 1)]
    refusal = [c for c in act.children if c.dep_ in ("aux", "neg") and c.i < act.i]
    return [(_text(step).removesuffix(" and"), _text(refusal + list(verb.subtree)))]


def _only_if(verb: Token) -> list[tuple[str, str]]:
    """"Only an end to the war will stop the attacks": without that step, what it would stop
    goes on."""
    if not _future(verb):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    stopped = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or stopped is None \
            or not any(c.lower_ == "only" for c in subject.children):
        return []
    step = [t for t in subject.subtree if t.lower_ != "only"]
    return [(f"not {_text(step)}", f"{_text(list(stopped.subtree))} go on")]


def _action_against(verb: Token) -> list[tuple[str, str]]:
    """"warned his government would take firm action against further attacks": under a warning,
    the step the threatened action is against is the condition."""
    # asked of every word: the objects first, as few words have an action for one, then the tense
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ACTION_NOUNS]
    if not nouns or not _future(verb):
        return []
    warned = any(a.lemma_ in WARNING_VERBS for a in verb.ancestors)
    for noun in nouns:
        against = [t for c in (*noun.children, *verb.children) if c.lower_ == "against"
                   for t in c.children if t.dep_ == "pobj"]
        # under a warning, or against any step at all ("all necessary measures against any
        # foreign interference")
        if against and (warned or _any_such(against[0])):
            taken = {t.i for t in against[0].subtree} | {against[0].head.i}
            consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct
                           and t.dep_ != "mark"]
            return [(_text(list(against[0].subtree)), _text(consequence))]
    return []


def _targets(verb: Token) -> list[tuple[str, str]]:
    """"would strike every tanker heading to Ruvia", "will shoot down any drone that enters its
    airspace", "will strike anyone trafficking in those waters": the qualified class of targets
    is the condition."""
    if verb.lemma_ not in TARGETING_VERBS or not (_future(verb) or _vowed(verb)):
        return []
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and (any(c.dep_ in ("acl", "relcl") for c in passive.children)
                                or any(c.dep_ == "det" and c.lower_ in TARGET_DETERMINERS
                                       for c in passive.children)):
        # "ships linked to Israel would be targeted"
        condition = [t for t in passive.subtree
                     if not (t.dep_ == "det" and t.head.i == passive.i)]
        return [(_text(condition), _text([c for c in verb.children if c.dep_ in (
            "aux", "auxpass", "neg", "prt")] + [verb]))]
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is None:
        return []
    if not (target.lower_ in ANYONE or any(c.dep_ == "det" and c.lower_ in TARGET_DETERMINERS
                                           for c in target.children)):
        return []
    # "anyone “trafficking in ...”": a quotation mark makes the parser hang the qualifier on
    # the verb, as a clause said, right after the pronoun
    qualifier = next((c for c in target.children if c.dep_ in ("acl", "relcl")), None) or next(
        (c for c in verb.children if target.lower_ in ANYONE and c.dep_ == "ccomp"
         and c.left_edge.i <= target.i + 2 and c.i > target.i), None)
    if qualifier is None:
        return []
    words = {t.i: t for t in (*target.subtree, *qualifier.subtree)}.values()
    condition = [t for t in words if not (t.dep_ == "det" and t.head.i == target.i)
                 and not t.is_quote]
    taken = {t.i for t in condition} | {t.i for t in target.subtree}
    consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct
                   and t.dep_ != "mark"] + [target]
    return [(_text(condition), _text(consequence))]


def _deadline(noun: Token) -> list[tuple[str, str]]:
    """"companies would have three months to leave", "has 48 hours to withdraw": a time given
    to do what is demanded; not doing it in time is the condition."""
    # "gave Hezbollah until the end of the month to pull back": a time given by its end
    if noun.lower_ == "until" and noun.head.lemma_ == "give":
        return _given_until(noun)
    # "gave the troops 24 hours to leave": the parser takes the time for an adverb as often
    if noun.lower_ not in TIME_UNITS or noun.dep_ not in ("dobj", "npadvmod") \
            or noun.head.lemma_ not in ("have", "give") \
            or not any(c.dep_ == "nummod" for c in noun.children):
        return []
    demand = next((c for c in (*noun.children, *noun.head.children)
                   if c.dep_ in ("relcl", "acl", "xcomp", "advcl") and c.lemma_ in DEMAND_VERBS),
                  None)
    if demand is None:
        return []
    # who has the time: the subject of "have", whom it is given to with "give"
    subject = next((c for c in noun.head.children if c.dep_ == (
        "nsubj" if noun.head.lemma_ == "have" else "dative")), None)
    if _expulsion(noun.head, subject, demand):
        return []
    who = _text(list(subject.subtree)) + " " if subject is not None else ""
    time = _text([t for t in noun.subtree if t.i < (demand.i if demand.i > noun.i else noun.i + 1)
                  and t.dep_ != "aux"])
    condition = f"{who}not {_text([t for t in demand.subtree if t.lower_ != 'to'])} within {time}"
    return [(condition, f"deadline of {time}")]


def _given_until(until: Token) -> list[tuple[str, str]]:
    """"gave Hezbollah until the end of the month to pull its fighters back": not doing what is
    demanded by then is the step; the time given is the line."""
    verb = until.head
    # the parser hangs what is demanded on the verb or on the time given
    demand = next((c for c in (*verb.children, *until.subtree)
                   if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.lemma_ in DEMAND_VERBS),
                  None)
    whom = next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i < until.i),
                None)
    if demand is None or whom is None or _expulsion(verb, whom, demand):
        return []
    demanded = {t.i for t in demand.subtree}
    time = _text([t for t in until.subtree if t.i not in demanded])
    act = _text([t for t in demand.subtree if not (t.lower_ == "to" and t.head.i == demand.i)])
    return [(f"{_text(list(whom.subtree))} not {act} ({time})", f"deadline {time}")]


def _ultimatum(noun: Token) -> list[tuple[str, str]]:
    """"gave the rebels a 24-hour ultimatum to disarm", "after setting a 10-day ultimatum to
    the troops to lay down their arms": not doing what the ultimatum demands is the step; the
    ultimatum, with its time when given, is the line. An ultimatum only named ("bold
    ultimatums that will be rejected") delivers nothing."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in ULTIMATUM_VERBS:
        return []
    demand = next((c for c in (*noun.children, *verb.children) if c.i > noun.i
                   and c.dep_ in ("acl", "relcl", "advcl", "xcomp") and c.pos_ == "VERB"
                   and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if demand is None:
        return []
    # to whom: the verb's other object ("issued Tigray an ultimatum") or "to" before the demand
    whom = next((t for c in verb.children if c.dep_ in ("dative", "dobj") and c.i != noun.i
                 for t in ([c] if c.dep_ == "dobj" else [c, *c.children])
                 if t.dep_ in ("dobj", "dative", "pobj") and t.pos_ in ("NOUN", "PROPN")), None)
    if whom is None:
        whom = next((o for c in (*noun.children, *verb.children) if c.lower_ == "to"
                     and c.dep_ in ("prep", "dative") for o in c.children if o.dep_ == "pobj"),
                    None)
    time = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("nummod", "compound")
            or t.head.dep_ in ("nummod", "compound") and t.head.head.i == noun.i and t.i < noun.i]
    who = _text(list(whom.subtree)) + " " if whom is not None else ""
    act = _text([t for t in demand.subtree if not (t.lower_ == "to" and t.head.i == demand.i)])
    period = _text(sorted(time, key=lambda t: t.i))
    return [(f"{who}not {act}", f"ultimatum, deadline of {period}" if period
             else "ultimatum")]


def _condition_clause(token: Token) -> list[Token] | None:
    """The tokens of a conditional clause headed by `token`: 'if/unless/once X' or the inverted
    'Should X', 'Were X', 'Had X'."""
    if token.dep_ in ("relcl", "ccomp"):
        # "would take all measures should the vessels return": the parser hangs the inverted
        # clause on the noun before it, or on the speech verb
        first = next(t for t in token.subtree if not (t.dep_ == "mark" and t.lower_ == "that"))
        # on the speech verb, only after what was said ("warned that X would Y, should Z") or
        # before what is said next ("warned that should Z, X would Y")
        after_said = token.dep_ == "relcl" or any(
            c.dep_ == "ccomp" and c.i < token.i for c in token.head.children) \
            or _vowed_before(token) is not None
        if first.lower_ in ("should", "were", "had") and first.head.i == token.i \
                and (after_said or _said_next(token) is not None) \
                and any(c.dep_ in ("nsubj", "nsubjpass") and first.i < c.i < token.i
                        for c in token.children):
            return [t for t in token.subtree if t.i != first.i]
        return None
    if token.dep_ not in ("pcomp", "advcl"):
        return None  # asked of every word: most head no clause, and need no list of children
    children = list(token.children)
    if token.dep_ == "pcomp" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                     for c in children):
        # "will not sit idly by if X": the parser hangs the clause on the particle
        return list(token.subtree)
    if token.dep_ != "advcl":
        return None
    if token.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in EPISTEMIC
                                    for c in children):
        return None  # "if the allegation is true, it would mark ...": a fact unknown, no step
    if token.tag_ == "VBN" and token.lower_ in EPISTEMIC and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return None  # "if confirmed by the agency, it would be ...": the same, told by a participle
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
           and not (c.i > 0 and c.nbor(-1).lower_ in NOT_CONDITIONING) for c in children):
        # "as if she were not allowed to speak" compares, "the war will go on even if a deal is
        # reached" concedes; neither sets a condition
        return list(token.subtree)
    if any(c.dep_ == "mark" and c.lower_ == "until" for c in children) \
            and _keeps_on(token.head):
        # "will keep striking until the siege ends", "vowed to continue attacking ships until
        # the war ends" (the parser hangs the clause on the vow): while it does not, the threat
        # holds
        return list(token.subtree)
    if _as_long_as(token) or any(
            c.dep_ == "advmod" and c.lower_ in CONDITION_MARKS and 0 < c.i < token.i
            and c.nbor(-1).lower_ == "only" for c in children):
        # "would end only when they lay down their arms", which the parser reads as an adverb
        return list(token.subtree)
    first = next(token.subtree)
    if first.lower_ in ("should", "were", "had") and first.head.i == token.i and first.i < token.i:
        return [t for t in token.subtree if t.i != first.i]
    return None


def _said_next(token: Token) -> Token | None:
    """"warned that should Iran escalate, Israel would respond": the parser hangs the inverted
    condition and what follows it side by side on the speech verb; the clause said after it."""
    if token.dep_ != "ccomp" or token.head.lemma_ not in SPEECH_VERBS:
        return None
    return next((c for c in token.head.children if c.dep_ == "ccomp" and c.i > token.i), None)


def _vowed_before(token: Token) -> Token | None:
    """"threatened to impose border closures should the junta fail to heed it": the parser hangs
    the inverted condition on the verb of threatening, after the act threatened; that act."""
    if token.dep_ != "ccomp" or token.head.lemma_ not in WARNING_VERBS:
        return None
    return next((c for c in token.head.children if c.dep_ == "xcomp" and c.i < token.i), None)


def _elliptical(token: Token, clause: Token) -> str:
    """"would use them without hesitation if attacked": a condition with no subject of its own
    is the consequence's subject undergoing it ("his country attacked"); "" for a clause that
    has one, or that is more than its participle ("if necessary" is no step)."""
    # "would take up arms if “aggressed”": the quotation marks around it are no words of its own
    if token.tag_ != "VBN" or any(c.dep_ not in ("mark", "advmod", "neg", "punct")
                                  for c in token.children):
        return ""
    # "Iran threatened to close the strait if attacked": an infinitive's subject is its verb's
    subject = _doer(_reported(clause))
    # a party undergoes it ("if attacked"); a thing only reported on does not ("if confirmed,
    # the strike would be the deadliest")
    if subject is None or subject.i > token.i or not (
            subject.pos_ == "PRON" or entity_at(subject.doc, subject.idx,
                                                subject.idx + len(subject.text)) is not None):
        return ""
    negation = "not " if any(c.dep_ == "neg" for c in token.children) else ""
    return f"{_text(list(subject.subtree))} {negation}{token.text}"


def _keeps_on(verb: Token) -> bool:
    """Whether an act is said as still to come or to go on: with a future ("would keep"), as
    "keep"/"continue", or a vow to keep on, wherever in the chain of infinitives the parser hung
    a clause on it ("vowed to keep striking ... until", on "vowed" or on "striking"; "will
    exercise the right to hold the accords ... until")."""
    while True:
        if _future(verb) or verb.lemma_ in LASTING_VERBS or verb.lemma_ in WARNING_VERBS and any(
                c.dep_ == "xcomp" and c.lemma_ in LASTING_VERBS for c in verb.children):
            return True
        completed = _completed(verb)
        if completed is None:
            return False
        verb = completed


def _completed(verb: Token) -> Token | None:
    """The verb an infinitive completes: "vowed to keep", "will exercise the right to hold"."""
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return verb.head
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return verb.head.head
    return None


def _as_long_as(token: Token) -> bool:
    """"will step up our raids for as long as the siege lasts": the clause the parser hangs
    from "long" is a condition that, while it holds, keeps the consequence coming."""
    return token.head.lower_ == "long" and any(c.dep_ == "mark" and c.lower_ == "as"
                                               for c in token.children)


def _in_case_clause(token: Token) -> Token | None:
    """The clause "in case" introduces, wherever the parser hung the two words ("would strike in
    case more drones are found")."""
    if token.lower_ != "case" or token.i == 0 or token.nbor(-1).lower_ != "in" \
            or any(c.lower_ == "of" for c in token.children):
        return None
    # the clause that opens right after "in case", wherever the parser hung it
    opening = next((t for t in token.sent if t.i > token.i and t.pos_ in ("VERB", "AUX")
                    and t.dep_ in ("advcl", "ccomp") and t.left_edge.i == token.i + 1), None)
    if opening is not None:
        return opening
    return next((a for a in (*token.ancestors, *token.nbor(-1).ancestors)
                 if a.dep_ == "advcl" and a.pos_ in ("VERB", "AUX")), None)


def _around(token: Token, step: Token) -> list[Token]:
    """The clause `token` belongs to (or the clause it reports), without the `step` phrase:
    what happens if the step is taken."""
    clause = _clause_of(token)
    taken = {t.i for t in step.subtree}
    return [t for t in _reported(clause).subtree if t.i not in taken
            and t.dep_ != "punct" and not _is_mark(t, clause)]


def _clause_of(token: Token) -> Token:
    """The verb heading the clause a token belongs to."""
    while token.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "parataxis", "relcl", "xcomp") \
            and token.head.i != token.i:
        token = token.head
    return token


def _reported(clause: Token) -> Token:
    """A speech verb's reported clause ('warned that X'); the clause itself otherwise."""
    if clause.lemma_ in SPEECH_VERBS:
        for child in clause.children:
            if child.dep_ == "ccomp":
                return child
    return clause


def _is_mark(token: Token, clause: Token) -> bool:
    return token.dep_ == "mark" and token.head.i == clause.i


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
                else _clause_of(step)
            return f"{condition} ({_text(list(clause.subtree))})"
    return condition


def _actors_named(doc: Doc, sentence: Span, text: str, declarer: str) -> list[Entity]:
    found = []
    for start, end, index in doc._.actor_mentions:
        if sentence.start_char <= start < sentence.end_char and \
                sentence.text[start - sentence.start_char:end - sentence.start_char] in text:
            entity = entity_at(doc, start, end)
            if entity and entity.code and entity.code != declarer and all(
                    entity.code != f.code for f in found):
                found.append(entity)
    return found



# the rules that read a verb of one of a few lemmas, by lemma
def _until(word: Token) -> list[tuple[str, str]]:
    """"vowed to keep up its attacks until a ceasefire in Gaza": while what "until" names has
    not come, the threat holds (a clause after "until" is read with the other conditions)."""
    verb = word.head
    # "until Friday", "until the end of winter": a time, not a step
    if word.dep_ != "prep" or not any(c.dep_ == "pobj" for c in word.children) \
            or any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_WORDS | SEASONS
                   for t in word.subtree) \
            or not _keeps_on(verb):
        return []
    return [(_text(list(word.subtree)), _text(_around(verb, word)))]


def _means_war(verb: Token) -> list[tuple[str, str]]:
    """"Independence means war", "the deployment amounts to a declaration of war", "the
    displacement of Gazans crosses a red line": a step that, told in the present, is war (the
    modal "would mean" is read with the other modals; a party that "crosses red lines" is
    accused of what it did, not warned)."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.lower_ in MODALS for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    said = [t for c in verb.children if c.dep_ in ("dobj", "attr", "prep") for t in c.subtree]
    words = _text(said)
    if subject is None or PRONOUN.match(subject.text) \
            or not (words.lower() == "war" or WAR_WORDS.search(words)):
        return []
    if verb.lemma_ == "cross" and (subject.pos_ == "PROPN" or entity_at(
            subject.doc, subject.idx, subject.idx + len(subject.text)) is not None):
        return []
    return [(_text(list(subject.subtree)), _text([verb, *said]))]


def _named_red_line(verb: Token) -> list[tuple[str, str]]:
    """"declaring Peru's naval build-up a red line", "considers any deployment there
    its red line", "has regarded such works as red lines": what is named a red line is the step
    (a red line another was said to cross, in a clause of its own, "a raid that crossed a red
    line", is not named one)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    step = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if step is None:
        return []
    # the parser hangs the name on the verb, on the object or on the object's last noun, or
    # after "as" on the verb
    line = next((t for t in (*verb.children, *step.subtree, *(
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children))
                 if t.dep_ in ("oprd", "appos", "attr", "ccomp", "xcomp", "pobj")
                 and (t.dep_ != "pobj" or t.head.head.i == verb.i) and _red_line_noun(t)), None)
    if line is None:
        return []
    named = {t.i for t in line.subtree}
    return [(_text([t for t in step.subtree if t.i not in named]),
             _text([verb, *line.subtree]))]


def _red_line_noun(word: Token) -> bool:
    """"a red line", "red lines"."""
    return word.lemma_ == "line" and any(a.lower_ == "red" for a in word.children)


def _red_lines_stated(verb: Token) -> list[tuple[str, str]]:
    """"reiterated its red lines: that Ruvian troops pull back from the pass", "drew a red line
    over the dam": a party's own red line stated with what it is, in a clause after it or a
    phrase on it, is the step (a line stated with nothing said of it, "set out its red lines",
    names none; one another holds, "ignored Kyiv's red lines", is not stated)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    line = next((c for c in verb.children if c.dep_ == "dobj" and _red_line_noun(c) and all(
        p.dep_ != "poss" or p.lower_ in OWNING_PRONOUNS for p in c.children)), None)
    if line is None:
        return []
    what = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > line.i), None) or next(
        (o for p in line.children if p.dep_ == "prep" and p.lower_ in LINE_TOPICS
         for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
    if what is None:
        return []
    # what it is about, with the word that says so ("over"), is the step, not the line
    said = {t.i for t in what.subtree} | ({what.head.i} if what.dep_ != "ccomp" else set())
    return [(_text(list(what.subtree)),
             _text([verb, *(t for t in line.subtree if t.i not in said and not t.is_punct)]))]


def _act_in_defence(verb: Token) -> list[tuple[str, str]]:
    """"Lima keeps the right to take any measures to defend its interests", "has the right to
    take measures in the face of such acts", "we can do anything to keep it", "would not
    hesitate to use force to stop the annexation": a party's own act, claimed as a right, with no
    bound or without hesitation, is a line drawn against the step it answers."""
    act = _claimed_act(verb)
    answered = _answered_step(act) if act is not None else None
    if answered is None:
        return []
    step, taken = answered
    # what is done: the clause of the right, of readiness, of the act or of the vow not to hesitate
    clause = _clause_of(verb.head if verb.dep_ in ("acl", "xcomp") else verb)
    return [(step, _text([t for t in clause.subtree if t.i not in taken and not t.is_punct
                          and not _is_mark(t, clause)]))]


def _claimed_act(verb: Token) -> Token | None:
    """The act a party claims as a right ("has the right to take measures"), with no bound ("can
    do anything"), as one it would not hesitate to take ("would not hesitate to use force"), or an
    act that counters, promised or readied ("will crush", "ready to thwart")."""
    if _right_to_act(verb) or _unbounded_act(verb) or verb.lemma_ in COUNTER_VERBS and (
            _future(verb) or verb.dep_ == "xcomp" and verb.head.lower_ in READY):
        return verb
    if verb.lemma_ == "hesitate" and _future(verb) and any(c.dep_ == "neg"
                                                           for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return None


def _answered_step(act: Token) -> tuple[str, set[int]] | None:
    """The step an act answers, and the words that tell it: any such step it acts on ("will
    crush any incursion"), what the act is to stop ("to stop
    the annexation"), any such step it is against ("against any threat"), what it faces ("in the
    face of / in response to such acts"), or a threat to what it defends ("to defend its
    interests"; "to defend itself" names none)."""
    countered = next((o for o in act.children if o.dep_ == "dobj" and _any_such(o)), None)
    if countered is not None:
        return _text(list(countered.subtree)), {t.i for t in countered.subtree}
    stopped = next((p for p in act.children if p.dep_ in ("xcomp", "advcl")
                    and p.lemma_ in STOPPING_VERBS and any(o.dep_ == "dobj" for o in p.children)),
                   None)
    if stopped is not None:
        step = next(o for o in stopped.children if o.dep_ == "dobj")
        return _text(list(step.subtree)), {t.i for t in stopped.subtree}
    against = next((p for p in act.children if p.dep_ == "prep" and p.lower_ == "against"
                    and any(o.dep_ == "pobj" and _any_such(o) for o in p.children)), None)
    if against is not None:
        step = next(o for o in against.children if o.dep_ == "pobj")
        return _text(list(step.subtree)), {t.i for t in against.subtree}
    faced = next((o for t in act.sent if t.lower_ == "of" and t.head.lower_ == "face"
                  and t.head.head.lower_ == "in" or t.lower_ == "to"
                  and t.head.lower_ == "response" and t.head.head.lower_ == "in"
                  for o in t.children if o.dep_ == "pobj"), None)
    if faced is not None:
        return _text(list(faced.subtree)), {t.i for t in faced.head.head.head.subtree}
    defended = next((o for t in act.sent if t.lemma_ in DEFENDING_VERBS and t.i > act.i
                     and any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children)
                     for o in t.children if o.dep_ == "dobj"
                     and not o.lower_.endswith(("self", "selves"))), None)
    if defended is not None:
        return f"a threat to {_text(list(defended.subtree))}", set()
    return None


def _right_to_act(verb: Token) -> bool:
    """"has the right to take measures", "reserves the right to respond": an act claimed as a
    right by whoever has it (not one denied: "has no right to respond")."""
    right = verb.head
    if verb.dep_ != "acl" or right.lemma_ != "right" or right.dep_ != "dobj" \
            or right.head.lemma_ not in RIGHT_HOLDING_VERBS \
            or any(c.dep_ in ("neg", "det") and c.lower_ in ("no", "not") for c in (
                *right.children, *right.head.children)):
        return False
    return verb.lemma_ in RESPONSE_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in ACTION_NOUNS for c in verb.children)


def _unbounded_act(verb: Token) -> bool:
    """"we can do anything to keep it", "will do whatever it takes": an act with no bound,
    said as what a party can or will do."""
    return verb.lemma_ == "do" and any(c.dep_ == "dobj" and c.lower_ in UNBOUNDED
                                       for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in MODALS | FUTURE_AUX for c in verb.children)


# the rules that read a word of a few lemmas, by lemma (a lemma may open several)
RULES_BY_LEMMAS: tuple[tuple[frozenset[str] | set[str], Callable[[Token], list[tuple[str, str]]]],
                       ...] = (
    (WAR_MEANING_VERBS, _means_war),
    ({"until"}, _until),
    (NOT_ALLOWED, _not_allowed),
    ({"warn", "caution"}, _warned_not_to), ({"warn"}, _warned_of), ({"warn"}, _warned_against),
    ({"warning"}, _warning_of),
    (ORDER_VERBS, _ordered_within),
    ({"hold"}, _held_responsible),
    ({"bear"}, _bear_responsibility),
    (PUNISHING_VERBS, _punished_doer),
    ({"get"}, _away_with),
    ({"ultimatum"}, _ultimatum),
    (ENDING_VERBS, _only_if),
    (NAMING_VERBS | REGARD_VERBS, _named_red_line),
    (LINE_STATING_VERBS, _red_lines_stated),
    (RESPONSE_VERBS | DEFENDING_ACTS | COUNTER_VERBS | {"hesitate"}, _act_in_defence),
)


def _by_lemma(rules: tuple[tuple[frozenset[str] | set[str], Callable[[Token], list[tuple[str, str]]]],
                           ...]) -> dict[str, tuple[Callable[[Token], list[tuple[str, str]]], ...]]:
    """Each lemma's rules, in the order given ("crush" opens two)."""
    table: dict[str, tuple[Callable[[Token], list[tuple[str, str]]], ...]] = {}
    for lemmas, rule in rules:
        for lemma in lemmas:
            table[lemma] = (*table.get(lemma, ()), rule)
    return table


LEMMA_RULES = _by_lemma(RULES_BY_LEMMAS)


@Language.factory("spiral_red_lines", requires=["doc._.actor_mentions", "doc._.quotes"],
                  assigns=["doc._.red_lines"])
def make_red_line_finder(nlp: Language, name: str) -> RedLineFinder:
    return RedLineFinder(nlp, name)
