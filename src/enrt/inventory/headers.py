"""Column headers in French and English, matched on their folded form.

A header matches a field when its folded text equals an alias or starts with one
followed by more words ("Quantité totale", "Date d'achat (jj/mm/aaaa)"); the longest
alias wins, so "date d'achat" beats "date".
"""
from __future__ import annotations

from ..normalize import Aliases, fold

# field -> aliases (folded when indexed). Order inside a list does not matter.
HEADER_ALIASES: dict[str, list[str]] = {
    "type": ["type", "type d'equipement", "type d'équipement", "type de materiel", "type de matériel",
             "type de poste", "equipement", "équipement", "materiel", "matériel", "categorie",
             "catégorie", "category", "equipment", "equipment type", "device", "device type",
             "asset type", "asset category", "asset class", "item category", "hardware type",
             "type of equipment", "nature", "famille", "libelle", "libellé",
             "designation", "désignation", "article"],
    "quantity": ["quantite", "quantité", "qte", "qté", "qty", "quantity", "nb", "nbr", "nbre",
                 "nombre", "nombre d'unites", "count", "units", "unites", "unités", "effectif",
                 "nombre d'equipements", "number"],
    "purchase_date": ["date d'achat", "date achat", "achat", "purchase date", "date of purchase",
                      "purchased", "date de mise en service", "mise en service", "date d'acquisition",
                      "acquisition", "date acquisition", "acquisition date", "in service date",
                      "annee d'achat", "année d'achat", "annee achat", "année achat",
                      "annee d'acquisition", "année d'acquisition", "purchase year", "year of purchase",
                      "date de livraison", "delivery date"],
    "withdrawal_date": ["date de retrait", "retrait", "date retrait", "date de sortie", "sortie",
                        "date de reforme", "date de réforme", "reforme", "réforme", "withdrawal date",
                        "withdrawal", "retirement date", "decommission date", "disposal date",
                        "end of life date", "date de fin d'usage", "date de fin"],
    "lifetime": ["duree de vie", "durée de vie", "duree de vie ans", "duree d'usage", "durée d'usage",
                 "duree d'utilisation", "durée d'utilisation", "duree d'amortissement",
                 "durée d'amortissement", "lifetime", "lifespan", "life", "useful life",
                 "lifetime years", "service life"],
    "status": ["statut", "status", "etat du materiel", "état du matériel", "statut du materiel",
               "statut du matériel", "etat d'usage", "état d'usage", "situation",
               "asset status", "lifecycle status", "statut d'utilisation", "usage status"],
    "physical_state": ["etat physique", "état physique", "etat general", "état général",
                       "etat de fonctionnement", "état de fonctionnement", "physical condition",
                       "physical state", "working condition"],
    "condition": ["etat", "état", "condition", "etat a l'achat", "état à l'achat", "provenance",
                  "origine", "neuf reconditionne", "neuf ou reconditionne", "new refurbished",
                  "state", "acquisition mode", "mode d'acquisition"],
    "lifetime_months": ["duree de vie en mois", "durée de vie en mois", "lifetime in months",
                        "lifetime months", "duree d'usage en mois", "durée d'usage en mois"],
    "previous_life": ["duree d'usage amont", "durée d'usage amont", "usage amont", "usage anterieur",
                      "usage antérieur", "duree de premiere vie", "durée de première vie",
                      "previous life", "previous use", "previous life years", "previous use years",
                      "first life years"],
    "annual_kwh": ["consommation", "consommation annuelle", "conso", "conso annuelle", "kwh",
                   "kwh an", "kwh/an", "consommation kwh", "consommation kwh an",
                   "consommation electrique", "consommation électrique", "annual kwh",
                   "annual consumption", "energy", "energy kwh", "electricity kwh",
                   "annual energy"],
    "power_w": ["puissance", "puissance w", "puissance moyenne", "puissance electrique",
                "power", "power w", "watts", "w", "average power"],
    "hours_per_year": ["heures par an", "heures an", "heures/an", "h an", "h/an",
                       "heures d'utilisation par an", "hours per year", "hours year",
                       "annual hours", "hours of use per year", "heures d'utilisation",
                       "hours of use"],
    "hours_per_day": ["heures par jour", "heures jour", "heures/jour", "h jour", "h/jour",
                      "h j", "heures d'utilisation par jour", "hours per day", "hours day",
                      "daily hours"],
    "country": ["pays", "country", "code pays", "country code", "pays iso", "iso country"],
    "site": ["site", "batiment", "bâtiment", "lieu", "localisation", "location", "adresse",
             "building", "address", "implantation"],
    "entity": ["entite", "entité", "service", "direction", "commune", "entity", "department",
               "departement", "collectivite", "collectivité", "pole", "pôle", "organisation",
               "organization", "structure", "business unit", "directorate", "cost centre",
             "cost center", "team", "division"],
    "room": ["salle serveur", "salle serveurs", "salle informatique", "salle", "local technique",
             "server room", "room", "datacenter", "data center", "centre de donnees",
             "centre de données", "baie", "nom de la salle", "room name", "salle machine"],
    "pue": ["pue", "power usage effectiveness", "indicateur pue"],
    "model": ["modele", "modèle", "model", "reference", "référence", "marque", "brand",
              "marque modele", "marque et modele", "make", "make model", "fabricant",
              "manufacturer", "numero de serie", "numéro de série", "serial number", "n de serie",
              "inventaire", "numero d'inventaire", "asset tag", "commentaire", "commentaires",
              "remarque", "remarques", "comment", "comments", "notes", "observations",
              "nom", "name", "hostname", "nom d'hote", "derniere modification",
              "last update", "systeme d'exploitation", "operating system", "usager",
              "utilisateur", "user", "assigned to", "numero d'inventaire", "inventory number",
              "asset number", "asset id", "id", "groupe", "group", "composants", "components",
              "processeur", "processor", "firmware"],
    "unit_price": ["prix", "prix unitaire", "prix d'achat", "prix d'achat unitaire", "prix ht",
                   "prix unitaire ht", "cout unitaire", "coût unitaire", "purchase price",
                   "unit price", "price", "purchase cost", "unit cost", "cost price",
                   "purchase value", "valeur d'achat"],
    "amount": ["montant", "montant ht", "montant total", "prix total", "cout total",
               "coût total", "total price", "amount", "total amount", "cout", "coût", "cost"],
    "activity": ["service heberge", "service hébergé", "services heberges", "services hébergés",
                 "prestation", "prestations", "activite", "activité", "poste de depense",
                 "poste de dépense", "service cloud", "flux", "nature de la depense",
                 "nature de la dépense", "hosted service", "activity", "cloud service",
                 "expense", "spend category"],
    "unit": ["unite", "unité", "unit", "unite de mesure", "unité de mesure", "unite d'oeuvre",
             "unité d'oeuvre", "unité d'œuvre"],
    "item_type": ["type d'element", "type d'élément", "type d'objet", "itemtype", "item type",
                  "element type", "type de l'element", "type de l'élément"],
    "project": ["projet", "projet de territoire", "projet territoire connecte",
                "projet de territoire connecte", "projet connecte", "project",
                "smart city project", "territory project"],
}
# "model" collects columns we recognise but do not use, so they are not reported as unknown.

_HEADERS = Aliases(HEADER_ALIASES)


def match_header(cell: object) -> str | None:
    """Field name a header cell stands for, or None."""
    if cell is None or not isinstance(cell, str):
        return None
    key = fold(cell)
    if not key:
        return None
    field = _HEADERS.get(key)
    if field is None and "\ufffd" in cell:
        # a byte that is not UTF-8 in a header ("Qt\ufffd"): it stood for an accented letter
        for letter in "éèêàâçôûîù":
            if (field := match_header(cell.replace("\ufffd", letter))) is not None:
                return field
    if field is None and " - " in cell:
        # GLPI names linked fields "Group - Field": "Informations financières - Date d'achat"
        return match_header(cell.rsplit(" - ", 1)[1])
    return _unit_variant(field, key.split())


_PER_DAY = {"jour", "jours", "day", "days", "j", "quotidien", "quotidiennes", "daily"}
_MONTHS = {"mois", "month", "months"}


def _unit_variant(field: str | None, words: list[str]) -> str | None:
    """A unit written in the header decides: 'Heures d'utilisation (h/jour)' is per day,
    'Durée de vie (mois)' is in months."""
    if field == "hours_per_year" and _PER_DAY.intersection(words):
        return "hours_per_day"
    if field == "lifetime" and _MONTHS.intersection(words):
        return "lifetime_months"
    return field


def map_header_row(cells: list, overrides: dict[str, str] | None = None) -> dict[str, int]:
    """field -> column index for one candidate header row; first column wins a field.

    "type" is special: an explicit type column beats a designation/description column.
    ``overrides`` (folded header -> field, or "ignore") come from a mapping file and win.
    """
    found: dict[str, int] = {}
    type_rank: int | None = None
    for j, cell in enumerate(cells):
        if overrides and isinstance(cell, str) and fold(cell) in overrides:
            field = overrides[fold(cell)]
            if field and field != "ignore":
                found[field] = j if field not in found or field == "type" else found[field]
                if field == "type":
                    type_rank = -1
            continue
        field = match_header(cell)
        if field is None:
            continue
        if field == "type":
            rank = 0 if fold(cell).startswith(("type", "categor", "equipment", "device", "asset",
                                                "item", "famille", "nature", "equipement",
                                                "materiel", "hardware")) else 1
            if type_rank is None or rank < type_rank:
                found["type"], type_rank = j, rank
            continue
        found.setdefault(field, j)
    return found


_CURRENCIES = {"£": "GBP", "$": "USD", "¥": "JPY", "₣": "CHF"}
_CURRENCY_WORDS = {"gbp": "GBP", "usd": "USD", "chf": "CHF", "pound": "GBP", "pounds": "GBP",
                   "livre": "GBP", "livres": "GBP", "dollar": "USD", "dollars": "USD",
                   "sterling": "GBP", "cad": "CAD", "jpy": "JPY", "sek": "SEK", "dkk": "DKK",
                   "nok": "NOK", "pln": "PLN"}


def header_currency(cell: object) -> str | None:
    """A currency other than the euro written in a price header ('Purchase Cost (£)')."""
    if not isinstance(cell, str):
        return None
    for sign, code in _CURRENCIES.items():
        if sign in cell:
            return code
    return next((_CURRENCY_WORDS[w] for w in fold(cell).split() if w in _CURRENCY_WORDS), None)
