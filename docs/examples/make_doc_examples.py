"""Write the small workbooks that docs/usage.md and docs/methodology.md run enrt on.

Run from the repository root: ``python docs/examples/make_doc_examples.py``. The outputs
are committed next to this script (with the hand-written .csv and .yaml examples);
tests/test_docs_commands.py runs the documented commands on them.

- worked.xlsx: the worked example of methodology.md §4 (3 rows and a server-room sheet);
- rooms.xlsx: the server rooms with meters of methodology.md §11;
- org-pairs.xlsx: an Organisation sheet of label / value pairs (methodology.md §10);
- inventaire-belleville.xlsx: the template of usage.md §10 filled in for a commune of
  9 500 inhabitants (§10.2 and §10.3 list what is in it).
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def save(wb, name: str) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, (dt.date, dt.datetime)):
                    cell.number_format = "DD/MM/YYYY"
    wb.save(HERE / name)


def sheet(wb, title: str, rows: list[list]):
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)
    return ws


def workbook():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


def write_worked() -> None:
    wb = workbook()
    sheet(wb, "Parc", [
        ["Type d'équipement", "Qté", "Date d'achat", "État", "Durée d'usage amont",
         "Salle serveur"],
        ["PC portable", 10, dt.date(2023, 3, 15), "Neuf", None, None],
        ["Unité centrale", 2, dt.date(2024, 9, 1), "Reconditionné", 3, None],
        ["Serveur rack", 1, dt.date(2022, 6, 1), "Neuf", None, "Salle serveur mairie"],
    ])
    sheet(wb, "Salles serveurs", [["Salle serveur", "PUE"], ["Salle serveur mairie", 1.8]])
    save(wb, "worked.xlsx")


def write_rooms() -> None:
    wb = workbook()
    sheet(wb, "Parc", [
        ["Type d'équipement", "Qté", "Date d'achat", "Salle serveur"],
        ["Serveur rack", 2, dt.date(2023, 1, 10), "Salle mairie"],
        ["Switch", 2, dt.date(2023, 1, 10), "Salle mairie"],
        ["Serveur rack", 1, dt.date(2022, 5, 2), "Local CTM"],
        ["Serveur rack", 1, dt.date(2024, 3, 1), None],
    ])
    sheet(wb, "Salles serveurs", [
        ["Salle serveur", "PUE", "kWh mesurés", "Consommation IT"],
        ["Salle mairie", 1.8, 7000, None],
        ["Local CTM", 2.1, None, 1200],
    ])
    save(wb, "rooms.xlsx")


def write_org_pairs() -> None:
    wb = workbook()
    sheet(wb, "Parc", [
        ["Type d'équipement", "Qté", "Date d'achat"],
        ["PC portable", 40, dt.date(2023, 3, 15)],
        ["Écran", 40, dt.date(2022, 1, 10)],
    ])
    sheet(wb, "Organisation", [
        ["Fiche de la collectivité"],
        [],
        ["Collectivité", "Ville de Test"],
        ["Nombre d'agents", 45],
        ["Population", "12 000"],
    ])
    save(wb, "org-pairs.xlsx")


# usage.md §10.2: type, quantity, purchase, withdrawal, condition, site, service, room,
# project, unit price
BELLEVILLE = [
    ("laptop", 40, dt.date(2022, 3, 15), None, "neuf", "Mairie", "Administration", None, None, 950),
    ("laptop", 10, dt.date(2024, 2, 1), None, "reconditionné", "Mairie", "Administration", None, None, 450),
    ("desktop", 20, dt.date(2019, 6, 1), None, "neuf", "Mairie", "Services techniques", None, None, None),
    ("desktop", 5, dt.date(2017, 5, 1), dt.date(2025, 3, 31), "neuf", "Mairie", "Services techniques", None, None, None),
    ("monitor", 60, dt.date(2021, 1, 1), None, "neuf", "Mairie", "Administration", None, None, 160),
    ("smartphone", 30, dt.date(2023, 9, 1), None, "neuf", "Mairie", "Administration", None, None, 350),
    ("mfp", 4, dt.date(2020, 1, 1), None, "neuf", "Mairie", "Administration", None, None, None),
    ("server_rack", 3, dt.date(2021, 1, 1), None, "neuf", "Mairie", "Informatique", "Salle mairie", None, None),
    ("network_switch", 4, dt.date(2020, 1, 1), None, "neuf", "Mairie", "Informatique", "Salle mairie", None, None),
    ("nas", 1, dt.date(2022, 1, 1), None, "neuf", "Mairie", "Informatique", "Salle mairie", None, None),
    ("iot_sensor", 40, dt.date(2024, 4, 1), None, "neuf", "Écoles", "Éducation", None, "Capteurs CO2 écoles", None),
    ("wifi_access_point", 6, dt.date(2023, 6, 1), None, "neuf", "Centre-ville", "Informatique", None, "Wi-Fi public", None),
]
# usage.md §10.3: service, quantity, unit, amount, comment
SERVICES = [
    ("vm_year", 12, "VM-an", None, "hébergeur régional"),
    ("storage_tb_year", 5, "To-an", None, None),
    ("network_mobile", 1200, "Go", None, "flotte de smartphones"),
    ("spend_it_services", None, None, 48000, "TMA + SaaS"),
    ("spend_telecom", None, None, 18000, None),
]
PRACTICES = {"a.1": "fait", "a.2": "en cours", "a.3": "non", "a.5": "fait", "b.1": "prévu",
             "b.2": "fait", "d.1": "fait", "d.2": "en cours", "e.1": "non applicable",
             "f.1": "fait", "g.1": "non", "h.1": "fait"}


def write_belleville() -> None:
    """`enrt template` output, filled in with the labels of its own drop-down lists."""
    from enrt.factors import load_factor_set
    from enrt.template import template_bytes

    model = load_factor_set("ademe-2025").model
    wb = openpyxl.load_workbook(io.BytesIO(template_bytes("fr", "ademe-2025")))
    org = wb["Organisation"]
    for row, value in enumerate(["Commune de Belleville", 85, 9500, 4200], start=1):
        org.cell(row=row, column=2, value=value)
    parc = wb["Parc"]
    for i, (cat, qty, bought, withdrawn, cond, site, service, room, project, price) in \
            enumerate(BELLEVILLE, start=2):
        values = {1: model.categories[cat].label_fr, 3: qty, 4: bought, 5: withdrawn, 7: cond,
                  13: site, 14: service, 15: room, 16: project, 17: price}
        for col, v in values.items():
            parc.cell(row=i, column=col, value=v)
    wb["Salles serveurs"].append(["Salle mairie", 1.7, 9000])
    services = wb["Services et prestations"]
    for act, qty, unit, amount, comment in SERVICES:
        services.append([model.activities[act].label_fr, qty, unit, amount, comment])
    practices = wb["Bonnes pratiques"]
    for row in practices.iter_rows(min_row=2):
        if row[0].value in PRACTICES:
            row[5].value = PRACTICES[row[0].value]
    save(wb, "inventaire-belleville.xlsx")


if __name__ == "__main__":
    write_worked()
    write_rooms()
    write_org_pairs()
    write_belleville()
    print("wrote docs/examples/worked.xlsx, rooms.xlsx, org-pairs.xlsx, inventaire-belleville.xlsx")
