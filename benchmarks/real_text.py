"""Event, date, quote, speaker and red-line figures on real reporting, both splits apart.

    .venv/bin/python benchmarks/real_text.py --format json

    .venv/bin/python benchmarks/real_text.py --agreement --format json

Reads the stand-off annotations in tests/realtext/ and the report texts from the cache
(SPIRAL_REALTEXT_CACHE or .cache/realtext; see tests/realtext/README.md). Score the heldout
split only at the end of a stop, and never write a rule from its errors. With `--agreement`,
it scores instead a second annotator's labels of some reports (tests/realtext/second/) against
the first annotator's, by the same matching: how far two people agree on this set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spiral.config import Settings
from spiral.errors import InputError
from spiral.nlp import pipeline
from spiral.nlp.evaluate_realtext import (
    SPLITS,
    agreement,
    default_cache,
    evaluate_realtext,
    load_reports,
)

ANNOTATIONS = Path(__file__).resolve().parent.parent / "tests" / "realtext"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--format", choices=("json", "table"), default="table")
    parser.add_argument("--agreement", action="store_true",
                        help="score the second annotator against the first instead of the coder")
    args = parser.parse_args()
    cache = args.cache or default_cache()
    if not cache.is_dir():
        print(f"skipped: the report texts are not cached at {cache}; see "
              "tests/realtext/README.md to re-create them", file=sys.stderr)
        return 0
    settings = Settings()
    try:
        if args.agreement:
            result = {"agreement": agreement(load_reports(ANNOTATIONS),
                                             load_reports(ANNOTATIONS / "second"), cache)}
        else:
            result = evaluate_realtext(pipeline.load(settings), load_reports(ANNOTATIONS), cache,
                                       splits=SPLITS, batch_size=settings.batch_size)
    except InputError as error:
        print(f"skipped: {error}", file=sys.stderr)
        return 0
    if args.format == "json":
        print(json.dumps(result, indent=2))
        return 0
    for split, part in result.items():
        print(f"{split}: {part['n_reports']} reports; events {part['events']}; dates "
              f"{part['date_accuracy']}; speakers {part['speaker_accuracy']}; red lines "
              f"{part['red_lines']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
