"""GLPI exports: the asset class of the list plus its "Type" sub-type give the category.

Facts from GLPI 10.0 (install/empty_data.php display preferences, src/Search.php CSV
output): the CSV is UTF-8 with a BOM, `;`-separated, every cell quoted, a header line and
no title; default columns are Nom, Entité, Statut, Fabricant, (Numéro de série,) Lieu,
Type, Modèle, (Système d'exploitation - Nom, Firmware,) Dernière modification, (Usager,
Composants - Processeur); the Global view ("Parc > Global") has Nom, Entité, Statut and
"Type d'élément" ("Ordinateur", "Moniteur", "Matériel réseau", "Périphérique",
"Téléphone", "Imprimante"; English UI: "Computers", "Monitors", "Network devices",
"Devices", "Phones", "Printers"); the data-centre module adds "Équipement passif" /
"Passive device" (PassiveDCEquipment), where a UPS may be filed. GLPI ships no default
types or statuses: they are the site's own words, except the computer types its native
inventory creates (SMBIOS chassis names such as "Laptop", "Notebook", "Desktop", "Mini
Tower", or the hypervisor of a VM).

GLPI lists one class per view ("Parc > Ordinateurs", "Moniteurs", "Matériel réseau",
"Téléphones", "Imprimantes", "Périphériques"); the "Type" column then holds the site's
sub-types ("Portable", "Tour", "LCD", "24 pouces" or blank), which say nothing alone.
The "Parc > Global" view adds an "Type d'élément" / "Item type" column with the class.

A single-class export is told from its columns (the operating-system or processor
columns only exist for computers, firmware for network devices), else from the sheet or
file name ("glpi-moniteurs.csv"), else from computer sub-types in its Type column.
"""
from __future__ import annotations

from ..messages import hint as _hint, term
from ..normalize import fold
from .labels import AMBIGUOUS, NO_CATEGORY as NO_CATEGORY_CODE, UNKNOWN

COMPUTER, MONITOR, NETWORK, PHONE, PRINTER, PERIPHERAL, PASSIVE = (
    "computer", "monitor", "network", "phone", "printer", "peripheral", "passive")
VIRTUAL = -7            # a virtual machine listed among computers: not a physical device

# class names in GLPI's French and English UI (item type column, sheet or file names)
CLASS_WORDS = {
    COMPUTER: ["ordinateur", "ordinateurs", "computer", "computers", "postes de travail"],
    MONITOR: ["moniteur", "moniteurs", "monitor", "monitors", "ecran", "ecrans"],
    NETWORK: ["materiel reseau", "materiels reseau", "materiels reseaux", "network device",
              "network devices", "networkequipment", "network equipment", "reseau", "network"],
    PHONE: ["telephone", "telephones", "phone", "phones"],
    PRINTER: ["imprimante", "imprimantes", "printer", "printers"],
    PERIPHERAL: ["peripherique", "peripheriques", "device", "devices", "peripheral",
                 "peripherals"],
    PASSIVE: ["equipement passif", "equipements passifs", "passive device", "passive devices",
              "passivedcequipment"],
}
# item types of the Global view that are not physical equipment
NOT_EQUIPMENT = {"licence", "licences", "license", "licenses", "certificat", "certificats",
                 "certificate", "certificates", "applicatif", "applicatifs", "appliance",
                 "appliances", "equipement non gere", "equipements non geres",
                 "unmanaged device", "unmanaged devices", "logiciel", "software"}
_CLASS_INDEX = {fold(w): c for c, words in CLASS_WORDS.items() for w in words}

# sub-type (folded) -> category, per class; None = the class's default for a blank type
SUBTYPES = {
    COMPUTER: {"portable": "laptop", "portables": "laptop", "laptop": "laptop",
               "notebook": "laptop", "ultraportable": "laptop", "tour": "desktop",
               "mini tour": "desktop", "minitour": "desktop", "micro tour": "desktop",
               "ordinateur de bureau": "desktop", "bureau": "desktop", "desktop": "desktop",
               "station de travail": "desktop", "workstation": "desktop", "tower": "desktop",
               "mini tower": "desktop", "mini pc": "desktop", "small form factor": "desktop",
               "sff": "desktop", "compact": "desktop", "fixe": "desktop",
               "low profile desktop": "desktop", "pizza box": "desktop", "space saving": "desktop",
               "lunch box": "desktop", "sealed case pc": "desktop", "stick pc": "desktop",
               "sub notebook": "laptop", "convertible": "laptop", "detachable": "laptop",
               "hand held": "tablet", "main server chassis": "server_rack", "blade": "server_rack",
               "multi system chassis": "server_rack",
               "tout en un": "all_in_one", "all in one": "all_in_one", "aio": "all_in_one",
               "serveur": "server_rack", "server": "server_rack", "rack": "server_rack",
               "rack mount chassis": "server_rack", "serveur tour": "server_tower",
               "tablette": "tablet", "tablet": "tablet", None: "desktop"},
    MONITOR: {None: "monitor"},
    NETWORK: {"switch": "network_switch", "commutateur": "network_switch",
              "routeur": "router", "router": "router", "pare feu": "firewall",
              "firewall": "firewall", "borne wifi": "wifi_access_point",
              "point d acces": "wifi_access_point", "access point": "wifi_access_point",
              "wifi": "wifi_access_point",
              # a camera filed as a network device is an IP camera, not a webcam
              "camera": "ip_camera", "cameras": "ip_camera", "camera reseau": "ip_camera",
              None: "network_switch"},
    PHONE: {"smartphone": "smartphone", "mobile": "smartphone", "portable": "smartphone",
            "telephone mobile": "smartphone", "telephone portable": "smartphone",
            "fixe": "ip_phone", "telephone ip": "ip_phone", "ip": "ip_phone", "voip": "ip_phone",
            "ip phone": "ip_phone", "desk phone": "ip_phone", None: "ip_phone"},
    # a bare "Multifonction" is the copier (mfp); "Multifonction A4", "Imprimante
    # multifonction" reach the A4 machine (mfp_a4) through the factor set's aliases
    PRINTER: {"multifonction": "mfp", "multifonctions": "mfp", "copieur": "mfp",
              "photocopieur": "mfp", "mfp": "mfp", "multifunction": "mfp",
              "jet d encre": "printer_inkjet", "inkjet": "printer_inkjet",
              "laser": "printer_laser", None: "printer_laser"},
    PERIPHERAL: {},
    PASSIVE: {},          # UPSs, patch panels…: the factor set's aliases decide
}
# every monitor, printer or phone sub-type stays in its class ("LCD", "24 pouces")
CLASS_DEFAULT_FOR_ANY = {MONITOR: "monitor", PRINTER: "printer_laser", PHONE: "ip_phone"}
VIRTUAL_WORDS = {"virtuel", "virtuelle", "machine virtuelle", "vm", "virtual",
                 "virtual machine", "conteneur", "container", "vmware", "kvm", "hyper v",
                 "virtualbox", "xen", "qemu", "parallels", "lxc", "docker", "bhyve"}
_MONITOR_HINTS = {"lcd", "led", "tft", "crt", "oled", "pouces", "pouce", "inch", "inches",
                  "ecran", "moniteur", "monitor", "dalle"}
_PHONE_HINTS = {"smartphone", "mobile", "dect", "voip", "iphone", "android", "gsm"}
GLPI_MARKERS = {"derniere modification", "last update", "entite", "entity", "statut",
                "status", "fabricant", "manufacturer", "numero de serie", "serial number",
                "modele", "model", "lieu", "location", "nom", "name"}


def class_of(word: object) -> str | None:
    """GLPI class named by an item-type cell, a sheet or a file name."""
    key = fold(word) if isinstance(word, str) else ""
    if key in _CLASS_INDEX:
        return _CLASS_INDEX[key]
    for w in key.replace("glpi", " ").split():
        if w in _CLASS_INDEX and len(w) > 4:
            return _CLASS_INDEX[w]
    return next((c for w, c in _CLASS_INDEX.items() if " " in w and w in key), None)


_GLPI_GROUPS = ("systeme d exploitation", "operating system", "composants", "components",
                "informations financieres", "financial and administrative")


def looks_like_glpi(header: list) -> bool:
    """GLPI's list columns: Nom, Entité, Statut, Fabricant, … Dernière modification; its
    'Group - Field' columns (Système d'exploitation - Nom) count double."""
    texts = [c for c in header if isinstance(c, str)]
    keys = {fold(c.rsplit(" - ", 1)[-1]) for c in texts}
    groups = sum(2 for c in texts if fold(c).startswith(_GLPI_GROUPS))
    return len(keys & GLPI_MARKERS) + groups >= 4


def export_class(header: list, names: list[str | None], type_values: list) -> str | None:
    """The class of a single-class GLPI export, or None when it cannot be told."""
    folded = [fold(c) for c in header if isinstance(c, str)]
    if any(k.startswith(("systeme d exploitation", "operating system", "composants",
                         "components")) for k in folded):
        return COMPUTER
    if any(k in ("firmware", "micrologiciel") or k.endswith(" firmware") for k in folded):
        return NETWORK
    for name in names:
        if name and (c := class_of(name)):
            return c
    subtypes = {fold(v) for v in type_values if isinstance(v, str)}
    if subtypes & {"portable", "tour", "mini tour", "ordinateur de bureau", "tout en un",
                   "laptop", "desktop", "tower", "notebook", "mini tower"}:
        return COMPUTER
    words = {w for v in subtypes for w in v.split()}
    if words & _MONITOR_HINTS:
        return MONITOR
    if words & _PHONE_HINTS:
        return PHONE
    return None


def category_of(glpi_class: str | None, subtype: str, matcher) -> tuple[int, str]:
    """(category index, '') or (a negative code, hint) for one row of a GLPI export.

    The class's own sub-types first ("Portable" among computers is a laptop), then the
    general aliases ("Station d'accueil" among peripherals), then the class itself for
    monitors, printers and phones whatever their sub-type ("LCD", "24 pouces")."""
    key = fold(subtype)
    if glpi_class is None:
        return matcher.match(subtype)
    if glpi_class == COMPUTER and (key in VIRTUAL_WORDS or
                                   VIRTUAL_WORDS.intersection(key.split()) - {"vm"} or
                                   key.startswith(("vm ", "hyper v"))):
        return VIRTUAL, _hint("type.virtual")
    cid = SUBTYPES[glpi_class].get(key or None)
    hint, idx = "", UNKNOWN
    if cid is None and key:
        idx, hint = matcher.match(subtype)
        if idx >= 0:
            return idx, ""
        cid = CLASS_DEFAULT_FOR_ANY.get(glpi_class)
    if cid in matcher.categories:
        return matcher.categories.index(cid), ""
    cls = term(f"glpi-class.{glpi_class}")
    what = term("glpi.typed", cls=cls, subtype=subtype) if key else \
        term("glpi.untyped", cls=cls)
    said = hint if getattr(hint, "id", "") in ("type.did-you-mean", "type.ambiguous-word",
                                               "type.ambiguous-alias", "type.no-category") \
        else term("glpi.no-category")
    code = idx if key and idx in (NO_CATEGORY_CODE, AMBIGUOUS) else \
        (UNKNOWN if key else NO_CATEGORY_CODE)
    return code, _hint("type.glpi", what=what, said=said)
