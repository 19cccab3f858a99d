"""The offline HTML report: one self-contained page, charts drawn by the vendored Vega-Lite."""

from __future__ import annotations

import json
from html import escape
from typing import Any
from urllib.parse import quote

from spiral.records import web_url
from spiral.serve.report import charts
from spiral.serve.report.model import ReportData
from spiral.serve.report.vendor import vendored_scripts

_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#1d232a;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#c9d1d9}main{padding:12px 28px 40px;max-width:1200px}
section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;margin:16px 0;padding:14px 18px}
h2{font-size:17px;margin:0 0 10px}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;border-bottom:1px solid #eaecef;padding:5px 6px;vertical-align:top}
th{background:#f3f4f6}.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{width:100%}.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{border:1px solid #e1e4e8;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px}.status{padding:1px 7px;border-radius:10px;font-size:12px}
.declared{background:#fff3bf}.crossed{background:#ffd8a8}.enforced{background:#ffa8a8}
.not_enforced{background:#d0ebff}mark{background:#fff3bf}details summary{cursor:pointer;color:#0b62c4}
.muted{color:#6a737d}
"""


def render_html(data: ReportData) -> str:
    """The whole report as one HTML string that works offline (no request leaves the page).

    >>> "<html" in render_html(ReportData(title="t", subtitle="s"))
    True
    """
    specs = {"timeline": charts.escalation_timeline(data.index_rows),
             "heatmap": charts.dyad_heatmap(data.dyad_rows)}
    if data.forecast_rows:
        specs["forecast"] = charts.forecast_bands(data.forecast_rows)
    if data.qq_rows:
        specs["qq"] = charts.residual_qq(data.qq_rows)
    if any(row["spiral_index"] is not None for row in data.rolling_index_rows):
        specs["rolling"] = charts.index_over_time(data.rolling_index_rows)
    scripts = "\n".join(f"<script>{source}</script>" for source in vendored_scripts())
    sections = [
        _summary(data),
        _chart_section("timeline", "Escalation timeline per dyad", data.index_rows,
                       "No dated story events with a resolved dyad."),
        _chart_section("heatmap", "Dyad heatmap", data.dyad_rows, "No dyads."),
        _dynamics(data),
        _backtest(data),
        _red_lines(data.red_line_rows),
        _quotes(data.quote_rows),
        _stories(data.story_rows),
    ]
    specs_json = script_json(specs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="generator" content="spiral report">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>{escape(data.title)}</title><style>{_STYLE}</style>
{scripts}
</head><body>
<header><h1>{escape(data.title)}</h1><p>{escape(data.subtitle)}</p></header>
<main>{''.join(sections)}</main>
<script id="specs" type="application/json">{specs_json}</script>
<script>
const specs = JSON.parse(document.getElementById("specs").textContent);
window.spiralCharts = {{drawn: 0, failed: []}};
for (const [name, spec] of Object.entries(specs)) {{
  const el = document.getElementById("chart-" + name);
  if (!el) continue;
  vegaEmbed(el, spec, {{actions: false, renderer: "svg"}})
    .then(() => {{ window.spiralCharts.drawn += 1; }})
    .catch((err) => {{ window.spiralCharts.failed.push(name); console.error(err); }});
}}
</script>
</body></html>
"""


# Inside <script> the HTML parser looks for "</script" and, after "<!--", for "<script":
# with every <, > and & written as a JSON escape no text in the data can end the element or
# switch the parser's state (json.dumps already writes U+2028/2029 and all non-ASCII escaped).
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(value: Any) -> str:
    """JSON to embed in a <script> element: no data can close it or change how it is parsed.

    >>> script_json({"code": "<!--<script>"})
    '{"code": "\\\\u003c!--\\\\u003cscript\\\\u003e"}'
    """
    return json.dumps(value, default=str).translate(_SCRIPT_SAFE)


def _summary(data: ReportData) -> str:
    cards = "".join(f'<div class="card"><b>{value}</b>{escape(label)}</div>'
                    for label, value in data.summary.items())
    return f'<section id="summary"><h2>Summary</h2><div class="cards">{cards}</div></section>'


def _chart_section(name: str, title: str, rows: list[Any], empty: str) -> str:
    body = (f'<div class="chart" id="chart-{name}"></div>' if rows
            else f'<p class="muted">{escape(empty)}</p>')
    return f'<section id="{name}"><h2>{escape(title)}</h2>{body}</section>'


def _dynamics(data: ReportData) -> str:
    if not data.spiral_index and not data.forecast_rows:
        return ""
    lines = []
    for fit in data.spiral_index:
        if fit["value"] is None:
            lines.append(f"<li>{escape(fit['label'])}: <b>{escape(fit['verdict'])}</b></li>")
            continue
        lines.append(
            f"<li>{escape(fit['label'])}: spiral index (spectral radius) "
            f"<b>{fit['value']:.2f}</b> [{fit['low']:.2f}, {fit['high']:.2f}], "
            f"{escape(fit.get('verdict', ''))} "
            f"<span class='muted'>{escape(fit.get('note', ''))}</span></li>")
    parts = [(f'<section id="dynamics"><h2>Dynamics: is the spiral self-sustaining?</h2>'
             f"<p>Below 1 the reactions die out; at or above 1 the process feeds itself.</p>"
             f"<ul>{''.join(lines)}</ul>")]
    caption = data.qq_rows[0] if data.qq_rows else {}
    if caption:
        parts.append(f"<h3>Goodness of fit: time-rescaled residuals against Exp(1)</h3>"
                     f"<p class='muted'>On the diagonal when the model describes the event "
                     f"times. Window {escape(caption['window'])}, {caption['n_events']} story "
                     f"events, decay {caption['decay_per_day']:g}/day.</p>"
                     '<div class="chart" id="chart-qq"></div>')
    rolling = data.rolling_index_rows
    if rolling:
        shown = [r for r in rolling if r["spiral_index"] is not None]
        short = len(rolling) - len(shown)
        parts.append(f"<h3>The spiral index over time</h3><p class='muted'>Each point fits the "
                     f"window that ends on its date ({len(rolling)} windows; {short} with too "
                     "few events to estimate are not drawn); bars are 90% intervals.</p>"
                     + ('<div class="chart" id="chart-rolling"></div>' if shown else ""))
    if data.forecast_rows:
        caption = data.forecast_rows[0]
        parts.append(f"<h3>90-day forecast: story events per week, mean and 5-95% band of the "
                     f"simulated futures</h3><p class='muted'>Fitted on {escape(caption['window'])}"
                     f", {caption['n_events']} story events, decay "
                     f"{caption['decay_per_day']:g}/day.</p>"
                     '<div class="chart" id="chart-forecast"></div>')
    return "".join(parts) + "</section>"


def _backtest(data: ReportData) -> str:
    """The dashboard's backtest table (templates/backtest.html), when a fit was made."""
    if not data.backtest_rows and not data.backtest_error:
        return ""
    from spiral.serve.web import environment

    skipped = data.backtest_rows[0]["n_skipped_origins"] if data.backtest_rows else 0
    return environment().get_template("backtest.html").render(backtest={
        "rows": data.backtest_rows, "error": data.backtest_error, "n_skipped": skipped})


def _table(title: str, anchor: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]],
           empty: str) -> str:
    if not rows:
        return f'<section id="{anchor}"><h2>{escape(title)}</h2><p class="muted">{escape(empty)}</p></section>'
    head = "".join(f"<th>{escape(label)}</th>" for _, label in columns)
    body = "".join("<tr>" + "".join(f"<td>{row.get(key, '')}</td>" for key, _ in columns) + "</tr>"
                   for row in rows)
    return (f'<section id="{anchor}"><h2>{escape(title)}</h2>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>")


def _source_link(sentence: str, url: str, source: str) -> str:
    """A link to the article that scrolls to the sentence (a URL text fragment)."""
    url = web_url(url)
    if not url:
        return escape(source)
    fragment = quote(" ".join(sentence.split()[:8]), safe="")
    return f'<a href="{escape(url)}#:~:text={fragment}">{escape(source or "article")}</a>'


def _evidence(sentence: str, url: str, source: str) -> str:
    """The sentence behind an item, folded, with the link to it in its article."""
    if not sentence:
        return ""
    link = _source_link(sentence, url, source)
    return f"<details><summary>sentence</summary><mark>{escape(sentence)}</mark> {link}</details>"


def _red_lines(rows: list[dict[str, Any]]) -> str:
    shown = [{
        "declared": escape(str(r.get("date") or "")),
        "declarer": escape(r.get("declarer", "")),
        "addressee": escape(r.get("addressee", "")),
        "condition": escape(r.get("condition", "")),
        "consequence": escape(r.get("consequence", "")),
        "status": f'<span class="status {escape(r.get("status", ""))}">{escape(r.get("status", ""))}</span>',
        "steps": "<br>".join(escape(step) for step in r.get("steps", ())),
        "evidence": _evidence(r.get("sentence", ""), r.get("url", ""), r.get("source", "")),
    } for r in rows]
    columns = [("declared", "declared"), ("declarer", "declarer"), ("addressee", "addressee"),
               ("condition", "if"), ("consequence", "then"), ("status", "status"),
               ("steps", "evidence of each step"), ("evidence", "source")]
    return _table("Red lines and conditional threats", "red-lines", columns, shown,
                  "No red lines found.")


def _quotes(rows: list[dict[str, Any]]) -> str:
    shown = [{
        "date": escape(str(r.get("date") or "")),
        "speaker": escape(r.get("speaker", "")) + (" <span class='muted'>(anonymous)</span>"
                                                   if r.get("anonymous") else ""),
        "content": escape(r.get("content", "")),
        "kind": escape(r.get("kind", "")),
        "evidence": _evidence(r.get("sentence", ""), r.get("url", ""), r.get("source", "")),
    } for r in rows]
    columns = [("date", "date"), ("speaker", "speaker"), ("content", "said"), ("kind", "kind"),
               ("evidence", "source")]
    return _table("Top quotes", "quotes", columns, shown, "No quotes found.")


def _stories(rows: list[dict[str, Any]]) -> str:
    shown = [{
        "date": escape(str(r.get("date") or "")),
        "dyad": escape(f"{r.get('actor_code') or '?'} → {r.get('recipient_code') or '?'}"),
        "event": escape(r.get("event_type", "") + (f" ({r['mode']})" if r.get("mode") else "")),
        "n_mentions": f'<span class="num">{r.get("n_mentions", "")}</span>',
        "n_sources": f'<span class="num">{r.get("n_sources", "")}</span>',
        "text": escape(r.get("text", "")) + " "
        + _source_link(r.get("text", ""), r.get("url", ""), r.get("source", "")),
    } for r in rows]
    columns = [("date", "date"), ("dyad", "actor → recipient"), ("event", "event"),
               ("n_mentions", "mentions"), ("n_sources", "outlets"), ("text", "text")]
    return _table("Story events (one real event, many reports)", "stories", columns, shown,
                  "No story events.")
