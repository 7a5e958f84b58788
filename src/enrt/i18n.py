"""French and English for the human report formats: the language in force, the words a
report shows (one catalogue), and numbers written as each language writes them (Babel).

Machine formats (JSON, the CSV for machines) keep ids and raw numbers; only what a
person reads goes through here.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

from babel.numbers import format_decimal, format_percent

LANGS = ("fr", "en")
_LOCALE = {"fr": "fr_FR", "en": "en_GB"}


def detect_lang(env: Mapping[str, str] | None = None) -> str:
    """The POSIX order (LC_ALL, then LC_MESSAGES, then LANG): French when the first one
    set starts with "fr", else English."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def check_lang(lang: str | None) -> str:
    if lang is None:
        return detect_lang()
    if lang not in LANGS:
        from .errors import UsageError
        raise UsageError.make("usage.lang", lang=lang)
    return lang


# key -> (French, English); {name} placeholders are filled by t()
TEXT: dict[str, tuple[str, str]] = {
    # titles and sections
    "title": ("Empreinte environnementale du numérique", "Environmental footprint of digital "
              "equipment"),
    "title_of": ("Empreinte environnementale du numérique — {name}",
                 "Environmental footprint of digital equipment — {name}"),
    "subtitle": ("Année {year} (au {as_of}), méthode {method}",
                 "Year {year} (as of {as_of}), method {method}"),
    "synthesis": ("Synthèse", "Summary"),
    "key_figures": ("Chiffres clés", "Key figures"),
    "by_category": ("Par catégorie d'équipement", "By equipment category"),
    "by_entity": ("Par service", "By department"),
    "by_site": ("Par site", "By site"),
    "by_project": ("Par projet de territoire connecté", "By connected-territory project"),
    "totals": ("Totaux par indicateur environnemental", "Totals by environmental criterion"),
    "services": ("Services hébergés, réseau et prestations",
                 "Hosted services, network and prestations"),
    "indicators": ("Indicateurs REEN", "REEN indicators"),
    "territory": ("Estimation pour le territoire", "Territory estimate"),
    "practices": ("Bonnes pratiques (référentiel DINUM)", "Good practices (DINUM referential)"),
    "inputs": ("Fichiers d'inventaire", "Inventory files"),
    "issues": ("Points à vérifier", "Points to check"),
    "hypotheses": ("Hypothèses et conventions", "Assumptions and conventions"),
    "sources": ("Sources des facteurs", "Sources of the factors"),
    "rows": ("Lignes évaluées", "Assessed rows"),
    "rejected": ("Lignes rejetées et écartées", "Rejected and skipped rows"),
    "top_categories": ("Principales catégories", "Main categories"),
    "chart_phases": ("Fabrication et utilisation par catégorie (kg CO2e par an)",
                     "Manufacture and use by category (kg CO2e per year)"),
    "chart_share": ("Part de chaque catégorie dans l'empreinte carbone",
                    "Share of each category in the carbon footprint"),
    # figures
    "total_gwp": ("Empreinte carbone annuelle", "Annual carbon footprint"),
    "manufacture": ("Fabrication", "Manufacture"),
    "use": ("Utilisation", "Use"),
    "services_phase": ("Services", "Services"),
    "total": ("Total", "Total"),
    "per_agent": ("Par agent", "Per agent"),
    "refurbished_share": ("Part d'achats reconditionnés ou de réemploi (objectif AGEC 20 %)",
                          "Refurbished or reused share of purchases (AGEC target 20 %)"),
    "maturity": ("Maturité bonnes pratiques DINUM", "DINUM good-practice maturity"),
    "data_quality": ("Qualité des données", "Data quality"),
    "defaults_sentence": ("{share} des valeurs utilisées sont des valeurs par défaut du jeu "
                          "de facteurs.", "{share} of the values used are defaults of the "
                          "factor set."),
    "assessed_sentence": ("{assessed} lignes évaluées sur {read} lues ({rejected} rejetées, "
                          "{skipped} écartées).", "{assessed} of {read} rows assessed "
                          "({rejected} rejected, {skipped} skipped)."),
    "partial": ("Résultat partiel", "Partial result"),
    "partial_total": ("≥ {value} (partiel : {what})", "≥ {value} (partial: {what})"),
    "use_only": ("utilisation seule", "use only"),
    "manufacture_only": ("fabrication seule", "manufacture only"),
    "of_units": ("{share} des équipements", "{share} of units"),
    "meets": ("atteint", "met"),
    "not_met": ("non atteint", "not met"),
    "not_covered": ("non couvert", "not covered"),
    "not_given": ("non renseigné", "not given"),
    "factor_set": ("Jeu de facteurs", "Factor set"),
    "year": ("Année", "Year"),
    "method": ("Méthode", "Method"),
    "generated_by": ("Produit par enrt {version}", "Made with enrt {version}"),
    # columns
    "col_category": ("Catégorie", "Category"),
    "col_quantity": ("Quantité", "Quantity"),
    "col_rows": ("Lignes", "Rows"),
    "col_manufacture": ("Fabrication (kg CO2e/an)", "Manufacture (kg CO2e/yr)"),
    "col_use": ("Utilisation (kg CO2e/an)", "Use (kg CO2e/yr)"),
    "col_total": ("Total (kg CO2e/an)", "Total (kg CO2e/yr)"),
    "col_share": ("Part", "Share"),
    "col_entity": ("Service", "Department"),
    "col_site": ("Site", "Site"),
    "col_project": ("Projet", "Project"),
    "col_criterion": ("Indicateur", "Criterion"),
    "col_unit": ("Unité", "Unit"),
    "col_services": ("Services", "Services"),
    "col_coverage": ("Couverture", "Coverage"),
    "col_indicator": ("Indicateur", "Indicator"),
    "col_value": ("Valeur", "Value"),
    "col_how": ("Calcul", "How"),
    "col_activity": ("Service", "Service"),
    "col_kind": ("Nature", "Kind"),
    "col_quality": ("Qualité (1-5)", "Quality (1-5)"),
    "col_gwp": ("kg CO2e/an", "kg CO2e/yr"),
    "col_file": ("Fichier", "File"),
    "col_sheet": ("Feuille", "Sheet"),
    "col_row": ("Ligne", "Row"),
    "col_column": ("Colonne", "Column"),
    "col_read": ("Lues", "Read"),
    "col_assessed": ("Évaluées", "Assessed"),
    "col_rejected": ("Rejetées", "Rejected"),
    "col_skipped": ("Écartées", "Skipped"),
    "col_reason": ("Motif", "Reason"),
    "col_severity": ("Gravité", "Severity"),
    "col_code": ("Code", "Code"),
    "col_message": ("Message", "Message"),
    "col_hint": ("Correction", "Fix"),
    "col_source": ("Source", "Source"),
    "col_title": ("Titre", "Title"),
    "col_publisher": ("Éditeur", "Publisher"),
    "col_url": ("Adresse", "URL"),
    "col_family": ("Famille", "Family"),
    "col_score": ("Score", "Score"),
    "col_tier": ("Périmètre", "Tier"),
    "col_per_inhabitant": ("Par habitant", "Per inhabitant"),
    "col_country": ("Pays", "Country"),
    "col_lifetime": ("Durée de vie (ans)", "Lifetime (years)"),
    "col_share_year": ("Part annuelle de fabrication", "Yearly manufacture share"),
    "col_kwh": ("kWh/an par unité", "kWh/yr per unit"),
    "col_pue": ("PUE", "PUE"),
    "col_condition": ("État", "Condition"),
    "col_provenance": ("Origine de {field}", "Source of {field}"),
    "severity_error": ("erreur", "error"),
    "severity_warning": ("avertissement", "warning"),
    "severity_info": ("info", "info"),
    "prov_input": ("inventaire", "input"),
    "prov_default": ("défaut", "default"),
    "prov_derived": ("calculée", "derived"),
}

# indicator id -> (French, English)
INDICATORS: dict[str, tuple[str, str]] = {
    "gwp_per_agent_kg": ("Empreinte carbone par agent", "Carbon footprint per agent"),
    "equipment_per_agent": ("Équipements par agent", "Equipment per agent"),
    "workstations_per_agent": ("Postes de travail par agent", "Workstations per agent"),
    "manufacture_share_gwp": ("Part de la fabrication dans l'empreinte carbone",
                              "Manufacture share of the carbon footprint"),
    "fully_amortised_units": ("Équipements au-delà de leur durée de vie",
                              "Devices past their lifetime"),
    "purchase_year_embodied_gwp_kg": ("Fabrication des équipements achetés dans l'année",
                                      "Embodied carbon of the year's purchases"),
    "refurbished_or_reused_share_by_count": ("Part reconditionné ou réemploi (en nombre)",
                                             "Refurbished or reused share (by count)"),
    "refurbished_or_reused_share_by_spend": ("Part reconditionné ou réemploi (en dépense)",
                                             "Refurbished or reused share (by spend)"),
    "defaults_share": ("Part de valeurs par défaut", "Share of default values"),
    "lifetime_declared_years": ("Durée de vie utilisée", "Lifetime used"),
    "lifetime_observed_years": ("Durée de vie observée", "Observed lifetime"),
    "server_rooms": ("Salles serveurs", "Server rooms"),
}

# indicator id -> how it is computed (French, English): the human formats' column "How"
INDICATOR_HOW: dict[str, tuple[str, str]] = {
    "gwp_per_agent_kg": ("empreinte carbone totale / nombre d'agents",
                         "gwp total / number of agents"),
    "equipment_per_agent": ("nombre d'équipements / nombre d'agents",
                            "total quantity / number of agents"),
    "workstations_per_agent": ("portables + fixes + tout-en-un / nombre d'agents",
                               "laptops + desktops + all-in-ones / agents"),
    "manufacture_share_gwp": ("fabrication / total de l'empreinte carbone",
                              "gwp manufacture / gwp total"),
    "fully_amortised_units": ("équipements dont l'année d'achat + la durée de vie est "
                              "dépassée (méthode linéaire)", "devices whose purchase year + "
                              "lifetime is past (linear method)"),
    "purchase_year_embodied_gwp_kg": ("fabrication des équipements achetés dans l'année, "
                                      "comptée en entier cette année-là (vue GHG Protocol, "
                                      "scope 3 catégorie 2)", "embodied gwp of the year's "
                                      "purchases, counted whole in that year (GHG Protocol "
                                      "scope 3 category 2 view)"),
    "refurbished_or_reused_share_by_count": ("équipements reconditionnés ou de réemploi / "
                                             "nombre d'équipements",
                                             "refurbished or reused units / all units"),
    "refurbished_or_reused_share_by_spend": ("dépense en reconditionné ou réemploi / dépense "
                                             "des lignes ayant un prix (objectif AGEC 20 %)",
                                             "spend on refurbished or reused / spend on priced "
                                             "rows (AGEC target 20 %)"),
    "defaults_share": ("valeurs prises par défaut / valeurs nécessaires (durée de vie, kWh, "
                       "pays, quantité, état)", "values taken from defaults / values needed "
                       "(lifetime, kWh, country, quantity, condition)"),
}
# what to give for an indicator that cannot be computed, by the English text the report holds
MISSING: dict[str, tuple[str, str]] = {
    "give the number of agents (Organisation sheet or --agents N)":
        ("indiquez le nombre d'agents (feuille Organisation ou --agents N)",
         "give the number of agents (Organisation sheet or --agents N)"),
    "give purchase dates": ("indiquez les dates d'achat", "give purchase dates"),
    "give a 'Prix unitaire' or 'Montant' column":
        ("ajoutez une colonne « Prix unitaire » ou « Montant »",
         "give a 'Prix unitaire' or 'Montant' column"),
    "the inputs are different organisations: see by_input":
        ("les fichiers sont des organisations différentes : voir le détail par fichier",
         "the inputs are different organisations: see by_input"),
}
# disclosure code -> text (French, English); {value} and {year} filled from the report
DISCLOSURES: dict[str, tuple[str, str]] = {
    "amortised-zero": ("La fabrication est répartie sur la durée de vie de chaque équipement : "
                       "au-delà, elle compte 0 ({value} équipement(s) en {year}) ; "
                       "l'utilisation reste comptée.",
                       "Manufacture is spread over each device's lifetime: past it, it counts "
                       "0 ({value} device(s) in {year}); use still counts."),
    "snapshot-method": ("La méthode numecoeval est une photographie : chaque équipement porte "
                        "sa fabrication divisée par son âge ; les années ne s'additionnent ni "
                        "ne se comparent.", "Method numecoeval is a snapshot: each device "
                        "carries its embodied impact divided by its age; years neither add up "
                        "nor compare."),
    "purchase-year-view": ("Vue année d'achat (GHG Protocol, scope 3 catégorie 2) : les "
                           "équipements achetés en {year} représentent {value} de fabrication, "
                           "comptée en entier ; le chiffre annuel la répartit sur leur durée "
                           "de vie.", "Purchase-year view (GHG Protocol scope 3 category 2): "
                           "the devices bought in {year} embody {value}, counted whole; the "
                           "annual figure spreads it over their lifetimes."),
    "purchase-year-view.none": ("Vue année d'achat : non calculée, l'inventaire ne donne pas "
                                "de dates d'achat.", "Purchase-year view: not computed, the "
                                "inventory gives no purchase dates."),
    "second-life-rule.row": ("Reconditionné ou réemploi : durée de vie + durée d'usage amont "
                             "donnée par la ligne (0 sinon, règle du RCP ADEME).",
                             "Refurbished or reused: lifetime + the previous use the row gives "
                             "(0 otherwise, the ADEME RCP rule)."),
    "second-life-rule.fleet": ("Reconditionné ou réemploi : formule de parc du RCP ADEME "
                               "(durée de vie + usage amont × part de reconditionné de la "
                               "catégorie).", "Refurbished or reused: the ADEME RCP fleet "
                               "formula (lifetime + previous use × the category's refurbished "
                               "share)."),
}

CRITERIA: dict[str, tuple[str, str]] = {
    "gwp": ("Changement climatique", "Climate change"),
    "adpe": ("Épuisement des ressources abiotiques (minéraux, métaux)",
             "Abiotic resource depletion (minerals, metals)"),
    "pe": ("Énergie primaire", "Primary energy"),
    "water": ("Consommation d'eau", "Water use"),
}
UNITS: dict[str, tuple[str, str]] = {
    "kgCO2e": ("kg CO2e", "kg CO2e"), "kgSbeq": ("kg Sb éq.", "kg Sb eq."),
    "MJ": ("MJ", "MJ"), "m3": ("m³", "m³"), "ratio": ("%", "%"), "units": ("unités", "units"),
    "units/agent": ("unités/agent", "units/agent"), "kgCO2e/agent/year":
    ("kg CO2e/agent/an", "kg CO2e/agent/yr"), "years": ("ans", "years"), "": ("", ""),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "fr" else pair[1]


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang``, placeholders filled."""
    text = _pick(TEXT[key], lang)
    return text.format(**values) if values else text


def indicator_how(key: str, english: str, lang: str) -> str:
    return _pick(INDICATOR_HOW[key], lang) if key in INDICATOR_HOW else english


def missing_text(english: str, lang: str) -> str:
    return _pick(MISSING[english], lang) if english in MISSING else english


def disclosure_text(code: str, lang: str, value: str = "", year: int | str = "") -> str:
    return _pick(DISCLOSURES[code], lang).format(value=value, year=year) \
        if code in DISCLOSURES else code


def indicator_label(key: str, lang: str) -> str:
    return _pick(INDICATORS[key], lang) if key in INDICATORS else key


def criterion_label(key: str, lang: str) -> str:
    return _pick(CRITERIA[key], lang) if key in CRITERIA else key


def unit_label(unit: str, lang: str) -> str:
    return _pick(UNITS[unit], lang) if unit in UNITS else unit


def number(x: float | None, lang: str, digits: int = 1) -> str:
    """16653.7 -> '16 653,7' (fr) or '16,653.7' (en); None -> 'n/c' in the language."""
    if x is None:
        return t("not_covered", lang)
    if x != 0 and abs(x) < 0.1 and digits <= 1:
        return format_decimal(x, format="0.###E0" if abs(x) < 1e-3 else "0.###",
                              locale=_LOCALE[lang])
    fmt = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(x, format=fmt, locale=_LOCALE[lang])


def mass(kg: float | None, lang: str) -> str:
    """A mass of CO2e scaled for reading: '16,7 t CO2e' from 1 000 kg up, else kg."""
    if kg is None:
        return t("not_covered", lang)
    if abs(kg) >= 1000:
        return f"{number(kg / 1000, lang, 1)} t CO2e"
    return f"{number(kg, lang, 1)} kg CO2e"


def percent(ratio: float | None, lang: str, digits: int = 0) -> str:
    if ratio is None:
        return t("not_given", lang)
    fmt = "#,##0" + ("." + "0" * digits if digits else "") + " %"
    return format_percent(ratio, format=fmt, locale=_LOCALE[lang])
