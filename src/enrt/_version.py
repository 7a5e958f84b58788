"""The version, written here once (the build reads it: pyproject's [tool.hatch.version]),
and the default factor set: what ``enrt --version`` says without importing anything."""

__version__ = "0.1.0"
DEFAULT_SET_ID = "ademe-2025"
