"""Negotiating positions: who demands what on which settlement issue."""

from __future__ import annotations

from typing import Annotated

import polars as pl
from fastapi import APIRouter, Query

from spiral import validate
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, PagingDep, ReadAccess, WindowDep, codes
from spiral.serve.api.paging import TABLE_RESPONSES

router = APIRouter(tags=["positions"], dependencies=[ReadAccess])
SORTS = ("date", "issue", "holder_code")
ISSUES = ("territory", "neutrality", "nato_membership", "army_limits", "security_guarantees",
          "sanctions", "ceasefire", "withdrawal", "nuclear", "prisoners", "elections")


@router.get("/positions", response_model=models.Page[models.Position], responses=TABLE_RESPONSES)
def list_positions(catalog: CatalogDep, paging: PagingDep, window: WindowDep,
                   country: Annotated[str | None, Query(description="Holder's country code.")] = None,
                   issue: Annotated[str | None, Query(description=", ".join(ISSUES))] = None):
    """Positions on the settlement issues, filtered by holder, issue and date."""
    equal = {"holder_code": codes(country, "country"),
             "issue": validate.choice(issue, ISSUES, field="issue") if issue else None}
    return paging.respond(catalog.frame("positions"), equal=equal,
                          conditions=window.conditions(pl.col("date")),
                          sort=paging.sort or "date", allowed=SORTS, id_column="id",
                          name="positions")
