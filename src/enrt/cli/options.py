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
