"""The learned cue gate: a verb of the cue lexicon that no rule made a claim of, with one of its own
dependents as the content, kept when a logistic model says it is an attribution.

The rules decide most cues by construction; what they leave is a long tail of verbs whose frame or
subject they do not trust ('spoke at length about the levy', 'pointed to the county's records',
'she could ask about it'). For each such verb the gate offers every dependent that could be its
content (its object, its clausal complement, its infinitive, the object of each of its
prepositions), describes each option with features of the parse (the verb's lemma and act, its
tag and relation, the kind of subject, the option's relation, head and length), and keeps the
best-scoring option when the model's probability passes its threshold. A verb that stands inside
another claim's content, inside a quotation, or in a rule claim's cue is never offered.

The weights live in ``claims/data/cue_gate.json``, pinned by its sha256 below; they are trained on
annotated news by ``scripts/train_cue_gate.py`` (the training split only), which also writes the
held-out-fold figures. Setting ``CLAIMS_CUE_GATE=off`` (or to another weights file) changes the gate
for a run; the training script uses it to compare the rules with and without the gate.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from spacy.tokens import Token

from ..errors import ClaimsError
from ..lexicon import ACT, DATA, VERBS
from .candidate import Cand
from .cues import is_cue_verb
from .syntax import can_speak, collection_member, documentary, subject_of
from .text import _tok_end, _tok_in_quote, _tok_start
from .verbs import cue_text, is_negated, source_tokens

if TYPE_CHECKING:
    from .finder import Finder

GATE_FILE = DATA / "cue_gate.json"
GATE_SHA256 = "81b070be36f3ecc94b455c940ca5f1cfe647d7962692d322df6f09b63bff3729"
GATE_ENV = "CLAIMS_CUE_GATE"

# the dependents of a verb that can hold what it reports
CONTENT_DEPS = ("dobj", "ccomp", "xcomp", "advcl", "dative")


class GateError(ClaimsError):
    """The gate's weights file is missing, malformed, or not the pinned one."""


@dataclass
class Option:
    """One dependent of a cue verb offered as its content."""

    v: Token
    choice: str  # the relation: 'dobj', 'ccomp', ..., or 'prep:about'
    head: Token  # the content's head token
    prep: Optional[Token]
    start: int  # content tokens [start, end) in the Doc
    end: int
    si: int  # the sentence's index in the article
    features: list[str]


@dataclass(frozen=True)
class Gate:
    weights: dict[str, float]
    bias: float
    threshold: float
    acts: tuple[str, ...]  # the acts of the verbs it is offered

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(x, 0.0) for x in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def read_gate(path: Path, sha256: Optional[str] = None) -> Gate:
    """A gate from its weights file; with ``sha256``, the file must be that one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GateError(f"{path}: cannot read the cue gate's weights ({exc.strerror})") from exc
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise GateError(f"{path}: not the pinned cue gate weights (sha256 differs from learned.GATE_SHA256)")
    try:
        raw = json.loads(data)
        return Gate({str(k): float(v) for k, v in raw["weights"].items()}, float(raw["bias"]), float(raw["threshold"]),
                    tuple(str(a) for a in raw["acts"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GateError(f"{path}: not a cue gate weights file ({exc})") from exc


@lru_cache(maxsize=4)
def _gate_for(setting: str) -> Optional[Gate]:
    if setting == "off":
        return None
    if setting:
        return read_gate(Path(setting))
    return read_gate(GATE_FILE, GATE_SHA256)


def current_gate() -> Optional[Gate]:
    """The pinned gate, or what ``CLAIMS_CUE_GATE`` names ('off' for none)."""
    return _gate_for(os.environ.get(GATE_ENV, ""))


def _length_bucket(n: int) -> str:
    for cap in (1, 2, 5, 10, 20, 40):
        if n <= cap:
            return str(cap)
    return "more"


def source_of(v: Token) -> Optional[Token]:
    """The verb's source noun as the rules find it; failing that, the subject of the verb it is coordinated with or
    is the infinitive of ('denounced the remarks and said ...', 'wants to discuss ...'), up to three steps up."""
    subj = subject_of(v)
    h, hops = v, 0
    while subj is None and h.dep_ in ("conj", "xcomp") and hops < 3:
        h, hops = h.head, hops + 1
        subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj


def things_collected(subj: Token) -> bool:
    """'A pair of old bridges suggests ...': a collection of things that cannot speak is no source."""
    member = collection_member(subj)
    return member is not None and not can_speak(member)


def _subject_kind(v: Token) -> tuple[str, Optional[Token]]:
    subj = source_of(v)
    if subj is None:
        return "none", None
    if subj.pos_ == "PRON":
        return "pron:" + subj.lower_, subj
    if subj.pos_ == "PROPN":
        return "propn", subj
    if documentary(subj):
        return "document", subj
    if can_speak(subj):
        return "speaker", subj
    return "other", subj


def _verb_features(v: Token, lem: str) -> list[str]:
    head_dep = v.head.dep_ if v.head.i != v.i else "ROOT"
    out = [f"lem={lem}", f"act={ACT.get(lem)}", f"tag={v.tag_}", f"dep={v.dep_}", f"hdep={head_dep}",
           f"frames={'+'.join(sorted(VERBS[lem].frames))}"]
    if v.dep_ in ("xcomp", "conj", "pcomp", "advcl"):  # the verb it depends on: a cue's lemma, or only its part of speech
        head = v.head.lemma_.lower()
        out.append(f"hlem={head if head in VERBS else v.head.pos_}")
    if is_negated(v):
        out.append("neg")
    for c in v.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            out.append("modal")
        elif c.dep_ == "aux" and c.lower_ == "to":
            out.append("infinitive")
        elif c.dep_ == "auxpass":
            out.append("passive")
    if v.i == v.sent.start:
        out.append("opens")
    return out


def _span_of(t: Token) -> tuple[int, int]:
    lo, hi = t.left_edge.i, t.right_edge.i + 1
    doc = t.doc
    while hi > lo + 1 and doc[hi - 1].is_punct and doc[hi - 1].text not in "”’\"'":
        hi -= 1
    return lo, hi


def _raw_options(v: Token) -> Iterator[tuple[str, Token, Optional[Token]]]:
    for c in v.children:
        if c.i < v.i:
            continue
        if c.dep_ in CONTENT_DEPS:
            yield c.dep_, c, None
        elif c.dep_ == "prep":
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp"):
                    yield f"prep:{c.lower_}", o, c


def options(v: Token, si: int = 0) -> list[Option]:
    """The dependents of verb v that could be its content, each with its features; none when no source for
    the verb can be found (a claim nobody makes answers no fact-checker's first question)."""
    lem = v.lemma_.lower()
    if lem not in VERBS:
        return []
    subj, subj_tok = _subject_kind(v)
    if subj_tok is None or things_collected(subj_tok) or any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
        return []  # (an as-clause is the rules' to read: a source's or a time)
    base = _verb_features(v, lem)
    base += [f"subj={subj.split(':')[0]}", f"subjw={subj}"]
    if subj_tok is not None and subj_tok.i > v.i:
        base.append("inverted")
    out = []
    for choice, head, prep in _raw_options(v):
        if choice == "dobj" and head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "DET", "X", "INTJ"):
            continue  # 'said so much more than that': an object that is no noun measures the saying
        lo, hi = _span_of(head)
        if head.dep_ in ("ccomp", "advcl") and head.left_edge.i < v.i:
            continue
        first = v.doc[lo]
        n = hi - lo
        feats = base + [f"ch={choice}", f"lem|ch={lem}|{choice}", f"dep|ch={v.dep_}|{choice}",
                        f"subj|ch={subj.split(':')[0]}|{choice}", f"len={_length_bucket(n)}", f"chtag={head.tag_}",
                        f"first={first.lower_ if first.is_stop else first.tag_}", f"gap={min(3, lo - v.i - 1)}"]
        if any(t.dep_ in ("ccomp", "relcl", "acl", "advcl") and t.pos_ in ("VERB", "AUX") for t in v.doc[lo:hi]):
            feats.append("clause_inside")
        if any(_tok_in_quote(t) for t in v.doc[lo:hi]):
            feats.append("quoted")
        feats += [f"lem|subj={lem}|{subj.split(':')[0]}", f"lem|dep={lem}|{v.dep_}", f"lem|len={lem}|{_length_bucket(n)}"]
        if head.pos_ in ("NOUN", "PROPN", "PRON") and can_speak(head):
            feats.append("content_speaks")
        out.append(Option(v, choice, head, prep, lo, hi, si, feats))
    return out


def offered(f: "Finder", acts: Optional[tuple[str, ...]] = None) -> list[Option]:
    """Every option of every lexicon verb (of these acts) that no claim holds: not a rule claim's cue, not inside
    a claim's content, not inside a quotation; an option whose content would take in a rule claim's cue or
    overlap its content is not offered either (it would bury a claim the rules found)."""
    taken: list[tuple[int, int]] = []
    cue_at: set[int] = set()
    for c in f.cands:
        if c.kind == "reporter":
            continue
        taken.append((c.start, c.end))
        if c.cue_start is not None:
            taken.append((c.cue_start, c.cue_start + max(1, len(c.cue or ""))))
            cue_at.update(range(c.cue_start, c.cue_start + max(1, len(c.cue or ""))))
    taken.sort()
    out: list[Option] = []
    for doc, sent, si in f.sent_of:
        if not doc._.parsed:
            continue
        for v in sent:
            lem = v.lemma_.lower()
            if v.pos_ != "VERB" or (acts is not None and ACT.get(lem) not in acts) or not is_cue_verb(v) or \
                    _tok_in_quote(v) or speech_to_come(v):
                continue
            at = _tok_start(v)
            if at in cue_at or any(s <= at < e for s, e in taken):
                continue
            for o in options(v, si):
                lo, hi = _tok_start(doc[o.start]), _tok_end(doc[o.end - 1])
                if not any(s < hi and lo < e for s, e in taken):
                    out.append(o)
    return out


def speech_to_come(v: Token) -> bool:
    """An infinitive of purpose: 'met on Monday to discuss the levy', 'a hearing to review the plan'. What is
    still to be said is no claim (an infinitive under a verb of the lexicon, 'declined to discuss', 'wants to
    talk about', is left to the rules and the model)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and \
        v.dep_ in ("advcl", "xcomp", "acl", "relcl") and v.head.lemma_.lower() not in VERBS


def learned_cues(f: "Finder") -> None:
    """The gate's claims: for each verb offered, its best option when the model passes it. The options
    offered stay on the Finder (``f.gate_options``) for training."""
    gate = current_gate()
    opts = offered(f, gate.acts if gate is not None else None)
    f.gate_options = opts
    if gate is None:
        return
    best: dict[tuple[int, int], tuple[float, Option]] = {}
    for o in opts:
        p = gate.probability(o.features)
        key = (id(o.v.doc), o.v.i)
        if p >= gate.threshold and (key not in best or p > best[key][0]):
            best[key] = (p, o)
    for _p, o in sorted(best.values(), key=lambda x: x[1].v.idx):
        add_option(f, o)


def option_text(f: "Finder", o: Option) -> Optional[tuple[int, int, str]]:
    """The content span of an option in article offsets, as the rules trim it, with its kind."""
    doc = o.v.doc
    return f.content_span(_tok_start(doc[o.start]), _tok_end(doc[o.end - 1]))


def add_option(f: "Finder", o: Option) -> None:
    span = option_text(f, o)
    if span is None:
        return
    s, e, kind = span
    v = o.v
    subj = source_of(v)
    src = source_tokens(v, subj) if subj is not None else None
    cue, cue_start = cue_text(f, v, [o.prep] if o.prep is not None else [])
    source = v.doc[src[0].i: src[-1].i + 1] if src else None
    f.add(Cand(v.doc, o.si, s, e, kind, f"learned:{o.choice}", cue=cue, cue_start=cue_start,
               cue_lemma=v.lemma_.lower(), source_tokens=source, negated=is_negated(v)))
