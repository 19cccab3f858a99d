"""Vega-Lite specs of the dashboard: pure functions from rows to specs.

Every clickable mark's datum carries an `href` to the story events behind it, which the page
follows on click (not Vega's `href` channel, which would open a new window).
Tooltips have titles, not field names.
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]
_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier; nothing is fetched


def timeline(rows: list[dict[str, Any]], markers: list[dict[str, Any]]) -> Spec:
    """Daily escalation score per dyad (points on lines), key story events as labelled rules,
    and a date brush (the `brush` parameter) the page turns into since/until.

    `rows`: dyad, date, rivera_score, ladder_label, n_stories, href.
    `markers`: date, label, href.
    """
    x = {"field": "date", "type": "temporal", "title": None}
    layers: list[Spec] = [{
        "data": {"values": rows},
        "params": [{"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}],
        "mark": {"type": "line", "point": {"filled": True, "size": 60, "cursor": "pointer"}},
        "encoding": {
            "x": x,
            "y": {"field": "rivera_score", "type": "quantitative",
                  "title": "escalation score (Rivera-style, per day)"},
            "color": {"field": "dyad", "type": "nominal", "title": "dyad"},
            "tooltip": [{"field": "dyad", "title": "dyad"},
                        {"field": "date", "type": "temporal", "title": "day"},
                        {"field": "rivera_score", "title": "escalation score"},
                        {"field": "ladder_label", "title": "highest rung"},
                        {"field": "n_stories", "title": "story events"}]}}]
    if markers:
        layers += [
            {"data": {"values": markers}, "mark": {"type": "rule", "strokeDash": [4, 3],
                                                   "color": "#888", "strokeWidth": 3,
                                                   "cursor": "pointer"},
             "encoding": {"x": x,
                          "tooltip": [{"field": "label", "title": "key story event"},
                                      {"field": "date", "type": "temporal", "title": "day"}]}},
            {"data": {"values": markers},
             "mark": {"type": "text", "angle": 300, "align": "left", "dx": 3, "dy": -2,
                      "fontSize": 10, "color": "#444"},
             "encoding": {"x": x, "y": {"value": 0}, "text": {"field": "label"}}}]
    return {"$schema": _SCHEMA, "width": "container", "height": 260,
            "title": "Escalation over time (drag to pick dates; click a point or marker for "
                     "the story events)",
            "layer": layers}


def ladder(rows: list[dict[str, Any]]) -> Spec:
    """Highest escalation-ladder group reached per day."""
    return {"$schema": _SCHEMA, "width": "container", "height": 160,
            "title": "Highest rung of the escalation ladder reached",
            "data": {"values": rows},
            "mark": {"type": "point", "filled": True, "size": 80, "cursor": "pointer"},
            "encoding": {
                "x": {"field": "date", "type": "temporal", "title": None},
                "y": {"field": "ladder_label", "type": "ordinal", "title": None,
                      "sort": {"field": "ladder_group", "order": "descending"}},
                "color": {"field": "dyad", "type": "nominal", "title": "dyad"},
                "tooltip": [{"field": "dyad", "title": "dyad"},
                            {"field": "date", "type": "temporal", "title": "day"},
                            {"field": "ladder_label", "title": "highest rung"}]}}


def heatmap(rows: list[dict[str, Any]]) -> Spec:
    """Who acts on whom: summed escalation score per actor x recipient on a diverging scale
    centred on zero (blue de-escalation, red escalation).

    `rows`: actor_code, recipient_code, n_stories, rivera_score, ladder_group, href.
    """
    return {"$schema": _SCHEMA, "width": "container", "height": {"step": 24},
            "title": "Dyads: escalation score over the period (click a cell for its story events)",
            "data": {"values": rows}, "mark": {"type": "rect", "stroke": "#fff", "cursor": "pointer"},
            "encoding": {
                "x": {"field": "recipient_code", "type": "nominal", "title": "recipient"},
                "y": {"field": "actor_code", "type": "nominal", "title": "actor"},
                "color": {"field": "rivera_score", "type": "quantitative",
                          "title": "escalation score",
                          "scale": {"scheme": "redblue", "reverse": True, "domainMid": 0}},
                "tooltip": [{"field": "actor_code", "title": "actor"},
                            {"field": "recipient_code", "title": "recipient"},
                            {"field": "n_stories", "title": "story events"},
                            {"field": "rivera_score", "title": "escalation score"},
                            {"field": "ladder_group", "title": "highest ladder group"}]}}


def branching(rows: list[dict[str, Any]]) -> Spec:
    """The branching matrix: events of the row caused per event of the column."""
    return {"$schema": _SCHEMA, "width": 320, "height": 320,
            "title": "Branching matrix (row excited by column)",
            "data": {"values": rows},
            "layer": [
                {"mark": "rect", "encoding": {
                    "x": {"field": "source", "type": "nominal", "title": "cause"},
                    "y": {"field": "target", "type": "nominal", "title": "effect"},
                    "color": {"field": "value", "type": "quantitative", "title": "events caused",
                              "scale": {"scheme": "oranges", "domainMin": 0}},
                    "tooltip": [{"field": "source", "title": "cause"},
                                {"field": "target", "title": "effect"},
                                {"field": "value", "title": "events caused per event",
                                 "format": ".2f"}]}},
                {"mark": {"type": "text"}, "encoding": {
                    "x": {"field": "source", "type": "nominal"},
                    "y": {"field": "target", "type": "nominal"},
                    "text": {"field": "value", "format": ".2f"}}}]}


def forecast(rows: list[dict[str, Any]]) -> Spec:
    """Observed story events per bin, then the simulated mean and 5-95% band."""
    x = {"field": "day", "type": "temporal", "title": None}
    return {"$schema": _SCHEMA, "data": {"values": rows},
            "facet": {"row": {"field": "dim", "type": "nominal", "title": None}},
            "spec": {"width": 640, "height": 140, "layer": [
                {"transform": [{"filter": "!datum.observed"}],
                 "mark": {"type": "area", "opacity": 0.25},
                 "encoding": {"x": x, "y": {"field": "q05", "type": "quantitative",
                                            "title": "story events per bin"},
                              "y2": {"field": "q95"},
                              "color": {"field": "scenario", "type": "nominal"}}},
                {"transform": [{"filter": "!datum.observed"}], "mark": "line",
                 "encoding": {"x": x, "y": {"field": "mean", "type": "quantitative"},
                              "color": {"field": "scenario", "type": "nominal"},
                              "tooltip": [{"field": "day", "type": "temporal", "title": "from"},
                                          {"field": "mean", "format": ".1f", "title": "mean"},
                                          {"field": "q05", "title": "5%"},
                                          {"field": "q95", "title": "95%"}]}},
                {"transform": [{"filter": "datum.observed"}],
                 "mark": {"type": "bar", "color": "#555", "opacity": 0.7},
                 "encoding": {"x": x, "y": {"field": "mean", "type": "quantitative"},
                              "tooltip": [{"field": "day", "type": "temporal", "title": "from"},
                                          {"field": "mean", "title": "observed"}]}}]},
            "resolve": {"scale": {"y": "independent"}}}


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
