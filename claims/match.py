"""The same claim in two articles: a score for short texts, and the pairs it is measured on.

``score(a, b)`` (0-100) compares two claims' contents as fact-checkers need: the same wire copy lightly
edited, or the same claim in other words, scores high; a different claim that shares most of the words
(another number, a negation, another place or person) scores low. What it weighs:

* **Rare words, numbers and names, IDF-weighted** (``Weights``: document frequency over the claims
  compared). Words are lower-cased, stemmed (Snowball, English) and stripped of function words
  (``claims/data/match_words.yml``); numbers are normalised ('82,000', '12%', 'thirty'); names are the
  capitalised words inside a sentence, and count more. The overlap is a weighted Dice coefficient: a
  short text inside a long one shares all its words but covers little of the long one's weight, so a
  subset does not score 100 (unlike a token-set ratio).
* **Word order**: rapidfuzz's ``token_sort_ratio`` of the stemmed words, also length-aware.
* **Contradictions**: a number on each side that the other lacks, or opposite words ('raise' / 'cut',
  'arrested' / 'released': ``contrasts`` in the word file) cap the score at ``CONTRADICTED``, and so does
  a negation on one side only when the rest is nearly the same words (weighted overlap >= ``NEGATION_DICE``;
  below it, it takes points off, as a name on each side that the other lacks does).
* **The source**: the same resolved entity on both sides adds points, two different entities take some.
* **Never matched**: refusals (kind ``declined`` or stance ``refusal``, which claim nothing) and contents
  of fewer than ``MIN_WORDS`` content words.

``THRESHOLD`` is the default score for 'the same claim'; ``tests/fixtures/pairs/same_claim.jsonl`` holds the
labelled pairs it is measured on (``python scripts/make_pairs.py --measure``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml
from rapidfuzz import fuzz

THRESHOLD = 55.0
MIN_WORDS = 4          # content words (after function words are dropped) a claim needs to be matched at all
W_DICE, W_ORDER = 0.75, 0.25
NAME_BOOST, NUMBER_BOOST = 1.5, 1.5
PENALTY = {"negation": 25.0, "names": 20.0, "entity": 20.0}
NEGATION_DICE = 0.6     # overlap above which a negation on one side only contradicts
CONTRADICTED = 40.0    # the most a contradicted pair can score: other numbers, opposite words
ENTITY_BONUS = 10.0
WORDS = Path(__file__).resolve().parent / "data" / "match_words.yml"
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|%|[^\W\d_]+(?:'[^\W\d_]+)*")


@lru_cache(maxsize=1)
def _words() -> dict:
    data = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    data["stop"], data["negation"] = set(data["stop"]), set(data["negation"])
    stem = _stemmer().stemWord
    data["opposites"] = {}
    for one, other in data["contrasts"]:
        for x in one:
            data["opposites"].setdefault(stem(x), set()).update(stem(y) for y in other)
        for y in other:
            data["opposites"].setdefault(stem(y), set()).update(stem(x) for x in one)
    return data


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word (cached: news repeats its words)."""
    return _stemmer().stemWord(word)


@dataclass
class Text:
    """What the score reads of one claim."""

    words: tuple[str, ...]                 # content words, stemmed, in order
    numbers: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    negated: bool = False
    matchable: bool = True
    entity: Optional[str] = None


def _number(tok: str, numbers: Optional[dict] = None) -> Optional[str]:
    if tok[0].isdigit():
        n = tok.replace(",", "")
        return n[:-2] if n.endswith(".0") else n
    v = (_words()["numbers"] if numbers is None else numbers).get(tok)
    return None if v is None else str(v)


def read(content: str, *, kind: Optional[str] = None, stance: Optional[str] = None,
         entity: Optional[str] = None) -> Text:
    """A claim's content as the score sees it."""
    w = _words()
    raw = _TOKEN.findall((content or "").replace("’", "'").replace("‘", "'"))
    words, numbers, names, negated = [], set(), set(), False
    negation, abbreviations, number_words, stop = w["negation"], w["abbreviations"], w["numbers"], w["stop"]
    for i, tok in enumerate(raw):
        low = tok.lower()
        if low.endswith("n't") or low in negation:
            negated = True
        low = abbreviations.get(low, low)
        num = _number(low, number_words)
        if num is not None:
            numbers.add(num)
            words.append(num)
            continue
        if low in stop:
            continue
        st = stem(low.split("'")[0])
        words.append(st)
        if tok[0].isupper() and i > 0:
            names.add(st)
    refusal = kind == "declined" or stance == "refusal"
    return Text(tuple(words), frozenset(numbers), frozenset(names), negated,
                matchable=not refusal and len(words) >= MIN_WORDS, entity=entity)


@dataclass
class Weights:
    """Inverse document frequency of words over a collection of claims (each claim counted once a word)."""

    df: Counter = field(default_factory=Counter)
    n: int = 0
    _idf: dict = field(default_factory=dict, repr=False, compare=False)  # word -> idf, until the next add

    @classmethod
    def of(cls, texts: Iterable[Text]) -> "Weights":
        w = cls()
        for t in texts:
            w.add(t)
        return w

    def add(self, t: Text) -> None:
        """Count one more claim."""
        self.df.update(set(t.words))
        self.n += 1
        self._idf.clear()

    def idf(self, word: str) -> float:
        v = self._idf.get(word)
        if v is None:
            v = self._idf[word] = math.log(1 + (self.n + 1) / (self.df.get(word, 0) + 1))
        return v

    def weight(self, t: Text, word: str) -> float:
        boost = NUMBER_BOOST if word in t.numbers else NAME_BOOST if word in t.names else 1.0
        return self.idf(word) * boost

    def total(self, t: Text) -> float:
        """The weight of all of t's words (each once)."""
        return sum(self.weight(t, x) for x in set(t.words))


def contradicts(a: Text, b: Text, sa: set, sb: set) -> bool:
    """A number on each side that the other lacks ('12 jobs' / '21 jobs'; '5 p.m.' / 'between 12 and 5' is
    no contradiction), or a word of one side whose opposite (claims/data/match_words.yml: contrasts) stands
    on the other while it is not on the first."""
    if (a.numbers - b.numbers) and (b.numbers - a.numbers):
        return True
    opposites = _words()["opposites"]
    return any(opposites.get(x, set()) & sb for x in sa - sb) or any(opposites.get(x, set()) & sa for x in sb - sa)


def score(a: Text, b: Text, weights: Weights, totals: Optional[tuple[float, float]] = None) -> float:
    """0-100: how surely a and b are the same claim (0 for refusals and very short contents).

    ``totals``: ``weights.total`` of a and of b, when the caller scores each text against many."""
    if not (a.matchable and b.matchable):
        return 0.0
    sa, sb = set(a.words), set(b.words)
    wa, wb = totals if totals is not None else (weights.total(a), weights.total(b))
    shared = sum((weights.weight(a, x) + weights.weight(b, x)) / 2 for x in sa & sb)
    dice = 2 * shared / (wa + wb) if wa + wb else 0.0
    order = fuzz.token_sort_ratio(" ".join(a.words), " ".join(b.words)) / 100
    s = 100 * (W_DICE * dice + W_ORDER * order)
    if contradicts(a, b, sa, sb):
        s = min(s, CONTRADICTED)
    if a.negated != b.negated:  # decisive when the rest is (nearly) the same words, else a penalty
        s = min(s, CONTRADICTED) if dice >= NEGATION_DICE else s - PENALTY["negation"]
    if (a.names - sb) and (b.names - sa):
        s -= PENALTY["names"]
    if a.entity and b.entity:
        s += ENTITY_BONUS if a.entity == b.entity else -PENALTY["entity"]
    return round(max(0.0, min(100.0, s)), 1)


# ---------------------------------------------------------------- measured on labelled pairs


@dataclass
class Measure:
    threshold: float
    pairs: int
    positives: int
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.positives if self.positives else 1.0


def _side(p: dict, key: str) -> Text:
    s = p[key]
    return read(s["text"], kind=s.get("kind"), stance=s.get("stance"), entity=s.get("entity"))


def pair_scores(pairs: list[dict]) -> list[float]:
    """The score of every labelled pair, word weights taken over every distinct text of the pairs."""
    texts = {}
    for p in pairs:
        for key in ("a", "b"):
            texts.setdefault(p[key]["text"], _side(p, key))
    weights = Weights.of(texts.values())
    return [score(_side(p, "a"), _side(p, "b"), weights) for p in pairs]


def measure(pairs: list[dict], threshold: float = THRESHOLD, scores: Optional[list[float]] = None) -> Measure:
    scores = pair_scores(pairs) if scores is None else scores
    tp = sum(1 for p, s in zip(pairs, scores) if p["same"] and s >= threshold)
    fp = sum(1 for p, s in zip(pairs, scores) if not p["same"] and s >= threshold)
    pos = sum(1 for p in pairs if p["same"])
    return Measure(threshold, len(pairs), pos, tp, fp, pos - tp)
