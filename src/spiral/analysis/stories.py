"""One event per story: mentions from many reports of one real event merge into a story event.

Two mentions are linked when they have the same directed dyad (never opposite directions), the
same PLOVER type, compatible modes (equal, or one unknown), dates within `window_days` (a
coarser date precision widens the window to its period), no two different weapon systems
named, and similar wording (token-set Jaccard of their sentences at least `min_similarity`). Stories are the connected components of
that graph, so the result depends on neither row order nor input order. Negated and
hypothetical mentions describe no event and are left out; mentions without a resolved actor or
recipient cannot be placed on a dyad and are left out too, and so are those whose actor or
recipient only the place gave (role 'by location') on a dyad with that same place ("the attack hit
Dnipro" is not Ukraine attacking Ukraine).
"""

from __future__ import annotations

import re

import polars as pl

from spiral.nlp.calibration import default_min_confidence
from spiral.nlp.event_lexicon import WEAPON_SYSTEMS
from spiral.records import content_hash

PRECISION_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}
WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(["the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "with",
                       "by", "from", "that", "this", "was", "were", "is", "are", "be", "been",
                       "it", "its", "as", "said", "says", "would", "will", "has", "have", "had"])
MERGE_COLUMNS = ["actor_code", "recipient_code", "event_type"]


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOPWORDS)


def similarity(a: str, b: str) -> float:
    """Token-set Jaccard similarity of two sentences.

    >>> round(similarity("Russia fired a missile at Dnipro", "Russia struck Dnipro with a missile"), 2)
    0.6
    """
    left, right = _words(a), _words(b)
    return len(left & right) / len(left | right) if left | right else 0.0


def _real(events: pl.DataFrame, min_confidence: float) -> pl.DataFrame:
    placed_only = (_placed("actor") | _placed("recipient")) \
        & (pl.col("actor_code") == pl.col("recipient_code"))
    confident = (pl.col("confidence") >= min_confidence) if "confidence" in events.columns \
        else pl.lit(True)
    return events.filter(confident & ~pl.col("negated") & ~pl.col("hypothetical")
                         & (pl.col("actor_code") != "") & (pl.col("recipient_code") != "")
                         & ~placed_only
                         & pl.col("date").is_not_null()).sort("id")


def _placed(side: str) -> pl.Expr:
    return pl.col(side).str.json_path_match("$[0].role").fill_null("") == "by location"


def _linked(a: dict, b: dict, window_days: int, min_similarity: float) -> tuple[bool, dict]:
    gap = abs((a["date"] - b["date"]).days)
    slack = max(PRECISION_DAYS.get(a["date_precision"], 0), PRECISION_DAYS.get(b["date_precision"], 0))
    modes_agree = a["mode"] == b["mode"] or not a["mode"] or not b["mode"]
    score = similarity(a["text"], b["text"])
    same_report = a["doc_id"] == b["doc_id"]
    ok = (modes_agree and gap <= window_days + slack and score >= min_similarity
          and not same_report)
    return ok, {"date_gap_days": gap, "similarity": round(score, 3), "modes_agree": modes_agree}


def _weapons(text: str) -> frozenset[str]:
    """Weapon systems a mention names: different ones tell of different strikes (Ukraine's
    ATACMS strike of 19 November and its Storm Shadow strike of the 20th are two)."""
    lower = text.lower()
    return frozenset(name for name in WEAPON_SYSTEMS if name in lower)


def _components(events: pl.DataFrame, window_days: int,
                min_similarity: float) -> tuple[dict[str, str], list[dict]]:
    """Union-find over linked pairs within each (actor, recipient, type) block, the most alike
    pairs first; two groups that name different weapon systems never join, however a mention
    that names none links them."""
    parent: dict[str, str] = {}
    weapons: dict[str, frozenset[str]] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    reasons = []
    for block in events.partition_by(MERGE_COLUMNS, maintain_order=True):
        rows = block.sort("date", "id").to_dicts()
        for row in rows:
            parent.setdefault(row["id"], row["id"])
            weapons[row["id"]] = _weapons(row["text"])
        links = []
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if (b["date"] - a["date"]).days > window_days + 365:
                    break
                ok, why = _linked(a, b, window_days, min_similarity)
                if ok:
                    links.append((-why["similarity"], a["id"], b["id"], a, why))
        for _, id_a, id_b, a, why in sorted(links, key=lambda link: link[:3]):
            root_a, root_b = find(id_a), find(id_b)
            if root_a == root_b or _conflict(weapons[root_a], weapons[root_b]):
                continue
            root, other = min(root_a, root_b), max(root_a, root_b)
            parent[other] = root
            weapons[root] = weapons[root] | weapons[other]
            reasons.append({"mention_a": id_a, "mention_b": id_b,
                            "dyad": f"{a['actor_code']}->{a['recipient_code']}",
                            "event_type": a["event_type"], **why})
    return {x: find(x) for x in parent}, reasons


def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b and not a & b)


def stories(events: pl.DataFrame, *, window_days: int = 1, min_similarity: float = 0.15,
            min_confidence: float | None = None) -> pl.DataFrame:
    """Story events with their mentions, counts of mentions and of distinct sources.

    The story's date is the earliest of its mentions, its mode the most specific one, its
    intensity the strongest; `story_id` hashes the sorted member ids. Mentions coded with a
    confidence below `min_confidence` (by default the calibrated threshold,
    `spiral.nlp.calibration.default_min_confidence()`) are not counted; they stay stored.
    """
    if min_confidence is None:
        min_confidence = default_min_confidence()
    real = _real(events, min_confidence)
    if real.is_empty():
        return _empty()
    roots, _ = _components(real, window_days, min_similarity)
    grouped = (
        real.with_columns(pl.col("id").replace_strict(roots).alias("_root"))
        .group_by("_root")
        .agg(pl.col("actor_code").first(), pl.col("recipient_code").first(),
             pl.col("event_type").first(),
             pl.col("mode").filter(pl.col("mode") != "").first().fill_null(""),
             pl.col("date").min(), pl.col("quad_code").first(),
             pl.col("intensity").sort_by(pl.col("intensity").abs(), descending=True).first(),
             pl.col("context").list.explode(keep_nulls=False, empty_as_null=False)
             .unique().sort().alias("context"),
             pl.col("id").sort().alias("mention_ids"),
             pl.col("doc_id").unique().sort().alias("doc_ids"),
             pl.col("source").filter(pl.col("source") != "").unique().sort().alias("sources"),
             pl.col("text").sort_by("id").first(), pl.len().alias("n_mentions"))
    )
    return grouped.with_columns(
        pl.col("sources").list.len().alias("n_sources"),
        pl.col("mention_ids").map_elements(lambda ids: "sty_" + content_hash(*ids),
                                           return_dtype=pl.String).alias("story_id"),
    ).drop("_root").sort(["date", "actor_code", "recipient_code", "event_type", "story_id"])


def explain_merges(events: pl.DataFrame, *, window_days: int = 1, min_similarity: float = 0.15,
                   min_confidence: float | None = None) -> pl.DataFrame:
    """Why mentions were merged: one row per linked pair, with dyad, type, date gap and
    wording similarity."""
    real = _real(events, default_min_confidence() if min_confidence is None else min_confidence)
    _, reasons = _components(real, window_days, min_similarity) if not real.is_empty() else ({}, [])
    return pl.DataFrame(reasons, schema={"mention_a": pl.String, "mention_b": pl.String,
                                         "dyad": pl.String, "event_type": pl.String,
                                         "date_gap_days": pl.Int64, "similarity": pl.Float64,
                                         "modes_agree": pl.Boolean})


def _empty() -> pl.DataFrame:
    return pl.DataFrame(schema={
        "actor_code": pl.String, "recipient_code": pl.String, "event_type": pl.String,
        "mode": pl.String, "date": pl.Date, "quad_code": pl.Int64, "intensity": pl.Float64,
        "context": pl.List(pl.String), "mention_ids": pl.List(pl.String),
        "doc_ids": pl.List(pl.String), "sources": pl.List(pl.String), "text": pl.String,
        "n_mentions": pl.UInt32, "n_sources": pl.UInt32, "story_id": pl.String})
