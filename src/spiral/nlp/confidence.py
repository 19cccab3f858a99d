"""The `spiral_confidence` component: every event of `doc._.events` gets its `confidence`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from spiral.nlp import extensions
from spiral.nlp.calibration import document_facts, features, score


class ConfidenceScorer:
    """Sets `confidence` on every event of `doc._.events`."""

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events
        if not events:
            return doc
        text = extensions.written(doc)
        doc._.events = tuple(
            {**event, "confidence": round(score(features(event, text, **facts)), 3)}
            for event, facts in zip(events, document_facts(events)))
        return doc


@Language.factory("spiral_confidence", requires=["doc._.events"], assigns=["doc._.events"])
def make_confidence(nlp: Language, name: str) -> ConfidenceScorer:
    return ConfidenceScorer()
