"""Typed exceptions. Inside the package code raises these; the CLI prints one line and exits non-zero."""
from __future__ import annotations


class ClaimsError(Exception):
    """Base class of every error the claims package raises on purpose."""

    exit_code = 1


class InputError(ClaimsError):
    """An input that cannot be read as an article. Carries the input's name and the problem."""

    exit_code = 2

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingProblem(InputError):
    pass


class TooLarge(InputError):
    pass


class NotRegularFile(InputError):
    """A FIFO, device, socket or directory where an article file was expected (never read)."""


class MalformedInput(InputError):
    pass


class NoBody(InputError):
    """The input decoded, but no article body (prose) was found in it."""


class DuplicateInput(InputError):
    """The same text (same sha256) was already read in this batch or stored with this id."""


class ArticleTimeout(InputError):
    """Reading or extracting the article took longer than the time budget per article."""


class DuplicateId(InputError):
    """Another input of the same build has the same article id (file name, or batch row id or url)."""


class TooMuchToParse(ClaimsError):
    """An article with more text to parse in full (sentences with a quote mark or a cue word) than one
    article may have: the parser's memory grows with it."""


class DatabaseError(ClaimsError):
    exit_code = 3


class BuildLocked(DatabaseError):
    """Another build of the same database is running (its lock is held)."""


class DiskFull(DatabaseError):
    """No space left on the device while building: the database is left as it was."""


class EvaluationError(ClaimsError):
    exit_code = 4
