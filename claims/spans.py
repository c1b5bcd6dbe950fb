"""Sorted (start, end) spans answering overlap and containment questions by bisection.

Quote pairing, units, in-quote tests and claim nesting ask, for every position or claim, which
quotes or claims stand around it; asked of a plain list that is one pass per question, quadratic
over an article with thousands of quote marks or claims. Here each question costs log n.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Iterable


class Spans:
    """(start, end) spans, sorted, with the farthest end reached so far: which spans overlap a
    stretch or stand around a position, in log time (quote pairing and units stay linear in the
    number of quote marks, whatever their number)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = list(accumulate((b for _, b in self.spans), max))

    def covers(self, p: int) -> bool:
        """Some span has start < p < end."""
        k = bisect_left(self.starts, p)
        return k > 0 and self.reach[k - 1] > p

    def holds(self, p: int) -> bool:
        """Some span has start <= p < end."""
        k = bisect_right(self.starts, p)
        return k > 0 and self.reach[k - 1] > p

    def contains(self, a: int, b: int) -> bool:
        """Some span has start <= a and end >= b."""
        k = bisect_right(self.starts, a)
        return k > 0 and self.reach[k - 1] >= b

    def overlaps(self, a: int, b: int) -> bool:
        """Some span has start < b and end > a."""
        k = bisect_left(self.starts, b)
        return k > 0 and self.reach[k - 1] > a

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """The spans with start < b and end > a, in order."""
        k = bisect_left(self.starts, b)
        j = bisect_right(self.reach, a, 0, k)
        return [sp for sp in self.spans[j:k] if sp[1] > a]

    def add(self, a: int, b: int) -> None:
        """One more span (cheap when it starts at or after every other, as in a left-to-right pass)."""
        if self.spans and (a, b) < self.spans[-1]:
            self.__init__(self.spans + [(a, b)])
            return
        self.spans.append((a, b))
        self.starts.append(a)
        self.reach.append(max(b, self.reach[-1]) if self.reach else b)
