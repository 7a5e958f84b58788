"""A blank inventory workbook with every sheet enrt reads, drop-down lists and the 59
DINUM practices, in French (default) or English. Filled in, it assesses as is.

Every text cell is inert: a label from the factor set that starts with = + - @ (or a tab, a
CR) is written as a string with Excel's quote prefix, never as a formula, and characters a
workbook cannot hold are shown as control pictures (U+2400…)."""
from __future__ import annotations

import io
import re

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .factors import load_factor_set
from .practices import referential

HEAD = {
    "fr": {
        "org": ["Collectivité", "Nombre d'agents", "Population", "Nombre de ménages"],
        "parc": ["Type d'équipement", "Modèle", "Quantité", "Date d'achat", "Date de retrait",
                 "Durée de vie (ans)", "État", "Durée d'usage amont (ans)",
                 "Consommation (kWh/an)", "Puissance (W)", "Heures par jour", "Pays", "Site",
                 "Service", "Salle serveur", "Projet", "Prix unitaire (€ HT)"],
        "rooms": ["Salle serveur", "PUE", "kWh mesurés (an)", "Consommation IT (kWh/an)"],
        "services": ["Service hébergé", "Quantité", "Unité", "Montant (€ HT)", "Commentaire"],
        "practices": ["ID", "Famille", "Bonne pratique", "Priorité", "Difficulté", "Statut"],
        "conditions": ["neuf", "reconditionné", "réemploi", "réaffecté"],
        "statuses": ["fait", "en cours", "prévu", "non", "non applicable"],
        "units": ["Go", "To-an", "VM-an", "vCPU-h", "vCPU-an", "k€", "€"],
        "sheets": {"intro": "Instructions", "org": "Organisation", "parc": "Parc",
                   "rooms": "Salles serveurs", "services": "Services et prestations",
                   "practices": "Bonnes pratiques", "lists": "Listes"},
        "intro": [
            "Inventaire numérique — modèle enrt",
            "1. Organisation : renseignez le nombre d'agents et la population (indicateurs "
            "par agent, estimation du territoire).",
            "2. Parc : une ligne par type d'équipement (ou par équipement). Seul le type est "
            "obligatoire ; une quantité vide vaut 1. Choisissez le type dans la liste.",
            "3. Salles serveurs : nom de la salle et PUE ; une consommation mesurée remplace "
            "l'estimation des équipements de la salle.",
            "4. Services et prestations : quantité et unité (Go, VM-an…) ou montant en € HT.",
            "5. Bonnes pratiques : choisissez un statut pour chacune des 59 pratiques.",
            "Puis : enrt assess inventaire.xlsx",
            "Bonnes pratiques : DINUM / MiNumEco, Guide de bonnes pratiques numérique "
            "responsable pour les organisations v1 (2023-06-01), Licence Ouverte Etalab 2.0.",
        ],
    },
    "en": {
        "org": ["Organisation name", "Number of agents", "Population", "Households"],
        "parc": ["Equipment type", "Model", "Quantity", "Purchase date", "Withdrawal date",
                 "Lifetime (years)", "Condition", "Previous use (years)", "Annual kWh",
                 "Power (W)", "Hours per day", "Country", "Site", "Department", "Server room",
                 "Project", "Unit price (EUR)"],
        "rooms": ["Server room", "PUE", "Measured kWh", "IT kWh"],
        "services": ["Hosted service", "Quantity", "Unit", "Amount (EUR)", "Comment"],
        "practices": ["ID", "Family", "Practice", "Priority", "Difficulty", "Status"],
        "conditions": ["new", "refurbished", "reused", "reassigned"],
        "statuses": ["done", "in progress", "planned", "no", "not applicable"],
        "units": ["GB", "TB-year", "VM-year", "vCPU-hour", "vCPU-year", "k€", "EUR"],
        "sheets": {"intro": "Instructions", "org": "Organisation", "parc": "Equipment",
                   "rooms": "Server rooms", "services": "Services",
                   "practices": "Good practices", "lists": "Lists"},
        "intro": [
            "Digital inventory — enrt template",
            "1. Organisation: give the number of agents and the population.",
            "2. Equipment: one row per equipment type (or per device). Only the type is "
            "required; a blank quantity is 1. Pick the type from the list.",
            "3. Server rooms: room name and PUE; a measured consumption replaces the "
            "estimate of the equipment in the room.",
            "4. Services: quantity and unit (GB, VM-year…) or an amount in EUR excl. VAT.",
            "5. Good practices: pick a status for each of the 59 practices.",
            "Then: enrt assess inventory.xlsx",
            "Good practices: DINUM / MiNumEco, Guide de bonnes pratiques numérique responsable "
            "pour les organisations v1 (2023-06-01), Licence Ouverte Etalab 2.0.",
        ],
    },
}
ROWS = 500                         # rows covered by the drop-down lists
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")   # what a spreadsheet may read as a formula
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl refuses them in a cell


def text(value: str) -> str:
    """A string a workbook can hold: the control characters XML 1.0 forbids, shown."""
    return _ILLEGAL.sub(lambda mt: chr(0x2400 + ord(mt.group())), value)


def make_inert(wb) -> None:
    """Every text cell that a spreadsheet could take for a formula (= + - @, tab, CR) is
    written as a string with the quote prefix (shown as typed, stays text when edited)."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"      # openpyxl made "=…" a formula on assignment
                    cell.quotePrefix = True


def template_bytes(lang: str = "fr", factors=None) -> bytes:
    t = HEAD[lang]
    m = load_factor_set(factors).model
    labels = [text(getattr(c, f"label_{lang}") or cid) for cid, c in m.categories.items()]
    activities = [text(getattr(a, f"label_{lang}") or aid) for aid, a in m.activities.items()]
    wb = openpyxl.Workbook()
    names = t["sheets"]
    intro = wb.active
    intro.title = names["intro"]
    for line in t["intro"]:
        intro.append([line])
    intro["A1"].font = Font(bold=True, size=14)
    intro.column_dimensions["A"].width = 110

    org = wb.create_sheet(names["org"])
    for label in t["org"]:
        org.append([label, None])
    org.column_dimensions["A"].width = 28
    org.column_dimensions["B"].width = 30

    lists = wb.create_sheet(names["lists"])
    columns = [labels, t["conditions"], t["units"], t["statuses"], activities]
    for j, values in enumerate(columns, start=1):
        for i, v in enumerate(values, start=1):
            lists.cell(row=i, column=j, value=v)
    lists.sheet_state = "hidden"

    def dropdown(ws, col: int, list_col: int, n: int) -> None:
        ref = f"'{names['lists']}'!${get_column_letter(list_col)}$1:" \
              f"${get_column_letter(list_col)}${n}"
        dv = DataValidation(type="list", formula1=ref, allow_blank=True)
        ws.add_data_validation(dv)
        letter = get_column_letter(col)
        dv.add(f"{letter}2:{letter}{ROWS + 1}")

    parc = _table(wb, names["parc"], t["parc"])
    dropdown(parc, 1, 1, len(labels))
    dropdown(parc, 7, 2, len(t["conditions"]))
    _table(wb, names["rooms"], t["rooms"])
    services = _table(wb, names["services"], t["services"])
    dropdown(services, 1, 5, len(activities))
    dropdown(services, 3, 3, len(t["units"]))
    practices = _table(wb, names["practices"], t["practices"])
    for p in referential():
        practices.append([text(x) if isinstance(x, str) else x
                          for x in (p.id, p.family, p.title, p.priority, p.difficulty)] + [None])
    dropdown(practices, 6, 4, len(t["statuses"]))
    practices.column_dimensions["C"].width = 80
    wb.move_sheet(lists, offset=len(wb.sheetnames))
    make_inert(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _table(wb, name: str, headers: list[str]):
    ws = wb.create_sheet(name)
    ws.append(headers)
    for j, cell in enumerate(ws[1], start=1):
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True)
        ws.column_dimensions[get_column_letter(j)].width = max(14, len(headers[j - 1]) + 2)
    ws.freeze_panes = "A2"
    return ws
