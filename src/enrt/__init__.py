"""enrt: environmental footprint of an organisation's digital equipment (loi REEN).

Public API: ``assess()``, ``batch()``, ``load_factor_set()``, ``read_inventory()``,
``Report``. (``enrt.batch`` is the function; its module's other names import as
``from enrt.batch import iter_batch``.) They are imported when first used, so the
command line starts without numpy or pydantic when it does not need them.
"""
import sys
import types

from ._version import __version__

_API = {"assess": "assess", "batch": "batch", "load_factor_set": "factors",
        "read_inventory": "inventory", "Report": "report.model"}

__all__ = ["Report", "__version__", "assess", "batch", "load_factor_set", "read_inventory"]


def __getattr__(name: str):
    if name not in _API:
        raise AttributeError(f"module 'enrt' has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    globals()[name] = value              # next time, a plain attribute
    return value


class _Package(types.ModuleType):
    """``enrt.batch`` stays the function once ``enrt.batch``, the module, is imported (the
    import system would set the package's attribute to the module)."""

    def __setattr__(self, name, value):
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
