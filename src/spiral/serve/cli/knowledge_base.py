"""`spiral actors`: the actor knowledge base: import coder dictionaries into an actors file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spiral.serve.cli.common import console, err_console

HEADER = "# spiral actors file, written by `spiral actors import`\n"

actors = typer.Typer(help="The actor knowledge base.\n\n"
                          "Example: spiral actors import countries.actors.txt --out my.yaml",
                     no_args_is_help=True)


@actors.command("import")
def import_dictionaries(
    files: Annotated[list[Path], typer.Argument(help="TABARI/PETRARCH/Phoenix actor dictionaries.",
                                                exists=True, dir_okay=False)],
    out: Annotated[Path, typer.Option(help="The actors file to write (YAML).")],
    agents: Annotated[list[Path] | None, typer.Option(help="Agent dictionaries.", exists=True,
                                                      dir_okay=False)] = None,
) -> None:
    """Convert actor and agent dictionaries into a spiral actors file.

    Use the result with SPIRAL_ACTORS_FILE=FILE (or actors_file in spiral.toml). Code lines that
    cannot be read are listed and left out; the rest is written.

    Example: spiral actors import countries.actors.txt --agents agents.txt --out my_actors.yaml
    """
    import yaml

    from spiral.nlp.kb.dictionaries import (
        read_actor_dictionary,
        read_agent_dictionary,
        to_actors_yaml,
    )
    from spiral.store.outputs import starts_with, write_output

    problems: list[str] = []
    entries = [e for path in files for e in read_actor_dictionary(path, problems)]
    nouns = [a for path in agents or [] for a in read_agent_dictionary(path)]
    content = to_actors_yaml(entries, nouns)
    text = HEADER + yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
    write_output(out, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                 is_ours=starts_with(HEADER.encode()), what="actors file")
    for problem in problems:
        err_console.print(f"skipped {problem}")
    console.print(f"wrote {out}: {len(content['organisations'])} organisations, "
                  f"{len(content['people'])} people, "
                  f"{sum(len(v) for v in content['agents'].values())} agent nouns")


def register(app: typer.Typer) -> None:
    app.add_typer(actors, name="actors")
