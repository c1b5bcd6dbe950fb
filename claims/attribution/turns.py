"""Transcripts and interviews: a paragraph led by its speaker's tag and a colon is that speaker's turn.

    LOWELL: Why not debate her again before the primary?
    MORROW: We have debated many times.
    Q: How did things go for you?
    A: No one called.

A turn is the speaker's own words (a direct claim), the whole paragraph after the tag. Tags in capitals
count only in a transcript (two turns at least), and 'Q:'/'A:' only in an interview (a question and an
answer, or two answers), so that a lone 'UPDATE:' is no speaker. Names in ordinary case ('Dana Lowell:', 'Morrow:')
count when one of them speaks twice, as a section label ('Flashback:', 'Details:') does not; a name
before a quotation ('Morrow: "..."') is left to the colon rule of quotations.py.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING, Optional

from ..lexicon import HEADLINE_LABELS
from .candidate import Cand
from .text import doc_text, mark_width, trim_span

if TYPE_CHECKING:
    from .finder import Finder

CAPS_TAG = r"[A-Z][A-Z.’'\-]*[A-Z.](?:[ \t]+[A-Z][A-Z.’'\-]*[A-Z.]){0,3}"
NAME_TAG = r"[A-Z][a-z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,2}"
RE_TURN = re.compile(rf"(Q|A|{CAPS_TAG}|{NAME_TAG}):[ \t]+(\S.*?)[ \t]*")
INTERVIEW = ("Q", "A")
RE_NAME_WORD = re.compile(r"\b[A-Z][\w.’'\-]*[\w’'\-]")


def _line_start(text: str, pos: int, reach: int = 80) -> Optional[int]:
    """Where the line of pos starts, looking back at most ``reach`` characters (a tag is short)."""
    start = text.rfind("\n", max(0, pos - reach), pos) + 1
    return start if start > 0 or pos <= reach else None


def _tag_kind(tag: str) -> Optional[str]:
    if tag in INTERVIEW:
        return "interview"
    if tag.lower() in HEADLINE_LABELS or tag.split()[0].lower() in HEADLINE_LABELS:
        return None
    return "caps" if tag.isupper() else "name"


def transcript_turns(f: "Finder") -> None:
    """Add a direct claim for each speaker's turn in the article's body paragraphs."""
    turns = []
    for doc in f.docs:
        if doc._.role not in ("body", "bullet") or not doc_text(doc).strip():
            continue
        ls = _line_start(f.text, doc._.offset)
        if ls is None:
            continue
        m = RE_TURN.fullmatch(f.text, ls, doc._.offset + len(doc_text(doc).rstrip()))
        kind = _tag_kind(m.group(1)) if m else None
        if kind is not None:
            turns.append((kind, m))
    kinds = [k for k, _ in turns]
    tags = [m.group(1) for k, m in turns if k == "interview"]
    interview = "A" in tags and ("Q" in tags or tags.count("A") >= 2)  # answers (the questions' tags may be lost)
    transcript = kinds.count("caps") >= 2
    # names in ordinary case are a transcript's when one of them speaks twice ('Dana Lowell:' ...
    # 'Lowell:'), as a section label ('Flashback:', 'Details:') does not
    surnames = Counter(m.group(1).split()[-1] for k, m in turns if k == "name")
    named_transcript = any(n > 1 for n in surnames.values())
    # and the tag is a name the article uses besides its tags ('Morrow:' after 'Ray Morrow of
    # the Tribune'), as 'Flashback:' is not
    names = Counter(RE_NAME_WORD.findall(f.text)) if named_transcript else Counter()
    for kind, m in turns:
        s, e = trim_span(f.text, m.start(2), m.end(2))
        last = m.group(1).split()[-1]
        if not (kind == "interview" and interview or kind == "caps" and transcript or
                kind == "name" and named_transcript and not mark_width(f.text, s) and names[last] > surnames[last]):
            continue
        k = bisect_right(f.sent_starts, s) - 1  # the sentence the turn starts in
        if k < 0 or e - s < 2:
            continue
        doc, _, si = f.sent_of[k]
        c = Cand(doc, si, s, e, "direct", "turn:transcript", cue=":", cue_start=m.end(1),
                 source_text=m.group(1), source_start=m.start(1), source_end=m.end(1))
        if f.kind_for(s, e) == "direct":
            c.start, c.end = f.strip_quote(s, e)
        c.notes.append("speaker's turn")
        f.add(c)
