"""Block quotations: a paragraph that ends with its speaker's cue and a colon introduces the paragraph
after it, set off without quote marks.

    The analyst Jane Hewitt writes:

    The movie mentions neither the president nor the secretary by name ...

The block is the speaker's words (a direct claim). A block that opens with a quote mark is left to the
quotation rules (quotations.py), which read 'said:' followed by a quotation.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .candidate import Cand
from .cues import is_cue_verb
from .syntax import mention_tokens, subject_of
from .text import _tok_end, _tok_in_quote, _tok_start, doc_text, mark_width, trim_span

if TYPE_CHECKING:
    from .finder import Finder

FINITE = ("VBD", "VBZ", "VBP", "MD")
RE_LIST_ITEM = re.compile(r"[A-Za-z0-9]{1,2}[.)]\s")
RE_BLOCK_OPENING = re.compile(r"(?:…|\.\.\.)?[^\W\d_]")  # a letter, or an ellipsis right before it ('…at least four')


def block_quotes(f: "Finder") -> None:
    docs = [d for d in f.docs if doc_text(d).strip()]
    for doc, nxt in zip(docs, docs[1:]):
        if not doc._.parsed or doc._.role not in ("body", "bullet") or nxt._.role not in ("body", "bullet") \
                or not doc_text(doc).rstrip().endswith(":") or nxt._.paragraph == doc._.paragraph:
            continue
        sent = list(doc.sents)[-1]
        cue = next((v for v in sent if is_cue_verb(v) and not _tok_in_quote(v) and subject_of(v) is not None), None)
        if cue is None or any(t.tag_ in FINITE for t in sent if t.i > cue.i):
            continue  # the colon must close the attribution clause ('X writes:', 'X points out these figures:')
        s, e = trim_span(f.text, nxt._.offset, nxt._.offset + len(doc_text(nxt)))
        if e - s < 2 or mark_width(f.text, s) or not RE_BLOCK_OPENING.match(f.text, s) or RE_LIST_ITEM.match(f.text, s):
            continue  # a quotation, markup, or the first item of a list ('1. The first item ...')
        if not any(c.dep_ in ("dobj", "obj") for c in cue.children):
            e = block_end(f, docs, nxt, e)  # ('tweeted the transcript:', 'posted this video:' introduce an embed)
        subj = subject_of(cue)
        src = mention_tokens(subj)
        cue_end = max([cue] + [t for t in sent if t.head.i == cue.i and t.dep_ == "prt"], key=lambda t: t.i)
        si = f.sent_of[bisect_right(f.sent_starts, _tok_start(sent[0])) - 1][2]
        c = Cand(doc, si, s, e, "direct", "block:colon", cue=f.text[_tok_start(cue):_tok_end(cue_end)],
                 cue_start=_tok_start(cue), cue_lemma=cue.lemma_.lower(), source_tokens=doc[src[0].i: src[-1].i + 1])
        c.reach_paragraph = nxt._.paragraph
        c.notes.append("block quotation after a colon")
        f.add(c)


def block_end(f: "Finder", docs: list, first, end: int) -> int:
    """Where a block quotation that starts with the paragraph first ends: with the lines set right under it (a
    single line break between them, no blank line), which are the same block, when a blank line sets the block off
    from the line that introduces it; not a line that opens with a quote mark or a list item. Only after a cue with no object of its own: what 'tweeted the transcript:' or 'posted this
    video:' introduces is an embedded item, and the lines under it are the reporter's again."""
    k = next(i for i, d in enumerate(docs) if d is first)
    intro = docs[k - 1]
    if k == 0 or f.text.count("\n", intro._.offset + len(doc_text(intro)), first._.offset) < 2:
        return end  # (paragraphs set apart by single line breaks: no way to tell the block's lines from the next)
    for d in docs[k + 1:]:
        s, e = trim_span(f.text, d._.offset, d._.offset + len(doc_text(d)))
        if d._.role not in ("body", "bullet") or f.text.count("\n", end, s) != 1 or e - s < 2 or \
                mark_width(f.text, s) or RE_LIST_ITEM.match(f.text, s):
            break
        end = e
    return end
