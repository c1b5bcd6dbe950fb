"""Train the learned cue gate (claims/attribution/learned.py) on brat-annotated news, and measure it on held-out folds.

    python scripts/train_cue_gate.py corpora/polnear/data/train/text corpora/polnear/data/train/attributions

Every article is parsed and run through the rules with the gate off; each verb the gate would be offered
(a lexicon verb that no rule claim holds) gives one option per dependent that could be its content. An option is
labelled by the annotation:

* positive when the verb stands in an annotated cue, the rules found no claim for that attribution, and the option's
  content pairs with the annotated content (token F1 >= 0.5, the evaluation's own test);
* negative when the verb is in no annotated cue, or its attribution is already found, or the content would not pair;
* left out when the verb stands inside an annotated content: the corpus marks outermost attributions only, so a
  cue relayed inside another's content is unlabelled, not negative.

A logistic model (L2, full-batch gradient descent, deterministic) is fitted to the options. ``--folds K`` splits the
articles into K folds by a hash of their names, trains K models each without one fold, builds each fold's articles
with its own model and once with the gate off, and scores both with ``claims evaluate``'s scorer: the figures are the
gate's gain on articles it never saw. Then one model is trained on all articles and written to ``--out`` with its
sha256 (pin it in ``claims/attribution/learned.py``). Only the training split may be used.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.attribution.learned import GATE_ENV, Gate, best_per_verb  # noqa: E402
from claims.lexicon import ACTS  # noqa: E402

_GOLD: dict = {}


@contextmanager
def gate_setting(value: str):
    """Run with CLAIMS_CUE_GATE set to value, and put back what was there."""
    old = os.environ.get(GATE_ENV)
    os.environ[GATE_ENV] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ[GATE_ENV]
        else:
            os.environ[GATE_ENV] = old


def _init(gold_dir: str) -> None:
    os.environ[GATE_ENV] = "off"  # (in a worker process of its own)
    _load_gold(gold_dir)


def _load_gold(gold_dir: str) -> None:
    from claims.brat import load_gold

    _GOLD.clear()

    rows, _ = load_gold(Path(gold_dir))
    for g in rows:
        if g.get("type", "attribution") == "attribution" and not g.get("nested") and g["spans"].get("content"):
            _GOLD.setdefault(g["article"], []).append(g)


def _options_of(path: str) -> list[dict]:
    """One article's options, each with its features, label (1, 0) and the article's name."""
    from claims import evaluate as ev
    from claims.attribution import Finder
    from claims.ingest import read_file
    from claims.lexicon import ACT
    from claims.pipeline import parse_article

    ing = read_file(Path(path))
    art = ing.article
    docs, _ = parse_article(ing)  # as the build parses it
    f = Finder(docs, art)
    f.collect_options = True
    f.run()
    golds = _GOLD.get(art.id, [])
    found = [art.text[c.start:c.end] for c in f.cands if c.kind != "reporter"]
    out = []
    for o in f.gate_options:
        at = o.v.idx + o.v.doc._.offset
        in_cue = [g for g in golds if any(s <= at < e for s, e in g["spans"].get("cue", []))]
        if not in_cue and any(s <= at < e for g in golds for s, e in g["spans"]["content"]):
            continue  # unlabelled: inside an outermost attribution's content
        label = 0
        if in_cue:
            text = art.text[o.span[0]:o.span[1]]
            for g in in_cue:
                done = any(ev.token_f1(g["content"], x, drop_stopwords=True) >= 0.5 for x in found)
                if not done and ev.token_f1(g["content"], text, drop_stopwords=True) >= 0.5:
                    label = 1
        out.append({"article": art.id, "verb": f"{art.id}:{at}", "features": o.features, "label": label,
                    "act": in_cue[0].get("act") if in_cue else None, "lexicon_act": ACT.get(o.v.lemma_.lower())})
    return out


def collect(texts: list[Path], gold: Path, workers: int) -> list[dict]:
    """The options of every article, with the gate off (each in its own process when workers > 1)."""
    if workers <= 1:
        with gate_setting("off"):
            _load_gold(str(gold))
            return [o for p in texts for o in _options_of(str(p))]
    ctx = get_context("spawn")
    with ctx.Pool(workers, initializer=_init, initargs=(str(gold),)) as pool:
        return [o for opts in pool.imap(_options_of, [str(p) for p in texts], chunksize=4) for o in opts]


def fold_of(article: str, folds: int) -> int:
    """The fold of an article, by a hash of its name (the same on every machine)."""
    return int(hashlib.sha256(article.encode()).hexdigest(), 16) % folds


def fit(options: list[dict], *, l2: float = 1.0, min_count: int = 2, steps: int = 400) -> tuple[dict, float]:
    """Logistic regression on binary features: weights by feature name, and the bias."""
    counts = Counter(x for o in options for x in set(o["features"]))
    names = sorted(x for x, n in counts.items() if n >= min_count)
    index = {x: i for i, x in enumerate(names)}
    rows = [[index[x] for x in set(o["features"]) if x in index] for o in options]
    lens = numpy.array([len(r) for r in rows])
    idx = numpy.array([i for r in rows for i in r], dtype=numpy.int64)
    row_of = numpy.repeat(numpy.arange(len(rows)), lens)
    y = numpy.array([o["label"] for o in options], dtype=numpy.float64)
    w = numpy.zeros(len(names))
    b = 0.0
    m, v = numpy.zeros(len(names) + 1), numpy.zeros(len(names) + 1)
    lr, beta1, beta2 = 0.05, 0.9, 0.999
    n = len(options)
    for step in range(1, steps + 1):
        z = numpy.bincount(row_of, weights=w[idx], minlength=n) + b
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(z, -30, 30)))
        err = p - y
        g = numpy.bincount(idx, weights=err[row_of], minlength=len(names)) / n + l2 * w / n
        grad = numpy.append(g, err.mean())
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        upd = lr * (m / (1 - beta1 ** step)) / (numpy.sqrt(v / (1 - beta2 ** step)) + 1e-8)
        w -= upd[:-1]
        b -= upd[-1]
    return {x: round(float(w[i]), 5) for i, x in enumerate(names) if abs(w[i]) >= 1e-4}, round(b, 5)


def accepted(options: list[dict], weights: dict, bias: float, threshold: float) -> list[dict]:
    """The best option of each verb, where it passes the threshold: what the gate with these weights keeps."""
    gate = Gate(weights, bias, threshold, ())
    return best_per_verb(((o["verb"], gate.probability(o["features"]), o) for o in options), threshold)


def write_weights(path: Path, weights: dict, bias: float, threshold: float, acts: list[str], meta: dict) -> str:
    """Write a weights file the gate reads; its sha256 (to pin in claims/attribution/learned.py)."""
    data = (json.dumps({"about": meta, "acts": acts, "bias": bias, "threshold": threshold,
                        "weights": dict(sorted(weights.items()))}, indent=0) + "\n").encode()
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def build_and_score(texts: list[Path], annotated: tuple[list, list], gate: str, workdir: Path, workers: int):
    """Build these articles with the gate setting; (their gold rows, the predictions, seconds). ``annotated`` is
    what claims.brat.load_gold read: every gold row and annotated document."""
    from claims import evaluate as ev
    from claims import export as ex
    from claims.pipeline import build
    from claims.store import open_db

    db_path = workdir / f"build-{hashlib.sha1((gate + str(len(texts)) + texts[0].name).encode()).hexdigest()[:8]}.db"
    t0 = time.time()
    reuse = gate == "off" and db_path.exists()  # the rules' build of a fold, kept in --workdir
    if not reuse:
        for old in workdir.glob(db_path.name + "*"):
            old.unlink()
    db = open_db(db_path)
    if not reuse:
        with gate_setting(gate):  # (worker processes start with this environment)
            build(db, texts, workers=workers)
    names = {p.stem for p in texts}
    gold = [g for g in annotated[0] if g["article"] in names]
    docs = annotated[1]
    preds = list(ex.claim_rows(db))
    arts = list(ex.article_rows(db))
    copies, _ = ev.claims_for_copies([d for d in docs if d.article in names], arts, preds)
    return gold, preds + copies, time.time() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("texts", type=Path, help="folder of the training articles (.txt)")
    ap.add_argument("gold", type=Path, help="folder of their brat annotations (.ann)")
    ap.add_argument("--out", type=Path, required=True, help="the weights file to write (the shipped one is claims/data/cue_gate.json)")
    ap.add_argument("--folds", type=int, default=5, help="held-out folds to measure on (0: none)")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--acts", default="statement", help="comma-separated acts of the verbs the gate is offered")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--workdir", type=Path, help="keep the fold builds here (the rules' builds are reused: empty it when the rules change)")
    ap.add_argument("--report", type=Path, help="write the fold figures here as JSON")
    ap.add_argument("--options", type=Path, help="reuse (or save) the collected options here")
    args = ap.parse_args(argv)
    args.acts = sorted(a.strip() for a in args.acts.split(",") if a.strip())
    if not args.acts or set(args.acts) - set(ACTS):
        ap.error(f"--acts: each of {', '.join(ACTS)}")
    if any(part in ("dev", "test") for part in args.texts.parts + args.gold.parts):
        ap.error("train on the training split only (a path names dev or test)")
    texts = sorted(args.texts.glob("*.txt"))
    if not texts:
        ap.error(f"{args.texts}: no .txt articles")
    if args.options and args.options.exists():
        options = json.loads(args.options.read_text())
    else:
        t0 = time.time()
        options = collect(texts, args.gold, args.workers)
        print(f"{len(options):,} options from {len(texts)} articles in {time.time() - t0:.0f} s", file=sys.stderr)
        if args.options:
            args.options.write_text(json.dumps(options))
    options = [o for o in options if o["lexicon_act"] in args.acts]
    pos = sum(o["label"] for o in options)
    print(f"options {len(options):,}: positive {pos:,}, negative {len(options) - pos:,}", file=sys.stderr)
    if not pos or pos == len(options):
        ap.error(f"nothing to learn from: {len(options)} options, {pos} positive")
    report: dict = {"articles": len(texts), "options": len(options), "positive": pos, "threshold": args.threshold,
                    "l2": args.l2}
    if args.folds > 1:
        report["folds"] = fold_figures(texts, args, options)
        print(json.dumps(report["folds"]["total"], indent=1), file=sys.stderr)
    weights, bias = fit(options, l2=args.l2)
    sha = write_weights(args.out, weights, bias, args.threshold, args.acts,
                        {"trained_on": f"{len(texts)} articles of {args.texts}", "options": len(options),
                         "positive": pos, "l2": args.l2, "script": "scripts/train_cue_gate.py"})
    report["sha256"] = sha
    print(f"wrote {args.out} ({len(weights)} weights), sha256 {sha}", file=sys.stderr)
    if args.report:
        args.report.write_text(json.dumps(report, indent=1) + "\n")
    return 0


def fold_figures(texts: list[Path], args, options: list[dict]) -> dict:
    """For each fold: a gate trained on the other folds' options, the fold built with it and with the gate off,
    both scored; and the folds scored together."""
    from claims import evaluate as ev
    from claims.brat import load_gold

    annotated = load_gold(args.gold)  # read once for every fold's scoring
    work = args.workdir or Path(tempfile.mkdtemp(prefix="cue-gate-"))
    work.mkdir(parents=True, exist_ok=True)
    gold_all, pred_rules, pred_gate = [], [], []
    per_fold = []
    for k in range(args.folds):
        held = [p for p in texts if fold_of(p.stem, args.folds) == k]
        if not held:
            continue
        train = [o for o in options if fold_of(o["article"], args.folds) != k]
        test = [o for o in options if fold_of(o["article"], args.folds) == k]
        weights, bias = fit(train, l2=args.l2)
        acc = accepted(test, weights, bias, args.threshold)
        wpath = work / f"fold{k}.json"
        write_weights(wpath, weights, bias, args.threshold, args.acts, {"fold": k})
        gold, rules, t_rules = build_and_score(held, annotated, "off", work, args.workers)
        _, gated, t_gate = build_and_score(held, annotated, str(wpath), work, args.workers)
        a, b = ev.score(gold, rules, outermost_only=True), ev.score(gold, gated, outermost_only=True)
        per_fold.append({"fold": k, "articles": len(held), "accepted": len(acc),
                         "accepted_positive": sum(o["label"] for o in acc),
                         "rules": _figures(a), "gate": _figures(b), "seconds": [round(t_rules), round(t_gate)]})
        print(json.dumps(per_fold[-1]), file=sys.stderr)
        gold_all += gold
        pred_rules += rules
        pred_gate += gated
    a, b = ev.score(gold_all, pred_rules, outermost_only=True), ev.score(gold_all, pred_gate, outermost_only=True)
    return {"per_fold": per_fold, "total": {"rules": _figures(a), "gate": _figures(b)}}


def _figures(res) -> dict:
    """The figures of a score that the report keeps."""
    d = res.as_dict()
    out = {k: d[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1", "content_f1")}
    for name, key in (("speech", "act:statement"), ("direct", "direct_quote")):
        r = d.get("recall_by", {}).get(key, {})
        out[name] = r.get("recall")
        out[name + "_found"] = r.get("found")
        out[name + "_of"] = r.get("of")
    return out


if __name__ == "__main__":
    sys.exit(main())
