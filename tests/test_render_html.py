"""The HTML report (issue 10, point 2), written by the installed ``enrt`` from the example
and read back with the standard library's HTML parser: one self-contained page, no
script and nothing fetched, accessible structure (lang, headings in order, captions and
header cells, charts with text alternatives, contrast), light, printable, numbers
written for the language, and inventory text escaped."""
from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from enrt.i18n import mass, number, t
from enrt.report.render.html import _cell, breakable
from enrt.report.render.svg import esc

from .conftest import EXAMPLES, example_reports, write_csv

ENRT = Path(sys.executable).parent / "enrt"
EXAMPLE = EXAMPLES / "inventaire-commune.xlsx"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# attributes that make a browser fetch something
FETCHING = {"src", "href", "srcset", "data", "poster", "action", "formaction", "xlink:href",
            "background", "ping", "manifest", "codebase", "cite", "longdesc"}


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


class Page(HTMLParser):
    """What the tests look at: tags and attributes, headings, tables, SVGs, text by id."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.headings: list[int] = []
        self.tables: list[dict] = []
        self.svgs: list[dict] = []
        self.style = ""
        self.text_by_id: dict[str, str] = {}
        self.data: list[str] = []                 # every text node, unescaped
        self.stack: list[tuple[str, str | None]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables.append({"caption": "", "th": 0, "th_scoped": 0})
        elif tag == "caption" and self.tables:
            self.tables[-1]["caption_open"] = True
        elif tag == "th" and self.tables:
            self.tables[-1]["th"] += 1
            self.tables[-1]["th_scoped"] += a.get("scope") in ("col", "row")
        elif tag == "svg":
            self.svgs.append({"attrs": a, "title": "", "desc": "", "ids": {}})
        elif tag in ("title", "desc") and self._in("svg"):
            self.svgs[-1]["ids"][a.get("id")] = tag
        if tag not in VOID:
            self.stack.append((tag, a.get("id")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "caption" and self.tables:
            self.tables[-1].pop("caption_open", None)
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.data.append(data)
        top = self.stack[-1][0] if self.stack else None
        if top == "style":
            self.style += data
        if self.tables and self.tables[-1].get("caption_open"):
            self.tables[-1]["caption"] += data
        if top in ("title", "desc") and self._in("svg"):
            self.svgs[-1][top] += data
        for _, id_ in self.stack:
            if id_:
                self.text_by_id[id_] = self.text_by_id.get(id_, "") + data

    def _in(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    def text(self) -> str:
        return " ".join(" ".join(self.data).split())


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> dict:
    """The example's JSON report and its HTML report in both languages."""
    return example_reports(tmp_path_factory.mktemp("html"), "html")


LANGS = pytest.mark.parametrize("lang", ["fr", "en"])


@LANGS
def test_one_page_with_the_language_and_headings_in_order(example, lang):
    raw = example[lang]
    text = raw.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    page = Page(text)
    html_tag = next(a for tag, a in page.tags if tag == "html")
    assert html_tag.get("lang") == lang
    assert any(tag == "meta" and a.get("charset", "").lower() == "utf-8" for tag, a in page.tags)
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    for before, after in zip(page.headings, page.headings[1:]):
        assert after <= before + 1, page.headings          # h1 -> h2 -> h3, never skipping
    assert 2 in page.headings and 3 in page.headings
    assert len(raw) < 200_000


@pytest.mark.parametrize("example_file", sorted(
    p.name for p in EXAMPLES.iterdir() if p.suffix in (".xlsx", ".csv")))
def test_every_example_report_is_light(example_file, tmp_path):
    target = tmp_path / "r.html"
    res = run("assess", EXAMPLES / example_file, "--year", "2025", "-o", target)
    assert res.returncode == 0, res.stderr
    assert target.stat().st_size < 200_000


@LANGS
def test_tables_have_captions_and_header_cells(example, lang):
    page = Page(example[lang].decode("utf-8"))
    assert len(page.tables) >= 8
    for table in page.tables:
        assert table["caption"].strip(), table
        assert table["th"] > 0 and table["th_scoped"] == table["th"], table
    captions = [x["caption"] for x in page.tables]
    assert t("by_category", lang) in captions and t("sources", lang) in captions


@LANGS
def test_every_chart_is_an_image_with_a_text_alternative(example, lang):
    page = Page(example[lang].decode("utf-8"))
    assert len(page.svgs) == 2
    for svg in page.svgs:
        a = svg["attrs"]
        assert a.get("role") == "img"
        named = a.get("aria-labelledby", "").split()
        assert named and all(n in svg["ids"] for n in named)
        assert svg["title"].strip() and svg["desc"].strip()
    titles = [s["title"] for s in page.svgs]
    assert t("chart_share", lang) in titles and t("chart_phases", lang) in titles
    # the stacked bars name every category in their description, with its figures
    phases = next(s for s in page.svgs if s["title"] == t("chart_phases", lang))
    data = example["json"]
    for cat in data["by_category"][:3]:
        assert number(cat["gwp"]["manufacture"], lang, 0) in phases["desc"]


@LANGS
def test_no_script_and_nothing_fetched(example, lang):
    text = example[lang].decode("utf-8")
    page = Page(text)
    tags = [tag for tag, _ in page.tags]
    for forbidden in ("script", "img", "iframe", "object", "embed", "link", "base", "video",
                      "audio", "source", "form", "input", "noscript", "image", "use",
                      "foreignobject"):
        assert forbidden not in tags, forbidden
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)   # no inline handlers
        assert "style" not in attrs, (tag, attrs)
        for key, value in attrs.items():
            if key in FETCHING and not (tag == "a" and key == "href"):
                pytest.fail(f"<{tag} {key}={value!r}> loads something")
        if tag == "a":
            assert re.match(r"https?://", attrs["href"]), attrs
    assert "url(" not in page.style and "@import" not in page.style
    assert "@font-face" not in page.style
    # links are only the sources' addresses
    assert sum(tag == "a" for tag, _ in page.tags) >= 5


@LANGS
def test_the_total_shown_is_the_json_total_written_for_the_language(example, lang):
    page = Page(example[lang].decode("utf-8"))
    data = example["json"]
    total = data["totals"]["gwp"]["total"]
    shown = page.text_by_id["fig-total_gwp"]
    assert mass(total, lang) in shown
    assert t("total_gwp", lang) in shown
    assert mass(total, lang) == ("16,2 t CO2e" if lang == "fr" else "16.2 t CO2e")
    # the category table writes the JSON figures as the language writes numbers
    first = data["by_category"][0]
    table = page.text_by_id["t-by_category"]
    assert number(first["gwp"]["manufacture"], lang, 1) in table
    assert number(first["gwp"]["total"], lang, 1) in table
    if lang == "fr":
        assert "3\u202f405,8" in table          # Babel: narrow no-break space, decimal comma
    else:
        assert "3,405.8" in table


@LANGS
def test_print_stylesheet(example, lang):
    style = Page(example[lang].decode("utf-8")).style
    assert "@media print" in style
    page_rule = re.search(r"@page\s*\{(.*?)\n\}", style, re.DOTALL)
    assert page_rule and re.search(r"size:\s*A4", page_rule.group(1))
    assert re.search(r"margin:\s*\d", page_rule.group(1))
    assert "counter(page)" in page_rule.group(1)
    printed = style[style.index("@media print"):]
    assert "break-before: page" in printed                     # sections start a page
    assert re.search(r"\btr\b[^{]*\{[^}]*break-inside:\s*avoid", printed)
    assert "table-header-group" in printed                    # headers repeat on each page


def _luminance(hex_colour: str) -> float:
    c = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_of_text_and_chart_colours(example):
    page = Page(example["fr"].decode("utf-8"))
    style = page.style
    backgrounds = set(re.findall(r"background:\s*(#[0-9a-f]{6})", style)) | {"#ffffff"}
    texts = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-f]{6})", style))
    assert texts and "#f6f8fa" in backgrounds
    for fg in texts:                              # text: 4.5:1 on every background used
        for bg in backgrounds:
            assert _contrast(fg, bg) >= 4.5, (fg, bg)
    fills, text_fills = set(), set()
    for tag, attrs in page.tags:
        if tag == "rect" and "fill" in attrs:
            fills.add(attrs["fill"])
        if tag in ("svg", "text") and "fill" in attrs:
            text_fills.add(attrs["fill"])
    assert len(fills) >= 3
    for fill in fills:                            # bars: 3:1 against the page
        assert _contrast(fill, "#ffffff") >= 3.0, fill
    for fill in text_fills:
        assert _contrast(fill, "#ffffff") >= 4.5, fill


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    """An inventory whose labels, sites, departments, projects, organisation name and file
    path hold markup, quotes and control characters; its HTML report in French."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / '<b>"dossier'
    folder.mkdir()
    wb = openpyxl.Workbook()
    org = wb.active
    org.title = "Organisation"
    org.append(["Collectivité", f"Mairie {SCRIPT}"])
    org.append(["Nombre d'agents", 12])
    parc = wb.create_sheet("Parc")
    parc.append(["Type", "Quantité", "Site", "Service", "Projet"])
    for h in (SCRIPT, IMG, "<style>*{display:none}</style>", "&amp; &lt;b&gt;"):
        parc.append(["PC portable", 2, h, h, h])
        parc.append([h, 1, h, h, h])            # an unknown label: rejected with an issue
    xlsx = folder / "inv.xlsx"
    wb.save(xlsx)
    csv = write_csv(folder / "ctl.csv", ["Type;Quantité;Site;Service",
                                         "ecran;1;\x1b[31mROUGE\x1b[0m;\x07cloche",
                                         "ecran;1;\x9b31mC1;\u202eevil"])
    target = tmp / "rapport.html"
    res = run("assess", xlsx, csv, "--year", "2025", "--lang", "fr", "-o", target,
              "--name", IMG)
    assert res.returncode in (0, 1), res.stderr
    assert "Traceback" not in res.stderr
    return {"html": target.read_text(encoding="utf-8"), "path": target}


def test_hostile_text_comes_out_escaped(hostile):
    text = hostile["html"].replace("<wbr>", "")       # break opportunities in long words
    page = Page(text)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags
    assert tags.count("style") == 1                            # ours, in <head>
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    shown = page.text()
    assert SCRIPT in shown and IMG in shown                    # shown as text, whole
    assert "&amp; &lt;b&gt;" in shown                          # entities not decoded twice
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in text
    assert page.headings.count(1) == 1
    h1 = next(i for i, (tag, _) in enumerate(page.tags) if tag == "h1")
    assert page.tags[h1 + 1][0] == "p"                         # nothing injected in the title
    for c in ("\x1b", "\x9b", "\x07", "\x00"):
        assert c not in text, repr(c)


def test_escaping_helpers():
    assert esc(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert esc(IMG) == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    assert esc("a\x00b\x1bc\x9bd\ud800e'") == "a b c d e&#x27;"
    # only http(s) addresses become links; anything else is text
    assert _cell("https://example.org/a?b=1&c=2", "text", "fr", link=True) == \
        ('<a href="https://example.org/a?b=1&amp;c=2">https:/<wbr>/<wbr>example.<wbr>org/<wbr>'
         'a?<wbr>b=<wbr>1&amp;c=<wbr>2</a>')
    # break opportunities go after separators of long words only, never inside an entity
    assert breakable(esc("C:\\Users\\me\\inventaire_2025.xlsx")) == \
        "C:\\<wbr>Users\\<wbr>me\\<wbr>inventaire_<wbr>2025.<wbr>xlsx"
    assert breakable(esc("l'inventaire de la mairie")) == "l&#x27;inventaire de la mairie"
    assert breakable(esc("&&&&&&&&&&&&&&&&&&&&&&&&&;;;")) == esc("&&&&&&&&&&&&&&&&&&&&&&&&&;;;")
    for url in ("javascript:alert(1)", "data:text/html,x", 'https://x" onclick="y', "//x.org"):
        assert "<a" not in _cell(url, "text", "fr", link=True)
