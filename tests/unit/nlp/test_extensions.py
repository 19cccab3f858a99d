"""The Doc extensions: `extensions.value` reads what `doc._` reads, set or not, after DocBin too."""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin

from spiral.nlp import extensions


def test_value_reads_what_the_accessor_reads() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Russia fired missiles at Kyiv.")
    doc._.furniture = ((0, 6, "headline"),)
    doc._.report_country = "UKR"
    (restored,) = DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab)
    for read in (doc, restored):
        for name in extensions.DOC_EXTENSIONS:
            assert extensions.value(read, name) == getattr(read._, name)
    assert extensions.value(restored, "furniture") == ((0, 6, "headline"),)
    assert extensions.value(restored, "actor_mentions") == ()
