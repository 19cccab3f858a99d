"""Records round-trip through the store on both engines (a DuckDB file and a PostgreSQL database);
writes are idempotent; the schema is versioned. Every test taking `target` runs once per engine.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spiral.errors import StoreError
from spiral.records import Actor, Document, Entity, Event, Mention, Position, Quote, RedLine
from spiral.store import Store, migrations, open_store

codes = st.sampled_from(["RUS", "UKR", "USA", "GBR", "IGO"])
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=40)  # PostgreSQL refuses NUL
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
def target(store_target: str) -> str:
    return store_target


def _document(text: str = "Kyiv struck Bryansk.") -> Document:
    return Document.from_text(text, title="t", source="Wire", url="https://example.org/a",
                              published=datetime(2024, 11, 19, 18, tzinfo=UTC))


def test_store_events_round_trip(target: str) -> None:
    # one store for all examples: replace_extraction leaves exactly this batch for doc_1
    with open_store(target) as store:

        @settings(max_examples=25, deadline=None)
        @given(batch=st.lists(events, max_size=5, unique_by=lambda e: e.id))
        def round_trip(batch: list[Event]) -> None:
            store.replace_extraction("doc_1", pipeline="p", events=batch)
            assert sorted(store.events(), key=lambda e: e.id) == sorted(batch, key=lambda e: e.id)

        round_trip()


def test_store_all_records_round_trip(target: str) -> None:
    doc = _document()
    kyiv = Entity("Kyiv", "Ukraine", "UKR", "GOV", "government", date(2019, 5, 20), None, "Q212")
    quote = Quote(doc.doc_id, "We will respond", "direct", 0, 10, speaker=kyiv, cue="said")
    anonymous = Quote(doc.doc_id, "x", "indirect", 11, 12, anonymous=True)
    red_line = RedLine(doc.doc_id, kyiv, "if X", "then Y", "conditional_threat", 0, 5,
                       addressee=(Entity("Moscow", "Russia", "RUS", "GOV"),), date=date(2024, 9, 12),
                       status="crossed", crossed_by=("evt_1",), crossed_date=date(2024, 11, 17))
    position = Position(doc.doc_id, kyiv, "nato_membership", "an invitation to join NATO", 0, 9)
    actor = Actor(doc.doc_id, kyiv, (Mention("Kyiv", 0, 4),))
    with open_store(target) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", quotes=[quote, anonymous],
                                 red_lines=[red_line], positions=[position], actors=[actor])
        assert list(store.documents()) == [doc]
        assert sorted(store.quotes(), key=lambda q: q.id) == sorted([quote, anonymous], key=lambda q: q.id)
        assert store.red_lines() == [red_line]
        assert store.positions() == [position]
        assert store.actors() == [actor]


def test_store_writes_are_idempotent(target: str) -> None:
    doc = _document()
    event = Event(doc.doc_id, "ASSAULT", 0, 19, "Kyiv struck Bryansk",
                  actor=(Entity("Kyiv", "Ukraine", "UKR"),))
    with open_store(target) as store:
        assert store.add_documents([doc, doc]) == 1
        assert store.add_documents([doc]) == 0
        for _ in range(2):
            store.replace_extraction(doc.doc_id, pipeline="p", events=[event])
        first = store.counts()
        assert store.add_events([event], system="gdelt") == 0  # same id: an update, not a new row
        assert store.counts() == first
    assert first["events"] == 1 and first["documents"] == 1 and first["extractions"] == 1


def test_store_replace_extraction_drops_what_is_gone(target: str) -> None:
    doc = _document()
    old = Event(doc.doc_id, "ASSAULT", 0, 5, "a")
    new = Event(doc.doc_id, "THREATEN", 6, 9, "b")
    with open_store(target) as store:
        store.replace_extraction(doc.doc_id, pipeline="p1", events=[old])
        store.replace_extraction(doc.doc_id, pipeline="p2", events=[new])
        assert store.events() == [new]


def test_store_documents_pending_for_a_pipeline(target: str) -> None:
    first, second = _document("one."), _document("two.")
    with open_store(target) as store:
        store.add_documents([first, second])
        store.replace_extraction(first.doc_id, pipeline="p1")
        assert [d.doc_id for d in store.documents(only_unextracted_by="p1")] == [second.doc_id]
        assert len(list(store.documents(only_unextracted_by="p2"))) == 2


def test_store_filters_events_frame(target: str) -> None:
    doc = _document()
    rus, ukr = Entity("Russia", "Russia", "RUS"), Entity("Ukraine", "Ukraine", "UKR")
    batch = [Event(doc.doc_id, "ASSAULT", 0, 1, "a", actor=(rus,), recipient=(ukr,), date=date(2024, 11, 21)),
             Event(doc.doc_id, "ASSAULT", 2, 3, "b", actor=(ukr,), recipient=(rus,), date=date(2024, 11, 19)),
             Event(doc.doc_id, "THREATEN", 4, 5, "c", actor=(rus,), recipient=(ukr,), date=date(2024, 9, 12))]
    with open_store(target) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", events=batch)
        frame = store.events_frame(actor="RUS", event_type="ASSAULT")
        assert frame["text"].to_list() == ["a"]
        assert frame["source"].to_list() == ["Wire"]
        assert store.events_frame(since=date(2024, 11, 1))["text"].to_list() == ["b", "a"]
        assert store.events_frame(until=date(2024, 10, 1))["text"].to_list() == ["c"]


def test_store_exports_every_format(target: str, tmp_path: Path) -> None:
    doc = _document()
    event = Event(doc.doc_id, "ASSAULT", 0, 19, "Kyiv struck Bryansk", mode="missile",
                  actor=(Entity("Kyiv", "Ukraine", "UKR", "GOV"),),
                  recipient=(Entity("Bryansk", "Russia", "RUS"),), date=date(2024, 11, 19),
                  context=("military",))
    with open_store(target) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", events=[event])
        jsonl = store.export("plover-jsonl", tmp_path / "e.jsonl")
        parquet = store.export("parquet", tmp_path / "e.parquet")
        csv = store.export("csv", tmp_path / "e.csv")
        with pytest.raises(StoreError, match="events only"):
            store.export("plover-jsonl", tmp_path / "q.jsonl", table="quotes")
    (record,) = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert record["event"] == ["ASSAULT"] and record["mode"] == ["missile"]
    assert record["actor"][0]["code"] == "UKR" and record["recipient"][0]["code"] == "RUS"
    assert record["date"] == "2024-11-19" and record["cite_info"]["url"] == "https://example.org/a"
    assert_schema(record, SCHEMA)
    table = pl.read_parquet(parquet)
    assert table["id"].to_list() == [event.id]
    assert table["actor"][0][0]["code"] == "UKR"  # a nested object, not JSON text
    assert pl.read_csv(csv)["context"].to_list() == ["military"]


def test_store_refuses_newer_schema(target: str) -> None:
    with open_store(target) as store:
        store._run("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer than this spiral knows"):
        open_store(target)


def test_store_reopens_without_migrating_again(target: str) -> None:
    with open_store(target) as store:
        version = store.schema_version
        store.add_documents([_document()])
    with open_store(target, read_only=True) as store:
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


def test_store_postgres_names_nul_characters_and_the_fix(postgres_dsn: str) -> None:
    with open_store(postgres_dsn) as store, pytest.raises(StoreError, match="NUL"):
        store.add_documents([_document("Kyiv\x00 struck Bryansk.")])


def test_store_both_engines_implement_the_protocol(target: str) -> None:
    with open_store(target) as store:
        assert isinstance(store, Store)


def test_store_frames_have_the_same_types_on_both_engines(target: str) -> None:
    with open_store(target) as store:
        schema = dict(store.events_frame().schema)
        assert schema["context"] == pl.List(pl.String) and schema["date"] == pl.Date
        assert schema["quad_code"] == pl.Int32 and schema["intensity"] == pl.Float64
        assert schema["negated"] == pl.Boolean and schema["published"] == pl.Datetime("us", "UTC")
        assert dict(store.red_lines_frame().schema)["crossed_by"] == pl.List(pl.String)


def test_store_migrations_ship_the_same_versions_on_both_engines() -> None:
    def versions(dialect: str) -> list[tuple[int, str]]:
        return [(v, n) for v, n, _ in migrations.available(dialect)]

    assert versions("duckdb") == versions("postgres")


def test_store_postgres_unreachable_names_the_url_not_the_password(tmp_path: Path) -> None:
    dsn = f"postgresql://ana:secret@/crisis?host={tmp_path}"
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as raised:
        open_store(dsn)
    assert "ana:***@" in str(raised.value) and "secret" not in str(raised.value)


def test_store_postgres_concurrent_writers_lose_and_duplicate_nothing(postgres_dsn: str) -> None:
    """Two jobs ingest overlapping documents and code the same ones at once, in separate
    connections: the store ends with each document, extraction and event exactly once."""
    docs = [_document(f"Report number {i}.") for i in range(60)]
    open_store(postgres_dsn).close()

    def job(offset: int) -> int:
        with open_store(postgres_dsn) as store:
            new = 0
            for start in range(offset, offset + 40, 5):
                batch = docs[start:start + 5]
                new += store.add_documents(batch)
                for doc in batch:
                    store.replace_extraction(doc.doc_id, pipeline="p", events=[
                        Event(doc.doc_id, "ASSAULT", 0, 6, "Report"),
                        Event(doc.doc_id, "THREATEN", 7, 13, "number")])
            return new

    with ThreadPoolExecutor(2) as pool:
        n_new = sum(pool.map(job, [0, 20]))
    with open_store(postgres_dsn) as store:
        counts = store.counts()
    assert n_new == 60
    assert counts["documents"] == 60 and counts["extractions"] == 60 and counts["events"] == 120


def test_store_exports_a_month_partitioned_parquet_dataset(target: str, tmp_path: Path) -> None:
    import duckdb

    doc = _document()
    batch = [Event(doc.doc_id, "ASSAULT", 0, 1, "a", date=date(2024, 11, 19)),
             Event(doc.doc_id, "ASSAULT", 2, 3, "b", date=date(2024, 11, 21)),
             Event(doc.doc_id, "THREATEN", 4, 5, "c", date=date(2024, 9, 12)),
             Event(doc.doc_id, "THREATEN", 6, 7, "d")]
    with open_store(target) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", events=batch)
        out = store.export("parquet", tmp_path / "events", partition_by="month")
        store.export("parquet", out, partition_by="month")  # replaces the folder, never merges
        with pytest.raises(StoreError, match="no date to partition"):
            store.export("parquet", tmp_path / "actors", table="actors", partition_by="month")
        with pytest.raises(StoreError, match="--format parquet"):
            store.export("csv", tmp_path / "e", partition_by="month")
    assert sorted(p.name for p in out.iterdir()) == [
        "month=2024-09", "month=2024-11", "month=__HIVE_DEFAULT_PARTITION__"]
    by_polars = pl.scan_parquet(out, hive_partitioning=True).collect().sort("text")
    assert by_polars["text"].to_list() == ["a", "b", "c", "d"]
    assert by_polars["month"].to_list() == ["2024-11", "2024-11", "2024-09", None]
    by_duckdb = duckdb.sql(f"SELECT month, count(*) AS n FROM read_parquet('{out}/**/*.parquet', "
                           "hive_partitioning = true) GROUP BY month ORDER BY month").fetchall()
    assert by_duckdb == [("2024-09", 1), ("2024-11", 2), (None, 1)]


SCHEMA = json.loads(resources.files("spiral.data").joinpath("plover_export.schema.json")
                    .read_text(encoding="utf-8"))
_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
          "integer": int, "number": (int, float)}


def assert_schema(value, schema: dict, root: dict | None = None, where: str = "$") -> None:
    """Check `value` against the JSON Schema keywords our export schema uses."""
    root = root or schema
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        ok = any(isinstance(value, _TYPES[k]) and not (k in ("integer", "number")
                                                       and isinstance(value, bool))
                 for k in kinds)
        assert ok, f"{where}: {value!r} is not {kinds}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if isinstance(value, dict):
        missing = set(schema.get("required", ())) - set(value)
        assert not missing, f"{where}: missing {sorted(missing)}"
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            extra = set(value) - set(properties)
            assert not extra, f"{where}: unexpected {sorted(extra)}"
        for key, item in value.items():
            if key in properties:
                assert_schema(item, properties[key], root, f"{where}.{key}")
    if isinstance(value, list):
        assert len(value) >= schema.get("minItems", 0), f"{where}: too few items"
        for i, item in enumerate(value):
            if "items" in schema:
                assert_schema(item, schema["items"], root, f"{where}[{i}]")


def test_store_export_leaves_out_negated_events_unless_asked(target: str, tmp_path: Path) -> None:
    doc = _document()
    said = Event(doc.doc_id, "ASSAULT", 0, 5, "Kyiv did not strike", negated=True,
                 actor=(Entity("Kyiv", "Ukraine", "UKR"),), date=date(2024, 11, 19))
    would = Event(doc.doc_id, "THREATEN", 6, 9, "may strike", hypothetical=True,
                  actor=(Entity("Kyiv", "Ukraine", "UKR"),), date=date(2024, 11, 19))
    with open_store(target) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", events=[said, would])
        assert store.export("plover-jsonl", tmp_path / "a.jsonl").read_text() == ""
        every = store.export("plover-jsonl", tmp_path / "b.jsonl", include_negated=True)
    records = [json.loads(line) for line in every.read_text().splitlines()]
    assert sorted(r["event"][0] for r in records) == ["ASSAULT", "THREATEN"]
    for record in records:
        assert_schema(record, SCHEMA)


def test_store_export_schema_rejects_what_plover_does_not_allow() -> None:
    with pytest.raises(AssertionError, match="event"):
        assert_schema({**_minimal_record(), "event": "ASSAULT"}, SCHEMA)
    with pytest.raises(AssertionError, match="unexpected"):
        assert_schema({**_minimal_record(), "source": []}, SCHEMA)
    assert_schema(_minimal_record(), SCHEMA)


def _minimal_record() -> dict:
    from spiral.store.exports import plover_record
    return plover_record({"id": "e1", "date": date(2024, 11, 19), "event_type": "ASSAULT",
                          "mode": "", "context": [], "actor": [], "recipient": [], "text": "t",
                          "doc_id": "d", "start": 0, "end": 1, "intensity": -9.0,
                          "quad_code": 4, "cameo": "", "negated": False, "hypothetical": False,
                          "source": "", "url": "", "system": "spiral", "date_precision": "day"})


def test_store_quote_role_spans_round_trip(target: str) -> None:
    doc = _document("Escalation, the minister said, is not inevitable.")
    quote = Quote(doc.doc_id, "Escalation, the minister said, is not inevitable", "indirect", 0,
                  48, cue="said", source_spans=((12, 24),), cue_spans=((25, 29),),
                  content_spans=((0, 10), (31, 48)))
    with open_store(target) as store:
        store.add_documents([doc])
        store.replace_extraction(doc.doc_id, pipeline="p", quotes=[quote])
        assert store.quotes() == [quote]


def test_store_reads_quotes_written_before_role_spans(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "store.duckdb"
    first = [m for m in migrations.available("duckdb") if m[0] == 1]
    with duckdb.connect(str(db)) as raw:
        raw.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                    "applied_at TIMESTAMPTZ)").fetchall()
        raw.execute(first[0][2]).fetchall()
        raw.execute("INSERT INTO schema_migrations VALUES (1, 'initial', now())").fetchall()
        raw.execute("INSERT INTO quotes VALUES ('quo_1', 'doc_1', NULL, '', 'he', false, "
                    "'We will respond', 'direct', 'said', NULL, 0, 15)").fetchall()
    with open_store(db) as store:
        (quote,) = store.quotes()
    assert quote.content == "We will respond" and quote.content_spans == ()


def test_store_keeps_the_native_rows_of_events_imported_before_zstd(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "store.duckdb"
    with duckdb.connect(str(db)) as raw:
        raw.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                    "applied_at TIMESTAMPTZ)").fetchall()
        for version, name, sql in migrations.available("duckdb")[:4]:
            raw.execute(sql).fetchall()
            raw.execute("INSERT INTO schema_migrations VALUES (?, ?, now())",
                        [version, name]).fetchall()
        raw.execute("INSERT INTO events (id, doc_id, system, event_type, mode, context, actor, "
                    "recipient, actor_code, recipient_code, date_precision, quad_code, intensity, "
                    "cameo, negated, hypothetical, text, start, \"end\", native) VALUES ('gdelt:1', "
                    "'gdelt:1', 'gdelt', 'ASSAULT', '', [], '[]', '[]', 'RUS', 'UKR', 'day', 4, "
                    "-9.0, '190', false, false, '', 0, 0, '1\t20241121')").fetchall()
    with open_store(db) as store:
        assert store.schema_version == migrations.available("duckdb")[-1][0]
        assert store.events_frame(columns=["id", "native"]).rows() == [("gdelt:1", "1\t20241121")]
        ((sql,),) = store._run("SELECT sql FROM duckdb_tables() WHERE table_name = 'events'")
    assert "native VARCHAR USING COMPRESSION ZSTD" in sql


def test_store_document_charset_round_trip(target: str) -> None:
    doc = Document.from_text("Киев заявил.", origin="ru.html", charset="cp1251",
                             charset_reason="declared in <meta>")
    with open_store(target) as store:
        store.add_documents([doc])
        assert list(store.documents()) == [doc]
        assert store.documents_frame().select("charset", "charset_reason").row(0) == (
            "cp1251", "declared in <meta>")


def test_store_upgrades_documents_stored_before_charsets(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "store.duckdb"
    with duckdb.connect(str(db)) as raw:
        raw.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                    "applied_at TIMESTAMPTZ)").fetchall()
        for version, name, sql in migrations.available("duckdb"):
            if version <= 5:
                raw.execute(sql).fetchall()
                raw.execute("INSERT INTO schema_migrations VALUES (?, ?, now())",
                            [version, name]).fetchall()
        raw.execute("INSERT INTO documents VALUES ('doc_1', 'Kyiv said.', '', NULL, '', '', "
                    "'en', 'a.txt', '')").fetchall()
    with open_store(db) as store:
        assert store.schema_version >= 6
        (document,) = store.documents()
    assert document.text == "Kyiv said." and (document.charset, document.charset_reason) == ("", "")
    with open_store(db, read_only=True) as store:  # upgraded once, then readable as any store
        assert [d.doc_id for d in store.documents()] == ["doc_1"]
