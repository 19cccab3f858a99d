"""Quotes: who said what, with how widely it was reported and how senior the speaker."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, PagingDep, ReadAccess, WindowDep, codes
from spiral.serve.api.paging import TABLE_RESPONSES, Listing, cached_listing, listing_key
from spiral.serve.catalog import Catalog

router = APIRouter(tags=["quotes"], dependencies=[ReadAccess])
SORTS = ("date", "n_sources", "n_reports", "seniority", "speaker_code")


def listing(catalog: Catalog, sort: str = "date") -> Listing:
    """Quotes with their reach in the order of `sort`, cached per snapshot."""
    return cached_listing(catalog, "quotes", lambda: queries.ranked_quotes(catalog), sort=sort,
                          allowed=SORTS, id_column="id")


@router.get("/quotes", response_model=models.Page[models.Quote], responses=TABLE_RESPONSES)
async def list_quotes(catalog: CatalogDep, paging: PagingDep, window: WindowDep,
                      speaker: Annotated[str | None, Query(
                          description="Part of the speaker's name or of the words naming them."
                      )] = None,
                      country: Annotated[str | None, Query(
                          description="Speaker's country code.")] = None,
                      source: Annotated[str | None, Query(description="Outlet.")] = None):
    """Quotes; sort by `-n_sources` for the most widely reported statements."""
    sort = paging.sort or "date"
    where = queries.quote_where(speaker=speaker, country=codes(country, "country"),
                                since=window.since, until=window.until, source=source)
    return await paging.respond_cached(
        catalog, listing_key("quotes", sort), lambda cat: listing(cat, sort), equal=where.equal,
        conditions=where.conditions, sort=sort, allowed=SORTS, id_column="id", name="quotes")
