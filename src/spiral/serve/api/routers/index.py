"""The escalation index per directed dyad and day or week, each row with its story events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from spiral import validate
from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, PagingDep, ReadAccess, WindowDep, codes
from spiral.serve.api.paging import TABLE_RESPONSES, Listing, cached_listing, listing_key
from spiral.serve.api.routers.events import DYAD
from spiral.serve.catalog import Catalog

router = APIRouter(tags=["index"], dependencies=[ReadAccess])
SORTS = ("period", "dyad", "rivera_score", "n_stories", "ladder_group", "intensity_sum")


def listing(catalog: Catalog, freq: str, sort: str = "period") -> Listing:
    """The index at `freq` in the order of `sort`, cached per snapshot."""
    return cached_listing(catalog, _name(freq), lambda: queries.index_table(catalog, freq),
                          sort=sort, allowed=SORTS, id_column="key",
                          columns=("actor_code", "recipient_code", "directed", "period"),
                          indexed=("actor_code", "recipient_code", DYAD))


@router.get("/index", response_model=models.Page[models.IndexRow], responses=TABLE_RESPONSES)
async def list_index(catalog: CatalogDep, paging: PagingDep, window: WindowDep,
                     dyad: Annotated[str | None, Query(
                         description="ACTOR-RECIPIENT, e.g. RUS-UKR.")] = None,
                     actor: Annotated[str | None, Query(description="Actor code.")] = None,
                     recipient: Annotated[str | None, Query(description="Recipient code.")] = None,
                     freq: Annotated[str, Query(description="day or week.")] = "day"):
    """Per dyad and period: counts by quad class, intensity, Rivera-style score and the
    highest ladder group. Periods no source covered have null measures, not zeros."""
    f = queries.EventFilter(actor=codes(actor, "actor"), recipient=codes(recipient, "recipient"),
                            dyad=validate.dyad(dyad, undirected=True) if dyad else None,
                            since=window.since, until=window.until)
    freq = validate.choice(freq, ("day", "week"), field="freq")
    sort = paging.sort or "period"
    where = queries.index_where(f)
    return await paging.respond_cached(
        catalog, listing_key(_name(freq), sort), lambda cat: listing(cat, freq, sort),
        equal=where.equal, conditions=where.conditions, sort=sort, allowed=SORTS,
        id_column="key", name="index", hidden=("key",))


def _name(freq: str) -> str:
    return f"index-{freq}"
