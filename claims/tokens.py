"""Words of an article with their offsets, for the parts of it that were never parsed.

A word keeps its full stop when it is an abbreviation ('Sen.', 'Mr.', 'U.S.', an initial 'J.');
a possessive ('Trump's', 'Sanders'') is one word with ``poss`` set. Punctuation marks are words
of their own.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Optional

from .lexicon import ABBREVIATIONS

# a full stop inside a word only between initials ('U.S.', 'A.F.L.'), never 'Vienna.State' (two sentences glued)
WORD = re.compile(r"[^\W\d_](?:[\w’'\-]|\.(?=[^\W\d_]\.))*\.?|\d[\d,.]*\d|\d|[^\w\s]")
SENTENCE_END = {".", "!", "?", "“", '"', "‘", ":", "—"}
OPENING_QUOTES = ("“", '"', "‘")


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
    forms: dict[str, tuple] = {}  # word as written -> what a Tok keeps of it (an article repeats its words)
    prev: Optional[Tok] = None
    for m in WORD.finditer(text):
        s, e = m.span()
        w = text[s:e]
        if w[-1] == "." and len(w) > 1 and w[0].isalpha():
            bare = w[:-1]
            if not (len(bare) == 1 or "." in bare or bare.lower() in ABBREVIATIONS):
                prev = _add(out, forms, text, s, e - 1, bare, prev)
                prev = _add(out, forms, text, e - 1, e, ".", prev)
                continue
        form = forms.get(w) or forms.setdefault(w, _form(w))
        first = prev is None or prev.text in SENTENCE_END or (prev.end != s and "\n" in text[prev.end:s]) or \
            (prev.text in OPENING_QUOTES and _quote_starts_sentence(out, text))
        prev = Tok(s, e, form[0], form[1], form[2], form[3], first, form[4])
        out.append(prev)
    return out


def _add(out: list[Tok], forms: dict[str, tuple], text: str, s: int, e: int, w: str, prev: Optional[Tok]) -> Tok:
    form = forms.get(w) or forms.setdefault(w, _form(w))
    first = prev is None or prev.text in SENTENCE_END or "\n" in text[prev.end:s] or \
        (prev.text in OPENING_QUOTES and _quote_starts_sentence(out, text))
    out.append(Tok(s, e, form[0], form[1], form[2], form[3], first, form[4]))
    return out[-1]


def _quote_starts_sentence(out: list[Tok], text: str) -> bool:
    """Does the quote mark that ``out`` ends with open a sentence (the first word, or one after a sentence end)?"""
    prev = out[-1]
    return len(out) < 2 or out[-2].text in SENTENCE_END or "\n" in text[out[-2].end:prev.start]


def _form(w: str) -> tuple[str, str, bool, bool, bool]:
    """What a token keeps of a word as written: the word, its lower-case form without a possessive ending or a
    full stop, whether it is capitalised, possessive, a word."""
    is_word = w[0].isalnum()
    low = w.lower()
    poss = False
    for end in ("'s", "’s"):
        if low.endswith(end) and len(low) > 2:
            low, poss = low[:-2], True
    if not poss and low.endswith(("s'", "s’")) and len(low) > 2:
        low, poss = low[:-1], True
    # (words repeat: one string per distinct word keeps a long article's tokens small)
    return sys.intern(w), sys.intern(low.rstrip(".")), is_word and w[0].isupper(), poss, is_word

