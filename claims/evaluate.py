"""Evaluate: score claim predictions against hand-made gold attributions.

The matching follows the evaluation contract of the project (see ``eval/README.md``):

* per article, a predicted claim pairs with a gold attribution when the token F1 of their
  contents (stop words dropped) is at least 0.5; for ``declined`` gold, the prediction must be
  ``declined`` too and the sources must overlap (token F1 >= 0.5, or the resolved names agree);
* pairs are taken best first, one to one;
* ``reporter`` predictions are not scored; an unpaired prediction that matches an ``optional``
  gold row, or that is marked ``inherited``, is not counted against the system;
* on every pair, source, kind, source_type, anonymity and (when the gold names a relaying
  attribution, ``via``) the parent are checked; ``score`` is F1 times the mean of the first four.

Users score the engine on their own annotations with ``claims evaluate DB --gold FILE``.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import EvaluationError, InputError

_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": " ", "–": " "})
_TOKEN = re.compile(r"[a-z0-9%]+(?:['.-][a-z0-9]+)*")
STOPWORDS = frozenset("the a an that of to and in on for with is was".split())
CHECKED = ("source", "kind", "source_type", "anonymity")


def tokenize(text: Optional[str]) -> list[str]:
    if not text:
        return []
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).translate(_FOLD).lower())


def token_f1(a: Optional[str], b: Optional[str], *, drop_stopwords: bool = False) -> float:
    ta, tb = tokenize(a), tokenize(b)
    if drop_stopwords:
        ta = [t for t in ta if t not in STOPWORDS] or ta
        tb = [t for t in tb if t not in STOPWORDS] or tb
    if not ta or not tb:
        return 0.0
    overlap = sum((Counter(ta) & Counter(tb)).values())
    if not overlap:
        return 0.0
    p, r = overlap / len(ta), overlap / len(tb)
    return 2 * p * r / (p + r)


def names_agree(a: Optional[str], b: Optional[str]) -> bool:
    x, y = " ".join(tokenize(a)), " ".join(tokenize(b))
    if not x or not y:
        return False
    return x in y or y in x or difflib.SequenceMatcher(None, x, y).ratio() >= 0.85


def article_key(value: Any) -> str:
    name = Path(str(value or "")).name
    return name.rsplit(".", 1)[0] if "." in name else name


def _one_line(text: Optional[str], width: int = 90) -> str:
    return " / ".join(str(text or "")[:width].splitlines())


def _text(row: dict, key: str) -> Optional[str]:
    v = row.get(key)
    return v.get("text") if isinstance(v, dict) else v


@dataclass
class Result:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_boilerplate: int = 0
    checks: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in (*CHECKED, "via")})
    errors: list[str] = field(default_factory=list)
    articles: int = 0
    article_metadata: Optional[dict] = None
    # (gold row, prediction) of every pair, for breakdowns and source labels
    pairs: list[tuple[dict, dict]] = field(default_factory=list)
    # gold rows by category (act, direct quotes, constructions): [found, all]
    by_category: dict[str, list[int]] = field(default_factory=dict)
    nested_ignored: int = 0
    sources: Optional[dict] = None
    # annotated texts scored against the stored copy of the same text (claims_for_copies)
    copies: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, key: str) -> Optional[float]:
        ok, n = self.checks[key]
        return ok / n if n else None

    @property
    def content_f1(self) -> Optional[float]:
        """Mean token F1 of paired contents (all tokens)."""
        if not self.pairs:
            return None
        return sum(token_f1(g["content"], _text(p, "content")) for g, p in self.pairs) / len(self.pairs)

    def recall_of(self, category: str) -> Optional[float]:
        found, n = self.by_category.get(category, (0, 0))
        return found / n if n else None

    @property
    def score(self) -> float:
        accs = [a for a in (self.accuracy(k) for k in CHECKED) if a is not None]
        return self.f1 * (sum(accs) / len(accs)) if accs else 0.0

    def as_dict(self) -> dict:
        out = {"articles": self.articles, "gold": self.tp + self.fn, "predicted": self.tp + self.fp, "tp": self.tp,
               "fp": self.fp, "fn": self.fn, "fp_boilerplate": self.fp_boilerplate,
               "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}
        for k in (*CHECKED, "via"):
            acc = self.accuracy(k)
            out[f"{k}_acc"] = None if acc is None else round(acc, 3)
            out[f"{k}_n"] = self.checks[k][1]
        out["score"] = round(self.score, 3)
        cf = self.content_f1
        out["content_f1"] = None if cf is None else round(cf, 3)
        if self.by_category:
            out["recall_by"] = {k: {"recall": round(f / n, 3) if n else None, "found": f, "of": n}
                                for k, (f, n) in self.by_category.items()}
        if self.nested_ignored:
            out["nested_ignored"] = self.nested_ignored
        if self.copies:
            out["same_text"] = self.copies
        if self.sources is not None:
            out["sources"] = self.sources
        if self.article_metadata is not None:
            out["article_metadata"] = self.article_metadata
        return out


def _pair_score(g: dict, p: dict) -> float:
    if g.get("kind") == "declined":
        if p.get("kind") != "declined":
            return 0.0
        s = token_f1(g["source"], _text(p, "source"))
        if names_agree(g.get("resolved") or g["source"], _text(p, "source_name")):
            s = max(s, 0.5)
        if s < 0.5:
            return 0.0
        return max(0.5, 0.5 * s + 0.5 * token_f1(g["content"], _text(p, "content")))
    return token_f1(g["content"], _text(p, "content"), drop_stopwords=True)


def claims_for_copies(docs: Iterable, articles: Iterable[dict], predictions: list[dict]) -> tuple[list[dict], list[str]]:
    """Predictions for annotated texts the build stored under another name.

    A build keeps one copy of byte-identical inputs (the second is skipped as a duplicate), so an annotated
    corpus that holds the same text twice, under two names and with two annotations, has one stored article
    for both. Each such annotated text (``docs``: claims.brat Documents) gets the claims of the stored article
    with the same text (same sha256 after reading, as the build computes it), copied under its own name.
    Returns the copied predictions and one line per copy for the report."""
    from .ingest import read_file

    stored = {a["id"]: a.get("sha256") for a in articles}
    by_sha = {sha: aid for aid, sha in stored.items() if sha}
    by_article: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        by_article[p.get("article")].append(p)
    copies: list[dict] = []
    notes: list[str] = []
    for d in docs:
        if d.article in stored:
            continue
        try:
            sha = read_file(d.text_path).article.sha256
        except InputError:  # a text the build could not read either: every gold row of it stays a miss
            continue
        twin = by_sha.get(sha)
        if twin is None:
            continue
        copies += [{**p, "article": d.article} for p in by_article[twin]]
        notes.append(f"{d.article}: same text as the stored {twin}, scored against its claims")
    return copies, notes


def categories(g: dict) -> list[str]:
    """The breakdown categories of a gold row read from an annotated corpus (see claims.brat)."""
    out = []
    if "act" in g:
        out.append(f"act:{g['act'] or 'other'}")
    if g.get("direct"):
        out.append("direct_quote")
    out += [f"construction:{c}" for c in g.get("constructions", ())]
    return out


def score(gold_rows: Iterable[dict], predictions: Iterable[dict], *, outermost_only: bool = False) -> Result:
    """Pair predictions with gold attributions and count.

    ``outermost_only``: the gold marks only outermost attributions (PolNeAR, PARC): a prediction
    relayed by another (``parent`` set) is nested inside a gold content and is not scored.
    Checks run only on the fields the gold has (a brat corpus has no kind or source type)."""
    gold, optional, boiler = defaultdict(list), defaultdict(list), defaultdict(list)
    for g in gold_rows:
        t = g.get("type", "attribution")
        if t == "attribution":
            gold[g["article"]].append(g)
        elif t == "optional":
            optional[g["article"]].append(g)
        elif t == "boilerplate":
            boiler[g["article"]].append(g["text"])
    preds = defaultdict(list)
    res = Result(articles=len(gold))
    for p in predictions:
        if p.get("kind") == "reporter":
            continue
        if outermost_only and p.get("parent"):
            res.nested_ignored += 1
            continue
        preds[article_key(p.get("article"))].append(p)

    for art in sorted(gold):
        G, P = gold[art], preds.get(art, [])
        cands = sorted(((s, gi, pi) for gi, g in enumerate(G) for pi, p in enumerate(P)
                        if (s := _pair_score(g, p)) >= 0.5), reverse=True)
        match: dict[int, int] = {}
        used: set[int] = set()
        for s, gi, pi in cands:
            if gi not in match and pi not in used:
                match[gi] = pi
                used.add(pi)
        pred_id_for_gold = {G[gi]["id"]: P[pi].get("id") for gi, pi in match.items()}
        for gi, g in enumerate(G):
            for cat in categories(g):
                res.by_category.setdefault(cat, [0, 0])[1] += 1
                res.by_category[cat][0] += gi in match
            if gi not in match:
                res.fn += 1
                tags = " ".join(categories(g))
                res.errors.append(f"MISS {art} {g['id']}: [{g['source']}] {g['cue']} :: {_one_line(g['content'])}"
                                  + (f"  ({tags})" if tags else ""))
                continue
            res.tp += 1
            p = P[match[gi]]
            res.pairs.append((g, p))
            got = {"source": _text(p, "source"), "kind": p.get("kind"), "source_type": p.get("source_type"),
                   "anonymity": p.get("anonymity"), "via": p.get("parent")}
            if g.get("source") is None and "kind" not in g:
                src_ok = not got["source"]  # a sourceless attribution ("it was reported")
            else:
                src_ok = token_f1(g["source"], got["source"]) >= 0.5 or \
                    names_agree(g.get("resolved") or g["source"], _text(p, "source_name") or got["source"])
            ok = {"source": src_ok}
            for k in ("kind", "source_type", "anonymity"):
                if k in g:
                    ok[k] = got[k] == g[k]
            if g.get("via"):
                want = pred_id_for_gold.get(g["via"])
                ok["via"] = want is not None and got["via"] == want
            for k, good in ok.items():
                res.checks[k][0] += good
                res.checks[k][1] += 1
                if not good:
                    want_v = g.get(k) if k != "source" else g["source"]
                    res.errors.append(f"WRONG {k} {art} {g['id']}: want {want_v!r} got {got[k]!r}")
        for pi, p in enumerate(P):
            if pi in used:
                continue
            content = _text(p, "content")
            if any(token_f1(o["content"], content, drop_stopwords=True) >= 0.5 for o in optional[art]):
                continue
            if p.get("inherited"):
                continue
            res.fp += 1
            joined = " ".join(tokenize(content))
            if any(token_f1(b, content) >= 0.5 or (tokenize(b) and " ".join(tokenize(b)) in joined) for b in boiler[art]):
                res.fp_boilerplate += 1
                res.errors.append(f"BOILERPLATE {art}: {_one_line(content)}")
            else:
                res.errors.append(f"EXTRA {art}: [{_text(p, 'source')}] {p.get('cue')} :: {_one_line(content)}")
    return res


def score_articles(gold_rows: Iterable[dict], articles: Iterable[dict]) -> dict:
    want = {g["article"]: g for g in gold_rows if g.get("type") == "article"}
    got = {article_key(a.get("id") or a.get("article")): a for a in articles}
    out: dict[str, Any] = {}
    errors = []
    for key in ("title", "published", "byline", "outlet"):
        good = 0
        for art, g in want.items():
            gv, pv = g.get(key), got.get(art, {}).get(key)
            if key == "published" and pv:
                pv = str(pv)[:10]
            ok = (gv is None and not pv) or (gv is not None and pv is not None and names_agree(str(gv), str(pv)))
            good += ok
            if not ok:
                errors.append(f"ARTICLE {art} {key}: want {gv!r} got {pv!r}")
        out[f"{key}_acc"] = round(good / len(want), 3) if want else None
    out["errors"] = errors
    return out


def load_jsonl(path: str | Path) -> list[dict]:
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as e:
                        raise EvaluationError(f"{path}:{n}: not JSON ({e.msg})") from None
    except OSError as e:
        raise EvaluationError(f"{path}: {e.strerror}") from None
    return rows


PRONOUN_WORDS = frozenset("i me my we us our you he him his she her they them their it its one".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. miss".split())


def mention_form(source: Optional[str]) -> str:
    """How a source is mentioned: a pronoun, a bare surname ('Obama', 'Mr. Obama') or a fuller mention."""
    words = (source or "").split()
    if len(words) == 1 and words[0].lower().strip(".,") in PRONOUN_WORDS:
        return "pronoun"
    if words and words[0].lower() in HONORIFICS:
        words = words[1:]
    if len(words) == 1 and words[0][:1].isupper():
        return "surname"
    return "full"


def score_sources(labels: Iterable[dict], res: Result) -> dict:
    """Source characterization against hand labels keyed by article and brat event id: for each
    labeled source whose attribution is paired with a prediction, is the prediction's source_type
    and anonymity the label (strict), or one of the label's acceptable alternatives?"""
    paired = {(article_key(g["article"]), g["id"]): p for g, p in res.pairs}
    out: dict[str, Any] = {"labels": 0, "paired": 0}
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    confusion: dict[str, Counter] = {"source_type": Counter(), "anonymity": Counter()}
    errors = []
    for lab in labels:
        out["labels"] += 1
        p = paired.get((article_key(lab["article"]), lab["event"]))
        if p is None:
            continue
        out["paired"] += 1
        form = mention_form(lab.get("source"))
        for key, alt in (("source_type", "alt_source_types"), ("anonymity", "alt_anonymity")):
            want, got = lab.get(key), p.get(key)
            strict = got == want
            lenient = strict or got in (lab.get(alt) or ())
            confusion[key][(str(want), str(got))] += 1
            for name, good in ((key, strict), (f"{key}_alt", lenient), (f"{key}:{form}", strict)):
                tallies[name][0] += good
                tallies[name][1] += 1
            if not strict:
                errors.append(f"SOURCE {key} {lab['article']} {lab['event']} [{lab.get('source')}]: want {want!r}"
                              f"{' (or ' + '/'.join(lab.get(alt) or ()) + ')' if lab.get(alt) else ''} got {got!r}"
                              f" from [{p.get('source')}]{' = ' + p['source_name'] if p.get('source_name') else ''}")
    for name, (good, n) in sorted(tallies.items()):
        out[name] = {"accuracy": round(good / n, 3) if n else None, "of": n}
    out["confusion"] = {k: [{"want": w, "got": g, "n": n} for (w, g), n in sorted(c.items())] for k, c in confusion.items()}
    out["errors"] = errors
    return out


def _confusion_table(rows: list[dict]) -> list[str]:
    wants = sorted({r["want"] for r in rows})
    gots = sorted({r["got"] for r in rows})
    cell = {(r["want"], r["got"]): r["n"] for r in rows}
    width = max([len(x) for x in wants + gots] + [6])
    lines = ["want \\ got".ljust(width + 2) + " ".join(g[:width].rjust(width) for g in gots)]
    for w in wants:
        lines.append(w.ljust(width + 2) + " ".join(str(cell.get((w, g), "")).rjust(width) for g in gots))
    return lines


def report(res: Result, *, show_errors: bool = False) -> str:
    d = res.as_dict()
    lines = []
    if show_errors:
        lines += res.errors + (res.article_metadata or {}).get("errors", [])
        lines += (res.sources or {}).get("errors", []) + [""]
    for k in ("articles", "gold", "predicted", "tp", "fp", "fp_boilerplate", "fn"):
        lines.append(f"{k:>16}: {d[k]}")
    if res.nested_ignored:
        lines.append(f"{'nested, unscored':>16}: {res.nested_ignored}  (relayed inside another claim; the gold marks only outermost)")
    for note in res.copies:
        lines.append(f"{'same text':>16}: {note}")
    for k in (*CHECKED, "via"):
        if d[k + "_n"]:
            lines.append(f"{k + ' acc':>16}: {d[k + '_acc']}  (of {d[k + '_n']})")
    if d.get("content_f1") is not None:
        lines.append(f"{'content F1':>16}: {d['content_f1']}  (mean token F1 of paired contents)")
    for k, v in (res.article_metadata or {}).items():
        if k != "errors":
            lines.append(f"{k:>16}: {v}")
    if res.by_category:
        lines.append("recall by what the gold attributes, and how it is built:")
        order = sorted(res.by_category, key=lambda c: (not c.startswith("act:"), c != "direct_quote", c))
        for cat in order:
            found, n = res.by_category[cat]
            lines.append(f"  {cat:<32} {found / n if n else 0:6.3f}  ({found} of {n})")
    if res.sources is not None:
        s = res.sources
        lines.append(f"sources: {s['paired']} of {s['labels']} labeled sources paired with a prediction")
        for key in ("source_type", "anonymity"):
            if key in s:
                lines.append(f"  {key:<12} {s[key]['accuracy']}  strict, {s[key + '_alt']['accuracy']} with alternatives"
                             f"  (of {s[key]['of']})")
                for form in ("pronoun", "surname", "full"):
                    if f"{key}:{form}" in s:
                        lines.append(f"    {form:<10} {s[key + ':' + form]['accuracy']}  (of {s[key + ':' + form]['of']})")
        for key, rows in s["confusion"].items():
            lines.append(f"  confusion, {key}:")
            lines += ["    " + x for x in _confusion_table(rows)]
    lines.append(f"precision {d['precision']} recall {d['recall']} f1 {d['f1']} score {d['score']}")
    return "\n".join(lines)
