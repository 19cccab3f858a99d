"""Throughput of the full `spiral code` pipeline against bare spaCy, same model, corpus and run.

    .venv/bin/python benchmarks/throughput.py --format json

Both sides read the same documents (the bundled corpus, repeated `--repeat` times so the timing
is stable). The baseline is `nlp.pipe` of the configured spaCy model with every component it
ships; spiral's side is `pipeline.code`, which also resolves actors, codes events, quotes and red
lines and builds the records. `ratio` is spiral's words/s over the baseline's: above 1.0 means
spiral's selective parsing saves more than its own components cost.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from spiral.config import Settings
from spiral.ingest import read
from spiral.nlp import pipeline

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def timed(runs: list[Callable[[], object]], rounds: int) -> list[float]:
    """The best of `rounds` wall-clock timings of each run, the runs taking turns in every round
    so that a slower spell of the machine falls on both: the least disturbed timing of each."""
    best = [float("inf")] * len(runs)
    for _ in range(rounds):
        for k, run in enumerate(runs):
            began = time.perf_counter()
            run()
            best[k] = min(best[k], time.perf_counter() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=4, help="passes over the corpus per timing")
    parser.add_argument("--rounds", type=int, default=3, help="timings; the best one counts")
    parser.add_argument("--format", choices=["json", "text"], default="text")
    args = parser.parse_args()

    settings = Settings()
    documents = list(read(args.corpus)) * args.repeat
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(settings.spacy_model)
    nlp = pipeline.load(settings)
    list(bare.pipe(texts[:8]))  # warm both up: first calls allocate
    list(pipeline.code(nlp, documents[:8]))

    bare_seconds, spiral_seconds = timed([lambda: list(bare.pipe(texts, batch_size=32)),
                                          lambda: list(pipeline.code(nlp, documents, batch_size=32))],
                                         args.rounds)
    result = {
        "model": settings.spacy_model,
        "articles": len(documents),
        "words": words,
        "spacy": {"seconds": round(bare_seconds, 3), "words_per_s": round(words / bare_seconds),
                  "articles_per_s": round(len(documents) / bare_seconds, 1)},
        "spiral": {"seconds": round(spiral_seconds, 3), "words_per_s": round(words / spiral_seconds),
                   "articles_per_s": round(len(documents) / spiral_seconds, 1)},
        "ratio": round(bare_seconds / spiral_seconds, 3),
    }
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        for side in ("spacy", "spiral"):
            print(f"{side:>7}: {result[side]['words_per_s']:>8} words/s "
                  f"{result[side]['articles_per_s']:>6} articles/s")
        print(f"  ratio: {result['ratio']}")


if __name__ == "__main__":
    main()
