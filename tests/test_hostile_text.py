"""Hostile text (issue 8, point 3): text from the inputs is inert everywhere.

No markup is read from a cell, a site, an organisation name, ``--name`` or a file path; control
characters and escape sequences are shown visibly, never sent to the terminal; a label that
starts with = + - @ is written as text, not as a formula, in the workbook ``enrt template``
writes (factor-set labels included).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from enrt.issues import Issue
from enrt.report.headline import issue_line
from enrt.report.render_table import safe

from .conftest import write_csv, write_xlsx

ENRT = Path(sys.executable).parent / "enrt"
ESC = "\x1b"
RED = "\x1b[31mROUGE\x1b[0m"
HOSTILE = ["[/x]", "[bold]Mairie[/bold]", "Mairie [annexe]", "=1+1", "@SUM(A1)", "+33 1 23",
           "-Annexe"]


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False, cwd=cwd)


@pytest.fixture
def inventory(tmp_path: Path) -> list[Path]:
    """A workbook with hostile sites, entities, projects, labels and organisation name (an
    xlsx cannot hold ESC), and a CSV under a path with markup in it that holds ESC, CSI (C1),
    BEL and a bidi override."""
    xlsx = write_xlsx(tmp_path / "inv.xlsx", {
        "Organisation": [["Collectivité", "[/x] Mairie [annexe] [bold]"], ["Nombre d'agents", 10]],
        "Parc": [["Type", "Quantité", "Site", "Service", "Projet"]]
        + [["PC portable", 1, h, h, h] for h in HOSTILE]
        + [[h, 1, h, h, h] for h in HOSTILE]})
    folder = tmp_path / "["
    folder.mkdir()
    csv = write_csv(folder / "x].csv", [                       # the path is '…/[/x].csv'
        "Type;Quantité;Site;Service",
        f"PC portable;2;{RED};{RED} [annexe]",
        f"{RED};1;Mairie [annexe];x",
        "ecran;1;\x9b31mC1;\u202eevil",
        "ecran;1;Mairie [annexe];\x07bell",
        f"[red]grille-pain[/red];1;{RED};x"])
    return [xlsx, csv]


def no_raw_controls(text: str) -> None:
    assert ESC not in text and "\x9b" not in text and "\x07" not in text, repr(text)
    assert "\u202e" not in text


def test_table_report_shows_input_text_literally(inventory, tiny_set, tmp_path):
    res = run("assess", "inv.xlsx", "[/x].csv", "--factors", tiny_set, "--year", "2025",
              "--name", "[/x] Ville", "--verbose", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "internal error" not in res.stderr and "MarkupError" not in res.stderr
    no_raw_controls(res.stdout)
    no_raw_controls(res.stderr)
    out = res.stdout
    assert "Mairie [annexe]" in out
    assert "[bold]Mairie[/bold]" in out
    assert "[/x] Ville" in out                                 # --name, on the Organisation line
    assert "[/x].csv" in out                                   # the path, in the Inputs table
    assert "@SUM(A1)" in out and "-Annexe" in out and "+33 1 23" in out
    assert "␛[31mROUGE␛[0m" in out                             # ESC shown, not sent
    assert "\\x9b31mC1" in out                                 # a one-byte CSI, shown
    assert "␇bell" in out
    assert "[red]grille-pain[/red]" in out                     # in an issue message


def test_organisation_from_the_sheet_and_summary_on_stderr(inventory, tiny_set, tmp_path):
    res = run("assess", inventory[0], "--factors", tiny_set, "--year", "2025")
    assert res.returncode == 0, res.stderr
    assert "[/x] Mairie [annexe] [bold]" in res.stdout
    out = tmp_path / "r.json"
    res = run("assess", inventory[1], inventory[0], "--factors", tiny_set, "--year", "2025",
              "--name", "[/x] Ville", "-o", out)
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    assert res.stderr.startswith("enrt: ") and "internal error" not in res.stderr
    no_raw_controls(res.stderr)
    assert "[/x].csv" in res.stderr and "[red]grille-pain[/red]" in res.stderr
    assert "'\\x1b[31mROUGE\\x1b[0m'" in res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["organisation"]["name"] == "[/x] Ville"        # the JSON keeps the real text
    assert RED in {x["site"] for x in data["by_site"]}


def test_table_report_to_a_file_and_coloured(inventory, tiny_set, tmp_path):
    """A text report written to a file is inert too; with colours forced (a terminal), the
    only escape sequences are rich's own styles, never the input's."""
    out = tmp_path / "r.txt"
    res = run("assess", *inventory, "--factors", tiny_set, "--year", "2025", "-o", out)
    assert res.returncode == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    no_raw_controls(text)
    assert "Mairie [annexe]" in text

    from enrt.assess import assess
    from enrt.report.render_table import render_table
    report = assess(inventory, factors=str(tiny_set), year=2025)
    coloured = render_table(report, color=True)
    assert "\x1b[1m" in coloured                               # our bold headings
    assert "\x1b[31m" not in coloured                          # the input's red: not sent
    assert "Mairie [annexe]" in coloured and "␛[31mROUGE" in coloured


def test_safe_and_issue_line():
    assert safe("a\x1b[1mb\x9b\u202eX\n\r\t\x00\x7f") == "a␛[1mb\\x9b\\u202eX␊␍␉␀␡"
    assert safe("Mairie [annexe] é 🙂") == "Mairie [annexe] é 🙂"
    line = issue_line(Issue("error", "unknown-type", f"unknown '{RED}'\nhint: forged",
                            file="[/x]\x1b.csv", sheet="S\r", column="A\x07", row=3,
                            hint="fix \x1b]0;title\x07"))
    no_raw_controls(line)
    assert line.count("\n") == 1                               # only the one before the hint
    assert "[/x]␛.csv" in line and "sheet S␍" in line and "␛]0;title␇" in line


# ------------------------------------------------------------------ the template workbook

def formulas(path: Path) -> list[str]:
    """Every <f> (formula) element of every sheet of a saved workbook."""
    with zipfile.ZipFile(path) as z:
        return [f"{n}: {m}" for n in z.namelist() if n.startswith("xl/worksheets/")
                for m in re.findall(r"<(?:\w+:)?f[ >/][^<]*", z.read(n).decode("utf-8"))]


@pytest.fixture
def hostile_overlay(tmp_path: Path, tiny_set: Path) -> Path:
    overlay = tmp_path / "hostile.yaml"
    overlay.write_text(f"""\
schema_version: 1
id: hostile
version: "1"
extends: {json.dumps(str(tiny_set))}
published: "2026-01-01"
license: "test"
sources:
  T: {{title: "hand-made test values"}}
categories:
  laptop:
    label_fr: "=HYPERLINK(\\"http://example.invalid\\",\\"PC\\")"
    label_en: "=1+1"
  desktop:
    label_fr: "@SUM(A1)"
    label_en: "+cmd|' /C calc'!A0"
  monitor:
    label_fr: "-2+3"
    label_en: "\\tTab"
  server_rack:
    label_fr: "Baie [serveur] \\x1b[31m"
""", encoding="utf-8")
    return overlay


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_template_labels_are_text_not_formulas(tmp_path, hostile_overlay, lang):
    out = tmp_path / f"t-{lang}.xlsx"
    res = run("template", "-o", out, "--lang", lang, "--factors", hostile_overlay)
    assert res.returncode == 0, res.stderr
    assert formulas(out) == []
    wb = openpyxl.load_workbook(out)
    lists = wb.worksheets[-1]
    cells = [c for c in lists["A"] if c.value is not None]
    assert all(c.data_type == "s" for c in cells)
    values = [c.value for c in cells]
    if lang == "fr":
        assert values == ['=HYPERLINK("http://example.invalid","PC")', "@SUM(A1)", "-2+3",
                          "Baie [serveur] ␛[31m"]
    else:
        assert values == ["=1+1", "+cmd|' /C calc'!A0", "\tTab", "server_rack"]
    risky = [c for c in cells if c.value.startswith(("=", "+", "-", "@", "\t"))]
    assert risky and all(c.quotePrefix for c in risky)
    # nor does the formula come back when the workbook is read as values
    wb = openpyxl.load_workbook(out, data_only=True)
    assert [c.value for c in wb.worksheets[-1]["A"] if c.value is not None] == values


def test_default_template_has_no_formula(tmp_path):
    out = tmp_path / "t.xlsx"
    res = run("template", "-o", out)
    assert res.returncode == 0, res.stderr
    assert formulas(out) == []
