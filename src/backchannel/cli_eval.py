"""CLI: evaluation commands (quality against gold data; results written to benchmarks/results/)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from backchannel.cli_common import english_ner_option, err, out
from backchannel.evaluate.contact_eval import CONTACT_DATASETS, SPLITS

DEFAULT_RESULTS = "benchmarks/results"


@click.group("eval")
def evaluate() -> None:
    """Measure quality against gold data.

    \b
    Example:
      backchannel eval ner --limit 50
    """


@evaluate.command("ner")
@click.option("--dataset", "datasets", multiple=True,
              help="slavicner, ner-uk, factrueval or wikievents (repeatable; default all present).")
@click.option("--limit", type=int, help="At most this many documents per dataset and language.")
@click.option("--data", type=click.Path(file_okay=False), help="Folder of the evaluation data (default ../shared/data/eval).")
@click.option("--results", default=DEFAULT_RESULTS, show_default=True, help="Folder for ner.json and ner.md.")
@click.option("--split", type=click.Choice(SPLITS), help="Only the dev or test half of each dataset (by document id).")
@click.option("--errors", "errors", type=click.Path(dir_okay=False),
              help="Write every relaxed false positive/negative to this TSV (with overlapping spans and context).")
@english_ner_option
@click.pass_context
def eval_ner(ctx: click.Context, datasets: tuple[str, ...], limit: int | None, data: str | None, results: str,
             split: str | None, errors: str | None, english_ner: str | None) -> int:
    """Entity recognition, base forms and cross-lingual linking against gold NER datasets.

    \b
    Example:
      backchannel eval ner --dataset slavicner --limit 100
      backchannel eval ner --split dev --errors /tmp/ner-errors.tsv --results /tmp/ner-dev
      backchannel eval ner --dataset wikievents --english-ner rules --results /tmp/ner-en-rules
    """
    from backchannel.config import load_settings
    from backchannel.evaluate.ner import evaluate_ner

    settings = load_settings({"db": ctx.find_root().obj["db"], "english_ner": english_ner})
    report = evaluate_ner(settings, list(datasets) or None, limit, Path(data) if data else None, Path(results),
                          split, Path(errors) if errors else None)
    out.print(Text(report.to_markdown()))
    err.print(Text(f"results written to {results}/ner.json and ner.md"))
    return 0


@evaluate.command("contacts")
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--entities", "entities_file", type=click.Path(exists=True, dir_okay=False),
              help="ENTITIES.json: canonical name → aliases (with GOLD).")
@click.option("--dataset", type=click.Choice(CONTACT_DATASETS),
              help="Score a converted evaluation set instead of GOLD (ingested into a temporary store).")
@click.option("--split", type=click.Choice(SPLITS), help="With --dataset: only its dev or test half.")
@click.option("--data", type=click.Path(file_okay=False), help="Folder of the evaluation data (default ../shared/data/eval).")
@click.option("--results", help="Folder to write contacts-<name>.json and .md into.")
@click.option("--json", "as_json", is_flag=True, help="Print the score as JSON.")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False),
              help="Write the missed and spurious pairs with their sentences here (JSON lines).")
@click.pass_context
def eval_contacts(ctx: click.Context, gold: str | None, entities_file: str | None, dataset: str | None,
                  split: str | None, data: str | None, results: str | None, as_json: bool,
                  errors_file: str | None) -> int:
    """Score contact reports against gold (format and scoring in CONTRACT.md): the stored
    reports against GOLD + --entities, or a dataset's documents ingested afresh (--dataset).

    \b
    Example:
      backchannel --db seeds.db eval contacts ../shared/data/gold/seeds.contacts.jsonl \\
          --entities ../shared/data/gold/seeds.entities.json
      backchannel eval contacts --dataset factru-meeting --split dev --results benchmarks/results
      backchannel eval contacts --dataset factru-meeting --split dev --errors dev-errors.jsonl
    """
    import json

    from backchannel.cli_common import workspace
    from backchannel.config import load_settings
    from backchannel.evaluate.contact_errors import dump_errors
    from backchannel.evaluate.contact_eval import evaluate_dataset, result_name, write_results
    from backchannel.evaluate.contacts import read_gold, read_json, score

    if (gold is None) == (dataset is None):
        raise click.UsageError("give either GOLD (with --entities) or --dataset")
    errors = Path(errors_file) if errors_file else None
    if dataset is not None:
        settings = load_settings({"db": ctx.find_root().obj["db"]})
        name = result_name(dataset, split)
        result = evaluate_dataset(settings, dataset, split, Path(data) if data else None,
                                  Path(results) if results else None, errors)
    else:
        if entities_file is None:
            raise click.UsageError("GOLD needs --entities ENTITIES.json")
        ws = workspace(ctx)
        entities = read_json(Path(entities_file))
        records = list(ws.store.iter_contacts())
        result = score(records, read_gold(Path(gold or "")), entities)
        if errors is not None:
            dump_errors(errors, result, records, ws.store, entities)
        name = Path(gold or "").name.split(".")[0]
        if results:
            write_results(result, name, Path(results))
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        out.print(Text(result.to_markdown(name)))
    return 0


@evaluate.command("stories")
@click.option("--split", type=click.Choice(["tune", "test", "all"]), default="test", show_default=True,
              help="ECB+ part: tune (odd topics, used to set thresholds), test (even topics) or all.")
@click.option("--limit", type=int, help="At most this many ECB+ documents (a quick look; the score is not comparable).")
@click.option("--data", type=click.Path(file_okay=False), help="Folder of the evaluation data (default ../shared/data/eval).")
@click.option("--results", default=DEFAULT_RESULTS, show_default=True, help="Folder for stories.json and stories.md.")
@click.pass_context
def eval_stories(ctx: click.Context, split: str, limit: int | None, data: str | None, results: str) -> int:
    """Story grouping: B-cubed P/R/F1 on ECB+ and exact grouping of the seeds and our sample corpus.

    \b
    Example:
      backchannel eval stories --split test
    """
    from backchannel.analyze.embed import Embedder
    from backchannel.config import load_settings
    from backchannel.evaluate.datasets import default_root
    from backchannel.evaluate.stories import evaluate_stories

    settings = load_settings({"db": ctx.find_root().obj["db"]})
    root = Path(data) if data else default_root()
    repo = Path(__file__).resolve().parents[2]
    folders = [("seeds", root.parent / "seeds", repo / "examples" / "gold" / "seeds.stories.json"),
               ("corpus", repo / "examples" / "corpus", repo / "examples" / "gold" / "corpus.stories.json")]
    report = evaluate_stories(settings, Embedder(), root, folders, split, results=Path(results), limit=limit)
    out.print(Text(report.to_markdown()))
    err.print(Text(f"results written to {results}/stories.json and stories.md"))
    return 0
