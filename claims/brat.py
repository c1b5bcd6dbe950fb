"""Read attribution annotations in brat standoff format (PolNeAR / PARC style) as gold.

A brat corpus keeps each article's text in ``NAME.txt`` and its annotation in an ``.ann`` file:
text-bound lines ``T1<TAB>Source 201 220<TAB>O'Malley's campaign`` (discontinuous spans as
``10 20;30 40``) and event lines ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`` tying a
Source, a Cue and one or more Content spans into one attribution. Offsets are character offsets
into the text.

Layouts read: ``NAME.ann`` beside ``NAME.txt``, and PolNeAR's ``attributions/NAME_ANNOTATOR.ann``
with ``text/NAME.txt``. When an article has several annotation files (one per annotator), the one
named first in a PolNeAR-style ``metadata.tsv`` (columns ``filename`` and ``annotators``) in a folder
above is taken, else the first in name order.

Each attribution becomes a gold row of the evaluation contract (``article``, ``id``, ``source``,
``cue``, ``content``) with its ``spans`` and what it is: ``act`` (what the cue attributes, from the
cue lexicon), ``direct`` (the content is a quotation) and ``constructions`` (how the attribution is
built: cue before, after or inside the content, a quotation split around its cue, a colon, a dash
signature, the headline, according-to, a quotation over several paragraphs).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .errors import EvaluationError
from .lexicon import ACT, form_to_lemma

Frag = tuple[int, int]
EVENT_TYPES = {"Attribution", "Attribution-no-source"}
OPEN_QUOTES = '"“‘«„\''
CLOSE_QUOTES = '"”’»\''
DASHES = ("—", "–", "--", "―")
PREP_CUES = re.compile(r"^\s*(?:according\s+to|per|citing|cited|as\s+cited\s+by)\b", re.I)
RE_ANNOTATION_LINE = re.compile(r"[TE]\d+\t")
CONSTRUCTIONS = ("cue_before", "cue_after", "cue_inside", "split_quote", "colon", "dash_signature", "headline",
                 "according_to", "multi_paragraph")


@dataclass
class Attribution:
    id: str
    content: list[Frag]
    cue: list[Frag] = field(default_factory=list)
    source: list[Frag] = field(default_factory=list)


@dataclass
class Document:
    article: str
    text_path: Path
    ann_path: Path
    alternatives: int = 0  # other annotation files of the same text that were not taken


def _frags(spec: str, where: str) -> list[Frag]:
    out = []
    for part in spec.split(";"):
        try:
            s, e = (int(x) for x in part.split())
        except ValueError:
            raise EvaluationError(f"{where}: offsets {spec!r} are not 'START END[;START END]'") from None
        if not 0 <= s <= e:
            raise EvaluationError(f"{where}: span {s}-{e} is not a span")
        out.append((s, e))
    return sorted(out)


def parse_ann(text: str, path: str, length: Optional[int] = None) -> list[Attribution]:
    """The attribution events of one ``.ann`` file (other annotations are ignored)."""
    spans: dict[str, list[Frag]] = {}
    events: list[tuple[str, list[tuple[str, str]], str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not RE_ANNOTATION_LINE.match(line):
            continue  # other annotations, notes, or the continuation of a span text that holds a newline
        where = f"{path}:{n}"
        parts = line.split("\t")
        if line[0] == "T":
            if len(parts) < 2 or " " not in parts[1]:
                raise EvaluationError(f"{where}: text-bound annotation without type and offsets")
            _, spec = parts[1].split(" ", 1)
            spans[parts[0]] = frags = _frags(spec, where)
            if length is not None and frags[-1][1] > length:
                raise EvaluationError(f"{where}: span ends at {frags[-1][1]}, after the end of the text ({length})")
        else:
            if len(parts) < 2:
                raise EvaluationError(f"{where}: event without arguments")
            args = []
            for arg in parts[1].split():
                if ":" not in arg:
                    raise EvaluationError(f"{where}: event argument {arg!r} is not ROLE:ID")
                role, ref = arg.split(":", 1)
                args.append((role, ref))
            events.append((parts[0], args, where))
    out = []
    for eid, args, where in events:
        etype = args[0][0]
        if etype not in EVENT_TYPES:
            continue
        att = Attribution(eid, [])
        for role, ref in args[1:]:
            if ref not in spans:
                raise EvaluationError(f"{where}: {eid} refers to {ref}, which is not annotated")
            base = re.sub(r"\d+$", "", role)
            if base == "Content":
                att.content += spans[ref]
            elif base == "Cue":
                att.cue += spans[ref]
            elif base == "Source":
                att.source += spans[ref]
        if att.content:
            att.content.sort()
            att.cue.sort()
            att.source.sort()
            out.append(att)
    return out


def _primary_annotators(start: Path) -> dict[str, str]:
    for folder in [start, *start.parents][:5]:
        meta = folder / "metadata.tsv"
        if meta.is_file():
            with open(meta, encoding="utf-8", newline="") as f:
                rows = csv.DictReader(f, delimiter="\t")
                if not rows.fieldnames or not {"filename", "annotators"} <= set(rows.fieldnames):
                    continue
                return {r["filename"]: (r["annotators"] or "").split("|")[0] for r in rows}
    return {}


def _text_for(ann: Path) -> Optional[tuple[str, Path]]:
    stem = ann.stem
    names = [stem]
    if "_" in stem:
        names.append(stem.rsplit("_", 1)[0])  # NAME_ANNOTATOR.ann
    for name in names:
        for folder in (ann.parent, ann.parent.parent / "text"):
            p = folder / f"{name}.txt"
            if p.is_file():
                return name, p
    return None


def find_documents(path: Path) -> list[Document]:
    """The annotated articles under ``path`` (a folder, or one ``.ann`` file), one per text."""
    path = Path(path)
    if path.is_file():
        anns = [path]
    elif path.is_dir():
        anns = sorted(path.rglob("*.ann"))
    else:
        raise EvaluationError(f"{path}: no such file or folder")
    if not anns:
        raise EvaluationError(f"{path}: no .ann files (brat standoff annotations) found")
    by_text: dict[str, list[tuple[Path, Path]]] = {}
    for ann in anns:
        found = _text_for(ann)
        if found is None:
            raise EvaluationError(f"{ann}: no text beside it (looked for NAME.txt here and in ../text/)")
        by_text.setdefault(found[0], []).append((ann, found[1]))
    primary = _primary_annotators(path if path.is_dir() else path.parent)
    docs = []
    for name, options in sorted(by_text.items()):
        options.sort()
        want = primary.get(name)
        chosen = next((o for o in options if want and o[0].stem.endswith("_" + want)), options[0])
        docs.append(Document(name, chosen[1], chosen[0], len(options) - 1))
    return docs


# ---------------------------------------------------------------- what each attribution is


def _hull(frags: list[Frag]) -> Frag:
    return frags[0][0], max(e for _, e in frags)


def _join(text: str, frags: list[Frag]) -> str:
    return " ".join(text[s:e] for s, e in frags)


def is_quotation(text: str, frags: list[Frag]) -> bool:
    """Is the content a direct quotation: opened by a quote mark at (or right before) its start and
    closed by one at (or right after) its end?"""
    s, e = _hull(frags)
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?"):
        e -= 1
    if e - s < 2:
        return False
    before = text[max(0, s - 2):s].strip()
    after = text[e:e + 2].strip()
    opens = text[s] in OPEN_QUOTES or (before[-1:] in OPEN_QUOTES and before != "")
    closes = text[e - 1] in CLOSE_QUOTES or (after[:1] in CLOSE_QUOTES and after != "")
    return opens and closes


def cue_act(cue: str) -> Optional[str]:
    """What a cue attributes, from the cue lexicon: the act of its first cue verb; prepositional
    cues and statements are statements. None when the lexicon does not know the cue."""
    if PREP_CUES.match(cue):
        return "statement"
    forms = form_to_lemma()
    for w in re.findall(r"[A-Za-z]+", cue.lower()):
        lemma = forms.get(w)
        if lemma in ACT:
            return ACT[lemma]
    return None


def constructions(text: str, att: Attribution) -> list[str]:
    out = []
    cs, ce = _hull(att.content)
    direct = is_quotation(text, att.content)
    if att.cue:
        qs, qe = _hull(att.cue)
        if qe <= cs:
            out.append("cue_before")
            before = text[max(qe - 1, cs - 12):cs].rstrip(" \t\n" + OPEN_QUOTES)
            if before.endswith(":") or text[cs:cs + 1] == ":":
                out.append("colon")
        elif qs >= ce:
            out.append("cue_after")
            gap = text[ce:min(qs, _hull(att.source)[0] if att.source else qs)]
            if direct and any(d in gap for d in DASHES) and "\n" not in gap:
                out.append("dash_signature")
        else:
            out.append("cue_inside")
            if direct and len(att.content) > 1:
                out.append("split_quote")
        if PREP_CUES.match(_join(text, att.cue)):
            out.append("according_to")
    first_break = text.find("\n")
    if first_break == -1 or cs < first_break:
        out.append("headline")
    if "\n" in text[cs:ce].strip():
        out.append("multi_paragraph")
    return out


def gold_rows(doc: Document) -> list[dict]:
    """The gold attribution rows of one annotated article."""
    try:
        text = doc.text_path.read_text(encoding="utf-8")
        ann = doc.ann_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{doc.ann_path}: cannot read ({e})") from None
    rows = []
    for att in parse_ann(ann, str(doc.ann_path), len(text)):
        cue = _join(text, att.cue)
        rows.append({
            "type": "attribution", "article": doc.article, "id": att.id,
            "source": _join(text, att.source) or None, "cue": cue, "content": _join(text, att.content),
            "spans": {"content": att.content, "cue": att.cue, "source": att.source},
            "act": cue_act(cue), "direct": is_quotation(text, att.content),
            "constructions": constructions(text, att),
        })
    return rows


def load_gold(path: Path) -> tuple[list[dict], list[Document]]:
    docs = find_documents(path)
    rows: list[dict] = []
    for d in docs:
        rows += gold_rows(d)
    return rows, docs


def iter_texts(docs: list[Document]) -> Iterator[Path]:
    for d in docs:
        yield d.text_path
