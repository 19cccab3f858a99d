"""Attribution measured on PolNeAR (Newell, Margolin & Ruths, LREC 2018), by the protocol of
../shared/eval/polnear.md.

PolNeAR annotates, in brat stand-off files, the attribution relations of 1,008 US political news
articles: a source (optional), a cue and a content, each a set of character fragments. The corpus
has no licence for its data: it is read from the user's copy (`--root`, or `SPIRAL_POLNEAR`) and
nothing of it enters spiral.

Tokens are the matches of `\\w+|[^\\w\\s]` on the raw text; a role is the set of tokens lying
entirely inside one of its fragments. Relations are matched one to one within an article,
greedily, best pair first, a pair scoring its content token F1 plus 0.1 when the cues share a
token; a pair counts (lenient) when the cues share a token, the content token F1 is at least 0.5
and the sources share a token or are both empty. Intervals are 95% percentile intervals of
1,000 bootstrap resamples of the articles.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from spiral.errors import InputError
from spiral.nlp import pipeline
from spiral.nlp.quote_marks import quote_kind

TOKEN = re.compile(r"\w+|[^\w\s]")
RECORD = re.compile(r"^(?:[TERAMN]\d+|#\d*)\t")  # a brat record; other lines continue span text
FLAGS = ("Discuss", "Discard")  # annotator flags, not roles
ROLES = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}
# words of a cue that make it speech-like, for the slice of that name (inflected: raw text)
SPEECH_CUE_WORDS = frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "according", "state", "states", "stated", "stating", "ask", "asks", "asked",
    "asking", "reply", "replies", "replied", "respond", "responds", "responded", "explain",
    "explains", "explained", "note", "notes", "noted", "write", "writes", "wrote", "written",
    "tweet", "tweets", "tweeted", "announce", "announces", "announced", "declare", "declares",
    "declared", "remark", "remarks", "remarked", "speak", "speaks", "spoke", "speaking", "talk",
    "talks", "talked", "quote", "quoted"})
PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it",
    "its", "they", "them", "their", "this", "that", "these", "those", "who", "one"})
MIN_CONTENT_F1 = 0.5
CUE_BONUS = 0.1
N_RESAMPLES = 1000

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Relation:
    """An attribution: character fragments of its source (maybe none), cue and content."""

    source: Spans
    cue: Spans
    content: Spans
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    publisher: str
    published: str | None
    text: str
    relations: tuple[Relation, ...]


def read_annotations(path: Path, text: str) -> tuple[Relation, ...]:
    """The gold relations of one brat `.ann` file: `E` records with a cue and a content.

    The type is PolNeAR's (`quote_marks.quote_kind`).

    Raises
    ------
    InputError
        A `T` or `E` record that cannot be read, or one pointing at a missing `T`.
    """
    fragments: dict[str, tuple[str, Spans]] = {}
    events: list[tuple[int, str]] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), start=1):
        if not RECORD.match(line):
            continue  # span text running over lines, or an empty line
        key, _, rest = line.partition("\t")
        if key.startswith("T"):
            label, _, offsets = rest.partition("\t")[0].partition(" ")
            try:
                spans = tuple(sorted((int(a), int(b)) for a, b in
                                     (part.split() for part in offsets.split(";"))))
            except ValueError:
                raise InputError(f"{path}:{number}: {key} offsets {offsets!r} are not "
                                 "'start end' pairs separated by ';'") from None
            fragments[key] = (label, spans)
        elif key.startswith("E"):
            events.append((number, rest))
    relations = []
    for number, rest in events:
        roles: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
        for argument in rest.split():
            role, _, target = argument.partition(":")
            if role not in ROLES:
                continue  # the Attribution trigger duplicates the cue
            if target not in fragments:
                raise InputError(f"{path}:{number}: {role} points at {target!r}, which no T "
                                 "record of the file defines")
            label, spans = fragments[target]
            if label not in FLAGS:
                roles[ROLES[role]].extend(spans)
        if roles["cue"] and roles["content"]:
            content = tuple(sorted(roles["content"]))
            relations.append(Relation(tuple(sorted(roles["source"])), tuple(sorted(roles["cue"])),
                                      content, quote_kind(text, content)))
    return tuple(relations)


def load_split(root: Path, split: str) -> list[Article]:
    """The articles of a split with their relations (first annotator file in sorted order).

    Raises
    ------
    InputError
        The split's text folder is missing, or an article has no annotation file.
    """
    data = Path(root) / "data"
    texts = data / split / "text"
    if not texts.is_dir():
        raise InputError(f"{texts}: no such folder; pass --root (or set SPIRAL_POLNEAR) to the "
                         "folder holding PolNeAR's data/ (a copy of github.com/networkdynamics/"
                         "PolNeAR)")
    annotations = next((data / split / name for name in ("ann", "attributions")
                        if (data / split / name).is_dir()), data / split / "ann")
    metadata = _metadata(data / "metadata.tsv")
    articles = []
    for path in sorted(texts.glob("*.txt")):
        name = path.stem
        own = re.compile(re.escape(name) + r"(_[^_]+)?\.ann")
        files = sorted(p for p in annotations.glob(f"{_glob_escape(name)}*.ann")
                       if own.fullmatch(p.name))
        if not files:
            raise InputError(f"{path}: no annotation file {annotations / (name + '*.ann')}; is "
                             "the copy complete?")
        with open(path, encoding="utf-8", newline="") as handle:  # offsets count every \r
            text = handle.read()
        publisher, published = metadata.get(name, (name.split("_")[0], None))
        articles.append(Article(name, publisher, published, text,
                                read_annotations(files[0], text)))
    return articles


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _metadata(path: Path) -> dict[str, tuple[str, str | None]]:
    """filename -> (publisher, publication date) from metadata.tsv, when the copy has it."""
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    where = {name: header.index(name) for name in ("filename", "publisher", "publication_date")}
    found = {}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) == len(header):
            found[cells[where["filename"]]] = (cells[where["publisher"]],
                                               cells[where["publication_date"]] or None)
    return found


def system_relations(quotes: Iterable[dict[str, Any]]) -> list[Relation]:
    """Relations from the quotes component's plain-data annotations (`doc._.quotes`)."""
    return [Relation(tuple(map(tuple, q["source_spans"])), tuple(map(tuple, q["cue_spans"])),
                     tuple(map(tuple, q["content_spans"])) or ((q["start"], q["end"]),), q["kind"])
            for q in quotes if q["cue_spans"]]


def evaluate_polnear(nlp: Language, root: Path, split: str = "dev", *, batch_size: int = 16,
                     progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Code a split in one process with `nlp` loaded once, and score it (see `score`)."""
    articles = load_split(root, split)
    started, cpu_started = time.perf_counter(), time.process_time()
    system = []
    docs = pipeline.annotate_texts(nlp, ((a.text, a.published) for a in articles),
                                   batch_size=batch_size)
    for doc in docs:
        system.append(system_relations(doc._.quotes))
        if progress:
            progress(1)
    # wall time depends on what else the machine runs; CPU time is the process's own
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {"split": split, "seconds_coding": round(seconds, 1),
            "cpu_seconds_coding": round(cpu_seconds, 1), **score(articles, system)}


class _Tokens:
    """An article's tokens, to turn character fragments into token sets."""

    def __init__(self, text: str):
        spans = [m.span() for m in TOKEN.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def inside(self, fragments: Spans) -> frozenset[int]:
        found = set()
        for start, end in fragments:
            i = bisect_left(self.starts, start)
            while i < len(self.starts) and self.ends[i] <= end:
                found.add(i)
                i += 1
        return frozenset(found)


@dataclass(frozen=True, slots=True)
class _Roles:
    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]
    kind: str


def _f1(gold: frozenset[int], system: frozenset[int]) -> float:
    common = len(gold & system)
    return 2 * common / (len(gold) + len(system)) if common else 0.0


def _sources_agree(gold: _Roles, system: _Roles) -> bool:
    return bool(gold.source & system.source) or not (gold.source or system.source)


def _match(gold: Sequence[_Roles], system: Sequence[_Roles], *,
           need_source: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs, best (content F1 + cue bonus) first; pairs that do not count are
    skipped, so they keep neither side from a pair that does."""
    options = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if not g.cue & s.cue:
                continue
            content = _f1(g.content, s.content)
            if content >= MIN_CONTENT_F1 and (not need_source or _sources_agree(g, s)):
                options.append((-(content + CUE_BONUS), i, j))
    options.sort()
    used_gold, used_system, pairs = set(), set(), []
    for _, i, j in options:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((i, j))
    return pairs


def _multiset_hits(gold: Iterable[Any], system: Iterable[Any]) -> int:
    return sum((Counter(gold) & Counter(system)).values())


def score(articles: Sequence[Article], system: Sequence[Sequence[Relation]], *,
          seed: int = 0) -> dict[str, Any]:
    """All the protocol's figures for system relations against the articles' gold ones.

    >>> text = 'Escalation, the minister said, is not inevitable.'
    >>> gold = Relation(((12, 24),), ((25, 29),), ((0, 10), (31, 48)), "indirect")
    >>> article = Article("a", "wire", None, text, (gold,))
    >>> score([article], [[gold]])["lenient"]["f1"]
    1.0
    """
    per_article = []
    for article, predicted in zip(articles, system, strict=True):
        tokens = _Tokens(article.text)
        gold = [_roles(tokens, r) for r in article.relations]
        found = [_roles(tokens, r) for r in predicted]
        per_article.append((article, gold, found, _match(gold, found),
                            _match(gold, found, need_source=False)))
    rng = _resampler(len(articles), seed)
    result: dict[str, Any] = {"n_articles": len(articles)}
    result["lenient"] = _with_interval(
        [(len(g), len(s), len(m), len(m)) for _, g, s, m, _ in per_article], rng)
    result["strict"] = _counts(
        sum(len(g) for _, g, _, _, _ in per_article), sum(len(s) for _, _, s, _, _ in per_article),
        sum(_multiset_hits(((r.source, r.cue, r.content) for r in g),
                           ((r.source, r.cue, r.content) for r in s))
            for _, g, s, _, _ in per_article))
    result["exact_span"], result["token"] = {}, {}
    for role in ("source", "cue", "content"):
        gold_spans = system_spans = hits = 0
        gold_tokens = system_tokens = token_hits = 0
        for article, predicted in zip(articles, system):
            tokens = _Tokens(article.text)
            g = [tokens.inside((f,)) for r in article.relations for f in getattr(r, role)]
            s = [tokens.inside((f,)) for r in predicted for f in getattr(r, role)]
            g, s = [t for t in g if t], [t for t in s if t]
            gold_spans, system_spans = gold_spans + len(g), system_spans + len(s)
            hits += _multiset_hits(g, s)
            g_union, s_union = frozenset().union(*g), frozenset().union(*s)
            gold_tokens, system_tokens = gold_tokens + len(g_union), system_tokens + len(s_union)
            token_hits += len(g_union & s_union)
        result["exact_span"][role] = _counts(gold_spans, system_spans, hits)
        result["token"][role] = _counts(gold_tokens, system_tokens, token_hits)
    matched = [(g[i], s[j]) for _, g, s, m, _ in per_article for i, j in m]
    result["on_matched"] = {
        "pairs": len(matched),
        "content_f1": _mean(_f1(g.content, s.content) for g, s in matched),
        "source_f1": _mean(_f1(g.source, s.source) if g.source or s.source else 1.0
                           for g, s in matched),
        "exact_cue": _mean(float(g.cue == s.cue) for g, s in matched),
        "type_accuracy": _mean(float(g.kind == s.kind) for g, s in matched),
    }
    # the source judged where cue and content already match: does spiral name the right one?
    loose = [(g[i], s[j]) for _, g, s, _, m in per_article for i, j in m]
    result["source_accuracy"] = {"pairs": len(loose),
                                 "accuracy": _mean(float(_sources_agree(g, s)) for g, s in loose)}
    result["recall_by_slice"] = {
        name: _recall(per_article, test) for name, test in _SLICES.items()}
    # the slice's precision is over what spiral calls direct or mixed, its recall over gold's
    result["quote_bearing"] = _with_interval(
        [(sum(g.kind != "indirect" for g in gold), sum(s.kind != "indirect" for s in found),
          sum(gold[i].kind != "indirect" for i, _ in pairs),
          sum(found[j].kind != "indirect" for _, j in pairs))
         for _, gold, found, pairs, _ in per_article], rng)
    result["per_publisher"] = {}
    for publisher in sorted({a.publisher for a in articles}):
        rows = [k for k, (a, *_) in enumerate(per_article) if a.publisher == publisher]
        result["per_publisher"][publisher] = _with_interval(
            [(len(per_article[k][1]), len(per_article[k][2]), len(per_article[k][3]),
              len(per_article[k][3])) for k in rows], _resampler(len(rows), seed))
    return result


def _roles(tokens: _Tokens, relation: Relation) -> _Roles:
    return _Roles(tokens.inside(relation.source), tokens.inside(relation.cue),
                  tokens.inside(relation.content), relation.kind)


def _words(words: list[str], tokens: frozenset[int]) -> set[str]:
    return {words[i].lower() for i in tokens if words[i][0].isalnum()}


_SLICES: dict[str, Callable[[_Roles, list[str]], bool]] = {
    "direct": lambda r, words: r.kind == "direct",
    "mixed": lambda r, words: r.kind == "mixed",
    "indirect": lambda r, words: r.kind == "indirect",
    "quote_bearing": lambda r, words: r.kind != "indirect",
    "speech_cue": lambda r, words: bool(SPEECH_CUE_WORDS & _words(words, r.cue)),
    "other_cue": lambda r, words: not SPEECH_CUE_WORDS & _words(words, r.cue),
    "pronoun_source": lambda r, words: bool(_words(words, r.source))
    and _words(words, r.source) <= PRONOUNS,
    "no_source": lambda r, words: not r.source,
}


def _recall(per_article: list[Any], test: Callable[[_Roles, list[str]], bool]) -> dict[str, Any]:
    gold_n = hits = 0
    for article, gold, _, pairs, _ in per_article:
        words = TOKEN.findall(article.text)  # indexed as _Tokens indexes them
        matched = {i for i, _ in pairs}
        for i, relation in enumerate(gold):
            if test(relation, words):
                gold_n += 1
                hits += i in matched
    return {"gold": gold_n, "matched": hits, "recall": round(hits / gold_n, 3) if gold_n else 0.0}


def _counts(n_gold: int, n_system: int, n_matched: int,
            n_system_matched: int | None = None) -> dict[str, Any]:
    """P/R/F1 with their counts; `n_system_matched` when a slice's precision counts other
    matches than its recall."""
    system_matched = n_matched if n_system_matched is None else n_system_matched
    precision = system_matched / n_system if n_system else 0.0
    recall = n_matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    counts = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
              "gold": n_gold, "system": n_system, "matched": n_matched}
    if n_system_matched is not None and n_system_matched != n_matched:
        counts["system_matched"] = n_system_matched
    return counts


def _resampler(n: int, seed: int) -> Any:
    import numpy as np

    return np.random.default_rng(seed).integers(0, n, size=(N_RESAMPLES, n)) if n else None


def _with_interval(counts: list[tuple[int, int, int, int]], resamples: Any) -> dict[str, Any]:
    """P/R/F1 of summed per-article (gold, system, gold matched, system matched) counts, with
    95% bootstrap intervals."""
    import numpy as np

    table = np.array(counts, dtype=float).reshape(-1, 4)
    result = _counts(*(int(v) for v in table.sum(axis=0)))
    if resamples is None:
        return result
    gold, found, hits, system_hits = (table[resamples, k].sum(axis=1) for k in range(4))
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(found > 0, system_hits / found, 0.0)
        recall = np.where(gold > 0, hits / gold, 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    result["ci95"] = {name: [round(float(np.percentile(v, 2.5)), 3),
                             round(float(np.percentile(v, 97.5)), 3)]
                      for name, v in (("precision", precision), ("recall", recall), ("f1", f1))}
    return result


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return round(sum(values) / len(values), 3) if values else 0.0
