"""Records round-trip through a real DuckDB file; writes are idempotent; schema is versioned."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spiral.errors import StoreError
from spiral.records import Actor, Document, Entity, Event, Mention, Position, Quote, RedLine
from spiral.store import open_store

codes = st.sampled_from(["RUS", "UKR", "USA", "GBR", "IGO"])
texts = st.text(max_size=40)
dates = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))
entities = st.builds(Entity, entity_text=texts, entity_name=texts, code=codes,
                     sector=st.sampled_from(["", "GOV", "MIL"]), role=texts,
                     role_valid_from=dates, role_valid_to=dates,
                     wikidata_id=st.none() | st.just("Q7747"))
events = st.builds(
    Event, doc_id=st.just("doc_1"), event_type=st.sampled_from(["ASSAULT", "THREATEN", "AID"]),
    start=st.integers(0, 1000), end=st.integers(1001, 2000), text=texts,
    mode=st.sampled_from(["", "missile"]), context=st.lists(texts, max_size=3).map(tuple),
    actor=st.lists(entities, max_size=2).map(tuple),
    recipient=st.lists(entities, max_size=2).map(tuple), date=dates,
    quad_code=st.integers(0, 4), intensity=st.floats(-10, 10), cameo=st.just("19"),
    negated=st.booleans(), hypothetical=st.booleans())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def _document(text: str = "Kyiv struck Bryansk.") -> Document:
    return Document.from_text(text, title="t", source="Wire", url="https://example.org/a",
                              published=datetime(2024, 11, 19, 18, tzinfo=UTC))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(events, max_size=5, unique_by=lambda e: e.id))
def test_store_events_round_trip(tmp_path: Path, batch: list[Event]) -> None:
    path = tmp_path / f"{abs(hash(tuple(batch)))}.duckdb"
    with open_store(path) as store:
        store.replace_extraction("doc_1", pipeline="p", events=batch)
        assert sorted(store.events(), key=lambda e: e.id) == sorted(batch, key=lambda e: e.id)


def test_store_all_records_round_trip(db: Path) -> None:
    doc = _document()
    kyiv = Entity("Kyiv", "Ukraine", "UKR", "GOV", "government", date(2019, 5, 20), None, "Q212")
    quote = Quote(doc.doc_id, "We will respond", "direct", 0, 10, speaker=kyiv, cue="said")
    anonymous = Quote(doc.doc_id, "x", "indirect", 11, 12, anonymous=True)
    red_line = RedLine(doc.doc_id, kyiv, "if X", "then Y", "conditional_threat", 0, 5,
                       addressee=(Entity("Moscow", "Russia", "RUS", "GOV"),), date=date(2024, 9, 12),
                       status="crossed", crossed_by=("evt_1",), crossed_date=date(2024, 11, 17))
    position = Position(doc.doc_id, kyiv, "nato_membership", "an invitation to join NATO", 0, 9)
    actor = Actor(doc.doc_id, kyiv, (Mention("Kyiv", 0, 4),))
    with open_store(db) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", quotes=[quote, anonymous],
                                 red_lines=[red_line], positions=[position], actors=[actor])
        assert list(store.documents()) == [doc]
        assert sorted(store.quotes(), key=lambda q: q.id) == sorted([quote, anonymous], key=lambda q: q.id)
        assert store.red_lines() == [red_line]
        assert store.positions() == [position]
        assert store.actors() == [actor]


def test_store_writes_are_idempotent(db: Path) -> None:
    doc = _document()
    event = Event(doc.doc_id, "ASSAULT", 0, 19, "Kyiv struck Bryansk",
                  actor=(Entity("Kyiv", "Ukraine", "UKR"),))
    with open_store(db) as store:
        assert store.add_documents([doc, doc]) == 1
        assert store.add_documents([doc]) == 0
        for _ in range(2):
            store.replace_extraction(doc.doc_id, pipeline="p", events=[event])
        first = store.counts()
        assert store.add_events([event], system="gdelt") == 0  # same id: an update, not a new row
        assert store.counts() == first
    assert first["events"] == 1 and first["documents"] == 1 and first["extractions"] == 1


def test_store_replace_extraction_drops_what_is_gone(db: Path) -> None:
    doc = _document()
    old = Event(doc.doc_id, "ASSAULT", 0, 5, "a")
    new = Event(doc.doc_id, "THREATEN", 6, 9, "b")
    with open_store(db) as store:
        store.replace_extraction(doc.doc_id, pipeline="p1", events=[old])
        store.replace_extraction(doc.doc_id, pipeline="p2", events=[new])
        assert store.events() == [new]


def test_store_documents_pending_for_a_pipeline(db: Path) -> None:
    first, second = _document("one."), _document("two.")
    with open_store(db) as store:
        store.add_documents([first, second])
        store.replace_extraction(first.doc_id, pipeline="p1")
        assert [d.doc_id for d in store.documents(only_unextracted_by="p1")] == [second.doc_id]
        assert len(list(store.documents(only_unextracted_by="p2"))) == 2


def test_store_filters_events_frame(db: Path) -> None:
    doc = _document()
    rus, ukr = Entity("Russia", "Russia", "RUS"), Entity("Ukraine", "Ukraine", "UKR")
    batch = [Event(doc.doc_id, "ASSAULT", 0, 1, "a", actor=(rus,), recipient=(ukr,), date=date(2024, 11, 21)),
             Event(doc.doc_id, "ASSAULT", 2, 3, "b", actor=(ukr,), recipient=(rus,), date=date(2024, 11, 19)),
             Event(doc.doc_id, "THREATEN", 4, 5, "c", actor=(rus,), recipient=(ukr,), date=date(2024, 9, 12))]
    with open_store(db) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", events=batch)
        frame = store.events_frame(actor="RUS", event_type="ASSAULT")
        assert frame["text"].to_list() == ["a"]
        assert frame["source"].to_list() == ["Wire"]
        assert store.events_frame(since=date(2024, 11, 1))["text"].to_list() == ["b", "a"]
        assert store.events_frame(until=date(2024, 10, 1))["text"].to_list() == ["c"]


def test_store_exports_every_format(db: Path, tmp_path: Path) -> None:
    doc = _document()
    event = Event(doc.doc_id, "ASSAULT", 0, 19, "Kyiv struck Bryansk", mode="missile",
                  actor=(Entity("Kyiv", "Ukraine", "UKR", "GOV"),),
                  recipient=(Entity("Bryansk", "Russia", "RUS"),), date=date(2024, 11, 19),
                  context=("military",))
    with open_store(db) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", events=[event])
        jsonl = store.export("plover-jsonl", tmp_path / "e.jsonl")
        parquet = store.export("parquet", tmp_path / "e.parquet")
        csv = store.export("csv", tmp_path / "e.csv")
        with pytest.raises(StoreError, match="events only"):
            store.export("plover-jsonl", tmp_path / "q.jsonl", table="quotes")
    (record,) = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert record["event"] == "ASSAULT" and record["mode"] == "missile"
    assert record["source"][0]["code"] == "UKR" and record["target"][0]["code"] == "RUS"
    assert record["date"] == "2024-11-19" and record["url"] == "https://example.org/a"
    assert pl.read_parquet(parquet)["id"].to_list() == [event.id]
    assert pl.read_csv(csv)["context"].to_list() == ["military"]


def test_store_refuses_newer_schema(db: Path) -> None:
    open_store(db).close()
    with duckdb.connect(str(db)) as raw:
        raw.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())").fetchall()
    with pytest.raises(StoreError, match="newer than this spiral knows"):
        open_store(db)


def test_store_reopens_without_migrating_again(db: Path) -> None:
    with open_store(db) as store:
        version = store.schema_version
        store.add_documents([_document()])
    with open_store(db, read_only=True) as store:
        assert store.schema_version == version
        assert store.counts()["documents"] == 1


def test_store_names_a_file_that_is_not_duckdb(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("not a database")
    with pytest.raises(StoreError, match="notes.duckdb"):
        open_store(bogus)


def test_store_read_only_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="spiral ingest"):
        open_store(tmp_path / "none.duckdb", read_only=True)
