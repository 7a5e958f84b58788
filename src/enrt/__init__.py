"""enrt: environmental footprint of an organisation's digital equipment (loi REEN).

Public API: ``assess()``, ``batch()``, ``load_factor_set()``, ``read_inventory()``,
``Report``. (``enrt.batch`` is the function; its module's other names import as
``from enrt.batch import iter_batch``.)
"""
from ._version import __version__
from .assess import assess
from .batch import batch
from .factors import load_factor_set
from .inventory import read_inventory
from .report.model import Report

__all__ = ["Report", "__version__", "assess", "batch", "load_factor_set", "read_inventory"]
