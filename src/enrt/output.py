"""Write outputs atomically: a temp file beside the target, then rename.

A failed run never leaves a partial report where the user expects a complete one.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import UsageError


def write_text(target: str, content: str) -> None:
    """Write ``content`` to ``target`` ('-' = stdout) atomically."""
    if target == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    write_bytes(target, content.encode("utf-8"))


def write_bytes(target: str, data: bytes) -> None:
    """Write ``data`` to the file ``target`` atomically (temp file + rename)."""
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"output folder does not exist: {folder}",
                         hint="create the folder first, or choose another -o path")
    if path.is_dir():
        raise UsageError(f"output path is a folder: {path}",
                         hint="give a file name, e.g. -o bilan.json")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, 0o666 & ~_umask())      # mkstemp makes 0600; a report is a normal file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
