"""Page furniture as data: one row per family of the lines a news page wraps its story in.

Each row names its `kind` (what `layout.furniture` reports) and its `scope`:
- "line": the pattern matches a whole line (stripped), and the line is furniture;
- "prefix": the pattern matches at the start of a line; the match is furniture and the rest of
  the line is read on ("KYIV, Nov 21 (Reuters) - Russia fired ..." keeps its lead sentence);
- "inline": every match in a line is furniture; with `caption=True` the words before it on
  its line, back to the last sentence end, are the photo's caption.
`followed=True` rows only hold for a line with more text after it: a heading heads something,
and the last line of a text cut short has no final punctuation either.
Rows are tried in order; the first "line" row that matches a line wins. "line" and "prefix" rows
read at most `LINE_MAX_CHARS` characters: furniture is short, and a long line of capitalised words
must not make a pattern try every way of splitting it into names.

Precision before recall: every pattern asks for a mark no sentence of a story carries (a
credit's slash inside brackets, a line with no final punctuation, a "By" line of names only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

FurnitureKind = Literal["headline", "byline", "dateline", "caption", "credit", "timestamp",
                        "section", "boilerplate", "related", "social"]
Scope = Literal["line", "prefix", "inline"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}} {_MONTH}(?:,? \d{{4}})?"
         r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|CST|PST|PDT|ET|PT|IST|AEST|local time)"
_TIME = rf"\d{{1,2}}(?::\d{{2}}\s*(?:[ap]\.?m\.?|AM|PM)?|(?:[.:]\d{{2}})?\s*(?:[ap]\.m\.|am|pm|AM|PM))(?:\s+{_ZONE})?"
_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|von|al|bin|el|da|di|le|la))*"
_NAMES = rf"{_NAME}(?:(?:, | and | & ){_NAME})*"
# "KYIV", "GAZA CITY", "BANGKOK/PHNOM PENH": the place or places of a dateline, in capitals
_PLACES = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*(?:/[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*)*"
# the dash after a dateline: spaced, or an em or en dash run into the lead ("KYIV, Ukraine—Russia")
_DASH = r"(?:\s*[-–—]+\s+|\s*[–—](?=[A-Z‘“'\"]))"
# the words of a dateline in capitals after its first ("NEW DELHI/BEIJING", "GAZA CITY")
_MORE_CAPITALS = r"(?: [A-Z]{2,})*(?:/[A-Z]{3,}(?: [A-Z]{2,})*)*"
_AGENCY = r"(?:Reuters|REUTERS|AP|AFP|Getty Images|EPA|EFE|Anadolu|AA|Xinhua|TASS|Sputnik|Bloomberg|Shutterstock|Alamy)"
LINE_MAX_CHARS = 400


@dataclass(frozen=True, slots=True)
class FurniturePattern:
    """One family of page furniture."""

    family: str
    kind: FurnitureKind
    scope: Scope
    pattern: re.Pattern[str]
    caption: bool = False
    followed: bool = False


def _row(family: str, kind: FurnitureKind, scope: Scope, pattern: str, *, flags: int = 0,
         caption: bool = False, followed: bool = False) -> FurniturePattern:
    return FurniturePattern(family, kind, scope, re.compile(pattern, flags), caption, followed)


PATTERNS: tuple[FurniturePattern, ...] = (
    # "By Jane Doe and John Roe Published On 26 Sep 2024", "Reporting by ...; Editing by ..."
    _row("byline", "byline", "line",
         rf"^(?:By|BY|Written by|Words by|Story by)\s*:?\s+{_NAMES}(?:,? (?:in|at) {_NAME})?"
         rf"(?:(?:\s*[|,–—-]\s*|\s+){_NAME}(?: correspondent| reporter| editor)?)?"
         rf"(?:\s*[|,–—-]?\s*(?:Published|Updated|Last updated|Posted)(?: [Oo]n)?:?\s+.*)?$"),
    _row("reporting_credits", "credit", "line",
         r"^(?:\(?(?:Additional )?[Rr]eporting by|Writing by|Editing by|Compiled by|"
         r"Contributing:|With (?:additional )?reporting by)\b.*$"),
    # "Published On 26 Sep 2024", "Updated: March 25, 2022 5:38pm", "12 min ago", "01:45 PM BST"
    _row("publication_time", "timestamp", "line",
         rf"^(?:(?:First )?Published|Updated|UPDATED|Last updated|Posted|Modified)(?: [Oo]n| at)?:?\s*"
         rf"(?:{_WEEKDAY}\s*)?(?:{_DATE}|{_TIME}|\d+ \w+ ago)(?:,?\s*(?:at )?(?:{_DATE}|{_TIME}))?\.?$"),
    _row("time_ago", "timestamp", "line",
         r"^(?:Updated |Published )?(?:\d{1,3}|an?|one) ?(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|"
         r"hours?|d|days?) ago\.?$", flags=re.IGNORECASE),
    _row("date_line", "timestamp", "line",
         rf"^(?:{_WEEKDAY}\s*)?{_DATE}(?:,?\s*(?:at )?{_TIME})?$"),
    # "date 2024-04-02 Last week, ...": a page's metadata date run into its first line
    _row("metadata_date", "timestamp", "prefix",
         r"^[Dd]ate:?\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\s+(?=\S)"),
    _row("time_prefix", "timestamp", "prefix",
         rf"^(?:{_DATE},?\s+)?{_TIME}(?=\s*$|\s*[:|–—-]?\s+[A-Z0-9‘“'\"])\s*[:|–—-]?\s*"),
    # "KYIV, Nov 21 (Reuters) -", "WASHINGTON (AP) —", "GAZA CITY, Gaza Strip —"; a capitalised
    # word and a dash alone ("NATO — the alliance ...") may open a sentence, so the place must
    # come with an agency, a date or its country
    _row("dateline", "dateline", "prefix",
         rf"^{_PLACES}(?:"
         rf"(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)?(?:,? {_DATE})?\s*"
         rf"\((?:{_AGENCY}|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){{0,2}}|IANS|PTI|ANI|UPI)\)\s*[-–—]+\s*"
         rf"|(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)?,? {_DATE}{_DASH}"
         rf"|, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*{_DASH})(?=\S)"),
    # "BAKU, Azerbaijan, Apr. 1" on a line of its own above the lead
    _row("dateline_line", "dateline", "line",
         rf"^{_PLACES}(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)?,? {_DATE}$",
         followed=True),
    # "ISLAMABAD: ...", "NEW DELHI/BEIJING: ...": places in capitals and a colon open the lead
    # (a line opening with a name and a colon is a speaker's only when it is not all capitals)
    _row("dateline_colon", "dateline", "prefix",
         rf"^[A-Z]{{3,}}{_MORE_CAPITALS}"
         r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*)?:\s+(?=[A-Z‘“'\"])"),
    # "BEIRUT -- ...", "BANGKOK/PHNOM PENH — ...": places in capitals and a dash, no agency or date
    _row("dateline_dash", "dateline", "prefix",
         rf"^[A-Z]{{4,}}{_MORE_CAPITALS}(?:\s*--\s+|{_DASH})(?=[A-Z‘“'\"])"),
    # "Caracas, March 3, 2025 (example.com) – ...": a place, a date and the outlet in brackets
    _row("dateline_outlet", "dateline", "prefix",
         rf"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?, {_DATE}\s*\([\w.-]+\.[a-z]{{2,4}}\)\s*[-–—]+\s*"
         r"(?=\S)"),
    # "[Jane Doe/Agency]", "(Photo: AGENCY / Name)", "(photo credit: AGENCY/NAME)", "(Jane Doe/AP)"
    _row("bracketed_credit", "credit", "inline",
         r"[\[(](?:(?:[Pp]hoto|PHOTO|[Ii]mage|[Pp]icture|[Vv]ideo|[Ff]ile)(?: [Cc]redit)?s?:\s*[^\])\n]{2,80}"
         r"|[A-Z][^\])/\n]{1,60}/[^\])\n]{1,60}|(?:AP|AFP|Reuters|Getty) Photo[^\])\n]{0,60}|File photo)[\])](?=\s*$|\s+[A-Z“\"‘])",
         caption=True),
    # "... as attacks go on. Photo: Reuters" and "— Photo by Jane Doe / Agency"
    _row("trailing_credit", "credit", "inline",
         rf"(?:(?<=[.!?”\"'])|^)\s*[—–-]?\s*(?:Photo|Image|Picture|Photograph)s?(?: by|:)\s+{_NAMES}"
         rf"(?:\s*/\s*{_NAMES})*(?:\s*[–—-]\s*{_DATE})?\s*$", caption=True),
    _row("agency_credit", "credit", "inline",
         rf"(?<=[.!?])\s+{_NAME}\s*/\s*(?:{_AGENCY}|[A-Z]{{2,}})(?:/[A-Z][\w ]*)*(?:\s*[–—-]\s*{_DATE})?\s*$",
         caption=True),
    _row("source_line", "credit", "line",
         r"^(?:Source|SOURCE|Sources|Photo|Photos|Image|Credit|Credits|Video)\s*:\s*\S.{0,60}$"),
    # "Read more: ...", "Related: ...", a teaser that ends "… Read more"
    _row("related", "related", "line",
         r"^(?:Read more|READ MORE|Read also|Also read|ALSO READ|See also|Related|RELATED|"
         r"Recommended|More on this story|MORE|Watch|WATCH|Listen|LISTEN|Explainer|Opinion)"
         r"\s*(?::|\||»|›|–|—| -)\s*.*$"),
    _row("teaser", "related", "line", r"^.*(?:…|\.\.\.)\s*(?:Read more|Continue reading|More)\s*[»›]?$"),
    # embedded posts: "— Jane Doe (@jdoe) September 26, 2024", "pic.twitter.com/..."
    _row("social_post", "social", "line",
         rf"^.*(?:\(@\w{{1,15}}\)\s*{_DATE}|pic\.twitter\.com/\w+|https?://t\.co/\w+|"
         r"A post shared by|View this post on Instagram).*$"),
    _row("follow_us", "boilerplate", "line",
         r"^(?:Follow|Like|Join) (?:us|our|the)\b.{0,80}\b(?:on|at|via) (?:X|Twitter|Facebook|Instagram|"
         r"Telegram|WhatsApp|TikTok|YouTube|LinkedIn|Google News|Threads|Bluesky)\b.*$"),
    _row("newsletter", "boilerplate", "line",
         r"^(?:Sign up|Subscribe|Get our|Get the latest|Don't miss|Enter your email|Download (?:our|the) app|"
         r"Enable notifications|Click here|Tap here|Share this (?:article|story))\b.{0,160}$",
         flags=re.IGNORECASE),
    _row("copyright", "boilerplate", "line",
         r"^(?:Copyright\b|©|\(c\) \d{4}|All rights reserved|Our Standards:|This (?:story|article) "
         r"(?:has been|was) (?:updated|corrected)|The live updates for this event have ended|"
         r"Advertisement$|ADVERTISEMENT$|Skip to (?:main )?content$|Topic \|).*$"),
    # "World News", "Reports", "Middle East | Israel" — a label of one to four capitalised words
    _row("section_label", "section", "line",
         r"^(?:[A-Z][\w&'’-]*(?: (?:&|and|of|the|in|\|) ?)?\s?){1,4}(?:\s*[|>/»›]\s*(?:[A-Z][\w&'’-]*\s?){1,4})*$",
         followed=True),
    # a short line with no final punctuation: a headline, standfirst, sub-heading or summary
    # bullet ("• Talks collapse as strikes resume", "Iran: 'We will respond'", a quoted heading
    # with no full stop inside its marks); a bullet that is a sentence is the story's
    _row("heading", "headline", "line",
         r"^(?=\S)(?!.*[a-z0-9][.!?]\s)(?:\S+\s+){0,24}\S*[^\s.!?…:;,\"”’'»)\]][\"”’'»]?$", followed=True),
)
