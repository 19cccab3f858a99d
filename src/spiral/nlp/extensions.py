"""The Doc extensions spiral components read and write, registered once on import.

Values are plain data (str, tuples, dicts), so an annotated Doc survives DocBin and Dask.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from spiral.records import to_dict

DOC_EXTENSIONS = {
    "doc_id": None,
    "published": None,  # ISO date (YYYY-MM-DD) of publication, set before the pipeline runs
    "furniture": (),  # (start_char, end_char, kind) of page furniture, from spiral_layout
    "actors": (),
    "actor_mentions": (),  # (start_char, end_char, actor_index), sorted by start_char
    "report_country": "",  # the country a report is about, when its names clearly say one
    "events": (),
    "quotes": (),
    "red_lines": (),
    "positions": (),
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def plain(record: Any) -> dict[str, Any]:
    """A record as the plain data a Doc extension holds: its fields, without `doc_id`."""
    data = to_dict(record)
    data.pop("doc_id")
    return data


def value(doc: Doc, name: str) -> Any:
    """`doc._.<name>` for one of DOC_EXTENSIONS, read without building the `doc._` accessor:
    spaCy keeps the value of an extension with a default in `doc.user_data` under this key, and
    the look-ups that run for every word or mention (`actors.entity_at`, `layout.in_furniture`)
    would spend more time on the accessor than on the look-up itself."""
    return doc.user_data.get(("._.", name, None, None), DOC_EXTENSIONS[name])


_WRITTEN = "spiral.written"


def written(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy joins every token on each access, and the
    components read the text of the same document many times (the tokens never change after
    the tokenizer, so neither does the text)."""
    text = doc.user_data.get(_WRITTEN)
    if text is None:
        text = doc.user_data[_WRITTEN] = doc.text
    return text


def text_of(span: Span) -> str:
    """`span.text`, cut from the Doc's `written` text: spaCy builds every Token of the span to
    join their words on each access, and the coders read the text of every sentence (a span's
    text runs from its first word's start to its last word's end, its trailing space left out)."""
    return written(span.doc)[span.start_char:span.end_char]


def keep_written(doc: Doc, text: str) -> None:
    """Keep `text` as the Doc's `written` text when the Doc was just made from it: the tokenizer
    keeps every character of its input, so joining the tokens again would give the same string
    (the first join cost about 1% of the pipeline's time)."""
    doc.user_data[_WRITTEN] = text
