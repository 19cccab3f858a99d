"""Every Python example of docs/api.md runs, in order, against a small store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.serve_store import build_store

pytestmark = [pytest.mark.integration, pytest.mark.model]
DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_api_docs_examples_run(tmp_path: Path, capsys) -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) >= 5
    namespace = {"db": build_store(tmp_path / "store.duckdb")}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - our own docs
    printed = capsys.readouterr().out
    assert "ASSAULT missile RUS -> UKR" in printed
    assert "spiral index" in printed
