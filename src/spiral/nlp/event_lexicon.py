"""The words the event coder reads: trigger verbs and nouns by PLOVER type, and the word sets
its rules test (light verbs, reversing verbs, places, missions, forces...).

A lemma belongs to the type its most common news sense codes to; the rules in
`spiral.nlp.event_senses` refine the type by the object ("captured the village" is ASSAULT, "captured
the fighters" COERCE) and the clause around it.
"""

from __future__ import annotations

# lemma -> (event type, mode); a lemma belongs to the type its most common news sense codes to
VERB_TRIGGERS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["strike", "attack", "hit", "bomb", "shell", "fire", "launch", "kill",
                     "target", "pound", "raid", "assassinate", "kidnap", "abduct", "beat",
                     "torture", "shoot", "massacre", "ambush", "wound", "invade", "fight", "bombard",
                     "occupy", "stab", "behead", "murder", "slaughter", "assault", "strafe",
                     "clash", "explode", "abuse", "execute", "storm", "overrun", "besiege",
                     "slay", "lynch", "detonate", "blast", "gun", "mortar", "retake", "recapture",
                     "conquer", "counterattack", "repel", "retaliate", "avenge", "destroy",
                     "damage"],  # "destroy" and "damage" only with a subject that does it
                    ("ASSAULT", "")),
    **dict.fromkeys(["threaten", "vow", "warn", "swear"], ("THREATEN", "")),
    # summoning an envoy is a complaint made to them (PLOVER's DISAPPROVE), not a sanction
    **dict.fromkeys(["accuse", "blame", "condemn", "criticise", "criticize", "denounce", "mock",
                     "investigate", "probe", "allege", "charge", "sue", "censure", "deplore",
                     "rebuke", "fault", "slam", "decry", "indict", "prosecute", "complain",
                     "lambast", "berate", "chide", "reproach", "castigate", "assail", "reprimand",
                     "vilify", "scold", "summon"], ("ACCUSE", "")),
    # not "violate": a breach is no rejection the breaker makes; the annotators code it as the
    # accusation of whoever says it (the statement's ACCUSE) and, of a side's airspace or
    # waters, as an incursion; an order defied stays a rejection (`OBJECT_SENSES`)
    **dict.fromkeys(["reject", "deny", "refuse", "dismiss", "decline", "oppose", "renege",
                     "veto", "defy", "spurn", "rebuff", "snub", "refute",
                     "repudiate"], ("REJECT", "")),
    **dict.fromkeys(["demand", "urge", "ask", "press", "call", "appeal", "request", "seek",
                     "plead", "implore", "insist", "invite", "pressure", "pressurise", "pressurize",
                     "exhort", "petition", "beg"],
                    ("REQUEST", "")),
    **dict.fromkeys(["agree", "accept", "offer", "promise", "pledge", "conclude",
                     "ratify", "commit", "consent", "initial", "reconcile"], ("AGREE", "")),
    **dict.fromkeys(["meet", "visit", "host", "discuss", "talk", "confer", "consult",
                     "negotiate", "mediate", "arrive", "receive", "phone", "telephone",
                     "convene"],
                    ("CONSULT", "")),
    **dict.fromkeys(["support", "praise", "congratulate", "back", "welcome", "defend",
                     "endorse", "apologize", "apologise", "commend", "hail", "thank",
                     "recognize", "recognise", "forgive", "applaud", "laud", "salute"],
                    ("SUPPORT", "")),
    **dict.fromkeys(["send", "supply", "provide", "deliver", "give", "grant", "donate",
                     "fund", "finance", "ship", "airlift", "evacuate", "contribute", "hand",
                     "dispatch", "airdrop", "transfer", "aid", "arm", "assist"], ("AID", "")),
    **dict.fromkeys(["authorise", "authorize", "allow", "permit", "let"], ("CONCEDE", "policy")),
    **dict.fromkeys(["cooperate", "share", "extradite", "exchange", "collaborate", "coordinate",
                     "partner"],
                    ("COOPERATE", "")),
    **dict.fromkeys(["sanction", "expel", "cancel", "impose", "embargo", "suspend",
                     "sever", "freeze", "cut", "halt", "boycott", "downgrade", "curtail",
                     "blacklist"],
                    ("SANCTION", "")),
    **dict.fromkeys(["deploy", "mobilize", "mobilise", "station", "mass", "reinforce", "amass",
                     "patrol", "strengthen", "rearm", "muster", "position", "redeploy"],
                    ("MOBILIZE", "troops")),
    **dict.fromkeys(["arrest", "detain", "seize", "capture", "confiscate", "demolish", "outlaw",
                     "ban", "deport", "censor", "jail", "imprison", "expropriate", "hack",
                     "evict", "harass", "suppress", "repress", "abduct", "deface", "torch",
                     "sentence", "intern", "raze", "ram", "intercept"],
                    ("COERCE", "")),
    **dict.fromkeys(["protest", "demonstrate", "rally", "march", "riot", "picket", "block",
                     "blockade"], ("PROTEST", "")),
    **dict.fromkeys(["withdraw", "retreat", "release", "free", "demobilize", "demobilise",
                     "disarm", "resign", "return", "surrender", "vacate", "disband", "disengage"],
                    ("RETREAT", "withdraw")),
    "cease": ("RETREAT", "ceasefire"),  # "ceased hostilities", "cease fire"
    "test-fire": ("MOBILIZE", "weapons"),  # "test-fired a new missile": a show of force
    **dict.fromkeys(["ease", "lift", "concede", "relax", "yield", "accede", "compromise"],
                    ("CONCEDE", "policy")),
}
# "pressed ahead with its offensive", "pushed on with the assault": going on with the act the
# "with" phrase names (verb lemma -> the words that say it goes on), not a request of anyone
PRESSING_ON = {"press": frozenset({"ahead", "forward", "on"}),
               "push": frozenset({"ahead", "forward", "on"}), "forge": frozenset({"ahead"})}
# trigger words also spelt with a hyphen, which the tokenizer would split into words of their
# own ("cease", "-", "fire"): kept whole, so the tables know them (`pipeline.load`)
HYPHENATED_TRIGGERS = frozenset({"cease-fire", "cease-fires", "test-fire", "test-fired",
                                 "test-fires", "test-firing"})
# "open an investigation", "lodge a protest", "reach an agreement": a light verb whose object
# names the event. Reversing verbs ("lift the curfew", "call off the strike") give the other type.
LIGHT_VERBS = {"open", "launch", "lodge", "file", "stage", "issue", "declare", "undertake",
               "renew", "resume", "complete", "reach", "establish", "restore", "upgrade",
               "normalize", "normalise", "impose", "reimpose", "introduce", "order", "hold", "mount", "conduct",
               "begin", "start", "carry", "make", "sign", "tighten", "extend", "organize",
               "organise", "announce", "step", "intensify", "speed", "expand", "set", "put",
               "approve", "unveil", "adopt", "accept", "agree", "pledge", "deliver", "send",
               "continue", "join", "give", "offer", "express", "voice", "lend", "pay",
               "have", "meet", "satisfy", "grant", "heed", "engage", "prepare", "draft", "level",
               "plan", "propose", "consider", "weigh", "fly", "authorise", "authorize", "allow",
               "permit", "greenlight", "strengthen", "deepen", "boost", "improve", "mend",
               "initiate", "wage", "proclaim", "place"}
# light verbs said with a particle: "rolled out export controls", "ramped up its attacks"
PHRASAL_LIGHT_VERBS = {"roll": "out", "ramp": "up", "beef": "up"}
# verbs that own an act done before: "claimed responsibility for the drone attacks", "took
# responsibility for the raid" (whoever claims it did it)
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "admit", "assume"})
# acts done with another side, told as "in ... with": the clause's subject acts on the "with"
# phrase's side ("acted in coordination with the UN", "has been involved in fighting with
# Hezbollah", "were engaged in talks with Kyiv")
JOINT_NOUNS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["coordination", "cooperation", "collaboration", "partnership",
                     "conjunction"], ("COOPERATE", "")),
    **dict.fromkeys(["fighting", "clash", "clashes", "war", "conflict", "battle", "combat",
                     "hostility", "hostilities", "skirmish", "skirmishes", "firefight",
                     "gunfight"], ("ASSAULT", "")),
    **dict.fromkeys(["talk", "talks", "negotiation", "negotiations", "dialogue", "discussion",
                     "discussions", "consultation", "consultations", "conversation",
                     "conversations"], ("CONSULT", "")),
}
# "preparing an 18th sanctions package", "planned further demonstrations": not yet a fact
PREPARING_VERBS = {"prepare", "draft", "plan", "propose", "consider", "weigh"}
REVERSING_VERBS = {"lift", "ease", "shorten", "end", "relax", "suspend", "break", "reduce",
                   "scale", "abandon", "halt", "sever", "cut", "downgrade", "cancel",
                   "scrap", "remove", "loosen"}
# "the lifting of US sanctions", "an end to the blockade": what they undo is no event of its own
REVERSING_NOUNS = {"lifting", "easing", "end", "removal", "relaxation", "suspension",
                   "cancellation", "repeal", "halt"}
# a protester's verb in a state's mouth: "Nepal protested the road" complains (CAMEO 114),
# "the coast guard blocked the boats" coerces
STATE_SENSES = {"protest": "ACCUSE", "block": "COERCE", "blockade": "COERCE"}
# verbs that answer with an act ("followed with a ground invasion", "responded with strikes"):
# their subject does it
ANSWERING_VERBS = frozenset({"follow", "respond", "retaliate", "answer", "react", "reply"})
# yielding to demands is CONCEDE; voicing them is REQUEST
YIELDING_VERBS = {"accept", "meet", "satisfy", "grant", "bow", "heed"}
# verbs a labour strike takes ("staged a strike", "called a strike"), unlike a military one
WALKOUT_VERBS = frozenset({"stage", "call", "hold", "organise", "organize", "join"})
# verbs of holding ground or keeping forces on it: told in the present or as ongoing ("is
# occupied by", "still occupies", "is stationing soldiers on the islets", "marines have been
# stationed there for years") they tell a standing state, not an act (`_ground_held`)
HOLDING_VERBS = frozenset({"occupy", "station"})
# auxiliaries of the present or of what is going on or has gone on till now: "is occupied",
# "are occupying", "was being occupied", "have been stationed"
PRESENT_OR_ONGOING = frozenset({"is", "are", "am", "'s", "'re", "being", "been"})
OBJECT_NOUNS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["investigation", "probe", "inquiry", "protest", "complaint", "charge",
                     "lawsuit", "case", "hearing", "allegation", "allegations", "accusation",
                     "accusations",
                     # a diplomatic complaint ("lodged stern representations with Tokyo") and
                     # blame laid on a side ("placed the blame on Israel")
                     "representations", "blame"], ("ACCUSE", "")),
    **dict.fromkeys(["demonstration", "rally", "march", "sit-in", "boycott"], ("PROTEST", "")),
    **dict.fromkeys(["ultimatum", "threat", "warning"], ("THREATEN", "")),
    # "expressed outrage over the strikes": disapproval (CAMEO 11)
    **dict.fromkeys(["outrage", "displeasure", "indignation", "condemnation", "criticism",
                     "disapproval", "dismay", "regret"], ("ACCUSE", "")),
    **dict.fromkeys(["demand", "demands", "appeal", "request"], ("REQUEST", "")),
    **dict.fromkeys(["invasion", "offensive", "attack", "raid", "assault", "bombardment",
                     "airstrike", "airstrikes", "incursion", "operation", "shelling", "strike",
                     "strikes", "sortie"],
                    ("ASSAULT", "")),
    **dict.fromkeys(["withdrawal", "pullback", "pullout", "retreat", "evacuation"],
                    ("RETREAT", "withdraw")),
    **dict.fromkeys(["ceasefire", "cease-fire", "truce"], ("RETREAT", "ceasefire")),
    **dict.fromkeys(["amnesty", "permission", "approval", "go-ahead", "authorisation",
                     "authorization", "clearance"], ("CONCEDE", "policy")),
    **dict.fromkeys(["agreement", "accord", "deal", "consensus", "treaty", "pact", "compromise",
                     "memorandum"], ("AGREE", "")),
    # restoring or upgrading diplomatic ties is diplomatic cooperation (CAMEO 05, as the PLOVER
    # gold codes it); deepening cooperation or a partnership material cooperation (06)
    **dict.fromkeys(["ties", "relations", "backing", "support", "condolences", "sympathy",
                     "recognition"], ("SUPPORT", "")),
    **dict.fromkeys(["cooperation", "partnership"], ("COOPERATE", "")),
    "visit": ("CONSULT", "visit"), "trip": ("CONSULT", "visit"), "call": ("CONSULT", "phone"),
    "welcome": ("CONSULT", "visit"), "reception": ("CONSULT", "visit"),
    **dict.fromkeys(["negotiations", "talks", "mediation", "dialogue", "consultations",
                     "summit", "meeting", "discussions", "discussion", "conversation",
                     "consultation"], ("CONSULT", "")),
    **dict.fromkeys(["blockade", "curfew", "crackdown", "siege", "ban", "restrictions",
                     "annexation"], ("COERCE", "")),
    **dict.fromkeys(["sanctions", "embargo", "tariffs", "tariff", "surtax", "levy"],
                    ("SANCTION", "economic")),
    **dict.fromkeys(["suspension", "closure", "expulsion"], ("SANCTION", "")),
    "cleansing": ("ASSAULT", ""),
    **dict.fromkeys(["patrol", "patrols", "alert", "mobilization", "mobilisation", "reinforcements"],
                    ("MOBILIZE", "troops")),
    **dict.fromkeys(["exercises", "drills", "maneuvers", "manoeuvres"], ("MOBILIZE", "exercises")),
    **dict.fromkeys(["aid", "assistance", "supplies", "package", "loan", "grant"], ("AID", "")),
}
# curbs on trade are economic sanctions (CAMEO 163), as the annotators code them when a side
# announces, introduces or raises them: a curb noun whose compound names trade ("export
# controls", "trade barriers", "export licensing policies", "import restrictions"), and a
# verb that curbs what trade it takes as object ("restricted exports of steel to", "will
# constrict chip exports"); "controls" or "barriers" alone name no sanction
TRADE_WORDS = frozenset({"export", "import", "trade"})
TRADE_CURBS = frozenset({"control", "barrier", "restriction", "curb", "ban", "licensing",
                         "licence", "license", "quota", "limit"})
CURBING_VERBS = frozenset({"restrict", "constrict", "curb", "limit", "throttle"})
# verbs that add or lay on a sanction, light verbs of sanctions only ("raised tariffs on",
# "increased the export curbs", "slapped a surtax on", "levying a duty"): what else they raise
# or slap is a feeling, a number or a hand ("raised fears of an invasion", "increased aid") and
# no act of theirs
SANCTION_RAISING_VERBS = frozenset({"raise", "increase", "hike", "slap", "levy"})
TRADED = TRADE_WORDS | {"shipment", "sale"}
# a stance against another that a side expresses or voices, as the annotators code it:
# "expressed deep concern over Lima's support for the rebels" (disapproval, CAMEO 11), "voiced
# opposition to the pipeline" (a rejection, 12); only with these verbs ("the opposition leader",
# "raised concerns that prices ..." name no stance of a side)
EXPRESSED_STANCES: dict[str, tuple[str, str]] = {
    "concern": ("ACCUSE", ""), "opposition": ("REJECT", "")}
EXPRESSING_VERBS = frozenset({"express", "voice", "convey", "reiterate", "reaffirm"})
# a side that raises a concern or the alarm states it ("the Chilean side raised concerns about
# ...", "the UN raised the alarm over ..."); a thing or an act that raises concerns ("the advance
# raised concerns that the city could fall", "Peru's new law raised concerns") states nothing
RAISED_STANCES: dict[str, tuple[str, str]] = {
    "concern": ("ACCUSE", ""), "alarm": ("ACCUSE", "")}
# leaving an agreement, or one's part in it, rejects it (CAMEO 12), as the annotators code it:
# "withdrew from the grain deal", "pulled out of the accord", "suspended its participation in
# the treaty", "halted its role as mediator" (a verb of `LEAVING_VERBS` with an agreement after
# "from" or "out of", or one of `STOPPING_VERBS` with a part taken as its object); and so does
# ending one ("terminated the extradition treaty", "is ending a defence agreement with",
# "renounced the military accord", "cancelled the submarine contract": `ENDING_VERBS` with an
# agreement as object) or the noun of leaving one ("its withdrawal from the treaty":
# `LEAVING_NOUNS`). Suspending a treaty stays a sanction (CAMEO 16), as group O codes it.
# agreeing on a sanction imposes it: "the bloc agreed on a fresh sanctions round against"
AGREEING_VERBS = frozenset({"agree", "consent"})
AGREEMENTS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "initiative",
                        "arrangement", "convention", "framework", "protocol"})
PARTS_TAKEN = frozenset({"participation", "membership", "role", "involvement"})
LEAVING_VERBS = frozenset({"withdraw", "pull", "exit", "quit"})
LEAVING_NOUNS = frozenset({"withdrawal", "exit", "pullout", "departure"})
STOPPING_VERBS = frozenset({"suspend", "halt", "freeze", "end"})
ENDING_VERBS = frozenset({"end", "terminate", "scrap", "abandon", "renounce", "cancel", "annul",
                          "abrogate", "revoke", "rescind"})
ENDED_AGREEMENTS = AGREEMENTS | {"contract"}
# what reversing a light-verb event gives: "lifted the curfew" concedes, "ended talks" sanctions
# easing a curfew, sanctions or a blockade is RETREAT in the published crosswalk (0813, 085)
REVERSED = {"COERCE": ("RETREAT", ""), "SANCTION": ("RETREAT", ""),
            "PROTEST": ("CONCEDE", "policy"), "CONSULT": ("SANCTION", ""),
            "SUPPORT": ("SANCTION", ""), "AID": ("SANCTION", ""), "ASSAULT": ("RETREAT", "withdraw"),
            "THREATEN": ("RETREAT", "withdraw"), "RETREAT": ("ASSAULT", ""),
            "AGREE": ("SANCTION", ""), "COOPERATE": ("SANCTION", "")}
# easing restrictions on freedoms or a ban is CONCEDE (CAMEO 0811, 0812), unlike a curfew
LIFTED_FREEDOMS = {"restrictions", "restriction", "ban", "censorship", "curbs"}
# what a building, line or bridge suffers is damage to property (CAMEO 1712), not an assault
PROPERTY = {"line", "pipeline", "bridge", "building", "office", "house", "home", "station",
            "tower", "plant", "church", "mosque", "synagogue", "temple", "school", "shop",
            "store", "road", "railway", "track", "depot", "warehouse", "facility", "embassy",
            "consulate", "headquarters", "crop", "field", "farm", "property", "dam"}
# "sent inspectors to Iran to monitor": a mission sent to find out is an investigation
FACT_FINDING = {"investigate", "monitor", "inspect", "probe", "verify", "assess", "examine",
                "observe", "study"}
TRAVEL_VERBS = {"return", "arrive", "travel", "go", "come", "fly", "head", "meet", "gather",
                "assemble"}
ORGANISATIONS = {"agency", "organisation", "organization", "charity", "company", "ngo",
                 "office", "embassy", "consulate"}
RESOURCES = {"troop", "force", "fund", "money", "resource", "soldier", "aid", "billion",
             "million", "personnel", "asset"}
FORCES = {"force", "troop", "army", "soldier", "unit", "tank", "column", "brigade", "battalion",
          "division", "militant", "fighter", "rebel", "marine", "paratrooper"}
# what a navy or an air force sends: "sent warships to the strait"
VESSELS = {"warship", "ship", "vessel", "destroyer", "frigate", "cruiser", "carrier", "submarine",
           "jet", "bomber", "aircraft", "reinforcement", "marine"}
# forces sent for a side are aid to it (CAMEO 074), not a show of force against it: "sent troops
# to fight for Peru", "sending a frigate to assist Peru", "deployed troops at Lima's request"
# (`event_senses._sent_to_help`)
HELPING_VERBS = frozenset({"help", "assist", "aid", "support", "back", "bolster", "defend",
                           "protect"})
FIGHTING_FOR = frozenset({"for", "alongside"})
REQUEST_NOUNS = frozenset({"request", "invitation", "behest"})
# verbs that put forces somewhere when they say where to: "moved thousands of troops to the
# border" (MOBILIZE), unlike "is to move its fighters north of the river" (`event_senses._forces_moved`)
FORCE_MOVING_VERBS = frozenset({"move", "shift", "rush"})
DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into"})
# ground taken by force, told by its gain: forces that advance ("advanced five kilometres in the
# region"), make gains ("the army made gains in the city") or drive a side out or back ("drove the
# rebels out of the town"); a gain made in an election or in relations is no such act
# (`event_senses._ground_taken`)
GAIN_NOUNS = frozenset({"advance", "gain", "inroad"})
DRIVING_VERBS = frozenset({"drive", "push", "force", "chase"})
DRIVEN_WORDS = frozenset({"out", "back"})
# what ships and aircraft enter to show force: "entered its territorial waters" (the parser's
# lemma of "waters" is "water"; "air space" written apart is read whole), and craft that do so
# beside the warships a navy sends
INTRUDED = {"waters", "water", "airspace", "aerospace", "zone", "territory", "sea", "sky"}
INTRUDERS = VESSELS | {"plane", "warplane", "airplane", "helicopter", "boat", "drone"}
# what such craft do to another side's ground, waters or skies: "entered its waters",
# "breached its airspace", "a jet that strayed into Peru" (a crossing is read only into a side)
INTRUDING_VERBS = frozenset({"enter", "intrude", "violate", "cross", "breach", "stray"})
# where forces are sent without going abroad: "sent tanks to its borders", "to the waters near
# Peru" (the parser's lemma of "waters" is "water")
FRONTIERS = {"border", "frontier", "coast", "coastline", "region", "area", "zone", "line",
             "front", "frontline", "waters", "water", "sea", "strait", "gulf", "island", "islands"}
ENVOYS = {"envoy", "delegation", "emissary", "negotiator", "representative", "minister",
          "mediator"}
# those a side speaks or talks with as another side's voice ("spoke with the defence ministers
# of France and Turkey", "had spoken to Peru's foreign minister"): a consultation, where
# "spoke to reporters in Lima" is none
INTERLOCUTORS = frozenset(ENVOYS | {"counterpart", "president", "leader", "chancellor", "premier",
                                    "king", "emir", "prince", "secretary", "official",
                                    "ambassador", "diplomat", "chief", "head"})
RELIEF = {"delivery", "access", "aid", "convoy", "supplies", "supply", "assistance", "food",
          "grain"}
TERRAIN = {"village", "town", "city", "stronghold", "territory", "base", "position", "airport",
           "hill", "region", "area", "post", "outpost", "district", "province", "bridgehead",
           "settlement", "part", "control"}
CAPTIVES = {"hostage", "prisoner", "captive", "detainee", "woman", "man", "child", "soldier",
            "body", "remains", "civilian", "national", "people", "person"}
# "a package of sanctions", "two days of drills": the event is the noun after "of"
SUPPORTIVE = {"support", "aid", "assistance", "relief", "rescue", "bailout"}
AMOUNTS = {"billion", "million", "worth", "tonne", "ton"}
PERMITTING = {"approve", "authorise", "authorize", "allow", "permit", "greenlight"}
CONTAINERS = {"package", "series", "round", "wave", "set", "day", "week", "month", "hour",
              "number", "string", "spate", "flurry", "batch", "list"}
HOSTAGE_WORDS = {"hostage", "hostages", "shield", "shields", "captive", "captives"}
RIOT_OBJECTS = {"stone", "stones", "rock", "rocks", "brick", "bricks", "bottle", "bottles",
                "molotov", "firebomb", "firebombs", "cocktail", "cocktails"}
# acts whose target never places an unnamed actor: "missiles hit Polish territory" is no Polish
# attack, "the communique called Bazoum's detention a hostage-taking" no Nigerien accusation
AIMED_ACTS = frozenset({"ASSAULT", "ACCUSE"})
# an inquiry is aimed only at whom its own words name ("opened an investigation into Peruvian
# officials"), not at a side named in what it looks into or around it (`event_participants._recipients`)
INQUIRIES = frozenset({"investigate", "probe", "investigation", "inquiry"})
# accusations that bring a case rather than say words: placed at home by whom they are brought
# against, as CAMEO places domestic events (`event_participants._legal_action`)
LEGAL_ACTIONS = frozenset({"investigate", "probe", "charge", "sue", "indict", "prosecute",
                           "investigation", "inquiry", "lawsuit", "case", "hearing", "charges"})
# forces put, kept or standing on alert, or raising their readiness ("the army was put on full
# combat readiness", "troops are on high alert", "is maintaining a firm readiness posture"): a
# show of readiness, MOBILIZE (`event_participants.alerted`)
ALERT_NOUNS = frozenset({"alert", "readiness", "vigilance", "preparedness"})
ALERT_RAISING_VERBS = frozenset({"maintain", "raise", "heighten", "increase", "upgrade", "keep",
                                 "step", "boost", "elevate"})
ALERT_VERBS = ALERT_RAISING_VERBS | {"put", "place", "be", "remain", "stay", "go", "bring"}
# passives that describe their subject's stance: "Vietnam is committed to", "Israel is opposed to"
STANCES = {"commit", "oppose", "determine", "prepare", "resolve", "dedicate", "engage", "involve",
           "lock", "embroil"}
# nouns that report what someone said: "issued a reminder that Iraq must cooperate"
STATEMENT_NOUNS = {"reminder", "warning", "statement", "declaration", "message", "letter",
                   "note", "communique", "ultimatum"}
# what a side issues or brings, whose words a participle after it goes on to tell ("a complaint
# lodged by Sudan, alleging aggression", "rulings by the court ordering firms to pay"): the
# participle is the issuer's, not the sentence subject's (`event_participants._issuer_of_described`)
ISSUED_NOUNS = frozenset(STATEMENT_NOUNS | {"announcement", "complaint", "case", "ruling",
                                            "resolution", "order", "decision", "petition",
                                            "motion", "lawsuit", "verdict", "judgment",
                                            "judgement", "report", "request", "letter"})
# nouns that are an event even as a subject: "Palestinian riots continued", "fighting erupted"
EVENT_NOUNS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["riot", "protest", "demonstration", "unrest", "protests", "riots"],
                    ("PROTEST", "")),
    **dict.fromkeys(["clash", "fighting", "battle", "offensive", "invasion", "attack", "raid",
                     "bombing", "shelling"], ("ASSAULT", "")),
    "withdrawal": ("RETREAT", "withdraw"), "blockade": ("COERCE", ""),
    "ceasefire": ("RETREAT", "ceasefire"), "cease-fire": ("RETREAT", "ceasefire"),
    "truce": ("RETREAT", "ceasefire"),
}
# nouns that are an event between the two sides a "between" phrase names, wherever the noun
# stands: "talks between the army and the RSF", "clashes have renewed between Congo and Rwanda"
BETWEEN_NOUNS: dict[str, tuple[str, str]] = {
    **EVENT_NOUNS,
    # lemmas, as the parser gives them ("accusations" -> "accusation"), with the plural forms
    # it sometimes leaves
    **dict.fromkeys(["war", "conflict", "hostilities", "hostility", "skirmish", "skirmishes",
                     "fight", "combat", "firefight", "gunfight"], ("ASSAULT", "")),
    **dict.fromkeys(["talk", "talks", "negotiations", "negotiation", "dialogue", "meeting",
                     "summit", "consultations", "consultation", "discussion", "discussions",
                     "conversation", "conversations"], ("CONSULT", "")),
    "call": ("CONSULT", "phone"),  # "a phone call between the two presidents"
    **dict.fromkeys(["agreement", "deal", "accord", "pact", "treaty"], ("AGREE", "")),
    **dict.fromkeys(["accusations", "accusation", "recriminations", "recrimination"],
                    ("ACCUSE", "")),
}
# subjects that stand for the last two sides named: "both sides accused each other"
PAIRS = {f"{det} {noun}" for det in ("both", "the two") for noun in (
    "sides", "parties", "countries", "nations", "states", "neighbours", "neighbors", "rivals",
    "armies", "governments", "leaders")} | {"both", "the two"}
# "US-made", "Iran-backed": a country that built or backs someone, which places nothing
MAKERS = frozenset({"made", "built", "designed", "supplied", "produced", "manufactured"})
BACKERS = frozenset({"backed", "funded", "sponsored", "supported", "aligned", "allied"})
# the state a ship is registered in is no side: "the Liberian-flagged tanker"
FLAGS = frozenset({"flagged", "registered"})
# verbs whose clause is contested: what it says happened is an accusation, not a fact
CLAIM_VERBS = frozenset({"claim", "allege"})
# verbs whose objects an act named as their subject, or carrying them as a participle, hit:
# "Israel's strikes destroyed Hezbollah positions", "attacks aimed at Iranian positions"
# (`event_participants._struck_by_its_verb`)
STRIKING_VERBS = frozenset({"hit", "strike", "target", "damage", "destroy", "kill", "wound",
                            "injure", "pound", "aim", "direct", "level", "flatten", "devastate",
                            "rock", "slam"})
# what an accusation, an allegation or a claim says was done is alleged, not told as done ("denied
# allegations that it is giving support to ...", "follow accusations that Israel caused pagers to
# explode", "denied the charge that drones were theirs")
ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "claim", "suspicion", "rumour",
                              "rumor"})
# a denial names no side when it denies only what was said ("Kyiv denied the claim", "denied any
# involvement in the attack", "dismissed that as baseless", "refuted this account"): it answers
# whoever said it (`statement_events._answering`). Verbs that deny a clause ("denied it was a
# spy device"), and all of them what is said (`DENIED_WORDS`); not a request or an offer they
# refuse ("denied the request", "rejected the proposal")
DENYING_VERBS = frozenset({"deny", "refute", "rebut"})
DISMISSING_VERBS = frozenset({"reject", "dismiss", "repudiate"})
DENIED_WORDS = ALLEGATION_NOUNS | {"account", "report", "version", "charge", "assertion",
                                   "statement", "involvement", "responsibility", "role", "that",
                                   "this", "it"}
# what someone believes or suspects happened is not yet told as a fact
BELIEF_VERBS = frozenset({"believe", "think", "suspect", "suppose", "assume", "speculate"})
# what a place "comes under" from an attacker: "came under air attack from Russian forces"
UNDER_FIRE = frozenset({"attack", "fire", "shelling", "bombardment", "assault", "strike",
                        "strikes", "bombing", "rocket", "missile", "drone"})
# sectors of a group that fights or defies the state of its own country: the other side of a
# conflict at home ("rebels attacked government forces", "police dispersed the opposition")
CIVIL_WAR_SIDES = frozenset({"REB", "OPP"})
# a report names another state at least this share as often as its own country: it tells a
# war between states, whose forces do not fight at home
FOREIGN_SHARE = 0.25
# plural subjects that name several states, none of them where the sentence is
COLLECTIVES = {"government", "nation", "country", "state", "power", "side", "party", "ally",
               "partner", "neighbour", "neighbor", "member"}
# words for many states besides the plurals of `COLLECTIVES` ("called on the world to ...", "urged
# the international community to ...", "urges all signatories to ...", "accused the West of
# ..."): a request or a reproach addressed to them names nobody it is aimed at
# (`event_participants._addresses_many_states`)
MANY_STATES = frozenset({"world", "community", "signatory", "west"})
# objects that make an act mutual: "Israel and Hamas accused each other"
RECIPROCALS = {"each other", "one another", "the other"}
RECIPROCAL_VERBS = frozenset({"disengage", "trade", "exchange"})
# what two sides named together do to each other as one exchange ("Israel and Hezbollah exchanged
# fire"): coded once, the side named first acting, as a clash is (the real-text gold of groups E
# to J); what each says of the other ("accused each other") and what each gives or leaves the
# other ("exchanged prisoners", "disengaged") stay each side's own
ONE_EXCHANGE = frozenset({"ASSAULT"})
# verbs of harm that tell what was done more often than who did it ("was damaged in the
# attack", "a tsunami destroyed the plant"): an event only when a side is their subject
WRECKING_VERBS = frozenset({"destroy", "damage"})
# verbs of wanting: what one side wants another to do is a request of it ("wants China to stop")
DESIRE_VERBS = frozenset({"want", "wish"})
# a hope voiced of another side's act ("hoped Manila would refrain from", "we hope that the
# Saudi leadership will reconsider") asks it of that side (REQUEST), as a wish does; a hope
# of what no side does ("hopes the talks will succeed") asks nothing
HOPING_VERBS = frozenset({"hope"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "can", "could"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PLACE_PREPS = {"in", "near", "at", "outside", "around", "inside"}
# where or when something is told to have happened: "urged him in their phone call"
SETTING_PREPS = PLACE_PREPS | {"during"}
MISSIONS = {"peacekeeper", "inspector", "observer", "monitor", "diplomat", "ambassador", "envoy",
            "mission", "staff", "worker", "personnel", "attaché", "attache"}
# telling an envoy or a mission to go is expelling it (CAMEO 166), as the annotators code it,
# whatever verb tells it: "gave the ambassador 72 hours to leave", "asked the envoy to leave
# within two days", "ordered the consulate to shut down", "demanded that Lima withdraw its
# diplomats" (a verb of `TELLING_VERBS` whose clause is one of `DEPARTING_VERBS`, told of one of
# `POSTED_ABROAD`); calling one's own envoy home or "for consultations" recalls them
TELLING_VERBS = frozenset({"order", "ask", "tell", "demand", "instruct", "give", "request",
                           "direct"})
DEPARTING_VERBS = frozenset({"leave", "depart", "withdraw", "quit", "vacate", "exit", "close",
                             "shut"})
# the envoys, missions and seats an expulsion sends home, as the event and red-line coders share
# them (each adds the words its own cases need: `POSTED_ABROAD`, `red_line_lexicon.EXPELLED`)
DIPLOMATIC_POSTS = frozenset(MISSIONS | {"embassy", "consulate"})
POSTED_ABROAD = DIPLOMATIC_POSTS | {"representative", "legation"}
RECALLED_WORDS = frozenset({"back", "home", "consultation", "consultations"})
# a travel warning, or a side's people told to keep away from another country, is a sanction of
# it, as the annotators code it ("issued a travel warning over Peru", "urged its citizens to
# avoid visiting Peru", "called on students to reconsider studying in Peru")
TRAVEL_NOTICES = frozenset({"warning", "advisory", "alert"})
OWN_PEOPLE = frozenset({"citizen", "national", "tourist", "traveller", "traveler", "student",
                        "resident"})
# a deadline set for another side to act is an ultimatum, as time given is ("set a deadline for
# Lima to withdraw"; `event_senses._deadline_for_a_side`)
DEADLINE_SETTING_VERBS = frozenset({"set", "impose", "issue", "announce", "fix"})
KEEPING_AWAY_VERBS = frozenset({"avoid", "reconsider", "refrain", "postpone", "cancel"})
# besides the verbs of asking, those that counsel the people told ("advised its citizens to
# refrain from ...", "instructed its nationals to avoid ...", "warned its citizens to avoid ...",
# "recommended that citizens refrain from ...")
ADVISING_VERBS = frozenset({"advise", "instruct", "recommend", "warn", "caution", "tell"})
SUPPRESSING_VERBS = {"disperse", "prevent", "ban", "block", "break", "crush", "suppress", "stop"}
KNOWN_VERBS = set(VERB_TRIGGERS) | LIGHT_VERBS | REVERSING_VERBS | YIELDING_VERBS | \
    SUPPRESSING_VERBS | HOPING_VERBS  # the tagger lemmatizes "hoped" as "hop"
PROTESTERS = {"demonstrator", "protester", "protestor", "student", "worker", "crowd", "rioter",
              "marcher", "activist", "striker", "villager", "resident", "supporter"}
# nouns that are an event wherever they stand once a side is named as their agent: "Russia's
# attack", "the Hamas attack of 7 October", "exercises by Seoul and Washington"
NOUN_TRIGGERS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["attack", "strike", "airstrike", "offensive", "counteroffensive",
                     "counter-offensive", "invasion", "incursion", "bombardment", "shelling",
                     "raid", "assault", "bombing", "onslaught"], ("ASSAULT", "")),
    "permission": ("CONCEDE", "policy"),
    "threat": ("THREATEN", ""), "ultimatum": ("THREATEN", ""), "sanction": ("SANCTION", ""),
    "demand": ("REQUEST", ""), "call": ("REQUEST", ""), "appeal": ("REQUEST", ""),
    "deployment": ("MOBILIZE", "troops"), "mobilisation": ("MOBILIZE", "troops"),
    "mobilization": ("MOBILIZE", "troops"), "exercise": ("MOBILIZE", "exercises"),
    "drill": ("MOBILIZE", "exercises"), "talk": ("CONSULT", ""), "meeting": ("CONSULT", ""),
    "visit": ("CONSULT", "visit"), "coup": ("COERCE", ""), "detention": ("COERCE", ""),
    "blockade": ("COERCE", ""), "crackdown": ("COERCE", ""),
    "withdrawal": ("RETREAT", "withdraw"), "pullout": ("RETREAT", "withdraw"),
    "accusation": ("ACCUSE", ""), "condemnation": ("ACCUSE", ""),
}
MISSILE_WORDS = {"missile", "missiles", "atacms", "ballistic", "rocket", "rockets", "oreshnik",
                 "shadow", "scalp", "icbm", "irbm"}
WEAPON_WORDS = MISSILE_WORDS | {"weapons", "weapon", "mines", "tanks", "jets", "drones",
                                "systems", "artillery", "ammunition", "arms"}
AERIAL_WORDS = {"drone", "drones", "aircraft", "air", "jets", "bombers"}
# where a missile fired at no one comes down ("into the sea", "off its east coast"), and words
# that call a launch a test: a show of force (PLOVER MOBILIZE), not an attack
OPEN_WATERS = frozenset({"sea", "waters", "water", "ocean", "coast"})
TEST_WORDS = frozenset({"test", "tests", "drill", "drills"})
# a weapon tried out: "tested a new cruise missile", "carried out a test launch of a rocket",
# "announced tests of its underwater drone", "conducted a nuclear test": a show of force (PLOVER
# MOBILIZE, as test-firing), told by the weapon the verb's object or the test's words name
# (lemmas; "tested the waters" or "a test of resolve" is no such act)
TESTING_WORDS = frozenset({"test", "testing"})
TESTED_WEAPONS = frozenset({"missile", "rocket", "weapon", "drone", "torpedo", "warhead", "bomb",
                            "icbm", "irbm", "ballistic", "nuclear", "hypersonic", "interceptor"})
# targets no sentence places in a country: a ship and the open sea ("shelled a fishing boat in
# the open ocean", "sent warships to the Caribbean"); whatever place the sentence names, they
# are not there (a ship's side is named, "a Filipino boat", or left unknown)
AT_SEA = OPEN_WATERS | frozenset({
    "ship", "vessel", "boat", "tanker", "freighter", "ferry", "trawler", "warship", "destroyer",
    "frigate", "cruiser", "carrier", "submarine", "strait", "gulf", "caribbean", "mediterranean",
    "pacific", "atlantic"})
NUCLEAR_WORDS = {"nuclear", "atomic"}
MODALS = {"would", "could", "might", "may", "should", "will", "can", "shall"}
# the modals of an act said to follow on a condition ("will strike if", "could strike if", "can
# start talks if"): a threat or an offer (`event_modality._conditional_future`)
CONDITIONAL_MODALS = frozenset({"will", "'ll", "would", "may", "might", "could", "can"})
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
# force used on sides named together is one operation, not one act aimed at each ("missiles
# fired at US and coalition forces", "drills with Japan and South Korea"): unlike a recall, a
# summons or a demand, it is not split by its coordinated targets (`events.EventCoder`)
ONE_OPERATION = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# a possessive or reflexive pronoun in what the clause's subject does is the subject's own
# ("withdraw its forces", "deny its responsibility", "defend itself", "suspended its route"):
# no recipient. Persons' pronouns only where the subject names a person. Not in acts done to
# what another owns or to another's conduct ("bombed its territory", "entered its waters",
# "protested her remarks"), nor where the noun names another by its relation to the owner
# ("urging its northern neighbour", "met his Chinese counterpart")
BOUND_PRONOUNS = frozenset({"its", "itself", "their", "theirs", "themselves"})
PERSONS_BOUND_PRONOUNS = frozenset({"his", "her", "himself", "herself"})
AIMED_AT_OWNER = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "ACCUSE", "PROTEST"})
RELATION_NOUNS = frozenset({"neighbor", "neighbour", "counterpart", "ally", "rival", "enemy",
                            "foe", "adversary", "ruler", "partner", "host", "patron"})
# events held at a venue, which names no side of them: talks, deals, joint work
HELD_SOMEWHERE = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
# words whose place phrase is a venue ("talks in Doha", "met in Paris", "an agreement reached in
# Cairo"): where sides meet or settle names none of them
VENUE_WORDS = frozenset({"meet", "meeting", "talk", "talks", "summit", "conference", "negotiate",
                         "negotiation", "negotiations", "discuss", "discussion", "dialogue",
                         "consultation", "agreement", "deal", "accord", "treaty"})
# go-betweens: whoever mediates, brokers, hosts or convenes talks or a deal between sides is
# none of them ("a truce brokered by Egypt", "talks mediated by Qatar and the US"), unlike a
# side's backer ("criminals sponsored by Serbia")
MEDIATING_VERBS = frozenset({"mediate", "broker", "host", "organize", "organise", "facilitate",
                             "convene"})
# verbs that take a case to a forum ("take the matter to the WTO", "refer the case to the
# court"), which hears it and is no side of it
FORUM_VERBS = frozenset({"take", "bring", "refer", "go", "turn", "submit", "escalate"})
# fighting that takes two: each side assaults the other
MUTUAL_FIGHTS = {"clash", "fight", "fighting", "skirmish", "hostility", "hostilities", "exchange",
                 "trade",
                 "conflict", "war", "battle", "combat", "firefight", "gunfight", "engagement"}
MUTUAL = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "ASSAULT"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# forces whose deployment is announced ("will deploy more jets to the region", "will send a
# stabilisation force to deter ...") are a deployment to come, as the annotators code it, not a
# threat told as made (a sanction announced stays a threat: the annotators code many as one, and
# aid promised stays PLOVER's AGREE: the groups split on it)
MATERIAL_ACTS = frozenset({"MOBILIZE"})
INTENT_VERBS = {"plan", "threaten", "intend", "consider", "want", "seek", "prepare", "vow",
                "warn", "hope", "propose", "aim", "resist", "weigh", "decide", "debate", "ask",
                "urge", "press", "need", "invite", "demand", "appeal", "exhort", "implore",
                "call", "promise", "pledge", "swear",
                # asking or obliging another to act: "pleading with its allies to let it fire",
                # "a duty which required him to condemn", "a bill mandating the government to
                # suspend": what is asked or laid down is not yet done
                "plead", "beg", "petition", "lobby", "pressure", "pressurise", "pressurize",
                "require", "mandate"}
# an act offered ("is ready to talk", "willing to negotiate"), not planned
OFFERING_WORDS = frozenset({"ready", "willing", "prepared"})
# a visit announced ("will visit Albania in June") is PLOVER's stated intent to meet (CAMEO 036,
# AGREE), as its gold codes it; talks or a meeting announced are a consultation to come
VISITS = frozenset({"visit"})
# a decision told as taken ("has decided to recall its envoy", "made a decision to ask for
# help"): the act decided is done, as the annotators code it, unlike a plan or an intent
DECIDING = frozenset({"decide", "decision"})
# promises whose content decides the act: "pledged to rebuild" agrees, "promised to retaliate"
# threatens
PLEDGES = {"promise", "pledge", "vow", "swear", "commit", "undertake"}
# what a pledge to hit back promises ("promised revenge", "pledged to take countermeasures",
# "we promise that we will take revenge"): the pledge threatens (`event_senses._pledged_blow`)
REQUITALS = frozenset({"revenge", "vengeance", "retaliation", "reprisal", "countermeasure",
                       "counter-measure"})
# what a warning "of" promises when it threatens ("warned Tehran of serious consequences",
# "warning of a forceful response to any violation"), unlike a warning of what others may do
# ("warned of an attack", "warned of a famine") (`event_senses._warns_of_consequence`)
WARNED_REQUITALS = REQUITALS | {"consequence", "repercussion", "response"}
# "a possible attack", "the planned drills": an event not (yet) a fact
PROSPECTIVE_MODIFIERS = {"possible", "potential", "likely", "expected", "feared", "planned",
                         "proposed", "threatened", "imminent", "future", "prospective",
                         "anticipated", "impending", "looming", "hypothetical", "alleged",
                         "suspected", "rumoured", "rumored", "unconfirmed"}
# nouns whose "to" clause has not happened: "a bid to join", "an offer to mediate", "an
# invitation for Lima to join"
PROSPECTS = {"bid", "plan", "proposal", "offer", "attempt", "effort", "push", "call", "request",
             "invitation", "demand", "threat", "promise", "pledge", "readiness", "willingness",
             "intention", "intent", "desire", "aim", "ambition", "hope", "option", "idea",
             "suggestion",
             "authorisation", "authorization", "approval", "go-ahead", "permission", "consent",
             "mandate", "licence", "license", "agreement", "deal", "decision", "order", "right"}
# nouns whose "of" phrase names what may yet happen, not what did: "the possibility of an
# attack", "the risk of widening the war", "the prospect of talks"
POSSIBILITIES = frozenset({"possibility", "prospect", "risk", "danger", "likelihood", "chance",
                           "spectre", "specter", "eventuality"})
# what the phrase of a charge names is alleged, not told as done: "accused Lima of arming the
# rebels", "blamed Lima for shelling the border", "criticised them for selling rifles to ..."
CHARGED_IN = {
    "of": frozenset({"accuse", "charge", "suspect", "convict", "acquit", "guilty", "innocent"}),
    "for": frozenset({"blame", "criticise", "criticize", "condemn", "denounce", "fault", "slam",
                      "rebuke", "castigate", "chide", "reproach", "censure", "berate", "lambast",
                      "lambaste", "scold"}),
}
# what someone is allowed to do, or is likely to do, has not happened yet
ENABLING_WORDS = {"let", "allow", "permit", "authorise", "authorize", "permission", "likely",
                  "unlikely", "expect", "poise", "due", "schedule", "demand"}
NEGATING_VERBS = {"deny", "refuse", "decline", "fail"}
# what a side declines or refuses to tell ("declined to comment", "refused to say how ...",
# "declined to describe the meeting as a breakthrough"): keeping silent, which rejects no one
# (no group codes it; "refused to recognise", "declined to sign" still reject)
SILENT_ON_VERBS = frozenset({"comment", "say", "describe", "confirm", "elaborate", "specify",
                             "disclose", "reveal", "speculate", "identify", "answer"})
# verbs that charge their object with what their "of" phrase names ("accused Lima of arming
# the rebels", "suspected the crew of spying")
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect", "convict"})
# verbs whose object is what is talked about, not with whom: "discussed the chance of Lima
# renewing the deal" names no partner (the partner is named with "with": "discussed the border
# with his Peruvian counterpart")
TOPIC_VERBS = frozenset({"discuss", "debate"})
# verbs of taking part in an act their "in" phrase names: a side that "has not joined its
# neighbours in sanctioning Lima", "is not engaged in a conflict with Lima" or "was never involved
# in the attack" tells the act as not done by it, as when its own verb is negated (a negated
# verb of another kind keeps what its phrase names: "did not comment on the strike")
PARTAKING_VERBS = frozenset({"engage", "join", "participate", "involve", "partake"})
# verbs that call off the act their object names: "suspended the talks", "the visit was
# postponed" tell no talks and no visit (the calling off is an event of its own)
CALLING_OFF_VERBS = frozenset({"suspend", "postpone", "cancel", "halt", "freeze", "shelve",
                               "delay", "scrap", "abandon"})
OBJECT_PREPS = {"at", "on", "against", "to", "into", "with", "in", "for", "from", "toward",
                "towards", "over"}
CLAUSE_DEPS = {"appos", "relcl", "acl", "advcl", "npadvmod", "ccomp", "parataxis"}
# where forces are stationed or arrive ("stationed jets in Belarus", "a submarine arrived at a
# Korean port") hosts them: the host is no target, unlike a place told by whom it faces ("in
# regions near Russia", "at the border with Bolivia", "at the Bolivian border"); groups O to T
# code such a deployment with no recipient
HOST_PREPS = frozenset({"in", "at", "inside", "within"})
BORDERS = frozenset({"border", "borders", "frontier", "boundary"})
# periods counted from the report's day that date the clause they hang on ("last year")
RELATIVE_PERIODS = frozenset({"year", "month", "week"})
# where a clause's verb holds the act a noun names: "followed a crackdown", "a strike was made"
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})
SPEECH_VERBS = {"say", "tell", "add", "write", "state", "announce", "report", "claim",
                "declare", "confirm"}
# verbs whose subject is the source of what the clause under them says
REPORTING_VERBS = SPEECH_VERBS | {"insist", "demand", "urge", "warn", "conclude", "remind", "admit",
                                  "reiterate", "acknowledge"}
# statement types a stated intent leaves as they are
STATEMENTS = {"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"}
# what a state does to its own people, where an unnamed target is placed even by the words that
# name the actor ("Iranian police dispersed protesters", "Mali's junta banned the parties"); any
# other act is aimed elsewhere
DOMESTIC = frozenset({"COERCE", "SANCTION", "PROTEST"})
# sides the knowledge base knows that PLOVER codes as no one: a bloc of states that is no
# organisation ("accused the West", "warned Western capitals"; the real-text gold of groups O to
# T gives it no code). Named as the target, it leaves the event with none, rather than lending
# the place to a side named elsewhere in the sentence (`events.EventCoder`)
UNCODED_BLOCS = frozenset({"the West"})
# reactions aimed at an event the report has told ("condemned the attack"), within this reach
REACTIONS = {"ACCUSE", "PROTEST", "REJECT", "SUPPORT", "THREATEN"}
# nouns that refer back to whatever force or show of force was told just before ("condemned the
# act", "protested the launch"): no type of their own
TOLD_ACT_NOUNS = frozenset({"act", "action", "move", "launch", "test", "provocation",
                            "incident", "firing"})
DEFINITE = {"the", "this", "that", "these", "those"}
# nouns that rename the act their sentence has just told, set off after it ("Chile expelled two
# envoys, a move Lima denounced", "... in an incident the army condemned as reckless"): a
# reaction told on them is aimed at whoever made that act
RENAMING_NOUNS = frozenset({"move", "decision", "step", "act", "action", "measure", "incident",
                            "claim", "accusation", "allegation", "charge"})
# what sets a renaming noun off from the clause it renames
RENAMING_MARKS = frozenset({",", "-", "–", "—", "in"})
BACK_REFERENCE_CHARS = 1500
# objects that are no target to place: "allowed such strikes", "defended a policy", "launched
# one of its attacks" (the actor's own words say nothing of where the target is)
UNPLACED = WEAPON_WORDS | {"strike", "strikes", "attack", "attacks", "one", "policy", "plan", "idea",
                           "decision", "proposal", "position", "stance", "approach", "strategy",
                           "move", "step", "issue", "matter", "question", "report", "reports",
                           "claim", "claims", "statement", "remark", "remarks", "message",
                           "hour", "hours", "day", "days", "week", "weeks", "month", "months",
                           "year", "years", "decade", "decades", "time",
                           # what the actor holds, answers with or is in, not whom it is aimed
                           # at: "convened a security meeting", "vowed retaliation", "raised
                           # tensions", "labelled the incidents", "the situation"
                           "meeting", "meetings", "deliberation", "deliberations", "discussion",
                           "discussions", "engagement", "retaliation", "tension", "tensions",
                           "situation", "incident", "incidents", "urgency",
                           # an inquiry the actor opens is its own act: "launched a sabotage
                           # investigation"
                           "investigation", "investigations", "inquiry", "inquiries", "probe"}
# words of a time, not a side, and not the topic a preposition may name ("made comments on
# Monday")
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "morning", "afternoon", "evening", "night", "weekend",
                        "today", "tonight", "yesterday", "january", "february", "march",
                        "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.",
                        "dec.", "day", "days", "week", "weeks", "month", "months", "year",
                        "years"})
# what a "for" phrase names when it tells how long or how often, not why ("attacked the town for
# the second time", "for three days")
SPANS_OF_TIME = TIME_WORDS | {"time", "times", "hour", "hours", "minute", "minutes"}
# firms: a company acts for no state, whatever country its name or seat carries ("Peru Airways
# suspended its flights", "the crash of a Peru Airways plane", "the trawler's owner, a
# Bolivia-based firm"); the annotators code no firm's act
FIRMS = frozenset({"airline", "airlines", "airways", "company", "firm", "corporation",
                   "conglomerate", "shipowner", "owner", "insurer"})
# the links that join the words of a name, or a name and what it describes ("the Bolivia-based
# Andina Marine", "the owner, Andina Marine")
NAME_LINKS = frozenset({"compound", "amod", "nmod", "npadvmod", "appos"})
# acts that stand as the subject of a verb without a maker ("The new levies further bar ...", "The
# expulsion follows ...", "measures to strengthen ..."): the verb tells what the act did, and
# nobody is named doing it; an attack so told ("Explosions targeting radios killed ...") is one
# whose maker is unknown, which the places of its sentence do not lend theirs (a fight, which
# takes two, is where it is fought: "the fighting spread to the capital")
ACTS_NAMING_NOBODY = frozenset(NOUN_TRIGGERS) | frozenset({
    "explosion", "blast", "measure", "expulsion", "ban", "embargo", "restriction"})
# heads of a subject that names nobody who could act: an act or a time ("The attack came despite
# ...", "Monday's raid wounded ..."); the places of its sentence lend it no country. A document
# ("the proposals call for") still stands for whoever wrote it; numbers are told by the parser.
# "March" and "May" are also a protest and a name.
NO_AGENT_HEADS = frozenset({"strike", "attack", "decision", "move", "step", "plan", "issue",
                            "matter", "question", "time", "hour", "decade"}) | (
    TIME_WORDS - {"march", "may"})
# what air defences bring down: intercepting them attacks no one
INCOMING = MISSILE_WORDS | {"drone", "drones", "projectiles", "shells", "warheads", "munitions"}
QUANTIFIERS = {"most", "all", "many", "some", "none", "majority", "nearly", "part", "dozens"}
# prepositions that place a nominal event before the one the sentence reports, and nouns that
# answer one ("in retaliation for Iran's attack")
BACKGROUND_PREPS = {"after", "since", "following", "before", "despite", "amid"}
# of those, the ones that tell an event still going on ("amid the Russian invasion"): it is
# coded, though not as the sentence's own
CONCURRENT_PREPS = frozenset({"amid"})
RESPONSES = {"response", "retaliation", "reply", "answer", "revenge", "reaction"}
# words of a threat that answers a blow ("will retaliate", "vowed revenge", "a harsh response"):
# a threat that says them and names no target is aimed at whoever last struck the threatener,
# in an earlier sentence too (`statement_events._retaliating`)
RETALIATION_PATTERN = (r"\b(?:retaliat\w*|respond|response|revenge|aveng\w*|reprisals?"
                       r"|(?:strike|hit) back)\b")
# what a side does to another that a threat of retaliation answers
BLOWS = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# verbs whose subject event is going on: "protests spread", "fighting continued"
ONGOING = {"spread", "erupt", "continue", "escalate", "rage", "intensify", "resume", "flare",
           "break", "grow", "persist", "begin", "start", "enter", "hold"}
# "the ceasefire took effect", "the truce went into force": an event that begins
IN_FORCE = {"effect", "force"}
# what a government withdraws to give way: "withdrew the bill"
MEASURES = {"bill", "law", "legislation", "proposal", "plan", "decree", "reform", "draft",
            "amendment", "candidacy", "tax"}
# named weapon systems: two reports naming different ones tell of different strikes
WEAPON_SYSTEMS = frozenset({"atacms", "storm shadow", "scalp", "oreshnik", "kinzhal", "iskander",
                            "kalibr", "tomahawk", "himars", "shahed", "taurus", "kh-101", "zircon",
                            "fattah", "emad", "kheibar", "jericho", "sejjil", "hwasong"})


# words that call what was said untrue ("the reports are false", "baseless claims", "not in line
# with the facts"): a statement saying them rejects the claim, and where it names no side it
# answers whoever made it, as a denial does (`statement_events._answering`)
FALSITY_PATTERNS = (
    r"\bbaseless\b", r"\bgroundless\b", r"\bunfounded\b", r"\bfabricat", r"\bnonsense\b",
    r"\b(?:is|are|was|were) (?:\w+ )?(?:false|untrue)\b",
    r"\bnot (?:true|in line with the facts)\b", r"\bgossip\b")
# What a statement does, read from its words when its verb is neutral ("said", "told"): the
# speaker's act, in this order of precedence. Patterns are regular expressions over the
# statement's content, matched without regard to case.
STATEMENT_ACTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("THREATEN", (
        r"\bpay (?:an? |the )?(?:\w+ )?(?:heavy |high |unprecedented |dear )?price\b",
        r"\bpay dearly\b", r"\bwill (?:respond|retaliate|strike back|hit back)\b",
        r"\bwould (?:respond|retaliate|strike back|hit back)\b",
        # a retaliation to come ("would be met with retaliation", "vowed retaliation",
        # "retaliation will follow"), not one told as made ("ordered a retaliatory strike",
        # "in retaliation for", "the attacks were retaliatory measures")
        r"\b(?:will|would|shall|to) (?:\w+ ){0,3}retaliat",
        (r"\b(?:vow|threat|warn|promis|pledg|risk|invit|fac(?:e|es|ing)\b|met with)\w* "
         r"(?:\w+ ){0,3}retaliat"), r"\bretaliat\w* (?:\w+ ){0,2}(?:will|would)\b",
        r"\b(?:face|suffer) (?:the )?(?:severe |serious |grave )?consequences\b",
        # consequences or a response in store for another's act ("the decision would have
        # consequences", "must expect consequences", "will be met with a fitting response",
        # "knows it will receive a response")
        (r"\b(?:will|would|shall|must|to) (?:\w+ ){0,2}(?:have|expect|bear) (?:\w+ ){0,2}"
         r"consequences\b"),
        r"\bmet with (?:an? |the )?(?:\w+ ){0,3}(?:response|reaction)s?\b",
        (r"\b(?:will|would|shall) (?:\w+ ){0,2}(?:receive|get|face) (?:an? |the )?(?:\w+ ){0,2}"
         r"response\b"),
        # revenge to come ("will take our revenge", "would exact its revenge", "revenge awaits
        # the criminals"), not a revenge told as another's motive ("want to take revenge")
        (r"\b(?:will|would|shall|vow\w*|promis\w*|pledg\w*|swear\w*|swore) (?:\w+ ){0,2}"
         r"(?:take|exact|wreak) (?:\w+ ){0,2}(?:revenge|vengeance)\b"),
        r"\b(?:revenge|vengeance) (?:\w+ ){0,2}awaits?\b",
        r"\bnot go unanswered\b", r"\bwill not (?:tolerate|stand idly)\b",
        r"\bact against\b", r"\bpainful blows?\b", r"\bcrushing (?:blow|response)\b",
        r"\bdecisive(?:ly)? (?:respon|action)", r"\boverwhelming(?:ly)? (?:respon|force)",
        r"\bplaying with fire\b", r"\bteach \w+ a lesson\b", r"\ball options\b",
        r"\bwipe (?:\w+ )?(?:out|off)\b",
        r"\b(?:held|hold \w+) (?:fully |directly |personally )?(?:responsible|accountable)\b",
        r"\bhold \w+ to account\b", r"\b(?:get|gets|got|getting) away with\b", r"\bor (?:else|we will)\b",
        r"\bwill not (?:allow|permit)\b",
        r"\b(?:will|would) defend (?:itself|ourselves|themselves|our|its|their)\b",
        # force promised to go on or to be taken ("will continue its operations against",
        # "will take all necessary measures", "the war would continue"), and a price with no
        # name ("X is going to pay", "they will pay for this")
        (r"\b(?:will|would|shall|going to) (?:\w+ ){0,2}continue (?:to )?(?:\w+ ){0,3}?"
         r"(?:fight|fighting|strik\w*|attack\w*|operations|action|measures)\b"),
        (r"\b(?:will|would|shall|going to) (?:\w+ ){0,2}take (?:all |every )?(?:\w+ ){0,3}?"
         r"(?:measures|countermeasures|action)\b"),
        r"\bwar (?:will|would) (?:\w+ )?continue\b",
        # a side or what it does named a target to come ("any ship bound for the port is a
        # legitimate target", "troops sent there will become targets"), not a strike's target
        # told as past ("the depot was a legitimate target")
        r"\b(?:is|are|be|become|becomes|remain|remains) (?:\w+ ){0,2}?legitimate (?:military )?targets?\b",
        r"\b(?:will|would|shall) (?:\w+ )?become (?:an? )?(?:\w+ )?targets?\b",
        r"\b(?:will|would|shall) (?:\w+ )?be targeted\b",
        (r"\b(?:will|is going to|are going to) pay(?: for (?:this|that|it))?"
         r"(?=\s*[.,;!\"”’]|$)"))),
    ("ACCUSE", (
        r"\baccus", r"\bblam(?:e|ed|es|ing)\b", r"\bviolat", r"\baggress(?:ion|or|ive)\b",
        r"\bprovocat", r"\bpropaganda\b", r"\b(?:a )?lies?\b", r"\bterroris[tm]",
        r"\bwar crimes?\b", r"\bgenocid", r"\bethnic cleansing\b", r"\batrocit",
        r"\bmassacre", r"\bundermin", r"\bencroach", r"\b(?:illegal|unlawful)\b",
        r"\bdestabili[sz]", r"\bfalsely\b",
        r"\bcondemn", r"\bbreach of\b", r"\bregrettable\b", r"\bcannot be tolerated\b",
        r"\bunjustifi", r"\bresponsible for\b", r"\bfalse narrative\b",
        # a side or its act judged ("the envoy's remarks were not acceptable", "the junta is out
        # of control", "their buildup is a threat to the region"), not a danger that is met
        # ("whenever there is a threat to the convoys")
        r"\b(?:un|not )acceptable\b", r"\bantisemit", r"\bcorrupt\b", r"\bout of control\b",
        r"(?<!there )\b(?:is|are|was|were) (?:an? )?(?:\w+ )?threat to\b")),
    ("REJECT", (
        r"\breject", r"\brefus(?:e|ed|es|al)\b", r"\bden(?:y|ied|ies)\b",
        r"\bwill (?:not|never) (?:accept|agree|negotiate|recogni[sz]e)\b",
        r"\bnot going to (?:go into|negotiate|accept|agree)\b", r"\bno (?:talks|negotiations)\b",
        *FALSITY_PATTERNS)),
    ("REQUEST", (
        r"\bcall(?:s|ed)? (?:on|upon)\b", r"\burg(?:e|ed|es|ing)\b",
        r"\bdemand(?:s|ed)?\b")),  # "must" and "should": the event coder reads obligations
)

# acts a statement does not perform when its words say them as what might be ("the takeover
# could violate the treaty", "any such move would be regarded as a violation"), under one of
# `POSSIBILITY_MODALS`; a threat says what would happen by its nature
HEDGED_ACTS = frozenset({"ACCUSE"})
POSSIBILITY_MODALS = frozenset({"could", "might", "may", "would"})
# nor words of a charge that the statement says are absent ("the absence of any provocation",
# "a lack of aggression", "there were no violations"), nor a verb whose form a charge shares
# in the sense of where something is ("the answer lies in talks"; not "they lie about it"):
# verb lemma -> the prepositions of its charging sense
ABSENCE_NOUNS = frozenset({"absence", "lack"})
VERBS_NO_CHARGE = {"lie": frozenset({"about", "to"})}

# verbs whose object does what follows: "warnings forced Ankara to abandon the operation"
CAUSATIVE_VERBS = frozenset({"force", "compel", "oblige", "prompt", "drive", "cause", "lead"})
# verbs whose object is kept from happening: "to prevent clashes", "averted a war"
PREVENTING_VERBS = frozenset({"prevent", "avert", "avoid", "forestall", "preclude", "deter"})
# what forces are sent, or sides join, to do has not happened yet: "sent warships to the
# Caribbean to fight the cartels", "united the militias to avenge him" (unlike "opened fire to
# disperse the crowd", done by the act itself, or "flew to Beijing to hold talks")
SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "redeploy", "rush", "station",
                           "mobilize", "mobilise", "unite", "form", "create"})
# adverbs that report an act as unconfirmed: "allegedly struck", "reportedly killed"
ALLEGING_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
# adverbs of frequency: the sentence tells what keeps happening, not what happened on a day
HABITUAL_ADVERBS = {"frequently", "regularly", "often", "routinely", "repeatedly", "usually",
                    "habitually", "constantly", "periodically", "sometimes"}

# Event types whose acts add up to a state that stands on the day: "has massed more than 100,000
# troops" is a build-up reported as news, not a tally of acts over time like "have struck
# thousands of targets"
STANDING_TYPES = frozenset({"MOBILIZE"})

# Trigger verbs in their everyday sense, told by the kind of complement they take: asking a
# question ("asked two experts whether Iran would ..."), naming ("what it called a centre for
# research"), acknowledging a fact ("recognized that the process was rushed", "accepted that
# the talks had failed") and showing
# ("demonstrated the group's ability to strike", "to demonstrate to Moscow that ..."). A
# request asks for something, recognition is of a state or government, a demonstration is
# held; these code nothing.
# naming what another did with a word of disapproval is an accusation ("called the deal
# illegal", "described the seizure as an act of aggression", "labelled them terrorists",
# "considers it a violation"); naming it otherwise ("what it called a research centre") codes
# nothing (`event_senses._judgement_event`)
NAMING_VERBS = frozenset({"call", "label", "describe", "brand", "term", "dub", "consider", "deem",
                          "view", "regard", "characterize", "characterise", "see", "qualify"})
DISAPPROVING_WORDS = frozenset({
    "illegal", "illegitimate", "unlawful", "aggression", "aggressive", "provocation",
    "provocative", "violation", "terrorist", "terrorism", "killer", "criminal", "crime", "lie",
    "propaganda", "regrettable", "unacceptable", "irresponsible", "reckless", "hostile", "mutiny",
    "invasion", "occupation", "hostage", "genocide", "massacre", "atrocity", "sabotage",
    "blackmail", "piracy", "counterproductive", "destabilizing", "destabilising", "unprovoked",
    "unjustified", "betrayal", "treason", "interference", "meddling", "outrageous", "barbaric",
    "cowardly", "heinous", "despicable", "shameful", "unfriendly", "escalatory", "fraudulent",
    "war"})
COMPLEMENT_SENSES: dict[str, str] = {
    "ask": "question", "call": "naming", "recognize": "clause", "recognise": "clause",
    "accept": "clause", "demonstrate": "object or clause"}
# words opening a question told as a complement ("asked whether", "asked what happened")
QUESTION_WORDS = frozenset({"whether", "if", "what", "why", "how", "when", "where", "who",
                            "which"})
# question words that, opening a clause of time or place on the verb itself, ask nothing ("will
# ask for talks when the leaders meet", "asked about it where they met")
ADVERBIAL_WORDS = frozenset({"when", "where"})
# what may lie between the verb and such a clause ("asked experts on the programme about
# whether ..."); an infinitive does not ("asked the UN to investigate whether ...")
QUESTION_PATH = frozenset({"ccomp", "advcl", "pcomp", "prep", "pobj", "dobj"})

# verbs of force also used of words, which then accuse (CAMEO 111, criticise), as the annotators
# code them: when what they hit is a decision, a policy or words (`REBUKED_WORDS`: "blasted the
# UN action"), or a side is hit "for" what it did ("attacked Lima for its failure to ...")
REBUKING_VERBS = frozenset({"attack", "blast", "lambast", "lambaste"})
REBUKED_WORDS = frozenset({"plan", "policy", "proposal", "decision", "record", "remark",
                           "statement", "bill", "idea", "approach", "action", "move", "rule",
                           "law", "measure", "comment", "announcement", "ruling", "resolution",
                           "report", "step", "response", "handling", "failure", "inaction",
                           "stance", "claim", "speech", "vote", "verdict"})

# what is given, offered or provided in the everyday sense of the verbs, neither aid nor a
# promise: "offering respite from the war", "airlines are offering refunds", "offered
# explanations for the crash", "has given the units instructions"
EVERYDAY_GIFTS = frozenset({"respite", "refund", "explanation", "detail", "instruction", "rise",
                            "analysis", "picture", "notification", "momentum", "incentive",
                            "account", "insight", "glimpse", "answer", "update", "briefing",
                            "reassurance", "clue", "hint"})
GIVING_VERBS = frozenset({"give", "offer", "provide"})
# a side's protest to another, and the verbs that deliver it (`OBJECT_SENSES`)
DIPLOMATIC_PROTESTS = frozenset({"protest", "complaint", "demarche", "démarche", "objection"})
PROTEST_DELIVERING_VERBS = frozenset({"hand", "lodge", "send", "file", "deliver", "raise",
                                      "register", "submit", "convey"})

# what a side seeks or insists on for itself, no demand of another side: "an official who
# insisted on anonymity", "was seeking more information" (refuge sought abroad stays a request,
# CAMEO's asylum request, as PLOVER's gold codes it)
SOUGHT_FOR_ONESELF = frozenset({"anonymity", "information", "comment"})
ASKING_VERBS = frozenset({"seek", "ask", "insist"})
# nouns of a wish whose "for" phrase has not happened: "his desire for a meeting", "calls for
# talks", "a push for a ceasefire"
WISHES = frozenset({"desire", "wish", "call", "push", "plea", "appeal", "hope", "bid", "demand",
                    "request", "proposal", "plan", "idea", "appetite"})

# Trigger verbs in their everyday sense, told by their object: (verb lemma, object lemmas, what
# the verb then codes: None for nothing, else (type, mode)). "fired the army chief" dismisses,
# "released a map" publishes, "called his counterpart" telephones.
OBJECT_SENSES: tuple[tuple[str, frozenset[str], tuple[str, str] | None], ...] = (
    # "violated Estonia's airspace", "violated the country's waters": an incursion (COERCE), as
    # the annotators code it
    ("violate", frozenset({"airspace", "aerospace", "waters", "territory", "border", "frontier",
                           "sky"}),
     ("COERCE", "")),
    # "violated a ban by the general", "violated the ceasefire (agreement)": an order defied or
    # a truce broken is a rejection, as PLOVER's gold codes the one and the tables coded both
    # (the annotators code a truce broken as fighting, mostly alleged); a treaty or a law
    # breached is no act of the breaker's (whoever says so accuses)
    ("violate", frozenset({"ban", "order", "curfew", "decree", "embargo", "ruling", "injunction",
                           "directive", "ultimatum", "ceasefire", "cease-fire", "truce",
                           "armistice"}), ("REJECT", "")),
    ("fire", frozenset({"official", "minister", "general", "chief", "commander", "director",
                        "head", "employee", "staff", "coach", "adviser", "advisor", "aide",
                        "governor", "prosecutor", "judge", "ambassador", "spokesman"}), None),
    ("release", frozenset({"map", "statement", "video", "footage", "report", "data", "figure",
                           "detail", "image", "photo", "picture", "document", "plan", "budget",
                           "list", "album", "book", "transcript", "recording", "finding",
                           "result", "guideline", "strategy", "white paper", "memoir"}), None),
    # "handed a note of protest", "lodged a complaint", "sent a strong objection", "sent a
    # letter of protest", "raised a note verbale of protest": a diplomatic protest (CAMEO 111),
    # read before the letters a verb sends in its everyday sense
    *((verb, DIPLOMATIC_PROTESTS, ("ACCUSE", "")) for verb in sorted(PROTEST_DELIVERING_VERBS)),
    ("send", frozenset({"letter", "message", "signal", "invitation", "email", "text", "note",
                        "condolence", "greeting", "congratulation"}), None),
    ("hand", frozenset({"letter", "message", "invitation"}), None),
    ("engage", frozenset({"counterpart", "partner", "community", "envoy", "mediator"}),
     ("CONSULT", "")),
    ("deliver", frozenset({"speech", "address", "message", "verdict", "statement", "remark",
                           "lecture", "letter", "blow"}), None),
    ("conclude", frozenset({"review", "investigation", "visit", "trip", "tour", "session",
                            "inquiry", "assessment", "study", "hearing"}), None),
    ("launch", frozenset({"campaign", "website", "app", "initiative", "programme", "program",
                          "project", "satellite", "service", "platform", "book", "product",
                          "fund", "bid", "appeal", "process", "discharge"}), None),
    # balloons of trash sent, flown or floated over a border: a harassment (COERCE), as the
    # annotators code it, not aid
    ("send", frozenset({"balloon"}), ("COERCE", "")),
    ("float", frozenset({"balloon"}), ("COERCE", "")),
    ("fly", frozenset({"balloon"}), ("COERCE", "")),
    # "destroyed the stronghold", "damaged the ferry" attack; what is destroyed or damaged in a
    # figure of speech is no target
    ("destroy", frozenset({"relation", "relationship", "tie", "trust", "confidence", "reputation",
                           "credibility", "economy", "chance", "hope", "image", "peace",
                           "prospect", "career", "life", "livelihood", "future", "feeling"}),
     None),
    ("damage", frozenset({"relation", "relationship", "tie", "trust", "confidence", "reputation",
                          "credibility", "economy", "chance", "hope", "image", "peace",
                          "prospect", "interest", "standing", "health", "feeling"}), None),
    ("hit", frozenset({"record", "high", "low", "peak", "target", "mark", "milestone"}), None),
    ("strike", frozenset({"balance", "tone", "chord", "note", "pose"}), None),
    ("strike", frozenset({"deal", "agreement", "bargain", "accord", "pact"}), ("AGREE", "")),
    ("capture", frozenset({"attention", "imagination", "mood", "headline", "spirit"}), None),
    ("seize", frozenset({"opportunity", "initiative", "moment", "chance"}), None),
    # "would be met with a response": no meeting (a threat, read from what is said)
    ("meet", frozenset({"response", "force", "resistance", "retaliation", "fire", "reaction"}),
     None),
    ("exchange", frozenset({"fire", "gunfire", "shot", "blow", "strike", "artillery"}),
     ("ASSAULT", "")),
    ("trade", frozenset({"fire", "gunfire", "shot", "blow", "strike", "artillery", "attack"}),
     ("ASSAULT", "")),
    ("trade", frozenset({"accusation", "barb", "insult", "blame", "charge"}), ("ACCUSE", "")),
    # "took the palace", "took control of the airport": captured by force
    ("take", frozenset(TERRAIN - {"part"} | {"palace", "capital", "airport", "bridge", "port",
                                             "crossing", "headquarters", "building"}),
     ("ASSAULT", "occupy")),
    # "scrambled two fighter jets": aircraft sent up against an intruder (MOBILIZE), as the
    # annotators code it
    ("scramble", frozenset(FORCES | VESSELS | {"plane", "helicopter"}), ("MOBILIZE", "troops")),
    # a visa revoked, rescinded, restricted or suspended: a sanction of its holders (CAMEO 16)
    *((verb, frozenset({"visa"}), ("SANCTION", "")) for verb in ("revoke", "rescind", "restrict",
                                                                  "suspend", "cancel")),
    # "took part in the drills": joined, not captured (unlike "took part of the town")
    ("take", frozenset({"part"}), None),
    ("shoot", frozenset({"video", "film", "footage", "photo", "scene"}), None),
    # "the launches threaten peace and stability": they endanger it, nobody threatens anyone
    ("threaten", frozenset({"peace", "stability", "security", "existence", "livelihood"}), None),
    *((verb, EVERYDAY_GIFTS, None) for verb in sorted(GIVING_VERBS)),
    # "blasted the decision", "attacked the plan": words that hit what a side decided or said
    *((verb, REBUKED_WORDS, ("ACCUSE", "")) for verb in sorted(REBUKING_VERBS)),
    # "restricted exports of steel to", "will constrict chip exports": a trade sanction
    *((verb, TRADED, ("SANCTION", "economic")) for verb in sorted(CURBING_VERBS)),
    ("kill", frozenset({"bill", "deal", "proposal", "plan", "idea", "legislation"}),
     ("REJECT", "")),
    ("call", frozenset({"counterpart", "president", "minister", "leader", "chancellor",
                        "premier", "king", "emir", "prince"}), ("CONSULT", "phone")),
    ("target", frozenset({"company", "firm", "bank", "exporter", "oligarch", "individual",
                          "entity", "network", "sector", "tanker", "shipper"}), None),
)
