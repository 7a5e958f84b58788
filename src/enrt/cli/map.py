"""``enrt map``: write what enrt understood of an inventory as a mapping file to correct."""
from __future__ import annotations

from pathlib import Path

import typer

from .errors import handle_errors
from .options import CountryOpt, FactorsOpt, MappingOpt, OutputOpt


@handle_errors
def map_command(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT...",
                                        help="Inventory files (.xlsx, .xlsm, .ods, .csv)."),
    output: str = OutputOpt,
    factors: str = FactorsOpt,
    year: int = typer.Option(None, "--year", help="Assessed year (default: last full year)."),
    country: str = CountryOpt,
    mapping: Path = MappingOpt,
) -> None:
    """Write a YAML mapping (header -> field, label -> category, status -> meaning, sheet ->
    kind) of what enrt understood; labels and words it could not place are left empty."""
    from ..i18n import detect_lang
    from ..inventory.mapping_file import dump_mapping
    from ..inventory.options import ReadOptions
    from ..output import refuse_inputs, write_text
    from ..messages import term
    from ..understood import map_inventory
    refuse_inputs(output, [*inputs, factors])
    result = map_inventory(inputs, factors=factors, year=year,
                           options=ReadOptions(country=country), mapping=mapping)
    write_text(output, dump_mapping(result))
    todo = sum(1 for d in (result.labels, result.statuses, result.headers)
               for v in d.values() if v is None)
    if output != "-":
        typer.echo(term("cli.wrote-mapping", path=output, n=todo).text(detect_lang()), err=True)
