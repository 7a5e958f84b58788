"""Why a footprint changed between two campaigns: the change of each category's
manufacture and use impact split among its drivers, so that the parts add up exactly to
the change (docs/compare.md).

A category's manufacture impact is Q × σ × m (all units, the category's share of them,
its impact per unit); its use impact is Q × σ × k × e (k: kWh per unit, e: the
electricity factor). Each product is split by its Shapley value: a driver's part is its
effect averaged over every order in which the drivers could have moved, which is exact
(the parts sum to the change) and symmetric (no driver is favoured by being taken first).
A category present in one year only has no impact per unit in the other: its own is used
there, so its coming or going is a change of fleet mix, never of lifetimes.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

DRIVERS = ("fleet_size", "fleet_mix", "lifetimes", "usage", "electricity", "factor_set",
           "services")


@dataclass(frozen=True)
class Side:
    """One category in one year: its units, and its manufacture and use impacts."""

    quantity: float
    manufacture: float
    use: float


def shapley(before: tuple[float, ...], after: tuple[float, ...]) -> list[float]:
    """The Shapley parts of the change of a product of factors, one per factor."""
    n = len(before)
    parts = [0.0] * n
    for i in range(n):
        others = [j for j in range(n) if j != i]
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for moved in itertools.combinations(others, size):
                def value(with_i: bool) -> float:
                    return math.prod(after[j] if (j in moved or (j == i and with_i))
                                     else before[j] for j in range(n))
                parts[i] += weight * (value(True) - value(False))
    return parts


def attribute(old: dict[str, Side], new: dict[str, Side], e_old: float | None,
              e_new: float | None, services_old: float = 0.0, services_new: float = 0.0
              ) -> dict[str, float]:
    """The change from ``old`` to ``new`` (category -> Side) by driver. ``e_old`` and
    ``e_new``: the electricity factor of each year (None when it cannot be told apart: the
    whole change of use per unit is then usage)."""
    parts = dict.fromkeys(DRIVERS, 0.0)
    q0 = sum(s.quantity for s in old.values())
    q1 = sum(s.quantity for s in new.values())
    separate_e = bool(e_old and e_new)
    for cat in sorted(set(old) | set(new)):
        a, b = old.get(cat), new.get(cat)
        share0 = a.quantity / q0 if a and q0 else 0.0
        share1 = b.quantity / q1 if b and q1 else 0.0
        m0, m1 = _per_unit(a, b, "manufacture")
        u0, u1 = _per_unit(a, b, "use")
        size, mix, life = shapley((q0, share0, m0), (q1, share1, m1))
        parts["fleet_size"] += size
        parts["fleet_mix"] += mix
        parts["lifetimes"] += life
        if separate_e:
            size, mix, usage, elec = shapley((q0, share0, u0 / e_old, e_old),
                                             (q1, share1, u1 / e_new, e_new))
            parts["electricity"] += elec
        else:
            size, mix, usage = shapley((q0, share0, u0), (q1, share1, u1))
        parts["fleet_size"] += size
        parts["fleet_mix"] += mix
        parts["usage"] += usage
    parts["services"] = services_new - services_old
    # a part that is rounding noise (1e-14 of a change that is not there) reads as zero
    scale = max(abs(v) for v in parts.values()) if parts else 0.0
    return {k: (0.0 if abs(v) <= 1e-12 * max(scale, 1.0) else v) for k, v in parts.items()}


def _per_unit(a: Side | None, b: Side | None, phase: str) -> tuple[float, float]:
    """Impact per unit in each year; a year without the category takes the other's."""
    x = getattr(a, phase) / a.quantity if a and a.quantity else None
    y = getattr(b, phase) / b.quantity if b and b.quantity else None
    if x is None and y is None:
        return 0.0, 0.0
    return (y if x is None else x), (x if y is None else y)
