"""The pyarrow CSV path (enrt[fast]) gives what the csv module gives, cell for cell.

Each file below is read twice, with ENRT_CSV_READER=python and =pyarrow; the rows (every
column of the fleet), the issues with their file, row and column, the sheets and what was
understood must be equal, and so must the JSON report. Files the two parsers could read
differently must be left to the csv module: for those, read_table must say None.
"""
from __future__ import annotations

import csv
import dataclasses
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from enrt import pipeline
from enrt.inventory import csv_arrow
from enrt.inventory.csv_text import examine
from enrt.inventory.sources import _sniff_delimiter

pytest.importorskip("pyarrow")
ROOT = Path(__file__).resolve().parent.parent

HEADER = "Type d'équipement;Modèle;Qté;Date d'achat;État;Service;Site;Statut;Conso (kWh/an)"
ROWS = [
    "PC portable;Dell Latitude 5440;2;15/03/2021;Neuf;Urbanisme;Mairie;En service;",
    'Ecran;"Écran 27""";1;2019;Reconditionné;Écoles;"École; annexe";;35,5',
    'Ecran;Écran 27";1;01/2020;;Écoles;Mairie;;',          # a quote inside a cell: literal
    '"ab"c;x;1;2022;;;;;',                                   # text after a closing quote
    " \"Imprimante\";HP;3;2018-05-02;Neuf;DGS;Mairie;;",   # a space, then a quote: literal
    "Tablette;iPad;1 234;31/02/2021;;;;;",                  # bad date, thousands
    "Licence Office;;10;;;;;;",                              # not a device
    "Sous-total;;12;;;;;;",
    ";;;;;;;;",
    "Téléphone;;-1;;;;;Au rebut;",
    "Borne wifi;Ubiquiti;1,5;;Inconnu;;;Hors service;",
    "Serveur;PowerEdge;1;2020;Neuf;DSI;Datacenter;;1200",
    "Smartphone;;abc;;;;;;",
]
TITLE = ["Inventaire du parc — Ville de Test;;;;;;;;", ";;;;;;;;"]


def _lines(lines: list[str], encoding="utf-8", end="\r\n", bom=False) -> bytes:
    body = end.join(lines).encode(encoding) + end.encode()
    return (b"\xef\xbb\xbf" if bom else b"") + body


# name -> (bytes, whether pyarrow reads it: True, or leaves it to the csv module: False)
CASES = {
    "plain, cp1252, title lines": (_lines(TITLE + [HEADER] + ROWS, "cp1252"), True),
    "utf-8 with BOM, quoted first cell": (
        _lines(['"Type";Qté;Date d\'achat', "PC portable;1;2021", "Écran;2;2020"], bom=True),
        True),
    "utf-8 with BOM, the first cell repeated later": (
        _lines(["Type;Qté", "Type;1", "PC portable;1"], bom=True), True),
    "utf-8, a few invalid bytes": (
        _lines([HEADER] + ROWS).replace("Mairie".encode(), b"Mairi\xe9", 1), True),
    "a byte-order mark on a cp1252 file": (
        b"\xef\xbb\xbf" + _lines([HEADER] + ROWS * 3, "cp1252"), False),
    "LF line ends": (_lines([HEADER] + ROWS, end="\n"), True),
    "CR line ends": (_lines([HEADER] + ROWS, end="\r"), True),
    "no end on the last line": (_lines([HEADER] + ROWS)[:-2], True),
    "tab separated": (_lines(["Type\tQuantité\tDate d'achat", "PC portable\t2\t2021",
                              "Ecran\t1\t2019"]), True),
    "comma separated, English": (_lines(["Type,Quantity,Purchase date",
                                        'Laptop,"1,000",2021', "Monitor,1,2019"]), True),
    "an empty line": (_lines([HEADER, ROWS[0], "", ROWS[1]]), False),
    "an empty line at the start": (_lines(["", HEADER] + ROWS), False),
    "lines of unequal width": (_lines([HEADER, ROWS[0], "Ecran;Dell;2"]), False),
    "a cell holding a line break": (_lines([HEADER, '"PC\nportable";x;1;;;;;;'] + ROWS),
                                    False),
    "a quote left open": (_lines([HEADER, 'PC portable;"Dell;1;;;;;;'] + ROWS), False),
    "a NUL byte": (_lines([HEADER] + ROWS).replace(b"Dell", b"De\x00ll"), False),
    "one column": (_lines(["Type", "PC portable", "Ecran"]), True),
}


def _read(path: Path, tiny_set: Path | None, reader: str, monkeypatch):
    monkeypatch.setenv("ENRT_CSV_READER", reader)
    opts = pipeline.AssessOptions(year=2025)
    return pipeline.read([path], opts, tiny_set)


def _facts(reading) -> dict:
    fleet = reading.fleet
    arrays = {f.name: getattr(fleet, f.name) for f in dataclasses.fields(fleet)}
    res = reading.results[0]
    return {
        "fleet": {k: ((v.dtype.str, v.tobytes()) if isinstance(v, np.ndarray) else v)
                  for k, v in arrays.items()},                 # NaN equal to NaN
        "issues": [(i.severity, i.code, str(i.message), i.file, i.sheet, i.row, i.column,
                    str(i.hint)) for i in res.issues],
        "sheets": [repr(s) for s in res.sheets],
        "understood": res.understood,
    }


@pytest.mark.parametrize("name", list(CASES))
def test_pyarrow_reads_what_the_csv_module_reads(name, tmp_path, tiny_set, monkeypatch):
    data, taken = CASES[name]
    path = tmp_path / "parc.csv"
    path.write_bytes(data)
    facts = examine(path)
    with open(path, encoding=facts.encoding, newline="", errors="replace") as fh:
        delimiter = _sniff_delimiter(fh.read(65536))
    table = csv_arrow.read_table(path.read_bytes(), facts.encoding, facts.errors, delimiter)
    assert (table is not None) is taken
    try:
        python = _facts(_read(path, tiny_set, "python", monkeypatch))
    except Exception as exc:          # a refused file: refused the same way
        with pytest.raises(type(exc)) as again:
            _read(path, tiny_set, "pyarrow", monkeypatch)
        assert str(again.value) == str(exc)
        return
    arrow = _facts(_read(path, tiny_set, "pyarrow", monkeypatch))
    assert arrow == python
    if taken:
        rows = list(table.rows())
        with open(path, encoding=facts.encoding, newline="", errors=facts.errors) as fh:
            assert rows == list(csv.reader(fh, delimiter=delimiter))


def test_the_benchmark_rows_are_read_alike(tmp_path, monkeypatch):
    """The generator of the 1M-row benchmark, at 3,000 rows: labels, quotes, dates,
    blanks and bad values as the big file has them."""
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    path = tmp_path / "bench.csv"
    generate.write_csv(path, 3000)
    python = _facts(_read(path, None, "python", monkeypatch))     # the default set
    arrow = _facts(_read(path, None, "pyarrow", monkeypatch))
    assert arrow == python
    assert len(python["fleet"]["category"][1]) // 2 > 2900      # rows assessed


@pytest.mark.parametrize("example", ["examples/inventaire-commune.csv",
                                     "examples/glpi-ordinateurs.csv",
                                     "docs/examples/parc-erreurs.csv"])
def test_the_json_reports_are_byte_identical(example, tmp_path):
    """The installed command, both readers, the shipped CSV files."""
    out = {}
    for reader in ("python", "pyarrow"):
        target = tmp_path / f"{reader}.json"
        proc = subprocess.run(["enrt", "assess", str(ROOT / example), "--year", "2025",
                               "--format", "json", "-o", str(target), "-q"],
                              env={**os.environ, "ENRT_CSV_READER": reader},
                              capture_output=True, text=True)
        assert proc.returncode in (0, 1), proc.stderr
        out[reader] = target.read_bytes()
    assert out["python"] == out["pyarrow"]
    assert json.loads(out["python"])["inputs"]


def test_auto_reads_small_files_with_the_csv_module(tmp_path, monkeypatch):
    path = tmp_path / "small.csv"
    path.write_bytes(_lines([HEADER] + ROWS))
    monkeypatch.setenv("ENRT_CSV_READER", "auto")
    assert not csv_arrow.wanted(path)
    monkeypatch.setenv("ENRT_CSV_READER", "pyarrow")
    assert csv_arrow.wanted(path)
    monkeypatch.setenv("ENRT_CSV_READER", "python")
    assert not csv_arrow.wanted(path)
