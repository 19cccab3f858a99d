"""The report as Markdown text, for terminals (`spiral report --format md`)."""

from __future__ import annotations

from typing import Any

from spiral.serve.report.model import ReportData

MARKER = "<!-- spiral report -->"


def render_markdown(data: ReportData) -> str:
    """The report's tables as Markdown.

    >>> render_markdown(ReportData(title="Demo", subtitle="x")).splitlines()[:2]
    ['<!-- spiral report -->', '# Demo']
    """
    parts = [MARKER, f"# {markdown_text(data.title)}", "", markdown_text(data.subtitle), "",
             "## Summary", ""]
    parts += [f"- {markdown_text(label)}: {value}" for label, value in data.summary.items()]
    for fit in data.spiral_index:
        label = markdown_text(fit["label"])
        parts.append(f"- {label}: {fit['verdict']}" if fit["value"] is None else
                     f"- {label}: spiral index {fit['value']:.2f} "
                     f"[{fit['low']:.2f}, {fit['high']:.2f}], {fit['verdict']} ({fit['note']})")
    parts += _section("Red lines", data.red_line_rows,
                      ["date", "declarer", "condition", "consequence", "status"])
    parts += _section("Escalation by dyad", data.dyad_rows,
                      ["actor_code", "recipient_code", "n_stories", "rivera_score", "ladder_group"])
    if data.backtest_error:
        parts += ["", "## Backtest against baselines", "", data.backtest_error]
    elif data.backtest_rows:
        rounded = [{k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}
                   for row in data.backtest_rows]
        parts += _section("Backtest against baselines (next week, per origin)",
                          rounded, ["dim", "n_origins", "skill_vs_constant",
                                               "skill_vs_piecewise", "coverage90_hawkes",
                                               "verdict"])
    parts += _section("Spiral index over time", data.rolling_index_rows,
                      ["from", "to", "n_events", "spiral_index", "low", "high", "verdict"])
    parts += _section("Story events", data.story_rows,
                      ["date", "actor_code", "event_type", "mode", "recipient_code", "n_mentions",
                       "n_sources"])
    parts += _section("Top quotes", data.quote_rows, ["date", "speaker", "content"])
    return "\n".join(parts) + "\n"


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
    lines = ["", f"## {title}", ""]
    if not rows:
        return [*lines, "(none)"]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---|" * len(columns))
    for row in rows:
        cells = (markdown_text("" if row.get(c) is None else str(row[c])) for c in columns)
        lines.append("| " + " | ".join(cells) + " |")
    return lines
