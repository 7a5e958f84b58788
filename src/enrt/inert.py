"""Text from inputs made inert for a terminal: nothing in a cell can move the cursor,
change colours or reverse the text direction of what follows."""
from __future__ import annotations


def _visible(c: int) -> str:
    if c < 0x20:
        return chr(0x2400 + c)                        # control pictures: ␛ ␍ ␊ ␇ ␀ …
    if c == 0x7F:
        return "\u2421"                               # ␡
    if c <= 0x9F:
        return f"\\x{c:02x}"                          # C1 (0x9b is a one-byte CSI)
    return f"\\u{c:04x}"                              # bidi overrides, line separators


_SAFE = {c: _visible(c) for c in (*range(0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
                                  *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028,
                                  0x2029)}


def safe(s: object) -> str:
    """Input text as shown to a person: control characters, escape sequences and
    direction overrides made visible ("\\x1b[31m" -> "␛[31m"). Markup is not touched: give
    the result to a Text, to a console with markup off, or through ``m()``."""
    return ("" if s is None else str(s)).translate(_SAFE)
