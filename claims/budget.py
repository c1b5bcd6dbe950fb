"""A time budget per article: reading or extracting one article may take at most so many seconds.

In a process's main thread (a plain build, and each ``--workers`` process) the budget is an
interval timer (SIGALRM) that interrupts the work wherever it is; the article is then refused with
``ArticleTimeout`` and the batch goes on. Elsewhere (threads, such as Dask's workers) there is no
timer to interrupt with, and the budget is not enforced. The steps of an article's extraction share its
budget, also where a few articles take a step together (claims.extraction: the shared step is charged to each).
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional

from .errors import ArticleTimeout

DEFAULT_ARTICLE_TIMEOUT = 60.0


class _Expired(BaseException):
    """Raised by the timer inside the work (a BaseException, so no ``except Exception`` swallows it)."""


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: Optional[float], name: str, what: str = "reading and extracting", *,
                left: Optional[float] = None) -> Iterator[None]:
    """Run the body with at most ``seconds`` (None or 0: no limit); over it, raise ArticleTimeout naming ``name``.
    With ``left``, the body may only take what is left of the budget (an article's steps share one budget);
    nothing left is over it at once."""
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return
    over = ArticleTimeout(name, f"{what} took longer than the time budget of {seconds:g} s per article "
                                f"(raise it with --article-timeout)")
    allowed = seconds if left is None else left
    if allowed <= 0:
        raise over
    armed = [True]

    def expire(signum, frame):
        if armed[0]:
            armed[0] = False
            raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, allowed)
    try:
        yield
        armed[0] = False
    except _Expired:
        raise over from None
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
