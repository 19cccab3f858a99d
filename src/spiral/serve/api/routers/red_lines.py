"""Red lines: one row per declaration however many reports, with crossings and responses."""

from __future__ import annotations

from typing import Annotated

import polars as pl
from fastapi import APIRouter, HTTPException, Query

from spiral import validate
from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, PagingDep, ReadAccess, WindowDep
from spiral.serve.api.paging import TABLE_RESPONSES

router = APIRouter(tags=["red lines"], dependencies=[ReadAccess])
SORTS = ("date", "n_sources", "n_reports", "status", "declarer_code", "crossed_date")
STATUSES = ("declared", "crossed", "answered", "enforced", "not_enforced")


@router.get("/red-lines", response_model=models.Page[models.RedLine], responses=TABLE_RESPONSES)
def list_red_lines(catalog: CatalogDep, paging: PagingDep, window: WindowDep,
                   declarer: Annotated[str | None, Query(description="Declarer's country code "
                                                         "or part of their name.")] = None,
                   status: Annotated[str | None, Query(description="declared, crossed, "
                                                       "answered, enforced or not_enforced.")] = None):
    """Red lines and conditional threats with their status and the evidence of each step:
    `answered` is a response the text links to the crossing, `enforced` the stated
    consequence carried out against the crosser."""
    conditions = window.conditions(pl.col("date"))
    if declarer:
        name = pl.col("declarer").struct.field("entity_name").fill_null("").str.to_lowercase()
        conditions.append((pl.col("declarer_code") == declarer.strip().upper())
                          | name.str.contains(declarer.strip().lower(), literal=True))
    equal = {"status": validate.choice(status, STATUSES, field="status") if status else None}
    return paging.respond(queries.red_line_board(catalog), equal=equal, conditions=conditions,
                          sort=paging.sort or "date", allowed=SORTS, id_column="id",
                          name="red-lines")


@router.get("/red-lines/{red_line_id}", response_model=models.RedLine,
            responses={404: {"model": models.Problem}})
def get_red_line(red_line_id: str, catalog: CatalogDep):
    """One red line (any of its reports' ids), with its reports and evidence."""
    board = queries.red_line_board(catalog)
    found = board.filter(pl.col("report_ids").list.contains(red_line_id))
    if found.is_empty():
        raise HTTPException(404, f"no red line {red_line_id!r}")
    return found.row(0, named=True)
