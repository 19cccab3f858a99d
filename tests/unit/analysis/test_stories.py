"""Story events: order-invariant, idempotent, never across directions, every mention kept."""

from __future__ import annotations

import json
from datetime import date, timedelta

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from spiral.analysis.stories import explain_merges, similarity, stories

CODES = ["RUS", "UKR", "USA"]
WORDS = ["missile", "strike", "Dnipro", "Kursk", "fired", "struck", "plant", "region", "drones"]


def _frame(rows: list[dict]) -> pl.DataFrame:
    """Mentions as the store gives them; the actor entity (JSON) named by its code unless set."""
    rows = [{"actor": json.dumps([{"code": r["actor_code"], "role": ""}]),
             "recipient": json.dumps([{"code": r["recipient_code"], "role": ""}]), **r} for r in rows]
    return pl.DataFrame(rows, schema={
        "id": pl.String, "doc_id": pl.String, "actor": pl.String, "actor_code": pl.String,
        "recipient": pl.String, "recipient_code": pl.String,
        "event_type": pl.String, "mode": pl.String, "date": pl.Date, "date_precision": pl.String,
        "quad_code": pl.Int64, "intensity": pl.Float64, "context": pl.List(pl.String),
        "negated": pl.Boolean, "hypothetical": pl.Boolean, "source": pl.String, "text": pl.String})


mentions = st.lists(st.builds(
    lambda i, a, r, t, m, d, s, w: {
        "id": f"e{i}", "doc_id": f"d{i}", "actor_code": a, "recipient_code": r, "event_type": t,
        "mode": m, "date": date(2024, 11, 15) + timedelta(days=d), "date_precision": "day",
        "quad_code": 4, "intensity": -9.0, "context": [], "negated": False,
        "hypothetical": False, "source": s, "text": " ".join(w)},
    st.integers(0, 10_000), st.sampled_from(CODES), st.sampled_from(CODES),
    st.sampled_from(["ASSAULT", "THREATEN"]), st.sampled_from(["", "missile"]),
    st.integers(0, 6), st.sampled_from(["Wire", "Post", "Desk"]),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=5)),
    max_size=25, unique_by=lambda r: r["id"])


@settings(max_examples=60, deadline=None)
@given(mentions, st.randoms())
def test_stories_properties(rows: list[dict], rng) -> None:
    frame = _frame(rows)
    result = stories(frame)
    shuffled = list(rows)
    rng.shuffle(shuffled)
    assert stories(_frame(shuffled)).equals(result)  # order-invariant
    unordered = stories(_frame(shuffled), ordered=False)  # the same stories, unsorted
    assert unordered.sort(result.columns[:5] + ["story_id"]).equals(
        result.sort(result.columns[:5] + ["story_id"]))
    real = frame.filter(pl.col("actor_code") != pl.col("recipient_code"))
    assert result["n_mentions"].sum() == frame.height or result.height == 0 or \
        result["n_mentions"].sum() == frame.height
    members = {m: row for row in result.iter_rows(named=True) for m in row["mention_ids"]}
    assert set(members) == set(frame["id"])  # every mention is in exactly one story
    by_id = {r["id"]: r for r in rows}
    for story in result.iter_rows(named=True):
        directions = {(by_id[m]["actor_code"], by_id[m]["recipient_code"]) for m in story["mention_ids"]}
        assert len(directions) == 1  # never merges opposite directions
        assert story["n_sources"] == len({by_id[m]["source"] for m in story["mention_ids"]})
    del real


def test_stories_merge_one_strike_reported_twice() -> None:
    frame = _frame([
        {"id": "a", "doc_id": "d1", "actor_code": "RUS", "recipient_code": "UKR",
         "event_type": "ASSAULT", "mode": "missile", "date": date(2024, 11, 21),
         "date_precision": "day", "quad_code": 4, "intensity": -9.5, "context": ["military"],
         "negated": False, "hypothetical": False, "source": "Wire",
         "text": "Russia fired a new missile at Dnipro"},
        {"id": "b", "doc_id": "d2", "actor_code": "RUS", "recipient_code": "UKR",
         "event_type": "ASSAULT", "mode": "", "date": date(2024, 11, 22),
         "date_precision": "day", "quad_code": 4, "intensity": -9.0, "context": [],
         "negated": False, "hypothetical": False, "source": "Post",
         "text": "The missile Russia fired at Dnipro was experimental"},
        {"id": "c", "doc_id": "d3", "actor_code": "UKR", "recipient_code": "RUS",
         "event_type": "ASSAULT", "mode": "missile", "date": date(2024, 11, 21),
         "date_precision": "day", "quad_code": 4, "intensity": -9.5, "context": [],
         "negated": False, "hypothetical": False, "source": "Post",
         "text": "Ukraine fired a missile at Russia"},
    ])
    result = stories(frame)
    merged = result.filter(pl.col("actor_code") == "RUS").row(0, named=True)
    assert (merged["n_mentions"], merged["n_sources"], merged["mode"]) == (2, 2, "missile")
    assert merged["date"] == date(2024, 11, 21)
    why = explain_merges(frame).row(0, named=True)
    assert (why["dyad"], why["date_gap_days"]) == ("RUS->UKR", 1)
    assert result.height == 2


def test_stories_leave_out_an_actor_placed_only_where_it_struck() -> None:
    row = {"doc_id": "d1", "actor_code": "UKR", "recipient_code": "UKR", "event_type": "ASSAULT",
           "mode": "", "date": date(2024, 11, 21), "date_precision": "day", "quad_code": 4,
           "intensity": -9.0, "context": [], "negated": False, "hypothetical": False,
           "source": "Wire", "text": "The attack hit an industrial facility in Dnipro"}
    placed = {**row, "id": "a", "actor": json.dumps([{"code": "UKR", "role": "by location"}])}
    target = {**row, "id": "c", "doc_id": "d3", "text": "Ukraine hit an arsenal near Karachev",
              "recipient": json.dumps([{"code": "UKR", "role": "by location"}])}
    named = {**row, "id": "b", "doc_id": "d2", "text": "Ukraine shelled its own positions"}
    assert stories(_frame([placed, target, named]))["mention_ids"].to_list() == [["b"]]


def test_stories_keep_apart_strikes_with_different_weapons() -> None:
    row = {"doc_id": "d1", "actor_code": "UKR", "recipient_code": "RUS", "event_type": "ASSAULT",
           "mode": "missile", "date_precision": "day", "quad_code": 4, "intensity": -9.5,
           "context": [], "negated": False, "hypothetical": False, "source": "Wire"}
    atacms = {**row, "id": "a", "date": date(2024, 11, 19),
              "text": "Ukrainian forces fired American ATACMS missiles at an arsenal in the Bryansk region"}
    storm = {**row, "id": "b", "doc_id": "d2", "date": date(2024, 11, 20), "source": "Post",
             "text": "Ukraine fired British-made Storm Shadow cruise missiles at targets in the Kursk region"}
    bridge = {**row, "id": "c", "doc_id": "d3", "date": date(2024, 11, 20), "source": "Desk",
              "text": "Ukrainian forces fired missiles at targets in the Bryansk and Kursk regions"}
    assert similarity(atacms["text"], storm["text"]) >= 0.15  # alike enough to link
    assert stories(_frame([atacms, storm])).height == 2
    # a mention naming no weapon links to both, but does not join them
    assert sorted(stories(_frame([atacms, bridge, storm]))["n_mentions"].to_list()) == [1, 2]
