"""Country names and codes (ISO 3166) -> alpha-3, for the EU, EEA neighbours and the UK.

Rows may give "France", "FR", "FRA" or "Allemagne"; the factor set keys electricity
factors on alpha-3 codes.
"""
from __future__ import annotations

from .normalize import Aliases, fold

# alpha-3: (alpha-2, English name, French name, other spellings...)
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "AUT": ("AT", "Austria", "Autriche"), "BEL": ("BE", "Belgium", "Belgique"),
    "BGR": ("BG", "Bulgaria", "Bulgarie"), "HRV": ("HR", "Croatia", "Croatie"),
    "CYP": ("CY", "Cyprus", "Chypre"), "CZE": ("CZ", "Czechia", "Tchequie", "Czech Republic",
                                              "Republique tcheque"),
    "DNK": ("DK", "Denmark", "Danemark"), "EST": ("EE", "Estonia", "Estonie"),
    "FIN": ("FI", "Finland", "Finlande"), "FRA": ("FR", "France", "France metropolitaine"),
    "DEU": ("DE", "Germany", "Allemagne"), "GRC": ("GR", "Greece", "Grece", "EL"),
    "HUN": ("HU", "Hungary", "Hongrie"), "IRL": ("IE", "Ireland", "Irlande"),
    "ITA": ("IT", "Italy", "Italie"), "LVA": ("LV", "Latvia", "Lettonie"),
    "LTU": ("LT", "Lithuania", "Lituanie"), "LUX": ("LU", "Luxembourg"),
    "MLT": ("MT", "Malta", "Malte"), "NLD": ("NL", "Netherlands", "Pays-Bas", "Pays Bas",
                                             "Hollande"),
    "POL": ("PL", "Poland", "Pologne"), "PRT": ("PT", "Portugal"),
    "ROU": ("RO", "Romania", "Roumanie"), "SVK": ("SK", "Slovakia", "Slovaquie"),
    "SVN": ("SI", "Slovenia", "Slovenie"), "ESP": ("ES", "Spain", "Espagne"),
    "SWE": ("SE", "Sweden", "Suede"), "NOR": ("NO", "Norway", "Norvege"),
    "CHE": ("CH", "Switzerland", "Suisse"), "ISL": ("IS", "Iceland", "Islande"),
    "GBR": ("GB", "United Kingdom", "Royaume-Uni", "UK", "Grande-Bretagne"),
    "USA": ("US", "United States", "Etats-Unis", "USA"),
}

_NAMES = Aliases({a3: (a3, *names) for a3, names in _COUNTRIES.items()})


def to_alpha3(value: str) -> str | None:
    """'Allemagne' -> 'DEU'; an unknown 3-letter code is returned upper-cased as given."""
    code = _NAMES.get(value, prefix=False)
    if code is not None:
        return code
    key = fold(value)
    if len(key) == 3 and key.isalpha():
        return key.upper()
    return None
