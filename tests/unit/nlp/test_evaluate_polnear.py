"""The PolNeAR scorer on tiny brat files we wrote: reading, matching, metrics, intervals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spiral.errors import InputError
from spiral.nlp.evaluate_polnear import Article, Relation, load_split, score
from spiral.nlp.quote_marks import quote_kind

TEXT = ('"We will not back down," the senator said.\n\n'
        "Escalation, the minister said, is not inevitable.\n\n"
        "Analysts believe the talks could resume.\n")
# paragraph 2 starts at 44, paragraph 3 at 95


def _relation(name: str, *roles: str, end: str = "\n") -> str:
    """A brat event line: its name, a tab, then the role:id pairs."""
    return f"{name}\t" + " ".join(roles) + end


ANNOTATION = (
    "T1\tContent 0 24\t\"We will not back down,\"\n"
    "T2\tSource 25 36\tthe senator\n"
    "T3\tCue 37 41\tsaid\n"
    "T4\tAttribution 37 41\tsaid\n"
    + _relation("E1", "Attribution:T4", "Content:T1", "Cue:T3", "Source:T2") +
    "T5\tContent 44 54;75 92\tEscalation is not\n"
    "inevitable\n"  # span text running over a line
    "T6\tSource 56 68\tthe minister\n"
    "T7\tCue 69 73\tsaid\n"
    "T8\tAttribution 69 73\tsaid\n"
    + _relation("E2", "Attribution:T8", "Cue:T7", "Source:T6", "Content:T5", end=" \n") +
    "T9\tDiscuss 95 103\tAnalysts\n"
    "T10\tSource 95 103\tAnalysts\n"
    "T11\tCue 104 111\tbelieve\n"
    "T12\tContent 112 134\tthe talks could resume\n"
    "T13\tAttribution 104 111\tbelieve\n"
    + _relation("E3", "Attribution:T13", "Source:T10", "Cue:T11", "Content:T12") +
    "#1\tAnnotatorNotes T12\ta note\n"
    "T14\tCue 0 1\t\"\n"
    "E4\tAttribution-no-source:T14 Cue:T14\n"  # no content: not a relation
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    split = tmp_path / "data" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "ann").mkdir()
    (split / "text" / "wire_2016-09-01_talks.txt").write_text(TEXT, encoding="utf-8")
    (split / "ann" / "wire_2016-09-01_talks_aaaa.ann").write_text(ANNOTATION, encoding="utf-8")
    # a second annotator: the first file in sorted order is the one scored
    (split / "ann" / "wire_2016-09-01_talks_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "data" / "metadata.tsv").write_text(
        "filename\tpublisher\tpublication_date\n"
        "wire_2016-09-01_talks\tthe-wire\t2016-09-01\n", encoding="utf-8")
    return tmp_path


def test_polnear_reads_relations_fragments_and_kinds(corpus: Path) -> None:
    (article,) = load_split(corpus, "dev")
    assert (article.publisher, article.published) == ("the-wire", "2016-09-01")
    quote, inserted, belief = article.relations
    assert quote.kind == "direct" and TEXT[slice(*quote.content[0])] == '"We will not back down,"'
    assert inserted.content == ((44, 54), (75, 92)) and inserted.kind == "indirect"
    assert TEXT[slice(*inserted.source[0])] == "the minister"
    assert belief.source == ((95, 103),)  # the Discuss flag on the same words is dropped


def test_polnear_kind_by_quotation_marks() -> None:
    text = "''We go,'' he said; he called it ''a farce''. She said “fine”."
    assert quote_kind(text, ((0, 10),)) == "direct"  # NYT's '' marks
    assert quote_kind(text, ((28, 44),)) == "mixed"
    assert quote_kind(text, ((55, 61),)) == "direct"


def test_polnear_missing_split_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="SPIRAL_POLNEAR"):
        load_split(tmp_path, "dev")


def test_polnear_bad_offsets_name_file_and_line(corpus: Path) -> None:
    ann = corpus / "data" / "dev" / "ann" / "wire_2016-09-01_talks_aaaa.ann"
    ann.write_text("T1\tContent 0 x\tWe\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"_aaaa\.ann:1: T1 offsets"):
        load_split(corpus, "dev")


def _scores(corpus: Path, system: list[Relation]) -> dict:
    (article,) = load_split(corpus, "dev")
    return score([article], [system])


def test_polnear_perfect_system_scores_one(corpus: Path) -> None:
    (article,) = load_split(corpus, "dev")
    result = score([article], [list(article.relations)])
    assert result["lenient"]["f1"] == result["strict"]["f1"] == 1.0
    assert result["lenient"]["ci95"]["f1"] == [1.0, 1.0]
    assert result["exact_span"]["content"]["gold"] == 4  # each fragment is a span


def test_polnear_lenient_needs_cue_content_and_source(corpus: Path) -> None:
    # content without its marks (F1 0.8 on tokens) still counts; a wrong source does not
    system = [Relation(((25, 36),), ((37, 41),), ((1, 22),), "indirect"),
              Relation(((95, 103),), ((104, 111),), ((112, 134),), "indirect"),
              Relation(((44, 54),), ((69, 73),), ((75, 92),), "indirect")]
    result = _scores(corpus, system)
    assert result["lenient"] | {"ci95": None} == {
        "precision": 0.667, "recall": 0.667, "f1": 0.667, "gold": 3, "system": 3, "matched": 2,
        "ci95": None}
    assert result["strict"]["matched"] == 1  # only the belief is identical
    assert result["on_matched"]["type_accuracy"] == 0.5
    assert result["source_accuracy"] == {"pairs": 3, "accuracy": 0.667}
    assert result["recall_by_slice"]["direct"] == {"gold": 1, "matched": 1, "recall": 1.0}
    assert result["recall_by_slice"]["other_cue"]["gold"] == 1  # "believe" is not speech
    assert result["exact_span"]["source"]["matched"] == 2


def test_polnear_matching_is_one_to_one_best_first(corpus: Path) -> None:
    half = Relation(((95, 103),), ((104, 111),), ((112, 121),), "indirect")  # "the talks"
    whole = Relation(((95, 103),), ((104, 111),), ((112, 134),), "indirect")
    result = _scores(corpus, [half, whole])
    assert result["lenient"]["matched"] == 1 and result["on_matched"]["content_f1"] == 1.0


def test_polnear_token_level_role_scores(corpus: Path) -> None:
    system = [Relation((), ((104, 111),), ((112, 134),), "indirect")]
    token = _scores(corpus, system)["token"]
    assert token["cue"] == {"precision": 1.0, "recall": 0.333, "f1": 0.5, "gold": 3, "system": 1,
                            "matched": 1}
    assert token["source"]["system"] == 0 and token["source"]["gold"] == 5


def test_polnear_intervals_bracket_the_figure() -> None:
    text = "He said it would rain. She said it would not."
    gold = (Relation(((0, 2),), ((3, 7),), ((8, 21),)), Relation(((23, 26),), ((27, 31),),
                                                                    ((32, 44),)))
    articles = [Article(f"a{k}", "p", None, text, gold) for k in range(6)]
    system = [list(gold) if k % 2 else list(gold[:1]) for k in range(6)]
    lenient = score(articles, system)["lenient"]
    low, high = lenient["ci95"]["recall"]
    assert low < lenient["recall"] == 0.75 < high


@pytest.mark.model
def test_polnear_cli_codes_and_scores_a_split(corpus: Path) -> None:
    env = {**os.environ, "SPIRAL_POLNEAR": str(corpus)}
    spiral = Path(sys.executable).parent / "spiral"
    run = subprocess.run([str(spiral), "eval", "polnear", "--split", "dev", "--format", "json"],
                         capture_output=True, text=True, env=env, check=False)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["lenient"]["gold"] == 3 and result["split"] == "dev"
    assert set(result["per_publisher"]) == {"the-wire"}


POLNEAR = os.environ.get("SPIRAL_POLNEAR")


@pytest.mark.skipif(not POLNEAR, reason="set SPIRAL_POLNEAR to a copy of PolNeAR")
def test_polnear_dev_gold_counts() -> None:
    articles = load_split(Path(POLNEAR or ""), "dev")
    assert len(articles) == 84 and sum(len(a.relations) for a in articles) == 2192
