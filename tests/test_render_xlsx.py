"""The xlsx report (issue 10, point 1), written by the installed ``enrt`` from real files and
read back with openpyxl: sheets in the report language, numbers as numbers with a number
format, labels not ids, native charts, every assessed row with the provenance of its values,
formula-like text from the inputs inert (CWE-1236), the same bytes twice, and a workbook
LibreOffice converts without complaint (when ``soffice`` is installed)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart

from enrt.report.render.cells import EXCEL_FORMATS, FORMULA_START

from .conftest import write_csv, write_xlsx

ENRT = Path(sys.executable).parent / "enrt"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "inventaire-commune.xlsx"
ASSESSED = 28                                    # rows the example assesses

SHEETS = {
    "fr": ["Synthèse", "Graphiques", "Par catégorie", "Par service", "Par site",
           "Totaux par critère", "Indicateurs REEN", "Lignes évaluées", "Rejetées et écartées",
           "Points à vérifier", "Fichiers", "Hypothèses", "Sources"],
    "en": ["Summary", "Charts", "By category", "By department", "By site",
           "Totals by criterion", "REEN indicators", "Assessed rows", "Rejected and skipped",
           "Issues", "Input files", "Assumptions", "Sources"],
}
WORD = {  # what the tests look for, per language
    "fr": {"total": "Empreinte carbone annuelle", "manufacture": "Fabrication",
           "use": "Utilisation", "per_agent": "Par agent", "laptop": "Ordinateur portable",
           "prov": {"inventaire", "défaut"}, "col_manufacture": "Fabrication (kg CO2e/an)",
           "col_use": "Utilisation (kg CO2e/an)", "category": "Catégorie",
           "quantity": "Quantité", "partial": "Résultat partiel", "skipped": "écartée",
           "blank": "ligne vide", "src_quantity": "Origine de la quantité"},
    "en": {"total": "Annual carbon footprint", "manufacture": "Manufacture", "use": "Use",
           "per_agent": "Per agent", "laptop": "Laptop", "prov": {"input", "default"},
           "col_manufacture": "Manufacture (kg CO2e/yr)", "col_use": "Use (kg CO2e/yr)",
           "category": "Category", "quantity": "Quantity", "partial": "Partial result",
           "skipped": "skipped", "blank": "blank row", "src_quantity": "Source of quantity"},
}
HEADER = 3                                       # tables: title, note, header on row 3
T_CO2E = '#,##0.0 "t CO2e"'


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False, cwd=cwd)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """The example assessed once per language as xlsx, and once as JSON."""
    folder = tmp_path_factory.mktemp("xlsx")
    out = {"dir": folder}
    for lang in ("fr", "en"):
        path = folder / f"rapport-{lang}.xlsx"
        res = run("assess", EXAMPLE, "--year", "2025", "--lang", lang, "-o", path, "-q")
        assert res.returncode == 0, res.stderr
        out[lang] = path
    res = run("assess", EXAMPLE, "--year", "2025", "--format", "json", "-o",
              folder / "r.json", "-q")
    assert res.returncode == 0, res.stderr
    out["json"] = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    return out


def book(made, lang):
    return openpyxl.load_workbook(made[lang])


def table(ws) -> tuple[list[str], list[list]]:
    """Header (row 3) and data rows of a table sheet, as cells."""
    header = [c.value for c in ws[HEADER]]
    rows = [list(r) for r in ws.iter_rows(min_row=HEADER + 1) if any(c.value is not None
                                                                    for c in r)]
    return header, rows


def summary_line(ws, label: str):
    for row in ws.iter_rows():
        if row[0].value == label:
            return row
    raise AssertionError(f"{label!r} not on the summary")


# ------------------------------------------------------------------------------ structure

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sheets_in_the_report_language(made, lang):
    wb = book(made, lang)
    assert wb.sheetnames == SHEETS[lang]
    assert wb.properties.language == ("fr-FR" if lang == "fr" else "en-GB")
    for ws in wb.worksheets[2:]:                 # the tables: frozen header, filter, bold
        assert ws.freeze_panes == f"A{HEADER + 1}", ws.title
        assert ws.auto_filter.ref.startswith(f"A{HEADER}:"), ws.title
        assert all(c.font.b for c in ws[HEADER] if c.value is not None), ws.title
        assert ws.column_dimensions["A"].width >= 8, ws.title
        assert int(ws.page_setup.paperSize) == 9              # A4


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_summary_figures_are_numbers_from_the_report(made, lang):
    r, w = made["json"], WORD[lang]
    ws = book(made, lang).worksheets[0]
    gwp = r["totals"]["gwp"]
    total = summary_line(ws, w["total"])[1]
    assert total.data_type == "n" and total.number_format == T_CO2E
    assert total.value == pytest.approx(gwp["total"] / 1000)
    for key in ("manufacture", "use"):
        _, value, share = summary_line(ws, w[key])[:3]
        assert value.value == pytest.approx(gwp[key] / 1000)
        assert value.number_format == T_CO2E
        assert share.value == pytest.approx(gwp[key] / gwp["total"])
        assert share.number_format == EXCEL_FORMATS["ratio"]
    per_agent = summary_line(ws, w["per_agent"])[1]
    assert per_agent.value == pytest.approx(r["indicators"]["gwp_per_agent_kg"]["value"])
    assert "kg CO2e" in per_agent.number_format
    text = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("59 %" in x for x in text)                      # data-quality sentence
    fs = r["factor_set"]
    assert f"{fs['id']} {fs['version']}" in text and fs["sha256"] in text
    assert {"fr": "linéaire", "en": "linear"}[lang] in text           # the method, in words
    assert any(c.value == r["assessment"]["year"] for row in ws.iter_rows() for c in row)
    # the five main categories, labels not ids, with their totals
    cats = r["by_category"][:5]
    names = [c["label"] if lang == "fr" else c["label_en"] for c in cats]
    rows = {row[0].value: row for row in ws.iter_rows() if row[0].value in names}
    assert list(rows) == names and names[0] == w["laptop"]
    for c, name in zip(cats, names):
        assert rows[name][1].value == pytest.approx(c["gwp"]["total"])
        assert rows[name][1].number_format == EXCEL_FORMATS["kg"]
    # one A4 page
    assert int(ws.page_setup.paperSize) == 9              # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_by_category_numbers_and_labels(made, lang):
    r, w = made["json"], WORD[lang]
    header, rows = table(book(made, lang)[SHEETS[lang][2]])
    assert header[:3] == [w["category"], w["quantity"], w["col_manufacture"]]
    assert len(rows) == len(r["by_category"])
    ids = {c["category"] for c in r["by_category"]}
    for row, c in zip(rows, r["by_category"]):
        label, qty, man, use, total, share = row
        assert label.value == (c["label"] if lang == "fr" else c["label_en"])
        assert label.value not in ids
        assert (qty.value, qty.number_format) == (c["quantity"], EXCEL_FORMATS["int"])
        for cell, value in ((man, c["gwp"]["manufacture"]), (use, c["gwp"]["use"]),
                            (total, c["gwp"]["total"])):
            assert cell.data_type == "n" and cell.value == pytest.approx(value)
            assert cell.number_format in (EXCEL_FORMATS["kg"], "0.000")
        assert share.value == pytest.approx(c["gwp"]["total"] / r["totals"]["gwp"]["total"])
        assert share.number_format == EXCEL_FORMATS["ratio"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_totals_per_criterion_mark_partial_ones(made, lang):
    r, w = made["json"], WORD[lang]
    _, rows = table(book(made, lang)[SHEETS[lang][5]])
    assert len(rows) == len(r["totals"])
    for row, (key, tot) in zip(rows, r["totals"].items()):
        total = row[5]
        assert total.data_type == "n" and total.value == pytest.approx(tot["total"])
        note = row[-1].value
        assert (note is not None and note.startswith(w["partial"])) == (not tot["complete"])
    assert not all(tot["complete"] for tot in r["totals"].values())   # the example has some


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_number_is_written_as_text(made, lang):
    looks_numeric = re.compile(r"^-?\d+(?:[\s\u202f,]\d{3})*(?:[.,]\d+)?\s*%?$")
    for ws in book(made, lang):
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert not looks_numeric.match(c.value), (ws.title, c.coordinate, c.value)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_native_charts(made, lang):
    ws = book(made, lang)[SHEETS[lang][1]]
    charts = ws._charts
    assert len(charts) == 2 and all(isinstance(c, BarChart) for c in charts)
    phases, share = charts
    assert phases.grouping == "stacked" and len(phases.series) == 2
    assert len(share.series) == 1
    assert phases.title is not None and share.title is not None
    ref = phases.series[0].val.numRef.f
    assert SHEETS[lang][2] in ref                       # drawn on the by-category sheet


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_assessed_rows_with_provenance(made, lang):
    r, w = made["json"], WORD[lang]
    header, rows = table(book(made, lang)[SHEETS[lang][7]])
    assert len(rows) == ASSESSED == r["inputs"][0]["rows_assessed"]
    col = {h: i for i, h in enumerate(header)}
    cat = col[w["category"]]
    assert w["laptop"] in {row[cat].value for row in rows}
    ids = {c["category"] for c in r["by_category"]}
    assert not ids & {row[cat].value for row in rows}
    words = {row[col[w["src_quantity"]]].value for row in rows}
    prov = [h for h in header if h.startswith(("Origine", "Source of"))]
    assert len(prov) == 6
    seen = {row[col[h]].value for row in rows for h in prov}
    assert w["prov"] <= seen and words <= seen
    for row in rows:
        assert row[0].value.endswith("inventaire-commune.xlsx") and row[1].value == "Parc"
        assert row[2].data_type == "n" and row[2].value > 0
        assert row[col[w["quantity"]]].data_type == "n"
    # the rows add up to the report's totals
    for key, name in (("manufacture", "col_manufacture"), ("use", "col_use")):
        got = sum(row[col[w[name]]].value or 0 for row in rows)
        assert got == pytest.approx(r["totals"]["gwp"][key])
        assert rows[0][col[w[name]]].number_format == EXCEL_FORMATS["kg"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_skipped_rows_with_their_reasons(made, lang):
    r, w = made["json"], WORD[lang]
    _, rows = table(book(made, lang)[SHEETS[lang][8]])
    skipped = {(s["name"], reason): n for s in r["inputs"][0]["sheets"]
               for reason, n in s["skipped"].items()}
    got = {(row[2].value, row[5].value): row[4].value for row in rows
           if row[0].value == w["skipped"]}
    assert got == skipped and skipped
    assert w["blank"] in {row[6].value for row in rows}


def test_same_report_same_bytes(made, tmp_path):
    again = tmp_path / "again.xlsx"
    res = run("assess", EXAMPLE, "--year", "2025", "--lang", "fr", "-o", again, "-q")
    assert res.returncode == 0, res.stderr
    assert again.read_bytes() == made["fr"].read_bytes()
    with zipfile.ZipFile(again) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 12, 31, 0, 0, 0)}
        assert "2025-12-31T00:00:00Z" in z.read("docProps/core.xml").decode()


# ------------------------------------------------------------------------------ hostile text

HOSTILE = ['=HYPERLINK("http://x","y")', "+33 1 23", "@SUM(A1)", "-2+3", "=1+1"]


def text_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A workbook whose strings are stored as text, as a person types '=1+1 in Excel (openpyxl
    alone would store "=1+1" as a formula)."""
    write_xlsx(path, sheets)
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    c.data_type = "s"
                    c.quotePrefix = True
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    """An inventory whose sites, departments, projects, equipment types, service labels and
    category labels (a factor-set overlay) read like formulas."""
    folder = tmp_path_factory.mktemp("hostile")
    repo = EXAMPLE.parent.parent
    overlay = folder / "hostile.yaml"
    overlay.write_text(f"""\
schema_version: 1
id: hostile
version: "1"
extends: {json.dumps(str(repo / "factors" / "ademe-2025.yaml"))}
published: "2026-01-01"
license: "test"
categories:
  laptop:
    label_fr: "=HYPERLINK(\\"http://x\\",\\"y\\")"
    label_en: "@SUM(A1)"
  monitor:
    label_fr: "-2+3"
    label_en: "+33 1 23"
""", encoding="utf-8")
    inv = text_xlsx(folder / "inv.xlsx", {
        "Organisation": [["Collectivité", "=cmd|' /C calc'!A0"], ["Nombre d'agents", 10]],
        "Parc": [["Type", "Quantité", "Site", "Service", "Projet"]]
        + [["PC portable", 1, h, h, h] for h in HOSTILE]
        + [["Ecran", 2, h, h, h] for h in HOSTILE]
        + [[h, 1, "Mairie", "DSI", None] for h in HOSTILE],          # rejected: unknown type
        "Services": [["Services hébergés, réseau et prestations"],
                     ["Service hébergé", "Quantité", "Unité", "Montant (€ HT)"],
                     ["VM", 10, "VM-an", None]]
        + [[h, 3, "VM-an", None] for h in HOSTILE]})                 # rejected: unknown
    out = {"dir": folder}
    for lang in ("fr", "en"):
        path = folder / f"h-{lang}.xlsx"
        res = run("assess", inv, "--factors", overlay, "--year", "2025", "--lang", lang,
                  "-o", path, "-q")
        assert res.returncode == 0, res.stderr
        out[lang] = path
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_formula_like_text_is_inert_in_every_sheet(hostile, lang):
    path = hostile[lang]
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name
    wb = openpyxl.load_workbook(path)
    strings = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert c.data_type == "s", (ws.title, c.coordinate)
                    assert not c.value.startswith(FORMULA_START), (ws.title, c.coordinate,
                                                                   c.value)
                    strings.append((ws.title, c.value))
    guarded = {"'" + h for h in HOSTILE}
    where = {title for title, value in strings if value in guarded}
    sheets = SHEETS[lang]
    for title in (sheets[2], sheets[3], sheets[4], sheets[7]):   # categories, depts, sites, rows
        assert title in where, (title, where)
    assert any(value == "'-2+3" or value == "'+33 1 23" for _, value in strings)
    # the rejected rows (unknown types and services) are listed, their text inside messages
    rejected = [v for t, v in strings if t == wb.sheetnames[wb.sheetnames.index(
        "Rejetées et écartées" if lang == "fr" else "Rejected and skipped")]]
    assert any("HYPERLINK" in v for v in rejected)
    # the values are there for a person to read, not lost
    wb = openpyxl.load_workbook(path, data_only=True)
    assert any(c.value == "'=1+1" for ws in wb for row in ws.iter_rows() for c in row)


def test_nothing_assessed_still_gives_a_workbook(tmp_path):
    """Every row rejected (exit 1): the workbook says so and lists them, with no chart."""
    inv = write_csv(tmp_path / "inv.csv", ["Type;Qté", "grille-pain;2", "=1+1;3"])
    out = tmp_path / "report.bin"                         # the format from --format
    res = run("assess", inv, "--year", "2025", "--lang", "en", "--format", "xlsx", "-o", out,
              "-q")
    assert res.returncode == 1, res.stderr
    wb = openpyxl.load_workbook(out.rename(tmp_path / "report.xlsx"))
    assert wb.sheetnames[:2] == ["Summary", "Charts"] and wb["Charts"]._charts == []
    _, rows = table(wb["Rejected and skipped"])
    assert [(r[0].value, r[3].value, r[5].value) for r in rows] == \
        [("rejected", 2, "unknown-type"), ("rejected", 3, "unknown-type")]
    assert "'=1+1" in rows[1][6].value or "=1+1" in rows[1][6].value
    assert table(wb["Assessed rows"])[1] == []


# ------------------------------------------------------------------------------ LibreOffice

@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_workbooks(made, hostile, tmp_path):
    """soffice converts the example's report and the hostile one to PDF: a workbook it
    cannot read (the one Excel would offer to repair) gives no PDF."""
    files = [made["fr"], made["en"], hostile["fr"]]
    profile = tmp_path / "profile"                 # a fresh profile: no first-run dialogue
    res = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                         capture_output=True, text=True, timeout=180, check=False)
    assert res.returncode == 0, res.stderr
    for f in files:
        pdf = tmp_path / (f.stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 1000, (f, res.stdout, res.stderr)
        assert pdf.read_bytes().startswith(b"%PDF")
