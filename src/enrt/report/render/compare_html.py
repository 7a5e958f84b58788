"""A campaign comparison as one self-contained HTML page (and, through it, a PDF): the
tables of the terminal comparison, and the change drawn as a waterfall, from the old
year's total through each driver's part to the new year's."""
from __future__ import annotations

from ...attribution import DRIVERS
from ...compare import Comparison
from ...i18n import number, t
from .tables_page import page
from .svg import FONT_SIZE, GRID, LABEL_MAX, MANUFACTURE, MUTED, OTHER, ROW, USE, WIDTH, \
    _f, _open, esc, nice_ticks, shorten, text_width

UP, DOWN = USE, MANUFACTURE          # a rise in ochre, a fall in deep green


def waterfall(cmp: Comparison, lang: str, criterion: str = "gwp") -> str:
    """Rows: the old total, each driver's part (from where the previous one ended), the
    new total; a text alternative lists the same figures."""
    total = cmp.totals.get(criterion, {}).get("total")
    parts = cmp.attribution.get(criterion, {})
    if total is None or total.old is None or total.new is None:
        return ""
    rows = [(str(cmp.old.year), 0.0, total.old, OTHER)]
    level = total.old
    for d in DRIVERS:
        v = parts.get(d, 0.0)
        if not v:
            continue
        rows.append((t(f"drv_{d}", lang), level, level + v, UP if v > 0 else DOWN))
        level += v
    rows.append((str(cmp.new.year), 0.0, total.new, OTHER))
    top = max(max(a, b) for _, a, b, _ in rows)
    ticks = nice_ticks(top)
    scale_top = ticks[-1] or 1.0
    label_w = min(LABEL_MAX, max(text_width(r[0]) for r in rows) + 12)
    plot_w = WIDTH - label_w - 90
    height = ROW * len(rows) + 40
    title = t("cmp_attribution", lang)
    ends = (0, len(rows) - 1)           # the two years' totals; between them, signed parts
    desc = "; ".join(f"{name}: {_signed(b - a, lang) if i not in ends else number(b, lang, 1)}"
                     for i, (name, a, b, _) in enumerate(rows)) + " (kg CO2e)"
    out = _open(f"wf-{criterion}", height, title, desc)
    x0 = label_w
    for tick in ticks:
        x = x0 + plot_w * tick / scale_top
        out.append(f'<line x1="{_f(x)}" y1="4" x2="{_f(x)}" y2="{height - 30}" '
                   f'stroke="{GRID}"/>')
        out.append(f'<text x="{_f(x)}" y="{height - 14}" text-anchor="middle" '
                   f'fill="{MUTED}">{esc(number(tick, lang, 0))}</text>')
    for i, (name, a, b, colour) in enumerate(rows):
        y = 6 + i * ROW
        lo, hi = sorted((a, b))
        xa, xb = x0 + plot_w * lo / scale_top, x0 + plot_w * hi / scale_top
        out.append(f'<text x="{_f(label_w - 8)}" y="{_f(y + 12)}" text-anchor="end">'
                   f'{esc(shorten(name, label_w - 12))}</text>')
        out.append(f'<rect x="{_f(xa)}" y="{_f(y + 2)}" width="{_f(max(xb - xa, 1))}" '
                   f'height="14" fill="{colour}"/>')
        text = number(b, lang, 1) if i in ends else _signed(b - a, lang)
        out.append(f'<text x="{_f(xb + 6)}" y="{_f(y + 12)}" font-size="{FONT_SIZE}">'
                   f'{esc(text)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _signed(x: float, lang: str) -> str:
    return ("+" if x > 0 else "") + number(x, lang, 1)


def document(cmp: Comparison, lang: str, head: list[str], sections) -> str:
    """The page: title, the two campaigns, warnings, the waterfall, the tables."""
    chart = waterfall(cmp, lang)
    return page(lang, head[:3], head[3:], sections, {1: chart} if chart else {})
