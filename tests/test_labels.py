"""Equipment labels as people type them -> category ids of the shipped factor set."""
from __future__ import annotations

import pytest

from enrt.factors import build_arrays, load_factor_set
from enrt.inventory import LabelMatcher


@pytest.fixture(scope="module")
def matcher():
    fs = load_factor_set()
    fa = build_arrays(fs, 2025)
    m = LabelMatcher({c: v.aliases for c, v in fs.model.categories.items()}, fa.categories)
    return lambda label: (fa.categories[m.match(label)[0]] if m.match(label)[0] >= 0
                          else m.match(label)[1])


@pytest.mark.parametrize("label, category", [
    ("PC portable", "laptop"), ("Ordinateur portable", "laptop"), ("laptop", "laptop"),
    ("PC PORTABLE Dell Latitude 5440", "laptop"), ("Unité centrale", "desktop"),
    ("Poste fixe", "desktop"), ("Ecran 24 pouces", "monitor"), ("Écran 27\"", "monitor"),
    ("Copieur", "mfp"), ("Imprimante multifonction", "mfp_a4"), ("Imprimante", "printer_laser"),
    ("Borne WiFi", "wifi_access_point"), ("Switch 48 ports", "network_switch"),
    ("Pare-feu", "firewall"), ("Téléphone IP", "ip_phone"),
    ("Station d'accueil", "docking_station"), ("Capteur connecté", "iot_sensor"),
    ("Serveur", "server_rack"), ("Serveur tour", "server_tower"), ("Tablette", "tablet"),
    ("Vidéoprojecteur", "video_projector"), ("Téléphone portable", "smartphone"),
    ("NAS", "nas"), ("Disque dur externe", "external_hdd"), ("Tout-en-un", "all_in_one"),
    ("Routeur", "router"), ("Kit de visioconférence", "videoconference_kit"),
    ("Écran d'affichage dynamique", "tv_display"), ("Imprimante jet d'encre", "printer_inkjet"),
    ("Téléphone basique", "feature_phone"),
])
def test_label_maps_to_category(matcher, label, category):
    assert matcher(label) == category


def test_unknown_label_gets_did_you_mean(matcher):
    assert "did you mean" in matcher("Ordinatuer portable")
    assert "laptop" in matcher("Ordinatuer portable")


def test_unrelated_label_is_rejected_not_guessed(matcher):
    hint = matcher("Machine à café")
    assert hint.startswith(("did you mean", "use an equipment type"))
    assert hint not in ("laptop", "desktop")


def test_every_category_has_aliases():
    fs = load_factor_set()
    assert len(fs.model.categories) == 30
    assert all(len(c.aliases) >= 3 for c in fs.model.categories.values())
