"""Shared fixtures: a tiny factor set with round numbers, and real files written to disk."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from enrt.cli.main import app

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


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return invoke


REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
