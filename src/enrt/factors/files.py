"""Reading a factor file's bytes within the size budget: what every load needs, kept
apart from the checks (YAML and the schema), which a cached set does not."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import FactorSetError

MAX_FACTOR_BYTES = 5_000_000
MAX_FACTOR_BYTES_ENV = "ENRT_MAX_FACTOR_BYTES"


class FactorFileTooLarge(FactorSetError):
    """A factor file over the size budget: refused before it is parsed."""


def max_factor_bytes() -> int:
    """The size budget of one factor file: MAX_FACTOR_BYTES, or ENRT_MAX_FACTOR_BYTES."""
    raw = os.environ.get(MAX_FACTOR_BYTES_ENV, "").strip()
    if not raw:
        return MAX_FACTOR_BYTES
    try:
        limit = int(raw)
    except ValueError:
        limit = 0
    if limit <= 0:
        raise FactorSetError.make("factors.max-bytes", var=MAX_FACTOR_BYTES_ENV,
                                  value=raw[:40], default=MAX_FACTOR_BYTES)
    return limit


def read_factor_bytes(path: Path) -> bytes:
    """The bytes of a factor file, refused past the size budget (never read whole)."""
    limit = max_factor_bytes()
    with open(path, "rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        try:
            size = f"{path.stat().st_size:,} bytes"
        except OSError:
            size = "larger"
        raise FactorFileTooLarge(
            f"factor set file too large: {size}, over the limit of {limit:,} bytes",
            file=str(path), hint="a factor set is a few dozen kB: check that this is the right "
                                 f"file, or raise the limit with {MAX_FACTOR_BYTES_ENV}")
    return raw
