"""``enrt simulate INPUT... --scenario plan.yaml``: what the strategy's actions would do."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from .errors import EXIT_FINDINGS, handle_errors
from .options import (FactorsOpt, LangOpt, OutputOpt, SeedOpt, UncertaintyOpt,
                      chosen_format)


@handle_errors
def simulate(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT...",
                                        help="The baseline inventory files."),
    scenario: Path = typer.Option(..., "--scenario", metavar="FILE.yaml",
                                  help="The actions, their start years, the horizon and the "
                                       "target ('enrt schema scenario')."),
    factors: str = FactorsOpt,
    year: int = typer.Option(None, "--year", help="Baseline year (default: the scenario's "
                                                  "baseline_year, else the last full year)."),
    method: str = typer.Option("linear", "--method", help="linear (default) or numecoeval."),
    fmt: str = typer.Option(None, "--format", "-f", metavar="table|json|md|html|pdf|xlsx",
                            help="Output format; default from the -o extension, else table."),
    lang: str = LangOpt,
    output: str = OutputOpt,
    uncertainty: int = UncertaintyOpt,
    seed: int = SeedOpt,
) -> None:
    """Project the footprint year by year to the scenario's horizon, with and without its
    actions, each action's effect alone, and whether the target is met."""
    from ..errors import InputError, UsageError
    from ..i18n import check_lang
    from ..options import AssessOptions
    from ..output import write_bytes
    from ..pipeline import read
    from ..report.simulate_render import BINARY, FORMATS, render_simulation
    from ..scenario import load_scenario
    from ..simulate import check_plan, simulate as run
    lang = check_lang(lang)
    fmt = chosen_format(output, fmt, FORMATS, BINARY)
    if not scenario.is_file():
        raise InputError.make("simulate.scenario-not-found", file=str(scenario))
    plan, findings = load_scenario(scenario)
    for f in findings:
        typer.echo(str(f), err=True)
    if plan is None:
        raise typer.Exit(EXIT_FINDINGS)
    if seed is not None and uncertainty is None:
        raise UsageError.make("usage.seed-without-draws")
    reading = read(inputs, AssessOptions(year=year or plan.baseline_year, method=method),
                   factors)
    if not len(reading.fleet):
        raise InputError.make("simulate.nothing-assessed", files=", ".join(map(str, inputs)))
    checks = check_plan(plan, reading)
    for f in checks:
        typer.echo(str(f), err=True)
    if any(f.severity == "error" for f in checks):
        raise typer.Exit(EXIT_FINDINGS)
    report = run(reading, plan, uncertainty, seed)
    report.rejected_rows = sum(r.sheets and sum(s.rows_rejected for s in r.sheets) or 0
                               for r in reading.results)
    to_tty = output == "-" and sys.stdout.isatty()
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8") if output == "-" else "utf-8"
    write_bytes(output, render_simulation(report, fmt, lang, color=to_tty and not
                                          os.environ.get("NO_COLOR"), encoding=encoding))
