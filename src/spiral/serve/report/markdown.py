"""The report as Markdown text, for terminals (`spiral report --format md`): the tables of the
same pages as the HTML report."""

from __future__ import annotations

from typing import Any

MARKER = "<!-- spiral report -->"


def render_markdown(pages: list[Any], *, title: str, subtitle: str) -> str:
    """The tables of the report's pages (`spiral.serve.report.pages`) as Markdown.

    >>> render_markdown([], title="Demo", subtitle="x").splitlines()[:2]
    ['<!-- spiral report -->', '# Demo']
    """
    by_template: dict[str, list[dict[str, Any]]] = {}
    for page in pages:
        by_template.setdefault(page.template, []).append(page.context)
    parts = [MARKER, f"# {markdown_text(title)}", "", markdown_text(subtitle)]
    for overview in by_template.get("overview.html", []):
        parts += ["", "## Summary", ""]
        parts += [f"- {markdown_text(label)}: {value}"
                  for label, value in overview["counts"].items()]
        for dynamics in by_template.get("dynamics.html", []):
            parts.append(_verdict(dynamics))
        parts += _section("Red lines", [
            {**r, "declarer": (r["declarer"] or {}).get("entity_name") or r.get("declarer_code")}
            for r in overview["red_lines"]],
            ["date", "declarer", "condition", "consequence", "status", "n_sources"])
        parts += _section("Escalation by dyad", overview["heatmap"]["data"]["values"],
                          ["actor_code", "recipient_code", "n_stories", "rivera_score",
                           "ladder_group"])
        parts += _section("Top quotes", [_quote(q) for q in overview["quotes"]],
                          ["date", "speaker", "content", "n_sources"])
    for dynamics in by_template.get("dynamics.html", []):
        parts += _dynamics_tables(dynamics)
    for dyad in by_template.get("dyad.html", []):
        parts += _section(f"Story events {dyad['actor']} → {dyad['recipient']}", dyad["stories"],
                          ["date", "event_type", "mode", "rivera_score", "n_mentions",
                           "n_sources"])
    return "\n".join(parts) + "\n"


def _verdict(dynamics: dict[str, Any]) -> str:
    dims = markdown_text(", ".join(dynamics["dims"]))
    summary = dynamics["summary"]
    if summary is None:
        return f"- dynamics of {dims}: {markdown_text(dynamics['error'] or 'not fitted')}"
    low, high = summary["interval_90"]
    interval = f"[{low:.2f}, {high:.2f}]" if low is not None else "[interval not computed]"
    return (f"- dynamics of {dims}: spiral index {summary['spiral_index']:.2f} {interval}, "
            f"{summary['verdict']} ({summary['n_events']} story events)")


def _dynamics_tables(dynamics: dict[str, Any]) -> list[str]:
    """The backtest against baselines and the spiral index over time, or why there is none."""
    parts: list[str] = []
    backtest = dynamics["backtest"]
    if backtest["error"]:
        parts += ["", "## Backtest against baselines", "", markdown_text(backtest["error"])]
    else:
        rounded = [{k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}
                   for row in backtest["rows"]]
        parts += _section("Backtest against baselines (next week, per origin)", rounded,
                          ["dim", "n_origins", "skill_vs_constant", "skill_vs_piecewise",
                           "coverage90_hawkes", "verdict"])
    if dynamics["rolling_error"]:
        return [*parts, "", "## Spiral index over time", "",
                markdown_text(dynamics["rolling_error"])]
    return parts + _section("Spiral index over time", dynamics["rolling"]["rows"],
                            ["from", "to", "n_events", "spiral_index", "low", "high", "verdict"])


def _quote(quote: dict[str, Any]) -> dict[str, Any]:
    speaker = quote.get("speaker") or {}
    return {**quote, "speaker": speaker.get("entity_name") or quote.get("speaker_text")}


# Article text is data: HTML in it must show as text (a Markdown viewer would run <script> or
# <img onerror>) and brackets must not make links or images. Characters become entities or
# backslash escapes; a line break becomes a space so a table row stays one line.
_MARKDOWN_SAFE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\",
                                "|": "\\|", "[": "\\[", "]": "\\]", "\n": " ", "\r": " "})


def markdown_text(text: str) -> str:
    """`text` as literal Markdown: no HTML, link or image can come from it.

    >>> markdown_text("<script>alert(1)</script> [x](javascript:y) a|b")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\[x\\\\](javascript:y) a\\\\|b'
    """
    return text.translate(_MARKDOWN_SAFE)


def _section(title: str, rows: list[dict[str, Any]], columns: list[str]) -> list[str]:
    lines = ["", f"## {markdown_text(title)}", ""]
    if not rows:
        return [*lines, "(none)"]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---|" * len(columns))
    for row in rows:
        cells = (markdown_text("" if row.get(c) is None else str(row[c])) for c in columns)
        lines.append("| " + " | ".join(cells) + " |")
    return lines
