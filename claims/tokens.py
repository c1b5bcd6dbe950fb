"""Words of an article with their offsets, for the parts of it that were never parsed.

A word keeps its full stop when it is an abbreviation ('Sen.', 'Mr.', 'U.S.', an initial 'J.');
a possessive ('Trump's', 'Sanders'') is one word with ``poss`` set. Punctuation marks are words
of their own.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS

# a full stop inside a word only between initials ('U.S.', 'A.F.L.'), never 'Vienna.State' (two sentences glued)
WORD = re.compile(r"[^\W\d_](?:[\w’'\-]|\.(?=[^\W\d_]\.))*\.?|\d[\d,.]*\d|\d|[^\w\s]")
SENTENCE_END = {".", "!", "?", "“", '"', "‘", ":", "—"}


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str        # as written (an abbreviation with its full stop)
    word: str        # lower case, without a possessive ending or a full stop
    cap: bool        # a capitalised word
    poss: bool       # ends in 's or ’s (or a bare apostrophe after s)
    first_in_sent: bool
    is_word: bool


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    for m in WORD.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        if len(w) > 1 and w.endswith(".") and w[0].isalpha():
            bare = w[:-1]
            if not (len(bare) == 1 or "." in bare or bare.lower() in ABBREVIATIONS):
                _add(out, text, s, e - 1, bare)
                _add(out, text, e - 1, e, ".")
                continue
        _add(out, text, s, e, w)
    return out


def _add(out: list[Tok], text: str, s: int, e: int, w: str) -> None:
    is_word = w[0].isalnum()
    low = w.lower()
    poss = False
    for end in ("'s", "’s"):
        if low.endswith(end) and len(low) > 2:
            low, poss = low[:-2], True
    if not poss and low.endswith(("s'", "s’")) and len(low) > 2:
        low, poss = low[:-1], True
    prev = out[-1] if out else None
    first = prev is None or "\n" in text[prev.end:s] or prev.text in SENTENCE_END or \
        (prev.text in ("“", '"', "‘") and (len(out) < 2 or out[-2].text in SENTENCE_END or "\n" in text[out[-2].end:prev.start]))
    # (words repeat: one string per distinct word keeps a long article's tokens small)
    out.append(Tok(s, e, sys.intern(w), sys.intern(low.rstrip(".")), is_word and w[0].isupper(), poss, first, is_word))
