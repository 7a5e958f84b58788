"""Many inventories, one report each: a consultant's communes through one pipeline.

Each input is read and evaluated on its own (``pipeline.read`` + ``evaluate``) by an
executor: in this process (``jobs=1``), a local process pool (``jobs>1``), or a Dask
cluster (``scheduler="local"`` or ``"tcp://host:8786"``). What comes back is the small,
picklable ``Evaluation`` (a ledger and the inputs' context, no row unless a row-level
format asks for them); reports are built here, with the factor set loaded and checked
once. The whole set's aggregate is the sum of the communes' ledgers, built like a
multi-file ``enrt assess``.

``iter_batch`` yields events (``Started``, ``Done``) as communes finish, in any order;
``batch`` collects them in input order. A commune that fails is a ``Done`` with a
``EnrtError`` (what, where, hint: it pickles, so it comes back from a worker too),
never an exception that stops the others.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import EnrtError, InputError, UsageError
from .factors import FactorArrays, LoadedFactorSet, build_arrays
from .inventory.organisation import Organisation
from .inventory.reader import file_sha256
from .options import AssessOptions
from .pipeline import Evaluation, build, check_options, evaluate, factor_set, read
from .report.model import Report
from .rows import RowTable

INVENTORY_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")


@dataclass
class Commune:
    """One input of the batch and what became of it."""

    index: int                       # position among the inputs (the order of the outputs)
    path: str
    report: Report | None = None
    rows: RowTable | None = None     # the assessed rows, when a row-level format asks
    failure: EnrtError | None = None
    evaluation: Evaluation | None = field(default=None, repr=False)   # for the aggregate
    name: str = ""                   # its organisation's name, else its file's stem
    figures: dict = field(default_factory=dict)     # what the summary compares

    @property
    def ok(self) -> bool:
        return self.failure is None

    def lighten(self) -> None:
        """Drop the report and rows once written: a batch of a thousand communes keeps
        only what the summary and the aggregate need."""
        self.report = self.rows = None


@dataclass
class Started:
    total: int


@dataclass
class Reading:
    """A commune sent to be read (in this process: being read)."""

    index: int
    path: str


@dataclass
class Done:
    commune: Commune
    done: int                        # communes finished so far, this one included
    total: int


@dataclass
class BatchResult:
    communes: list[Commune]          # in input order
    aggregate: Report | None         # the whole set (None when no commune succeeded)
    factor_set: LoadedFactorSet
    options: AssessOptions = field(default_factory=AssessOptions)   # the year is set

    @property
    def failed(self) -> list[Commune]:
        return [c for c in self.communes if not c.ok]


# -- the work of one commune (in a worker process, a Dask worker or here) -----------------

_WORKER: dict = {}


def _init_worker(fs: LoadedFactorSet) -> None:
    """Process-pool initializer: the factor set, sent once per worker process; the
    workbook scan in the worker's own thread (the pool already uses every core)."""
    from .inventory import workbook_scan
    _WORKER["fs"] = fs
    workbook_scan.BESIDE = False


def evaluate_one(path: str, options: AssessOptions, fs: LoadedFactorSet | None = None,
                 keep_rows: bool = False) -> Evaluation | EnrtError:
    """Read and evaluate one inventory; an error is returned (what the client
    reports), a bug still raises."""
    fs = fs if fs is not None else _WORKER["fs"]
    try:
        return evaluate(read([path], options, fs), keep_rows=keep_rows)
    except EnrtError as err:
        return err
    except MemoryError:
        return InputError.make("batch.memory", file=path)


# -- inputs ---------------------------------------------------------------------------------

def expand_inputs(inputs: Sequence[str | Path]) -> list[str]:
    """Files as given; a folder as every inventory file in it (not its sub-folders), sorted
    by name so the batch is the same on every machine."""
    out: list[str] = []
    for p in inputs:
        path = Path(p)
        if path.is_dir():
            found = sorted((q for q in path.iterdir() if q.is_file() and
                            q.suffix.lower() in INVENTORY_SUFFIXES and
                            not q.name.startswith((".", "~$"))), key=lambda q: q.name)
            if not found:
                raise UsageError.make("batch.empty-folder", folder=str(path))
            out.extend(str(q) for q in found)
        else:
            out.append(str(p))
    if not out:
        raise UsageError.make("usage.no-input")
    return out


def _duplicates(paths: list[str]) -> dict[int, EnrtError]:
    """The second of two inputs that are the same file, or the same content, fails (it
    would be counted twice in the aggregate); the first is assessed."""
    seen_path: dict[Path, str] = {}
    seen_content: dict[str, str] = {}
    out: dict[int, EnrtError] = {}
    for i, p in enumerate(paths):
        key = Path(p).resolve()
        if key in seen_path:
            out[i] = UsageError.make("usage.same-path", first=seen_path[key], second=p)
            continue
        seen_path[key] = p
        if not Path(p).is_file():
            continue
        try:
            digest = file_sha256(Path(p))
        except OSError:
            continue                 # the reader says what is wrong with it
        if digest in seen_content:
            out[i] = UsageError.make("usage.same-content", first=seen_content[digest],
                                     second=p, file=p)
            continue
        seen_content[digest] = p
    return out


# -- executors ------------------------------------------------------------------------------

def _in_process(todo, options, fs, keep_rows):
    for i, path in todo:
        yield Reading(i, path)
        yield i, evaluate_one(path, options, fs, keep_rows)


def _pool(todo, options, fs, keep_rows, jobs: int):
    """A local process pool; results as they finish. Forked workers on Linux start at once
    with enrt already imported; elsewhere (spawn) each imports it once."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    method = "fork" if sys.platform.startswith("linux") else None
    ctx = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(fs,)) as pool:
        pending = {}
        queue = list(todo)
        try:
            while queue or pending:
                while queue and len(pending) < 2 * jobs:      # a bounded window in flight
                    i, path = queue.pop(0)
                    pending[pool.submit(evaluate_one, path, options, None, keep_rows)] = i
                    yield Reading(i, path)
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in sorted(finished, key=lambda f: pending[f]):
                    yield pending.pop(fut), fut.result()
        except BaseException:
            # stopped (Ctrl-C, an error): nothing new starts; the communes being read
            # finish or stop, and the workers are gone before this returns
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _dask(todo, options, fs, keep_rows, scheduler: str, jobs: int):
    """Each commune a Dask task; the factor set scattered once to every worker."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError.make("batch.dask") from None
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise UsageError.make("batch.scheduler", scheduler=scheduler, problem=str(exc)) from None
    try:
        remote_fs = client.scatter(fs, broadcast=True)
        futures = {}
        for i, path in todo:
            futures[client.submit(evaluate_one, path, options, remote_fs, keep_rows,
                                  key=f"enrt-{i}-{os.getpid()}-{id(todo)}", pure=False)] = i
            yield Reading(i, path)
        for fut in as_completed(futures):
            yield futures[fut], fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- the batch ------------------------------------------------------------------------------

def iter_batch(inputs: Sequence[str | Path], options: AssessOptions | None = None,
               factors: str | Path | LoadedFactorSet | None = None, jobs: int = 1,
               scheduler: str | None = None, keep_rows: bool = False
               ) -> Iterator[Started | Reading | Done]:
    """Events as communes finish (any order); each ``Done`` carries its commune's report
    or failure. Options are checked before any work starts (a usage error raises)."""
    options = options or AssessOptions()
    paths = expand_inputs(inputs)
    year = check_options(paths[:1], options)
    options = replace(options, year=year)
    fs = factor_set(factors)
    fa = build_arrays(fs, year)
    failures = _duplicates(paths)
    total = len(paths)
    yield Started(total)
    done = 0
    for i in sorted(failures):
        done += 1
        yield Done(Commune(i, paths[i], failure=failures[i]), done, total)
    todo = [(i, p) for i, p in enumerate(paths) if i not in failures]
    if scheduler:
        results = _dask(todo, options, fs, keep_rows, scheduler, max(jobs, 1))
    elif jobs > 1 and len(todo) > 1:
        results = _pool(todo, options, fs, keep_rows, min(jobs, len(todo)))
    else:
        results = _in_process(todo, options, fs, keep_rows)
    for item in results:
        if isinstance(item, Reading):
            yield item
            continue
        i, outcome = item
        done += 1
        yield Done(_commune(i, paths[i], outcome, fs, fa), done, total)


def _commune(i: int, path: str, outcome: Evaluation | EnrtError, fs: LoadedFactorSet,
             fa: FactorArrays) -> Commune:
    if isinstance(outcome, EnrtError):
        return Commune(i, path, failure=outcome, name=Path(path).stem)
    report = build(outcome, fs, fa)
    rows, outcome.rows = outcome.rows, None
    name = (report.organisation.get("name") or "").strip() or Path(path).stem
    return Commune(i, path, report=report, rows=rows, evaluation=outcome, name=name,
                   figures=figures(report))


def figures(report: Report) -> dict:
    """The figures a summary compares, from one report (a commune's or the whole's)."""
    gwp = report.totals.get("gwp")
    org = report.organisation
    total = gwp.total if gwp else None
    population = org.get("population")

    def indicator(key: str) -> float | None:
        return (report.indicators.get(key) or {}).get("value")
    return {
        "gwp_total_kg": total, "gwp_manufacture_kg": gwp.manufacture if gwp else None,
        "gwp_use_kg": gwp.use if gwp else None, "gwp_services_kg": gwp.services if gwp else None,
        "manufacture_share": indicator("manufacture_share_gwp"),
        "agents": org.get("agents"), "population": population,
        "gwp_per_agent_kg": indicator("gwp_per_agent_kg"),
        "gwp_per_inhabitant_kg": total / population if total is not None and population
        else None,
        "refurbished_share_by_count": indicator("refurbished_or_reused_share_by_count"),
        "defaults_share": indicator("defaults_share"),
        "rows_assessed": sum(i.rows_assessed for i in report.inputs),
        "rows_rejected": sum(i.rows_rejected for i in report.inputs),
    }


def aggregate(communes: Sequence[Commune], fs: LoadedFactorSet, name: str | None = None
              ) -> Report | None:
    """The whole set as one report: the communes' ledgers side by side (``by_input``),
    with the sum of their agents and population when every commune gives them."""
    ok = [c for c in sorted(communes, key=lambda c: c.index) if c.ok]
    if not ok:
        return None
    ledgers = [c.evaluation.ledger for c in ok]
    while len(ledgers) > 1:          # pairwise: each sum copies its parts, so n log n
        ledgers = [a + b for a, b in zip(ledgers[::2], ledgers[1::2])] + \
            ([ledgers[-1]] if len(ledgers) % 2 else [])
    ledger = ledgers[0]

    def whole(key: str) -> float | None:
        values = [c.figures.get(key) for c in ok]
        return None if any(v is None for v in values) else float(sum(values))

    agents, population = whole("agents"), whole("population")
    org = Organisation(name=name, agents=agents, population=population,
                       given_by={k: "sum of the communes" for k, v in
                                 (("agents", agents), ("population", population))
                                 if v is not None})
    first = ok[0].evaluation
    evaluation = Evaluation(ledger=ledger, inputs=[x for c in ok for x in c.evaluation.inputs],
                            year=first.year, options=first.options,
                            read_options=first.read_options, mapping_ref=first.mapping_ref)
    return build(evaluation, fs, whole=org)


def batch(inputs: Sequence[str | Path], options: AssessOptions | None = None,
          factors: str | Path | LoadedFactorSet | None = None, jobs: int = 1,
          scheduler: str | None = None, keep_rows: bool = False,
          aggregate_name: str | None = None) -> BatchResult:
    """Every input assessed on its own, in input order, and the aggregate of those that
    succeeded."""
    fs = factor_set(factors)
    communes: list[Commune] = []
    for event in iter_batch(inputs, options, fs, jobs, scheduler, keep_rows):
        if isinstance(event, Done):
            communes.append(event.commune)
    communes.sort(key=lambda c: c.index)
    year = communes[0].evaluation.year if communes and communes[0].evaluation else None
    return BatchResult(communes, aggregate(communes, fs, aggregate_name), fs,
                       replace(options or AssessOptions(), year=year))


__all__ = ["BatchResult", "Commune", "Done", "Reading", "Started", "aggregate", "batch",
           "evaluate_one", "expand_inputs", "iter_batch"]
