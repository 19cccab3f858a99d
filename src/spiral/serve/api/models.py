"""Response models of the HTTP API: pydantic at the edge, generated from the records' fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Problem(BaseModel):
    """Why a request was refused: the message names the field, what is allowed, and the fix."""

    detail: str
    field: str | None = None
    allowed: list[str] | None = None
    suggestion: str | None = None


class Page(BaseModel, Generic[T]):
    """One page of a listing; pass `next_cursor` as `cursor` for the next one."""

    items: list[T]
    total: int = Field(description="Rows matching the filters, over all pages.")
    limit: int
    next_cursor: str | None = Field(description="Opaque; null on the last page.")


class Entity(BaseModel):
    entity_text: str | None = None
    entity_name: str | None = None
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    role_valid_from: str | None = None
    role_valid_to: str | None = None
    wikidata_id: str | None = None


class Mention(BaseModel):
    text: str
    start: int
    end: int


class Event(BaseModel):
    id: str
    doc_id: str
    system: str
    event_type: str
    mode: str
    context: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    actor_code: str
    recipient_code: str
    date: date | None
    date_precision: str
    quad_code: int
    intensity: float
    cameo: str
    negated: bool
    hypothetical: bool
    confidence: float = Field(description="Calibrated probability that actor, type family and "
                                          "recipient are right; 1.0 for curated data sets.")
    text: str
    start: int
    end: int
    published: datetime | None
    source: str
    url: str


class Story(BaseModel):
    story_id: str
    actor_code: str
    recipient_code: str
    event_type: str
    mode: str
    date: date | None
    quad_code: int
    intensity: float
    context: list[str]
    mention_ids: list[str]
    doc_ids: list[str]
    sources: list[str]
    text: str
    n_mentions: int
    n_sources: int
    rivera_class: str
    rivera_score: int
    ladder_group: int


class StoryDetail(Story):
    mentions: list[Event]


class Quote(BaseModel):
    id: str
    doc_id: str
    speaker: Entity | None
    speaker_code: str
    speaker_text: str
    anonymous: bool
    content: str
    kind: str
    cue: str
    date: date | None
    start: int
    end: int
    source: str | None
    url: str | None
    title: str | None
    n_reports: int = Field(description="Reports carrying this statement (same speaker, same words).")
    n_sources: int = Field(description="Distinct outlets among them.")
    seniority: int = Field(description="3 head of state or government, 2 minister, 1 official or "
                                       "spokesperson, 0 other or unknown.")


class Step(BaseModel):
    step: str = Field(description="crossed, answered or enforced.")
    date: date | None
    story_id: str | None
    quote_id: str | None
    text: str


class RedLine(BaseModel):
    id: str = Field(description="Id of the first report; the others are in `report_ids`.")
    doc_id: str
    declarer: Entity
    declarer_code: str
    addressee: list[Entity]
    condition: str
    consequence: str
    kind: str
    date: date | None
    status: str = Field(description="declared, crossed, answered, enforced or not_enforced.")
    crossed_date: date | None
    start: int
    end: int
    source: str | None
    url: str | None
    report_ids: list[str]
    n_reports: int
    n_sources: int
    steps: list[Step]


class Position(BaseModel):
    id: str
    doc_id: str
    holder: Entity
    holder_code: str
    issue: str
    demand: str
    date: date | None
    start: int
    end: int
    source: str | None
    url: str | None


class Role(BaseModel):
    role: str
    first_seen: date | None
    last_seen: date | None
    n_documents: int


class Actor(BaseModel):
    code: str
    entity_name: str
    n_documents: int
    n_mentions: int
    first_seen: date | None
    last_seen: date | None
    roles: list[Role]


class IndexRow(BaseModel):
    dyad: str
    actor_code: str
    recipient_code: str
    period: date = Field(description="The day, or the Monday of the week.")
    covered: bool = Field(description="False when no source covered the period: then the "
                                      "measures are null, not zero.")
    n_stories: int | None
    n_verbal_cooperation: int | None
    n_material_cooperation: int | None
    n_verbal_conflict: int | None
    n_material_conflict: int | None
    intensity_sum: float | None
    intensity_mean: float | None
    rivera_score: int | None
    ladder_group: int | None
    ladder_label: str | None
    story_ids: list[str]


class Document(BaseModel):
    doc_id: str
    title: str
    published: datetime | None
    source: str
    url: str
    language: str
    origin: str
    charset: str = Field(description="The encoding the file's bytes were decoded with, e.g. "
                                     "'cp1251'; '' for text given through this API or stored "
                                     "before the store kept it (schema version 6).")
    charset_reason: str = Field(description="Why: 'byte-order mark', 'declared in <meta>', "
                                            "'valid UTF-8, nothing declared', 'detected; ...'.")
    n_chars: int


class DocumentDetail(Document):
    text: str
    events: list[Event]
    quotes: list[Quote]
    red_lines: list[RedLine]
    positions: list[Position]
    actors: list[Actor]


class Fit(BaseModel):
    dims: list[str]
    origin: date
    end: date
    n_events: int
    spiral_index: float = Field(description="Spectral radius of the branching matrix.")
    interval_90: list[float | None]
    verdict: str = Field(description="The 90% interval in words: 'reactions die out: ...', "
                                     "'self-sustaining: ...', 'inconclusive: the 90% interval "
                                     "includes 1', or 'no interval' without refits.")
    branching: list[list[float]] = Field(description="(n_dims, n_dims): row excited by column.")
    baseline_per_day: list[float]
    decays_per_day: list[float]


class BacktestSummary(BaseModel):
    """Per dimension: how the Hawkes model forecast the next week against two baselines."""

    dim: str
    n_origins: int
    n_events: int = Field(description="Events in all scored weeks.")
    loglik_hawkes: float = Field(description="Mean out-of-sample log-likelihood per week.")
    loglik_constant: float
    loglik_piecewise: float
    coverage50_hawkes: float = Field(description="Share of weeks whose count fell inside the "
                                                 "central 50% interval.")
    coverage90_hawkes: float
    coverage50_constant: float
    coverage90_constant: float
    coverage50_piecewise: float
    coverage90_piecewise: float
    skill_vs_constant: float = Field(description="Hawkes minus constant-rate log-likelihood, "
                                                 "mean over origins.")
    skill_vs_constant_se: float | None
    skill_vs_piecewise: float
    skill_vs_piecewise_se: float | None
    verdict: str = Field(description="'beats', 'does not beat' or 'is worse than' each baseline.")
    n_skipped_origins: int = Field(description="Origins skipped: too few training events.")


class BacktestOrigin(BaseModel):
    """One origin and dimension of a backtest: the week's events and each model's score."""

    origin: date
    dim: str
    n_events: int
    loglik_hawkes: float
    mean_hawkes: float
    in50_hawkes: bool
    in90_hawkes: bool
    loglik_constant: float
    mean_constant: float
    in50_constant: bool
    in90_constant: bool
    loglik_piecewise: float
    mean_piecewise: float
    in50_piecewise: bool
    in90_piecewise: bool


class RollingIndex(BaseModel):
    """The spiral index of one window, or "too few events to estimate" and no number."""

    from_: date = Field(alias="from")
    to: date = Field(description="The window's last day.")
    n_events: int
    events_per_dim: list[int]
    spiral_index: float | None
    low: float | None = Field(description="90% interval, parametric bootstrap.")
    high: float | None
    decay_per_day: float | None
    verdict: str


class ResidualQuantile(BaseModel):
    """A quantile of a dimension's time-rescaled residuals against the same quantile of Exp(1)."""

    dim: str
    expected: float
    observed: float
    p_value: float = Field(description="Kolmogorov-Smirnov test of the dimension's residuals.")


class ForecastRow(BaseModel):
    scenario: str
    dim: str
    day: date
    mean: float
    q05: float
    q50: float
    q95: float
    observed: bool = Field(description="True for the observed history before the forecast.")


class SearchHit(BaseModel):
    kind: str = Field(description="event, quote or document.")
    id: str
    doc_id: str
    date: date | None
    title: str
    snippet: str
    score: float


class Ingested(BaseModel):
    n_read: int
    n_new: int
    n_quarantined: int
    doc_ids: list[str]
    n_events: int
    n_quotes: int
    n_red_lines: int
    n_positions: int


class Imported(BaseModel):
    system: str
    n_events: int
    n_new: int
    n_quarantined: int
