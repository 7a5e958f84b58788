"""Free-text equipment labels -> category ids, through the factor set's alias table.

"Ecran 24 pouces" matches the alias "ecran" because the alias appears as whole words in
the label; the longest matching alias wins ("imprimante multifonction" over
"imprimante"). Two different categories matching with aliases of the same length is
ambiguous and rejected rather than guessed. Equipment the factor sets have no category
for (UPS, camera, keyboard) is named as such; a "did you mean" is offered only when an
alias is close enough (rapidfuzz ratio >= SUGGEST_MIN), never a far-fetched one.
"""
from __future__ import annotations

import re

from ..messages import either, hint, term
from ..normalize import fold

UNKNOWN, TOTAL_LABEL, NO_TYPE, NO_CATEGORY, AMBIGUOUS = -1, -2, -3, -4, -6
SUGGEST_MIN = 80          # rapidfuzz ratio (0-100) below which no suggestion is made
MAX_SUGGESTIONS = 1000    # distinct unknown labels that get a suggestion in one run
MAX_LABEL = 500           # longer "labels" are not folded, matched or compared

TOTAL_WORDS = ("total", "sous total", "subtotal", "sub total", "grand total", "total general",
               "totaux", "somme", "sum")
_TOTAL_ANYWHERE = re.compile(r"\b(total|totaux|sous total|subtotal)\b")


def is_total_label(label: object) -> bool:
    key = fold(label) if isinstance(label, str) else ""
    return any(key == w or key.startswith(w + " ") for w in TOTAL_WORDS)


def mentions_total(label: object) -> bool:
    """'Nombre total de matériels : 96': a total line written as a sentence."""
    return isinstance(label, str) and _TOTAL_ANYWHERE.search(fold(label)) is not None


# Equipment people list that no factor set category covers: named plainly, never matched
# to the nearest-looking category ("Onduleur" is not a "routeur"). Keys are the catalogue's
# terms "no-category.<key>" (enrt.messages).
NO_CATEGORY_WORDS: dict[str, list[str]] = {
    "ups": ["onduleur", "onduleurs", "ups", "alimentation sans interruption", "asi"],
    "camera": ["camera", "cameras", "caméra", "caméras", "videoprotection", "vidéoprotection",
               "videosurveillance", "vidéosurveillance", "cctv", "camera ip", "webcam",
               "appareil photo", "nvr", "enregistreur video"],
    "keyboard": ["clavier", "claviers", "souris", "keyboard", "mouse", "pave numerique",
                          "kit clavier souris"],
    "headset": ["casque", "micro casque", "casque audio", "headset", "headphones",
                           "enceinte", "haut parleur", "speaker", "speakers", "micro"],
    "scanner": ["scanner", "scanners", "scanneur", "numeriseur", "numériseur",
                "lecteur code barre", "lecteur de code barre", "douchette",
                "barcode scanner"],
    "badge-reader": ["badgeuse", "lecteur de badge", "badge reader",
                                         "terminal de paiement", "tpe", "horodateur"],
    "thin-client": ["client leger", "client léger", "thin client", "zero client"],
    "accessory": ["cable", "câble", "chargeur", "charger", "adaptateur", "adapter", "cle usb",
                  "clé usb", "usb key", "batterie", "battery", "pdu", "kvm",
                  "baie de brassage", "panneau de brassage", "patch panel"],
    "radio": ["talkie walkie", "radio", "gps", "balise gps"],
}
# Bare words that name two categories: rejected with both readings (the catalogue's terms
# "reading.<word>"), not guessed.
AMBIGUOUS_WORDS = {w: term(f"reading.{w}")
                   for w in ("portable", "portables", "poste", "postes", "terminal")}


def singular(key: str) -> str:
    """French and English plurals folded to the singular, word by word: 'pc portables' ->
    'pc portable', 'bureaux' -> 'bureau'; words of three letters or less are kept."""
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" and not w.endswith("ss") else w
                    for w in key.split())


def _word_pattern(words) -> re.Pattern:
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")             # matches nothing
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in ordered) + r")\b")


_NO_CAT_INDEX = {fold(w): term(f"no-category.{key}")
                 for key, words in NO_CATEGORY_WORDS.items() for w in words}
_NO_CAT_PATTERN: list[re.Pattern] = []      # compiled when first needed (a few ms)


def _no_category_pattern() -> re.Pattern:
    if not _NO_CAT_PATTERN:
        _NO_CAT_PATTERN.append(_word_pattern(_NO_CAT_INDEX))
    return _NO_CAT_PATTERN[0]
_AMBIGUOUS = {fold(k): v for k, v in AMBIGUOUS_WORDS.items()}


class LabelMatcher:
    """Matches labels to category indices; results are cached per distinct label.

    ``overrides`` (label -> category id, from a mapping file) win over the aliases."""

    def __init__(self, aliases: dict[str, list[str]], categories: tuple[str, ...],
                 overrides: dict[str, str] | None = None):
        index = {c: i for i, c in enumerate(categories)}
        self.alias_to_cat: dict[str, int] = {}
        for cid, names in aliases.items():
            if cid not in index:
                continue
            for name in [cid.replace("_", " "), *names]:
                key = fold(name)
                if key:
                    self.alias_to_cat.setdefault(key, index[cid])
        self.overrides = {fold(k): index[v] for k, v in (overrides or {}).items()
                          if v in index}
        self.categories = categories
        self._aliases = list(self.alias_to_cat)
        self._compiled: re.Pattern | None = None
        self._cache: dict[str, tuple[int, str]] = {}
        self._suggested = 0

    def _pattern(self) -> re.Pattern:
        """Every alias as whole words, compiled when a label is not an alias itself (the
        alternation of hundreds of aliases takes milliseconds to compile)."""
        if self._compiled is None:
            self._compiled = _word_pattern(self.alias_to_cat)
        return self._compiled

    def match(self, label: str) -> tuple[int, str]:
        """(category index, '') or (UNKNOWN | AMBIGUOUS | NO_CATEGORY, hint): the hint is
        a catalogue text (enrt.messages), its ``id`` says which."""
        if len(label) > MAX_LABEL:
            return UNKNOWN, hint("type.too-long", n=len(label))
        hit = self._cache.get(label)
        if hit is None:
            hit = self._cache[label] = self._match(label)
        return hit

    def _match(self, label: str) -> tuple[int, str]:
        key = fold(label)
        if key in self.overrides:
            return self.overrides[key], ""
        hit = self._aliases_in(key)
        if hit is None and (one := singular(key)) != key:
            hit = self._aliases_in(one)       # "PC portables", "Écrans", "Ordinateurs fixes"
        if hit is not None:
            return hit
        if key in _AMBIGUOUS:
            return AMBIGUOUS, hint("type.ambiguous-word", readings=_AMBIGUOUS[key])
        if (m := _no_category_pattern().search(key)) is not None:
            return NO_CATEGORY, hint("type.no-category", what=_NO_CAT_INDEX[m.group(1)])
        return UNKNOWN, self.suggestion(key)

    def _aliases_in(self, key: str) -> tuple[int, str] | None:
        """The category of the longest alias found as whole words in ``key``."""
        if key in self.overrides:
            return self.overrides[key], ""
        if key in self.alias_to_cat:
            return self.alias_to_cat[key], ""
        found: dict[int, set[int]] = {}
        pos = 0
        while (m := self._pattern().search(key, pos)) is not None:
            found.setdefault(len(m.group(1)), set()).add(self.alias_to_cat[m.group(1)])
            pos = m.start() + 1
        if found:
            cats = found[max(found)]
            if len(cats) == 1:
                return next(iter(cats)), ""
            names = either(sorted(self.categories[c] for c in cats))
            return AMBIGUOUS, hint("type.ambiguous-alias", names=names)
        return None

    def suggestion(self, key: str) -> str:
        from rapidfuzz import fuzz, process       # only runs when a label is unknown
        self._suggested += 1
        if self._suggested > MAX_SUGGESTIONS:
            return hint("type.too-many", max=MAX_SUGGESTIONS)
        close = process.extractOne(key, self._aliases, scorer=fuzz.ratio,
                                   score_cutoff=SUGGEST_MIN) if len(key) >= 4 else None
        if close:
            cid = self.categories[self.alias_to_cat[close[0]]]
            return hint("type.did-you-mean", alias=close[0], category=cid)
        return hint("type.unknown")
