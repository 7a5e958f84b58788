"""Text normalisation shared by header, label, room and country matching.

People type "Qté", "Quantité", "QUANTITE (u.)": matching happens on a folded form
(lower case, no accents, punctuation turned into single spaces).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: object) -> str:
    """Fold ``text`` for matching: 'Écran 24"' -> 'ecran 24'."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("œ", "oe").replace("æ", "ae")
    return _NON_WORD.sub(" ", s).strip()
