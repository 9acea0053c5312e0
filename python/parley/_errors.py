"""parley's errors. Each carries the command line's message as its text."""

from __future__ import annotations

from typing import Optional


class ParleyError(Exception):
    """The base of the errors parley raises about what the user gave it."""


class InputError(ParleyError, ValueError):
    """Bad input: a scenario that cannot be read or validated, or a bad argument.

    The text is the command line's message, for example
    ``s.yaml:42:17: error: field 'actors[2].capability': got -4; expected a number greater than 0``.

    Attributes:
        file: the file (None for a dict or an argument).
        line, column: where in the file, counting from 1 (None when not known).
        field: the field or argument that is wrong, e.g. ``actors[2].capability`` or ``draws``.
        problem: what was wrong.
        expected: what was expected instead.
    """

    def __init__(self, message: str, file: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None, field: Optional[str] = None, problem: Optional[str] = None,
                 expected: Optional[str] = None) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.problem = problem
        self.expected = expected


class OutputError(ParleyError, OSError):
    """An output (a file, a results database) could not be written. ``path`` names it."""

    def __init__(self, message: str, path: Optional[str] = None) -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ResourceError(ParleyError, MemoryError):
    """Not enough memory (or another resource of the machine) for the work."""
