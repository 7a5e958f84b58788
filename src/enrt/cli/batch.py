"""``enrt batch``: one report per commune, the summary and the whole set's aggregate."""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING
from pathlib import Path

import typer

if TYPE_CHECKING:
    from ..batch import Done
    from ..batch_output import BatchWriter
from .errors import EXIT_FINDINGS, EXIT_USAGE, handle_errors
from .options import (CountryOpt, CountStockOpt, FactorsOpt, IncludeHiddenOpt, LangOpt,
                      MappingOpt)

DEFAULT_FORMAT = "html"
FORMATS_SHOWN = "json|csv|xlsx|md|html|pdf"      # batch_output.BATCH_FORMATS (a test checks)


def default_jobs() -> int:
    """The machine's processors, at most 4 (each worker holds one commune's rows)."""
    return max(1, min(4, os.cpu_count() or 1))


@handle_errors
def batch(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT...|DIR",
                                        help="Inventory files, or folders of them (every "
                                             ".xlsx, .xlsm, .ods, .csv in it, by name)."),
    output: Path = typer.Option(..., "--output", "-o", metavar="DIR",
                                help="Folder of the reports (made if missing)."),
    formats: list[str] = typer.Option(None, "--format", "-f",
                                      metavar=FORMATS_SHOWN,
                                      help=f"Report format; repeat for several "
                                           f"(default {DEFAULT_FORMAT})."),
    jobs: int = typer.Option(None, "--jobs", "-j", help="Communes read at once (default: "
                                                       "the processors, at most 4)."),
    scheduler: str = typer.Option(None, "--scheduler", metavar="local|tcp://HOST:PORT",
                                  help="Run on a Dask cluster: local, or a scheduler's "
                                       "address (needs the dask extra)."),
    name: str = typer.Option(None, "--name", help="Name of the whole set (e.g. the "
                                                  "intercommunalité), for its aggregate."),
    lang: str = LangOpt,
    factors: str = FactorsOpt,
    year: int = typer.Option(None, "--year", help="Assessed year (default: last full year)."),
    method: str = typer.Option("linear", "--method", help="linear (default) or numecoeval."),
    second_life: str = typer.Option("row", "--second-life", metavar="row|fleet",
                                    help="Previous use of refurbished/reused devices."),
    territory_scope: str = typer.Option(None, "--territory-scope",
                                        help="Per-inhabitant figures: 2022 (default) or 2020."),
    country: str = CountryOpt,
    mapping: Path = MappingOpt,
    count_stock: bool = CountStockOpt,
    include_hidden: bool = IncludeHiddenOpt,
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="A line per commune as it finishes, even without a "
                                      "terminal."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary on "
                                                           "stderr."),
) -> None:
    """Assess every commune on its own: one report each in DIR, a summary comparing them
    (synthese / summary) and the whole set's aggregate (ensemble / aggregate)."""
    from ..batch import BatchResult, Done, Reading, Started, aggregate, expand_inputs, iter_batch
    from ..batch_output import BATCH_FORMATS, BatchWriter
    from ..errors import UsageError
    from ..i18n import check_lang
    from ..messages import Listing, error, error_hint, term
    from ..options import AssessOptions
    from ..pipeline import default_year, factor_set
    from ..report.render import NEEDS_ROWS
    lang = check_lang(lang)
    formats = list(dict.fromkeys(formats or [DEFAULT_FORMAT]))
    bad = [f for f in formats if f not in BATCH_FORMATS]
    if bad:
        raise UsageError.make("batch.format", format=bad[0], formats=Listing(BATCH_FORMATS))
    if "pdf" in formats:
        from ..report.render.pdf import require
        require()                          # WeasyPrint missing: say so before any work
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise UsageError.make("batch.jobs", jobs=jobs)
    paths = expand_inputs(inputs)
    options = AssessOptions(year=year, method=method, second_life=second_life,
                            territory_scope=territory_scope, count_stock=count_stock,
                            include_hidden=include_hidden, country=country, mapping=mapping)
    fs = factor_set(factors)
    writer = BatchWriter(output, formats, lang, [*paths, *(x for x in (mapping, factors)
                                                            if x and Path(x).is_file())])
    show = _Progress(lang, enabled=not quiet and sys.stderr.isatty(), verbose=verbose and
                     not quiet)
    communes = []
    events = iter_batch(paths, options, fs, jobs, scheduler,
                        keep_rows=any(f in NEEDS_ROWS for f in formats))
    try:
        with show:
            for event in events:
                if isinstance(event, Started):
                    show.start(event.total)
                elif isinstance(event, Reading):
                    show.reading(event.index, event.path)
                elif isinstance(event, Done):
                    for c in writer.add(event.commune):
                        c.lighten()           # written: the summary needs its figures only
                        communes.append(c)
                    show.done(event)
        result = BatchResult(communes, aggregate(communes, fs, name), fs,
                             replace(options, year=options.year or default_year()))
        written = writer.finish(result)
    except KeyboardInterrupt:
        events.close()
        writer.skip_to_end()
        _print_lines(communes, writer, lang, quiet)
        typer.echo(term("cli.error", text=error("batch.interrupted", done=len(communes),
                                                total=len(paths))).text(lang), err=True)
        typer.echo(term("cli.hint", text=error_hint("batch.interrupted")).text(lang), err=True)
        raise typer.Exit(130) from None
    _print_lines(communes, writer, lang, quiet)
    if not quiet:
        typer.echo(term("batch.wrote", files=Listing(written)).text(lang), err=True)
    failed = len(result.failed)
    if failed == len(communes):
        raise typer.Exit(EXIT_USAGE)
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


def _print_lines(communes, writer: BatchWriter, lang: str, quiet: bool) -> None:
    """One line per commune on stderr: its footprint and files, or its error."""
    from ..i18n import mass, number
    from ..messages import Listing, term
    if quiet:
        return
    from ..batch_summary import commune_name
    for c in communes:
        if c.ok:
            gwp = c.figures["gwp_total_kg"]
            per = c.figures["gwp_per_agent_kg"]
            typer.echo(term("batch.line-ok", name=commune_name(c), total=mass(gwp, lang),
                            per_agent="" if per is None else term(
                                "batch.per-agent", value=number(per, lang, 1)),
                            files=Listing(writer.written.get(c.index, []))).text(lang),
                       err=True)
        else:
            err = c.failure
            message, hint = err.text(lang)
            typer.echo(term("batch.line-failed", file=c.path, what=err.describe(lang),
                            hint=hint or "").text(lang), err=True)


class _Progress:
    """A rich progress bar on stderr at a terminal (done / total, elapsed, the commune
    being read); with --verbose, a line per commune instead when stderr is not one."""

    def __init__(self, lang: str, enabled: bool, verbose: bool):
        self.lang, self.enabled, self.verbose = lang, enabled, verbose
        self.bar = None
        self.task = None
        self.reading_now: dict[int, str] = {}

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn)
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                MofNCompleteColumn(), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False

    def start(self, total: int) -> None:
        from ..messages import term
        if self.bar is not None:
            self.task = self.bar.add_task(term("batch.progress", name="").text(self.lang),
                                          total=total)

    def reading(self, index: int, path: str) -> None:
        self.reading_now[index] = path
        self._describe()

    def done(self, event: Done) -> None:
        self.reading_now.pop(event.commune.index, None)
        if self.bar is not None:
            self.bar.update(self.task, completed=event.done)
            self._describe()
        elif self.verbose:
            state = "ok" if event.commune.ok else "failed"
            typer.echo(f"[{event.done}/{event.total}] {state} {event.commune.path}", err=True)

    def _describe(self) -> None:
        from ..messages import term
        if self.bar is not None and self.task is not None:
            current = self.reading_now[min(self.reading_now)] if self.reading_now else ""
            self.bar.update(self.task, description=term(
                "batch.progress", name=Path(current).name).text(self.lang))
