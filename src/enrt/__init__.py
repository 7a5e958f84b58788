"""enrt: environmental footprint of an organisation's digital equipment (loi REEN).

Public API: ``assess()``, ``load_factor_set()``, ``read_inventory()``, ``Report``.
"""
from ._version import __version__
from .assess import assess
from .factors import load_factor_set
from .inventory import read_inventory
from .report.model import Report

__all__ = ["Report", "__version__", "assess", "load_factor_set", "read_inventory"]
