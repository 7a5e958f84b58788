"""``assess()``: inventory files + factor set -> Report, through the one pipeline."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .factors import LoadedFactorSet
from .inventory.options import ReadOptions
from .inventory.organisation import Organisation
from .options import AssessOptions
from .pipeline import category_matcher, default_year, run
from .report.model import Report

__all__ = ["assess", "category_matcher", "default_year"]


def assess(inputs: Sequence[str | Path], factors: str | Path | LoadedFactorSet | None = None,
           year: int | None = None, method: str = "linear",
           organisation: Organisation | None = None,
           territory_scope: str | None = None, options: ReadOptions | AssessOptions | None = None,
           mapping: str | Path | None = None, second_life: str = "row") -> Report:
    """Assess inventory files. ``organisation`` (e.g. from command-line options) takes
    precedence over the files' Organisation sheets; with several inputs it describes the
    whole (e.g. the intercommunalité) and each input keeps its own. ``options`` may be a
    whole ``AssessOptions`` (the other keywords are then ignored)."""
    if not isinstance(options, AssessOptions):
        ro = options or ReadOptions()
        options = AssessOptions(year=year, method=method, second_life=second_life,
                                organisation=organisation, territory_scope=territory_scope,
                                count_stock=ro.count_stock, include_hidden=ro.include_hidden,
                                country=ro.country, mapping=mapping)
    return run(inputs, options, factors)
