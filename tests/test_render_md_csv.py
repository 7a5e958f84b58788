"""The Markdown report and the CSV of rows (issue 10, points 4 and 5), written by the
installed ``enrt`` from real files and read back: the Markdown as text and through a
CommonMark + GFM-tables parser, the CSV with csv.DictReader in both dialects.
docs/report-formats.md documents both; its column table is the CSV's column set."""
from __future__ import annotations

import csv
import io
import json
import math
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from enrt.i18n import mass, percent, t
from enrt.report.render import RenderContext, render
from enrt.report.render.cells import FORMULA_START
from enrt.report.render.csv_rows import COLUMNS
from enrt.report.render.markdown import lead, md_text

from .conftest import EXAMPLES, REPO, write_csv, write_xlsx
from .docs_blocks import ENRT

XLSX = EXAMPLES / "inventaire-commune.xlsx"
LANGS = ("fr", "en")
PROVENANCES = {"input", "default", "derived"}
SOURCES = [c for c in COLUMNS if c.endswith("_source")]
NUMBERS = ["row", "quantity", "value", "lifetime_years", "manufacture_share", "annual_kwh",
           "pue"]


def enrt(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENRT), *map(str, args)], cwd=cwd, capture_output=True,
                          timeout=120, check=False)


def assess(*args, cwd: Path | None = None) -> bytes:
    """Run ``enrt assess ARGS -q``; its stdout (empty when -o names a file)."""
    res = enrt("assess", *args, "-q", cwd=cwd)
    assert res.returncode == 0, res.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in res.stderr
    return res.stdout


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> dict:
    """The example assessed once per format and language."""
    where = tmp_path_factory.mktemp("example")
    assess(XLSX, "--year", "2025", "-o", where / "r.json")
    out = {"json": json.loads((where / "r.json").read_text(encoding="utf-8"))}
    for lang in LANGS:
        for fmt in ("md", "csv"):
            path = where / f"r-{lang}.{fmt}"
            assess(XLSX, "--year", "2025", "--lang", lang, "-o", path)
            out[fmt, lang] = path.read_bytes()
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    """Inventories whose labels, sites, departments, projects, sheet and file names are
    Markdown, HTML, formulas and control characters; relative paths, so the file names
    start the CSV cells."""
    where = tmp_path_factory.mktemp("hostile")
    write_xlsx(where / "=cmd.xlsx", {'=HYPERLINK("x","y")': [
        ["Type d'équipement", "Quantité", "Service", "Site", "Projet"],
        ["PC portable", 2, "-2+3", "a|b", "<script>alert(1)</script>"],
        ["Écran", 3, "**x**", "<img src=x onerror=alert(1)>", "[lien](http://evil.example)"],
        ["PC portable", 1, "_it_ ~~s~~ $m$ &amp; `c`", "x\ny|z", "# h"],
        ["Machine <script>x</script> | **y**", 1, "a", "b", None],
        ["Serveur", 1, "1. liste", "> quote", "+1"]]})
    write_csv(where / "@cmd.csv", ["Type;Quantité;Site;Service",
                                  "PC portable;1;=HYPERLINK(\"http://evil\");@SUM(A1)",
                                  "ecran;1;\x1b[31mROUGE\x1b[0m;\u202eevil",
                                  "ecran;1;\x9b31mC1;+33 1 23"])
    name = "<b>Mairie</b> | **x** #"
    args = ["=cmd.xlsx", "@cmd.csv", "--year", "2025", "--name", name]
    out = {"name": name, "where": where}
    for lang in LANGS:
        out["md", lang] = assess(*args, "--lang", lang, "--format", "md", "-o", "-",
                                 cwd=where).decode("utf-8")
        out["csv", lang] = assess(*args, "--lang", lang, "--format", "csv", "-o", "-",
                                  cwd=where)
    return out


# --- Markdown -------------------------------------------------------------------------

def cells(line: str) -> list[str]:
    """The cells of a pipe-table line: split on the pipes no backslash escapes."""
    assert line.startswith("| ") and line.endswith(" |"), line
    out, cur, i = [], "", 1
    while i < len(line) - 1:
        c = line[i]
        if c == "\\":
            cur += line[i:i + 2]
            i += 2
            continue
        if c == "|":
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    return out + [cur.strip()]


def tables(text: str) -> list[list[str]]:
    out, block = [], []
    for line in text.split("\n") + [""]:
        if line.startswith("|"):
            block.append(line)
        elif block:
            out.append(block)
            block = []
    return out


class Html(HTMLParser):
    """What a Markdown renderer makes of the report: the tags, the text, and the cell
    count of every table row."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.rows: list[list[int]] = []          # per table: cells of each row

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "table":
            self.rows.append([])
        elif tag == "tr":
            self.rows[-1].append(0)
        elif tag in ("td", "th"):
            self.rows[-1][-1] += 1

    def handle_data(self, data):
        self.text.append(data)


ALLOWED_TAGS = {"h1", "h2", "p", "ul", "li", "strong", "em", "table", "thead", "tbody", "tr",
                "th", "td"}


def rendered(text: str) -> Html:
    """The Markdown through markdown-it (CommonMark with GFM tables and strikethrough;
    raw HTML allowed, so any that slipped through would show as a tag)."""
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    page = Html()
    page.feed(md.render(text))
    return page


def check_structure(text: str) -> Html:
    assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n")
    found = tables(text)
    assert found
    for block in found:
        head = len(cells(block[0]))
        assert re.fullmatch(r"\|( ---:? \|)+", block[1]), block[1]
        for line in block[1:]:
            assert len(cells(line)) == head, (block[0], line)
    assert not re.search(r"(?<!\\)<", text.replace("\\\\", "")), "raw HTML"
    page = rendered(text)
    assert page.tags <= ALLOWED_TAGS, page.tags - ALLOWED_TAGS
    assert len(page.rows) == len(found)
    for rows, block in zip(page.rows, found):
        assert set(rows) == {len(cells(block[0]))}, block[0]
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_of_the_example(example, lang):
    text = example["md", lang].decode("utf-8")
    lines = text.split("\n")
    assert lines[0] == "# " + t("title_of", lang, name="Ville de Saint-Exemple")
    assert lines[2] == t("subtitle", lang, year=2025, method=t("method_linear", lang),
                         as_of={"fr": "31 décembre 2025", "en": "31 December 2025"}[lang])
    gwp = example["json"]["totals"]["gwp"]
    total = next(s for s in lines if s.startswith(f"- **{t('total_gwp', lang)}"))
    assert total.endswith("** " + mass(gwp["total"], lang)), total
    assert mass(gwp["total"], lang) == ("16,2 t CO2e" if lang == "fr" else "16.2 t CO2e")
    for key in ("key_figures", "data_quality", "by_category", "totals", "by_entity",
                "by_site", "indicators", "issues", "hypotheses", "sources"):
        assert f"## {t(key, lang)}" in lines, key
    share = percent(example["json"]["indicators"]["defaults_share"]["value"], lang)
    assert t("defaults_sentence", lang, share=share) in lines
    check_structure(text)
    block = next(b for b in tables(text) if cells(b[0])[0] == t("col_category", lang))
    names = [cells(r)[0] for r in block[2:]]
    ids = [c["category"] for c in example["json"]["by_category"]]
    assert len(names) == len(ids) and not set(names) & set(ids)   # labels, never ids
    assert names[0] == ("Ordinateur portable" if lang == "fr" else "Laptop")


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_marks_partial_totals_and_aligns_numbers(example, lang):
    text = example["md", lang].decode("utf-8")
    block = next(b for b in tables(text) if cells(b[0])[0] == t("col_criterion", lang))
    head = cells(block[0])
    assert cells(block[1]) == ["---", "---"] + ["---:"] * (len(head) - 2)
    total = head.index(t("total", lang))
    rows = {cells(r)[0]: cells(r) for r in block[2:]}
    gwp, adpe, pe = (rows[x] for x in (
        ("Changement climatique", "Épuisement des ressources abiotiques (minéraux, métaux)",
         "Énergie primaire") if lang == "fr" else
        ("Climate change", "Abiotic resource depletion (minerals, metals)", "Primary energy")))
    assert not gwp[total].startswith("≥")
    share = percent(example["json"]["totals"]["adpe"]["coverage"], lang)
    assert adpe[total].startswith("≥ ") and t("of_units", lang, share=share) in adpe[total]
    assert pe[total].startswith("≥ ") and t("use_only", lang) in pe[total]
    assert pe[head.index(t("manufacture", lang))] == "—"      # not covered, not 0
    note = text.split("\n")[text.split("\n").index(block[-1]) + 2]
    assert note.startswith(f"*{t('partial', lang)}") and note.endswith("*")


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_inventory_stays_inert_in_markdown(hostile, lang):
    text = hostile["md", lang]
    page = check_structure(text)
    shown = "".join(page.text)
    for s in ("a|b", "**x**", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
              "[lien](http://evil.example)", "_it_ ~~s~~ $m$ &amp; `c`", "y|z", "# h",
              "Machine <script>x</script> | **y**", "1. liste", "> quote", "+1",
              '=HYPERLINK("x","y")', "=cmd.xlsx", '=HYPERLINK("http://evil")', "-2+3",
              "@SUM(A1)", "+33 1 23", "@cmd.csv"):
        assert s in shown, s
    assert text.startswith("# " + md_text(t("title_of", lang, name=hostile["name"])) + "\n")
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "␛[31mROUGE␛[0m" in shown


def test_md_text_escapes_what_markdown_acts_on():
    assert md_text("a|b") == "a\\|b"
    assert md_text("**x**") == "\\*\\*x\\*\\*"
    assert md_text("<script>") == "\\<script>"
    assert md_text("[a](b)") == "\\[a\\](b)"
    assert md_text("all_in_one electrical_mix.csv") == "all_in_one electrical_mix.csv"
    assert md_text("_x_ __y__") == "\\_x\\_ \\_\\_y\\_\\_"
    assert md_text("R&D &amp; &#60;") == "R&D \\&amp; &\\#60;"
    assert md_text("a\r\nb\tc") == "a  b c"
    assert md_text("\x1b[1m\x9b\u202e") == "␛\\[1m\\\\x9b\\\\u202e"
    assert md_text("a\\|b") == "a\\\\\\|b"
    assert md_text(None) == "" and md_text(3.5) == "3.5"
    assert lead("1. x") == "1\\. x" and lead("- x") == "\\- x" and lead("> q") == "\\> q"
    assert lead("  + x") == "\\+ x" and lead("2024 x") == "2024 x"


def test_markdown_lists_the_first_hundred_issues(tmp_path):
    inv = write_csv(tmp_path / "many.csv", ["Type;Quantité", *(f"truc {i};1" for i in range(130)),
                                            "PC portable;1"])
    text = assess(inv, "--year", "2025", "--lang", "en", "-o", "-", "--format", "md").decode()
    issues = json.loads(assess(inv, "--year", "2025", "-o", "-", "--format", "json"))["issues"]
    assert len(issues) > 130
    check_structure(text)
    block = next(b for b in tables(text) if cells(b[0])[0] == t("col_severity", "en"))
    assert len(block) == 2 + 100
    assert f"… and {len(issues) - 100} more: the JSON report (--format json) lists them " \
        "all." in text


def test_markdown_to_stdout_is_the_file(example):
    assert assess(XLSX, "--year", "2025", "--lang", "fr", "--format", "md", "-o", "-") \
        == example["md", "fr"]


# --- CSV ------------------------------------------------------------------------------

def read_csv(data: bytes, lang: str) -> tuple[list[str], list[dict[str, str]]]:
    if lang == "fr":
        assert data.startswith(b"\xef\xbb\xbf")
        text, sep = data.decode("utf-8-sig"), ";"
    else:
        assert not data.startswith(b"\xef\xbb\xbf")
        text, sep = data.decode("utf-8"), ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sep)
    rows = list(reader)
    assert all(None not in r and None not in r.values() for r in rows)   # no ragged line
    return list(reader.fieldnames or []), rows


def num(cell: str, lang: str) -> float | None:
    """A number cell read back; it must be the exact repr of its value."""
    if cell == "":
        return None
    if lang == "fr":
        assert "." not in cell, cell
        cell = cell.replace(",", ".")
    x = float(cell)
    assert repr(x) == cell or (cell.lstrip("-").isdigit() and int(cell) == x), cell
    return x


def documented_columns() -> list[str]:
    text = (REPO / "docs" / "report-formats.md").read_text(encoding="utf-8")
    section = text.split("### Columns", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)


def test_the_documented_columns_are_the_csv_columns():
    assert documented_columns() == list(COLUMNS)
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", c) for c in COLUMNS)


@pytest.mark.parametrize("lang", LANGS)
def test_csv_of_the_example(example, lang):
    data = example["csv", lang]
    if lang == "fr":
        assert data.count(b"\r\n") == data.count(b"\n") > 0 and b";" in data.split(b"\n")[0]
    else:
        assert b"\r" not in data
    names, rows = read_csv(data, lang)
    assert names == documented_columns()
    report = example["json"]
    criteria = list(report["totals"])
    assessed = sum(i["rows_assessed"] for i in report["inputs"])
    assert len(rows) == assessed * len(criteria) * 2 == 28 * 3 * 2
    # the lines of a row follow each other: criteria in order, manufacture then use
    assert [(r["criterion"], r["phase"]) for r in rows[:6]] == [
        (k, p) for k in criteria for p in ("manufacture", "use")]
    for r in rows:
        for c in NUMBERS:
            num(r[c], lang)
        assert r["source_file"] == str(XLSX) and r["sheet"] == "Parc"
        assert r["covered"] in ("true", "false")
        assert (r["value"] == "") == (r["covered"] == "false")
        assert r["unit"] == report["totals"][r["criterion"]]["unit"]
        assert r["condition"] in ("new", "refurbished", "reused", "reassigned")
        assert r["manufacture_share_source"] == "derived"
    # every criterion and phase adds up to the report's totals (services are not rows)
    for k, total in report["totals"].items():
        for phase in ("manufacture", "use"):
            values = [num(r["value"], lang) for r in rows
                      if r["criterion"] == k and r["phase"] == phase]
            if total[phase] is None:
                assert set(values) == {None}
            else:
                got = math.fsum(v for v in values if v is not None)
                assert got == pytest.approx(total[phase], rel=1e-6, abs=1e-12), (k, phase)
    gwp = report["totals"]["gwp"]
    got = math.fsum(num(r["value"], lang) for r in rows if r["criterion"] == "gwp")
    assert got == pytest.approx(gwp["manufacture"] + gwp["use"], rel=1e-6)
    # pe has no manufacture factor in ademe-2025: empty, not 0, and covered false
    pe = [r for r in rows if r["criterion"] == "pe" and r["phase"] == "manufacture"]
    assert pe and all(r["value"] == "" and r["covered"] == "false" for r in pe)
    assert any(r["covered"] == "false" for r in rows if r["criterion"] == "adpe")
    # provenance words, and what the example says of its rows
    for c in SOURCES:
        assert {r[c] for r in rows} <= PROVENANCES, c
    assert {"input", "default"} <= {r[c] for r in rows for c in SOURCES}
    assert {r["lifetime_years_source"] for r in rows} == {"default"}
    assert {r["annual_kwh_source"] for r in rows} == {"input", "default"}
    first = rows[0]
    assert (first["row"], first["category"], first["category_label"]) == (
        "5", "laptop", "Ordinateur portable" if lang == "fr" else "Laptop")
    assert num(first["value"], lang) == 2961.6 and num(first["quantity"], lang) == 80


def test_csv_is_the_same_in_both_languages_but_labels_and_dialect(example):
    _, fr = read_csv(example["csv", "fr"], "fr")
    _, en = read_csv(example["csv", "en"], "en")
    assert len(fr) == len(en)
    for a, b in zip(fr, en):
        for c in COLUMNS:
            if c in NUMBERS:
                assert num(a[c], "fr") == num(b[c], "en"), c
            elif c != "category_label":
                assert a[c] == b[c], c


@pytest.mark.parametrize("lang", LANGS)
def test_csv_to_stdout_is_the_file(example, lang):
    out = assess(XLSX, "--year", "2025", "--lang", lang, "--format", "csv", "-o", "-")
    assert out == example["csv", lang]


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_strings_are_inert_in_csv(hostile, lang):
    _, rows = read_csv(hostile["csv", lang], lang)
    assert rows
    files = {r["source_file"] for r in rows}
    assert files == {"'=cmd.xlsx", "'@cmd.csv"}
    assert {r["sheet"] for r in rows} == {"'=HYPERLINK(\"x\",\"y\")", ""}
    for r in rows:
        for c, v in r.items():
            if v.startswith(FORMULA_START):
                assert c in NUMBERS and num(v, lang) is not None, (c, v)


def test_csv_needs_the_rows(example):
    from enrt.report.model import Report
    report = Report.model_validate(example["json"])
    with pytest.raises(ValueError, match="assessed rows"):
        render(report, "csv", RenderContext(lang="en"))


def plain_csv(report, rows, lang: str) -> bytes:
    """The CSV of rows as the obvious loop over csv.writer writes it: the renderer's
    faster layout must give the same bytes."""
    from enrt.fleet import PROVENANCE_NAMES
    from enrt.report.render.cells import inert
    from enrt.report.view import category_label
    from enrt.rows import CONDITION_NAMES
    fr = lang == "fr"
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";" if fr else ",", lineterminator="\r\n" if fr else "\n")
    w.writerow(COLUMNS)
    labels = {c.category: category_label(c, lang) for c in report.by_category}

    def n(x) -> str:
        x = float(x)
        text = repr(x) if math.isfinite(x) else ""
        return text.replace(".", ",") if fr else text

    def p(field: str, i: int) -> str:
        return PROVENANCE_NAMES[int(rows.provenance[field][i])]

    for i in range(len(rows)):
        cat = rows.categories[rows.category[i]]
        for k, crit in enumerate(rows.criteria):
            for phase, values in (("manufacture", rows.manufacture), ("use", rows.use)):
                v = n(values[i, k])
                w.writerow([
                    inert(rows.inputs[rows.input_index[i]]), inert(rows.sheet_names[rows.sheet[i]]),
                    int(rows.row_number[i]), cat, inert(labels.get(cat, cat)), n(rows.quantity[i]),
                    p("quantity", i), crit, phase, v, report.totals[crit].unit,
                    "true" if v else "false", n(rows.lifetime[i]), p("lifetime", i),
                    n(rows.share[i]), "derived", n(rows.annual_kwh[i]), p("annual_kwh", i),
                    n(rows.pue[i]), p("pue", i), inert(rows.countries[rows.country[i]]),
                    p("country", i), CONDITION_NAMES[int(rows.condition[i])], p("condition", i)])
    return buf.getvalue().encode("utf-8-sig" if fr else "utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_csv_is_what_a_plain_csv_writer_writes(hostile, lang, monkeypatch):
    from enrt.options import AssessOptions
    from enrt.pipeline import run_with_rows
    monkeypatch.chdir(hostile["where"])
    for inputs in ([XLSX], ["=cmd.xlsx", "@cmd.csv"]):
        report, rows = run_with_rows(inputs, AssessOptions(year=2025), None, keep_rows=True)
        assert len(rows)
        assert render(report, "csv", RenderContext(lang=lang, rows=rows)) \
            == plain_csv(report, rows, lang)
