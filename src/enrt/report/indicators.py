"""REEN / OeNRT indicators, each with its value, unit and how it was computed.

An indicator that needs a figure the inventory does not give (agents, prices) is null,
with a ``missing`` note saying what to provide; nothing is invented.
"""
from __future__ import annotations

import numpy as np

from ..factors.arrays import FactorArrays
from ..inventory.organisation import Organisation
from ..ledger import Ledger, workstation_quantity
from ..normalize import fold

AGEC_TARGET = 0.20        # loi AGEC art. 58, décret 2021-254: 20 % of IT spend reused/refurbished


def _ind(value, unit: str, how: str, missing: str | None = None) -> dict:
    out = {"value": None if value is None else float(value), "unit": unit, "how": how}
    if value is None and missing:
        out["missing"] = missing
    return out


def indicators(ledger: Ledger, fa: FactorArrays, gwp_total: float | None,
               gwp_manufacture: float | None, org: Organisation, rooms: dict,
               meters: dict, year: int | None = None) -> dict:
    qty = float(ledger.quantity.sum())
    n_rows = int(ledger.rows.sum())
    agents = org.agents
    need_agents = "give the number of agents (Organisation sheet or --agents N)"
    spend = float(ledger.spend.sum())
    priced = int(ledger.priced_rows.sum())
    out = {
        "gwp_per_agent_kg": _ind(gwp_total / agents if agents and gwp_total is not None else None,
                                 "kgCO2e/agent/year", "gwp total / number of agents",
                                 need_agents),
        "equipment_per_agent": _ind(qty / agents if agents else None, "units/agent",
                                    "total quantity / number of agents", need_agents),
        "workstations_per_agent": _ind(workstation_quantity(ledger) / agents if agents else None,
                                       "units/agent", "laptops + desktops + all-in-ones / agents",
                                       need_agents),
        "manufacture_share_gwp": _ind(gwp_manufacture / gwp_total if gwp_total else None,
                                      "ratio", "gwp manufacture / gwp total"),
        "fully_amortised_units": _ind(float(ledger.amortised.sum()), "units",
                                      "quantity of rows with purchase year + lifetime <= assessed "
                                      "year (linear method)"),
        "purchase_year_embodied_gwp_kg": _ind(
            _bought_in(ledger, fa, year), "kgCO2e",
            "embodied gwp of the devices bought in the assessed year, counted whole in that "
            "year (the GHG Protocol scope 3 category 2 view; refurbished or reused devices at "
            "L/(L+A) of it); the annual figure spreads it over the lifetime instead",
            "give purchase dates"),
        "refurbished_or_reused_share_by_count": _ind(
            float(ledger.second_life.sum()) / qty if qty else None, "ratio",
            "quantity of refurbished or reused rows / total quantity"),
        "refurbished_or_reused_share_by_spend": _ind(
            float(ledger.spend_second_life.sum()) / spend if spend else None, "ratio",
            f"spend on refurbished or reused rows / spend on rows with a price "
            f"({priced} of {n_rows} rows priced); AGEC target "
            f"{AGEC_TARGET:.0%}", "give a 'Prix unitaire' or 'Montant' column"),
        "defaults_share": _ind(float(ledger.defaults.sum()) / (5 * n_rows) if n_rows else None,
                               "ratio",
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
    out["lifetime_declared_years"]["by_category"] = _mean_by_cat(
        ledger, ledger.lifetime, ledger.quantity)
    out["lifetime_observed_years"]["by_category"] = _mean_by_cat(
        ledger, ledger.observed, ledger.observed_quantity)
    out["server_rooms"]["by_room"] = {
        name: {"pue": rooms.get(fold(name)), "kwh_per_year": kwh,
               **meters.get(name, {}),
               "used": "measured" if meters.get(name, {}).get("kwh_measured") is not None
               and meters[name]["kwh_estimated"] > 0 else "estimated"}
        for name, kwh in ledger.room_kwh.items()}
    return out


def _mean_by_cat(ledger: Ledger, values: np.ndarray, weights: np.ndarray) -> dict:
    wsum, vsum = weights.sum(axis=0), values.sum(axis=0)
    return {ledger.categories[c]: float(vsum[c] / wsum[c]) for c in np.flatnonzero(wsum > 0)}


def _bought_in(ledger: Ledger, fa: FactorArrays, year: int | None) -> float | None:
    """Embodied gwp of the rows bought in ``year`` (None when no row has a purchase date)."""
    if year is None or "gwp" not in fa.criteria or not ledger.dated_rows.sum():
        return None
    k = fa.criteria.index("gwp")
    return float(ledger.bought.sum(axis=0) @ np.nan_to_num(fa.manufacture[:, k]))
