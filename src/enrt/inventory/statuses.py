"""Status of an asset in the register: in use (assessed) or not (skipped with a reason).

GLPI and council asset registers keep a status per device ("En service", "En stock",
"Réformé", "In Use", "Awaiting Disposal"). Only equipment in use during the year is in
the footprint; stock, broken-and-shelved, retired and disposed devices are skipped and
counted. The words are matched on their folded form, exactly or as the first words of
the cell ("En stock - magasin"); a mapping file (``statuses:``) adds or overrides words.
"""
from __future__ import annotations

from ..messages import term
from ..normalize import Aliases, fold

IN_USE, STOCK, OUT_OF_SERVICE, RETIRED, DISPOSED, LOST = (
    "in_use", "stock", "out_of_service", "retired", "disposed", "lost")
MEANINGS = (IN_USE, STOCK, OUT_OF_SERVICE, RETIRED, DISPOSED, LOST)
REASONS = {m: term(f"status.{m}") for m in (STOCK, OUT_OF_SERVICE, RETIRED, DISPOSED, LOST)}

STATUS_WORDS: dict[str, list[str]] = {
    IN_USE: ["en service", "en production", "en utilisation", "utilise", "utilisé", "actif",
             "active", "affecte", "affecté", "attribue", "attribué", "deploye", "déployé",
             "en fonctionnement", "operationnel", "opérationnel", "en reparation",
             "en réparation", "en maintenance", "en sav", "prete", "prêté", "pret", "prêt",
             "en pret", "en prêt", "in use", "in service", "deployed", "assigned", "active",
             "in production", "operational", "in repair", "under repair", "on loan", "loaned",
             "en cours d'utilisation", "live", "allocated", "issued", "in place", "installed",
             "operational", "en place", "installe", "installé"],
    STOCK: ["en stock", "stock", "en reserve", "en réserve", "disponible", "non affecte",
            "non affecté", "neuf en stock", "in stock", "spare", "available", "unassigned",
            "in storage", "stored", "en attente d'affectation", "unallocated", "reserved",
            "reserve", "réservé", "awaiting deployment", "not deployed", "new in box"],
    OUT_OF_SERVICE: ["hors service", "hs", "hors d'usage", "inutilisable", "out of service",
                     "out of order", "not in use", "inactif", "inactive", "a reformer",
                     "à réformer", "en attente de reforme", "en attente de réforme",
                     "awaiting disposal", "pending disposal", "to be disposed", "faulty",
                     "broken", "defective", "en panne", "defectueux", "défectueux",
                     "not working"],
    RETIRED: ["reforme", "réformé", "reformee", "réformée", "retire", "retiré", "retired",
              "decommissioned", "archive", "archivé", "sorti de l'inventaire", "sorti du parc",
              "end of life", "fin de vie", "archived", "retire", "decommissionne",
              "décommissionné"],
    DISPOSED: ["detruit", "détruit", "recycle", "recyclé", "mis au rebut", "rebut", "cede",
               "cédé", "donne", "donné", "vendu", "disposed", "disposed of", "sold",
               "donated", "recycled", "scrapped", "destroyed", "written off"],
    LOST: ["perdu", "vole", "volé", "lost", "stolen", "missing"],
}


class StatusTable:
    """Folded status word -> meaning; ``overrides`` (from a mapping file) win."""

    def __init__(self, overrides: dict[str, str] | None = None):
        self.words = Aliases(STATUS_WORDS)
        self.overrides = {fold(k): v for k, v in (overrides or {}).items() if v}

    def meaning(self, value: str) -> str | None:
        """'En stock' -> 'stock'; None when the word is not known."""
        key = fold(value)
        if key in self.overrides:
            return self.overrides[key]
        return self.words.get(key)

    def is_status(self, value: str) -> bool:
        return self.meaning(value) is not None
