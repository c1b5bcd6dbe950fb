"""The claims command line: a thin click layer over the library."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import ClaimsError


def _fail(e: ClaimsError) -> None:
    click.echo(f"Error: {e}", err=True)
    sys.exit(getattr(e, "exit_code", 1) or 1)


@click.group()
@click.version_option(__version__, prog_name="claims")
def cli():
    """Attributed claims and their sources from news articles, published with Datasette."""


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--max-bytes", type=int, default=10 * 1024 * 1024, show_default=True,
              help="Refuse input files larger than this")
@click.option("--force", is_flag=True, help="Re-extract articles even when their text is unchanged")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes on this machine (each loads spaCy once; output equals a 1-worker build)")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster (tcp://HOST:8786), or 'local' for a LocalCluster on this machine")
@click.option("--dask", "use_dask", is_flag=True, help="Extract on Dask; without --scheduler, on a LocalCluster")
@click.option("--corrections", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Fact-checkers' corrections (YAML) to re-apply; default: corrections.yml next to DB")
@click.option("--article-timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Skip an article whose reading or extraction takes longer than this (0: no limit)")
@click.option("--wait", type=click.FloatRange(min=0), default=0, show_default=True, metavar="SECONDS",
              help="When another build of DB is running, wait this long for it instead of stopping")
def build(db, inputs, max_bytes, force, quiet, workers, scheduler, use_dask, corrections, article_timeout, wait):
    """Read article files and folders INPUTS into the SQLite database DB.

    INPUTS are plain-text and HTML files, JSONL and CSV batches (one article a row), folders
    (walked recursively) and '-' for standard input. Every input that cannot be read is named
    with its reason and skipped; the rest of the batch goes on. The build is atomic: if it fails
    or is interrupted, DB is left as it was. One build of DB at a time: a second one stops (or,
    with --wait, waits). Exit status: 0 all read, 1 some inputs skipped, 2 nothing could be read,
    3 DB could not be written (another build holds it, the disk is full).

        claims build claims.db seeds/
    """
    from .pipeline import BuildInterrupted, build_atomic, iter_items

    try:
        total = sum(1 for _ in iter_items(inputs))
        with click.progressbar(length=total, label="Reading articles", file=sys.stderr,
                               hidden=quiet or not sys.stderr.isatty()) as bar:
            rep = build_atomic(db, inputs, max_bytes=max_bytes, force=force, progress=lambda item: bar.update(1),
                               workers=workers, scheduler=scheduler or ("local" if use_dask else None),
                               corrections=corrections, article_timeout=article_timeout, wait=wait,
                               on_wait=lambda msg: click.echo(msg, err=True))
    except ClaimsError as e:
        _fail(e)
    except (KeyboardInterrupt, BuildInterrupted) as e:
        click.echo(f"Interrupted: {db} left as it was before this build", err=True)
        sys.exit(128 + getattr(e, "signum", 2))
    for _, msg in rep.problems:
        click.echo(f"skipped: {msg}", err=True)
    for msg in rep.warnings:
        click.echo(f"warning: {msg}", err=True)
    click.echo(f"run {rep.run}: {rep.articles} articles stored, {rep.unchanged} unchanged, {rep.claims} claims, "
               f"{len(rep.problems)} inputs skipped", err=True)
    if rep.problems:
        sys.exit(2 if rep.articles + rep.unchanged == 0 else 1)


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("what", type=click.Choice(["claims", "articles", "claimreview", "claims-jsonld", "annotations"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="csv only for claims and articles")
def export(db, what, fmt):
    """Write WHAT of DB to standard output, one record a line.

    claims, articles: the fields of the evaluation contract (eval/README.md), JSONL or CSV.
    claimreview: schema.org ClaimReview JSON-LD for each review in the corrections file.
    claims-jsonld: a schema.org Claim for every attributed claim that asserts something (no refusals).
    annotations: a W3C Web Annotation for every claim, anchored in the stored text.
    """
    from . import export as ex
    from .store import open_db

    try:
        if what in ex.JSONLD and fmt == "csv":
            raise ClaimsError(f"{what} is JSON-LD (one document a line); --format csv is only for claims and articles")
        database = open_db(db, create=False)
        if not database["claims"].exists():
            raise ClaimsError(f"{db}: not a claims database (no claims table)")
        if what in ex.JSONLD:
            ex.write_jsonld(ex.JSONLD[what](database), sys.stdout)
            return
        rows, fields = (ex.claim_rows(database), ex.CLAIM_FIELDS) if what == "claims" else (ex.article_rows(database), ex.ARTICLE_FIELDS)
        ex.write(rows, fields, fmt, sys.stdout)
    except ClaimsError as e:
        _fail(e)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-h", "--host", default="127.0.0.1", show_default=True)
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("--mutable", is_flag=True, help="Open the database mutable instead of immutable (-i)")
def serve(db, host, port, mutable):
    """Serve DB with Datasette, the project's metadata, templates and plugins."""
    from .publish import serve as run_serve

    try:
        sys.exit(run_serve(db, host=host, port=port, immutable=not mutable))
    except ClaimsError as e:
        _fail(e)


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sample", type=int, default=50, show_default=True, help="Claims and articles to look up in full-text search")
def check(db, sample):
    """Verify the database DB: foreign keys, every claim's and source's offsets against its
    article text, full-text search in sync, counts.

    Prints one line per fault and a summary; exit status 0 when clean, 1 on any fault.
    """
    from .check import check_db

    try:
        res = check_db(db, sample=sample)
    except ClaimsError as e:
        _fail(e)
    for fault in res.faults:
        click.echo(f"fault: {fault}")
    click.echo(res.summary())
    if res.faults:
        sys.exit(1)


@cli.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--gold", type=click.Path(exists=True, path_type=Path),
              help="Gold attributions: our JSONL, or brat standoff annotations (a folder of .ann files, or one); "
                   "default: the seed gold shipped in eval/")
@click.option("--sources", "source_labels", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="With brat gold: hand labels of source_type and anonymity keyed by article and event "
                   "(eval/polnear_train_sources.jsonl)")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score a claims export (JSONL) instead of a database")
@click.option("--articles", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="With --pred: an articles export to score the article metadata too")
@click.option("--show-errors", is_flag=True, help="List every miss, extra and wrong field")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object")
@click.option("--min-f1", type=float, default=None, help="Exit 1 when F1 is below this")
def evaluate(db, gold, source_labels, pred, articles, show_errors, as_json, min_f1):
    """Score the claims in DB (or a --pred export) against gold attributions.

    The contract is eval/README.md: contents pair by token F1 >= 0.5, best first, one to one;
    reporter claims are not scored. Gold in brat standoff (PolNeAR, PARC style) marks only
    outermost attributions, so claims relayed inside another's content are not scored against
    it, and the report adds recall by what is attributed, for direct quotes and by construction.
    Build DB from the same texts first:

        claims build polnear.db corpus/data/train/text
        claims evaluate polnear.db --gold corpus/data/train/attributions --sources eval/polnear_train_sources.jsonl

    An annotated text that the build skipped as a byte-identical copy of another is scored against the
    stored copy's claims (the report names it). Without --gold, the seed gold in eval/seeds.gold.jsonl is used. The last line reads
    'precision P recall R f1 F score S'.
    """
    import json as _json

    from . import evaluate as ev
    from . import export as ex
    from .store import open_db

    try:
        gold = gold or Path(__file__).resolve().parent.parent / "eval" / "seeds.gold.jsonl"
        brat = gold.is_dir() or gold.suffix == ".ann"
        if brat:
            from .brat import load_gold

            gold_rows, docs = load_gold(gold)
        else:
            docs = []
            gold_rows = ev.load_jsonl(gold)
        if source_labels and not brat:
            raise ClaimsError("--sources needs brat gold (--gold FOLDER of .ann files): labels are keyed by event id")
        if pred:
            preds = ev.load_jsonl(pred)
            arts = ev.load_jsonl(articles) if articles else None
        elif db:
            if not db.exists():
                raise ClaimsError(f"{db}: no such database")
            database = open_db(db, create=False)
            preds = list(ex.claim_rows(database))
            arts = list(ex.article_rows(database))
        else:
            raise ClaimsError("give a database or --pred FILE")
        copies, copy_notes = ev.claims_for_copies(docs, arts, preds) if brat and arts is not None else ([], [])
        res = ev.score(gold_rows, preds + copies, outermost_only=brat)
        res.copies = copy_notes
        if arts is not None and not brat:
            res.article_metadata = ev.score_articles(gold_rows, arts)
        if source_labels:
            res.sources = ev.score_sources(ev.load_jsonl(source_labels), res)
        if as_json:
            d = res.as_dict()
            if show_errors:
                d["errors"] = res.errors
            elif d.get("sources"):
                d["sources"] = {k: v for k, v in d["sources"].items() if k != "errors"}
            click.echo(_json.dumps(d))
        else:
            click.echo(ev.report(res, show_errors=show_errors))
    except ClaimsError as e:
        _fail(e)
    if min_f1 is not None and res.f1 < min_f1:
        sys.exit(1)


def main():  # pragma: no cover
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
