"""The `spiral_confidence` component: every event of `doc._.events` gets its `confidence`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from spiral.nlp import extensions
from spiral.nlp.calibration import features, leads_sentence, same_sides_elsewhere, score


class ConfidenceScorer:
    """Sets `confidence` on every event of `doc._.events`."""

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events
        if not events:
            return doc
        text = extensions.written(doc)
        per_sentence: dict[tuple[int, int], int] = {}
        for event in events:
            per_sentence[(event["start"], event["end"])] = per_sentence.get(
                (event["start"], event["end"]), 0) + 1
        doc._.events = tuple(
            {**event, "confidence": round(score(features(
                event, text, n_in_sentence=per_sentence[(event["start"], event["end"])],
                n_same_sides=n_same_sides, leads=leads)), 3)}
            for event, n_same_sides, leads in zip(events, same_sides_elsewhere(events),
                                                  leads_sentence(events)))
        return doc


@Language.factory("spiral_confidence", requires=["doc._.events"], assigns=["doc._.events"])
def make_confidence(nlp: Language, name: str) -> ConfidenceScorer:
    return ConfidenceScorer()
