"""``enrt template``: a blank inventory workbook to fill in."""
from __future__ import annotations

from enum import Enum

import typer

from .errors import handle_errors
from .options import FactorsOpt


class Lang(str, Enum):
    fr = "fr"
    en = "en"


@handle_errors
def template(
    output: str = typer.Option(..., "--output", "-o", metavar="PATH",
                               help="Where to write the .xlsx workbook."),
    lang: Lang = typer.Option(None, "--lang", show_default=False,
                              help="Headers and lists in fr (default) or en."),
    factors: str = FactorsOpt,
) -> None:
    """Write a blank inventory workbook: every sheet enrt reads, drop-down lists, the 59
    DINUM practices, and instructions."""
    from ..errors import UsageError
    from ..i18n import detect_lang
    from ..messages import term
    from ..output import write_bytes
    if not output.lower().endswith((".xlsx", ".xlsm")):
        raise UsageError.make("usage.template-suffix", path=output)
    from ..template import template_bytes     # openpyxl: imported only when needed
    # the workbook is French unless asked; what is said on stderr, in --lang or the
    # environment's language (as errors are)
    write_bytes(output, template_bytes(lang.value if lang else "fr", factors))
    typer.echo(term("cli.wrote-template", path=output).text(lang.value if lang else
                                                            detect_lang()), err=True)
