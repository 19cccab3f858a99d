"""Imports of other data sets' events (GDELT, ICEWS, POLECAT, ACLED): a write, with the token."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, Request

from spiral import validate
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, WriteAccess

router = APIRouter(tags=["imports"], dependencies=[WriteAccess])
SYSTEMS = ("gdelt", "icews", "polecat", "acled")
MAX_BYTES = 512 * 1024 * 1024
_WRITING = threading.Lock()


@router.post("/imports/{system}", response_model=models.Imported, status_code=201,
             responses={401: {"model": models.Problem}, 403: {"model": models.Problem},
                        422: {"model": models.Problem}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
async def post_import(system: str, request: Request, catalog: CatalogDep):
    """Import an export file of another data set (the request body, plain or gzipped)."""
    from starlette.concurrency import run_in_threadpool

    from spiral.errors import InputError
    from spiral.serve import jobs
    from spiral.store import open_store

    chosen = validate.choice(system, SYSTEMS, field="system")
    body = await request.body()
    if len(body) > MAX_BYTES:
        raise InputError(f"the body is {len(body)} bytes; send at most {MAX_BYTES}")
    suffix = ".gz" if body[:2] == b"\x1f\x8b" else ".csv"

    def run() -> jobs.ImportSummary:
        with tempfile.TemporaryDirectory() as folder, _WRITING:
            path = Path(folder) / f"upload{suffix}"
            path.write_bytes(body)
            with open_store(request.app.state.settings.db) as store:
                return jobs.import_events(store, chosen, path)

    summary = await run_in_threadpool(run)
    await run_in_threadpool(catalog.invalidate)
    return {"system": summary.system, "n_events": summary.n_events, "n_new": summary.n_new,
            "n_quarantined": len(summary.quarantined)}
