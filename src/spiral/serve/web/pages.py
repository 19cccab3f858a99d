"""The dashboard's pages: each gathers rows through spiral.serve.queries and renders a template."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

import polars as pl
from fastapi import APIRouter, HTTPException, Query, Request

from spiral import validate
from spiral.errors import ModelError
from spiral.serve import queries
from spiral.serve.api.deps import CatalogDep, ReadAccess
from spiral.serve.api.routers.events import stories_listing
from spiral.serve.api.routers.index import listing as index_listing
from spiral.serve.catalog import Catalog
from spiral.serve.web import charts

router = APIRouter(dependencies=[ReadAccess], include_in_schema=False)
N_DEFAULT_DYADS = 6
N_MARKERS = 8
N_TOP_QUOTES = 12
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")


def _render(template: str, **context: Any):
    from spiral.serve.web import render

    return render(template, **context)


def _window(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    first = validate.iso_date(since or None, field="since")
    last = validate.iso_date(until or None, field="until")
    validate.date_range(first, last)
    return first, last


def href(path: str, **params: Any) -> str:
    """A dashboard link with its filters in the query string (None values left out).

    >>> href("/stories", dyad="RUS-UKR", since=date(2024, 11, 21), until=None)
    '/stories?dyad=RUS-UKR&since=2024-11-21'
    """
    # most values are codes and ISO dates, which need no quoting (urlencode is the slow part of
    # a page with thousands of chart marks)
    given = [f"{k}={v}" if _PLAIN.fullmatch(v := str(value)) else urlencode({k: v})
             for k, value in params.items() if value is not None and value != ""]
    return path + ("?" + "&".join(given) if given else "")


def _dyad_key(dyad: str) -> str:
    return dyad.replace("->", "-")


def _story_label(row: dict[str, Any]) -> str:
    mode = f" ({row['mode']})" if row.get("mode") else ""
    return (f"{row['actor_code']}→{row['recipient_code']} {row['event_type'].lower()}{mode}, "
            f"{row['n_sources']} outlets")


def _index_rows(catalog: Catalog, dyads: list[str], since: date | None,
                until: date | None) -> list[dict[str, Any]]:
    listing = index_listing(catalog, "day")
    parts = [queries.index(catalog, freq="day", base=listing,
                           f=queries.EventFilter(dyad=d, since=since, until=until))
             for d in dict.fromkeys(dyads)]
    table = pl.concat(parts) if parts else listing.rows.head(0)
    chosen = table.filter(pl.col("n_stories") > 0)
    return [{"dyad": r["dyad"], "date": r["period"].isoformat(),
             "rivera_score": r["rivera_score"], "ladder_group": r["ladder_group"],
             "ladder_label": r["ladder_label"], "n_stories": r["n_stories"],
             "href": href("/stories", dyad=_dyad_key(r["dyad"]), since=r["period"],
                          until=r["period"])}
            for r in chosen.iter_rows(named=True)]


def _markers(stories: pl.DataFrame) -> list[dict[str, Any]]:
    key = stories.filter(pl.col("rivera_score") >= 12).sort(
        ["n_sources", "rivera_score", "date"], descending=True).head(N_MARKERS)
    return [{"date": r["date"].isoformat(), "label": _story_label(r),
             "href": f"/story/{r['story_id']}"} for r in key.iter_rows(named=True)]


def _top_quotes(catalog: Catalog, *, country: str | None = None, since: date | None = None,
                until: date | None = None, n: int = N_TOP_QUOTES) -> list[dict[str, Any]]:
    frame = queries.quotes(catalog, country=country, since=since, until=until)
    return frame.filter(pl.col("statement_id").is_first_distinct()).head(n).to_dicts()


@router.get("/")
def overview(catalog: CatalogDep,
             dyad: Annotated[list[str] | None, Query()] = None,
             since: str | None = None, until: str | None = None):
    first, last = _window(since, until)
    return _render("overview.html", **overview_context(
        catalog, [validate.dyad(d) for d in dyad or [] if d], first, last))


def overview_context(catalog: Catalog, dyads: list[str], first: date | None,
                     last: date | None) -> dict[str, Any]:
    """The overview of `dyads` (by default the six with the largest scores) in the window."""
    f = queries.EventFilter(since=first, until=last)
    totals = queries.dyad_totals(catalog, f)
    ranked = totals.sort(pl.col("rivera_score").abs(), "dyad", descending=[True, False])
    options = [_dyad_key(d) for d in ranked["dyad"].to_list()]
    chosen = dyads or options[:N_DEFAULT_DYADS]
    chosen_stories = pl.concat([queries.stories(catalog, queries.EventFilter(
        dyad=d, since=first, until=last), base=stories_listing(catalog))
        for d in dict.fromkeys(chosen)]) if chosen else catalog.stories().head(0)
    heat = [{**r, "href": href("/stories", dyad=_dyad_key(r["dyad"]), since=first, until=last)}
            for r in totals.to_dicts()]
    board = queries.red_line_board(catalog)
    if first:
        board = board.filter(pl.col("date") >= first)
    if last:
        board = board.filter(pl.col("date") <= last)
    counts = {"reports": catalog.frame("documents").height,
              "event mentions": catalog.frame("events").height,
              "story events": catalog.stories().height,
              "quotes": catalog.frame("quotes").height,
              "red lines": board.height}
    timeline = charts.timeline(_index_rows(catalog, chosen, first, last),
                               _markers(chosen_stories))
    return {"title": "Overview", "counts": counts, "options": options, "chosen": chosen,
            "since": first, "until": last, "timeline": timeline,
            "heatmap": charts.heatmap(heat), "has_heat": bool(heat),
            "red_lines": board.to_dicts(), "href": href,
            "quotes": _top_quotes(catalog, since=first, until=last)}


@router.get("/dyad/{dyad}")
def dyad_page(dyad: str, catalog: CatalogDep, since: str | None = None,
              until: str | None = None):
    first, last = _window(since, until)
    return _render("dyad.html", **dyad_context(catalog, validate.dyad(dyad), first, last))


def dyad_context(catalog: Catalog, key: str, first: date | None,
                 last: date | None) -> dict[str, Any]:
    """A dyad ('RUS-UKR'): its index over time with the ladder, its story events, its quotes."""
    actor, recipient = key.split("-")
    rows = _index_rows(catalog, [key], first, last)
    stories = queries.stories(catalog, queries.EventFilter(dyad=key, since=first, until=last),
                              base=stories_listing(catalog))
    return {"title": f"{actor} → {recipient}", "dyad": key, "since": first, "until": last,
            "actor": actor, "recipient": recipient,
            "timeline": charts.timeline(rows, _markers(stories)),
            "ladder": charts.ladder(rows), "has_rows": bool(rows),
            "stories": stories.sort("date", "story_id", descending=[True, False]).to_dicts(),
            "quotes": _top_quotes(catalog, country=actor, since=first, until=last, n=25),
            "href": href}


@router.get("/actor/{code}")
def actor_page(code: str, catalog: CatalogDep):
    return _render("actor.html", **actor_context(catalog, validate.actor_code(code,
                                                                            field="code")))


def actor_context(catalog: Catalog, code: str) -> dict[str, Any]:
    """An actor: who (roles over time), what it did and said, the red lines it declared."""
    people = queries.actors(catalog).filter(pl.col("code") == code) \
        .sort("n_documents", "entity_name", descending=[True, False])
    did = queries.stories(catalog, queries.EventFilter(actor=code), base=stories_listing(catalog)) \
        .sort(["n_sources", "date"], descending=True).head(50)
    declared = queries.red_line_board(catalog).filter(pl.col("declarer_code") == code)
    return {"title": code, "code": code, "people": people.to_dicts(), "stories": did.to_dicts(),
            "quotes": _top_quotes(catalog, country=code, n=25),
            "red_lines": declared.to_dicts(), "href": href}


@router.get("/red-line/{red_line_id}")
def red_line_page(red_line_id: str, catalog: CatalogDep):
    board = queries.red_line_board(catalog)
    found = board.filter(pl.col("report_ids").list.contains(red_line_id))
    if found.is_empty():
        raise HTTPException(404, f"no red line {red_line_id!r}")
    return _render("red_line.html", **red_line_context(catalog, found.row(0, named=True)))


def red_line_context(catalog: Catalog, line: dict[str, Any]) -> dict[str, Any]:
    """A red line of the board: its declaration, reports, crossings and responses."""
    reports = catalog.frame("red_lines").filter(pl.col("id").is_in(line["report_ids"])) \
        .sort("date", "id", nulls_last=True).to_dicts()
    texts = _texts(catalog, {r["doc_id"] for r in reports})
    for report in reports:
        report["sentence"] = texts.get(report["doc_id"], "")[report["start"]:report["end"]]
    quote_ids = [s["quote_id"] for s in line["steps"] if s["quote_id"]]
    quotes = {q["id"]: q for q in catalog.frame("quotes")
              .filter(pl.col("id").is_in(quote_ids)).to_dicts()}
    return {"title": "Red line", "line": line, "reports": reports, "quotes": quotes, "href": href}


def _texts(catalog: Catalog, doc_ids: set[str]) -> dict[str, str]:
    frame = catalog.frame("documents").filter(pl.col("doc_id").is_in(list(doc_ids)))
    return dict(zip(frame["doc_id"].to_list(), frame["text"].to_list()))


@router.get("/stories")
def stories_page(catalog: CatalogDep, dyad: str | None = None, actor: str | None = None,
                 type: str | None = None, since: str | None = None, until: str | None = None):
    first, last = _window(since, until)
    f = queries.EventFilter(dyad=validate.dyad(dyad) if dyad else None,
                            actor=validate.actor_code(actor) if actor else None,
                            event_type=validate.event_type(type) if type else None,
                            since=first, until=last)
    found = queries.stories(catalog, f).sort("date", "story_id", descending=[True, False])
    what = " ".join(x for x in (f.dyad, f.actor, f.event_type) if x) or "all dyads"
    when = (f"{first or '…'} to {last or '…'}" if first != last else str(first)) \
        if (first or last) else "all dates"
    return _render("stories.html", title=f"Story events: {what}, {when}",
                   stories=found.head(500).to_dicts(), total=found.height, href=href)


@router.get("/story/{story_id}")
def story_page(story_id: str, catalog: CatalogDep):
    try:
        story, mentions = queries.story_mentions(catalog, story_id)
    except LookupError as error:
        raise HTTPException(404, str(error)) from None
    return _render("story.html", title=_story_label(story), story=story,
                   mentions=mentions.to_dicts(), href=href)


@router.get("/document/{doc_id}")
def document_page(doc_id: str, catalog: CatalogDep,
                  hl: Annotated[str | None, Query(pattern=r"^\d+-\d+$")] = None):
    found = catalog.frame("documents").filter(pl.col("doc_id") == doc_id)
    if found.is_empty():
        raise HTTPException(404, f"no document {doc_id!r}")
    doc = found.row(0, named=True)
    text = doc["text"]
    start, end = (int(x) for x in hl.split("-")) if hl else (0, 0)
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end < start:
        start, end = end, start
    mine = pl.col("doc_id") == doc_id
    return _render("document.html", title=doc["title"] or doc_id, doc=doc,
                   before=text[:start], marked=text[start:end], after=text[end:],
                   events=catalog.frame("events").filter(mine).sort("start").to_dicts(),
                   quotes=catalog.frame("quotes").filter(mine).sort("start").to_dicts(),
                   href=href)


@router.get("/search")
def search_page(catalog: CatalogDep, q: Annotated[str, Query(max_length=200)] = "",
                kind: str | None = None):
    hits: list[dict[str, Any]] = []
    if q.strip():
        kinds = (validate.choice(kind, tuple(queries.SEARCHABLE), field="kind"),) if kind \
            else tuple(queries.SEARCHABLE)
        found = queries.search(catalog, q, kinds=kinds, limit=100)
        offsets = _offsets(catalog)
        for hit in found.to_dicts():
            start, end = offsets.get(hit["id"], (None, None))
            hit["href"] = (href(f"/document/{hit['doc_id']}", hl=f"{start}-{end}")
                           if start is not None else f"/document/{hit['doc_id']}")
            hits.append(hit)
    return _render("search.html", title=f"Search: {q}" if q else "Search", q=q, hits=hits,
                   href=href)


def _offsets(catalog: Catalog) -> dict[str, tuple[int, int]]:
    def compute() -> dict[str, tuple[int, int]]:
        both = pl.concat([catalog.frame(t).select("id", "start", "end")
                          .cast({"start": pl.Int64, "end": pl.Int64})
                          for t in ("events", "quotes")])
        return {r[0]: (r[1], r[2]) for r in both.iter_rows()}
    return catalog.derived("offsets", compute)


# how much the dashboard spends on each check (the API takes them as parameters)
DASHBOARD_BACKTEST_RUNS = 100
DASHBOARD_ROLLING = {"window_days": 180, "step_days": 30}


@router.get("/dynamics")
def dynamics_page(request: Request, catalog: CatalogDep, dims: str | None = None):
    return _render("dynamics.html", **dynamics_context(
        catalog, dims, list(request.app.state.scenarios.values())))


def dynamics_context(catalog: Catalog, dims: str | None, scenarios: list[Any]) -> dict[str, Any]:
    """The fit of `dims` (default DEFAULT_DIMS) and its forecast under each scenario."""
    from spiral.serve.api.routers.dynamics import fit_params

    params = fit_params(dims=dims or ",".join(queries.DEFAULT_DIMS))
    context: dict[str, Any] = {"title": "Dynamics", "dims": params.dims, "error": None,
                               "summary": None, "backtest": _backtest_context(catalog, params),
                               "rolling": None, "rolling_error": None, "href": href}
    try:
        rolling = queries.rolling(catalog, dims=params.dims, origin=None, end=None,
                                  decay=params.decay, n_boot=params.n_boot, **DASHBOARD_ROLLING)
        context["rolling"] = {**DASHBOARD_ROLLING, "rows": rolling.to_dicts(), "chart": None}
        if rolling["spiral_index"].is_not_null().any():
            context["rolling"]["chart"] = charts.index_over_time(
                [{**r, "from": str(r["from"]), "to": str(r["to"])} for r in rolling.to_dicts()])
    except ModelError as error:
        context["rolling_error"] = str(error)
    try:
        fitted, summary = queries.fit(catalog, dims=params.dims, origin=None, end=None,
                                      decay=params.decay, n_boot=params.n_boot)
        base_fit, _ = queries.fit(catalog, dims=params.dims, origin=None, end=None,
                                  decay=params.decay, n_boot=0)
        futures = [queries.forecast(catalog, base_fit, scenario, horizon_days=90, n_runs=200,
                                    bin_days=7)
                   for scenario in [None, *scenarios]]
        # the observed history once, then every scenario's futures after it
        bands = pl.concat([futures[0], *(f.filter(~pl.col("observed")) for f in futures[1:])])
    except ModelError as error:
        context["error"] = str(error)
        return context
    matrix = [{"target": t, "source": s, "value": v}
              for t, row in zip(summary["dims"], summary["branching"])
              for s, v in zip(summary["dims"], row)]
    context.update(summary=summary, branching=charts.branching(matrix),
                   qq=charts.residual_qq(queries.qq(fitted).to_dicts()),
                   forecast=charts.forecast([{**r, "day": r["day"].isoformat()}
                                             for r in bands.to_dicts()]))
    return context


def _backtest_context(catalog: Catalog, params: Any) -> dict[str, Any]:
    """What templates/backtest.html shows: the per-dimension backtest, or why there is none."""
    try:
        result = queries.backtest(catalog, dims=params.dims, origin=None, end=None,
                                  decay=params.decay, step_days=7, min_train_days=90,
                                  n_runs=DASHBOARD_BACKTEST_RUNS)
    except ModelError as error:
        return {"rows": [], "error": str(error), "n_skipped": 0}
    return {"rows": result.summary(), "error": None, "n_skipped": result.n_skipped}
