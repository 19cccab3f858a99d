"""What a report shows, as plain rows: built from the store by `collect`, drawn by the renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Rows = list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Every table and chart of the report.

    index_rows: dyad, date, rivera_score, ladder_group, ladder_label, n_stories (per dyad-day).
    dyad_rows: actor_code, recipient_code, n_stories, rivera_score, ladder_group.
    story_rows: date, actor_code, recipient_code, event_type, mode, n_mentions, n_sources, text,
        url, source.
    red_line_rows: date, declarer, addressee, condition, consequence, status, steps, sentence,
        url, source.
    quote_rows: date, speaker, anonymous, content, kind, sentence, url, source.
    spiral_index: label, value, low, high, verdict, note (one per fitted model; value, low and
        high are None when there were too few events to estimate, and verdict says so).
    qq_rows: dim, expected, observed (quantiles of time-rescaled residuals against Exp(1)'s),
        window, n_events, decay_per_day.
    rolling_index_rows: from, to, n_events, spiral_index, low, high, decay_per_day, verdict.
    backtest_rows: per dimension, `evaluation.Backtest.summary()` (skills, coverages, verdict)
        with n_skipped_origins; backtest_error says why there is none when the fit was made.
    forecast_rows: scenario, dim, day, mean, q05, q50, q95, window, n_events, decay_per_day.
    """

    title: str
    subtitle: str
    summary: dict[str, Any] = field(default_factory=dict)
    index_rows: Rows = field(default_factory=list)
    dyad_rows: Rows = field(default_factory=list)
    story_rows: Rows = field(default_factory=list)
    red_line_rows: Rows = field(default_factory=list)
    quote_rows: Rows = field(default_factory=list)
    spiral_index: Rows = field(default_factory=list)
    forecast_rows: Rows = field(default_factory=list)
    qq_rows: Rows = field(default_factory=list)
    rolling_index_rows: Rows = field(default_factory=list)
    backtest_rows: Rows = field(default_factory=list)
    backtest_error: str = ""
