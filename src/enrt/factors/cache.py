"""Validated factor sets kept between runs (issue 12): parsing and checking the YAML of a
set takes longer than reading a small inventory, and the set rarely changes.

An entry is keyed by the sha256 of the file's bytes, enrt's version, the models' source
and Python's version, so a changed file, a new enrt or another interpreter never read an
old entry. Only sets
without ``extends`` are kept (an overlay's base may change on its own). The folder is
``$ENRT_CACHE_DIR``, else ``$XDG_CACHE_HOME/enrt``, else ``~/.cache/enrt``;
``ENRT_CACHE_DIR=off`` (or ``0``, ``none``) turns the cache off. Anything wrong with it, a
folder that cannot be written, an entry cut short or not ours, only means the set is
parsed again: the cache never decides a result.
"""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
from pathlib import Path

_OFF = {"off", "0", "none", "no", "false"}


def folder() -> Path | None:
    given = os.environ.get("ENRT_CACHE_DIR")
    if given is not None:
        return None if given.strip().lower() in _OFF or not given.strip() else Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "enrt"


def _entry(digest: str) -> Path | None:
    from .._version import __version__
    where = folder()
    if where is None:
        return None
    tag = f"{__version__}-{_models_digest()}-py{sys.version_info[0]}{sys.version_info[1]}"
    return where / f"factors-{digest}-{tag}.pickle"


def _models_digest() -> str:
    """The models' source, hashed: an entry pickled before a field was added to them
    (between two releases of the same version) is never read back."""
    import hashlib
    return hashlib.sha256(Path(__file__).with_name("model.py").read_bytes()).hexdigest()[:12]


def get(digest: str):
    """What was kept for these bytes (the loader checks it is a set of that sha256), or
    None when absent or unreadable."""
    entry = _entry(digest)
    if entry is None:
        return None
    try:
        with open(entry, "rb") as fh:
            loaded = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:                    # cut short, another format, not ours: parse again
        return None
    return loaded


def put(digest: str, loaded) -> None:
    """Keep ``loaded`` (written whole or not at all); a failure is ignored."""
    entry = _entry(digest)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".factors-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(loaded, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except Exception:
        return
