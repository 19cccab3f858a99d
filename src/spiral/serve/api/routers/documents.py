"""Documents: the reports, with their text and every item coded from them; ingest by POST."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Annotated

import polars as pl
from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, PagingDep, ReadAccess, WindowDep, WriteAccess
from spiral.serve.api.paging import TABLE_RESPONSES, Listing, cached_listing, listing_key
from spiral.serve.catalog import Catalog

router = APIRouter(tags=["documents"])
SORTS = ("published", "title", "source", "n_chars")
_WRITING = threading.Lock()


def listing(catalog: Catalog, sort: str = "published") -> Listing:
    """Documents (without their text) in the order of `sort`, cached per snapshot."""
    return cached_listing(catalog, "documents", lambda: catalog.frame("documents").drop("text"),
                          sort=sort, allowed=SORTS, id_column="doc_id",
                          columns=("published", "source"))


@router.get("/documents", response_model=models.Page[models.Document],
            responses=TABLE_RESPONSES, dependencies=[ReadAccess])
async def list_documents(catalog: CatalogDep, paging: PagingDep, window: WindowDep,
                         source: Annotated[str | None, Query(description="Outlet.")] = None):
    """Reports, filtered by outlet and publication date (text in the single-document view)."""
    sort = paging.sort or "published"
    conditions = window.conditions(pl.col("published").dt.date())
    if source:
        conditions.append(pl.col("source").str.to_lowercase() == source.lower())
    return await paging.respond_cached(
        catalog, listing_key("documents", sort), lambda cat: listing(cat, sort),
        conditions=conditions, sort=sort, allowed=SORTS, id_column="doc_id", name="documents")


@router.get("/documents/{doc_id}", response_model=models.DocumentDetail,
            responses={404: {"model": models.Problem}}, dependencies=[ReadAccess])
def get_document(doc_id: str, catalog: CatalogDep):
    """One report: its text, and every event, quote, red line, position and actor coded from
    it (offsets are characters into `text`)."""
    found = catalog.frame("documents").filter(pl.col("doc_id") == doc_id)
    if found.is_empty():
        raise HTTPException(404, f"no document {doc_id!r}")
    mine = pl.col("doc_id") == doc_id
    actor_keys = catalog.frame("actors").filter(mine).select("code", "entity_name")
    return {**found.row(0, named=True),
            "events": catalog.frame("events").filter(mine).sort("start").to_dicts(),
            "quotes": queries.quotes(catalog).filter(mine).sort("start").to_dicts(),
            "red_lines": _red_lines_of(catalog, doc_id),
            "positions": catalog.frame("positions").filter(mine).sort("start").to_dicts(),
            "actors": queries.actors(catalog).join(actor_keys, on=["code", "entity_name"])
            .to_dicts()}


def _red_lines_of(catalog, doc_id: str) -> list[dict]:
    board = queries.red_line_board(catalog)
    ids = catalog.frame("red_lines").filter(pl.col("doc_id") == doc_id)["id"].to_list()
    return board.filter(pl.col("report_ids").list.eval(pl.element().is_in(ids)).list.any()) \
        .to_dicts()


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000)
    title: str = ""
    published: datetime | None = None
    source: str = ""
    url: str = ""


@router.post("/documents", response_model=models.Ingested, status_code=201,
             dependencies=[WriteAccess],
             responses={401: {"model": models.Problem}, 403: {"model": models.Problem}})
def post_documents(documents: list[DocumentIn], request: Request, catalog: CatalogDep):
    """Store reports and code them (events, quotes, red lines, positions), as `spiral run`."""
    from spiral.serve import jobs

    settings = request.app.state.settings
    with _WRITING:
        summary = jobs.ingest_texts(settings, [d.model_dump() for d in documents],
                                    nlp=_nlp(request))
    catalog.invalidate()
    return summary


def _nlp(request: Request):
    state = request.app.state
    if getattr(state, "nlp", None) is None:
        from spiral.nlp import pipeline

        state.nlp = pipeline.load(state.settings)
    return state.nlp
