"""The PDF report (issue 10, point 3), written by the installed ``enrt`` from the example
and read back with pypdf: A4 pages, the summary on page 1, page numbers on every page,
the same figures as the HTML; and a clear message when WeasyPrint is not installed."""
from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from enrt.errors import UsageError
from enrt.i18n import mass, t
from enrt.options import AssessOptions
from enrt.pipeline import run as run_pipeline
from enrt.report.render import RenderContext, render
from enrt.report.view import build_view

from .conftest import EXAMPLES, example_reports

ENRT = Path(sys.executable).parent / "enrt"
EXAMPLE = EXAMPLES / "inventaire-commune.xlsx"
A4 = (595.28, 841.89)                     # points


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                          timeout=180)


def flat(text: str) -> str:
    """Text with every run of blanks (no-break spaces included) as one space."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> dict:
    """The example's JSON report and its PDF report in both languages."""
    return example_reports(tmp_path_factory.mktemp("pdf"), "pdf")


LANGS = pytest.mark.parametrize("lang", ["fr", "en"])


@LANGS
def test_pdf_pages_summary_and_page_numbers(example, lang):
    data = example[lang]
    assert data.startswith(b"%PDF-")
    pdf = PdfReader(io.BytesIO(data))
    n = len(pdf.pages)
    assert n >= 2
    for page in pdf.pages:
        box = page.mediabox
        assert abs(float(box.width) - A4[0]) < 1 and abs(float(box.height) - A4[1]) < 1
    texts = [flat(p.extract_text()) for p in pdf.pages]
    for i, text in enumerate(texts, 1):
        assert f"Page {i} / {n}" in text, (i, text[-200:])
    first = texts[0]
    name = example["json"]["organisation"]["name"]
    assert flat(t("title_of", lang, name=name)) in first
    assert flat(mass(example["json"]["totals"]["gwp"]["total"], lang)) in first
    for key in ("synthesis", "key_figures", "total_gwp", "manufacture", "use", "chart_share"):
        assert flat(t(key, lang)) in first, key
    # the other sections start on later pages
    assert flat(t("chart_phases", lang)) not in first
    assert any(flat(t("sources", lang)) in x for x in texts[1:])
    assert pdf.metadata.title == t("title_of", lang, name=name)


def test_pdf_and_html_show_the_same_tables(example, tmp_path):
    res = run("assess", EXAMPLE, "--year", "2025", "--lang", "fr", "-o", tmp_path / "r.html")
    assert res.returncode == 0, res.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(example["fr"])).pages))
    report = run_pipeline([EXAMPLE], AssessOptions(year=2025))
    for table in build_view(report, "fr").tables:
        assert flat(table.title) in text, table.id
        assert f">{table.title}</caption>".replace("'", "&#x27;") in html


def test_pdf_renders_without_weasyprint_warnings(caplog):
    report = run_pipeline([EXAMPLE], AssessOptions(year=2025))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        data = render(report, "pdf", RenderContext(lang="fr"))
    assert data.startswith(b"%PDF-")
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")], caplog.text


def test_hostile_text_is_printed_as_text(tmp_path):
    bad = "<script>alert(1)</script>"
    res = run("assess", EXAMPLE, "--year", "2025", "--lang", "en", "--name", bad,
              "-o", tmp_path / "r.pdf")
    assert res.returncode == 0, res.stderr
    first = flat(PdfReader(tmp_path / "r.pdf").pages[0].extract_text())
    assert bad in first


def test_missing_weasyprint_is_a_usage_error(monkeypatch):
    report = run_pipeline([EXAMPLE], AssessOptions(year=2025))
    monkeypatch.setitem(sys.modules, "weasyprint", None)      # `import weasyprint` fails
    with pytest.raises(UsageError) as err:
        render(report, "pdf", RenderContext(lang="fr"))
    assert err.value.message == "the PDF report needs WeasyPrint"
    assert err.value.hint == 'pip install "enrt[pdf]"'
    assert err.value.exit_code == 2


def test_missing_weasyprint_on_the_command_line(monkeypatch, cli, tmp_path):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    target = tmp_path / "r.pdf"
    res = cli("assess", EXAMPLE, "--year", "2025", "-o", target)
    assert res.exit_code == 2
    assert "Error: the PDF report needs WeasyPrint" in res.stderr
    assert 'Hint: pip install "enrt[pdf]"' in res.stderr
    assert "Traceback" not in res.output
    assert not target.exists()
