"""The words of the human report formats (enrt.report_words): one place, both languages,
and every key the renderers ask for is there."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from enrt import report_words
from enrt.i18n import TEXT, t

SRC = Path(__file__).resolve().parents[1] / "src" / "enrt"
TABLES = {name: getattr(report_words, name) for name in
          ("TEXT", "INDICATORS", "INDICATOR_HOW", "MISSING", "DISCLOSURES", "CRITERIA", "UNITS")}
ENTRIES = [(name, key) for name, table in TABLES.items() for key in table]


def _names(template: str) -> set[str]:
    return {n for _, n, _, _ in string.Formatter().parse(template) if n}


@pytest.mark.parametrize("table,key", ENTRIES, ids=[f"{a}:{b}" for a, b in ENTRIES])
def test_every_word_has_both_languages_with_the_same_placeholders(table, key):
    fr, en = TABLES[table][key]
    assert (fr.strip() and en.strip()) or key == ""      # UNITS[""]: a number without unit
    # French may add plural marks ({s_rej}: "s" from 2 on); every other value is in both
    assert {n for n in _names(fr) if not n.startswith("s_")} == _names(en)


def _literal_keys(tree):
    """Keys given as a literal to t(key, …) or self.t / o.t(key, …)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            f = node.func
            if (isinstance(f, ast.Name) and f.id == "t") or \
                    (isinstance(f, ast.Attribute) and f.attr == "t"):
                yield node.lineno, node.args[0].value


RENDERERS = sorted((SRC / "report").rglob("*.py"))


@pytest.mark.parametrize("path", RENDERERS, ids=[str(p.relative_to(SRC)) for p in RENDERERS])
def test_renderers_ask_only_for_words_of_the_catalogue_and_keep_none(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for line, key in _literal_keys(tree):
        assert key in TEXT, f"{path.name}:{line}: {key!r} is not in enrt.report_words.TEXT"
    # no (French, English) word table of its own
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict):
            values = node.value.values
            pairs = [v for v in values if isinstance(v, ast.Tuple) and len(v.elts) == 2 and
                     all(isinstance(e, ast.Constant) and isinstance(e.value, str)
                         for e in v.elts)]
            assert len(pairs) < 2, f"{path.name}:{node.lineno}: words belong in report_words"


def test_a_word_reads_in_each_language():
    assert t("synthesis", "fr") == "Synthèse" and t("synthesis", "en") == "Summary"
    assert t("more_issues_table", "fr", n=3).startswith("… 3 de plus")
