"""Vega-Lite specifications of the report's charts: pure functions from rows to JSON specs."""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]

_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier only; nothing is fetched


def escalation_timeline(rows: list[dict[str, Any]]) -> Spec:
    """Daily Rivera-style escalation score per directed dyad, and the ladder group reached.

    `rows` carry dyad, date (ISO), rivera_score, ladder_group, ladder_label, n_stories.
    """
    base = {"data": {"values": rows}, "encoding": {
        "x": {"field": "date", "type": "temporal", "title": None},
        "color": {"field": "dyad", "type": "nominal", "title": "dyad"},
    }}
    return {
        "$schema": _SCHEMA,
        "vconcat": [
            {**base, "title": "Escalation score per day (Rivera-style, summed over story events)", "width": 860, "height": 200,
             "mark": {"type": "bar", "width": 5},
             "encoding": {**base["encoding"],
                          "y": {"field": "rivera_score", "type": "quantitative",
                                "title": "score"},
                          "tooltip": [{"field": "dyad"}, {"field": "date", "type": "temporal"},
                                      {"field": "rivera_score"}, {"field": "ladder_label"},
                                      {"field": "n_stories"}]}},
            {**base, "title": "Highest escalation-ladder group reached (Kahn, grouped)",
             "width": 860, "height": 180, "mark": {"type": "point", "filled": True, "size": 90},
             "encoding": {**base["encoding"],
                          "y": {"field": "ladder_label", "type": "ordinal", "title": None,
                                "sort": {"field": "ladder_group", "order": "descending"}},
                          "tooltip": [{"field": "dyad"}, {"field": "date", "type": "temporal"},
                                      {"field": "ladder_label"}]}},
        ],
    }


def dyad_heatmap(rows: list[dict[str, Any]]) -> Spec:
    """Who acts on whom: story events per actor x recipient, coloured by escalation score."""
    return {
        "$schema": _SCHEMA,
        "title": "Dyads: escalation score summed over the period",
        "data": {"values": rows},
        "width": "container",
        "height": {"step": 22},
        "mark": "rect",
        "encoding": {
            "x": {"field": "recipient_code", "type": "nominal", "title": "recipient"},
            "y": {"field": "actor_code", "type": "nominal", "title": "actor"},
            # diverging and centred on zero: a strongly negative (de-escalating) dyad is blue
            "color": {"field": "rivera_score", "type": "quantitative", "title": "score",
                      "scale": {"scheme": "redblue", "reverse": True, "domainMid": 0}},
            "tooltip": [{"field": "actor_code", "title": "actor"},
                        {"field": "recipient_code", "title": "recipient"},
                        {"field": "n_stories", "title": "story events"},
                        {"field": "rivera_score", "title": "escalation score"},
                        {"field": "ladder_group", "title": "highest ladder group"}],
        },
    }


def forecast_bands(rows: list[dict[str, Any]]) -> Spec:
    """Simulated weekly counts per dimension and scenario: mean line and 5-95% band."""
    encoding = {"x": {"field": "day", "type": "temporal", "title": None},
                "color": {"field": "scenario", "type": "nominal"}}
    return {
        "$schema": _SCHEMA,
        "data": {"values": rows},
        "facet": {"row": {"field": "dim", "type": "nominal", "title": None}},
        "spec": {
            "width": 640,
            "height": 150,
            "layer": [
                {"mark": {"type": "area", "opacity": 0.25},
                 "encoding": {**encoding,
                              "y": {"field": "q05", "type": "quantitative", "title": "events/week"},
                              "y2": {"field": "q95"}}},
                {"mark": "line",
                 "encoding": {**encoding, "y": {"field": "mean", "type": "quantitative"}}},
            ],
        },
        "resolve": {"scale": {"y": "independent"}},
    }


def residual_qq(rows: list[dict[str, Any]]) -> Spec:
    """Quantiles of the time-rescaled residuals against Exp(1)'s, per dimension, and the diagonal.

    `rows` carry dim, expected, observed.
    """
    axis = {"type": "quantitative"}
    return {
        "$schema": _SCHEMA,
        "data": {"values": rows},
        "width": 320, "height": 260,
        "layer": [
            {"mark": {"type": "line", "color": "#999", "strokeDash": [4, 4]},
             "encoding": {"x": {"field": "expected", **axis, "title": "Exp(1) quantile"},
                          "y": {"field": "expected", **axis}}},
            {"mark": {"type": "point", "filled": True},
             "encoding": {"x": {"field": "expected", **axis},
                          "y": {"field": "observed", **axis, "title": "residual quantile"},
                          "color": {"field": "dim", "type": "nominal", "title": None},
                          "tooltip": [{"field": "dim"}, {"field": "expected", "format": ".2f"},
                                      {"field": "observed", "format": ".2f"}]}},
        ],
    }


def index_over_time(rows: list[dict[str, Any]]) -> Spec:
    """The spiral index of each rolling window at the window's last day, with its 90% interval
    and the line at 1. `rows` carry from, to, n_events, spiral_index, low, high, verdict."""
    x = {"field": "to", "type": "temporal", "title": "window ending"}
    return {
        "$schema": _SCHEMA,
        "data": {"values": [row for row in rows if row["spiral_index"] is not None]},
        "width": 640, "height": 220,
        "layer": [
            {"mark": {"type": "rule", "color": "#c92a2a", "strokeDash": [4, 4]},
             "encoding": {"y": {"datum": 1}}},
            {"mark": "rule", "encoding": {"x": x, "y": {"field": "low", "type": "quantitative"},
                                          "y2": {"field": "high"}}},
            {"mark": {"type": "point", "filled": True, "size": 60},
             "encoding": {"x": x,
                          "y": {"field": "spiral_index", "type": "quantitative",
                                "title": "spiral index"},
                          "tooltip": [{"field": "from"}, {"field": "to"}, {"field": "n_events"},
                                      {"field": "spiral_index", "format": ".2f"},
                                      {"field": "low", "format": ".2f"},
                                      {"field": "high", "format": ".2f"}, {"field": "verdict"}]}},
        ],
    }
