"""Vega-Lite specifications of the report's charts: pure functions from rows to JSON specs."""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]

_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier only; nothing is fetched


def escalation_timeline(rows: list[dict[str, Any]]) -> Spec:
    """Daily hostility per directed dyad, and the most hostile event type of each day.

    `rows` carry dyad, date (ISO), hostility, top_event, n_events.
    """
    base = {"data": {"values": rows}, "encoding": {
        "x": {"field": "date", "type": "temporal", "title": None},
        "color": {"field": "dyad", "type": "nominal", "title": "dyad"},
    }}
    return {
        "$schema": _SCHEMA,
        "vconcat": [
            {**base, "title": "Hostility per day (sum of negative PLOVER intensities)", "width": 860, "height": 200,
             "mark": {"type": "bar", "width": 5},
             "encoding": {**base["encoding"],
                          "y": {"field": "hostility", "type": "quantitative",
                                "title": "hostility"},
                          "tooltip": [{"field": "dyad"}, {"field": "date", "type": "temporal"},
                                      {"field": "hostility"}, {"field": "top_event"},
                                      {"field": "n_events"}]}},
            {**base, "title": "Most hostile event type of the day", "width": 860,
             "height": 160, "mark": {"type": "point", "filled": True, "size": 90},
             "encoding": {**base["encoding"],
                          "y": {"field": "top_event", "type": "nominal", "title": None},
                          "tooltip": [{"field": "dyad"}, {"field": "date", "type": "temporal"},
                                      {"field": "top_event"}]}},
        ],
    }


def dyad_heatmap(rows: list[dict[str, Any]]) -> Spec:
    """Who acts on whom: story events per actor x recipient, coloured by hostility."""
    return {
        "$schema": _SCHEMA,
        "title": "Dyads: hostility summed over the period",
        "data": {"values": rows},
        "width": "container",
        "height": {"step": 22},
        "mark": "rect",
        "encoding": {
            "x": {"field": "recipient_code", "type": "nominal", "title": "recipient"},
            "y": {"field": "actor_code", "type": "nominal", "title": "actor"},
            "color": {"field": "hostility", "type": "quantitative", "title": "hostility",
                      "scale": {"scheme": "orangered"}},
            "tooltip": [{"field": "actor_code"}, {"field": "recipient_code"},
                        {"field": "n_stories"}, {"field": "hostility"}],
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
