"""Good-practice inventory: the 59 DINUM practices with a status, and a maturity score.

Referential: DINUM / MiNumEco, *Guide de bonnes pratiques numérique responsable pour les
organisations* v1 (last update 2023-06-01), Licence Ouverte Etalab 2.0.

Score (an enrt assumption, documented in docs/methodology.md): each practice weighs 3
(Prioritaire), 2 (Recommandée) or 1 (Aller plus loin); a status earns fait 1, en cours
0.5, prévu or non 0; "non applicable" and practices not listed are left out. Score =
Σ weight × points / Σ weight, in %, per family and overall.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .issues import Issue
from .normalize import Aliases, fold

WEIGHTS = {"Prioritaire": 3, "Recommandée": 2, "Aller plus loin": 1}
POINTS = {"fait": 1.0, "en cours": 0.5, "prevu": 0.0, "non": 0.0, "non applicable": None}
STATUS_LABELS = {"fait": "fait", "en cours": "en cours", "prevu": "prévu", "non": "non",
                 "non applicable": "non applicable"}
_STATUS_ALIASES = {
    "fait": ["fait", "faite", "realise", "réalisé", "oui", "done", "yes", "implemented", "ok"],
    "en cours": ["en cours", "partiel", "partiellement", "in progress", "ongoing", "partial"],
    "prevu": ["prevu", "prévu", "planifie", "planifié", "a faire", "à faire", "planned",
              "to do", "todo"],
    "non": ["non", "pas fait", "non fait", "no", "not done"],
    "non applicable": ["non applicable", "n/a", "na", "sans objet", "not applicable", "nc"],
}
STATUSES = Aliases(_STATUS_ALIASES)
HEADERS = {
    "id": ["id", "n", "no", "numero", "n°", "reference", "référence", "ref", "code"],
    "title": ["bonne pratique", "bonnes pratiques", "pratique", "titre", "intitule", "intitulé",
              "practice", "good practice", "title"],
    "status": ["statut", "etat d'avancement", "état d'avancement", "avancement", "status",
               "etat", "état", "mise en oeuvre", "mise en œuvre"],
}
_HEADERS = Aliases(HEADERS)
SOURCE = ("DINUM / MiNumEco, Guide de bonnes pratiques numérique responsable pour les "
          "organisations v1 (2023-06-01), Licence Ouverte Etalab 2.0, "
          "https://ecoresponsable.numerique.gouv.fr")


@dataclass(frozen=True)
class Practice:
    id: str
    family_id: str
    family: str
    title: str
    priority: str
    difficulty: str
    url: str


@lru_cache(maxsize=1)
def referential() -> tuple[Practice, ...]:
    path = resources.files("enrt") / "data" / "dinum-bonnes-pratiques-v1.csv"
    with path.open(encoding="utf-8") as fh:
        return tuple(Practice(r["id"], r["thematique_id"], r["thematique"], r["titre"],
                              r["priorite"], r["difficulte"], r["url"])
                     for r in csv.DictReader(fh))


@dataclass
class PracticeSheet:
    statuses: dict[str, str] = field(default_factory=dict)     # practice id -> status key
    issues: list[Issue] = field(default_factory=list)
    rows_read: int = 0


def find_practice_header(head: list[list]) -> tuple[int, dict[str, int]] | None:
    """(header row index, field -> column) when a row names a status and an id or title."""
    for i, row in enumerate(head):
        cols: dict[str, int] = {}
        for j, cell in enumerate(row):
            k = _HEADERS.get(cell, prefix=False) if isinstance(cell, str) else None
            if k and k not in cols:
                cols[k] = j
        if "status" in cols and ({"id", "title"} & set(cols)):
            return i, cols
    return None


def read_practices(rows, header_row: int, cols: dict[str, int], file: str,
                   sheet: str | None, out: PracticeSheet) -> None:
    by_id = {p.id: p for p in referential()}
    by_title = {fold(p.title): p for p in referential()}
    for k, row in enumerate(rows):
        rownum = header_row + 2 + k

        def cell(f):
            j = cols.get(f)
            return row[j] if j is not None and j < len(row) and row[j] is not None else ""
        pid, title, status = str(cell("id")).strip(), str(cell("title")).strip(), \
            str(cell("status")).strip()
        if not (pid or title or status):
            continue
        out.rows_read += 1
        practice = by_id.get(pid) or by_id.get(pid + ".") or by_title.get(fold(title))
        if practice is None:
            out.issues.append(Issue.make("error", "unknown-practice", file=file, sheet=sheet,
                                         row=rownum, practice=pid or title))
            continue
        if not status:
            continue                            # listed but not assessed yet
        key = STATUSES.get(status, prefix=False)
        if key is None:
            out.issues.append(Issue.make("error", "invalid-status", file=file, sheet=sheet,
                                         row=rownum, status=status))
            continue
        out.statuses[practice.id] = key


def maturity(statuses: dict[str, str]) -> dict | None:
    """Scores per family and overall, and the first recommendations."""
    if not statuses:
        return None
    families: dict[str, dict] = {}
    total_w = total_p = 0.0
    for p in referential():
        fam = families.setdefault(p.family_id, {"id": p.family_id, "title": p.family,
                                                "practices": 0, "assessed": 0, "done": 0,
                                                "_w": 0.0, "_p": 0.0})
        fam["practices"] += 1
        status = statuses.get(p.id)
        if status is None or POINTS[status] is None:
            continue
        fam["assessed"] += 1
        fam["done"] += status == "fait"
        w = WEIGHTS[p.priority]
        fam["_w"] += w
        fam["_p"] += w * POINTS[status]
        total_w += w
        total_p += w * POINTS[status]
    by_family = []
    for fam in families.values():
        w, pts = fam.pop("_w"), fam.pop("_p")
        fam["score_pct"] = 100 * pts / w if w else None
        by_family.append(fam)
    order = {"non": 0, "prevu": 1, "en cours": 2, None: 3}
    todo = [p for p in referential() if p.priority == "Prioritaire"
            and statuses.get(p.id) not in ("fait", "non applicable")]
    todo.sort(key=lambda p: (order[statuses.get(p.id)], p.family_id, int(p.id.split(".")[1])))
    return {
        "source": SOURCE,
        "weights": WEIGHTS, "points": {STATUS_LABELS[k]: v for k, v in POINTS.items()},
        "assessed": sum(1 for s in statuses.values() if POINTS[s] is not None),
        "not_applicable": sum(1 for s in statuses.values() if s == "non applicable"),
        "total": len(referential()),
        "score_pct": 100 * total_p / total_w if total_w else None,
        "by_family": by_family,
        "recommendations": [{"id": p.id, "title": p.title, "family": p.family,
                             "priority": p.priority, "difficulty": p.difficulty,
                             "status": STATUS_LABELS.get(statuses.get(p.id), "non évalué"),
                             "url": p.url} for p in todo],
    }
