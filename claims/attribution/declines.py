"""Refusals: "declined to comment", "refused to say", "did not respond", "could not be reached" are claims about the source, with what was declined as content."""
from __future__ import annotations

from typing import TYPE_CHECKING
from spacy.tokens import Doc, Span, Token

from ..lexicon import DECLINE_ANONYMITY
from .candidate import Cand
from .content import summing_apposition
from .syntax import mention_tokens, subject_of
from .text import QUOTE_TOKENS, _tok_end, _tok_start, trim_span


if TYPE_CHECKING:
    from .finder import Finder


def decline(f: "Finder", doc: Doc, sent: Span, si: int, v: Token) -> None:
    x = next((c for c in v.children if c.dep_ == "xcomp"), None)
    if x is None:
        return
    if x.lemma_.lower() in DECLINE_ANONYMITY and any(c.dep_ == "auxpass" for c in x.children):
        return  # "declined to be identified": why the source is anonymous, not a refusal to comment
    subj = subject_of(v)
    src = mention_tokens(subj) if subj is not None else None
    cue_toks = [v] + [c for c in x.children if c.dep_ == "aux" and c.lower_ == "to"] + [x]
    cue_s, cue_e = _tok_start(min(cue_toks, key=lambda t: t.i)), _tok_end(max(cue_toks, key=lambda t: t.i))
    late = {t.i for c in x.children if c.i > x.i and c.dep_ == "advcl" and doc[c.left_edge.i - 1].text == ","
            for t in c.subtree}  # ('declined to name the buyers, saying only that ...': the source's next act)
    rest = [t for t in x.subtree if t.i > x.i and t.i not in late]
    summing = next((t for t in rest if summing_apposition(t)), None)
    if summing is not None:  # ('refused to say the word "levy," another sign of the rift': the reporter's comment)
        rest = [t for t in rest if t.i < summing.i]
    while rest and rest[-1].is_punct and not (summing is not None and rest[-1].text in QUOTE_TOKENS):
        rest = rest[:-1]  # (a closing quote mark before the comment stays)
    if rest:
        s, e = _tok_start(rest[0]), _tok_end(rest[-1])
    else:  # nothing after the infinitive ('declined to comment.'): what was declined is the infinitive itself
        cue_e = _tok_end(v)
        s, e = _tok_start(min(cue_toks[1:], key=lambda t: t.i)), _tok_end(x)
    s, e = trim_span(f.text, s, e)
    src_span = doc[src[0].i: src[-1].i + 1] if src else None
    f.add(Cand(doc, si, s, max(s, e), "declined", "decline", cue=f.text[cue_s:cue_e], cue_start=cue_s,
                  cue_lemma=v.lemma_.lower(), source_tokens=src_span, negated=True))


def no_response(f: "Finder", doc: Doc, sent: Span, si: int, v: Token) -> None:
    subj = subject_of(v)
    if subj is None:
        return
    src = mention_tokens(subj)
    toks = [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < v.i] + [v]
    cue_s, cue_e = _tok_start(min(toks, key=lambda t: t.i)), _tok_end(v)
    # (what went unanswered, not the reporter's clause after it: '..., though she did speak at the fair', '..., preferring to ...')
    rest = [t for c in v.children if c.i > v.i and c.dep_ not in ("punct", "cc", "conj") and
            not (c.dep_ == "advcl" and doc[c.left_edge.i - 1].text == ",") for t in c.subtree]
    s, e = (_tok_start(min(rest, key=lambda t: t.i)), _tok_end(max(rest, key=lambda t: t.i))) if rest else (cue_e, cue_e)
    s, e = trim_span(f.text, s, e)
    f.add(Cand(doc, si, s, max(s, e), "declined", "no_response", cue=f.text[cue_s:cue_e], cue_start=cue_s,
                  cue_lemma=v.lemma_.lower(), source_tokens=doc[src[0].i: src[-1].i + 1], negated=True))
