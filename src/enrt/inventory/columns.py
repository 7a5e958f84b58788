"""A table held as factorised columns: each column is codes into its distinct values.

A columnar CSV parse (csv_arrow.py) hands the mapper its columns this way, so the
per-cell Python work of a row reader (splitting, transposing, hashing every cell) is
never done: a column's parser runs once per distinct value, and the codes pick the
results. Rows are still there for the few rows that are looked at one by one (blank,
total and heading rows, rows sent to the services table), built on demand.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np


class Coded:
    """One column of a block: ``values[codes[i]]`` is the cell of row i."""

    __slots__ = ("codes", "values", "_present")

    def __init__(self, codes: np.ndarray, values: list):
        self.codes, self.values, self._present = codes, values, None

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int):
        return self.values[self.codes[i]]

    def __iter__(self) -> Iterator:
        return map(self.values.__getitem__, self.codes.tolist())

    def present(self) -> np.ndarray:
        """The codes met in this block, in the order of their first row (the order a
        row reader meets them in, which decides the order of hints and caches)."""
        if self._present is None:
            n = len(self.codes)
            first = np.full(len(self.values), n, dtype=np.int64)
            np.minimum.at(first, self.codes, np.arange(n))
            seen = np.flatnonzero(first < n)
            self._present = seen[np.argsort(first[seen], kind="stable")]
        return self._present


class Block:
    """Rows [start, stop) of a ColumnTable: columns for the mapper, rows on demand."""

    def __init__(self, columns: list[Coded]):
        self.columns = columns

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def __getitem__(self, i: int) -> list:
        return [c.values[c.codes[i]] for c in self.columns]

    def __iter__(self) -> Iterator[list]:
        return map(list, zip(*self.columns))


class ColumnTable:
    """Every row of a sheet, each of the same width (a CSV whose lines all hold as many
    fields)."""

    def __init__(self, columns: list[Coded]):
        self.columns = columns
        self.n = len(columns[0]) if columns else 0

    def block(self, start: int, stop: int) -> Block:
        return Block([Coded(c.codes[start:stop], c.values) for c in self.columns])

    def rows(self, start: int = 0, step: int = 4096) -> Iterator[list]:
        """The rows as lists, as a row reader yields them."""
        for k in range(start, self.n, step):
            yield from self.block(k, min(k + step, self.n))
