"""The Doc extensions spiral components read and write, registered once on import.

Values are plain data (str, tuples, dicts), so an annotated Doc survives DocBin and Dask.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "doc_id": None,
    "published": None,  # ISO date (YYYY-MM-DD) of publication, set before the pipeline runs
    "actors": (),
    "actor_mentions": (),  # (start_char, end_char, actor_index), sorted by start_char
    "events": (),
    "quotes": (),
    "red_lines": (),
    "positions": (),
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
