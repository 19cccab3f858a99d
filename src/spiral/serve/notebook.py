"""The Python API for notebooks: code texts without a store, read a store as polars frames,
fit and simulate. The same library calls as the CLI and the HTTP API; `spiral` re-exports these.

Examples that run (the tests execute them) are in docs/api.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from spiral import validate
from spiral.config import Settings
from spiral.records import Document, Extraction
from spiral.serve import queries
from spiral.serve.catalog import Catalog


def code_texts(texts: Iterable[str | Document], *, settings: Settings | None = None,
               nlp: Any = None) -> list[Extraction]:
    """Code texts (or Documents) with the NLP pipeline, without a store.

    Returns one `Extraction` per text: events, quotes, red lines, positions and actors, each
    with character offsets into the document's text. `nlp` reuses a loaded pipeline
    (`spiral.nlp.pipeline.load(settings)`); by default the configured one is loaded.
    """
    from spiral.nlp import pipeline

    settings = settings or Settings()
    nlp = nlp or pipeline.load(settings)
    documents = [t if isinstance(t, Document) else Document.from_text(t) for t in texts]
    return list(pipeline.code(nlp, documents, batch_size=settings.batch_size))


class Corpus:
    """A store opened read-only, as polars frames. Filters are validated as on the CLI:
    codes and types are case-insensitive; an unknown one raises InputError with the allowed
    values. Re-reads the store when its file changes."""

    def __init__(self, path: str | Path):
        self._catalog = Catalog(Path(path))
        self._catalog.refresh()  # fail now if there is no store

    def _filter(self, actor: str | None, recipient: str | None, dyad: str | None,
                event_type: str | None, since: str | date | None,
                until: str | date | None) -> queries.EventFilter:
        first = validate.iso_date(since, field="since")
        last = validate.iso_date(until, field="until")
        validate.date_range(first, last)
        return queries.EventFilter(
            actor=validate.actor_code(actor) if actor else None,
            recipient=validate.actor_code(recipient, field="recipient") if recipient else None,
            dyad=validate.dyad(dyad) if dyad else None,
            event_type=validate.event_type(event_type) if event_type else None,
            since=first, until=last)

    def events(self, *, actor: str | None = None, recipient: str | None = None,
               dyad: str | None = None, event_type: str | None = None,
               since: str | date | None = None, until: str | date | None = None) -> pl.DataFrame:
        """Event mentions (entities as structs), each with its sentence, document and offsets."""
        f = self._filter(actor, recipient, dyad, event_type, since, until)
        return queries.events(self._catalog, f).sort("date", "id", nulls_last=True)

    def stories(self, *, actor: str | None = None, recipient: str | None = None,
                dyad: str | None = None, event_type: str | None = None,
                since: str | date | None = None, until: str | date | None = None) -> pl.DataFrame:
        """Story events: one row per real event, with its mentions, outlets and score."""
        f = self._filter(actor, recipient, dyad, event_type, since, until)
        return queries.stories(self._catalog, f)

    def quotes(self, *, speaker: str | None = None, country: str | None = None,
               since: str | date | None = None, until: str | date | None = None) -> pl.DataFrame:
        """Quotes with reach (`n_reports`, `n_sources`) and the speaker's `seniority`."""
        return queries.quotes(self._catalog, speaker=speaker,
                              country=validate.actor_code(country, field="country")
                              if country else None,
                              since=validate.iso_date(since, field="since"),
                              until=validate.iso_date(until, field="until"))

    def red_lines(self) -> pl.DataFrame:
        """One row per red line (its reports grouped) with status and evidence `steps`."""
        return queries.red_line_board(self._catalog)

    def index(self, *, freq: str = "day", dyad: str | None = None,
              since: str | date | None = None, until: str | date | None = None) -> pl.DataFrame:
        """The escalation index per directed dyad and period (`period` column)."""
        f = self._filter(None, None, dyad, None, since, until)
        return queries.index(self._catalog, freq=validate.choice(freq, ("day", "week"),
                                                                  field="freq"), f=f).drop("key")

    def fit(self, *, dims: Sequence[str] = queries.DEFAULT_DIMS, origin: str | date | None = None,
            end: str | date | None = None, decay: float = 0.2, n_boot: int = 20) -> dict[str, Any]:
        """Fit the Hawkes model: the summary (branching, spiral index, interval, verdict), with
        the fitted `StoreFit` under "fit"."""
        fitted, summary = queries.fit(self._catalog, dims=list(dims),
                                      origin=validate.iso_date(origin, field="origin"),
                                      end=validate.iso_date(end, field="end"), decay=decay,
                                      n_boot=n_boot)
        return {**summary, "fit": fitted}

    def simulate(self, fitted: dict[str, Any], *, scenario: Any = None, horizon_days: int = 90,
                 n_runs: int = 200, bin_days: int = 7) -> pl.DataFrame:
        """Observed counts per bin, then the forecast (mean, 5/50/95%) under `scenario`
        (a `Scenario`, a path to its YAML, or None for the baseline)."""
        from spiral.dynamics.scenarios import Scenario

        if isinstance(scenario, (str, Path)):
            scenario = Scenario.from_yaml(Path(scenario))
        return queries.forecast(self._catalog, fitted["fit"], scenario,
                                horizon_days=horizon_days, n_runs=n_runs, bin_days=bin_days)


def open_corpus(path: str | Path) -> Corpus:
    """Open the store at `path` read-only for analysis in a notebook."""
    return Corpus(path)
