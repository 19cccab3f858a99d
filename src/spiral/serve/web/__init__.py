"""The dashboard: server-rendered pages over the same queries as the API, charts in Vega-Lite.

Pages: overview (/), dyad, actor, red line, story, stories (behind a chart mark), document
(with the sentence highlighted), search and dynamics. Filters live in the URL. Markup from
article text is escaped by the templates; links to articles are kept only for http(s) URLs.
The Vega libraries are the report's vendored copies, served from /static/vendor.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response

from spiral.serve.web import pages

CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css"}


def safe_url(url: str | None) -> str | None:
    """`url` if it is http(s), else None: `javascript:` and other schemes are never linked.

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(" JAVASCRIPT:x")
    ('https://example.org/a', None, None)
    """
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def spec_json(spec: dict[str, Any]) -> str:
    """A chart spec as JSON safe inside <script type="application/json">.

    >>> spec_json({"t": "</script><b>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(spec, default=str, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@functools.cache
def environment():  # -> jinja2.Environment
    import jinja2

    folder = resources.files("spiral.serve.web") / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["spec_json"] = spec_json
    return env


def render(template: str, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, headers={"Content-Security-Policy": CSP})


def _static(folder: str, name: str) -> Response:
    base = resources.files("spiral.serve") / folder
    names = {entry.name for entry in base.iterdir()}
    suffix = name[name.rfind("."):] if "." in name else ""
    if name not in names or suffix not in STATIC_TYPES:
        return Response("not found", status_code=404, media_type="text/plain")
    return FileResponse(str(base / name), media_type=STATIC_TYPES[suffix],
                        headers={"Cache-Control": "public, max-age=3600"})


def mount(app: FastAPI) -> None:
    """Add the dashboard's pages and static files to `app`."""
    from spiral.serve.report.vendor import vendored_scripts

    vendored_scripts()  # check the vendored libraries' hashes once, at start-up

    @app.get("/static/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> Response:
        return _static("report/vendor", name)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        return _static("web/static", name)

    app.include_router(pages.router)
