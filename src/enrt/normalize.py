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


class Aliases:
    """The one alias look-up: folded text -> key, by exact match, then by the longest alias
    the text starts with (followed by a space). Longest first is what makes "Compteur IT
    (kWh)" the IT meter rather than "Compteur"; ``min_prefix`` keeps one-letter aliases
    ("n" for neuf) from matching every word that starts with them. The first key listing
    an alias keeps it."""

    def __init__(self, table: dict, min_prefix: int = 1):
        self.index: dict[str, object] = {}
        for key, names in table.items():
            for name in names:
                self.index.setdefault(fold(name), key)
        self.by_length = sorted((a for a in self.index if len(a) >= min_prefix), key=len,
                                reverse=True)

    def get(self, text: object, prefix: bool = True):
        """The key ``text`` stands for, or None."""
        key = fold(text)
        if not key:
            return None
        if key in self.index:
            return self.index[key]
        if prefix:
            return next((self.index[a] for a in self.by_length if key.startswith(a + " ")),
                        None)
        return None
