from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from spiral.config import Settings
from spiral.nlp import pipeline


@pytest.fixture(scope="session")
def nlp():
    return pipeline.load(Settings())


@pytest.fixture(scope="session")
def annotate(nlp) -> Callable[[str, str], Doc]:
    def run(text: str, published: str = "2024-11-22") -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)
    return run


@pytest.fixture(scope="session")
def nlp_with() -> Callable[[object], Callable[[str], Doc]]:
    """A pipeline with an extra actors file, for tests of user knowledge bases."""
    def load(actors_file) -> Callable[[str], Doc]:
        nlp = pipeline.load(Settings(actors_file=actors_file))

        def run(text: str, published: str = "2024-11-22") -> Doc:
            doc = nlp.make_doc(text)
            doc._.published = published
            return nlp(doc)
        return run
    return load
