"""Reach of statements, seniority of speakers, and one red line however many reports."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from spiral.analysis.reach import SENIORITY_RULES, group_red_lines, rank_quotes, seniority


@pytest.mark.parametrize(("role", "level"), [
    ("President", 3), ("Prime Minister", 3), ("Chancellor", 3), ("Foreign Minister", 2),
    ("Secretary of State", 2), ("NATO Secretary-General", 2), ("Kremlin spokesman", 1),
    ("Ambassador to the UN", 1), ("Deputy Foreign Minister", 1), ("Vice President", 1),
    ("former President", 1), ("", 0), ("farmer", 0)])
def test_reach_seniority_per_rule_family(role: str, level: int) -> None:
    assert seniority(role) == level
    assert {lvl for _, lvl in SENIORITY_RULES} == {1, 2, 3}


def _quotes(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"id": pl.String, "speaker_code": pl.String,
                                      "speaker_text": pl.String, "speaker_role": pl.String,
                                      "content": pl.String, "source": pl.String,
                                      "date": pl.Date}, orient="row")


def test_reach_widely_reported_statement_ranks_first() -> None:
    day = date(2024, 11, 21)
    ranked = rank_quotes(_quotes([
        ("q1", "RUS", "Peskov", "spokesman", "the talks are over for now", "A", date(2024, 1, 1)),
        ("q2", "RUS", "Putin", "President", ("Russia is entitled to strike military facilities "
                                             "of countries whose weapons are used against it"),
         "A", day),
        ("q3", "RUS", "Putin", "President", ("Russia considers itself entitled to strike military "
                                             "facilities of countries whose weapons are used "
                                             "against it"), "B", day),
        ("q4", "UKR", "Zelensky", "President", "we need more air defence", "C", day)]))
    assert ranked["id"].to_list()[:2] in (["q2", "q3"], ["q3", "q2"])
    assert ranked.row(0, named=True)["n_sources"] == 2
    assert ranked.filter(pl.col("id") == "q1")["seniority"].item() == 1
    assert ranked["id"].to_list()[-1] == "q1"


def test_reach_one_red_line_many_reports() -> None:
    frame = pl.DataFrame({
        "id": ["r1", "r2", "r3", "r4"],
        "declarer_code": ["RUS", "RUS", "RUS", "USA"],
        "date": [date(2024, 9, 12), date(2024, 9, 13), date(2024, 12, 1), date(2024, 9, 12)],
        "condition": ["letting Ukraine fire Western missiles into Russia",
                      "allowing Kyiv to fire long-range Western missiles into Russia",
                      "letting Ukraine fire Western missiles into Russia",
                      "letting Ukraine fire Western missiles into Russia"],
        "consequence": ["NATO would be at war with Russia", "NATO was at war with Russia",
                        "NATO would be at war with Russia", "sanctions"],
        "source": ["A", "B", "A", "C"]})
    grouped = group_red_lines(frame)
    assert grouped["group_id"].to_list() == ["r1", "r1", "r3", "r4"]
    assert grouped["n_reports"].to_list() == [2, 2, 1, 1]
    assert grouped["n_sources"].to_list() == [2, 2, 1, 1]
