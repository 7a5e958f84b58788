"""Report renderers in a registry: format name -> module with ``render(report, ctx)``
returning bytes. Modules are imported when their format is asked for, so the heavy
libraries (openpyxl, WeasyPrint) cost nothing to a table or JSON run."""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from ...errors import UsageError
from ...messages import Listing
from ...rows import RowTable
from ..model import Report

# format -> module under enrt.report.render
RENDERERS = {"table": "table", "json": "json_report", "csv": "csv_rows", "xlsx": "xlsx",
             "md": "markdown", "html": "html", "pdf": "pdf"}
BY_SUFFIX = {".txt": "table", ".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".md": "md",
             ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
NEEDS_ROWS = frozenset({"csv", "xlsx"})       # formats that list every assessed row
BINARY = frozenset({"xlsx", "pdf"})           # never written to a terminal


@dataclass
class RenderContext:
    lang: str = "en"
    color: bool = False                       # table: ANSI colours (a TTY without NO_COLOR)
    width: int | None = None                  # table: columns (None: the terminal's)
    max_issues: int | None = 10               # table: issues listed
    rows: RowTable | None = None              # csv / xlsx: the assessed rows
    encoding: str = "utf-8"                   # table on stdout: what the console can write


def format_for(output: str, given: str | None) -> str:
    """The format asked (--format), else the one the -o extension names, else table."""
    if given is not None:
        if given not in RENDERERS or not available(given):
            raise UsageError.make("usage.format", format=given, formats=Listing(
                [f for f in RENDERERS if available(f)]))
        return given
    if output == "-":
        return "table"
    suffix = Path(output).suffix.lower()
    if suffix in BY_SUFFIX and available(BY_SUFFIX[suffix]):
        return BY_SUFFIX[suffix]
    raise UsageError.make("usage.format-from-path", path=output, suffixes=Listing(
        [s for s, f in BY_SUFFIX.items() if available(f)]))


def available(fmt: str) -> bool:
    """Whether this version has the renderer (a module of this package)."""
    return importlib.util.find_spec(f"{__name__}.{RENDERERS[fmt]}") is not None


def render(report: Report, fmt: str, ctx: RenderContext | None = None) -> bytes:
    module = importlib.import_module(f"{__name__}.{RENDERERS[fmt]}")
    return module.render(report, ctx or RenderContext())
