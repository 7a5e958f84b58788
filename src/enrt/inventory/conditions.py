"""Condition of an equipment at purchase: new, refurbished or reused (loi AGEC wording:
acquired second-hand), or reassigned inside the organisation (already accounted for: the
original purchase date holds and no previous use is added)."""
from __future__ import annotations

from ..fleet import NEW, REASSIGNED, REFURBISHED, REUSED
from ..normalize import fold

_CONDITIONS = {
    NEW: ["neuf", "neuve", "new", "n", "achat neuf", "brand new"],
    REFURBISHED: ["reconditionne", "reconditionné", "reconditionnee", "refurbished", "refurb",
                  "reconditionnement", "occasion", "seconde main", "second hand", "second-hand",
                  "used", "r", "reconditionne grade a", "remanufactured"],
    REUSED: ["reemploi", "réemploi", "reemploye", "réemployé", "reutilise", "réutilisé",
             "reutilisation", "réutilisation", "reused", "reuse", "don", "donation", "re-use"],
    REASSIGNED: ["reaffecte", "réaffecté", "reaffectee", "réaffectée", "reaffectation",
                 "réaffectation", "reaffectation interne", "réaffectation interne",
                 "reaffecte interne", "réaffecté interne", "redeploye", "redéployé",
                 "reassigned", "reassignment", "redeployed", "internal reuse"],
}
_INDEX = {fold(a): code for code, names in _CONDITIONS.items() for a in names}


def condition_code(value: str) -> int | None:
    """'Reconditionné' -> REFURBISHED; None when not recognised."""
    key = fold(value)
    if key in _INDEX:
        return _INDEX[key]
    for alias, code in _INDEX.items():      # "reconditionné (grade B)"
        if len(alias) > 2 and key.startswith(alias + " "):
            return code
    return None
