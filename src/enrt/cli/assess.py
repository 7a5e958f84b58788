"""``enrt assess``: inventory files -> footprint report."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from .errors import EXIT_FINDINGS, handle_errors
from .options import (CountryOpt, CountStockOpt, FactorsOpt, IncludeHiddenOpt, LangOpt,
                      SeedOpt, UncertaintyOpt,
                      MappingOpt, OutputOpt, ReportFormatOpt)


VERBOSE_ISSUES = 5000     # --verbose lists this many; beyond, the JSON report has them all
FILE_WIDTH = 100          # a text report written with -o: this wide, unless COLUMNS says


def _file_width() -> int:
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else FILE_WIDTH


@handle_errors
def assess(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT...",
                                        help="Inventory files (.xlsx, .xlsm, .ods, .csv)."),
    factors: str = FactorsOpt,
    year: int = typer.Option(None, "--year", help="Assessed year (default: last full year)."),
    method: str = typer.Option("linear", "--method", help="linear (default) or numecoeval."),
    second_life: str = typer.Option("row", "--second-life", metavar="row|fleet",
                                    help="Previous use of refurbished/reused devices: per row "
                                         "(default) or the RCP fleet formula."),
    fmt: str = ReportFormatOpt,
    lang: str = LangOpt,
    output: str = OutputOpt,
    strict: bool = typer.Option(False, "--strict",
                                help="Exit 1 when any error-level issue is found."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="Table on the terminal: the headline line only. Other "
                                    "formats: no summary on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="List the issues in the table report (up to 5,000; all are in --format json)."),
    agents: float = typer.Option(None, "--agents", min=0, max=1e6, help="Number of agents (overrides the "
                                                        "Organisation sheet)."),
    population: float = typer.Option(None, "--population", min=0, max=1e9, help="Population of the territory."),
    name: str = typer.Option(None, "--name", help="Name of the collectivité."),
    territory_scope: str = typer.Option(None, "--territory-scope",
                                        help="Per-inhabitant figures: 2022 (default, ADEME "
                                             "2025) or 2020 (ADEME-Arcep, French DCs only)."),
    country: str = CountryOpt,
    mapping: Path = MappingOpt,
    count_stock: bool = CountStockOpt,
    include_hidden: bool = IncludeHiddenOpt,
    uncertainty: int = UncertaintyOpt,
    seed: int = SeedOpt,
) -> None:
    """Compute the annual footprint of the equipment listed in INPUT files."""
    from ..errors import UsageError
    from ..i18n import check_lang
    from ..inventory.organisation import Organisation
    from ..options import AssessOptions
    from ..output import refuse_inputs, write_bytes
    from ..pipeline import run_with_rows
    from ..report.render import BINARY, NEEDS_ROWS, RenderContext, format_for, render
    fmt = format_for(output, fmt)
    lang = check_lang(lang)
    if fmt in BINARY and output == "-" and sys.stdout.isatty():
        raise UsageError.make("usage.binary-to-terminal", format=fmt)
    refuse_inputs(output, [*inputs, mapping, factors])
    from .allocator import keep_freed_memory
    keep_freed_memory(inputs)
    org = Organisation(name=name, agents=agents, population=population,
                       given_by={k: "command line" for k, v in (("name", name), ("agents", agents),
                                 ("population", population)) if v is not None})
    report, rows = run_with_rows(inputs, AssessOptions(
        year=year, method=method, second_life=second_life, organisation=org,
        territory_scope=territory_scope, count_stock=count_stock, include_hidden=include_hidden,
        country=country, mapping=mapping, uncertainty=uncertainty, seed=seed), factors,
        keep_rows=fmt in NEEDS_ROWS)
    to_stdout = output == "-"
    to_tty = to_stdout and sys.stdout.isatty()
    # the table on stdout is written in the console's encoding (ASCII stand-ins for what it
    # cannot write); in a file, UTF-8. Colours at a terminal only, never with NO_COLOR.
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8") if to_stdout else "utf-8"
    ctx = RenderContext(lang=lang, color=to_tty and not os.environ.get("NO_COLOR")
                        and os.environ.get("TERM") != "dumb",
                        max_issues=VERBOSE_ISSUES if verbose else 10, rows=rows,
                        encoding=encoding, width=None if to_stdout else _file_width())
    if quiet and fmt == "table" and to_stdout:
        from ..report.headline import render_headline
        write_bytes(output, render_headline(report, lang, encoding))
    else:
        write_bytes(output, render(report, fmt, ctx))
    if not quiet and (fmt != "table" or not to_stdout):
        from ..report.headline import render_summary
        typer.echo(render_summary(report, lang=lang,
                                  encoding=getattr(sys.stderr, "encoding", None)), err=True)
    if any(i.code in ("nothing-assessed", "no-equipment-table") for i in report.issues):
        raise typer.Exit(EXIT_FINDINGS)           # an input gave nothing: never a success
    if strict and report.issue_counts.get("error", 0):
        raise typer.Exit(EXIT_FINDINGS)
