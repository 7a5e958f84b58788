"""Free-text equipment labels -> category ids, through the factor set's alias table.

"Ecran 24 pouces" matches the alias "ecran" because the alias appears as whole words in
the label; the longest matching alias wins ("imprimante multifonction" over
"imprimante"). Two different categories matching with aliases of the same length is
ambiguous and rejected rather than guessed.
"""
from __future__ import annotations

import difflib
import re

from ..normalize import fold

TOTAL_WORDS = ("total", "sous total", "subtotal", "sub total", "grand total", "total general",
               "totaux", "somme", "sum")


def is_total_label(label: object) -> bool:
    key = fold(label) if isinstance(label, str) else ""
    return any(key == w or key.startswith(w + " ") for w in TOTAL_WORDS)


# GLPI asset classes (item type, French or English UI) -> category when the row's own type
# says nothing more precise; and GLPI's usual sub-types, which are bare words ("Portable",
# "Tour") too ambiguous for the general aliases but clear once the class is known.
GLPI_ITEMTYPES = {
    "ordinateur": "desktop", "computer": "desktop", "moniteur": "monitor", "monitor": "monitor",
    "ecran": "monitor", "telephone": "ip_phone", "phone": "ip_phone",
    "imprimante": "printer_laser", "printer": "printer_laser",
    "materiel reseau": "network_switch", "networkequipment": "network_switch",
    "network equipment": "network_switch", "network device": "network_switch",
}
GLPI_SUBTYPES = {
    "portable": "laptop", "laptop": "laptop", "notebook": "laptop", "tour": "desktop",
    "mini tour": "desktop", "ordinateur de bureau": "desktop", "station de travail": "desktop",
    "desktop": "desktop", "serveur": "server_rack", "server": "server_rack",
    "tout en un": "all_in_one", "all in one": "all_in_one", "tablette": "tablet",
    "tablet": "tablet", "mobile": "smartphone", "smartphone": "smartphone",
    "telephone ip": "ip_phone", "fixe": "ip_phone", "switch": "network_switch",
    "routeur": "router", "router": "router", "pare feu": "firewall", "firewall": "firewall",
    "borne wifi": "wifi_access_point", "point d acces": "wifi_access_point",
    "access point": "wifi_access_point", "multifonction": "mfp", "copieur": "mfp",
    "jet d encre": "printer_inkjet", "laser": "printer_laser",
}


def glpi_category(item_type: str, subtype: str) -> str | None:
    """Category of a GLPI row from its class and sub-type, or None."""
    sub = GLPI_SUBTYPES.get(fold(subtype))
    return sub or GLPI_ITEMTYPES.get(fold(item_type))


class LabelMatcher:
    """Matches labels to category indices; results are cached per distinct label."""

    def __init__(self, aliases: dict[str, list[str]], categories: tuple[str, ...]):
        index = {c: i for i, c in enumerate(categories)}
        self.alias_to_cat: dict[str, int] = {}
        for cid, names in aliases.items():
            if cid not in index:
                continue
            for name in [cid.replace("_", " "), *names]:
                key = fold(name)
                if key:
                    self.alias_to_cat.setdefault(key, index[cid])
        self.categories = categories
        ordered = sorted(self.alias_to_cat, key=len, reverse=True)
        self._pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in ordered) + r")\b")
        self._cache: dict[str, tuple[int, str]] = {}

    def match(self, label: str) -> tuple[int, str]:
        """(category index, '') or (-1, hint)."""
        hit = self._cache.get(label)
        if hit is None:
            hit = self._cache[label] = self._match(label)
        return hit

    def _match(self, label: str) -> tuple[int, str]:
        key = fold(label)
        if key in self.alias_to_cat:
            return self.alias_to_cat[key], ""
        found: dict[int, set[int]] = {}
        pos = 0
        while (m := self._pattern.search(key, pos)) is not None:
            found.setdefault(len(m.group(1)), set()).add(self.alias_to_cat[m.group(1)])
            pos = m.start() + 1
        if found:
            cats = found[max(found)]
            if len(cats) == 1:
                return next(iter(cats)), ""
            names = " or ".join(sorted(self.categories[c] for c in cats))
            return -1, f"ambiguous label, could be {names}: write the equipment type more precisely"
        close = difflib.get_close_matches(key, list(self.alias_to_cat), n=1, cutoff=0.6)
        if close:
            cid = self.categories[self.alias_to_cat[close[0]]]
            return -1, f"did you mean {close[0]!r} ({cid})?"
        return -1, "use an equipment type listed by 'enrt factors show' (aliases column)"
