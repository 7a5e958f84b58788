"""Options shared by several commands, defined once."""
from __future__ import annotations

from enum import Enum

import typer


class Format(str, Enum):
    table = "table"
    json = "json"


FORMAT_BY_SUFFIX = {".json": Format.json, ".txt": Format.table}

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
