"""Write example inventories as people really bring them: a GLPI 10 computers export and
an English council asset register (hidden rows, statuses, prices in pounds).

Run from the repository root: ``python examples/make_real_examples.py``. The outputs are
committed; docs/real-inventories.md runs enrt on them (and the test suite runs the docs).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
GLPI_HEADER = ["Nom", "Entité", "Statut", "Fabricant", "Numéro de série", "Type", "Modèle",
               "Système d'exploitation - Nom", "Lieu", "Dernière modification",
               "Composants - Processeur",
               "Informations financières et administratives - Date d'achat"]
# name, entity, status, manufacturer, type, model, location, purchase date (ISO or blank)
GLPI_ROWS = [
    ("PC-DSI-01", "Ville > DSI", "En service", "Dell", "Portable", "Latitude 5440", "Hôtel de ville", "2023-03-01"),
    ("PC-DSI-02", "Ville > DSI", "En service", "Dell", "Portable", "Latitude 5440", "Hôtel de ville", "2023-03-01"),
    ("PC-URB-01", "Ville > Urbanisme", "En service", "HP", "Tour", "ProDesk 400 G7", "Hôtel de ville", "2019-05-10"),
    ("PC-URB-02", "Ville > Urbanisme", "En réparation", "HP", "Mini-tour", "ProDesk 400 G9", "Hôtel de ville", "2022-11-08"),
    ("PC-ACC-01", "Ville > Accueil", "En service", "HP", "Tout-en-un", "EliteOne 800", "Hôtel de ville", "2022-02-01"),
    ("PC-ECO-01", "Ville > Éducation", "Prêté", "Lenovo", "Portable", "ThinkPad T14", "École Jules Ferry", "2021-09-01"),
    ("PC-ECO-02", "Ville > Éducation", "En service", "Lenovo", "Ordinateur de bureau", "ThinkCentre M70q", "École Jules Ferry", ""),
    ("PC-ECO-03", "Ville > Éducation", "En service", "Lenovo", "", "ThinkCentre M70q", "École Jules Ferry", "2020-09-01"),
    ("PC-STK-01", "Ville > DSI", "En stock", "Dell", "Portable", "Latitude 5440", "Hôtel de ville", "2024-12-01"),
    ("PC-STK-02", "Ville > DSI", "En stock", "Dell", "Portable", "Latitude 5440", "Hôtel de ville", "2024-12-01"),
    ("PC-OLD-01", "Ville > DSI", "Hors service", "HP", "Tour", "Compaq 6200", "Hôtel de ville", "2012-06-01"),
    ("PC-OLD-02", "Ville > DSI", "Réformé", "HP", "Tour", "Compaq 6200", "Hôtel de ville", "2012-06-01"),
    ("SRV-01", "Ville > DSI", "En service", "Dell", "Serveur", "PowerEdge R750", "Hôtel de ville", "2021-11-01"),
    ("VM-GED", "Ville > DSI", "En service", "VMware", "VMware", "VMware Virtual Platform", "Hôtel de ville", ""),
]


def glpi_cell(value: str) -> str:
    """GLPI quotes every cell and writes a double quote inside a value as two quotes ''."""
    return '"' + value.replace('"', "''") + '"'


def write_glpi(path: Path) -> None:
    """As GLPI 10 writes 'Parc > Ordinateurs' to CSV: UTF-8 with BOM, ';', every cell
    quoted, each line ending with ';'."""
    lines = [";".join(glpi_cell(h) for h in GLPI_HEADER) + ";"]
    for name, entity, status, maker, typ, model, place, bought in GLPI_ROWS:
        cells = [name, entity, status, maker, f"SN-{name}", typ, model,
                 "" if maker == "VMware" else "Windows 11 Professionnel", place,
                 "2025-11-30 17:02", "" if maker == "VMware" else "Intel Core i5", bought]
        lines.append(";".join(glpi_cell(c) for c in cells) + ";")
    path.write_bytes(b"\xef\xbb\xbf" + ("\n".join(lines) + "\n").encode("utf-8"))


# tag, category, directorate, status, purchase date, cost (£), hidden by the filter
REGISTER = [
    ("A-1001", "Laptop", "Adult Social Care", "In Use", dt.date(2023, 4, 3), 720, False),
    ("A-1002", "Laptop", "Adult Social Care", "In Use", dt.date(2023, 4, 3), 720, False),
    ("A-1003", "Desktop", "Finance", "In Use", dt.date(2020, 1, 15), 540, False),
    ("A-1004", "Monitor", "Finance", "In Use", dt.date(2020, 1, 15), 130, False),
    ("A-1005", "Mobile Phone", "Highways", "In Use", dt.date(2024, 6, 1), 310, False),
    ("A-1006", "Tablet", "Highways", "In Stock", dt.date(2024, 6, 1), 280, False),
    ("A-1007", "Laptop", "Finance", "Awaiting Disposal", dt.date(2017, 3, 1), 650, False),
    ("A-1008", "Desktop", "Finance", "Disposed", dt.date(2015, 3, 1), 500, False),
    ("A-1009", "Monitor", "Libraries", "In Use", dt.date(2022, 9, 1), 140, True),
    ("A-1010", "Laptop", "Libraries", "In Use", dt.date(2022, 9, 1), 690, True),
]


def write_register(path: Path) -> None:
    """One row per asset, as an English council keeps it, with an AutoFilter that hides
    the Libraries rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Asset Register"
    ws.append(["Asset Tag", "Asset Category", "Directorate", "Status", "Purchase Date",
               "Purchase Cost (£)"])
    for tag, cat, directorate, status, bought, cost, hidden in REGISTER:
        ws.append([tag, cat, directorate, status, bought, cost])
        ws.cell(ws.max_row, 5).number_format = "DD/MM/YYYY"
        if hidden:
            ws.row_dimensions[ws.max_row].hidden = True
    ws.auto_filter.ref = f"A1:F{ws.max_row}"
    ws.auto_filter.add_filter_column(2, ["Adult Social Care", "Finance", "Highways"])
    wb.save(path)


if __name__ == "__main__":
    write_glpi(HERE / "glpi-ordinateurs.csv")
    write_register(HERE / "asset-register.xlsx")
    print("wrote examples/glpi-ordinateurs.csv and examples/asset-register.xlsx")
