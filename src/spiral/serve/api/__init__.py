"""The HTTP API and the dashboard in one FastAPI application: `create_app(settings)`.

>>> from spiral.config import Settings
>>> app = create_app(Settings(db="spiral.duckdb"))
>>> sorted(p for p in app.openapi()["paths"] if p.startswith("/api/v1/s"))
['/api/v1/search', '/api/v1/stories', '/api/v1/stories/{story_id}']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from spiral.config import Settings
from spiral.errors import ConfigError, InputError, ModelError, SpiralError, StoreError
from spiral.serve.catalog import Catalog

API_PREFIX = "/api/v1"
# how often a served store's stamp is read at most: a change is noticed within this time
CHECK_EVERY_S = 0.1
# one handler maps each error class to a status (STYLE.md)
STATUS = [(InputError, 422), (ModelError, 422), (StoreError, 503), (ConfigError, 500)]


def create_app(settings: Settings, *, scenario_files: Sequence[Path] = ()) -> FastAPI:
    """The application for the store `settings.db`: API under /api/v1, dashboard at /.

    `scenario_files` are what-if scenarios (YAML) the forecasts offer besides the baseline.
    """
    from importlib.metadata import PackageNotFoundError, version

    from spiral.dynamics.scenarios import Scenario
    from spiral.serve.api.answers import AnswerCache
    from spiral.serve.api.routers import (
        actors,
        documents,
        dynamics,
        events,
        imports,
        index,
        positions,
        quotes,
        red_lines,
        search,
    )
    from spiral.serve.web import mount as mount_dashboard

    try:
        spiral_version = version("spiral")
    except PackageNotFoundError:
        spiral_version = "0"
    app = FastAPI(title="spiral", version=spiral_version,
                  description="Crisis events, quotes, red lines, escalation indices and "
                              "dynamics, each linked to the sentences behind it. Reads are open "
                              "on the loopback address; writes need the API token.",
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs",
                  redoc_url=None)
    app.state.settings = settings
    app.state.catalog = Catalog(settings.db, answers_max_bytes=settings.answer_cache_mb * 2**20)
    app.state.nlp = None
    app.state.scenarios = {s.name: s for s in map(Scenario.from_yaml, scenario_files)}
    for module in (documents, events, quotes, red_lines, positions, actors, index, dynamics,
                   search, imports):
        app.include_router(module.router, prefix=API_PREFIX,
                           responses={422: {"model": _problem_model()},
                                      401: {"model": _problem_model()},
                                      503: {"model": _problem_model()}})
    app.add_exception_handler(SpiralError, _spiral_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(AnswerCache, state=app.state)
    mount_dashboard(app)
    return app


def warm(app: FastAPI) -> None:
    """Read the store and `prepare` it now, and have every later snapshot (after a POST, an
    import or any write to the store) prepared before it is served."""
    catalog = app.state.catalog
    catalog.prepare = prepare
    catalog.check_every_s = CHECK_EVERY_S
    catalog.refresh(wait=True)


def prepare(catalog: Catalog) -> None:
    """Compute what the first requests would otherwise wait for: story events, the index by
    day and by week, each listing in its usual orders, the red-line board and the overview's
    aggregates. All stay cached with the snapshot.
    """
    from spiral.serve.api.routers import documents, events, index, quotes
    from spiral.serve.web.pages import overview

    # the index and the overview first: the memory their computing frees is then reused by
    # the listings, not added to them
    for freq in ("day", "week"):
        index.listing(catalog, freq)
    overview(catalog)  # and its templates compiled
    for sort in ("date", "-date"):
        events.events_listing(catalog, sort)
        events.stories_listing(catalog, sort)
    documents.listing(catalog)
    quotes.listing(catalog)


def _problem_model() -> type:
    from spiral.serve.api.models import Problem

    return Problem


def _problem(status: int, detail: str, **fields: object) -> JSONResponse:
    return JSONResponse({"detail": detail, **fields}, status_code=status)


async def _spiral_error(request: Request, error: Exception) -> Response:
    status = next((code for cls, code in STATUS if isinstance(error, cls)), 500)
    if not request.url.path.startswith(API_PREFIX):  # a dashboard page: the message as a page
        from spiral.serve.web import render

        page = render("error.html", title="Cannot show this page", message=str(error))
        page.status_code = status
        return page
    return _problem(status, str(error), field=getattr(error, "field", None),
                    allowed=getattr(error, "allowed", None),
                    suggestion=getattr(error, "suggestion", None))


async def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    first = error.errors()[0] if error.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body"))
    return _problem(422, f"{where or 'request'}: {first.get('msg', 'invalid')}", field=where or None)
