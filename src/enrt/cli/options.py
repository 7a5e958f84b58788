"""Options shared by several commands, defined once."""
from __future__ import annotations

from enum import Enum

import typer


class Format(str, Enum):
    table = "table"
    json = "json"


REPORT_FORMATS = "table|json|csv|xlsx|md|html|pdf"
ReportFormatOpt = typer.Option(None, "--format", "-f", metavar=REPORT_FORMATS,
                               help="Report format; default from the -o extension (.json, "
                                    ".xlsx, .html, .pdf, .md, .csv, .txt), else table.")
LangOpt = typer.Option(None, "--lang", metavar="fr|en",
                       help="Language of the human formats (default: from LANG/LC_ALL, "
                            "French when it starts with fr, else English).")

FactorsOpt = typer.Option(None, "--factors", metavar="ID|PATH",
                          help="Factor set id (see 'enrt factors show') or YAML file.")
FormatOpt = typer.Option(None, "--format", "-f",
                         help="Output format; default from the -o extension, else table.")
OutputOpt = typer.Option("-", "--output", "-o", metavar="PATH|-",
                         help="Write the report to PATH (atomically); '-' is stdout.")
CountryOpt = typer.Option(None, "--country", metavar="ISO3",
                          help="Country of the rows that give none (default: the factor "
                               "set's, FRA), e.g. GBR for a UK register.")
MappingOpt = typer.Option(None, "--mapping", metavar="FILE",
                          help="Mapping file written by 'enrt map' (headers, labels, statuses, "
                               "sheets); its choices win over enrt's guesses.")
CountStockOpt = typer.Option(False, "--count-stock",
                             help="Assess equipment whose status says in stock.")
IncludeHiddenOpt = typer.Option(False, "--include-hidden",
                                help="Assess rows hidden by a filter and hidden sheets.")
UncertaintyOpt = typer.Option(None, "--uncertainty", metavar="[N]", min=100, max=1_000_000,
                              help="Monte Carlo over the factors and the blank inputs: each "
                                   "total with its 90 % interval, and what to improve first "
                                   "(N draws, default 10,000).")
SeedOpt = typer.Option(None, "--seed", min=0, help="Seed of the draws (default: a fixed one, "
                                                  "so the same command gives the same report).")


def chosen_format(output: str, fmt: str | None, formats: tuple[str, ...],
                  binary: tuple[str, ...]) -> str:
    """The format asked, else the -o extension's, else table; refused when unknown, or
    binary for a terminal (the comparison and the simulation: enrt compare, simulate)."""
    import sys

    from ..errors import UsageError
    if fmt is None:
        by_suffix = {"txt": "table", "json": "json", "md": "md", "markdown": "md",
                     "html": "html", "htm": "html", "pdf": "pdf", "xlsx": "xlsx"}
        name = output.rsplit("/", 1)[-1]
        suffix = name.rsplit(".", 1)[-1].lower() if output != "-" and "." in name else ""
        if suffix and by_suffix.get(suffix) not in formats:
            raise UsageError.make("usage.format-from-path", path=output, suffixes=", ".join(
                f".{x}" for x, f in by_suffix.items() if f in formats))
        fmt = by_suffix.get(suffix, "table")
    if fmt not in formats:
        raise UsageError.make("usage.format", format=fmt, formats=", ".join(formats))
    if fmt in binary and output == "-" and sys.stdout.isatty():
        raise UsageError.make("usage.binary-to-terminal", format=fmt)
    return fmt
