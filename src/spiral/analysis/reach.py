"""How widely a statement was reported and how senior its speaker; one red line, many reports.

Quotes: two quotes are one statement when the same speaker says alike words within a few
days. A statement's reach is the number of reports and of distinct
outlets carrying it; with the speaker's seniority (rules below, first match wins) it ranks the
"top quotes".

Red lines: reports of one declaration share the declarer, fall within `window_days` of each
other, and word the condition or the consequence alike (token-set Jaccard, as for story
events); each group is one red line, shown once with its reports.
"""

from __future__ import annotations

import re

import polars as pl

from spiral.analysis.stories import similarity

# (pattern on the speaker's role, seniority): first match wins, so deputies come first.
SENIORITY_RULES: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\b(deputy|vice|assistant|former)\b", re.IGNORECASE), 1),
    (re.compile(r"\b(president|prime minister|chancellor|premier|king|emir|supreme leader|"
                r"head of state)\b", re.IGNORECASE), 3),
    (re.compile(r"\b(minister|secretary of state|secretary[- ]general|foreign secretary|"
                r"defen[cs]e secretary|high representative)\b", re.IGNORECASE), 2),
    (re.compile(r"\b(spokes\w*|ambassador|envoy|advis[eo]r|official|commander|general|chief|"
                r"secretary|director|senator|lawmaker|speaker)\b", re.IGNORECASE), 1),
]


def seniority(role: str | None) -> int:
    """3 head of state or government, 2 minister, 1 other official, 0 unknown.

    >>> seniority("President"), seniority("Deputy Foreign Minister"), seniority("")
    (3, 1, 0)
    """
    for pattern, level in SENIORITY_RULES:
        if role and pattern.search(role):
            return level
    return 0


def statements(quotes: pl.DataFrame, *, window_days: int = 2,
               min_similarity: float = 0.35) -> pl.Series:
    """The statement each quote reports: the id of the first quote of its group.

    Quotes group when the same speaker (code, or the words naming them) says alike words
    (token-set Jaccard) within `window_days`: outlets paraphrase one statement differently.
    """
    rows = quotes.select("id", "speaker_code", "speaker_text", "content", "date") \
        .sort("date", "id", nulls_last=True).to_dicts()
    groups: dict[str, list[dict]] = {}
    found: dict[str, str] = {}
    for row in rows:
        speaker = row["speaker_code"] or row["speaker_text"].lower()
        for group in groups.setdefault(speaker, []):
            first = group[0]
            close = (row["date"] is None or first["date"] is None
                     or abs((row["date"] - first["date"]).days) <= window_days)
            if close and any(similarity(row["content"], g["content"]) >= min_similarity
                             for g in group):
                group.append(row)
                found[row["id"]] = first["id"]
                break
        else:
            groups[speaker].append([row])
            found[row["id"]] = row["id"]
    return quotes["id"].replace_strict(found, return_dtype=pl.String).alias("statement_id")


def rank_quotes(quotes: pl.DataFrame) -> pl.DataFrame:
    """Quotes with `statement_id`, `n_reports`, `n_sources` and `seniority`, widest reach first.

    Reads `id`, `speaker_code`, `speaker_text`, `speaker_role`, `content`, `source`, `date`.
    """
    if quotes.is_empty():
        return quotes.with_columns(pl.lit("").alias("statement_id"),
                                   *(pl.lit(0, pl.Int64).alias(c)
                                     for c in ("n_reports", "n_sources", "seniority")))
    keyed = quotes.with_columns(statements(quotes))
    return keyed.with_columns(
        pl.len().over("statement_id").cast(pl.Int64).alias("n_reports"),
        pl.col("source").n_unique().over("statement_id").cast(pl.Int64).alias("n_sources"),
        pl.col("speaker_role").map_elements(seniority, return_dtype=pl.Int64)
        .alias("seniority"),
    ).sort(["n_sources", "seniority", "n_reports", "date", "id"],
           descending=[True, True, True, True, False], nulls_last=True)


def top_statements(quotes: pl.DataFrame, n: int) -> pl.DataFrame:
    """The `n` widest-reported statements of the most senior speakers, one report each."""
    ranked = rank_quotes(quotes)
    return ranked.filter(pl.col("statement_id").is_first_distinct()).head(n)


def group_red_lines(red_lines: pl.DataFrame, *, window_days: int = 3,
                    min_similarity: float = 0.4) -> pl.DataFrame:
    """Each red line with `group_id` (id of the group's first report), the group's
    `report_ids`, `n_reports` and `n_sources`.

    Reads `id`, `declarer_code`, `date`, `condition`, `consequence`, `source`.
    """
    rows = red_lines.sort("date", "id", nulls_last=True).to_dicts()
    groups: list[list[dict]] = []
    for row in rows:
        for group in groups:
            first = group[0]
            close = (row["date"] is None or first["date"] is None
                     or abs((row["date"] - first["date"]).days) <= window_days)
            alike = any(max(similarity(row["condition"], g["condition"]),
                            similarity(row["consequence"], g["consequence"])) >= min_similarity
                        for g in group)
            if first["declarer_code"] == row["declarer_code"] and close and alike:
                group.append(row)
                break
        else:
            groups.append([row])
    members = {r["id"]: g for g in groups for r in g}
    return red_lines.with_columns(
        pl.col("id").replace_strict({i: g[0]["id"] for i, g in members.items()},
                                    return_dtype=pl.String).alias("group_id"),
        pl.col("id").replace_strict({i: [r["id"] for r in g] for i, g in members.items()},
                                    return_dtype=pl.List(pl.String)).alias("report_ids"),
        pl.col("id").replace_strict({i: len(g) for i, g in members.items()},
                                    return_dtype=pl.Int64).alias("n_reports"),
        pl.col("id").replace_strict(
            {i: len({r["source"] for r in g if r.get("source")}) for i, g in members.items()},
            return_dtype=pl.Int64).alias("n_sources"),
    )
