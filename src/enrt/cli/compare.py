"""``enrt compare OLD.json NEW.json``: two campaigns, what changed and why."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from .errors import handle_errors
from .options import LangOpt, OutputOpt, chosen_format


@handle_errors
def compare(
    old: Path = typer.Argument(..., metavar="OLD.json", help="The earlier campaign's report "
                               "(enrt assess … -f json)."),
    new: Path = typer.Argument(..., metavar="NEW.json", help="The later campaign's report."),
    inventory_old: list[Path] = typer.Option(None, "--inventory-old", metavar="INPUT",
                                             help="The old campaign's inventory: assessed "
                                                  "again with the new report's factor set, "
                                                  "to tell the method's change apart."),
    factors: str = typer.Option(None, "--factors", metavar="ID|PATH",
                                help="The new report's factor set, when it is not shipped "
                                     "with enrt (for --inventory-old)."),
    fmt: str = typer.Option(None, "--format", "-f", metavar="table|json|md|html|pdf|xlsx",
                            help="Output format; default from the -o extension, else table."),
    lang: str = LangOpt,
    output: str = OutputOpt,
) -> None:
    """Compare two campaigns' JSON reports: the change by criterion, category, department
    and indicator, and why (fleet size, mix, lifetimes, usage, electricity, factor set,
    services)."""
    from ..compare import compare as compare_reports, load_report, restate
    from ..i18n import check_lang
    from ..output import write_bytes
    from ..report.compare_render import BINARY, FORMATS, render_compare
    lang = check_lang(lang)
    fmt = chosen_format(output, fmt, FORMATS, BINARY)
    before, after = load_report(old), load_report(new)
    restated = restate(before, after, inventory_old, factors) if inventory_old else None
    cmp = compare_reports(before, after, str(old), str(new), restated)
    to_tty = output == "-" and sys.stdout.isatty()
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8") if output == "-" else "utf-8"
    write_bytes(output, render_compare(cmp, fmt, lang, color=to_tty and not
                                       os.environ.get("NO_COLOR"), encoding=encoding))
