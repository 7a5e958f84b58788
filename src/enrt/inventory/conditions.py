"""Condition of an equipment at purchase: new, refurbished or reused (loi AGEC wording:
acquired second-hand), or reassigned inside the organisation (already accounted for: the
original purchase date holds and no previous use is added)."""
from __future__ import annotations

from ..fleet import NEW, REASSIGNED, REFURBISHED, REUSED
from ..normalize import Aliases

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
_NAMES = Aliases(_CONDITIONS, min_prefix=3)       # "reconditionné (grade B)" too


def condition_code(value: str) -> int | None:
    """'Reconditionné' -> REFURBISHED; None when not recognised."""
    return _NAMES.get(value)
