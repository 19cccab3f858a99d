"""Story events and per-dyad daily measures: pure functions on the store's events frame.

One real event reported by several outlets is one story: mentions that agree on directed dyad,
event type, mode and date are merged, keeping every mention. Negated and hypothetical mentions
describe no event and are left out.
"""

from __future__ import annotations

import polars as pl

from spiral.records import content_hash

STORY_KEY = ["actor_code", "recipient_code", "event_type", "mode", "date"]
QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
              4: "material_conflict"}


def stories(events: pl.DataFrame) -> pl.DataFrame:
    """Story events: one row per real event with its mentions and distinct sources.

    Deterministic and independent of row order.

    >>> frame = pl.DataFrame({"id": ["a", "b"], "doc_id": ["d1", "d2"], "actor_code": ["RUS"] * 2,
    ...     "recipient_code": ["UKR"] * 2, "event_type": ["ASSAULT"] * 2, "mode": ["missile"] * 2,
    ...     "date": [None, None], "quad_code": [4, 4], "intensity": [-9.5, -9.5],
    ...     "negated": [False] * 2, "hypothetical": [False] * 2, "source": ["W", "D"],
    ...     "text": ["x", "y"]})
    >>> stories(frame).select("n_mentions", "n_sources").row(0)
    (2, 2)
    """
    real = events.filter(~pl.col("negated") & ~pl.col("hypothetical")
                         & (pl.col("actor_code") != "") & (pl.col("recipient_code") != ""))
    grouped = (
        real.sort("id")
        .group_by(STORY_KEY)
        .agg(pl.col("quad_code").first(), pl.col("intensity").min(),
             pl.col("id").alias("mention_ids"), pl.col("doc_id").unique().sort().alias("doc_ids"),
             pl.col("source").unique().sort().alias("sources"),
             pl.col("text").first(), pl.len().alias("n_mentions"))
        .with_columns(pl.col("sources").list.len().alias("n_sources"))
    )
    return grouped.with_columns(
        pl.struct(STORY_KEY).map_elements(
            lambda key: "sty_" + content_hash(*(key[c] for c in STORY_KEY)),
            return_dtype=pl.String).alias("story_id")
    ).sort(["date", "actor_code", "recipient_code", "event_type", "mode"], nulls_last=True)


def dyad_daily(stories_frame: pl.DataFrame) -> pl.DataFrame:
    """Per directed dyad and day: story counts by quad class, intensity sum and mean, and the
    hostility score (sum of negative intensities, as a positive number).
    """
    dated = stories_frame.filter(pl.col("date").is_not_null())
    quads = [(pl.col("quad_code") == q).sum().alias(f"n_{name}") for q, name in QUAD_NAMES.items()]
    return (
        dated.group_by("actor_code", "recipient_code", "date")
        .agg(pl.len().alias("n_events"), *quads,
             pl.col("intensity").sum().alias("intensity_sum"),
             pl.col("intensity").mean().alias("intensity_mean"),
             (-pl.col("intensity").clip(upper_bound=0)).sum().alias("hostility"),
             pl.col("event_type").sort_by("intensity").first().alias("top_event"),
             pl.col("story_id").sort().alias("story_ids"))
        .with_columns(pl.concat_str("actor_code", pl.lit("->"), "recipient_code").alias("dyad"))
        .sort("dyad", "date")
    )
