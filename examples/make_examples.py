"""Write the example inventory of a fictional commune, as .xlsx and as a French-Excel .csv.

Run from the repository root: ``python examples/make_examples.py``. The outputs are
committed; this script documents how they were made and keeps them in step.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

HERE = Path(__file__).parent
TITLE = "Inventaire du parc numérique — Ville de Saint-Exemple (38 000 hab.) — au 31/12/2025"
HEADERS = ["Type d'équipement", "Modèle", "Qté", "Date d'achat", "État", "Service", "Site",
           "Salle serveur", "Consommation (kWh/an)"]

# type, model, quantity, purchase date, condition, service, site, room, kWh/yr
ROWS = [
    ("PC portable", "Dell Latitude 5440", 80, dt.date(2022, 3, 15), "Neuf", "Administration générale", "Hôtel de ville", None, None),
    ("Ordinateur portable", "Lenovo ThinkPad T14", 24, dt.date(2019, 9, 2), "Neuf", "Urbanisme", "Hôtel de ville", None, None),
    ("PC portable reconditionné", "HP EliteBook 840 G6", 12, dt.date(2024, 5, 6), "Reconditionné", "Éducation", "Écoles", None, None),
    ("Unité centrale", "Dell OptiPlex 7010", 45, dt.date(2020, 6, 1), "Neuf", "Administration générale", "Hôtel de ville", None, None),
    ("Poste fixe", "HP ProDesk 400", 30, dt.date(2017, 1, 10), "Neuf", "Services techniques", "Centre technique municipal", None, None),
    ("Ecran 24 pouces", "Dell P2422H", 140, dt.date(2021, 4, 12), "Neuf", "Administration générale", "Hôtel de ville", None, None),
    ("Écran 27\"", "iiyama ProLite", 20, dt.date(2023, 11, 20), "Neuf", "Urbanisme", "Hôtel de ville", None, None),
    ("Tout-en-un", "HP EliteOne 800", 6, dt.date(2022, 2, 1), "Neuf", "Accueil", "Hôtel de ville", None, None),
    ("Station d'accueil", "Dell WD19", 70, dt.date(2022, 3, 15), "Neuf", "Administration générale", "Hôtel de ville", None, None),
    ("Smartphone", "Samsung Galaxy A54", 55, dt.date(2023, 6, 1), "Neuf", "Police municipale", "Poste de police", None, None),
    ("Téléphone portable", "Crosscall Core-X5", 18, "15/02/2024", "Reconditionné", "Services techniques", "Centre technique municipal", None, None),
    ("Tablette", "iPad 10e génération", 25, dt.date(2022, 9, 1), "Neuf", "Éducation", "Écoles", None, None),
    ("Téléphone IP", "Yealink T54W", 150, dt.date(2018, 10, 1), "Neuf", "Administration générale", "Hôtel de ville", None, None),
    ("Copieur", "Canon imageRUNNER C3826i", 8, dt.date(2021, 1, 15), "Neuf", "Administration générale", "Hôtel de ville", None, None),
    ("Imprimante multifonction", "Brother MFC-L8900", 6, dt.date(2020, 5, 20), "Neuf", "Éducation", "Écoles", None, None),
    ("Imprimante laser", "HP LaserJet M404", 10, 2019, "Neuf", "Services techniques", "Centre technique municipal", None, None),
    ("Vidéoprojecteur", "Epson EB-W51", 12, dt.date(2021, 8, 30), "Neuf", "Éducation", "Écoles", None, None),
    ("Écran d'affichage dynamique", "Samsung QM55", 4, dt.date(2023, 3, 1), "Neuf", "Communication", "Hôtel de ville", None, None),
    ("Kit de visioconférence", "Logitech Rally", 3, dt.date(2022, 1, 10), "Neuf", "Administration générale", "Hôtel de ville", None, None),
    ("Serveur rack", "Dell PowerEdge R750", 6, dt.date(2021, 11, 1), "Neuf", "DSI", "Hôtel de ville", "Salle serveur mairie", 1800),
    ("Serveur tour", "HP ProLiant ML30", 2, dt.date(2018, 3, 1), "Neuf", "DSI", "Centre technique municipal", "Local technique CTM", None),
    ("NAS", "Synology RS1221+", 2, dt.date(2022, 6, 15), "Neuf", "DSI", "Hôtel de ville", "Salle serveur mairie", None),
    ("Switch 48 ports", "Cisco Catalyst 9200", 14, dt.date(2019, 4, 1), "Neuf", "DSI", "Hôtel de ville", None, None),
    ("Pare-feu", "Stormshield SN910", 2, dt.date(2022, 1, 20), "Neuf", "DSI", "Hôtel de ville", "Salle serveur mairie", None),
    ("Routeur", "Box fibre pro", 5, dt.date(2020, 2, 1), "Neuf", "DSI", "Sites distants", None, None),
    ("Borne WiFi", "Ubiquiti U6-Pro", 30, dt.date(2023, 2, 1), "Neuf", "DSI", "Écoles", None, None),
    ("Disque dur externe", "WD Elements 2 To", 15, dt.date(2021, 5, 1), "Neuf", "DSI", "Hôtel de ville", None, None),
    ("Capteur connecté", "Capteur CO2 LoRa", 60, dt.date(2024, 9, 1), "Neuf", "Éducation", "Écoles", None, 0),
]


def write_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Parc"
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Source : export GLPI retravaillé par la DSI, mars 2026"
    ws.append([])
    ws.append(HEADERS)
    for c in ws[4]:
        c.font = Font(bold=True)
    first = ws.max_row + 1
    for i, row in enumerate(ROWS):
        ws.append(list(row))
        cell = ws.cell(row=ws.max_row, column=4)
        if isinstance(row[3], dt.date):
            cell.number_format = "DD/MM/YYYY"
        if i == 12:                           # a sub-total after the end-user devices
            ws.append(["Sous-total postes de travail", None, f"=SUM(C{first}:C{ws.max_row})"])
            ws.append([])
    ws.append([])
    ws.append(["TOTAL", None, f"=SUM(C{first}:C{ws.max_row - 1})"])
    for col, width in zip("ABCDEFGHI", (32, 26, 6, 13, 14, 26, 28, 22, 22)):
        ws.column_dimensions[col].width = width

    rooms = wb.create_sheet("Salles serveurs")
    rooms.append(["Salle serveur", "PUE", "Commentaire"])
    rooms.append(["Salle serveur mairie", 1.8, "climatisation dédiée, mesure 2024"])
    rooms.append(["Local technique CTM", 2.1, "estimation"])

    org = wb.create_sheet("Organisation")
    org.append(["Collectivité", "Ville de Saint-Exemple"])
    org.append(["Nombre d'agents", 420])
    org.append(["Population", 38000])

    notes = wb.create_sheet("Notes")
    notes.append(["Notes"])
    notes.append(["Les copieurs sont loués (contrat de 5 ans)."])
    notes.append(["Les capteurs CO2 des écoles fonctionnent sur pile."])
    wb.save(path)


def csv_cell(v) -> str:
    """A value as French Excel writes it in a ';' CSV: dd/mm/yyyy, decimal comma."""
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float):
        return f"{v:g}".replace(".", ",")
    s = str(v)
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ';"\n') else s


def write_csv(path: Path) -> None:
    """As Excel 'CSV (séparateur: point-virgule)' writes it: cp1252, ';', decimal comma."""
    lines = [TITLE + ";" * (len(HEADERS) - 1), ";" * (len(HEADERS) - 1), ";".join(HEADERS)]
    total = 0
    for i, row in enumerate(ROWS):
        lines.append(";".join(csv_cell(v) for v in row))
        total += row[2]
        if i == 12:
            lines.append("Sous-total postes de travail;;" + str(total) + ";" * (len(HEADERS) - 3))
            lines.append(";" * (len(HEADERS) - 1))
    lines.append(";" * (len(HEADERS) - 1))
    lines.append("TOTAL;;" + str(sum(r[2] for r in ROWS)) + ";" * (len(HEADERS) - 3))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


if __name__ == "__main__":
    write_xlsx(HERE / "inventaire-commune.xlsx")
    write_csv(HERE / "inventaire-commune.csv")
    print("wrote examples/inventaire-commune.xlsx and examples/inventaire-commune.csv")
