"""enrt: environmental footprint of an organisation's digital equipment (loi REEN).

Public API: ``assess()``, ``load_factor_set()``, ``read_inventory()``, ``Report``.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("enrt")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

from .assess import assess  # noqa: E402
from .factors import load_factor_set  # noqa: E402
from .inventory import read_inventory  # noqa: E402
from .report.model import Report  # noqa: E402

__all__ = ["Report", "__version__", "assess", "load_factor_set", "read_inventory"]
