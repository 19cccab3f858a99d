"""A small hand-built store for the server tests: no spaCy, records written through the store.

Russia strikes Ukraine on several days (each strike reported by two or three outlets), Ukraine
strikes back, Putin declares one red line reported by two outlets, the United States crosses
it, and Russia answers "in response". One report carries markup and script payloads in its
title, outlet, quote and URL, to check the dashboard escapes them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from spiral.records import Actor, Document, Entity, Event, Mention, Quote, RedLine
from spiral.store import open_store

RUS = Entity("Russia", "Russia", "RUS", "GOV")
UKR = Entity("Ukraine", "Ukraine", "UKR", "GOV")
USA = Entity("Washington", "United States", "USA", "GOV")
PUTIN = Entity("Putin", "Vladimir Putin", "RUS", "GOV", "President", date(2012, 5, 7))
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
EVIL_URL = "javascript:window.__pwned=3"
OUTLETS = ("Baltic Ledger", "Danube Dispatch", "Northbridge Wire")


def _strike(day: date, actor: Entity, recipient: Entity, outlet: int, n: int) -> tuple:
    text = (f"{actor.entity_name} fired missiles at a city in {recipient.entity_name} on "
            f"{day:%A}, killing {n} people, officials said.")
    return text, Event("", "ASSAULT", 0, len(text), text, mode="missile", context=("military",),
                       actor=(actor,), recipient=(recipient,), date=day, quad_code=4,
                       intensity=-9.5, cameo="19")


def _moved(record, doc_id: str):
    """The record in document `doc_id`, with its id derived anew."""
    return replace(record, id="", doc_id=doc_id)


def build_store(path: Path) -> Path:
    """Write the store at `path` and return it."""
    start = date(2024, 9, 1)
    with open_store(path) as store:
        items = []
        for k in range(10):
            day = start + timedelta(days=5 * k)
            actor, recipient = (RUS, UKR) if k % 2 == 0 else (UKR, RUS)
            for outlet in range(2 + k % 2):
                text, event = _strike(day, actor, recipient, outlet, 3 + k)
                text = text + f" Report {outlet} of strike {k}."
                items.append((text, OUTLETS[outlet], day, [event], [], []))
        declaration = ("Putin said that letting Ukraine fire Western long-range missiles into "
                       "Russia would mean NATO countries were at war with Russia.")
        for outlet in range(2):
            line = RedLine("", PUTIN, "letting Ukraine fire Western long-range missiles into "
                           "Russia", "NATO countries were at war with Russia", "red_line",
                           0, len(declaration), date=date(2024, 10, 20))
            quote = Quote("", "letting Ukraine fire Western long-range missiles would mean NATO "
                              "countries were at war with Russia", "indirect", 0,
                          len(declaration), speaker=PUTIN, speaker_text="Putin", cue="said",
                          date=date(2024, 10, 20))
            text = f"{declaration} ({OUTLETS[outlet]} reporting.)"
            items.append((text, OUTLETS[outlet], date(2024, 10, 20), [], [quote], [line]))
        crossing = ("The United States allowed Ukraine to fire long-range missiles at targets "
                    "inside Russia on Sunday.")
        aid = Event("", "AID", 0, len(crossing), crossing, mode="military", actor=(USA,),
                    recipient=(UKR,), date=date(2024, 11, 17), quad_code=2, intensity=7.5,
                    cameo="07")
        items.append((crossing, OUTLETS[2], date(2024, 11, 17), [aid], [], []))
        answer = ("Russia fired a new intermediate-range missile at Dnipro on Thursday in "
                  "response to the strikes with Western missiles.")
        strike = Event("", "ASSAULT", 0, len(answer), answer, mode="missile", actor=(RUS,),
                       recipient=(UKR,), date=date(2024, 11, 21), quad_code=4, intensity=-9.5,
                       cameo="19")
        items.append((answer, OUTLETS[0], date(2024, 11, 21), [strike], [], []))
        said = f"Putin said {PAYLOAD} was the answer."
        evil_quote = Quote("", PAYLOAD + " was the answer", "indirect", 0, len(said),
                           speaker=PUTIN, speaker_text="Putin", cue="said", date=date(2024, 11, 22))
        items.append((said, PAYLOAD, date(2024, 11, 22), [], [evil_quote], []))
        for text, outlet, day, events, quotes, lines in items:
            title = PAYLOAD if outlet == PAYLOAD else f"{outlet}: {text[:50]}"
            url = EVIL_URL if outlet == PAYLOAD else f"https://example.org/{abs(hash(text)) % 10**8}"
            doc = Document.from_text(text, title=title, source=outlet, url=url,
                                     published=datetime(day.year, day.month, day.day, 9,
                                                        tzinfo=UTC))
            store.add_documents([doc])
            named = {e.code: e for ev in events for e in (*ev.actor, *ev.recipient)}
            for q in quotes:
                named[q.speaker.entity_name] = q.speaker
            actors = [Actor(doc.doc_id, entity, (Mention(entity.entity_text, 0,
                                                         len(entity.entity_text)),))
                      for entity in named.values()]
            store.replace_extraction(doc.doc_id, pipeline="test",
                                     events=[_moved(e, doc.doc_id) for e in events],
                                     quotes=[_moved(q, doc.doc_id) for q in quotes],
                                     red_lines=[_moved(r, doc.doc_id) for r in lines],
                                     actors=actors)
    return path


def build_synthetic_store(folder: Path) -> Path:
    """A store large enough to pass the minimum-data rule: the seeded synthetic GDELT file
    (examples/synthetic_gdelt.py, 400 days) imported by `spiral import gdelt`."""
    import_synthetic_gdelt(folder / "rich.duckdb", folder / "s.export.CSV", seed=1, days=400)
    return folder / "rich.duckdb"


def import_synthetic_gdelt(db: Path, csv: Path, *, seed: int, days: int) -> None:
    """Write the seeded synthetic GDELT file and import it with the CLI, as a user would."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    subprocess.run([sys.executable, str(root / "examples" / "synthetic_gdelt.py"), "--seed",
                    str(seed), "--days", str(days), "--out", str(csv)], check=True,
                   capture_output=True, env=env)
    subprocess.run([sys.executable, "-m", "spiral.serve.cli", "import", "gdelt", str(csv),
                    "--db", str(db)], check=True, capture_output=True, env=env)
