"""The message catalogue (enrt.messages): both languages for every entry, every issue the
examples raise readable in French, and no issue text written outside the catalogue."""
from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from enrt.assess import assess
from enrt.errors import EnrtError, FactorSetError, InputError, UsageError
from enrt.issues import ISSUE_CODES, Issue
from enrt.messages import (
    HINTS,
    MESSAGES,
    TABLES,
    TERMS,
    Listing,
    Named,
    Text,
    both,
    either,
    hint,
    message,
    placeholders,
    term,
)

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "enrt"
ENTRIES = [(table, key) for table, entries in TABLES.items() for key in entries]
# commands and text from elsewhere, the same in both languages
SAME = {("error-hint", "usage.no-input"), ("error-hint", "factors.invalid"),
        ("error-hint", "usage.weasyprint"), ("error-hint", "batch.dask")}
# a placeholder left unfilled: {name}, {name!r}, {n:,}
UNFILLED = re.compile(r"\{[A-Za-z_][A-Za-z_0-9]*(![rsaq])?(:[^{}]*)?\}")
# English that must not be left in a French text (inventory labels aside)
ENGLISH = re.compile(r"\b(the|is not|are|cannot|row\(s\)|rows|skipped|unknown|not used|"
                     r"left out|give|write|which|without|units)\b")


def _sample(spec: str):
    return 1234.5 if spec and spec[-1:] in "fg," else "X"


def _fill(tmpl: str) -> dict:
    return {name: _sample(spec or "") for _, name, spec, _ in string.Formatter().parse(tmpl)
            if name}


@pytest.mark.parametrize("table,key", ENTRIES, ids=[f"{t}:{k}" for t, k in ENTRIES])
def test_entry_has_both_languages_with_the_same_placeholders(table, key):
    fr, en = TABLES[table][key]
    assert fr.strip() and en.strip()
    assert fr != en or table == "term" or (table, key) in SAME or \
        not re.search(r"[a-z]{4}", en), "the French is the English"
    assert placeholders(fr) == placeholders(en)
    values = _fill(en)
    for lang in ("fr", "en"):
        out = Text(table, key, values).text(lang)
        assert not UNFILLED.search(out), out
    assert "!q" not in en, "English templates quote with !r, as the code always did"
    assert fr.count("!q") + fr.count("!r") == en.count("!r"), "quote what English quotes"


def test_message_ids_are_issue_codes_or_variants():
    codes = {key.split(".", 1)[0] for key in MESSAGES}
    assert codes <= set(ISSUE_CODES), codes - set(ISSUE_CODES)
    assert set(ISSUE_CODES) <= codes, set(ISSUE_CODES) - codes


def test_make_fills_english_from_the_catalogue_and_renders_french():
    i = Issue.make("error", "invalid-quantity.range", file="f.csv", row=3, column="B (Qté)",
                   value="2000000", max=1_000_000)
    assert (i.code, i.message, i.hint) == ("invalid-quantity", "quantity 2000000 is out of range",
                                           "a row holds 0 to 1,000,000 units")
    assert i.msg_id == "invalid-quantity.range" and i.params["value"] == "2000000"
    assert i.text("en") == (i.message, i.hint)
    fr_msg, fr_hint = i.text("fr")
    assert fr_msg == "la quantité 2000000 est hors limites"
    assert fr_hint == "une ligne compte de 0 à 1\u202f000\u202f000 unités"
    assert i == Issue("error", "invalid-quantity", "quantity 2000000 is out of range", "f.csv",
                      None, 3, "B (Qté)", "a row holds 0 to 1,000,000 units")


def test_json_is_unchanged_by_the_catalogue():
    from pydantic import TypeAdapter

    i = Issue.make("warning", "unknown-room", file="f.xlsx", sheet="Parc", column="C (Salle)",
                   name="Salle\x85", count=2)
    dumped = TypeAdapter(Issue).dump_python(i, mode="json")
    assert list(dumped) == ["severity", "code", "message", "file", "sheet", "row", "column",
                            "hint"]
    assert dumped["message"].startswith("server room 'Salle\\x85' (named on 2 row(s))")


def test_hints_and_terms_and_lists_follow_the_language():
    h = hint("type.no-category", what=term("no-category.ups"))
    assert h == "the factor set has no category for a UPS: leave it out, or add the category " \
                "to your own factor set (--factors)"
    assert h.text("fr").startswith("le jeu de facteurs n'a pas de catégorie pour un onduleur")
    names = hint("type.ambiguous-alias", names=either(["laptop", "smartphone"]))
    assert "laptop or smartphone" in names and "laptop ou smartphone" in names.text("fr")
    what = message("missing-organisation", what=both([term("org.agents"),
                                                      term("org.population")]))
    assert what.startswith("agents and population not given")
    assert what.text("fr").startswith("nombre d'agents et population non renseigné(s)")
    assert Listing(["a", "b"]) == ("a", "b")


def test_french_quotes_and_numbers():
    m = message("unknown-type", label="Ordi\x1bportable")
    assert m == "unknown equipment type 'Ordi\\x1bportable'"
    assert m.text("fr") == "type d'équipement inconnu : « Ordi\\x1bportable »"
    r = message("room-measured", name="Salle", kwh=12345.5, how=term("meter.it", pue=1.5),
                estimate=1234.56)
    assert r == "server room 'Salle': measured 12345.5 kWh (IT meter x PUE 1.5) replaces the " \
                "estimate of 1234.6 kWh"
    assert "12\u202f345,5 kWh (compteur informatique x PUE 1,5)" in r.text("fr")
    assert "1\u202f234,6 kWh" in r.text("fr")


def test_texts_survive_pickle_and_copy():
    import copy
    i = Issue.make("info", "out-of-period", rows=3, units=3.0, at="4, 5, 6",
                   detail=term("skip.withdrawn-before", year=2024))
    for j in (pickle.loads(pickle.dumps(i)), copy.deepcopy(i)):
        assert j == i and j.text("fr") == i.text("fr")
    assert "retiré avant 2024" in i.text("fr")[0]


def test_a_hint_outside_the_catalogue_is_refused():
    with pytest.raises(TypeError):
        Issue.make("error", "missing-type", hint="fill it in")
    with pytest.raises(KeyError):
        Issue.make("error", "no-such-issue")


EXAMPLES = sorted([*ROOT.glob("examples/*.xlsx"), *ROOT.glob("examples/*.csv"),
                   *ROOT.glob("docs/examples/*.xlsx"), ROOT / "docs/examples/parc-erreurs.csv"])


@pytest.fixture(scope="module")
def example_issues() -> list[Issue]:
    out = []
    for path in EXAMPLES:
        for method in ("linear", "numecoeval"):
            out += assess([path], year=2025, method=method).issues
    return out


def test_examples_raise_catalogue_issues(example_issues):
    assert len({i.code for i in example_issues}) >= 10
    assert all(i.msg_id for i in example_issues), \
        [i.code for i in example_issues if not i.msg_id]


def test_every_example_issue_reads_in_french(example_issues):
    seen = set()
    for i in example_issues:
        msg, fix = i.text("fr")
        if not any(isinstance(v, (Named, Listing)) for v in i.params.values()):
            assert i.text("en") == (i.message, i.hint)
        for fr, en in ((msg, i.message), (fix, i.hint)):
            if en is None:
                assert fr is None
                continue
            assert not UNFILLED.search(fr), fr
            values = [str(v) for v in i.params.values() if isinstance(v, str) and
                      not isinstance(v, Text)]
            bare = fr
            for v in sorted(values, key=len, reverse=True):
                bare = bare.replace(v, "")
            assert not ENGLISH.search(bare), (i.msg_id, fr)
            assert fr != en or not re.search(r"[a-z]{4}", bare), (i.msg_id, fr)
        seen.add(i.msg_id)
    assert {"column-ignored", "unknown-type", "missing-organisation",
            "snapshot-method"} <= seen, seen


def test_skip_details_and_reasons_are_french(example_issues):
    skips = [i for i in example_issues if i.code in ("skipped-not-in-use", "out-of-period")]
    assert skips
    for i in skips:
        msg = i.text("fr")[0]
        assert "ligne(s)" in msg and "écartée(s)" in msg
        assert not re.search(r"\b(in stock|withdrawn|purchased|retired|disposed)\b", msg), msg


# --- the catalogue cannot be bypassed ---------------------------------------------------

def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) \
                else None
            yield node, name, f


def _literal(node) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and
                                               isinstance(node.value, str) and node.value)


SOURCES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(SRC)) for p in SOURCES])
def test_issues_are_made_from_the_catalogue(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node, name, f in _calls(tree):
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if name == "Issue" and path.name != "issues.py":
            raise AssertionError(f"{where}: Issue(...) with its own words; use Issue.make "
                                 "and the catalogue (enrt.messages)")
        if name == "Issue" or (name == "make" and isinstance(f, ast.Attribute) and
                               isinstance(f.value, ast.Name) and f.value.id == "Issue"):
            args = node.args[2:3] + [k.value for k in node.keywords if k.arg == "message"]
            assert not any(_literal(a) for a in args), f"{where}: a literal message"
            hints = [k.value for k in node.keywords if k.arg == "hint"]
            assert not any(_literal(a) for a in hints), f"{where}: a literal hint"
            if name == "make" and node.args[1:2] and isinstance(node.args[1], ast.Constant):
                assert node.args[1].value in MESSAGES, f"{where}: {node.args[1].value}"
            for k in node.keywords:
                if k.arg == "hint_id" and isinstance(k.value, ast.Constant):
                    assert k.value.value in HINTS, f"{where}: hint {k.value.value}"


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(SRC)) for p in SOURCES])
def test_catalogue_ids_named_in_the_code_exist(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    from enrt.messages import ERROR_HINTS, ERRORS
    tables = {"message": MESSAGES, "hint": HINTS, "_hint": HINTS, "term": TERMS,
              "_message": MESSAGES, "error": ERRORS, "_error": ERRORS,
              "error_hint": ERROR_HINTS, "_error_hint": ERROR_HINTS}
    imported = {a.asname or a.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("messages")
                for a in node.names}
    for node, name, f in _calls(tree):
        if isinstance(f, ast.Name) and name in tables and name in imported and node.args and \
                isinstance(node.args[0], ast.Constant):
            assert node.args[0].value in tables[name], \
                f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[0].value}"


# --- errors ---------------------------------------------------------------------------

def test_errors_from_the_catalogue_keep_their_english_and_speak_french(tmp_path):
    missing = tmp_path / "absent.xlsx"
    with pytest.raises(InputError) as info:
        assess([missing])
    err = info.value
    assert err.msg_id == "input.not-found"
    assert str(err) == f"input file not found ({missing})"
    assert err.hint == "check the path; inputs are .xlsx, .xlsm, .ods or .csv files"
    assert err.text("en") == (err.message, err.hint)
    assert err.describe("fr") == f"fichier d'inventaire introuvable ({missing})"
    assert err.text("fr")[1].startswith("vérifiez le chemin")
    with pytest.raises(UsageError) as info:
        assess([ROOT / "examples/inventaire-commune.csv"], method="average")
    assert str(info.value) == "unknown method 'average'"
    assert info.value.hint == "use linear or numecoeval"
    assert info.value.text("fr") == ("méthode inconnue : « average »",
                                     "utilisez linear ou numecoeval")


def test_factor_set_errors_say_line():
    err = FactorSetError.make("factors.extends-type", file="a.yaml", row=3, default="ademe")
    assert str(err) == "`extends` must be the id or the path of a factor set (a.yaml, line 3)"
    assert err.describe("fr") == "`extends` doit être l'id ou le chemin d'un jeu de facteurs " \
                                 "(a.yaml, ligne 3)"
    assert err.hint == "e.g. extends: ademe"


def test_an_error_built_by_hand_still_reads_in_any_language():
    err = EnrtError("something", hint="do this", file="f", sheet="S", row=2, column="B")
    assert str(err) == "something (f, sheet S, row 2, column B)"
    assert err.text("fr") == ("something", "do this")
    assert err.describe("fr") == "something (f, feuille S, ligne 2, colonne B)"


ERROR_CLASSES = {"EnrtError", "InputError", "FactorSetError", "UsageError", "OutputError"}


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(SRC)) for p in SOURCES])
def test_errors_are_made_from_the_catalogue(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node, name, f in _calls(tree):
        if name in ERROR_CLASSES and path.name != "errors.py":
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            args = node.args[:1] + [k.value for k in node.keywords if k.arg in ("message",
                                                                                "hint")]
            assert not any(_literal(a) for a in args), \
                f"{where}: an error with its own words; use {name}.make and the catalogue"
        if name == "make" and isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) \
                and f.value.id in ERROR_CLASSES and node.args and \
                isinstance(node.args[0], ast.Constant):
            from enrt.messages import ERRORS
            assert node.args[0].value in ERRORS, f"{path}:{node.lineno}: {node.args[0].value}"


def test_issue_terms_and_command_terms_do_not_share_an_id():
    """messages.TERMS merges the two catalogues: an id in both would hide one wording."""
    from enrt.error_catalogue import COMMAND_TERMS
    from enrt.message_catalogue import TERMS as ISSUE_TERMS
    assert not set(ISSUE_TERMS) & set(COMMAND_TERMS)
    assert len(TERMS) == len(ISSUE_TERMS) + len(COMMAND_TERMS)
