"""Find and load factor sets: shipped ids or paths, overlays (``extends``), validation.

Loading runs the same checks as ``enrt factors check``; the first error stops the run
with its file, line and key path.
"""
from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING
from importlib import resources
from pathlib import Path

from ..errors import FactorSetError
from ..messages import Listing, both
from . import cache
from .files import read_factor_bytes
from .model import FactorSet

if TYPE_CHECKING:
    from .checks import Finding

from .._version import DEFAULT_SET_ID  # noqa: E402,F401  (one place, read by --version)
MAX_EXTENDS_DEPTH = 5
_SEPARATORS = ("/", "\\", "..")


@dataclass(frozen=True)
class LoadedFactorSet:
    """A validated factor set, the file it came from, its sha256, and the set it extends."""

    model: FactorSet
    path: Path
    sha256: str
    data: dict
    base: "LoadedFactorSet | None" = None


def shipped_dir() -> Path:
    """Folder of the factor sets shipped with enrt (inside the wheel, or the source tree)."""
    packaged = resources.files("enrt") / "_factors"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "factors"


def shipped_ids() -> list[str]:
    return sorted(p.stem for p in shipped_dir().glob("*.yaml"))


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):       # a name too long for the file system
        return False


def resolve(ref: str | Path | None, relative_to: Path | None = None) -> Path:
    """Turn a set id or a path into a file path.

    A path is taken as a path: it exists, or ends in .yaml/.yml. Anything else is an
    id, a plain name looked up among the shipped sets; an id with a path separator or
    ``..`` is refused rather than looked up outside the shipped folder. ``relative_to``
    is the overlay whose ``extends`` is resolved: a relative path is taken from its
    folder, not from the working directory."""
    if ref is None:
        ref = DEFAULT_SET_ID
    if not isinstance(ref, (str, Path)) or not str(ref).strip():
        raise FactorSetError.make("factors.not-a-ref", ref=repr(ref)[:74],
                                  ids=Listing(shipped_ids()))
    text = str(ref)
    if "\x00" in text:
        raise FactorSetError.make("factors.nul")
    path = Path(ref)
    if relative_to is not None and not path.is_absolute():
        path = relative_to.parent / path
    if path.suffix.lower() in (".yaml", ".yml") or _exists(path):
        if not path.is_file():
            raise FactorSetError.make("factors.not-found", path=str(path),
                                      ids=Listing(shipped_ids()))
        return path
    if any(sep in text for sep in _SEPARATORS):
        raise FactorSetError.make("factors.id-with-separator", ref=text[:200],
                                  ids=Listing(shipped_ids()))
    candidate = shipped_dir() / f"{ref}.yaml"
    try:
        found = candidate.is_file()
    except (OSError, ValueError):       # a name too long for the file system
        found = False
    if not found:
        raise FactorSetError.make("factors.unknown", ref=text[:100], ids=Listing(shipped_ids()))
    return candidate


def _raise(finding) -> None:
    # the finding's own words (enrt.factors.checks) are English only
    raise FactorSetError.make("factors.invalid", file=finding.file, row=finding.line,
                              path=finding.path or "(file)", problem=finding.message,
                              fix=finding.fix)


def load_factor_set(ref: str | Path | None = None, *, _relative_to: Path | None = None,
                    _depth: int = 0) -> LoadedFactorSet:
    """Load and validate a factor set by id (shipped) or path; overlays are merged onto
    the set they extend."""
    path = resolve(ref, _relative_to)
    try:
        raw = read_factor_bytes(path)
        text = raw.decode("utf-8")
    except OSError as exc:
        raise FactorSetError.make("factors.unreadable", file=str(path),
                                  reason=exc.strerror) from exc
    except UnicodeDecodeError as exc:
        raise FactorSetError.make("factors.not-utf8", file=str(path)) from exc
    digest = hashlib.sha256(raw).hexdigest()
    cached = cache.get(digest) if _depth == 0 else None
    if isinstance(cached, LoadedFactorSet) and cached.sha256 == digest and cached.base is None:
        return LoadedFactorSet(model=cached.model, path=path, sha256=digest, data=cached.data)
    from .checks import parse, validate     # YAML and the schema: not for a cached set
    data, lines, findings = parse(text, str(path))
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        _raise(errors[0])
    base = None
    if isinstance(data, dict) and data.get("extends"):
        if _depth >= MAX_EXTENDS_DEPTH:
            raise FactorSetError.make("factors.extends-depth", file=str(path))
        missing = [k for k in ("id", "version") if k not in data]
        if missing:
            raise FactorSetError.make("factors.overlay-id", file=str(path),
                                      missing=both(missing))
        base = _load_base(data, path, lines, _depth + 1)
        data = deep_merge(base.data, data)
    model, more = validate(data, lines, str(path))
    errors = [f for f in more if f.severity == "error"]
    if errors or model is None:
        _raise(errors[0])
    loaded = LoadedFactorSet(model=model, path=path, sha256=digest, data=data, base=base)
    if _depth == 0 and base is None:       # an overlay's base may change on its own
        cache.put(digest, loaded)
    return loaded


def deep_merge(base: dict, overlay: dict) -> dict:
    """Overlay onto base: mappings merge key by key, anything else is replaced. A value
    (a mapping with ``value``) is replaced whole: its note, source and uncertainty
    belong to the base's figure, not to the overlay's."""
    out = copy.deepcopy(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and "value" not in value and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _load_base(data: dict, path: Path, lines: dict[str, int], depth: int) -> LoadedFactorSet:
    """The set an overlay extends; an error that names no file is placed on the
    overlay's ``extends`` line."""
    ref = data["extends"]
    if not isinstance(ref, str):
        raise FactorSetError.make("factors.extends-type", file=str(path),
                                  row=lines.get("extends"), default=DEFAULT_SET_ID)
    try:
        return load_factor_set(ref, _relative_to=path, _depth=depth)
    except FactorSetError as exc:
        if exc.file is None:
            exc.file, exc.row = str(path), lines.get("extends")
        raise


def merge_extends(data: dict, path: Path, lines: dict[str, int] | None = None) -> dict:
    """An overlay's data merged onto the set it extends (for ``factors check``)."""
    return deep_merge(_load_base(data, path, lines or {}, 1).data, data)


def check_file(path: Path) -> tuple[FactorSet | None, list[Finding]]:
    """All findings for one file (the extends chain is resolved by the loader)."""
    from .checks import parse, validate
    text = read_factor_bytes(path).decode("utf-8")
    data, lines, findings = parse(text, str(path))
    if data is None:
        return None, findings
    if isinstance(data, dict) and data.get("extends"):
        data = merge_extends(data, path, lines)
    model, more = validate(data, lines, str(path))
    trap_lines = {f.line for f in findings}
    # a YAML trap also breaks the schema on its line: report the cause, not the symptom
    bool_keys = any(f.code == "yaml-bool" for f in findings)
    more = [f for f in more if not (f.code == "schema" and (
        f.line in trap_lines or (bool_keys and "[key]" in f.path)))]
    return model, findings + more
