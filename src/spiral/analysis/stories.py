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

Records of data sets that are already one per event (ACLED, GDELT: see `spiral.datasets`) are
never merged: each is its own story, with id `sty_<record id>`. Undirected records (ACLED) sit
on the unordered pair, codes in alphabetical order, with `directed` false, and never merge with
directed ones. A curated record and a story of coded news with the same type and pair of
countries within `window_days` are linked (`linked_story_ids`), not merged.
"""

from __future__ import annotations

import bisect
import re

import polars as pl

from spiral.datasets import CURATED, ONE_PER_EVENT
from spiral.nlp.calibration import default_min_confidence
from spiral.nlp.event_lexicon import WEAPON_SYSTEMS
from spiral.records import content_hash

PRECISION_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}
WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(["the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "with",
                       "by", "from", "that", "this", "was", "were", "is", "are", "be", "been",
                       "it", "its", "as", "said", "says", "would", "will", "has", "have", "had"])
MERGE_COLUMNS = ["actor_code", "recipient_code", "event_type", "directed"]
# the event columns `stories` reads (a store can give only these)
STORY_COLUMNS = ("id", "doc_id", "system", "event_type", "mode", "context", "actor", "recipient",
                 "actor_code", "recipient_code", "date", "date_precision", "quad_code",
                 "intensity", "negated", "hypothetical", "text", "source", "directed",
                 "confidence")


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
    if "system" not in events.columns:
        events = events.with_columns(pl.lit("spiral").alias("system"))
    if "directed" not in events.columns:
        events = events.with_columns(pl.lit(True).alias("directed"))
    swap = ~pl.col("directed") & (pl.col("actor_code") > pl.col("recipient_code"))
    events = events.with_columns(
        pl.when(swap).then(pl.col("recipient_code")).otherwise(pl.col("actor_code"))
        .alias("actor_code"),
        pl.when(swap).then(pl.col("actor_code")).otherwise(pl.col("recipient_code"))
        .alias("recipient_code"))
    confident = (pl.col("confidence") >= min_confidence) if "confidence" in events.columns \
        else pl.lit(True)
    kept = events.filter(confident & ~pl.col("negated") & ~pl.col("hypothetical")
                         & (pl.col("actor_code") != "") & (pl.col("recipient_code") != "")
                         & pl.col("date").is_not_null())
    # only a mention of one country acting on itself can owe that to a place, so the actor
    # lists (a million of them for a large import) are searched on those rows alone
    same = pl.col("actor_code") == pl.col("recipient_code")
    return pl.concat([kept.filter(~same),
                      kept.filter(same).filter(~(_placed("actor") | _placed("recipient")))])


def _placed(side: str) -> pl.Expr:
    # a substring test, not a JSON parse: a million actor lists parse in seconds; the text may
    # come dictionary-encoded (Categorical), as the server keeps it
    return pl.col(side).cast(pl.String).str.contains(r'"role":\s*"by location"')


def _linked_pairs(rows: list[dict], window_days: int,
                  min_similarity: float) -> list[tuple[float, int, int, int]]:
    """(similarity, i, j, date gap) of the linked pairs of one block, rows sorted by date.

    The cheap tests come first; word sets are built once per mention, and |A | B| is counted
    as |A| + |B| - |A & B|. This is the loop that a few hundred thousand mentions spend their
    time in.
    """
    days = [r["date"].toordinal() for r in rows]
    slack = [PRECISION_DAYS.get(r["date_precision"], 0) for r in rows]
    modes = [r["mode"] for r in rows]
    docs = [r["doc_id"] for r in rows]
    words = [_words(r["text"]) for r in rows]
    sizes = [len(w) for w in words]
    reach = window_days + max(slack)
    coarse = any(slack)
    found = []
    for i in range(len(rows)):
        day_i, mode_i, doc_i, words_i, size_i = days[i], modes[i], docs[i], words[i], sizes[i]
        for j in range(i + 1, bisect.bisect_right(days, day_i + reach, lo=i + 1)):
            if docs[j] == doc_i or (mode_i and modes[j] and mode_i != modes[j]):
                continue
            gap = days[j] - day_i
            if coarse and gap > window_days + max(slack[i], slack[j]):
                continue
            shared = len(words_i & words[j])
            union = size_i + sizes[j] - shared
            score = shared / union if union else 0.0
            if score >= min_similarity:
                found.append((score, i, j, gap))
    return found


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
        rows = block.sort("date", "id").select(
            "id", "date", "date_precision", "mode", "doc_id", "text", "actor_code",
            "recipient_code", "event_type").to_dicts()
        for row in rows:
            parent.setdefault(row["id"], row["id"])
            weapons[row["id"]] = _weapons(row["text"])
        links = [(-score, rows[i]["id"], rows[j]["id"], rows[i],
                  {"date_gap_days": gap, "similarity": round(score, 3), "modes_agree": True})
                 for score, i, j, gap in _linked_pairs(rows, window_days, min_similarity)]
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
            min_confidence: float | None = None, ordered: bool = True) -> pl.DataFrame:
    """Story events with their mentions, counts of mentions and of distinct sources.

    The story's date is the earliest of its mentions, its mode the most specific one, its
    intensity the strongest; `story_id` hashes the sorted member ids. Mentions coded with a
    confidence below `min_confidence` (by default the calibrated threshold,
    `spiral.nlp.calibration.default_min_confidence()`) are not counted; they stay stored.
    Stories come by date, dyad, type and id; in no order without `ordered` (sorting a
    million imported events' stories takes longer than finding them).
    """
    if min_confidence is None:
        min_confidence = default_min_confidence()
    real = _real(events, min_confidence)
    if real.is_empty():
        return _empty()
    single = pl.col("system").is_in(ONE_PER_EVENT)
    found = pl.concat([_merged(real.filter(~single), window_days, min_similarity),
                       _records(real.filter(single))], how="vertical_relaxed")
    found = _linked_stories(found, window_days)
    return found.sort(["date", "actor_code", "recipient_code", "event_type", "story_id"]) \
        if ordered else found


def _merged(real: pl.DataFrame, window_days: int, min_similarity: float) -> pl.DataFrame:
    if real.is_empty():
        return _empty().drop("linked_story_ids")
    real = real.sort("id")
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
             pl.col("text").sort_by("id").first(), pl.len().alias("n_mentions"),
             pl.col("directed").first(), pl.col("system").first())
    )
    return grouped.with_columns(
        pl.col("sources").list.len().alias("n_sources"),
        pl.col("mention_ids").map_elements(lambda ids: "sty_" + content_hash(*ids),
                                           return_dtype=pl.String).alias("story_id"),
    ).drop("_root").select(_empty().drop("linked_story_ids").columns)


def _records(real: pl.DataFrame) -> pl.DataFrame:
    """One story per record of a data set that is already one record per event."""
    return real.select(
        "actor_code", "recipient_code", "event_type", "mode", "date", "quad_code", "intensity",
        "context", pl.concat_list("id").alias("mention_ids"),
        pl.concat_list("doc_id").alias("doc_ids"),
        pl.when(pl.col("source") != "").then(pl.concat_list("source"))
        .otherwise(pl.lit([], pl.List(pl.String))).alias("sources"),
        "text", pl.lit(1, pl.UInt32).alias("n_mentions"), "directed", "system",
    ).with_columns(pl.col("sources").list.len().alias("n_sources"),
                   ("sty_" + pl.col("mention_ids").list.first()).alias("story_id"))


def _linked_stories(found: pl.DataFrame, window_days: int) -> pl.DataFrame:
    """`linked_story_ids`: curated records and stories of news-coded mentions (merged by
    spiral) of the same type and pair of countries, within `window_days` of each other."""
    pair = [pl.min_horizontal("actor_code", "recipient_code").alias("_lo"),
            pl.max_horizontal("actor_code", "recipient_code").alias("_hi")]
    curated = found.filter(pl.col("system").is_in(CURATED)).select(
        "story_id", "event_type", "date", *pair)
    news = found.filter(~pl.col("system").is_in(ONE_PER_EVENT)).select(
        "story_id", "event_type", "date", *pair)
    pairs = curated.join(news, on=["event_type", "_lo", "_hi"], suffix="_news").filter(
        (pl.col("date") - pl.col("date_news")).dt.total_days().abs() <= window_days)
    links = pl.concat([
        pairs.select(pl.col("story_id"), pl.col("story_id_news").alias("linked")),
        pairs.select(pl.col("story_id_news").alias("story_id"), pl.col("story_id").alias("linked")),
    ]).group_by("story_id").agg(pl.col("linked").unique().sort().alias("linked_story_ids"))
    return found.join(links, on="story_id", how="left").with_columns(
        pl.col("linked_story_ids").fill_null(pl.lit([], pl.List(pl.String))))


def explain_merges(events: pl.DataFrame, *, window_days: int = 1, min_similarity: float = 0.15,
                   min_confidence: float | None = None) -> pl.DataFrame:
    """Why mentions were merged: one row per linked pair, with dyad, type, date gap and
    wording similarity."""
    real = _real(events, default_min_confidence() if min_confidence is None else min_confidence)
    real = real.filter(~pl.col("system").is_in(ONE_PER_EVENT)).sort("id")
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
        "n_mentions": pl.UInt32, "directed": pl.Boolean, "system": pl.String,
        "n_sources": pl.UInt32, "story_id": pl.String, "linked_story_ids": pl.List(pl.String)})
