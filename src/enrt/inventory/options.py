"""How an inventory is read: what counts as in use, what the user chose to see."""
from __future__ import annotations

from dataclasses import dataclass

from .mapping_file import MappingFile


@dataclass(frozen=True)
class ReadOptions:
    count_stock: bool = False         # in-stock rows are assessed too
    include_hidden: bool = False      # hidden rows and hidden sheets are assessed too
    country: str | None = None        # ISO alpha-3 for rows that give no country
    mapping: MappingFile | None = None
