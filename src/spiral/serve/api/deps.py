"""Dependencies of the routes: settings, the store's catalog, access, and the shared filters.

They do no I/O and are `async`, so FastAPI runs them on the event loop: a sync dependency costs
a hop to the thread pool and back on every request.
"""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Annotated

import polars as pl
from fastapi import Depends, HTTPException, Query, Request

from spiral import validate
from spiral.config import Settings
from spiral.serve.api.paging import Format, Paging, check_limit
from spiral.serve.catalog import Catalog


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8 and ::1.

    >>> is_loopback("127.0.0.1"), is_loopback("10.0.0.2"), is_loopback(None)
    (True, False, False)
    """
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_ok(authorization: str | None, settings: Settings) -> bool:
    """Whether an Authorization header carries the API token of the settings."""
    expected = settings.api_token.get_secret_value() if settings.api_token else None
    scheme, _, token = (authorization or "").partition(" ")
    return bool(expected) and scheme.lower() == "bearer" and secrets.compare_digest(
        token.encode(), expected.encode())


def may_read(host: str | None, authorization: str | None, settings: Settings) -> bool:
    """Reads are open on the loopback address and need the token from anywhere else."""
    return is_loopback(host) or token_ok(authorization, settings)


async def read_access(request: Request,
                      settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Reads are open on the loopback address and need the token from anywhere else."""
    if not may_read(request.client.host if request.client else None,
                    request.headers.get("authorization"), settings):
        raise HTTPException(401, "reading from outside this machine needs the API token: send "
                                 "'Authorization: Bearer <SPIRAL_API_TOKEN>'")


async def write_access(request: Request,
                       settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Writes always need the token from the settings (SPIRAL_API_TOKEN)."""
    if settings.api_token is None:
        raise HTTPException(403, "writes are disabled: no API token is set; start the server "
                                 "with SPIRAL_API_TOKEN=... to allow them")
    if not token_ok(request.headers.get("authorization"), settings):
        raise HTTPException(401, "writing needs the API token: send "
                                 "'Authorization: Bearer <SPIRAL_API_TOKEN>'")


@dataclass(frozen=True, slots=True)
class Window:
    since: date | None
    until: date | None

    def conditions(self, day: pl.Expr) -> list[pl.Expr]:
        """`day` within the window, as filter conditions (none for an open window)."""
        conditions = []
        if self.since:
            conditions.append(day >= self.since)
        if self.until:
            conditions.append(day <= self.until)
        return conditions


async def window(
    since: Annotated[str | None, Query(description="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last date, YYYY-MM-DD.")] = None,
) -> Window:
    first = validate.iso_date(since, field="since")
    last = validate.iso_date(until, field="until")
    validate.date_range(first, last)
    return Window(first, last)


async def paging(
    sort: Annotated[str | None, Query(description="A column, '-' first for descending.")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(description="Rows per page, 1 to 10000.")] = 50,
    format: Annotated[Format, Query(description="json, csv or parquet.")] = Format.json,
) -> Paging:
    return Paging(sort, cursor, check_limit(limit), format)


def codes(value: str | None, field: str) -> str | None:
    return None if value is None else validate.actor_code(value, field=field)


ReadAccess = Depends(read_access)
WriteAccess = Depends(write_access)
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
WindowDep = Annotated[Window, Depends(window)]
PagingDep = Annotated[Paging, Depends(paging)]
