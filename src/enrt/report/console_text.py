"""Text a console can write: when its encoding (cp1252, ASCII) cannot write a character,
an ASCII stand-in is used (≥ -> >=, … -> ..., € -> EUR, é -> e), never '?'."""
from __future__ import annotations

import codecs
import unicodedata

# what a console that cannot write a character shows instead (ASCII)
_STAND_IN = {"≥": ">=", "≤": "<=", "…": "...", "€": "EUR", "—": "-", "–": "-", "→": "->",
             "←": "<-", "·": "-", "•": "*", "’": "'", "‘": "'", "“": '"', "”": '"', "«": '"',
             "»": '"', "×": "x", "\u202f": " ", "\u00a0": " ", "\u2009": " ", "█": "#",
             "\u2421": "\\x7f", "²": "2", "³": "3", "œ": "oe", "Œ": "OE", "æ": "ae", "ß": "ss"}
_STAND_IN.update({chr(0x2400 + c): f"\\x{c:02x}" for c in range(0x20)})   # safe()'s ␛ ␍ …

def terminal_encoding(encoding: str | None) -> str:
    """The codec's name, or utf-8 when the name is unknown."""
    try:
        return codecs.lookup(encoding or "utf-8").name
    except LookupError:
        return "utf-8"


class Degrade:
    """Text the console can write: characters the encoding cannot write become ASCII
    stand-ins (≥ -> >=, … -> ..., € -> EUR, é -> e), never '?'."""

    def __init__(self, encoding: str | None) -> None:
        self.encoding = terminal_encoding(encoding)
        self.unicode = self.encoding.startswith("utf")
        self._chars: dict[str, str] = {}

    def can(self, s: str) -> bool:
        if self.unicode:
            return True
        try:
            s.encode(self.encoding)
            return True
        except UnicodeEncodeError:
            return False

    def __call__(self, s: str) -> str:
        if self.unicode or self.can(s):
            return s
        return "".join(self._char(c) for c in s)

    def _char(self, c: str) -> str:
        if c not in self._chars:
            if self.can(c):
                out = c
            elif c in _STAND_IN and self.can(_STAND_IN[c]):
                out = _STAND_IN[c]
            else:
                base = "".join(x for x in unicodedata.normalize("NFKD", c)
                               if not unicodedata.combining(x))
                out = base if base and self.can(base) else \
                    (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
            self._chars[c] = out
        return self._chars[c]
