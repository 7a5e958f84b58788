"""The engine against values computed by hand with the tiny factor set (conftest)."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from enrt import assess
from enrt.compute import group_impacts, row_weights
from enrt.factors import build_arrays, load_factor_set
from enrt.fleet import REFURBISHED, Fleet

from .conftest import REPO, write_csv, write_xlsx

HEADER = ["Type", "Qté", "Date d'achat", "État", "Salle serveur", "Consommation (kWh/an)", "Pays"]
ROWS = [
    ["PC portable", 10, dt.date(2023, 3, 1), "neuf", None, None, None],     # A
    ["Unité centrale", 2, 2024, "reconditionné", None, None, None],         # B
    ["Serveur", 1, dt.date(2022, 5, 1), None, "SR1", 800, None],            # C
    ["Serveur", 1, None, None, None, None, None],                           # D
    ["Ecran", 3, dt.date(2019, 1, 1), None, None, None, None],              # E
]


@pytest.fixture
def workbook(tmp_path):
    return write_xlsx(tmp_path / "parc.xlsx", {
        "Parc": [["Inventaire 2025"], [], HEADER, *ROWS],
        "Salles": [["Salle serveur", "PUE"], ["SR1", 1.5]],
    })


def test_linear_totals_by_hand(workbook, tiny_set):
    r = assess([workbook], factors=tiny_set, year=2025)
    ef = 0.05                       # FRA 2024 value: latest reference year <= 2025
    manufacture = {
        "laptop": 10 * 100 / 4,     # 2025 - 2023 = 2 < L = 4 -> s = 1/4
        "desktop": 2 * 200 / (5 + 3),   # refurbished: L_eff = L + previous life 3
        "server_rack": 1000 / 5 + 1000 / 5,
        "monitor": 0.0,             # 2025 - 2019 = 6 >= 5: fully amortised
    }
    use = {
        "laptop": 10 * 20 * ef,
        "desktop": 2 * 100 * ef,
        "server_rack": 800 * ef * 1.5 + 1000 * ef * 2.0,   # room PUE 1.5; default PUE 2.0
        "monitor": 3 * 30 * ef,
    }
    g = r.totals["gwp"]
    assert g.manufacture == pytest.approx(sum(manufacture.values()))
    assert g.use == pytest.approx(sum(use.values()))
    assert g.total == pytest.approx(700 + 184.5)
    lines = {line.category: line for line in r.by_category}
    for cid in manufacture:
        assert lines[cid].gwp.manufacture == pytest.approx(manufacture[cid]), cid
        assert lines[cid].gwp.use == pytest.approx(use[cid]), cid
    assert r.indicators["fully_amortised_units"]["value"] == 3


def test_not_covered_is_null_not_zero(workbook, tiny_set):
    r = assess([workbook], factors=tiny_set, year=2025)
    lines = {line.category: line for line in r.by_category}
    # desktop and server_rack have no adpe manufacture factor in the tiny set
    assert lines["desktop"].criteria["adpe"].manufacture is None
    assert lines["desktop"].criteria["adpe"].total is None
    assert lines["laptop"].criteria["adpe"].manufacture == pytest.approx(10 * 0.01 / 4)
    adpe = r.totals["adpe"]
    assert adpe.not_covered == ["desktop", "server_rack"]
    assert adpe.manufacture == pytest.approx(10 * 0.01 / 4)      # monitor amortised
    kwh = 10 * 20 + 2 * 100 + 800 * 1.5 + 1000 * 2.0 + 3 * 30
    assert adpe.use == pytest.approx(kwh * 1e-8)
    assert any(i.code == "not-covered" and "adpe" in i.message for i in r.issues)


def test_numecoeval_matches_published_formula(workbook, tiny_set):
    """NumEcoEval: manufacture = quantity x factor / lifetime, lifetime = days between
    purchase and withdrawal (else the as-of date) / 365, at least one year."""
    r = assess([workbook], factors=tiny_set, year=2025, method="numecoeval")
    as_of = dt.date(2025, 12, 31)

    def life(purchase: dt.date) -> float:
        return max((as_of - purchase).days / 365, 1.0)

    expected = (10 * 100 / life(dt.date(2023, 3, 1))
                + 2 * 200 / (life(dt.date(2024, 7, 1)) + 3)     # bare year = 1 July
                + 1000 / life(dt.date(2022, 5, 1))
                + 1000 / 5                                        # no date: default lifetime
                + 3 * 50 / life(dt.date(2019, 1, 1)))             # no amortisation cut-off
    assert r.totals["gwp"].manufacture == pytest.approx(expected)
    assert r.assessment.method == "numecoeval"


def test_numecoeval_withdrawal_and_minimum_year(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", [
        "Type;Qté;Date d'achat;Date de retrait",
        "PC portable;4;01/01/2020;01/07/2025",      # 2008 days
        "PC portable;1;01/06/2025;",                # 213 days -> at least 1 year
    ])
    r = assess([path], factors=tiny_set, year=2025, method="numecoeval")
    days = (dt.date(2025, 7, 1) - dt.date(2020, 1, 1)).days
    assert r.totals["gwp"].manufacture == pytest.approx(4 * 100 / (days / 365) + 100 / 1.0)


def test_electricity_year_and_country(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;Pays", "PC portable;1;Allemagne",
                                          "PC portable;1;FR"])
    r2023 = assess([path], factors=tiny_set, year=2023)
    # 2023: FRA takes its 2020 value (0.1), DEU its 2023 value (0.4)
    assert r2023.totals["gwp"].use == pytest.approx(20 * 0.4 + 20 * 0.1)
    assert r2023.factor_set.electricity["FRA"]["gwp"].year == 2020
    r2025 = assess([path], factors=tiny_set, year=2025)
    assert r2025.totals["gwp"].use == pytest.approx(20 * 0.4 + 20 * 0.05)
    # DEU has no adpe factor: the German laptop is left out, the French one counts
    assert r2025.totals["adpe"].not_covered == ["laptop"]
    assert r2025.totals["adpe"].use == pytest.approx(20 * 1e-8)
    (line,) = r2025.by_category          # a category line is exact, or null
    assert line.criteria["adpe"].use is None and line.criteria["adpe"].total is None
    assert line.gwp.use == pytest.approx(20 * 0.4 + 20 * 0.05)


def test_quantity_zero_does_not_cover_anything(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;Pays", "Poste fixe;0;FRA",
                                          "PC portable;1;DEU"])
    r = assess([path], factors=tiny_set, year=2025)
    adpe = r.totals["adpe"]
    assert adpe.use is None                       # the only device is in DEU: not covered
    assert adpe.not_covered == ["laptop"]         # desktop: quantity 0, nothing to cover
    lines = {line.category: line for line in r.by_category}
    assert lines["desktop"].gwp.total == 0.0


def test_power_and_hours_give_energy(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", [
        "Type;Qté;Puissance (W);Heures par an;Heures par jour",
        "PC portable;2;50;1000;",          # 2 x 50 W x 1000 h = 100 kWh
        "PC portable;1;40;;8",             # 40 W x 8 h x 365 = 116.8 kWh
        "PC portable;1;40;;",              # no hours: category default 20 kWh
    ])
    r = assess([path], factors=tiny_set, year=2025)
    assert r.totals["gwp"].use == pytest.approx((100 + 116.8 + 20) * 0.05)
    assert r.provenance["annual_kwh"] == {"input": 0, "default": 1, "derived": 2}


def test_engine_weights_aggregate_without_row_loop(tiny_set):
    fs = load_factor_set(tiny_set)
    fa = build_arrays(fs, 2025)
    n = 1000
    rng = np.random.default_rng(1)
    cat = rng.integers(0, len(fa.categories), n).astype(np.int16)
    qty = rng.integers(1, 5, n).astype(float)
    fleet = Fleet.from_columns(n, category=cat, quantity=qty,
                               condition=np.where(rng.random(n) < 0.2, REFURBISHED, 0)
                               .astype(np.int8))
    w = row_weights(fleet, fa, 2025)
    gi = group_impacts(fleet, w, fa)
    # reference: explicit per-row sum in plain Python
    ref = 0.0
    for i in range(n):
        c = cat[i]
        life = fa.lifetime[c] + (fa.previous_life[c] if fleet.condition[i] else 0.0)
        ref += qty[i] * fa.manufacture[c, 0] / life
    assert gi.manufacture[0, 0] == pytest.approx(ref)
    # the kept weights reproduce the total with the factors alone
    assert (gi.weight_manufacture[0] @ fa.manufacture[:, 0]) == pytest.approx(ref)


def test_year_lookup_matches_numpy_calendar():
    from enrt.compute import _year_of
    days = np.array(["1980-01-01", "1999-12-31", "2000-02-29", "2024-12-31", "2025-01-01",
                     "2100-12-31", "NaT"], dtype="datetime64[D]")
    expected = [1980, 1999, 2000, 2024, 2025, 2100, 0]
    assert list(_year_of(days)) == expected


@pytest.mark.parametrize("life", [2.5, 4.75, 5.0, 30 / 12])
@pytest.mark.parametrize("refurbished", [False, True])
def test_linear_shares_of_a_life_add_up_to_its_embodied_value(tiny_set, life, refurbished):
    """1/L_eff per full year of service, (L - floor L)/L_eff in the year after, 0 then:
    over the years of a device the shares sum to L/L_eff (1 for a new device), whatever L
    (2.5 years was charged 1/L in three years: 1.2 times the embodied value)."""
    fs = load_factor_set(tiny_set)
    bought = 2015
    total = 0.0
    for year in range(bought, bought + 12):
        fa = build_arrays(fs, year)
        fleet = Fleet.from_columns(
            1, category=np.array([0], np.int16), lifetime=np.array([life]),
            purchase=np.array([f"{bought}-06-15"], "datetime64[D]"),
            condition=np.array([REFURBISHED if refurbished else 0], np.int8),
            previous_life=np.array([3.0 if refurbished else np.nan]))
        w = row_weights(fleet, fa, year, "linear")
        total += float(w.share[0])
        assert w.amortised[0] == (year - bought > life - 1e-9 and w.share[0] == 0)
    assert total == pytest.approx(life / (life + 3.0) if refurbished else 1.0)


def test_a_firewall_in_an_undescribed_room_gets_the_default_pue(tmp_path):
    """A CSV has no rooms sheet: a row naming a room is in a server room all the same, so
    it takes the default PUE (ademe-2025: 1.93) whatever its category, like the server
    beside it; a firewall outside any room keeps PUE 1."""
    path = write_csv(tmp_path / "r.csv", ["Type;Qté;Salle serveur;Consommation (kWh/an)",
                                          "Pare-feu;1;Salle A;100", "Pare-feu;1;;100",
                                          "Serveur;1;Salle A;100"])
    r = assess([path], year=2025)
    ef = r.factor_set.electricity["FRA"]["gwp"].value
    uses = {c.category: c.gwp.use for c in r.by_category}
    assert uses["firewall"] == pytest.approx(100 * ef * 1.93 + 100 * ef * 1.0)
    assert uses["server_rack"] == pytest.approx(100 * ef * 1.93)
    assert [i.code for i in r.issues].count("unknown-room") == 1


def test_numecoeval_is_a_snapshot_and_says_so(tmp_path, tiny_set):
    """A laptop bought 1 July 2020 and kept 5 years: yearly reports charge it 1/max(age, 1)
    of its embodied impact: 1 + 1/1.5 + 1/2.5 + 1/3.5 + 1/4.5 = 2.575 in all."""
    fs = load_factor_set(tiny_set)
    total = 0.0
    for year in range(2020, 2025):
        fleet = Fleet.from_columns(1, category=np.array([0], np.int16),
                                   purchase=np.array(["2020-07-01"], "datetime64[D]"))
        total += float(row_weights(fleet, build_arrays(fs, year), year, "numecoeval").share[0])
    ages = [max((np.datetime64(f"{y}-12-31") - np.datetime64("2020-07-01")).astype(float)
                / 365, 1.0) for y in range(2020, 2025)]
    assert total == pytest.approx(sum(1 / a for a in ages)) and total == pytest.approx(2.575,
                                                                                       abs=0.01)
    path = write_csv(tmp_path / "n.csv", ["Type;Qté;Date d'achat", "PC portable;1;2020"])
    r = assess([path], factors=tiny_set, year=2025, method="numecoeval")
    assert [i.code for i in r.issues].count("snapshot-method") == 1


@pytest.mark.parametrize("method", ["linear", "numecoeval"])
@pytest.mark.parametrize("rule", ["row", "fleet"])
def test_row_weights_in_blocks_equal_one_pass(monkeypatch, method, rule):
    """issue 12: the engine computes rows in cache-sized blocks; any block size gives the
    same values, element by element (here blocks of 7 rows against one block)."""
    import dataclasses
    import sys

    import numpy as np

    from enrt import compute
    from enrt.factors import build_arrays, load_factor_set
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_compute import make_fleet
    fa = build_arrays(load_factor_set(None), 2025)
    fleet = make_fleet(1003, fa, seed=7)
    monkeypatch.setattr(compute, "BLOCK", 10**9)
    whole = compute.row_weights(fleet, fa, 2025, method, rule)
    monkeypatch.setattr(compute, "BLOCK", 7)
    blocks = compute.row_weights(fleet, fa, 2025, method, rule)
    for f in dataclasses.fields(whole):
        a, b = getattr(whole, f.name), getattr(blocks, f.name)
        assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True), f.name
    assert whole.amortised.any() or method == "numecoeval"
