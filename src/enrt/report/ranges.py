"""The uncertainty of a report as people read it: a total with its 90 % interval
("16,2 t CO2e (15,2–24,8)") and the inputs to improve first, with what to do. Every human
format takes these from here; none of them recomputes a percentile."""
from __future__ import annotations

from ..i18n import number, t
from .model import Interval, Report

TOP_INPUTS = 5


def interval(report: Report, criterion: str = "gwp", phase: str = "total") -> Interval | None:
    u = report.uncertainty
    if u is None:
        return None
    return u.totals.get(criterion, {}).get(phase)


def category_interval(report: Report, category: str, criterion: str = "gwp"
                      ) -> Interval | None:
    u = report.uncertainty
    return None if u is None else u.by_category.get(criterion, {}).get(category)


def span(iv: Interval | None, central: float | None, lang: str, mass_scale: bool = True
         ) -> str:
    """' (15,2–24,8)': the 5th and 95th percentiles in the unit the central value is
    written in (tonnes from 1,000 kg up when ``mass_scale``), '' without an interval."""
    if iv is None:
        return ""
    scale = 1000.0 if mass_scale and central is not None and abs(central) >= 1000 else 1.0
    return f" ({number(iv.p5 / scale, lang, 1)}–{number(iv.p95 / scale, lang, 1)})"


def improve_rows(report: Report, lang: str, criterion: str = "gwp",
                 top: int | None = TOP_INPUTS) -> list[list]:
    """[input, share of the variance, what to do] for the inputs that weigh most."""
    u = report.uncertainty
    if u is None:
        return []
    labels = {c.category: (c.label if lang == "fr" else (c.label_en or c.label)) or c.category
              for c in report.by_category}
    rows = []
    for s in u.sensitivity.get(criterion, [])[:top]:
        what = labels.get(s.category, s.category) if s.category else (s.country or "")
        n = number(s.units or 0, lang, 0)
        rows.append([t(f"unc_{s.kind}", lang, what=what), s.share,
                     t(f"hint_unc_{s.kind}", lang, what=what, n=n)])
    return rows


def territory_span(report: Report, criterion: str, lang: str, amount) -> str | None:
    """'published interval (ADEME-2025): 8 378 t CO2e to 30 213 t CO2e', written with
    ``amount`` (the caller's way of writing the criterion's quantity)."""
    u = report.uncertainty
    ter = None if u is None or u.territory is None else u.territory.get(criterion)
    if not ter or ter.get("low") is None:
        return None
    return t("territory_interval", lang, source=ter["source"], low=amount(ter["low"]),
             high=amount(ter["high"]))


def note(report: Report, lang: str) -> str | None:
    u = report.uncertainty
    if u is None:
        return None
    return t("uncertainty_note", lang, draws=number(u.draws, lang, 0), seed=u.seed)
