"""Inline SVG charts for the HTML and PDF reports: horizontal bars, drawn as text.

No script, no external font or image: the charts inherit nothing from the page that a
PDF engine could miss (font, size and colour are attributes of the ``<svg>``). Each
chart is an image for assistive technology (``role="img"``, ``<title>`` and ``<desc>``
named by ``aria-labelledby``); the report puts the same figures in a table beside it.

Every string that reaches the markup goes through ``esc``: inventory text can hold
markup, quotes and control characters.
"""
from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# colours: each ≥ 3:1 against the white background (WCAG 1.4.11), text ≥ 4.5:1
TEXT = "#1f2328"          # 15.8:1
MUTED = "#57606a"         # 6.4:1
GRID = "#d8dee4"          # decorative grid lines
MANUFACTURE = "#1d4e46"   # 9.4:1, deep green
USE = "#c8741f"           # 3.5:1, ochre (lighter than manufacture: told apart without hue)
BAR = "#2a6355"           # 7.0:1
OTHER = "#6e7781"         # 4.6:1, the "other categories" bar
FONT = ("system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Liberation Sans', "
        "'DejaVu Sans', sans-serif")

WIDTH = 720
FONT_SIZE = 12
ROW = 22                  # height of a row
BAR_H = 14                # height of a bar in it
LABEL_MAX = 250           # the label column at most (longer labels are shortened)

# characters outside XML 1.0 and C1 controls: dropped from anything shown
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute: markup characters escaped, control
    characters and lone surrogates replaced by a space."""
    return html.escape(_UNSHOWABLE.sub(" ", str(value)), quote=True)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """About how wide ``text`` is in a sans-serif font (no font metrics at hand)."""
    em = 0.0
    for c in text:
        if c in "ijlI.,;:'!|()[] ft-r/":
            em += 0.36
        elif c in "mwMW@%—":
            em += 0.95
        elif c.isupper() or c.isdigit():
            em += 0.72
        else:
            em += 0.62
    return em * size


def shorten(text: str, width: float, size: float = FONT_SIZE) -> str:
    """``text``, cut with an ellipsis to fit ``width``."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _finite(x: float | None) -> float:
    return x if x is not None and math.isfinite(x) and x > 0 else 0.0


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round axis ticks from 0 to at least ``top``."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    n = math.ceil(top / step - 1e-9)
    return [i * step for i in range(n + 1)]


@dataclass
class Series:
    label: str
    colour: str


def _open(uid: str, height: int, title: str, desc: str) -> list[str]:
    return [f'<svg class="chart" role="img" aria-labelledby="{uid}-t {uid}-d" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'font-family="{FONT}" font-size="{FONT_SIZE}" fill="{TEXT}">',
            f'<title id="{uid}-t">{esc(title)}</title>',
            f'<desc id="{uid}-d">{esc(desc)}</desc>']


def _f(x: float) -> str:
    """A coordinate, short."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def stacked_bars(uid: str, title: str, desc: str, labels: Sequence[str],
                 values: Sequence[Sequence[float]], series: Sequence[Series],
                 value_text: Callable[[float], str], tick_text: Callable[[float], str]
                 ) -> str:
    """Horizontal bars, one per label, each stacking ``values[i]`` (one per series) from
    left to right; a legend on top, an axis below, each bar's total at its end."""
    totals = [sum(_finite(v) for v in row) for row in values]
    ticks = nice_ticks(max(totals, default=0.0))
    ends = [value_text(x) for x in totals]
    label_w = min(max((text_width(x) for x in labels), default=0) + 10, LABEL_MAX)
    value_w = max((text_width(x) for x in ends), default=0) + 10
    x0, x1 = label_w, WIDTH - value_w
    scale = (x1 - x0) / ticks[-1]
    top, n = 30, len(labels)
    bottom = top + n * ROW
    height = bottom + 22
    out = _open(uid, height, title, desc)
    x = x0
    for s in series:                                       # legend
        out.append(f'<rect x="{_f(x)}" y="6" width="12" height="12" fill="{s.colour}"/>'
                   f'<text x="{_f(x + 17)}" y="16">{esc(s.label)}</text>')
        x += 17 + text_width(s.label) + 24
    for tick in ticks:                                     # grid and axis
        tx = x0 + tick * scale
        out.append(f'<line x1="{_f(tx)}" y1="{top - 4}" x2="{_f(tx)}" y2="{bottom}" '
                   f'stroke="{GRID}"/><text x="{_f(tx)}" y="{height - 6}" '
                   f'text-anchor="middle" fill="{MUTED}">{esc(tick_text(tick))}</text>')
    for i, (label, row) in enumerate(zip(labels, values)):
        y = top + i * ROW + (ROW - BAR_H) / 2
        out.append(f'<text x="{_f(x0 - 8)}" y="{_f(y + BAR_H - 3)}" text-anchor="end">'
                   f'{esc(shorten(label, LABEL_MAX - 10))}</text>')
        x = x0
        for v, s in zip(row, series):
            w = _finite(v) * scale
            if w >= 0.5:
                out.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(max(w - 1, 0.5))}" '
                           f'height="{BAR_H}" fill="{s.colour}"/>')
            x += w
        out.append(f'<text x="{_f(x + 4)}" y="{_f(y + BAR_H - 3)}">{esc(ends[i])}</text>')
    out.append(f'<line x1="{_f(x0)}" y1="{top - 4}" x2="{_f(x0)}" y2="{bottom}" '
               f'stroke="{MUTED}"/></svg>')
    return "".join(out)


def bars(uid: str, title: str, desc: str, labels: Sequence[str], values: Sequence[float],
         texts: Sequence[str], colours: Sequence[str]) -> str:
    """Horizontal bars scaled to the largest, each with its value written at its end."""
    label_w = min(max((text_width(x) for x in labels), default=0) + 10, LABEL_MAX)
    value_w = max((text_width(x) for x in texts), default=0) + 10
    x0, x1 = label_w, WIDTH - value_w
    largest = max((_finite(v) for v in values), default=0.0) or 1.0
    scale = (x1 - x0) / largest
    height = len(labels) * ROW + 4
    out = _open(uid, height, title, desc)
    for i, (label, v, text, colour) in enumerate(zip(labels, values, texts, colours)):
        y = 2 + i * ROW + (ROW - BAR_H) / 2
        w = _finite(v) * scale
        out.append(f'<text x="{_f(x0 - 8)}" y="{_f(y + BAR_H - 3)}" text-anchor="end">'
                   f'{esc(shorten(label, LABEL_MAX - 10))}</text>')
        if w >= 0.5:
            out.append(f'<rect x="{_f(x0)}" y="{_f(y)}" width="{_f(w)}" height="{BAR_H}" '
                       f'fill="{colour}"/>')
        out.append(f'<text x="{_f(x0 + w + 4)}" y="{_f(y + BAR_H - 3)}">{esc(text)}</text>')
    out.append(f'<line x1="{_f(x0)}" y1="0" x2="{_f(x0)}" y2="{height}" '
               f'stroke="{MUTED}"/></svg>')
    return "".join(out)
