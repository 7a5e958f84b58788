"""The "Organisation" sheet: name, number of agents, population, households.

OeNRT keeps these as label/value pairs ("Nombre d'agents | 420"); a one-row table with
those headers is read too. Values not given stay unknown: indicators that need them are
not computed and a hint says how to give them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..issues import Issue
from ..messages import term
from ..normalize import Aliases
from .values import parse_number, text

ORG_KEYS = {
    "name": ["collectivite", "nom de la collectivite", "nom", "organisation", "organisme",
             "nom de l'organisation", "name", "organisation name", "organization"],
    "agents": ["nombre d'agents", "agents", "nb agents", "nb d'agents", "effectif", "effectifs",
               "effectif total", "nombre de collaborateurs", "etp", "number of agents",
               "agents count", "staff", "employees", "number of employees"],
    "population": ["population", "habitants", "nombre d'habitants", "population municipale",
                   "population totale", "inhabitants", "population count"],
    "households": ["menages", "nombre de menages", "ménages", "households",
                   "number of households"],
}
LIMITS = {"agents": 1e6, "population": 1e9, "households": 1e9}   # plausible upper bounds
_KEYS = Aliases(ORG_KEYS)


@dataclass
class Organisation:
    name: str | None = None
    agents: float | None = None
    population: float | None = None
    households: float | None = None
    given_by: dict[str, str] = field(default_factory=dict)   # field -> "file, sheet" or option

    def merge(self, other: "Organisation") -> None:
        """Fill what is still unknown from ``other`` (first given wins)."""
        for f in ("name", "agents", "population", "households"):
            if getattr(self, f) is None and getattr(other, f) is not None:
                setattr(self, f, getattr(other, f))
                self.given_by[f] = other.given_by.get(f, "")


def _key(cell) -> str | None:
    return _KEYS.get(cell) if isinstance(cell, str) else None


def read_organisation(head: list[list], file: str, sheet: str | None
                      ) -> tuple[Organisation | None, list[Issue]]:
    """Label/value pairs (or a header row and one row of values) -> Organisation."""
    pairs: dict[str, tuple[object, int, int]] = {}
    for i, row in enumerate(head):
        cells = [(j, c) for j, c in enumerate(row) if not (c is None or text(c) == "")]
        if len(cells) >= 2 and (k := _key(cells[0][1])) and k not in pairs:
            pairs[k] = (cells[1][1], i + 1, cells[1][0])
    if len(pairs) < 2:                          # try a header row followed by values
        for i, row in enumerate(head[:-1]):
            keys = {j: _key(c) for j, c in enumerate(row)}
            keys = {j: k for j, k in keys.items() if k}
            if len(keys) >= 2:
                pairs = {k: (head[i + 1][j] if j < len(head[i + 1]) else None, i + 2, j)
                         for j, k in keys.items()}
                break
    if not ({"agents", "population"} & set(pairs)) or len(pairs) < 2:
        return None, []
    org, issues = Organisation(), []
    where = f"{file}, sheet {sheet}" if sheet else file
    for k, (value, row, col) in pairs.items():
        if k == "name":
            org.name = text(value) or None
        else:
            v = parse_number(value)
            if np.isnan(v):
                continue
            if not np.isfinite(v) or v < 0 or v > LIMITS[k]:
                issues.append(Issue.make("error", "invalid-organisation", file=file,
                                         sheet=sheet, row=row, field=term(f"org.{k}"),
                                         value=text(value), max=LIMITS[k]))
                continue
            setattr(org, k, v)
        org.given_by[k] = where
    return org, issues
