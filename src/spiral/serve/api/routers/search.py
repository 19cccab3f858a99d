"""Full-text search over events, quotes and documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from spiral import validate
from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, ReadAccess

router = APIRouter(tags=["search"], dependencies=[ReadAccess])


@router.get("/search", response_model=list[models.SearchHit])
def search(catalog: CatalogDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description="Words, all of "
                                   "which must occur.")],
           kind: Annotated[str | None, Query(description="event, quote or document; "
                                             "default all.")] = None,
           limit: Annotated[int, Query(ge=1, le=500)] = 50):
    """Events, quotes and documents that contain every word, most occurrences first."""
    kinds = (validate.choice(kind, tuple(queries.SEARCHABLE), field="kind"),) if kind \
        else tuple(queries.SEARCHABLE)
    return queries.search(catalog, q, kinds=kinds, limit=limit).to_dicts()
