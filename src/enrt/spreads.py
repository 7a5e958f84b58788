"""How far each uncertain number may be from the value enrt uses: the spreads sampled by
``enrt assess --uncertainty`` (docs/uncertainty.md gives each one with its reasoning).

A factor value carries its own uncertainty (factors/model.py: Uncertainty), else gets the
default spread of its category's data-quality level (confidence H, M or L; values outside
a category, such as electricity factors, count as M). A value the inventory does not
give is sampled too: the category's lifetime for undated rows, its annual kWh, a blank
quantity, a missing country. A value the inventory gives is taken as exact.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Log-normal geometric standard deviations by data-quality level (a 90 % interval of
# value ÷ gsd^1.645 to value × gsd^1.645): H 0.65–1.54 ×, M 0.46–2.17 ×, L 0.27–3.66 ×.
LEVEL_GSD = {"H": 1.3, "M": 1.6, "L": 2.2}
UNRATED = "M"              # a value outside a category, other than an electricity factor
ELECTRICITY = "H"          # national grid averages, published yearly from metered output
Z90 = 1.6448536269514722          # the standard normal's 95th percentile


@dataclass(frozen=True)
class Spread:
    """A distribution around a central value: ``uniform`` or ``triangular`` over
    [low, high] (triangular: the central value is the mode), or ``lognormal`` with the
    central value as median and geometric standard deviation ``gsd``."""

    kind: str
    low: float = 0.0
    high: float = 0.0
    gsd: float = 1.0
    source: str = ""            # "value" (the factor set says) or "level H/M/L" or "input"

    def draw(self, central: float, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.kind == "lognormal":
            return central * np.exp(rng.standard_normal(n) * np.log(self.gsd))
        if self.kind == "triangular":
            if self.high == self.low:
                return np.full(n, central)
            return rng.triangular(self.low, min(max(central, self.low), self.high),
                                  self.high, n)
        return rng.uniform(self.low, self.high, n)

    def interval(self, central: float) -> tuple[float, float]:
        """The 90 % interval (5th and 95th percentiles), in closed form."""
        if self.kind == "lognormal":
            f = self.gsd ** Z90
            return central / f, central * f
        a, b = self.low, self.high
        if self.kind == "uniform":
            return a + 0.05 * (b - a), a + 0.95 * (b - a)
        c = min(max(central, a), b)
        return _triangular_quantile(0.05, a, c, b), _triangular_quantile(0.95, a, c, b)


def _triangular_quantile(p: float, a: float, c: float, b: float) -> float:
    if b == a:
        return a
    if p < (c - a) / (b - a):
        return a + np.sqrt(p * (b - a) * (c - a))
    return b - np.sqrt((1 - p) * (b - a) * (b - c))


def of_value(value, level: str | None, level_gsd: dict[str, float] | None = None) -> Spread:
    """The spread of a factor-set Value: its own uncertainty, else its level's default
    (``level_gsd``: the factor set's own table, else LEVEL_GSD)."""
    u = getattr(value, "uncertainty", None)
    v = float(value.value)
    if u is None:
        table = level_gsd or LEVEL_GSD
        lvl = level if level in table else UNRATED
        return Spread("lognormal", gsd=table[lvl], source=f"level {lvl}")
    # a range without a distribution: triangular, the set's value being the most likely
    # (a uniform range would put a value given at its low end below every draw)
    kind = u.distribution or "triangular"
    if kind == "lognormal":
        return Spread("lognormal", gsd=float(u.gsd), source="value")
    if u.relative is not None:
        low, high = v * (1 - u.relative), v * (1 + u.relative)
    else:
        low, high = float(u.min), float(u.max)
    return Spread(kind, low=max(low, 0.0), high=high, source="value")


# Inputs the inventory left blank (docs/uncertainty.md §2): multipliers of the rows'
# weights, drawn once per run (quantity, country) or per category (lifetime, kWh).
# A blank quantity counts one unit; a line may stand for more (a pair of screens on one
# line): drawn from 1 to 1.5 units, most likely 1.
BLANK_QUANTITY = Spread("triangular", low=1.0, high=1.5, source="input")
# A row without a country is taken in the default country, which a register kept in one
# country almost always is; a few sites abroad would move the rows' use impact: a
# log-normal multiplier of gsd 1.1 (a 90 % interval of ÷ 1.17 to × 1.17).
BLANK_COUNTRY = Spread("lognormal", gsd=1.1, source="input")
