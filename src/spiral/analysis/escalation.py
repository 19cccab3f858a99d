"""Escalation measures per directed dyad per day or week, each traceable to its story events.

Scales (documented in docs/escalation.md):
- Rivera-style score of a story: de-escalation -2, status quo 0, posturing 4, non-violent
  escalation 12, violent escalation 28, nuclear 60; a period's score is the sum over its stories.
- Kahn ladder group of a story (0-7, spiral's grouping of Kahn's rungs for PLOVER events); a
  period reports the highest group reached.
Periods in which the sources covered nothing at all are missing (null), not zero: a quiet day
in the news is not a day of peace.

Undirected stories (ACLED's, whose two actors imply no direction) are measured on their own
unordered pair, written with the codes in alphabetical order joined by `~` ("RUS~UKR"); they are
never split or copied onto the directed dyads, so nothing is counted twice.
"""

from __future__ import annotations

from datetime import date

import polars as pl

RIVERA = {"de-escalation": -2, "status quo": 0, "posturing": 4, "non-violent escalation": 12,
          "violent escalation": 28, "nuclear": 60}
LADDER = {0: "cooperation or talk", 1: "political and diplomatic gestures",
          2: "solemn threats and sanctions", 3: "show of force", 4: "acts of violence",
          5: "strategic strikes", 6: "nuclear threats", 7: "nuclear use"}
NUCLEAR_CONTEXTS = {"cbrn"}


def rivera_class(event_type: str, mode: str, context: list[str]) -> str:
    """The Rivera-style class of a story event.

    >>> rivera_class("ASSAULT", "missile", ["military"]), rivera_class("THREATEN", "nuclear", [])
    ('violent escalation', 'nuclear')
    """
    if mode == "nuclear" or NUCLEAR_CONTEXTS & set(context or []):
        return "nuclear" if event_type in ("THREATEN", "ASSAULT", "MOBILIZE") else "posturing"
    if event_type == "ASSAULT":
        return "violent escalation"
    if event_type in ("SANCTION", "MOBILIZE", "COERCE", "PROTEST") or (
            event_type == "THREATEN" and mode in ("military", "ultimatum")):
        return "non-violent escalation"
    if event_type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
        return "posturing"
    if event_type in ("AGREE", "CONCEDE", "RETREAT", "COOPERATE"):
        return "de-escalation"
    return "status quo"


def ladder_group(event_type: str, mode: str, context: list[str]) -> int:
    """spiral's Kahn ladder group (0-7) of a story event.

    >>> ladder_group("ASSAULT", "missile", []), ladder_group("THREATEN", "nuclear", [])
    (5, 6)
    """
    nuclear = mode == "nuclear" or bool(NUCLEAR_CONTEXTS & set(context or []))
    if event_type == "ASSAULT":
        return 7 if nuclear else 5 if mode in ("missile", "aerial") else 4
    if nuclear and event_type in ("THREATEN", "MOBILIZE"):
        return 6
    if event_type in ("MOBILIZE", "COERCE"):
        return 3
    if event_type in ("THREATEN", "SANCTION"):
        return 2
    if event_type in ("REQUEST", "ACCUSE", "REJECT", "PROTEST"):
        return 1
    return 0


def score_stories(stories: pl.DataFrame) -> pl.DataFrame:
    """Stories with their Rivera class and score and their ladder group (one pass per
    distinct type, mode and context, not per story)."""
    keys = stories.select("event_type", "mode", "context").unique()
    lookup = keys.with_columns(
        pl.Series("rivera_class", [rivera_class(*r) for r in keys.rows()], pl.String),
        pl.Series("ladder_group", [ladder_group(*r) for r in keys.rows()], pl.Int64),
    ).with_columns(pl.col("rivera_class").replace_strict(RIVERA, return_dtype=pl.Int64)
                   .alias("rivera_score"))
    return stories.join(lookup, on=["event_type", "mode", "context"], how="left",
                        nulls_equal=True)


def escalation_index(stories: pl.DataFrame, *, freq: str = "day", dyad: str | None = None,
                     covered_days: list[date] | None = None) -> pl.DataFrame:
    """Per directed dyad and period: counts by quad class, PLOVER intensity sum and mean,
    Rivera-style score, highest ladder group, and the story ids behind the row.

    `dyad` is "RUS-UKR" (RUS acting on UKR) or "RUS~UKR" (the undirected pair). `covered_days`
    are the days any source covered;
    every covered period from a dyad's first story on appears (zero when nothing
    happened), uncovered ones are null. Without it, the days on which any story happened count
    as covered.
    """
    if freq not in ("day", "week"):
        raise ValueError(f"freq={freq!r}; use 'day' or 'week'")
    scored = score_stories(stories).filter(pl.col("date").is_not_null())
    if "directed" not in scored.columns:
        scored = scored.with_columns(pl.lit(True).alias("directed"))
    if dyad is not None:
        undirected = "~" in dyad
        actor, _, recipient = dyad.partition("~" if undirected else "-")
        if undirected:
            actor, recipient = sorted((actor, recipient))
        scored = scored.filter((pl.col("actor_code") == actor)
                               & (pl.col("recipient_code") == recipient)
                               & (pl.col("directed") != undirected))
    period = _period(freq)
    scored = scored.with_columns(period.alias("period"))
    quads = [(pl.col("quad_code") == q).sum().alias(name) for q, name in
             ((1, "n_verbal_cooperation"), (2, "n_material_cooperation"),
              (3, "n_verbal_conflict"), (4, "n_material_conflict"))]
    measured = scored.group_by("actor_code", "recipient_code", "directed", "period").agg(
        pl.len().alias("n_stories"), *quads,
        pl.col("intensity").sum().alias("intensity_sum"),
        pl.col("intensity").mean().alias("intensity_mean"),
        pl.col("rivera_score").sum().alias("rivera_score"),
        pl.col("ladder_group").max().alias("ladder_group"),
        pl.col("story_id").sort().alias("story_ids"))
    days = covered_days if covered_days is not None else scored["date"].unique().to_list()
    # Each dyad's rows run from its first story period to the last covered period, so the
    # output grows with the data, not with the earliest date some stray document gives the store.
    covered = pl.DataFrame({"date": days}, schema={"date": pl.Date}).select(
        period.alias("period")).unique().with_columns(pl.lit(True).alias("covered"))
    last_covered = covered["period"].max()
    extents = measured.group_by("actor_code", "recipient_code", "directed").agg(
        pl.col("period").min().alias("first"),
        pl.max_horizontal(pl.col("period").max(), pl.lit(last_covered)).alias("last"))
    grid = extents.with_columns(
        pl.date_ranges("first", "last", "1d" if freq == "day" else "1w").alias("period")
    ).explode("period").drop("first", "last")
    full = grid.join(covered, on="period", how="left").join(
        measured, on=["actor_code", "recipient_code", "directed", "period"], how="left"
    ).with_columns((pl.col("covered").fill_null(False) | pl.col("n_stories").is_not_null())
                   .alias("covered"))
    zero_when_covered = [c for c in measured.columns
                         if c.startswith("n_") or c in ("intensity_sum", "rivera_score")]
    return full.with_columns(
        *[pl.when(pl.col("covered")).then(pl.col(c).fill_null(0)).otherwise(None).alias(c)
          for c in zero_when_covered],
        pl.when(pl.col("covered")).then(pl.col("ladder_group").fill_null(0)).alias("ladder_group"),
        pl.when(pl.col("covered")).then(
            pl.col("ladder_group").fill_null(0).replace_strict(LADDER, return_dtype=pl.String))
        .alias("ladder_label"),
        pl.col("story_ids").fill_null([]),
        pl.concat_str("actor_code", pl.when(pl.col("directed")).then(pl.lit("->"))
                      .otherwise(pl.lit("~")), "recipient_code").alias("dyad"),
    ).rename({"period": period_column(freq)}).sort("dyad", period_column(freq))


def period_column(freq: str) -> str:
    """Name of the period column: `date` for days, `week` (its Monday) for weeks."""
    return "date" if freq == "day" else "week"


def _period(freq: str) -> pl.Expr:
    return pl.col("date") if freq == "day" else pl.col("date").dt.truncate("1w")


def covered_days(documents: pl.DataFrame, events: pl.DataFrame) -> list[date]:
    """Days any source covered: days with a report, or with an imported event."""
    days = set(documents["published"].drop_nulls().dt.date().to_list())
    days |= set(events.filter(pl.col("system") != "spiral")["date"].drop_nulls().unique()
                .to_list())
    return sorted(days)


