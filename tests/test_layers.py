"""Dependencies point downstream only: a stage imports records/errors/config and earlier stages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "spiral"
STAGES = ["ingest", "nlp", "store", "analysis", "dynamics", "serve"]


def _imported_stages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "spiral" and len(parts) > 1 and parts[1] in STAGES:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_layers_stage_imports_only_upstream(stage: str) -> None:
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(_imported_stages(path) - allowed)
        for path in (PACKAGE / stage).rglob("*.py")
        if _imported_stages(path) - allowed
    }
    assert not offenders, f"{stage} imports later stages: {offenders}"


def test_layers_core_modules_import_no_stage() -> None:
    for name in ("records.py", "errors.py", "config.py", "plover.py", "countries.py", "validate.py",
                 "datasets.py"):
        assert not _imported_stages(PACKAGE / name), name
