"""Deterministic benchmark inventories, laid out like examples/make_examples.py.

    python benchmarks/generate.py                 # the default files (1M-row CSV, 200k-row xlsx)
    python benchmarks/generate.py --csv-rows 1000000 --xlsx-rows 200000 --seed 2025 --force

The CSV is what Excel writes for "CSV (séparateur: point-virgule)": cp1252, ';', decimal
comma, dd/mm/yyyy, CRLF, with a title line and an empty line above the header. The
.xlsx has the same columns with typed cells (ints, dates, floats) on a sheet "Parc",
plus a "Salles serveurs" sheet with the rooms and their PUE.

Files go to benchmarks/data/ (git-ignored) and are reused when they already exist:
writing 200k rows with openpyxl takes a while. Same seed and row count -> same content.
Only numpy, openpyxl and the standard library are used.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import os
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("ENRT_BENCH_DATA") or HERE / "data")   # tests use a temp folder
sys.path.insert(0, str(HERE.parent / "examples"))
from make_examples import csv_cell  # noqa: E402  (one formatter for examples and benches)
SEED = 2025
CSV_ROWS = 1_000_000
XLSX_ROWS = 200_000
SHEET = "Parc"
CSV_TITLE_LINES = 2                 # the title line and the empty line above the header
TITLE = "Inventaire du parc numérique — Communauté d'agglomération de Banc-d'Essai — au 31/12/2025"
HEADERS = ["Type d'équipement", "Modèle", "Qté", "Date d'achat", "État", "Service", "Site",
           "Salle serveur", "Consommation (kWh/an)"]

# (weight, labels as people type them, models, server-room equipment?, typical kWh/yr or None)
KINDS: list[tuple[float, list[str], list[str], bool, float | None]] = [
    (22, ["PC portable", "pc portable", "PC PORTABLE", "Ordinateur portable", "PC portable 14\"",
          "PC portable 15 pouces", "Portable PC", "Ordinateur portable Dell", "Ultrabook",
          "PC portable reconditionné"],
     ["Dell Latitude 5440", "Lenovo ThinkPad T14", "HP EliteBook 840 G6", "HP ProBook 450"],
     False, 35.0),
    (16, ["Ecran 24 pouces", "Écran 24\"", "Ecran 22 pouces", "Écran 27\"", "Ecran", "écran",
          "Moniteur", "Moniteur 24\"", "Ecran PC 24 pouces", "Écran plat 23\""],
     ["Dell P2422H", "iiyama ProLite XUB2493", "Samsung S24R350", "HP E24 G4"], False, 45.0),
    (12, ["Unité centrale", "Unite centrale", "UC", "Poste fixe", "PC fixe", "PC de bureau",
          "Ordinateur de bureau", "Mini PC", "Station de travail"],
     ["Dell OptiPlex 7010", "HP ProDesk 400 G7", "Lenovo ThinkCentre M70q"], False, 120.0),
    (3, ["Tout-en-un", "PC tout-en-un", "iMac"], ["HP EliteOne 800", "Apple iMac 24"], False, None),
    (8, ["Smartphone", "Téléphone portable", "Telephone mobile", "iPhone", "Smartphone Android"],
     ["Samsung Galaxy A54", "Apple iPhone 13", "Crosscall Core-X5"], False, None),
    (1, ["Téléphone basique", "Mobile basique"], ["Nokia 105", "Alcatel 2019G"], False, None),
    (5, ["Tablette", "Tablette tactile", "iPad"], ["iPad 10e génération", "Galaxy Tab A8"],
     False, None),
    (0.5, ["Imprimante jet d'encre", "Imprimante photo"], ["Epson EcoTank ET-2850"], False, None),
    (3, ["Imprimante laser", "Imprimante", "Imprimante réseau", "Imprimante couleur"],
     ["HP LaserJet M404", "Brother HL-L5100"], False, None),
    (3, ["Copieur", "Photocopieur", "Imprimante multifonction", "Copieur multifonction",
          "Multifonction A3"],
     ["Canon imageRUNNER C3826i", "Ricoh IM C3000", "Brother MFC-L8900"], False, 320.0),
    (2, ["Vidéoprojecteur", "Videoprojecteur", "Vidéo-projecteur interactif", "Projecteur"],
     ["Epson EB-W51", "BenQ MW560"], False, None),
    (1.5, ["Écran d'affichage dynamique", "TNI", "Téléviseur", "Ecran interactif 65\""],
     ["Samsung QM55", "Promethean ActivPanel"], False, None),
    (0.6, ["Serveur rack", "Serveur", "Serveur de virtualisation", "Serveur 2U"],
     ["Dell PowerEdge R750", "HPE ProLiant DL380"], True, 1800.0),
    (0.3, ["Serveur tour", "Petit serveur"], ["HP ProLiant ML30", "Dell PowerEdge T150"],
     True, None),
    (0.3, ["NAS", "Baie de stockage", "Serveur NAS"], ["Synology RS1221+", "QNAP TS-873A"],
     True, None),
    (2, ["Switch 48 ports", "Switch 24 ports PoE", "Switch", "Commutateur"],
     ["Cisco Catalyst 9200", "HPE Aruba 2930F"], False, None),
    (1, ["Routeur", "Box fibre", "Box internet", "Routeur 4G"], ["Box fibre pro", "Cisco ISR 1100"],
     False, None),
    (0.4, ["Pare-feu", "Firewall"], ["Stormshield SN910", "Fortinet FortiGate 60F"], True, None),
    (3, ["Borne WiFi", "Borne Wi-Fi", "Point d'accès WiFi", "Borne wifi intérieure"],
     ["Ubiquiti U6-Pro", "Aruba AP-515"], False, None),
    (7, ["Téléphone IP", "Téléphone fixe", "Poste téléphonique", "Téléphone de bureau"],
     ["Yealink T54W", "Alcatel-Lucent 8028s"], False, None),
    (0.5, ["Kit de visioconférence", "Kit visio", "Barre de visioconférence"],
     ["Logitech Rally", "Poly Studio X30"], False, None),
    (5, ["Station d'accueil", "Dock USB-C", "Réplicateur de ports"], ["Dell WD19", "HP G5"],
     False, None),
    (1.5, ["Disque dur externe", "Disque externe", "DD externe"], ["WD Elements 2 To"], False, None),
    (1, ["Capteur connecté", "Capteur CO2", "Capteur de température", "Sonde connectée"],
     ["Capteur CO2 LoRa", "Elsys ERS"], False, 0.0),
]
# labels an inventory may hold that no category matches: these rows are rejected
UNKNOWN_LABELS = ["Clavier", "Souris sans fil", "Câble HDMI", "Onduleur ?", "Divers"]
BAD_DATES = ["31/02/2020", "inconnue", "2019?", "15/13/2021"]
SERVICES = ["Administration générale", "Urbanisme", "Éducation", "DSI", "Police municipale",
            "Services techniques", "Communication", "Accueil", "Finances", "Ressources humaines",
            "Culture", "Sports", "Petite enfance", "CCAS", "État civil", "Voirie", "Espaces verts",
            "Médiathèque", "Conservatoire", "Piscine", "Eau et assainissement", "Déchets",
            "Transports", "Tourisme", "Archives", "Juridique", "Marchés publics", "Cabinet du maire",
            "Direction générale", "Jeunesse"]
SITES = ["Hôtel de ville", "Centre technique municipal", "Écoles", "Poste de police",
         "Médiathèque centrale", "Gymnase Jean Moulin", "Piscine des Glacis", "Crèche Les Lutins",
         "Maison des associations", "Mairie annexe Nord", "Mairie annexe Sud", "Conservatoire",
         "Station d'épuration", "Déchetterie", "Office de tourisme", "Sites distants"]
ROOMS = [("Salle serveur mairie", 1.8), ("Local technique CTM", 2.1), ("Salle informatique DSI", 1.6)]
CONDITIONS = ["Neuf", "Reconditionné", "", "neuf", "Réemploi"]
CONDITION_P = [0.80, 0.10, 0.06, 0.03, 0.01]


def _rows(n: int, seed: int, error_rate: float) -> dict[str, np.ndarray]:
    """Column arrays of indices/values for ``n`` rows (shared by the CSV and xlsx writers)."""
    rng = np.random.default_rng(seed)
    w = np.array([k[0] for k in KINDS], dtype=float)
    kind = rng.choice(len(KINDS), size=n, p=w / w.sum())
    label_pick = rng.integers(0, 1 << 30, size=n)
    model_pick = rng.integers(0, 1 << 30, size=n)
    qty = np.where(rng.random(n) < 0.8, 1, rng.integers(2, 60, size=n))
    qty_blank = rng.random(n) < 0.01
    start, end = dt.date(2012, 1, 1).toordinal(), dt.date(2025, 12, 31).toordinal()
    purchase = rng.integers(start, end + 1, size=n)
    date_kind = rng.choice(3, size=n, p=[0.95, 0.03, 0.02])      # dd/mm/yyyy, blank, year only
    condition = rng.choice(len(CONDITIONS), size=n, p=CONDITION_P)
    service = rng.integers(0, len(SERVICES), size=n)
    site = rng.integers(0, len(SITES), size=n)
    room = rng.integers(0, len(ROOMS), size=n)
    kwh_given = rng.random(n) < 0.05
    kwh_factor = rng.uniform(0.5, 1.5, size=n)
    error = rng.random(n) < error_rate
    error_kind = rng.integers(0, 2, size=n)                       # 0 unknown label, 1 bad date
    error_pick = rng.integers(0, 1 << 30, size=n)
    return dict(kind=kind, label_pick=label_pick, model_pick=model_pick, qty=qty,
                qty_blank=qty_blank, purchase=purchase, date_kind=date_kind,
                condition=condition, service=service, site=site, room=room,
                kwh_given=kwh_given, kwh_factor=kwh_factor, error=error & (error_kind == 0),
                bad_date=error & (error_kind == 1), error_pick=error_pick)


def iter_records(n: int, seed: int = SEED, error_rate: float = 0.0005):
    """Typed rows: (label, model, qty|None, date|int|str|None, condition, service, site,
    room|None, kWh|None)."""
    c = _rows(n, seed, error_rate)
    dates: dict[int, dt.date] = {}
    for i in range(n):
        k = int(c["kind"][i])
        _, labels, models, server, kwh = KINDS[k]
        label = labels[int(c["label_pick"][i]) % len(labels)]
        if c["error"][i]:
            label = UNKNOWN_LABELS[int(c["error_pick"][i]) % len(UNKNOWN_LABELS)]
        model = models[int(c["model_pick"][i]) % len(models)]
        qty = None if c["qty_blank"][i] else int(c["qty"][i])
        dk = int(c["date_kind"][i])
        o = int(c["purchase"][i])
        if c["bad_date"][i]:
            date = BAD_DATES[int(c["error_pick"][i]) % len(BAD_DATES)]
        elif dk == 0:
            date = dates.get(o) or dates.setdefault(o, dt.date.fromordinal(o))
        elif dk == 1:
            date = None
        else:
            date = dt.date.fromordinal(o).year
        room = ROOMS[int(c["room"][i])][0] if server else None
        energy = None
        if kwh is not None and (c["kwh_given"][i] or server):
            energy = round(kwh * float(c["kwh_factor"][i]), 1)
        yield (label, model, qty, date, CONDITIONS[int(c["condition"][i])],
               SERVICES[int(c["service"][i])], SITES[int(c["site"][i])], room, energy)


def write_csv(path: Path, n: int, seed: int = SEED) -> None:
    """French Excel CSV: cp1252, ';', decimal comma, dd/mm/yyyy, CRLF, title line on top."""
    sep = ";" * (len(HEADERS) - 1)
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", encoding="cp1252", newline="\r\n") as fh:
        fh.write(TITLE + sep + "\n" + sep + "\n" + ";".join(HEADERS) + "\n")
        cache: dict = {}
        buf = []
        for rec in iter_records(n, seed):
            cells = []
            for v in rec:
                try:
                    s = cache[v]
                except KeyError:
                    s = cache[v] = csv_cell(v)
                except TypeError:
                    s = csv_cell(v)
                cells.append(s)
            buf.append(";".join(cells))
            if len(buf) >= 100_000:
                fh.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            fh.write("\n".join(buf) + "\n")
    tmp.replace(path)


def write_xlsx(path: Path, n: int, seed: int = SEED,
               organisation: list[list] | None = None) -> None:
    """Typed cells on sheet 'Parc' (title, blank row, header), rooms on 'Salles serveurs',
    and the given rows on an 'Organisation' sheet (bench_batch's communes)."""
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    wb.properties.created = dt.datetime(2026, 1, 1)
    ws = wb.create_sheet(SHEET)
    ws.append([TITLE])
    ws.append([])
    ws.append(HEADERS)
    for rec in iter_records(n, seed):
        ws.append(list(rec))
    rooms = wb.create_sheet("Salles serveurs")
    rooms.append(["Salle serveur", "PUE", "Commentaire"])
    for name, pue in ROOMS:
        rooms.append([name, pue, "mesure 2024"])
    if organisation:
        org = wb.create_sheet("Organisation")
        for row in organisation:
            org.append(row)
    tmp = path.with_suffix(".xlsx.tmp")
    wb.save(tmp)
    tmp.replace(path)


def csv_path(n: int = CSV_ROWS, seed: int = SEED) -> Path:
    return DATA / f"inventaire-{n}-s{seed}.csv"


def xlsx_path(n: int = XLSX_ROWS, seed: int = SEED) -> Path:
    return DATA / f"inventaire-{n}-s{seed}.xlsx"


def ensure(kind: str, n: int, seed: int = SEED, force: bool = False) -> Path:
    """Path of the cached input, writing it first if missing (or ``force``)."""
    path = csv_path(n, seed) if kind == "csv" else xlsx_path(n, seed)
    if path.exists() and not force:
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    (write_csv if kind == "csv" else write_xlsx)(path, n, seed)
    print(f"generated {path} ({n:,} rows, {path.stat().st_size / 1e6:.1f} MB) in "
          f"{time.perf_counter() - t:.1f} s", file=sys.stderr)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv-rows", type=int, default=CSV_ROWS)
    ap.add_argument("--xlsx-rows", type=int, default=XLSX_ROWS, help="0 to skip the xlsx")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--force", action="store_true", help="rewrite even if cached")
    a = ap.parse_args()
    if a.csv_rows:
        print(ensure("csv", a.csv_rows, a.seed, a.force))
    if a.xlsx_rows:
        print(ensure("xlsx", a.xlsx_rows, a.seed, a.force))


if __name__ == "__main__":
    main()
