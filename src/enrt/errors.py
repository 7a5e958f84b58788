"""Errors the library raises. Each carries a user-facing message, a location and a hint.

The CLI maps them to exit codes in one place (``enrt.cli.main``); library code never
prints or exits.
"""
from __future__ import annotations


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

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        loc = self.location()
        return f"{self.message} ({loc})" if loc else self.message


class InputError(EnrtError):
    """An inventory file cannot be read or holds no equipment table."""


class FactorSetError(EnrtError):
    """A factor set cannot be found, parsed or validated (``row`` is the file's line)."""

    def location(self) -> str:
        return super().location().replace("row ", "line ")


class UsageError(EnrtError):
    """Options that do not fit together or are out of range."""
