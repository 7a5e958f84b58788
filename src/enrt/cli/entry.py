"""The console script: ``enrt --version`` answers here, before any import (issue 12);
everything else goes to the Typer app."""
from __future__ import annotations

import sys


def run() -> int | None:
    if sys.argv[1:] == ["--version"]:
        from .._version import DEFAULT_SET_ID, __version__
        sys.stdout.write(f"enrt {__version__} (default factor set: {DEFAULT_SET_ID})\n")
        sys.stdout.flush()
        return 0
    from .main import run as main
    return main()
