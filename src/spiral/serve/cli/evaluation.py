"""`spiral eval`: measure the NLP stage on third-party gold data kept outside the project."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from spiral.serve.cli.common import (
    FormatOption,
    ModelOption,
    OutputFormat,
    console,
    print_json,
    print_table,
    progress_bar,
    settings_for,
)

evaluation = typer.Typer(
    help="Measure event coding on gold data.\n\n"
         "Example: spiral eval plover --data ../shared/data/plover/PLOVER_GSR_CAMEO.json",
    no_args_is_help=True)


@evaluation.command()
def plover(
    data: Annotated[Path, typer.Option(help="PLOVER gold-standard records (JSON array).")],
    model: ModelOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Per-type precision, recall and F1, macro-F1, accuracy and actor country accuracy on PLOVER gold.

    Example: spiral eval plover --data ../shared/data/plover/PLOVER_GSR_CAMEO.json --format json
    """
    from spiral.nlp import pipeline
    from spiral.nlp.evaluate import evaluate_plover

    result = evaluate_plover(pipeline.load(settings_for(spacy_model=model)), data)
    _show(result, format, f"{result['n_records']} records",
          [{"type": name, "precision": f"{v['precision']:.2f}", "recall": f"{v['recall']:.2f}",
            "f1": f"{v['f1']:.2f}", "support": v["support"]}
           for name, v in result["per_type"].items()],
          f"macro-F1 {result['macro_f1']:.3f}, accuracy {result['accuracy']:.3f}, actor country "
          f"{result['actor_country_accuracy']:.3f}, recipient country "
          f"{result['recipient_country_accuracy']:.3f}")


@evaluation.command()
def petrarch(
    records: Annotated[Path, typer.Option(help="PETRARCH validation records (XML); its actor and "
                                               "agent dictionaries are read from beside it.")],
    model: ModelOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Agreement with the PETRARCH suite on source and target actors and CAMEO root codes.

    The suite's fictional actors come in through the dictionary importer; records coded with its
    WEIS-derived verbs are reported apart. A grammar-coverage test, not real-world accuracy.

    Example: spiral eval petrarch --records ../shared/data/petrarch2/PETR.UnitTest.records.xml
    """
    from spiral.nlp.evaluate_petrarch import evaluate_petrarch

    result = evaluate_petrarch(settings_for(spacy_model=model), records)
    empty = result["no_events"]
    _show(result, format, f"{result['n_records']} records",
          [{"group": group, **{k: "" if v is None else v for k, v in result[group].items()}}
           for group in ("cameo", "weis")],
          f"records with no event: {empty['correctly_empty']} of {empty['records']} left empty; "
          f"imported {result['dictionary_entries']}")


GOLD = Path("tests/gold")


@evaluation.command()
def events(
    data: Annotated[Path, typer.Option(help="Gold sentences with events (JSONL).")] = GOLD / "events.jsonl",
    model: ModelOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Events on spiral's own gold sentences: P/R/F1 per type, actor, recipient, date and flags.

    Example: spiral eval events --data tests/gold/events.jsonl --format json
    """
    from spiral.nlp import pipeline
    from spiral.nlp.evaluate_gold import evaluate_events

    result = evaluate_events(pipeline.load(settings_for(spacy_model=model)), data)
    _show(result, format, f"{result['n_records']} sentences",
          [{"type": name, **scores} for name, scores in result["per_type"].items()],
          f"events {result['events']}; macro-F1 {result['macro_f1']}",
          f"on matched events {result['on_matched']}",
          f"recall by hard case {result['recall_by_tag']}")


@evaluation.command()
def statements(
    data: Annotated[Path, typer.Option(help="Gold paragraphs with quotes, red lines and positions "
                                            "(JSONL).")] = GOLD / "statements.jsonl",
    model: ModelOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Quotes, red lines and positions on spiral's own gold paragraphs: P/R/F1 each.

    Example: spiral eval statements --data tests/gold/statements.jsonl --format json
    """
    from spiral.nlp import pipeline
    from spiral.nlp.evaluate_gold import evaluate_statements

    result = evaluate_statements(pipeline.load(settings_for(spacy_model=model)), data)
    _show(result, format, f"{result['n_records']} paragraphs",
          [{"component": name, **{k: v for k, v in result[name].items() if not isinstance(v, dict)}}
           for name in ("quotes", "red_lines", "positions")],
          f"quote recall by kind {result['quotes']['recall_by_kind']}")


@evaluation.command()
def realtext(
    data: Annotated[Path, typer.Option(help="Folder of stand-off annotations (*.jsonl).")] = Path(
        "tests/realtext"),
    cache: Annotated[Path | None, typer.Option(
        help="Folder of the report texts, <id>.txt [default: SPIRAL_REALTEXT_CACHE or "
             ".cache/realtext].")] = None,
    split: Annotated[list[str] | None, typer.Option(
        help="dev (rules may be written from it) or heldout (scored at the end of a stop "
             "only); repeat for both [default: dev].")] = None,
    errors: Annotated[Path | None, typer.Option(
        help="Write every missed and false item, with its sentence, as JSON lines (third-party "
             "text: keep it out of git).")] = None,
    calibrate: Annotated[Path | None, typer.Option(
        help="Fit the event confidence weights on the dev split, pick the threshold with the "
             "best F0.5 on annotator groups the weights were not fitted on (the highest within "
             "0.01 of it), and write them "
             "(src/spiral/nlp/calibration.json is the shipped file).")] = None,
    model: ModelOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Events, dates, quotes, speakers and red lines on real news reports nobody here wrote.

    Example: spiral eval realtext --split dev --split heldout --format json
    """
    import json

    from spiral.nlp import pipeline
    from spiral.nlp.evaluate_realtext import default_cache, evaluate_realtext, load_reports

    settings = settings_for(spacy_model=model)
    result = evaluate_realtext(pipeline.load(settings), load_reports(data),
                               cache or default_cache(), splits=split or ["dev"],
                               batch_size=settings.batch_size, with_errors=errors is not None,
                               calibrated=calibrate is not None)
    if calibrate is not None:
        from spiral.store.outputs import contains, write_output

        fitted = result["dev"]["calibrated"]
        text = json.dumps({"threshold": fitted["threshold"], "weights": fitted["weights"],
                           "fitted_on": {k: v for k, v in fitted.items()
                                         if k not in ("threshold", "weights")}}, indent=1) + "\n"
        write_output(calibrate, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                     is_ours=contains(b'"threshold"'), what="calibration")
    if errors is not None:
        with errors.open("w", encoding="utf-8") as handle:
            for name, part in result.items():
                for item in part.pop("errors"):
                    handle.write(json.dumps({"split": name, **item}, ensure_ascii=False) + "\n")
    _show(result, format, "real reporting",
          [{"split": name, "reports": part["n_reports"],
            **{f"events_{k}": part["events"][k] for k in ("precision", "recall", "f1")},
            "all_events_f1": part["events_all"]["f1"], "dates": part["date_accuracy"],
            "speakers": part["speaker_accuracy"], "red_line_recall": part["red_lines"]["recall"],
            "ece": part["calibration"]["ece"]} for name, part in result.items()],
          *(f"{name}: at confidence >= {part['min_confidence']}" for name, part in result.items()))


class Split(str, Enum):
    train = "train"
    dev = "dev"
    test = "test"


@evaluation.command()
def polnear(
    root: Annotated[Path, typer.Option(envvar="SPIRAL_POLNEAR",
                                       help="Folder holding PolNeAR's data/ (a copy of "
                                            "github.com/networkdynamics/PolNeAR).")],
    split: Annotated[Split, typer.Option(help="Split to code and score; develop on train, "
                                              "measure on dev.")] = Split.dev,
    model: ModelOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Attribution relations (source, cue, content) on PolNeAR: lenient and strict relation F1,
    exact-span and token F1 per role, slices and per publisher, with 95% bootstrap intervals.

    Example: spiral eval polnear --root ~/data/PolNeAR --split dev --format json
    """
    from spiral.nlp import pipeline
    from spiral.nlp.evaluate_polnear import evaluate_polnear

    settings = settings_for(spacy_model=model)
    with progress_bar(f"coding PolNeAR {split.value}") as bar:
        result = evaluate_polnear(pipeline.load(settings), root, split.value,
                                  batch_size=settings.batch_size, progress=bar.advance)
    rows = [{"measure": name, **{k: v for k, v in result[name].items() if k != "ci95"},
             "f1 95%": result[name].get("ci95", {}).get("f1", "")}
            for name in ("lenient", "strict", "quote_bearing")]
    rows += [{"measure": f"{kind} {role}", **result[kind][role]}
             for kind in ("exact_span", "token") for role in ("source", "cue", "content")]
    rows += [{"measure": publisher, **{k: v for k, v in scores.items() if k != "ci95"},
              "f1 95%": scores.get("ci95", {}).get("f1", "")}
             for publisher, scores in result["per_publisher"].items()]
    _show(result, format, f"PolNeAR {split.value}: {result['n_articles']} articles coded in "
                          f"{result['seconds_coding']} s ({result['cpu_seconds_coding']} s CPU)",
          rows,
          f"on lenient matches {result['on_matched']}",
          f"source accuracy where cue and content match {result['source_accuracy']}",
          "recall by slice " + ", ".join(f"{k} {v['recall']} ({v['matched']}/{v['gold']})"
                                         for k, v in result["recall_by_slice"].items()))


def _show(result: dict[str, Any], format: OutputFormat, title: str, rows: list[dict[str, Any]],
          *notes: str) -> None:
    """The whole result as JSON, or its table and notes for people."""
    if format is OutputFormat.json:
        print_json(result)
        return
    print_table(rows, title=title)
    for note in notes:
        console.print(note)


def register(app: typer.Typer) -> None:
    app.add_typer(evaluation, name="eval")
