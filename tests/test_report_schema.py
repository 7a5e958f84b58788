"""`enrt schema report` is generated from the report model, and the JSON reports enrt
writes validate against it: the example, several inputs, rows rejected, services."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema                    # the 'test' extra of pyproject.toml
import pytest

from .conftest import EXAMPLES, REPO

ENRT = str(Path(sys.executable).parent / "enrt")


@pytest.fixture(scope="module")
def schema():
    out = subprocess.run([ENRT, "schema", "report"], capture_output=True, text=True,
                         check=True).stdout
    data = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(data)
    return data


@pytest.mark.parametrize("args", [
    [str(EXAMPLES / "inventaire-commune.xlsx")],
    [str(EXAMPLES / "inventaire-commune.csv"), str(EXAMPLES / "glpi-ordinateurs.csv")],
    [str(REPO / "docs" / "examples" / "parc-erreurs.csv")],
    [str(REPO / "docs" / "examples" / "rooms.xlsx"), "--method", "numecoeval"],
])
def test_json_reports_validate_against_the_schema(schema, args):
    p = subprocess.run([ENRT, "assess", *args, "--year", "2025", "--format", "json", "-q"],
                       capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    jsonschema.validate(json.loads(p.stdout), schema)


def test_the_schema_rejects_a_broken_report(schema):
    p = subprocess.run([ENRT, "assess", str(EXAMPLES / "inventaire-commune.xlsx"), "--year",
                        "2025", "--format", "json", "-q"], capture_output=True, text=True)
    doc = json.loads(p.stdout)
    doc["totals"]["gwp"]["total"] = "16 236,1"        # a number written as text
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)
    del doc["assessment"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)
