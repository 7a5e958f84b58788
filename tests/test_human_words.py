"""Human formats say labels, never ids (issue 10, point 6): categories, activities, criteria,
service kinds and units, in the report's language; the JSON report keeps the ids."""
from __future__ import annotations

import html
import json
import re

import pytest

from enrt.assess import assess
from enrt.i18n import t
from enrt.report.render import RenderContext, render

from .conftest import REPO

BELLEVILLE = REPO / "docs" / "examples" / "inventaire-belleville.xlsx"
EXAMPLE = REPO / "examples" / "inventaire-commune.xlsx"


@pytest.fixture(scope="module")
def reports():
    return [assess([p], year=2025) for p in (EXAMPLE, BELLEVILLE)]


def _ids(report) -> set[str]:
    ids = {c.category for c in report.by_category} | {a.activity for a in report.activities}
    return {i for i in ids if "_" in i}             # laptop or nas read as words anyway


@pytest.mark.parametrize("fmt", ["md", "html", "table"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_human_formats_show_labels_not_ids(reports, fmt, lang):
    for n, report in enumerate(reports):
        text = html.unescape(render(report, fmt, RenderContext(lang=lang, width=120))
                             .decode("utf-8"))
        leaked = {i for i in _ids(report) if re.search(rf"\b{i}\b", text)}
        assert not leaked, leaked
        # the not-covered issue names the criterion and the categories by their labels
        assert not re.search(r"(criterion|indicateur) '?(adpe|pe)'?\b", text)
        if lang == "fr":                 # (the sources' titles are as their authors wrote them)
            words = text[:text.rfind(t("sources", lang))]
            assert not re.search(r"\b(hosting|network|VM-year|TB-year)\b", words), fmt
        if n == 0:                                  # the example: pe not covered
            assert {"fr": "l'indicateur « Énergie primaire » n'est pas couvert pour : "
                          "Ordinateur portable",
                    "en": "criterion 'Primary energy' is not covered for: Laptop"}[lang] \
                in " ".join(text.split())


def test_services_read_in_french(reports):
    text = render(reports[1], "md", RenderContext(lang="fr")).decode("utf-8")
    assert "| Machine virtuelle (VM-an) | hébergement |" in text
    assert "VM-an" in text and "To-an" in text and "Go" in text
    text = render(reports[1], "md", RenderContext(lang="en")).decode("utf-8")
    assert "| Virtual machine (VM-year) | hosting |" in text


def test_the_json_report_keeps_the_ids(reports):
    data = json.loads(render(reports[0], "json").decode("utf-8"))
    messages = [i["message"] for i in data["issues"] if i["code"] == "not-covered"]
    assert messages and all(m.startswith(("criterion 'adpe'", "criterion 'pe'"))
                            for m in messages)
    assert any("all_in_one" in m for m in messages)
