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

__all__ = ["SLIP_MIN_LENGTH", "folded", "one_slip_apart", "titled_words", "word_runs"]

# the shortest name a typing slip is read in ("Tabboune" for "Tebboune"): shorter names differ
# by one letter from too many others
SLIP_MIN_LENGTH = 5


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


def one_slip_apart(word: str, name: str) -> bool:
    """Whether a word is a name with one typing slip (a letter added, dropped, changed, or two
    swapped), or two in names of eight letters or more, the first letter kept.

    >>> one_slip_apart("Tabboune", "Tebboune"), one_slip_apart("Gutteres", "Guterres")
    (True, True)
    >>> one_slip_apart("Hassan", "Hussein"), one_slip_apart("Kahl", "Kohl")
    (False, False)
    """
    if word == name or word[:1] != name[:1] or min(len(word), len(name)) < SLIP_MIN_LENGTH:
        return False
    allowed = 2 if min(len(word), len(name)) >= 8 else 1
    if abs(len(word) - len(name)) > allowed:
        return False
    # edit distance with swaps of two neighbours (optimal string alignment)
    before, row = None, list(range(len(name) + 1))
    for i, a in enumerate(word, start=1):
        current = [i]
        for j, b in enumerate(name, start=1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a != b))
            if before is not None and i > 1 and j > 1 and a == name[j - 2] and word[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1] <= allowed
