"""Every rejection reason is reported with file, sheet, row and column; every row is
accounted for: rows_read = assessed + rejected + skipped."""
from __future__ import annotations

import datetime as dt

import pytest

from enrt import assess

from .conftest import write_csv, write_xlsx


@pytest.fixture
def messy(tmp_path):
    return write_xlsx(tmp_path / "messy.xlsx", {"Parc": [
        ["Inventaire"],                                                       # 1
        ["Type", "Qté", "Date d'achat", "Date de retrait", "État", "Durée de vie", "Pays"],  # 2
        ["PC portable", 2, dt.date(2024, 1, 1), None, None, None, None],      # 3 ok
        ["Ordinatuer portable", 1, None, None, None, None, None],              # 4 unknown type
        ["Ecran", "dix", None, None, None, None, None],                       # 5 quantity
        ["Ecran", -3, None, None, None, None, None],                          # 6 negative
        ["Ecran", 1, "31/02/2021", None, None, None, None],                   # 7 impossible date
        ["Ecran", 1, dt.date(2025, 6, 1), dt.date(2025, 3, 1), None, None, None],  # 8 order
        ["Ecran", 1, dt.date(2026, 2, 1), None, None, None, None],            # 9 after year
        ["Ecran", 1, None, dt.date(2024, 6, 1), None, None, None],            # 10 withdrawn
        ["Ecran", 1, None, None, "cassé", None, None],                        # 11 condition
        ["Ecran", 1, None, None, None, 0, None],                              # 12 lifetime
        ["Ecran", 1, None, None, None, None, "Atlantide"],                    # 13 country
        ["Ecran", 1, None, None, None, None, "Norvège"],                      # 14 no factor
        [None, None, None, None, None, None, None],                           # 15 blank
        [None, "commentaire", None, None, None, None, None],                  # 16 no type
        ["Sous-total écrans", 9, None, None, None, None, None],               # 17 total
        ["Ecran", 4, None, None, None, None, None],                           # 18 ok
        [None, 4, None, None, None, None, None],                              # 19 sum of 1 row
        ["TOTAL", 99, None, None, None, None, None],                          # 20 total
    ]})


EXPECTED = {
    4: ("unknown-type", "A (Type)"), 5: ("invalid-quantity", "B (Qté)"),
    6: ("negative-quantity", "B (Qté)"), 7: ("invalid-date", "C (Date d'achat)"),
    8: ("date-order", "D (Date de retrait)"), 11: ("invalid-condition", "E (État)"),
    12: ("invalid-lifetime", "F (Durée de vie)"), 13: ("unknown-country", "G (Pays)"),
    14: ("no-electricity-factor", "G (Pays)"), 16: ("missing-type", "A (Type)"),
    # equal to the one row above it: too weak a sign of a formula total to skip it
    19: ("missing-type", "A (Type)"),
}


def test_each_rejection_reason_is_located(messy, tiny_set):
    r = assess([messy], factors=tiny_set, year=2025)
    errors: dict[int, list] = {}
    for i in r.issues:
        if i.severity == "error":
            errors.setdefault(i.row, []).append(i)
    assert set(errors) == set(EXPECTED)
    for row, (code, column) in EXPECTED.items():
        assert (code, column) in [(i.code, i.column) for i in errors[row]], row
        assert all(i.file == str(messy) and i.sheet == "Parc" and i.hint for i in errors[row])
    # one issue per problem: row 16 also has a quantity that is not a number
    assert [i.code for i in errors[16]] == ["missing-type", "invalid-quantity"]
    assert "did you mean" in errors[4][0].hint
    assert "'dix'" in errors[5][0].message


def test_accounting_identity(messy, tiny_set):
    r = assess([messy], factors=tiny_set, year=2025)
    i = r.inputs[0]
    assert i.rows_read == 18                      # rows 3..20
    assert (i.rows_assessed, i.rows_rejected) == (2, 11)
    assert (i.rows_skipped_blank, i.rows_skipped_total) == (1, 2)
    # rows 9 (bought in 2026) and 10 (withdrawn in 2024) were not in the 2025 fleet
    assert i.skipped == {"blank": 1, "total": 2, "out_of_period": 2}
    notes = {x.message for x in r.issues if x.code == "out-of-period"}
    assert notes == {"1 row(s) (1 units) skipped: purchased after 2025, not in the fleet during "
                     "the assessed year (rows 9)",
                     "1 row(s) (1 units) skipped: withdrawn before 2025, not in the fleet during "
                     "the assessed year (rows 10)"}
    assert i.rows_read == i.rows_assessed + i.rows_rejected + i.rows_skipped
    assert r.by_category[0].quantity + r.by_category[1].quantity == 2 + 4


def test_error_count_is_one_per_problem(messy, tiny_set):
    r = assess([messy], factors=tiny_set, year=2025)
    assert r.issue_counts["error"] == 12


def test_csv_rejections_name_file_and_column_without_sheet(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté", "Ecran;dix", "Ecran;2", ";", "Total;2"])
    r = assess([path], factors=tiny_set, year=2025)
    (err,) = [i for i in r.issues if i.severity == "error"]
    assert (err.file, err.sheet, err.row, err.column) == (str(path), None, 2, "B (Qté)")
    i = r.inputs[0]
    assert (i.rows_read, i.rows_assessed, i.rows_rejected, i.rows_skipped) == (4, 1, 1, 2)


def test_unlabelled_row_that_is_not_a_sum_is_rejected(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté", "Ecran;2", "Ecran;3", ";7"])
    r = assess([path], factors=tiny_set, year=2025)
    assert [i.code for i in r.issues if i.severity == "error"] == ["missing-type"]


def test_unlabelled_row_with_other_data_is_not_taken_for_a_total(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;Date d'achat;Service",
                                          "Ecran;1;2022;", "Ecran;1;2022;", ";2;2023;",
                                          ";2;;Culture", ";;;", "Ecran;1;;", "Ecran;1;;", ";2;;"])
    r = assess([path], factors=tiny_set, year=2025)
    assert [(i.code, i.row) for i in r.issues if i.severity == "error"] == \
        [("missing-type", 4), ("missing-type", 5)]
    assert r.inputs[0].rows_skipped_total == 1            # only the last row, all numbers


def test_identity_holds_across_chunks(tmp_path, tiny_set, monkeypatch):
    import enrt.inventory.reader as reader
    monkeypatch.setattr(reader, "CHUNK_ROWS", 3)
    lines = ["Type;Qté"] + ["Ecran;1"] * 5 + [";5"] + ["x;1", "", "Ecran;2"]
    r = assess([write_csv(tmp_path / "p.csv", lines)], factors=tiny_set, year=2025)
    i = r.inputs[0]
    assert (i.rows_read, i.rows_assessed, i.rows_rejected) == (9, 6, 1)
    assert (i.rows_skipped_blank, i.rows_skipped_total) == (1, 1)   # ";5" sums rows above
    assert [e.row for e in r.issues if e.severity == "error"] == [8]


def test_every_issue_code_is_documented(messy, tiny_set, tmp_path):
    from enrt.issues import ISSUE_CODES
    r = assess([messy], factors=tiny_set, year=2025)
    assert {i.code for i in r.issues} <= set(ISSUE_CODES)
