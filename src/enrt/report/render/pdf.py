"""The PDF report (issue 10, point 3): the HTML report printed by WeasyPrint.

Same document and stylesheet as ``html.py``; its print rules make the PDF: A4, page
numbers in the bottom margin (``@page`` counters), the summary on page 1 and each
other section from a new page. WeasyPrint is an optional extra (``enrt[pdf]``); it is
imported only here, when a PDF is asked for. It is given no way to fetch anything: the
page holds no URL to load, and the fetcher refuses every one anyway.
"""
from __future__ import annotations

from ...errors import UsageError
from ..model import Report
from . import html

def require() -> None:
    """Raise the install hint now, before a long run that would write PDFs."""
    _weasyprint()


def _weasyprint():
    try:
        import weasyprint
    except ImportError:
        raise UsageError.make("usage.weasyprint") from None
    except OSError as exc:           # installed, but Pango (a system library) is missing
        raise UsageError.make("usage.weasyprint-libs", problem=str(exc)) from None
    return weasyprint


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"the report loads nothing (asked for {url[:80]!r})")


def render(report: Report, ctx) -> bytes:
    return pdf_of(html.document(report, ctx))


def pdf_of(document: str) -> bytes:
    """An HTML page of the report's family printed to PDF."""
    weasyprint = _weasyprint()
    # a tagged PDF (headings, tables, reading order) for screen readers, where supported
    tags = {"pdf_tags": True} if "pdf_tags" in getattr(weasyprint, "DEFAULT_OPTIONS", {}) else {}
    return weasyprint.HTML(string=document, url_fetcher=_no_fetch).write_pdf(**tags)
