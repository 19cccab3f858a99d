"""The shorter forms of a person's name a report uses once it has named them in full.

The last word alone ("Buensuceso said") is matched word by word in `spiral.nlp.actors`; these
are the forms that word cannot see: the last words of a name that ends in a surname of two
words ("Osama Abdel Khalek ... Abdel Khalek said"), a surname of two names joined by a hyphen,
which the tokenizer splits ("Kamla Persad-Bissessar ... Persad-Bissessar said"), a family name
written first or a first surname before the second ("President Yoon Suk Yeol ... President
Yoon", "Rodrigo Paz Pereira ... President Paz"), which stand for the person only after a title,
and a name spelt once with its accents and once without ("Embalo", "Embaló").
"""

from __future__ import annotations

import unicodedata

__all__ = ["folded", "titled_words", "word_runs"]


def folded(text: str) -> str:
    """The text without accents, one character for one, so that offsets into it stay those of
    the text.

    >>> folded("Embaló said")
    'Embalo said'
    """
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKD", c)[0] if c.isalpha() else c for c in text)


def word_runs(name: str) -> list[str]:
    """The forms of a full name that stand for its bearer alone and hold more than one word as
    the tokenizer splits them: its last two or more words, from a capitalised one, and a last
    word of two capitalised names joined by a hyphen.

    >>> word_runs("Osama Abdel Khalek")
    ['Abdel Khalek']
    >>> word_runs("Kamla Persad-Bissessar")
    ['Persad-Bissessar']
    >>> word_runs("Hezam al-Assad"), word_runs("Hong Nam-ki")
    ([], [])
    """
    words = name.split()
    runs = [" ".join(words[i:]) for i in range(1, len(words) - 1) if words[i][:1].isupper()]
    parts = words[-1].split("-") if len(words) > 1 else []
    if len(parts) > 1 and all(part[:1].isupper() for part in parts):
        runs.append(words[-1])
    return runs


def titled_words(name: str) -> list[str]:
    """The words of a full name before its last that stand for its bearer after a title only
    ("President Yoon", "President Paz"): capitalised, and not the whole name.

    >>> titled_words("Rodrigo Paz Pereira")
    ['Rodrigo', 'Paz']
    """
    words = name.split()
    return [w for w in words[:-1] if w[:1].isupper() and "-" not in w] if len(words) > 1 else []
