"""Escalation index on a hand-computed fixture: weeks, missing versus zero, ladder and score."""

from __future__ import annotations

from datetime import date

import polars as pl

from spiral.analysis.escalation import escalation_index, ladder_group, rivera_class


def _stories() -> pl.DataFrame:
    rows = [("s1", "RUS", "UKR", "ASSAULT", "missile", date(2024, 11, 21), 4, -9.5, []),
            ("s2", "RUS", "UKR", "THREATEN", "nuclear", date(2024, 11, 22), 3, -8.5, ["cbrn"]),
            ("s3", "RUS", "UKR", "CONSULT", "", date(2024, 12, 3), 1, 1.0, []),
            ("s4", "UKR", "RUS", "ASSAULT", "missile", date(2024, 11, 19), 4, -9.5, [])]
    return pl.DataFrame(rows, schema={"story_id": pl.String, "actor_code": pl.String,
                                      "recipient_code": pl.String, "event_type": pl.String,
                                      "mode": pl.String, "date": pl.Date, "quad_code": pl.Int64,
                                      "intensity": pl.Float64, "context": pl.List(pl.String)},
                        orient="row")


def test_escalation_mappings() -> None:
    assert rivera_class("CONSULT", "", []) == "status quo"
    assert rivera_class("RETREAT", "withdraw", []) == "de-escalation"
    assert rivera_class("SANCTION", "", []) == "non-violent escalation"
    assert ladder_group("ASSAULT", "firearms", []) == 4
    assert ladder_group("ASSAULT", "", ["cbrn"]) == 7


def test_escalation_weekly_index_hand_computed() -> None:
    covered = [date(2024, 11, 19), date(2024, 11, 21), date(2024, 11, 22), date(2024, 12, 3)]
    index = escalation_index(_stories(), freq="week", dyad="RUS-UKR", covered_days=covered)
    rows = {str(r["week"]): r for r in index.iter_rows(named=True)}
    assert list(rows) == ["2024-11-18", "2024-11-25", "2024-12-02"]
    week = rows["2024-11-18"]
    assert (week["n_stories"], week["n_material_conflict"], week["n_verbal_conflict"]) == (2, 1, 1)
    assert week["rivera_score"] == 28 + 60 and week["ladder_group"] == 6
    assert week["intensity_sum"] == -18.0 and week["intensity_mean"] == -9.0
    assert sorted(week["story_ids"]) == ["s1", "s2"]
    assert rows["2024-11-25"]["n_stories"] is None  # no source covered that week: missing
    assert rows["2024-12-02"]["rivera_score"] == 0  # covered, only talk


def test_escalation_daily_zero_when_covered_missing_when_not() -> None:
    covered = [date(2024, 11, 19), date(2024, 11, 21)]
    index = escalation_index(_stories(), freq="day", dyad="UKR-RUS", covered_days=covered)
    by_day = {str(r["date"]): r["n_stories"] for r in index.iter_rows(named=True)}
    assert by_day["2024-11-19"] == 1 and by_day["2024-11-21"] == 0
    assert by_day["2024-11-20"] is None
