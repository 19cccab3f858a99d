"""`spiral serve`: the HTTP API and the dashboard over a store, served by uvicorn."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from spiral.serve.cli.common import DbOption, console, settings_for


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; reads from other addresses "
                                           "need SPIRAL_API_TOKEN.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    scenario: Annotated[list[Path] | None, typer.Option(
        help="Scenario YAML the forecasts offer besides the baseline (repeatable).")] = None,
) -> None:
    """Serve the HTTP API (/api/v1, OpenAPI at /api/v1/openapi.json) and the dashboard (/).

    Example: spiral serve --db out/demo.duckdb --port 8000
    """
    import uvicorn

    from spiral.serve.api import create_app, warm
    from spiral.serve.api.deps import is_loopback
    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db, read_only=True):
        pass  # fail now, with the store's own message, rather than on the first request
    if not is_loopback(host) and settings.api_token is None:
        console.print(f"note: listening on {host} without SPIRAL_API_TOKEN: only loopback "
                      "clients can read, and nobody can write", highlight=False)
    app = create_app(settings, scenario_files=scenario or ())
    started = time.perf_counter()
    warm(app)
    console.print(f"spiral: story events, index and overview of {settings.db} computed in "
                  f"{time.perf_counter() - started:.1f} s", highlight=False)
    console.print(f"spiral: dashboard http://{host}:{port}/ · API http://{host}:{port}/api/v1/docs",
                  highlight=False)
    # uvloop's event loop and httptools' parser answer a request in about a sixth less CPU
    # than asyncio's and h11 (docs/api.md); uvloop does not exist on Windows
    loop = "asyncio" if sys.platform == "win32" else "uvloop"
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, loop=loop,
                http="httptools")


def register(app: typer.Typer) -> None:
    app.command()(serve)
