"""Errors the library raises. Each carries a user-facing message, a location and a hint.

The CLI maps them to exit codes in one place (``enrt.cli.main``); library code never
prints or exits. Messages and hints come from the catalogue (``enrt.messages``, tables
ERRORS and ERROR_HINTS): ``InputError.make("input.not-found", file=…)`` writes them in
English and ``err.text(lang)`` in French or English.
"""
from __future__ import annotations

from .messages import ERROR_HINTS, Text, term
from .messages import error as _error
from .messages import error_hint as _error_hint

_CATALOGUE_HINT = object()


class EnrtError(Exception):
    """Base class: ``message`` says what is wrong, ``hint`` how to fix it."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None, file: str | None = None,
                 sheet: str | None = None, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column

    @classmethod
    def make(cls, msg_id: str, *, file: str | None = None, sheet: str | None = None,
             row: int | None = None, column: str | None = None, hint=_CATALOGUE_HINT,
             hint_id: str | None = None, **values):
        """The error ``msg_id`` of the catalogue with its values; the hint is the
        catalogue's for ``hint_id`` (default ``msg_id``), or ``hint`` when given (a
        ``messages.Text``, or None)."""
        if hint is _CATALOGUE_HINT:
            key = hint_id or msg_id
            hint = _error_hint(key, **values) if key in ERROR_HINTS or hint_id else None
        elif hint and not isinstance(hint, Text):
            raise TypeError("an error hint comes from the catalogue (enrt.messages)")
        return cls(_error(msg_id, **values), hint=hint, file=file, sheet=sheet, row=row,
                   column=column)

    @property
    def msg_id(self) -> str | None:
        return self.message.id if isinstance(self.message, Text) else None

    def text(self, lang: str) -> tuple[str, str | None]:
        """(message, hint) in ``lang`` ("fr" or "en"), without the location."""
        def say(x):
            return x.text(lang) if isinstance(x, Text) else x
        return say(self.message), say(self.hint)

    _ROW_WORD = "where.row"

    def location(self, lang: str = "en") -> str:
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.sheet:
            parts.append(term("where.sheet", name=self.sheet).text(lang))
        if self.row is not None:
            parts.append(term(self._ROW_WORD, n=self.row).text(lang))
        if self.column:
            parts.append(term("where.column", name=self.column).text(lang))
        return ", ".join(parts)

    def describe(self, lang: str = "en") -> str:
        """The message and where, as ``str(err)`` says it, in ``lang``."""
        message = self.text(lang)[0]
        loc = self.location(lang)
        return f"{message} ({loc})" if loc else message

    def __str__(self) -> str:
        return self.describe("en")


class InputError(EnrtError):
    """An inventory file cannot be read or holds no equipment table."""


class FactorSetError(EnrtError):
    """A factor set cannot be found, parsed or validated (``row`` is the file's line)."""

    _ROW_WORD = "where.line"


class UsageError(EnrtError):
    """Options that do not fit together or are out of range."""
