"""The bundled sample corpus: enough dated reports from enough outlets, in both crises."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from spiral.ingest import read


def test_corpus_has_dated_reports_from_many_outlets(corpus_dir: Path) -> None:
    reports = sorted(corpus_dir.glob("*.txt"))
    assert len(reports) >= 40
    sidecars = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in reports]
    assert all({"title", "published", "source", "url"} <= set(s) for s in sidecars)
    assert len({s["source"] for s in sidecars}) >= 8


def test_corpus_reads_without_quarantine(corpus_dir: Path) -> None:
    quarantined = []
    documents = list(read(corpus_dir, on_quarantine=quarantined.append))
    assert quarantined == []
    assert len(documents) == len(list(corpus_dir.glob("*.txt")))
    days = {d.published.date() for d in documents}
    assert min(days) <= date(2024, 9, 12) and max(days) >= date(2025, 1, 20)
    texts = " ".join(d.text for d in documents)
    for must in ("Oreshnik", "ATACMS", "Storm Shadow", "Bryansk", "NATO-Ukraine Council",
                 "North Korean", "Isfahan", "Damascus"):
        assert must in texts, must
