"""Cue words of attribution, by the complement that carries what is attributed.

A careful annotator attributes what someone says, writes, believes, fears, wants, plans, orders,
praises or denies. Which words do that, and through which complement, was read off the train
split of PolNeAR (words whose use with that complement was an annotated cue at least half the
time, outside quoted speech) and checked by hand; the component is the same few mechanisms over
these rows. Lemmas are spaCy's, including its slips ("hop" for "hoped", "retweete").
"""

from __future__ import annotations

import re

from spiral.nlp.event_lexicon import (
    FORCES,
    PROPERTY,
    TERRAIN,
    VESSELS,
    WEAPON_WORDS,
)

# the speech verbs red lines and positions look for above a clause (a narrower, older list)
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "warn", "write", "argue", "contend", "state", "declare", "insist",
    "claim", "announce", "note", "stress", "explain", "reply", "respond", "threaten", "vow",
    "ask", "call", "urge", "accuse", "suggest", "recall"})

# a clausal complement (ccomp: "said that ...", "believes ...") or, when the verb is inserted
# in the clause ("Escalation, she said, is ..."), the clause around it
CLAUSE_CUES = frozenset({
    "acknowledge", "add", "address", "admit", "agree", "allege", "announce", "answer", "argue",
    "ask", "assert", "assume", "assure", "believe", "boast", "calculate", "caution", "charge",
    "claim", "clarify", "complain", "concede", "conclude", "confirm", "consider", "contend",
    "continue", "convince", "counter", "declare", "decree", "demand", "demonstrate", "deny",
    "describe", "discuss", "doubt", "emphasize", "envision", "estimate", "expect", "explain",
    "express", "fear", "find", "forecast", "forget", "guess", "hint", "hop", "hope", "imagine",
    "imply", "indicate", "insist", "interject", "joke", "know", "lament", "learn", "maintain",
    "mention", "note", "notice", "observe", "order", "pledge", "point", "post", "predict",
    "proclaim", "promise", "propose", "question", "read", "realize", "recall", "recognize",
    "recommend", "reiterate", "remark", "remind", "reply", "report", "require", "respond", "retort",
    "reveal", "rule", "say", "share", "show", "signal", "speculate", "state", "stipulate", "stress",
    "suggest", "suspect", "tell", "testify", "think", "threaten", "tweet", "understand", "vow",
    "want", "warn", "wonder", "worry", "write"})

# verbs of thought: they attribute a clause, never a quotation standing apart
COGNITION = frozenset({
    "assume", "believe", "doubt", "expect", "fear", "forget", "guess", "hop", "hope", "imagine",
    "know", "learn", "notice", "realize", "recognize", "suspect", "think", "understand", "want",
    "wonder", "worry"})

# nor do verbs of evidence ("polls show that ...")
CLAUSE_ONLY = COGNITION | frozenset({"show"})
# what a picture shows is what the reporter saw in it, no one's statement ("footage showed smoke
# over the port", "this photo shows the frigate"); "the report showed", "a poll shows" stay
# cues, and so do "a video shows" and "data show", which PolNeAR dev annotates (with them
# there, two of its indirect attributions were lost)
DEPICTING_CUES = frozenset({"show"})
DEPICTIONS = frozenset({"footage", "photo", "photograph", "picture", "image", "imagery",
                        "graphic", "map", "still", "clip", "view", "screenshot"})

# cues of what someone thinks or means to do, which perform no act by being said
UNSPOKEN = COGNITION | frozenset({"seek", "aim", "intend", "plan", "prefer", "like", "try",
                                  "attempt", "decide", "consider"})

# an infinitive complement (xcomp: "vowed to", "urged them to", "plans to")
INFINITIVE_CUES = frozenset({
    "advise", "agree", "aim", "argue", "ask", "believe", "call", "challenge", "chant", "claim",
    "consider", "decide", "decline", "encourage", "expect", "hop", "hope", "intend", "know", "like", "look",
    "mention", "note", "offer", "order", "persuade", "plan", "pledge", "prefer", "press", "promise",
    "propose", "push", "refuse", "report", "rule", "say", "seek", "show", "suggest", "support",
    "tell", "threaten", "tweet", "urge", "vote", "vow", "want", "warn", "write"})

# verbs whose subject belongs to what is attributed, with an infinitive and no source named:
# "the plan seems to work" (RAISING_CUES), and as passives "he is expected to win"
RAISING_CUES = frozenset({"appear", "look", "seem"})
# those of them that also attribute an adjective or a noun ("the economy seemed immune"; "looks
# weak" is how something looks)
RAISING_PREDICATE_CUES = frozenset({"appear", "seem"})
# those of them that raise only some verbs, and otherwise say what their subject means to do
# ("the race looks to be close", but "Cruz looks to ease tensions": his aim)
RAISING_ONLY = {"look": frozenset({"be"})}
PASSIVE_RAISING_CUES = frozenset({"ask", "expect", "intend", "say", "show", "want"})

# verbs of perceiving or recalling, whose object is no statement ("see what happens", "remember
# what it means")
PERCEPTION = frozenset({"see", "remember", "recall", "recognize", "understand"})
# words that open a free relative, an object the parser may take for a clause ("criticized what
# she called ...", "touted how far the campaign had come")
FREE_RELATIVES = frozenset({"what", "how", "why"})

# verbs that ask: their if- or whether-clause is the content, and "Asked about X, he said"
# names no one who asked
QUESTION_CUES = frozenset({"ask", "inquire", "wonder"})

# an object and what follows it ("endorsed Trump", "accused him of lying", "called it a farce")
OBJECT_CUES = frozenset({
    "accuse", "acknowledge", "admit", "agree", "announce", "answer", "applaud", "argue",
    "articulate", "ask", "assail", "assert", "assure", "attack", "bash", "believe", "bemoan",
    "blame", "blast", "broadcast", "call", "chant", "characterize", "chide", "cite", "clarify",
    "compare", "condemn", "confirm", "congratulate", "consider", "contradict", "contrast", "credit",
    "criticize", "declare", "decline", "decry", "deem", "defend", "demand", "denounce", "deny",
    "deride", "describe", "detail", "disavow", "disclose", "discuss", "dismiss", "dispute",
    "distance", "downplay", "dub", "echo", "email", "emphasize", "encourage", "endorse", "envision",
    "estimate", "explain", "express", "fear", "forecast", "hail", "highlight", "hop", "invoke",
    "justify", "knock", "label", "lambast", "lament", "like", "liken", "list", "mention", "mock",
    "name", "note", "oppose", "order", "outline", "point", "portray", "post", "praise", "predict",
    "prefer", "promise", "propose", "publish", "question", "quote", "reaffirm", "rebuke", "rebut",
    "recall", "recite", "recognize", "recommend", "recount", "reference", "refuse", "reiterate",
    "reject", "remember", "remind", "repeat", "report", "repudiate", "request", "retweete",
    "reveal", "savage", "say", "see", "seek", "show", "slam", "sound", "state", "stress", "suggest",
    "support", "talk", "thank", "tout", "trumpet", "tweet", "understand", "urge", "view", "voice",
    "want", "warn", "welcome", "write"})

# verbs that attribute an object only with what it is taken for after "as" ("cast himself as
# an outsider", "framed the vote as a referendum", "identified Iran as the main threat"; each a
# cue at least 60% of the time with "as" on PolNeAR train, "painted" and "presented" less)
AS_CUES = frozenset({"bill", "cast", "frame", "identify", "position", "pitch"})

# verbs that attribute an object only with their particle ("laid out a plan", "spelled out
# its concerns", "singled out the vote"; "laid the groundwork" says nothing; half or more of
# them annotated cues on PolNeAR train)
PARTICLE_OBJECT_CUES = {"lay": "out", "spell": "out", "single": "out", "sketch": "out"}

# those of them that are also verbs of force, and the objects that give them that sense
# ("attacked the base", unlike "attacked the plan")
FORCE_CUES = frozenset({"attack", "assail", "bash", "blast", "hit", "knock", "slam"})
FORCE_TARGETS = frozenset(TERRAIN | PROPERTY | FORCES | VESSELS | WEAPON_WORDS | {
    "target", "convoy", "camp", "checkpoint", "ship", "tanker", "boat", "plane", "patrol",
    "civilian", "village", "compound", "hideout", "infrastructure", "refinery", "grid",
    "depot", "barracks", "outpost", "police", "army", "militia", "fighter"})

# those of them that attribute nothing as passives with an agent: force ("was attacked by"),
# questions ("was asked by": the subject was asked) and verbs of evidence or kind ("was confirmed
# by a witness", "was characterized by fighting")
PASSIVE_AGENT_EXCLUDED = FORCE_CUES | frozenset({"ask", "confirm", "characterize", "see", "show"})

# those of them that, as passives without an agent, attribute to no one named what their subject
# is taken for ("is seen as a toss-up", "was dubbed the 'Defeat Hillary PAC'"); read off PolNeAR
# train, where "considered", "declared" and "named" (a winner, a nominee) were cues less than
# half the time
PASSIVE_OPINION_CUES = frozenset({"see", "view", "deem", "dub", "remember", "regard", "call",
                                  "perceive", "portray", "describe", "characterize", "label",
                                  "know"})
# the prepositions that say what such a subject is taken for, where "as" is not the only one
# ("is known for his caution", "will be remembered for the bridge")
PASSIVE_OPINION_PREPOSITIONS = {"know": {"as", "for"}, "remember": {"as", "for"}}

# those of them whose object may come after a preposition ("accused of", "blamed for")
PREPOSITION_CUES = frozenset({
    "accuse", "applaud", "ask", "blame", "blast", "characterize", "chide", "cite", "congratulate",
    "contrast", "credit", "criticize", "demand", "describe", "dismiss", "hail", "highlight",
    "lambast", "liken", "list", "mock", "portray", "praise", "quote", "recognize",
    "reference", "slam", "tout"})

# verbs whose object is who is addressed, not what is said ("..., he told reporters")
ADDRESSEE_CUES = frozenset({"tell", "assure", "inform", "remind", "brief", "advise", "warn",
                            "ask", "promise"})

# verbs that pass on what another said: "the paper quoted army officers as saying
# that ...", "the broadcaster cited X as promising revenge": the object is the source
RELAYING_CUES = frozenset({"quote", "cite"})
# what such a verb's object is when it names whose words are passed on, not what they said
# ("citing informed sources", "citing information from the ministry"; "citing safety concerns"
# gives a reason, which is what was said); names and entities count too
CITED_SOURCES = frozenset({"source", "official", "officer", "diplomat", "member", "spokesman",
                           "spokeswoman", "spokesperson", "information", "media", "outlet",
                           "newspaper", "agency", "ministry", "government", "authorities",
                           "statement", "report"})
CITED_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# cues that pass on what a source saw or counted ("according to the army", "the monitor reported
# that ..."): the words tell what happened, they do not accuse, threaten or demand by themselves
SOURCING_CUES = RELAYING_CUES | frozenset({"accord", "according", "report", "reveal", "confirm",
                                           "record", "document", "show", "indicate", "track"})

# nouns whose clause is the content ("the ministry's warning that ...", "his plan to ...")
NOUN_CUES = frozenset({
    "accusation", "admission", "allegation", "argument", "assertion", "assessment",
    "assumption", "belief", "claim", "complaint", "concern", "conviction", "demand", "doubt",
    "estimate", "expectation", "fear", "hope", "insistence", "pledge", "prediction", "promise",
    "proposal", "refusal", "reluctance", "suggestion", "threat", "view", "vow", "warning"})

# adjectives of a state of mind ("she is confident that ...", "he was glad that ...": with a
# that-clause, feelings and certainty as well as hopes; the feelings and "sure" added in
# polnear18: train halves +10 matched / +6 relations and +2 / +2)
ADJECTIVE_CUES = frozenset({"adamant", "afraid", "angry", "aware", "certain", "concerned",
                            "confident", "convinced", "disappointed", "frustrated", "glad",
                            "happy", "hopeful", "optimistic", "pleased", "proud", "relieved",
                            "skeptical", "sorry", "sure", "surprised", "upset", "worried"})

# adjectives of a stance with the preposition (or "to" for an infinitive) whose complement is
# what they attribute ("was critical of the deal", "is eager to debate"); read off PolNeAR
# train, where each was a cue at least half the time with that complement ("willing to",
# "likely to", "interested in" were not)
ADJECTIVE_COMPLEMENTS = {
    "skeptical": {"of", "about"}, "wary": {"of"}, "confident": {"in"}, "supportive": {"of"},
    "worried": {"about"}, "angry": {"about", "at"}, "comfortable": {"with"}, "critical": {"of"},
    "nervous": {"about"}, "eager": {"to"}, "quick": {"to"}, "inclined": {"to"},
    "reluctant": {"to"}}

# objects of a verb that are something said, with the prepositions (and "that" for a clause)
# whose complement is what they say: "made the case that ...", "made no mention of X",
# "offered his thoughts on X", "paid tribute to X", "took issue with X", "took a swipe at X",
# "made no secret of X", "made reference to X" ("took aim at", "raised questions about", "drew a
# contrast with" were cues half the time or less on PolNeAR train)
SPEECH_OBJECTS = {
    "case": {"for", "against", "that"}, "comment": {"about", "on"}, "mention": {"of"},
    "word": {"about", "for", "of"}, "thought": {"on", "about"}, "remark": {"about", "on"},
    "tribute": {"to"}, "defense": {"of"}, "message": {"of", "about"}, "argument": {"for",
    "against", "that"}, "statement": {"about", "on", "of"}, "speech": {"about", "on"},
    "praise": {"for"}, "apology": {"for", "to"}, "joke": {"about"}, "issue": {"with"},
    "credit": {"for"}, "shot": {"at"}, "swipe": {"at"}, "secret": {"of"}, "reference": {"to"},
    "concern": {"about", "over", "for", "with", "regarding"}, "frustration": {"with", "over",
    "about", "at"}, "support": {"for"}, "confidence": {"in"}, "opinion": {"on", "about", "of"}}

# verbs, besides the light ones, that take such an object as saying it ("delivered a defense
# of", "pressed the case that", "did not mince words about"; "settled a case" says nothing)
SPEECH_OBJECT_VERBS = frozenset({"deliver", "press", "utter", "mince", "send", "heap", "preach",
                                 "present", "pass", "avoid", "carry", "take"})
# objects of a verb of giving or making that are themselves what is said, when nothing after
# them says what about ("offered his assessment of the talks", "gave a short answer", "drew a
# contrast with his rival", "provided details of the raid": each an annotated
# cue at least half the time on PolNeAR train; "statement", "letter" and "criticism" were not,
# or their content lies elsewhere)
SPOKEN_CONTENT_NOUNS = frozenset({"assessment", "answer", "argument", "contrast", "critique",
                                  "detail", "reference", "specific", "vision"})
# nouns of backing that a candidate wins from its source, and the verbs of winning them ("Cruz
# won the endorsement of the governor": the governor backs Cruz; 11 of 15 with "of" or "from"
# were annotated cues on PolNeAR train, "support" a third of the time)
ENDORSEMENT_NOUNS = frozenset({"endorsement", "backing"})
ENDORSEMENT_VERBS = frozenset({"win", "secure", "receive", "snag", "get", "earn", "land", "pick",
                               "gain", "have", "collect", "nab", "garner", "lock"})

# adjectives that attribute a clause after "made it" to the one who made it so: "she made it
# clear that ..."
CLEAR_CUES = frozenset({"clear"})

# verbs whose object is what a study, a poll or an article finds ("a survey found Clinton with
# a lead", "the inquiry found no record"), and the nouns that find things ("a poll gave",
# "put" or "has" were cues less than half the time on PolNeAR train)
FINDING_CUES = frozenset({"find"})
EVIDENCE_NOUNS = frozenset({"poll", "survey", "study", "report", "article", "paper", "analysis",
                            "investigation", "inquiry", "review", "audit", "research", "probe",
                            "census", "data"})
# of them, those that a sentence opening "In a ... poll," attributes all of its clause to ("In a
# network poll last month, the mayor led by ten points": 15 of 18 such openings were annotated
# cues on PolNeAR train; "in a report", "in a study" were not)
POLL_NOUNS = frozenset({"poll", "survey"})

# nouns of a view that "in" with a possessor opens for a whole clause ("In the mayor's view, the
# bridge can wait": the mayor's, about the rest of the sentence)
VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "mind"})

# verbs whose object does what their infinitive says ("prompted Cooper to accuse her", "forced
# Clinton to distance herself from"): that object is the infinitive cue's source ("used his
# speech to attack" is the subject's)
OBJECT_CONTROL = frozenset({"prompt", "force", "lead", "cause", "encourage", "urge", "ask",
                            "require", "allow", "persuade", "press", "convince", "inspire",
                            "compel", "push", "spur", "get"})

# particles and prepositions that belong to the cue, not the content ("called for", "pointed to");
# the object of such a preposition is the content when nothing else is ("talked about the wall")
CUE_PARTICLES = {
    "apologize": {"for"}, "argue": {"for", "against"}, "ask": {"about", "for"}, "balk": {"at"},
    "boast": {"of", "about"}, "call": {"for", "on"}, "comment": {"on"},
    "complain": {"about", "of"}, "hint": {"at"}, "insist": {"on"}, "lash": {"out", "at"},
    "point": {"to", "out"}, "push": {"for"}, "rail": {"against"}, "refer": {"to"},
    "side": {"with"}, "speak": {"of", "about", "against"}, "talk": {"about"},
    "vote": {"for", "against"},
    "warn": {"of", "about", "against"}, "write": {"about"}, "agree": {"with", "on"},
    "disagree": {"with"}, "focus": {"on"}, "advocate": {"for"}, "campaign": {"for", "against"},
    "brag": {"about"}, "weigh": {"in", "on"}, "vouch": {"for"}, "worry": {"about"},
    "hop": {"for"}, "hope": {"for"}, "think": {"about"}, "joke": {"about"}, "lay": {"out"},
    "spell": {"out"}, "single": {"out"}, "sketch": {"out"}, "touch": {"on"}}

# verbs whose preposition's object is what is attributed when no other complement is ("talked
# about the wall", "referred to the vote", "agreed with Cruz", "voted for the bill", "commented
# on", "worried about", "hoped for", "pushed for", "joked about", "called for", "agreed on the
# terms", "touched on the economy": each a cue at
# least half the time on PolNeAR train; a demand is attributed like a view)
TOPIC_CUES = frozenset({"advocate", "agree", "apologize", "argue", "balk", "boast", "brag",
                        "campaign", "complain", "disagree", "focus", "hint", "insist", "lash",
                        "point", "rail", "refer", "side", "speak", "talk", "vote", "vouch",
                        "warn", "weigh", "write", "comment", "worry", "hop", "hope", "think",
                        "push", "joke", "call", "touch"})

# light verbs that give a noun cue its source ("voiced concern that", "made the claim that")
LIGHT_VERBS = frozenset({"express", "voice", "make", "issue", "repeat", "reiterate", "share",
                         "raise", "have", "hold", "offer", "give"})
# the verbs whose object in SPOKEN_CONTENT_NOUNS is what their subject says ("held an
# assessment" is a meeting)
SPOKEN_CONTENT_VERBS = frozenset({"offer", "give", "provide", "share", "deliver", "draw", "lay",
                                  "make", "present", "voice", "express"})

# unnamed sources: flagged anonymous (a named person's title is not); "many", "critics",
# "some accounts", "protesters" are people the text does not name
ANONYMOUS = re.compile(r"\b(officials?|sources?|people|person|diplomats?|aides?|insiders?|"
                       r"advisers?|advisors?|staffers?|(?:eye)?witness(?:es)?|residents?|villagers?|"
                       r"officers|activists?|opponents|analysts?|observers|reports|experts?|"
                       r"researchers?|scholars?|media|protesters?|demonstrators?|critics|"
                       r"accounts|voices|many)\b"
                       r"(?! named)", re.IGNORECASE)
# "state media", "official media" are one known voice, not unnamed ones ("local media" are)
KNOWN_MEDIA_QUALIFIERS = frozenset({"state", "official", "state-run", "state-owned",
                                    "government", "public"})
# what makes unnamed "sources" a state's ("security sources", "diplomatic sources"); "sources
# in Jordan" may be anyone's
STATE_SOURCE_QUALIFIERS = frozenset({"security", "military", "defense", "defence", "army",
                                     "government", "diplomatic", "intelligence", "police",
                                     "official", "ministry", "navy", "naval", "administration"})
# unnamed officials speak for a state unless a word places them outside it ("a hospital
# official", "a party official")
STATE_SOURCES = frozenset({"official", "officer"})
NON_STATE_QUALIFIERS = frozenset({"hospital", "medical", "aid", "humanitarian", "party", "rebel",
                                  "opposition", "company", "un", "u.n.", "campaign", "club",
                                  "union", "church", "university", "school", "former", "retired",
                                  "militia", "industry", "bank"})
MILITARY_QUALIFIERS = frozenset({"military", "army", "defense", "defence", "navy", "naval"})
# unnamed non-governmental bodies: "rights groups said", "aid agencies warned"
NGO_HEADS = frozenset({"group", "organization", "organisation", "agency", "charity", "ngo"})
NGO_QUALIFIERS = frozenset({"rights", "aid", "humanitarian", "relief", "advocacy", "charity",
                            "monitoring", "watchdog"})
# words in the name of a body no state runs ("the Campaign for Nuclear Disarmament", "the
# Syrian Observatory for Human Rights", "an Institute for the Study of War"): an organisation
# the knowledge base does not know, named by these, is a non-governmental one
NGO_NAME_WORDS = frozenset({"campaign", "institute", "observatory", "foundation", "studies",
                            "rights"})
# nouns that describe an international body named before ("NATO ... the alliance said", "the
# IAEA ... a report by the watchdog", "the AU ... the continental organisation warned")
INTERNATIONAL_BODY_NOUNS = frozenset({"bloc", "alliance", "watchdog", "organization",
                                      "organisation"})
# heads of a source that name a state body, whose country the nearby subject gives ("Polish
# authorities said all was calm. The defence ministry said ...")
STATE_BODIES = frozenset({"ministry", "government", "authorities", "army", "military", "police",
                          "cabinet", "presidency", "navy", "administration",
                          # "the Department of Foreign Affairs", "the city council", "the state
                          # emergency service" ("office" is left out: "the presidential office"
                          # placed so cost a false event on the S+T validation reports)
                          "department", "council", "service",
                          # "the General Staff", "the air force", "the task force": a military
                          # body named by its kind (real-text AB, E, Z)
                          "staff", "force"})
# words of an office that governs: a group's ministry or government ("the Taliban's defence
# ministry", "a Taliban government official", "the Hamas-run health ministry") speaks for the
# state it runs, not as an armed group
GOVERNING_WORDS = frozenset({"ministry", "government", "cabinet", "presidency", "administration"})
# an unnamed diplomat or diplomatic source speaks for some state, which one only its own words
# say ("a Western diplomat", "an Egyptian diplomatic source"): not the report's country, nor
# the last one that acted
ANY_STATE_SOURCES = frozenset({"diplomat", "diplomatic"})
# words describing a speaker as no state's voice, wherever the country comes from ("Manila-based
# analyst X", "a former Russian diplomat")
NON_STATE_DESCRIPTORS = frozenset({"analyst", "expert", "researcher", "professor", "scholar",
                                   "fellow", "academic", "commentator", "journalist", "reporter",
                                   "correspondent", "activist", "doctor", "lawyer", "former",
                                   "retired", "ex"})
# heads of an unnamed source who are people of a place, none of them its state's voice, however
# the place is named ("many in Sudan", "Kremlin critics", "Iranian hardliners", "its opponents");
# a head only: "many officials" are officials
NON_STATE_CROWDS = frozenset({"many", "critic", "hardliner", "opponent", "supporter", "skeptic",
                              "sceptic"})
# nouns for the parties a joint word speaks for ("the two countries' ministries", "both sides'
# statement"): what they issued together is no one country's
SIDE_NOUNS = frozenset({"country", "side", "government", "nation", "state"})

# infinitives that report no statement ("declined to comment", "asked not to be named")
NOT_STATEMENTS = frozenset({"comment", "confirm", "discuss", "elaborate", "speculate", "name",
                            "identify", "respond"})
# verbs before them that say no statement was made, so that they take no topic ("declined to
# comment on the report"; "wanted to comment on the report" does)
REFUSALS = frozenset({"decline", "refuse"})

# prepositions after an object that say how or when, not what ("defended it by citing ...")
ADJUNCT_PREPOSITIONS = frozenset({"by", "in", "at", "during", "after", "before", "since", "amid",
                                  "despite", "through", "while", "until", "without"})

# prepositions whose object's that-clause is never the cue's ("claims the sea despite a ruling
# that such claims are unlawful")
CONCESSIVE_PREPOSITIONS = frozenset({"despite", "notwithstanding", "without", "unlike",
                                     "besides", "except"})

# prepositions of time or means whose gerund cue speaks for the clause's subject ("after telling
# his aides that ...", "by announcing the release of ...", "joined the mayor in calling for");
# read off PolNeAR train, where the others ("without saying", "for calling") were annotated
# cues less than half the time ("in" after a verb: 25 of 48, in six publishers); and "to" after
# a verb ("turned to praising the army", "objected to calling it a tax": train halves 3 of 5
# and 1 of 3 added relations matched)
GERUND_PREPOSITIONS = frozenset({"after", "before", "since", "by", "upon", "while", "when", "on",
                                 "in", "to"})

# what speaks for itself through a participle ("ads attacking Cruz", "a petition calling on him
# to resign", "polls showing a tight race", "a resolution condemning the ban"): the noun phrase
# is the source; read off PolNeAR train, where such participles of cue verbs were annotated cues
# about 60% of the time ("speech" and "rally" speak for their speaker, "campaign" for a party)
SPEAKING_NOUNS = frozenset({"statement", "release", "ad", "advertisement", "commercial",
                            "petition", "resolution", "poll", "survey", "report", "story",
                            "article", "email", "letter", "memo", "message", "tweet", "post",
                            "editorial", "video", "sign"})

# cue verbs whose third-person form the tagger may take for a plural noun or a name after
# their subject ("Trump predicts that ...", "The ad slams the senator", "Governor Endorses
# Rival" in a headline), and that are rarely plural nouns themselves ("calls", "claims",
# "states" are); read off PolNeAR train, where such words between a name and what follows
# were annotated cues two times in three
MISREAD_CUES = frozenset({
    "accuse", "admit", "apologize", "argue", "assail", "blame", "blast", "chide", "criticize",
    "decry", "defend", "denounce", "deny", "dismiss", "endorse", "insist", "mock", "praise",
    "predict", "reject", "rip", "say", "slam", "suggest", "tell", "tout", "urge", "warn",
    "worry"})

# subjects that name no one ("it is thought that", "there are fears")
EXPLETIVES = frozenset({"it", "there"})

# sources that point back to a speaker named before: "the statement said", "which reported"
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "website",
                            "report", "readout", "announcement", "release", "post", "note"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# the relative pronouns a cue verb may take as its object ("the plan, which his rivals oppose")
WH_OBJECTS = frozenset({"which", "whom", "who"})
# words in a cue's subject that say no one said it ("no official has said so")
NO_ONE = frozenset({"no", "neither", "none", "nobody", "nor"})
# what a cue verb may say in answer ("72 percent said yes")
ANSWERS = frozenset({"yes", "no"})
# the subjects of a linking "said": "That said, ...", "This being said, ..."
LINKING_SUBJECTS = frozenset({"that", "this"})
# relative pronouns that stand for the noun before them as a source ("a video that accuses",
# "the experts who think"): the source is both ("which" changed no match on PolNeAR train)
ANTECEDENT_RELATIVES = frozenset({"that", "who"})
# relative pronouns that stand for things, which speak for whoever made them ("released a video
# that accuses ...": the video's and its maker's words)
OBJECT_RELATIVES = frozenset({"that", "which"})

# "has" written short, which the tagger may take for a passive's "is" ("he's predicted wins")
CONTRACTED_HAS = frozenset({"'s", "\u2019s"})

MAX_ANTECEDENT_DISTANCE_CHARS = 1500
# heads of a source that a country's name only qualifies: "Iran's semi-official website"
NON_STATE_HEADS = frozenset({"website", "site", "media", "outlet", "newspaper", "paper", "agency",
                             "broadcaster", "television", "channel", "observatory", "monitor",
                             "tank", "group", "organisation", "organization", "institute",
                             "university", "company", "firm", "resident", "witness", "analyst",
                             "expert", "activist", "doctor", "journalist", "correspondent",
                             "blogger", "news",
                             # "the Afghanistan Cricket Board", "the Kenya Bar Association"
                             "board", "federation", "association", "club", "league", "chamber",
                             # "the Palestinian group's armed wing", "a Kurdish movement"
                             "wing", "movement", "faction",
                             # "Norway's state-owned energy giant", "the ship's owners", "the
                             # Greek publication"
                             "giant", "owner", "publication",
                             # "the Ruritania Fishermen's Society"
                             "society"})

# press agencies and papers that relay others' words: an attribution inside what they report
# names whose words they are ("Officials said X, Reuters reported" is the officials'); outlets
# the knowledge base knows carry the sector MED instead
WIRE_SERVICES = frozenset({"reuters", "ap", "the ap", "associated press", "the associated press",
                           "afp", "agence france-presse", "xinhua", "bloomberg", "anadolu",
                           "anadolu agency", "the epoch times", "the new york times",
                           "the washington post", "the wall street journal",
                           "the financial times", "the guardian", "bbc", "the bbc"})
