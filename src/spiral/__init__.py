"""spiral: crisis news to an evidence-linked, measurable model of an escalation.

The few entry points a notebook needs, loaded on first use (so `import spiral` stays fast):
`code_texts` (code texts without a store), `open_corpus` (a store read-only, as polars frames
of events, story events, quotes, red lines and the index; fit and simulate), `Corpus` and
`Scenario`. See docs/api.md.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.3.0"
__all__ = ["Corpus", "Scenario", "code_texts", "open_corpus"]
_EXPORTS = {"code_texts": "spiral.serve.notebook", "open_corpus": "spiral.serve.notebook",
            "Corpus": "spiral.serve.notebook", "Scenario": "spiral.dynamics.scenarios"}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'spiral' has no attribute {name!r}")
