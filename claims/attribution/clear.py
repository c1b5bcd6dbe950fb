"""'Made clear that ...': a verb with a clarity adjective as its predicate (``clear_verbs`` in claims/data/cues.yml:
"made clear that the levy had failed", "has made it plain that she will run", "made it clear to the council that
...") reports its subject's statement; the clause after the adjective is the content. Only a clause: "made clear
her opposition" or "made it clear" with nothing after is no attribution here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import CLEAR_VERBS
from .candidate import Cand
from .content import cue_participle_after
from .syntax import can_speak, mention_tokens, subject_of
from .text import _tok_end, _tok_in_quote, _tok_start

if TYPE_CHECKING:
    from .finder import Finder


def clear_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    for t in sent:
        v = t.head
        if t.pos_ != "ADJ" or v.i >= t.i or v.pos_ not in ("VERB", "AUX") or _tok_in_quote(t) or \
                t.lower_ not in CLEAR_VERBS.get(v.lemma_.lower(), ()):
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or \
                v.tag_ == "VB" and any(c.dep_ == "aux" and (c.tag_ in ("TO", "MD")) for c in v.children):
            continue  # 'as was made clear', 'urged her to make clear', 'must make clear': no one said it yet
        clause = clear_clause(t, v)
        if clause is None:
            continue
        subj = subject_of(v)
        if subj is None or _tok_in_quote(subj) or not can_speak(subj, v):
            continue
        add_said(f, doc, si, subj, v, t, v.lemma_.lower(), clause[0], clause[-1], "verb:made_clear")



def add_said(f: "Finder", doc: Doc, si: int, subj: Token, cue_from: Token, cue_to: Token, lemma: str, first: Token,
             last: Token, rule: str) -> None:
    """The subject's claim of the content from ``first`` to ``last`` (as the finder bounds it; none where it bounds
    none), its cue the words from ``cue_from`` to ``cue_to``, negated when ``cue_from`` is."""
    span = f.content_span(_tok_start(first), _tok_end(last))
    if span is None:
        return
    s, e, kind = span
    src = mention_tokens(subj)
    cue_s = _tok_start(cue_from)
    f.add(Cand(doc, si, s, e, kind, rule, cue=f.text[cue_s:_tok_end(cue_to)], cue_start=cue_s, cue_lemma=lemma,
               source_tokens=doc[src[0].i: src[-1].i + 1], negated=any(c.dep_ == "neg" for c in cue_from.children)))

def clear_clause(t: Token, v: Token) -> Optional[list[Token]]:
    """The clause after the adjective, hung on it or on the verb: with 'that' (without it), or starting at most
    a few words after the adjective ('made clear Monday they would', 'made it clear to the board that')."""
    for c in sorted((c for c in (*t.children, *v.children) if c.i > t.i), key=lambda c: c.i):
        if c.pos_ not in ("VERB", "AUX") or c.dep_ not in ("ccomp", "advcl", "csubj"):
            continue
        sub = list(c.subtree)
        cut = next((x.i for x in sub if x.i > c.i and cue_participle_after(x)), None)
        if cut is not None:  # (', touting the plan': the source's next act, not more of what was said)
            sub = [x for x in sub if x.i < cut]
            while len(sub) > 1 and sub[-1].is_punct:
                sub.pop()
        first = sub[0]
        if first.lower_ == "that" and first.dep_ == "mark":
            return sub[1:] if len(sub) > 2 else None
        if first.tag_ in ("TO", "WRB", "WDT", "WP") or first.dep_ == "mark" or first.i > t.i + 4 or \
                any(x.is_punct for x in t.doc[t.i + 1: first.i]):
            # (not 'made clear when ...', nor 'made this clear: ...', a colon's sentence the writer's own)
            return None
        return sub
    return None
