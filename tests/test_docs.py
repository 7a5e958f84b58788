"""Docs are tested: every `enrt` command shown in docs/real-inventories.md runs, from a
folder holding a copy of examples/, with the installed command, and its results are the
ones the page describes."""
from __future__ import annotations

import json
import shlex
import subprocess

import pytest

from .conftest import REPO
from .docs_blocks import ENRT, commands, make_workdir

PAGE = REPO / "docs" / "real-inventories.md"


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    """Run the page's commands in order (a later one may use an earlier one's output)."""
    where = make_workdir(tmp_path_factory.mktemp("docs"))
    out = {}
    for cmd in commands(PAGE):
        args = shlex.split(cmd)
        out[cmd] = subprocess.run([str(ENRT), *args[1:]], cwd=where, capture_output=True,
                                  text=True, timeout=120)
    return where, out


def test_page_shows_commands():
    assert len(commands(PAGE)) >= 6


def test_every_command_of_the_page_runs(ran):
    _, out = ran
    for cmd, res in out.items():
        assert res.returncode == 0, (cmd, res.stderr)
        assert "Traceback" not in res.stderr


def test_page_results_are_what_it_says(ran):
    where, out = ran
    glpi = json.loads((where / "glpi.json").read_text(encoding="utf-8"))
    i = glpi["inputs"][0]
    # examples/make_real_examples.py: 14 computers; 2 in stock, 1 out of service,
    # 1 retired (not in use) and 1 VMware VM (not physical) are skipped
    assert (i["rows_read"], i["rows_assessed"], i["rows_rejected"]) == (14, 9, 0)
    assert i["skipped"] == {"not_in_use": 4, "not_physical": 1}
    qty = {c["category"]: c["quantity"] for c in glpi["by_category"]}
    assert qty == {"laptop": 3, "desktop": 4, "all_in_one": 1, "server_rack": 1}
    assert glpi["mapping"]["sha256"] and glpi["mapping"]["path"] == "mapping.yaml"
    reg = json.loads((where / "register.json").read_text(encoding="utf-8"))
    every = json.loads((where / "register-all.json").read_text(encoding="utf-8"))
    # 10 assets: 2 hidden by the filter, 3 not in use (stock, awaiting disposal, disposed)
    assert reg["inputs"][0]["skipped"] == {"hidden": 2, "not_in_use": 3}
    assert every["inputs"][0]["skipped"] == {"not_in_use": 3}
    assert (reg["inputs"][0]["rows_assessed"], every["inputs"][0]["rows_assessed"]) == (5, 7)
    assert "GBR" in reg["factor_set"]["electricity"]
    assert reg["indicators"]["refurbished_or_reused_share_by_spend"]["value"] is None
    schema = next(r for c, r in out.items() if c.startswith("enrt schema mapping"))
    assert "statuses" in json.loads(schema.stdout)["properties"]


def test_every_issue_code_is_in_the_methodology_table():
    from enrt.issues import ISSUE_CODES
    text = (REPO / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert [c for c in ISSUE_CODES if f"| `{c}` |" not in text] == []
