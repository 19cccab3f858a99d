"""The offline report: the dashboard's pages rendered into one self-contained HTML file.

The overview, the busiest dyads, their actors, every red line and the dynamics are drawn from
the same data functions (`spiral.serve.web.pages`) and templates as the dashboard, so a fix to a
page is a fix to the report. Links between pages in the file become links within it; links to
pages it does not hold (a story event, a document, a search) become plain text. Charts are
drawn by the vendored Vega-Lite, inlined: the file makes no request. `render_markdown` gives
the same pages' tables as Markdown, for terminals.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spiral import validate
from spiral.errors import InputError
from spiral.serve.catalog import Catalog
from spiral.serve.report.markdown import render_markdown

__all__ = ["Page", "pages", "render_html", "render_markdown", "subtitle"]

_LINK = re.compile(r'href="(/[^"]*)"')


@dataclass(frozen=True, slots=True)
class Page:
    """One dashboard page in the report: its anchor, its label in the contents (None: not
    listed), its template and the context the dashboard would render it with."""

    id: str
    label: str | None
    template: str
    context: dict[str, Any]


def pages(catalog: Catalog, *, scenarios: list[Any] = ()) -> list[Page]:
    """The report's pages: the overview, the dyads it charts, their actors, every red line of
    the board and the dynamics."""
    from spiral.serve.web import pages as web

    overview = web.overview_context(catalog, [], None, None)
    found = [Page("overview", "overview", "overview.html", overview)]
    dyads = []
    for key in overview["chosen"]:
        try:
            dyads.append(validate.dyad(key))
        except InputError:  # an undirected pair, or codes no page address can hold
            continue
    found += [Page(f"dyad-{key}", key.replace("-", "→"), "dyad.html",
                   web.dyad_context(catalog, key, None, None)) for key in dyads]
    actors = dict.fromkeys(code for key in dyads for code in key.split("-"))
    found += [Page(f"actor-{code}", code, "actor.html", web.actor_context(catalog, code))
              for code in actors]
    found += [Page(f"red-line-{line['id']}", "red lines" if i == 0 else None, "red_line.html",
                   web.red_line_context(catalog, line))
              for i, line in enumerate(overview["red_lines"])]
    found.append(Page("dynamics", "dynamics", "dynamics.html",
                      web.dynamics_context(catalog, None, list(scenarios))))
    return found


def render_html(catalog: Catalog, *, title: str = "spiral escalation report",
                scenarios: list[Any] = ()) -> str:
    """The report as one HTML string that works offline (no request leaves the page)."""
    from spiral.serve.report.vendor import vendored_scripts

    shown = pages(catalog, scenarios=scenarios)
    anchors = {page.id for page in shown}
    static = resources.files("spiral.serve.web") / "static"
    body = [{"id": page.id, "label": page.label,
             "html": _local_links(_environment().get_template(page.template).render(
                 **page.context, page_id=page.id, chart_prefix=f"{page.id}-"), anchors)}
            for page in shown]
    return _environment().get_template("report.html").render(
        title=title, subtitle=subtitle(catalog), pages=body,
        css=(static / "dashboard.css").read_text(encoding="utf-8"),
        scripts=[*vendored_scripts(), (static / "dashboard.js").read_text(encoding="utf-8")])


def subtitle(catalog: Catalog) -> str:
    """How many reports, over which dates."""
    documents = catalog.frame("documents")
    published = documents["published"].drop_nulls()
    period = (f"{published.min():%d %b %Y} to {published.max():%d %b %Y}"
              if published.len() else "no dated reports")
    return f"{documents.height} reports, {period}. Every row leads to the sentence behind it."


def _anchor(path: str) -> str:
    """The section of the report that holds the dashboard page at `path`.

    >>> _anchor("/dyad/RUS-UKR?since=2024-11-01"), _anchor("/"), _anchor("/red-line/rl_1")
    ('dyad-RUS-UKR', 'overview', 'red-line-rl_1')
    """
    return path.split("?", 1)[0].strip("/").replace("/", "-") or "overview"


def _local_links(html: str, anchors: set[str]) -> str:
    """Links to pages in the file point within it; links to the server's other pages go.

    >>> _local_links('<a href="/actor/RUS">R</a> <a href="/story/s1">s</a>', {"actor-RUS"})
    '<a href="#actor-RUS">R</a> <a >s</a>'
    """
    def swap(match: re.Match[str]) -> str:
        anchor = _anchor(match.group(1))
        return f'href="#{anchor}"' if anchor in anchors else ""
    return _LINK.sub(swap, html)


@functools.cache
def _environment():  # -> jinja2.Environment
    """The dashboard's templates, with base.html standing for one section of the report."""
    import jinja2

    from spiral.serve.web import environment

    web = environment()
    folder = resources.files("spiral.serve.web") / "templates"
    section = (folder / "report_page.html").read_text(encoding="utf-8")
    return web.overlay(loader=jinja2.ChoiceLoader([
        jinja2.FunctionLoader(lambda name: section if name == "base.html" else None),
        web.loader]))

