"""What an assessment is asked to do: one options object for every command and the API."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .inventory.organisation import Organisation


@dataclass(frozen=True)
class AssessOptions:
    year: int | None = None                  # assessed year (default: the last full year)
    method: str = "linear"                   # linear | numecoeval
    second_life: str = "row"                 # row | fleet (RCP fleet formula)
    organisation: Organisation | None = None  # overrides the inputs' Organisation sheets
    territory_scope: str | None = None       # per-inhabitant reference: 2022 | 2020
    count_stock: bool = False                # in-stock rows are assessed too
    include_hidden: bool = False             # hidden rows and sheets are assessed too
    country: str | None = None               # for rows that give no country
    mapping: str | Path | None = None        # mapping file (enrt map)
    uncertainty: int | None = None           # Monte Carlo draws (None: no sampling)
    seed: int | None = None                  # None: montecarlo.DEFAULT_SEED
