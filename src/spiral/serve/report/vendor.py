"""The vendored Vega libraries, read once and checked against SHA256SUMS before use."""

from __future__ import annotations

import functools
import hashlib
from importlib import resources

from spiral.errors import ConfigError

LIBRARIES = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")


@functools.cache
def vendored_scripts() -> tuple[str, ...]:
    """The library sources in load order.

    Raises
    ------
    ConfigError
        A vendored file is missing or its hash differs from SHA256SUMS (a corrupt install).
    """
    folder = resources.files("spiral.serve.report") / "vendor"
    expected = dict(
        reversed(line.split()) for line in (folder / "SHA256SUMS").read_text().splitlines() if line
    )
    scripts = []
    for name in LIBRARIES:
        data = (folder / name).read_bytes()
        if hashlib.sha256(data).hexdigest() != expected.get(name):
            raise ConfigError(
                f"{folder / name}: sha256 differs from vendor/SHA256SUMS; reinstall spiral "
                "(the report's chart libraries must not change silently)"
            )
        scripts.append(data.decode("utf-8"))
    return tuple(scripts)
