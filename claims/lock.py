"""One build of a database at a time: an exclusive lock (``fcntl.flock``) on ``DB.lock`` next to DB.

Two builds at once each worked on their own copy, and the last to finish replaced the other's work.
Now the second one stops with a message naming the first (or, with ``wait``, waits for it, then
builds on what the first stored). The lock file stays (empty when no build runs): removing it would
let a third build lock a new file while the second waits on the old one. A lock held by a build
that was killed is released by the system with its process.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

from .errors import BuildLocked, DatabaseError


def _try_lock(fd: int) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _holder(fd: int) -> str:
    pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return f"process {pid}" if pid.isdigit() else "another process"


@contextmanager
def build_lock(db_path: Path, wait: float = 0, on_wait: Optional[Callable[[str], None]] = None) -> Iterator[None]:
    """Hold DB's build lock for the body. Held by another build: raise BuildLocked at once (``wait`` 0),
    or wait up to ``wait`` seconds (``on_wait`` is told once, with a message)."""
    lock_path = Path(str(db_path) + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise DatabaseError(f"{lock_path}: cannot create the build lock ({e.strerror})") from None
    try:
        if not _try_lock(fd):
            busy = f"{db_path}: another build of this database is running ({_holder(fd)}, lock {lock_path})"
            if wait <= 0:
                raise BuildLocked(f"{busy}; wait for it to finish, or build with --wait SECONDS")
            if on_wait:
                on_wait(f"{busy}; waiting up to {wait:g} s")
            deadline = time.monotonic() + wait
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise BuildLocked(f"{busy}, still after waiting {wait:g} s")
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock
