"""REEN / OeNRT indicators, each with its value, unit and how it was computed.

An indicator that needs a figure the inventory does not give (agents, prices) is null,
with a ``missing`` note saying what to provide; nothing is invented.
"""
from __future__ import annotations

import numpy as np

from ..compute import Weights
from ..factors.arrays import FactorArrays
from ..fleet import DEFAULT, REFURBISHED, REUSED, Fleet
from ..inventory.organisation import Organisation
from ..normalize import fold

AGEC_TARGET = 0.20        # loi AGEC art. 58, décret 2021-254: 20 % of IT spend reused/refurbished
WORKSTATIONS = ("laptop", "desktop", "all_in_one")


def _ind(value, unit: str, how: str, missing: str | None = None) -> dict:
    out = {"value": None if value is None else float(value), "unit": unit, "how": how}
    if value is None and missing:
        out["missing"] = missing
    return out


def indicators(fleet: Fleet, w: Weights, fa: FactorArrays, gwp_total: float | None,
               gwp_manufacture: float | None, org: Organisation, rooms: dict,
               meters: dict, year: int | None = None) -> dict:
    q = fleet.quantity
    qty = float(q.sum())
    agents = org.agents
    need_agents = "give the number of agents (Organisation sheet or --agents N)"
    second = np.isin(fleet.condition, (REFURBISHED, REUSED))
    priced = ~np.isnan(fleet.spend)
    spend = float(fleet.spend[priced].sum())
    ws = np.isin(fleet.category, [fa.categories.index(c) for c in WORKSTATIONS
                                  if c in fa.categories])
    out = {
        "gwp_per_agent_kg": _ind(gwp_total / agents if agents and gwp_total is not None else None,
                                 "kgCO2e/agent/year", "gwp total / number of agents",
                                 need_agents),
        "equipment_per_agent": _ind(qty / agents if agents else None, "units/agent",
                                    "total quantity / number of agents", need_agents),
        "workstations_per_agent": _ind(float(q[ws].sum()) / agents if agents else None,
                                       "units/agent", "laptops + desktops + all-in-ones / agents",
                                       need_agents),
        "manufacture_share_gwp": _ind(gwp_manufacture / gwp_total if gwp_total else None,
                                      "ratio", "gwp manufacture / gwp total"),
        "fully_amortised_units": _ind(float(q[w.amortised].sum()), "units",
                                      "quantity of rows with purchase year + lifetime <= assessed "
                                      "year (linear method)"),
        "purchase_year_embodied_gwp_kg": _ind(
            _bought_in(fleet, w, fa, year), "kgCO2e",
            "embodied gwp of the devices bought in the assessed year, counted whole in that "
            "year (the GHG Protocol scope 3 category 2 view; refurbished or reused devices at "
            "L/(L+A) of it); the annual figure spreads it over the lifetime instead",
            "give purchase dates"),
        "refurbished_or_reused_share_by_count": _ind(
            float(q[second].sum()) / qty if qty else None, "ratio",
            "quantity of refurbished or reused rows / total quantity"),
        "refurbished_or_reused_share_by_spend": _ind(
            float(fleet.spend[priced & second].sum()) / spend if spend else None, "ratio",
            f"spend on refurbished or reused rows / spend on rows with a price "
            f"({int(priced.sum())} of {len(fleet)} rows priced); AGEC target "
            f"{AGEC_TARGET:.0%}", "give a 'Prix unitaire' or 'Montant' column"),
        "defaults_share": _ind(_defaults_share(fleet), "ratio",
                               "values taken from the factor set's defaults / values needed "
                               "(lifetime, kWh, country, quantity, condition per row)"),
        "lifetime_declared_years": _ind(None, "years", "mean lifetime used per category "
                                        "(row value or default), weighted by quantity"),
        "lifetime_observed_years": _ind(None, "years", "mean of (withdrawal - purchase)/365 "
                                        "per category, rows with both dates"),
        "server_rooms": _ind(None, "", "per room: PUE, kWh/year estimated from the equipment "
                             "rows (PUE included), kWh measured when given, and which was used"),
    }
    share = out["refurbished_or_reused_share_by_spend"]["value"]
    if share is not None:
        out["refurbished_or_reused_share_by_spend"]["meets_agec_20pct"] = share >= AGEC_TARGET
    out["lifetime_declared_years"]["by_category"] = _mean_by_cat(fleet, fa, w.lifetime, q)
    withdrawn = ~np.isnat(fleet.withdrawal) & ~np.isnat(fleet.purchase)
    observed = (fleet.withdrawal - fleet.purchase).astype(np.float64) / 365.0
    out["lifetime_observed_years"]["by_category"] = _mean_by_cat(
        fleet, fa, np.where(withdrawn, observed, 0.0), np.where(withdrawn, q, 0.0))
    kwh = np.bincount(fleet.room, weights=w.use, minlength=len(fleet.room_names))
    out["server_rooms"]["by_room"] = {
        name: {"pue": rooms.get(fold(name)), "kwh_per_year": float(kwh[k]),
               **meters.get(name, {}),
               "used": "measured" if meters.get(name, {}).get("kwh_measured") is not None
               and meters[name]["kwh_estimated"] > 0 else "estimated"}
        for k, name in enumerate(fleet.room_names) if k}
    return out


def _mean_by_cat(fleet: Fleet, fa: FactorArrays, values: np.ndarray, weights: np.ndarray):
    n = len(fa.categories)
    wsum = np.bincount(fleet.category, weights=weights, minlength=n)
    vsum = np.bincount(fleet.category, weights=values * weights, minlength=n)
    return {fa.categories[c]: float(vsum[c] / wsum[c]) for c in np.flatnonzero(wsum > 0)}


def _defaults_share(fleet: Fleet) -> float | None:
    n = len(fleet)
    if not n:
        return None
    defaults = sum(int((src == DEFAULT).sum()) for src in (
        np.where(np.isnan(fleet.lifetime), DEFAULT, 1), fleet.energy_src, fleet.country_src,
        fleet.quantity_src, fleet.condition_src))
    return defaults / (5 * n)


def _bought_in(fleet: Fleet, w: Weights, fa: FactorArrays, year: int | None) -> float | None:
    """Embodied gwp of the rows bought in ``year`` (None when no row has a purchase date)."""
    if year is None or "gwp" not in fa.criteria or np.isnat(fleet.purchase).all():
        return None
    k = fa.criteria.index("gwp")
    bought = (fleet.purchase >= np.datetime64(f"{year}-01-01")) & \
        (fleet.purchase <= np.datetime64(f"{year}-12-31"))
    m = np.nan_to_num(fa.manufacture[fleet.category[bought], k])
    return float((fleet.quantity[bought] * m * w.lifetime[bought] / w.lifetime_eff[bought]).sum())
