"""Event mentions and story events (one real event, its mentions from many reports)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from spiral import validate
from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, PagingDep, ReadAccess, WindowDep, codes
from spiral.serve.api.paging import TABLE_RESPONSES, Listing, cached_listing, listing_key
from spiral.serve.catalog import Catalog

router = APIRouter(tags=["events"], dependencies=[ReadAccess])

EVENT_SORTS = ("date", "intensity", "confidence", "published", "event_type", "actor_code",
               "recipient_code", "source")
STORY_SORTS = ("date", "n_sources", "n_mentions", "rivera_score", "ladder_group", "intensity",
               "event_type")


@dataclass(frozen=True, slots=True)
class _Codes:
    actor: str | None
    recipient: str | None
    dyad: str | None
    event_type: str | None
    mode: str | None


async def event_codes(
    actor: Annotated[str | None, Query(description="Actor code, e.g. RUS (any case).")] = None,
    recipient: Annotated[str | None, Query(description="Recipient code, e.g. UKR.")] = None,
    dyad: Annotated[str | None, Query(description="ACTOR-RECIPIENT, e.g. RUS-UKR.")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode, e.g. missile.")] = None,
) -> _Codes:
    return _Codes(codes(actor, "actor"), codes(recipient, "recipient"),
                  validate.dyad(dyad) if dyad else None,
                  validate.event_type(type) if type else None,
                  validate.mode(mode) if mode else None)


CodesDep = Annotated[_Codes, Depends(event_codes)]


# the columns the filters read (queries.event_where, story_where), and those they compare for
# equality, which each listing indexes
CODED = ("actor_code", "recipient_code", "event_type", "mode", "directed", "date")
DYAD = ("actor_code", "recipient_code", "directed")
INDEXED = ("actor_code", "recipient_code", "event_type", DYAD)


def events_listing(catalog: Catalog, sort: str = "date") -> Listing:
    """Event mentions in the order of `sort`, cached per snapshot."""
    return cached_listing(catalog, "events", lambda: catalog.frame("events"), sort=sort,
                          allowed=EVENT_SORTS, id_column="id",
                          columns=(*CODED, "source", "system", "confidence"), indexed=INDEXED)


def stories_listing(catalog: Catalog, sort: str = "date") -> Listing:
    """Story events in the order of `sort`, cached per snapshot."""
    return cached_listing(catalog, "stories", catalog.stories, sort=sort, allowed=STORY_SORTS,
                          id_column="story_id", columns=(*CODED, "sources", "n_sources"),
                          indexed=INDEXED)

SourceQuery = Annotated[str | None, Query(description="Outlet, e.g. Baltic Ledger.")]


@router.get("/events", response_model=models.Page[models.Event], responses=TABLE_RESPONSES)
async def list_events(catalog: CatalogDep, paging: PagingDep, window: WindowDep, c: CodesDep,
                      source: SourceQuery = None,
                      system: Annotated[str | None, Query(description="spiral, gdelt, icews, "
                                                          "polecat or acled.")] = None,
                      min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
                          "Only events at least this likely to be right (calibrated)."))] = None):
    """Event mentions, each with its sentence, document and offsets."""
    if system is not None:
        system = validate.choice(system, ("spiral", "gdelt", "icews", "polecat", "acled"),
                                 field="system")
    f = queries.EventFilter(actor=c.actor, recipient=c.recipient, dyad=c.dyad,
                            event_type=c.event_type, mode=c.mode, since=window.since,
                            until=window.until, source=source, system=system,
                            min_confidence=min_confidence)
    sort = paging.sort or "date"
    where = queries.event_where(f)
    return await paging.respond_cached(
        catalog, listing_key("events", sort), lambda cat: events_listing(cat, sort),
        equal=where.equal, conditions=where.conditions, sort=sort, allowed=EVENT_SORTS,
        id_column="id", name="events")


@router.get("/stories", response_model=models.Page[models.Story], responses=TABLE_RESPONSES)
async def list_stories(catalog: CatalogDep, paging: PagingDep, window: WindowDep, c: CodesDep,
                       source: SourceQuery = None,
                       min_sources: Annotated[int | None, Query(
                           ge=1, le=1000,
                           description="Reported by at least this many outlets.")] = None):
    """Story events: one real event, with how many reports and outlets carried it (mentions
    below the calibrated confidence threshold are not counted, as on the CLI)."""
    f = queries.EventFilter(actor=c.actor, recipient=c.recipient, dyad=c.dyad,
                            event_type=c.event_type, mode=c.mode, since=window.since,
                            until=window.until, source=source, min_sources=min_sources)
    sort = paging.sort or "date"
    where = queries.story_where(f)
    return await paging.respond_cached(
        catalog, listing_key("stories", sort), lambda cat: stories_listing(cat, sort),
        equal=where.equal, conditions=where.conditions, sort=sort, allowed=STORY_SORTS,
        id_column="story_id", name="stories")


@router.get("/stories/{story_id}", response_model=models.StoryDetail,
            responses={404: {"model": models.Problem}})
def get_story(story_id: str, catalog: CatalogDep):
    """A story event with every mention: the sentences behind it, in their documents."""
    try:
        story, mentions = queries.story_mentions(catalog, story_id)
    except LookupError as error:
        raise HTTPException(404, str(error)) from None
    return {**story, "mentions": mentions.to_dicts()}
