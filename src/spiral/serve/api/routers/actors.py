"""Actors: who appears in the reports, with the roles they held over time."""

from __future__ import annotations

from typing import Annotated

import polars as pl
from fastapi import APIRouter, HTTPException, Query

from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, PagingDep, ReadAccess, codes
from spiral.serve.api.paging import TABLE_RESPONSES

router = APIRouter(tags=["actors"], dependencies=[ReadAccess])
SORTS = ("n_documents", "n_mentions", "code", "entity_name", "first_seen", "last_seen")


@router.get("/actors", response_model=models.Page[models.Actor], responses=TABLE_RESPONSES)
def list_actors(catalog: CatalogDep, paging: PagingDep,
                code: Annotated[str | None, Query(description="Country or PLOVER code.")] = None,
                name: Annotated[str | None, Query(description="Part of the name.")] = None):
    """Actors by code and name, with their roles (first and last seen in the reports)."""
    conditions = [pl.col("entity_name").str.to_lowercase().str.contains(name.lower(),
                                                                        literal=True)] \
        if name else []
    return paging.respond(queries.actors(catalog), equal={"code": codes(code, "code")},
                          conditions=conditions, sort=paging.sort or "-n_documents",
                          allowed=SORTS, id_column="key", name="actors", hidden=("key",))


@router.get("/actors/{code}", response_model=list[models.Actor],
            responses={404: {"model": models.Problem}})
def get_actor(code: str, catalog: CatalogDep):
    """Everyone with this code (a country and its officials), most reported first."""
    found = queries.actors(catalog).filter(pl.col("code") == code.strip().upper())
    if found.is_empty():
        raise HTTPException(404, f"no actor with code {code!r}")
    return found.sort("n_documents", "entity_name", descending=[True, False]).to_dicts()
