"""The learned cue gate: a verb of the cue lexicon that no rule made a claim of, with one of its own
dependents as the content, kept when a logistic model says it is an attribution.

The rules decide most cues by construction; what they leave is a long tail of verbs whose frame or
subject they do not trust ('has written about the levy', 'pointed to the county's records').
For each such verb the gate offers every dependent that could be its content (its object where the
lexicon's frames take one, its clausal complement, its infinitive, the object of each of its
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
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, TypeVar

from spacy.tokens import Token

from ..errors import ClaimsError
from ..lexicon import ACT, DATA, VERBS
from .candidate import Cand
from ..spans import Spans
from .cues import is_cue_verb
from .syntax import can_speak, collection_member, documentary, subject_of
from .text import QUOTE_TOKENS, _tok_end, _tok_in_quote, _tok_start, to_after_a_noun
from .verbs import cue_text, is_negated, source_tokens

if TYPE_CHECKING:
    from .finder import Finder

GATE_FILE = DATA / "cue_gate.json"
GATE_SHA256 = "9e188d9bdf27079570a0cc4385ae91d44921f6a3f7eb49b91bc6bd65edddce7a"
GATE_ENV = "CLAIMS_CUE_GATE"
T = TypeVar("T")

# the dependents of a verb that can hold what it reports (a dative is its recipient: never content)
CONTENT_DEPS = ("dobj", "ccomp", "xcomp", "advcl")
# the frames of cues.yml under which a noun object can be content (under 'clause' alone it never is)
NOUN_OBJECT_FRAMES = frozenset(("object", "np", "np_as", "np_to"))
# the parts of speech an object that is content can have ('said those words', 'said that', 'said 12')
OBJECT_POS = ("NOUN", "PROPN", "PRON", "NUM", "DET", "X", "INTJ")


class GateError(ClaimsError):
    """The gate's weights file is missing, malformed, or not the pinned one."""


@dataclass
class Option:
    """One dependent of a cue verb offered as its content. ``offered`` fills in where its claim would stand."""

    v: Token
    choice: str  # the relation: 'dobj', 'ccomp', ..., or 'prep:about'
    prep: Optional[Token]
    start: int  # content tokens [start, end) in the Doc
    end: int
    si: int  # the sentence's index in the article
    source: Token  # the verb's source noun (source_of)
    features: list[str]  # each once
    span: Optional[tuple[int, int, str]] = None  # the content in article offsets, as the rules trim it, and its kind
    cue: str = ""
    cue_start: int = 0


@dataclass(frozen=True)
class Gate:
    """A trained gate: feature weights, bias and threshold of a logistic model, the acts of the verbs it is
    offered, and the sha256 of the file it came from."""

    weights: dict[str, float]
    bias: float
    threshold: float
    acts: tuple[str, ...]
    sha256: str = ""

    def probability(self, features: list[str]) -> float:
        """The model's probability that an option with these features is an attribution and its content."""
        z = self.bias + sum(self.weights.get(x, 0.0) for x in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best_per_verb(scored: Iterable[tuple[object, float, T]], threshold: float) -> list[T]:
    """Of (verb, probability, option) triples, the most probable option of each verb that reaches the threshold."""
    best: dict[object, tuple[float, T]] = {}
    for key, p, o in scored:
        if p >= threshold and (key not in best or p > best[key][0]):
            best[key] = (p, o)
    return [o for _, o in best.values()]


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
                    tuple(str(a) for a in raw["acts"]), hashlib.sha256(data).hexdigest())
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GateError(f"{path}: not a cue gate weights file ({exc})") from exc


@lru_cache(maxsize=8)
def _gate_for(path: str, mtime_ns: int, size: int, pinned: bool) -> Gate:
    return read_gate(Path(path), GATE_SHA256 if pinned else None)  # (read again when the file changes)


def current_gate() -> Optional[Gate]:
    """The pinned gate, or what ``CLAIMS_CUE_GATE`` names: another weights file, or 'off' for none."""
    setting = os.environ.get(GATE_ENV, "")
    if setting == "off":
        return None
    path = Path(setting) if setting else GATE_FILE
    try:
        st = path.stat()
    except OSError as exc:
        raise GateError(f"{path}: cannot read the cue gate's weights ({exc.strerror})") from exc
    return _gate_for(str(path), st.st_mtime_ns, st.st_size, not setting)


def gate_identity() -> str:
    """Which gate extracts: 'off', or the sha256 of its weights file (recorded with each build run)."""
    gate = current_gate()
    return "off" if gate is None else gate.sha256


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
    """The verb's source noun and what kind it is: 'pron:he', 'propn', 'document', 'speaker' or 'other'."""
    subj = source_of(v)
    if subj is None:
        return "", None
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
    """What the verb is and how it stands: lemma, act, frames, tag, relation, its head's, negation, auxiliaries."""
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
    """The tokens of t's subtree, without punctuation at its end other than a closing quote mark."""
    lo, hi = t.left_edge.i, t.right_edge.i + 1
    doc = t.doc
    while hi > lo + 1 and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_TOKENS:
        hi -= 1
    return lo, hi


def _raw_options(v: Token) -> Iterator[tuple[str, Token, Optional[Token]]]:
    """(relation, content head, preposition) of each dependent after the verb that could be its content."""
    for c in v.children:
        if c.i < v.i:
            continue
        if c.dep_ in CONTENT_DEPS:
            yield c.dep_, c, None
        elif c.dep_ == "prep":
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp"):
                    yield f"prep:{c.lower_}", o, c


def options(v: Token, si: int) -> list[Option]:
    """The dependents of verb v (in sentence si) that could be its content, each with its features; none when
    no source for the verb can be found (a claim nobody makes answers no fact-checker's first question), when
    the source is a collection of things, or in an as-clause (the rules read those: a source's, or a time)."""
    lem = v.lemma_.lower()
    if lem not in VERBS:
        return []
    subj, subj_tok = _subject_kind(v)
    if subj_tok is None or things_collected(subj_tok) or any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
        return []
    kind = subj.split(":")[0]
    noun_object = bool(NOUN_OBJECT_FRAMES & set(VERBS[lem].frames))
    base = _verb_features(v, lem) + [f"subj={kind}", f"subjw={subj}", f"lem|subj={lem}|{kind}", f"lem|dep={lem}|{v.dep_}"]
    if subj_tok.i > v.i:
        base.append("inverted")
    out = []
    for choice, head, prep in _raw_options(v):
        if choice == "dobj" and (head.pos_ not in OBJECT_POS or not noun_object):
            continue  # 'said a prayer': the lexicon's frames say; 'said so much more than that': no noun
        lo, hi = _span_of(head)
        if lo <= v.i:
            continue  # (a subtree the parser hung around the verb)
        first = v.doc[lo]
        n = _length_bucket(hi - lo)
        feats = base + [f"ch={choice}", f"lem|ch={lem}|{choice}", f"dep|ch={v.dep_}|{choice}", f"subj|ch={kind}|{choice}",
                        f"len={n}", f"lem|len={lem}|{n}", f"chtag={head.tag_}",
                        f"first={first.lower_ if first.is_stop else first.tag_}", f"gap={min(3, lo - v.i - 1)}"]
        if any(t.dep_ in ("ccomp", "relcl", "acl", "advcl") and t.pos_ in ("VERB", "AUX") for t in v.doc[lo:hi]):
            feats.append("clause_inside")
        if any(_tok_in_quote(t) for t in v.doc[lo:hi]):
            feats.append("quoted")
        if head.pos_ in ("NOUN", "PROPN", "PRON") and can_speak(head):
            feats.append("content_speaks")
        out.append(Option(v, choice, prep, lo, hi, si, subj_tok, list(dict.fromkeys(feats))))
    return out


def offered(f: "Finder", acts: Optional[tuple[str, ...]] = None) -> list[Option]:
    """Every option of every verb the lexicon takes as a cue where it stands (of these acts) that no claim holds:
    not in a rule claim's cue or content, not inside a quotation, not an infinitive of purpose. An option whose
    content, as the rules would trim it, takes in a rule claim's cue or content, or its own verb's cue, is not
    offered either: the gate adds claims, and never buries one the rules found."""
    taken = Spans((s, e) for c in f.cands if c.kind != "reporter" for s, e in
                  [(c.start, c.end)] + ([(c.cue_start, c.cue_start + max(1, len(c.cue or "")))]
                                        if c.cue_start is not None else []))
    out: list[Option] = []
    for doc, sent, si in f.sent_of:
        if not doc._.parsed:
            continue
        for v in sent:
            if v.pos_ != "VERB" or (acts is not None and ACT.get(v.lemma_.lower()) not in acts) or \
                    not is_cue_verb(v) or _tok_in_quote(v) or speech_to_come(v):
                continue
            if taken.holds(_tok_start(v)):
                continue
            for o in options(v, si):
                o.span = f.content_span(_tok_start(doc[o.start]), _tok_end(doc[o.end - 1]))
                if o.span is None:
                    continue
                o.cue, o.cue_start = cue_text(f, v, [o.prep] if o.prep is not None else [])
                lo, hi = o.span[0], o.span[1]
                if not taken.overlaps(lo, hi) and not (o.cue_start < hi and lo < o.cue_start + len(o.cue)):
                    out.append(o)
    return out


def speech_to_come(v: Token) -> bool:
    """An infinitive of purpose, or one after an object or a noun: 'met on Monday to discuss the levy', 'a hearing
    to review the plan', 'requested anonymity to discuss the talks'. What is still to be said is no claim (an
    infinitive right under a verb of the lexicon, 'wants to talk about', is left to the rules and the model)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    if v.dep_ in ("advcl", "acl", "relcl") or to_after_a_noun(v) is not None:
        return True  # (and a noun's infinitive, whatever verb the parser hung it on: 'on condition of anonymity to
        # talk openly')
    return v.dep_ == "xcomp" and (v.head.lemma_.lower() not in VERBS or
                                  any(c.dep_ == "dobj" and c.i < v.i for c in v.head.children))


def learned_cues(f: "Finder") -> None:
    """The gate's claims: for each verb offered, its best option when the model passes it, in text order; one
    that would stand in or over a claim the gate has already made is left. With ``f.collect_options`` the
    options offered (every act's, when the gate is off) stay on the Finder for training."""
    gate = current_gate()
    if gate is None and not f.collect_options:
        return
    opts = offered(f, gate.acts if gate is not None else None)
    if f.collect_options:
        f.gate_options = opts
    if gate is None:
        return
    reach = -1  # the farthest end of a claim the gate made (taken in order of where each starts)
    chosen = best_per_verb((((id(o.v.doc), o.v.i), gate.probability(o.features), o) for o in opts), gate.threshold)
    reaches = [(min(o.span[0], o.cue_start), max(o.span[1], o.cue_start + len(o.cue)), o) for o in chosen]
    for lo, hi, o in sorted(reaches, key=lambda r: (r[0], r[1])):  # (options themselves do not order)
        if lo >= reach:
            reach = hi
            add_option(f, o)


def add_option(f: "Finder", o: Option) -> None:
    """The claim of an option: its content, the verb's cue (with the option's preposition) and its source."""
    s, e, kind = o.span
    v = o.v
    src = source_tokens(v, o.source)
    source = v.doc[src[0].i: src[-1].i + 1] if src else None
    f.add(Cand(v.doc, o.si, s, e, kind, f"learned:{o.choice}", cue=o.cue, cue_start=o.cue_start,
               cue_lemma=v.lemma_.lower(), source_tokens=source, negated=is_negated(v)))
