"""Shared fixtures: a tiny factor set with round numbers, and real files written to disk."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import zipfile
from xml.sax.saxutils import escape

import openpyxl
import pytest
from typer.testing import CliRunner

from enrt.cli.main import app

# The messages' language comes from the environment (LC_ALL, LC_MESSAGES, LANG): the suite
# runs in English whatever the machine's locale; tests of French set it themselves.
for _var in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"
# the factor-set cache of the test run, not the user's (enrt.factors.cache)
os.environ["ENRT_CACHE_DIR"] = __import__("tempfile").mkdtemp(prefix="enrt-test-cache-")

TINY_SET = """\
schema_version: 1
id: tiny-test
version: "1.0"
published: "2026-01-01"
license: "test data"
defaults:
  country: FRA
  pue: {value: 2.0, unit: ratio, source: T, year: 2024}
criteria:
  gwp: {unit: kgCO2e}
  adpe: {unit: kgSbeq}
sources:
  T: {title: "hand-made test values"}
electricity:
  FRA:
    gwp:
      - {value: 0.1, unit: kgCO2e/kWh, source: T, year: 2020}
      - {value: 0.05, unit: kgCO2e/kWh, source: T, year: 2024}
    adpe:
      - {value: 1.0e-8, unit: kgSbeq/kWh, source: T, year: 2020}
  "DEU":
    gwp:
      - {value: 0.4, unit: kgCO2e/kWh, source: T, year: 2023}
categories:
  laptop:
    lifetime_years: {value: 4, unit: year, source: T, year: 2024}
    annual_kwh: {value: 20, unit: kWh, source: T, year: 2024}
    previous_life_years: {value: 2, unit: year, source: T, year: 2024}
    manufacture:
      gwp: {value: 100, unit: kgCO2e, source: T, year: 2024}
      adpe: {value: 0.01, unit: kgSbeq, source: T, year: 2024}
    aliases: ["pc portable", "ordinateur portable"]
  desktop:
    lifetime_years: {value: 5, unit: year, source: T, year: 2024}
    annual_kwh: {value: 100, unit: kWh, source: T, year: 2024}
    previous_life_years: {value: 3, unit: year, source: T, year: 2024}
    manufacture:
      gwp: {value: 200, unit: kgCO2e, source: T, year: 2024}
    aliases: ["unite centrale", "poste fixe"]
  monitor:
    lifetime_years: {value: 5, unit: year, source: T, year: 2024}
    annual_kwh: {value: 30, unit: kWh, source: T, year: 2024}
    previous_life_years: {value: 2, unit: year, source: T, year: 2024}
    manufacture:
      gwp: {value: 50, unit: kgCO2e, source: T, year: 2024}
      adpe: {value: 0.02, unit: kgSbeq, source: T, year: 2024}
    aliases: ["ecran"]
  server_rack:
    lifetime_years: {value: 5, unit: year, source: T, year: 2024}
    annual_kwh: {value: 1000, unit: kWh, source: T, year: 2024}
    previous_life_years: {value: 2, unit: year, source: T, year: 2024}
    datacenter: true
    manufacture:
      gwp: {value: 1000, unit: kgCO2e, source: T, year: 2024}
    aliases: ["serveur"]
"""


@pytest.fixture
def tiny_set(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY_SET, encoding="utf-8")
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A real workbook written by openpyxl: {sheet name: rows}."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, (dt.date, dt.datetime)):
                    cell.number_format = "DD/MM/YYYY"
    wb.save(path)
    return path


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    data = "\r\n".join(lines).encode(encoding) + b"\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_ods(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A minimal but valid OpenDocument spreadsheet (mimetype, manifest, content.xml)."""
    def cell(v) -> str:
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}'
                "</text:p></table:table-cell>")
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                  for row in rows) + "</table:table>" for name, rows in sheets.items())
    return write_ods_xml(path, tables)


def write_ods_xml(path: Path, table_xml: str) -> Path:
    """An .ods (mimetype, manifest, content.xml) from the XML of its tables."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               f'office:version="1.2"><office:body><office:spreadsheet>{table_xml}'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return invoke


REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def example_reports(folder: Path, suffix: str) -> dict:
    """The example's JSON report ("json", parsed) and its report in ``suffix`` in French and
    English ("fr", "en": bytes), written by the installed ``enrt`` as a user runs it."""
    import json
    import subprocess
    import sys
    enrt = Path(sys.executable).parent / "enrt"
    example = EXAMPLES / "inventaire-commune.xlsx"

    def run(*args):
        res = subprocess.run([str(enrt), "assess", str(example), "--year", "2025",
                              *map(str, args)], capture_output=True, text=True, timeout=180)
        assert res.returncode == 0, res.stderr
        assert "Traceback" not in res.stderr
    run("--format", "json", "-o", folder / "r.json")
    out = {"json": json.loads((folder / "r.json").read_text(encoding="utf-8"))}
    for lang in ("fr", "en"):
        target = folder / f"rapport-{lang}.{suffix}"
        run("--lang", lang, "-o", target)
        out[lang] = target.read_bytes()
    return out
