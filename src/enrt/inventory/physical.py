"""Physical state words ("Bon état", "En panne", "Good"): not the acquisition condition.

Registers often call the physical state "État" or "Condition", the same words as the
new / refurbished column of the OeNRT template. A column whose values are physical
states is recognised by its content and left out (one info), instead of rejecting
every row for an unknown condition.
"""
from __future__ import annotations

from ..normalize import fold

PHYSICAL_WORDS = {fold(w) for w in [
    "bon etat", "bon état", "très bon état", "tres bon etat", "etat moyen", "état moyen",
    "mauvais etat", "mauvais état", "usage", "usagé", "use", "usé", "abime", "abîmé",
    "en panne", "panne", "defectueux", "défectueux", "a remplacer", "à remplacer",
    "a reparer", "à réparer", "fonctionnel", "fonctionne", "ok", "correct", "moyen",
    "excellent", "bon", "mauvais", "vetuste", "vétuste", "obsolete", "obsolète",
    "good", "very good", "fair", "poor", "bad", "broken", "damaged", "faulty", "working",
    "needs replacement", "to replace", "worn", "as new", "comme neuf",
]}


def is_physical_state(value: str) -> bool:
    key = fold(value)
    return key in PHYSICAL_WORDS or any(key.startswith(w + " ") for w in PHYSICAL_WORDS
                                        if len(w) > 3)
