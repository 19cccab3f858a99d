"""The words the red-line finder reads: condition marks, steps, judgements, threat and war
words, refusals, a party's own acts, targets, ultimatums and declarers.

One section per entry family; the mechanisms that read them are in `spiral.nlp.red_lines` and
the `red_line_*` modules it imports, and `tests/unit/nlp/test_red_line_lexicon.py` has a test per
family.
"""

from __future__ import annotations

import re

from spiral.nlp import event_lexicon
from spiral.nlp.attribution_lexicon import SPEECH_VERBS

# -------------------------------------------------------------------------------------------------
# Conditions: the words that open a condition on what a party will do, and those that only look
# like one (a comparison, a concession, a fact not known, a date)
# -------------------------------------------------------------------------------------------------
# "if X, Y", "unless X", "should X, Y", "once X", "when X": the marks of a condition clause
CONDITION_MARKS = {"if", "unless", "should", "once", "when"}
# "as if" compares and "even if" concedes: neither sets a condition
NOT_CONDITIONING = {"as", "even"}
# "if the allegation is true": a condition on what is known, not on a step anyone may take
EPISTEMIC = {"true", "correct", "accurate", "right", "confirmed", "verified", "so"}
# "it is unclear if X would Y": what is not known, before the clause an "if" opens, makes the
# clause a question asked, not a condition set (as "whether" does)
NOT_KNOWN = {"unclear", "uncertain", "unknown", "doubtful"}
# "the moment a plane crosses again, we will open fire": a time named by what
# happens in it is a condition on what is said will follow
CONDITION_TIMES = {"moment", "minute", "instant", "day", "second", "time"}
# "would respond accordingly in such a scenario": a case the report told before
CASE_NOUNS = {"scenario", "case", "event", "situation", "eventuality"}
# "will continue to target ships until the war ends": what goes on while a condition holds
LASTING_VERBS = {"continue", "keep", "persist"}
# "until spring": a time, like a date, is no step a party takes
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}

# -------------------------------------------------------------------------------------------------
# Looking ahead: the auxiliaries that put a consequence in the future, or only in the possible
# -------------------------------------------------------------------------------------------------
# "would", "will": a consequence still to come (a verb with one is no present "X means war")
# (not event_lexicon.MODALS: its "can" and "shall" are FUTURE_AUX here; read as modals they would
# make "X can be regarded as an act of aggression" a line)
MODALS = {"would", "will", "could", "should", "may", "might"}
# the modals of what is still to come ("will have sealed the border by then")
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll"})
# a consequence said as a possibility
# (not event_lexicon.POSSIBILITY_MODALS: its "would" is no mere possibility here, "Baku would
# invade if the talks collapsed" is a threat)
POSSIBILITY = {"could", "may", "might"}
# "if Moscow wants peace, it must stop firing": the auxiliaries of what a party is told it has
# to do, a demand rather than what the speaker's side will do
OBLIGATION = {"must", "should", "ought"}
# the speaker's own side as the subject ("if they strike, we must answer" is a threat)
FIRST_PERSON = frozenset({"we", "i"})
# "would be a potential threat": what only might be, said of a judgement, hedges it
HEDGES = {"potential", "possible", "conceivable", "eventual"}
# the other auxiliaries that look ahead ("shall", "'ll", "must", "can"; "ca" and "wo" of "can't",
# "won't")
FUTURE_AUX = {"shall", "'ll", "’ll", "must", "ca", "can", "wo"}

# -------------------------------------------------------------------------------------------------
# Steps: how a condition's words name a step any party may take, not a party or a step taken
# -------------------------------------------------------------------------------------------------
# "any attack on our troops would not go unanswered": a step any party may take, whatever verb
# says what follows it
ANY_STEP = re.compile(r"^(any|every)\b", re.IGNORECASE)
# "we won't let this sabotage wreck the summit": a step already taken
DEFINITE_STEP = re.compile(r"^(this|that|these|those)\b", re.IGNORECASE)
# a subject that names a step, not a party: "any attack on ...", "the deployment of ..."
STEP_SUBJECT = re.compile(r"^(any|every|the|an?|such|further|more|another|new|repeated|"
                          r"continued|additional)\b", re.IGNORECASE)
# "and so any supply of ...": words that link a clause to what went before, before its step
LINKING_WORDS = {"so", "thus", "therefore", "hence", "then", "and", "but"}
# "warned Warsaw against any provocation": the step warned against, with no consequence named
AGAINST_STEP = {"any", "further"}

# -------------------------------------------------------------------------------------------------
# Anaphora: a condition said by pointing back ("such a step", "crossing that line"), and the words
# by which an earlier sentence names the step it points to
# -------------------------------------------------------------------------------------------------
# "such a step would mean war", "in that case": a condition that only points back
ANAPHORA = re.compile(r"^(such (a )?(step|move|decision|strikes?|permission)|this|that|it|"
                      r"the decision|this step|that step|"
                      r"(such an?|that|this) (scenario|case|event|situation|eventuality))$",
                      re.IGNORECASE)
# "the truce would take effect only after ...", "would not implement the truce it agreed until ...",
# "the first ceasefire will be followed by talks": when a truce takes effect and what follows it
# are its terms, not a threat ("would end the truce if" is one)
TRUCES = r"(?:ceasefire|cease-fire|truce|armistice)"
TRUCE_TERMS = re.compile(rf"^(?:according to \w+ )?(?:the |an? |this |that |its )?(?:\w+ )?{TRUCES} "
                         rf"(?:will|would|shall) (?:not )?(?:come|enter|take|be followed)\b|"
                         rf"\bimplement\w* (?:the |an? |this |that |its )?(?:\w+ )?{TRUCES}\b",
                         re.IGNORECASE)
# "will take the steps it must if necessary": a condition left to the declarer's own judgement of
# need, one word that says as much as "if need be" does
AS_NEEDED = re.compile(r"^(necessary|needed|required)$", re.IGNORECASE)
# a condition or subject that is only a pronoun names no step of its own
PRONOUN = re.compile(r"^(it|this|that|they|them|these|those)$", re.IGNORECASE)
# "crossing that line": a condition that points back to the line told before
CROSSING = re.compile(r"^(crossing|crossed|to cross) (that|this|the|such a) (red )?line$", re.IGNORECASE)
# the nouns and verbs by which an earlier sentence names the step an anaphora points to
STEP_NOUNS = {"permission", "authorisation", "authorization", "decision", "delivery", "supply",
              "strike"}
STEP_WORDS = re.compile(r"\b(allow\w*|let\w*|permi\w*|authori[sz]\w*|fire|strike|use|suppl\w*|"
                        r"send\w*|long-range)\b", re.IGNORECASE)

# -------------------------------------------------------------------------------------------------
# Judging a step: what a step would mean, be or be taken for (war, a red line, an escalation),
# or would bring about
# -------------------------------------------------------------------------------------------------
# "X would mean / put us at war / be an act of war": the verbs of what a step would be or bring
MEANING_VERBS = {"mean", "constitute", "amount", "make", "put", "be", "regard", "consider",
                 "treat", "meet", "receive", "bring", "trigger", "provoke", "represent", "equal",
                 "become", "face", "see", "view", "cross"}
# "independence means war": a step that, in the present, is war
WAR_MEANING_VERBS = {"mean", "constitute", "amount", "equal", "cross"}
# "would be regarded as an act of aggression": the verbs that take a step for something
REGARD_VERBS = {"regard", "consider", "treat", "view", "see", "deem"}
# the verbs that judge what a step would be, with any modal ("could constitute")
JUDGING_VERBS = REGARD_VERBS | {"constitute", "represent", "amount"}
# "declaring Ethiopia's expansion a red line": the verbs that name what they take a thing for
# (not event_lexicon.NAMING_VERBS, which lacks "declare": "declaring X a red line")
NAMING_VERBS = {"declare", "call", "consider", "deem", "term", "label", "brand"}
# "warned that American intervention would lead to irreparable damage": under a warning, what a
# step would bring about
CAUSING_VERBS = {"lead", "result", "cause", "necessitate", "invite", "prompt", "draw", "spark",
                 "have", "carry"}
# "told Lima the sale of jets to Quito would damage ties": what a step would do to the bonds
# between the two sides is what it would bring about, a threat only when the bonds are its object
HARMING_VERBS = {"damage", "harm", "hurt", "undermine", "jeopardize", "jeopardise", "wreck",
                 "sour", "poison", "ruin", "endanger", "destroy"}
BONDS = {"tie", "ties", "relation", "relationship", "partnership", "cooperation"}
# the speech verbs that carry a warning to whom they address ("told Lima that X would Y")
ADDRESSING_VERBS = {"tell", "caution", "remind"}
# "reiterated its red lines: that X", "drew a red line over the dam": the verbs that state a
# party's own red line, whose possessive names no one else, and the words on the line that say
# what it is about
LINE_STATING_VERBS = {"reiterate", "restate", "reaffirm", "state", "draw", "set", "lay", "spell",
                      "outline", "stress", "underline", "emphasise", "emphasize", "declare"}
OWNING_PRONOUNS = {"its", "their", "our", "his", "her", "my"}
LINE_TOPICS = {"on", "over", "around", "against", "at"}
# explicit red-line talk ("X is a red line") marks the kind
RED_LINE = re.compile(r"\bred lines?\b", re.IGNORECASE)
# its two words, each read alone as RED_LINE reads letters (case aside): a sentence's text that
# lacks one of them holds no red line
RED_LINE_WORDS = (re.compile("red", RED_LINE.flags), re.compile("line", RED_LINE.flags))
# what a step would be, in the words of war and refusal ("an act of war", "a party to",
# "will not be tolerated"): such a consequence draws a line
WAR_WORDS = re.compile(r"\b(at war|act of war|acts? of aggression|party to|parties to|direct participation|"
                       r"direct involvement|legitimate target|red lines?|declaration of war|"
                       r"(?:hostile|unfriendly) act|"
                       r"get away with|"
                       r"(?:will|would|shall|cannot|can ?not) (?:not |never )?be (?:tolerated|"
                       r"allowed|accepted|permitted)|(?:will|would|shall|cannot|can ?not) "
                       r"(?:not |never )?"
                       r"(?:allow|tolerate|permit))\b", re.IGNORECASE)
# "supplying jets to Serbia would be a serious escalation", "any movement of Russian vessels would
# be deemed a breach of ...", "could constitute a threat to our survival":
# what a party's step is judged, in the words of a warning: an escalation, a breach of what was
# agreed, a threat to one's own side
JUDGEMENTS = re.compile(r"\b(?:(?:serious|dangerous|grave|major|significant|unacceptable) "
                        r"(?:escalation|provocation)|legitimate targets|"
                        r"(?:violation|breach|infringement)s? of|threat\w*|"
                        r"(?:as|an) enem(?:y|ies))\b", re.IGNORECASE)

# -------------------------------------------------------------------------------------------------
# Refusals: a line drawn by saying what will not be let happen, or what alone will end it
# -------------------------------------------------------------------------------------------------
# "will not be tolerated": a line drawn with no consequence named
NOT_TOLERATED = {"tolerate", "allow", "accept", "permit"}
# "we will not allow any force to settle on our border": a refusal in the active voice
NOT_ALLOWED = {"tolerate", "allow", "permit"}
# "only X will stop Y"
ENDING_VERBS = {"stop", "end", "halt"}

# -------------------------------------------------------------------------------------------------
# Threats and warnings: the words that make a consequence a threat, and whom a warning only
# advises
# -------------------------------------------------------------------------------------------------
# "warned that ...", "vowed to ...": a consequence under a warning or a vow is a threat
WARNING_VERBS = {"warn", "threaten", "vow", "pledge", "promise"}
# the words that make a consequence a threat ("would respond", "will pay a heavy price")
THREAT_WORDS = re.compile(r"\b(respond\w*|responses?|repl(?:y|ies)|retaliat\w*|strikes?|striking|"
                          r"target\w*|pay|"
                          r"counter-?measures|fight|bomb\w*|invad\w*|invasion|wiped? out|"
                          r"options (?:are|were|remain) on the table|blockade|"
                          r"close (?:\w+ ){0,2}(?:strait|border|airspace|crossings?)|"
                          r"consequences|shoot\w*|shot|sink\w*|sunk|seiz\w*|arrest\w*|detain\w*|"
                          r"prosecut\w*|"
                          r"entitled to use|war|punish\w*|answer\w*|hit|destr(?:oy|uct)\w*|nuclear|"
                          r"weapons|force|measures|steps|means|disaster|sanctions?|tariffs?|"
                          r"(?:cut\w*|stop)(?: \w+)? (?:off|supply|supplies|ties|aid|funding|relations|exports|"
                          r"deliveries)|"
                          r"deploy\w*|resume|attack\w*|defend|crush\w*|severe|harsh\w*|price|"
                          r"hell|idly|burn\w*|provocation|legitimate|regret|damage|"
                          r"capabilities|retribution|revenge|annihilat\w*|obliterat\w*|against|"
                          r"self-defen[cs]e|defen[cs]e|protect\w*|open fire|fire|military action|"
                          r"action|proportionate|unanswered|(?:held|hold) (?:\w+ )?(?:responsible|accountable)|offensive|"
                          r"deadline|clash\w*|do (?:anything|everything|whatever)|fighting|hostilities|military operations?|"
                          r"thwart\w*|repel\w*|resist\w*|confront\w*|repuls\w*|foil\w*|"
                          r"(?:coming|come) for|"
                          r"intervene militarily|military intervention|escalation|"
                          r"end\W{0,2} of (?:(?:its|the|their|his|her) )?(?:[\w-]+ ){0,3}"
                          r"(?:regime|government))\b",
                          re.IGNORECASE)
# "warned Minsk of grave consequences for its raid": what a warning says will follow
CONSEQUENCE_NOUNS = {"consequences", "consequence", "repercussions", "retaliation", "reprisals",
                     "response", "price", "countermeasures"}
# "would take firm action against ...": what a warning threatens to do against a step
ACTION_NOUNS = {"action", "measure", "step", "response", "countermeasure", "counteraction",
                "retaliation", "reprisal"}
# "will respond to any X", "would retaliate": an answer to a step
# (not event_lexicon.ANSWERING_VERBS: "follow" for "act", which "reserves the right to act
# against any incursion" needs)
RESPONSE_VERBS = {"respond", "react", "retaliate", "answer", "reply", "act"}
# "vowed a crushing response to any aggression"
# (not event_lexicon.RESPONSES: its "revenge" would make "vowed revenge for any aggression" a line)
RESPONSE_NOUNS = {"response", "retaliation", "reply", "answer", "reaction"}
# "Chile would suffer grave consequences if ...": what the other party would undergo is the
# threat made to it, not a forecast of what it may do
UNDERGOING_VERBS = {"face", "suffer", "bear", "pay", "incur", "expect"}
# "will be held responsible for any damage", "will hold them accountable for"
ANSWERABLE = {"responsible", "accountable", "liable"}
# whom a warning advises rather than threatens
PUBLIC = {"resident", "civilian", "people", "public", "citizen", "traveller", "traveler",
          "tourist", "motorist", "villager", "user", "consumer", "parent", "family", "shipper"}

# -------------------------------------------------------------------------------------------------
# A party's own act: claimed as a right, with no bound, readied, or to counter or stop a step
# -------------------------------------------------------------------------------------------------
# "keeps the right to take any measures to defend its interests", "can do anything to keep
# it": who has the right to an act, the acts claimed, what they defend, and an act with no bound
RIGHT_HOLDING_VERBS = {"have", "reserve", "retain"}
DEFENDING_ACTS = {"take", "adopt", "use", "do"}
DEFENDING_VERBS = {"defend", "protect", "safeguard", "maintain", "preserve", "secure", "uphold"}
UNBOUNDED = {"anything", "everything", "whatever"}
# "ready to thwart any attempt to ...", "will crush any incursion": what answers any such step
COUNTER_VERBS = {"thwart", "repel", "repulse", "foil", "crush", "counter", "defeat", "punish",
                 "resist", "confront", "destroy"}
# "ready to thwart any attempt": an act readied, like one promised
# (not event_lexicon.OFFERING_WORDS: its "willing" would make "willing to thwart any attempt" a line)
READY = {"ready", "prepared", "determined"}
# "would not hesitate to use force to stop X": what the act is to stop is the step
# (not event_lexicon.STOPPING_VERBS, what halts an activity: "end", "freeze", "suspend", none of
# "stop", "prevent", "block", "thwart", "counter", "repel", "foil")
STOPPING_VERBS = {"stop", "prevent", "block", "thwart", "halt", "counter", "repel", "foil"}

# -------------------------------------------------------------------------------------------------
# Targets: a class of targets, whoever enables an enemy, whoever does what is to be punished
# -------------------------------------------------------------------------------------------------
# "would strike every tanker heading to Ruvia", "will shoot down any drone that enters": a class
# of targets, qualified by what makes one a target
TARGETING_VERBS = {"target", "strike", "attack", "hit", "sink", "shoot", "destroy", "seize"}
TARGET_DETERMINERS = {"any", "every", "all"}
# "will strike anyone trafficking in those waters": a class of targets named by a pronoun
ANYONE = {"anyone", "anybody", "whoever", "everyone", "everybody"}
# "any country that lets Kyiv use its bases will be ...": who enables an enemy, named by
# the relative clause that says how
ENABLERS = {"country", "state", "nation", "those", "anyone", "one", "party", "government",
            "whoever", "people", "side"}
# "would cease fire and open talks if X withdrew": PLOVER's quad classes of cooperation
# (`plover.QUAD_NAMES`), whose acts alone, none refused, make a consequence an offer, not a line
COOPERATION = frozenset({"verbal_cooperation", "material_cooperation"})
# "soldiers who break the rules will be punished", "residents who ignore the curfew will be
# fined": a kind of party that is a side's own forces or public, disciplined at home, draws no
# line as an open class of parties does ("firms that ship parts to X would face ...")
OWN_MEMBERS = event_lexicon.FORCES | PUBLIC
# the relative pronouns that open that clause
# (not event_lexicon.RELATIVE_PRONOUNS, which lacks "whom": "will punish those whom Kyiv arms")
RELATIVES = {"that", "which", "who", "whom"}
# "the hand that reaches into our waters will be cut off": what is promised whoever does it
PUNISHING_VERBS = {"cut", "crush", "destroy", "smash", "break", "burn", "eliminate",
                   "annihilate", "wipe", "target", "strike", "hit", "shoot", "sink"}

# -------------------------------------------------------------------------------------------------
# Ultimatums and deadlines: what is demanded, by when, and what refusing it brings
# -------------------------------------------------------------------------------------------------
# "withdraw your ships, otherwise we will ...": the clauses a demand stands in before what is
# to come if it is not met, and the obligations that make a clause a demand ("X must lift its
# veto; otherwise ...") where it is no imperative
DEMAND_CLAUSES = ("advcl", "ccomp", "conj", "parataxis")
OBLIGING = {"must", "should", "has", "have"}
# "companies would have three months to leave": what a deadline demands
DEMAND_VERBS = {"leave", "withdraw", "pull", "evacuate", "surrender", "disarm", "comply",
                "release", "return", "hand", "stop", "cease", "halt", "vacate", "free", "end",
                "lay", "restore", "reinstate", "accept", "reverse", "retract"}
# "gave him 48 hours", "three months to leave": the units of a deadline
TIME_UNITS = {"hours", "days", "weeks", "months", "hour", "day", "week", "month"}
# "ordered the envoy to leave within 48 hours": who demands, with a deadline
ORDER_VERBS = {"order", "tell", "instruct", "direct", "demand", "ask", "give"}
# "gave the rebels a 24-hour ultimatum to disarm": the verbs that deliver an ultimatum
ULTIMATUM_VERBS = {"issue", "give", "send", "set", "deliver", "present", "hand", "serve",
                   "impose"}
# "gave the ambassador 72 hours to leave", "asked the embassy's counsellor to leave within a
# week": those a state expels, whose time to leave is the term of an expulsion, an act done, not
# a line drawn (`event_lexicon.DIPLOMATIC_POSTS` and the posts their staff hold)
EXPELLED = event_lexicon.DIPLOMATIC_POSTS | {"consul", "counsellor", "counselor", "chargé"}
# the acts an expulsion demands (the event coder's `DEPARTING_VERBS` that a person does)
LEAVING_VERBS = {"leave", "quit", "depart", "exit"}
# a deadline or an ultimatum named anywhere in the sentence makes the line an ultimatum
DEADLINE = re.compile(r"\b(within \w+ (days|hours|weeks)|\d+ days|deadline|(by|until) (Monday|"
                      r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|midnight)|ultimatum|"
                      r"\w+ (hours|days|weeks|months) to)\b", re.IGNORECASE)
# "Hezbollah has until Friday to withdraw", "was given 48 hours to leave": who, by when, what
GIVEN_TIME = re.compile(r"(?P<who>.+?) (?:has|have|had|was given|were given|is given) "
                        r"(?P<time>until .+?|\w+ (?:hours|days|weeks|months)) to (?P<act>.+)")
# "Israel's defence minister said Hezbollah has until ...": the demand without who voiced it
VOICED = re.compile(r"^.*?\b(?:said|says|warned|warns|told \w+|declared|announced|added)\s+"
                    r"(?:that\s+)?", re.IGNORECASE)
# "hand back power or face military action": a demand, and what refusing it brings
OR_FACE = re.compile(r"(?:^|[:;—–-]\s*)(?P<demand>[^:;—–]+?),? or (?:else )?(?P<consequence>"
                     r"(?:face|bear|suffer|pay) .+?)[.\"”]*$", re.IGNORECASE)
# "lay down your arms or we will come for you": the speaker's side will act
EITHER_OR = re.compile(r"\beither (?P<demand>[^”\"]+?),? or (?:else )?(?P<consequence>(?:we|they|I)"
                       r"\b[^”\"]*?(?:will|'ll|’ll|shall|are coming|are going to)\b[^”\"]*?)"
                       r"[.,!]*(?:[”\"].*)?$", re.IGNORECASE)

# -------------------------------------------------------------------------------------------------
# Declarers: the verbs that say a line was declared, the words by which a party names itself,
# and the sectors that draw no line
# -------------------------------------------------------------------------------------------------
# the verbs that say a line was declared, warned of or delivered ("issued a warning")
DECLARING_VERBS = frozenset(SPEECH_VERBS | WARNING_VERBS | ULTIMATUM_VERBS) - RESPONSE_VERBS
# the words by which a party names itself as the subject of what it will do
OWN_PRONOUNS = frozenset({"we", "i", "it", "they"})
# sectors of those who speak of a conflict without being a party that can carry out a threat
ONLOOKING_SECTORS = {"MED", "EDU", "NGO", "CVL", "BUS"}
