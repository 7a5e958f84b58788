"""Find and load factor sets: shipped ids or paths, overlays (``extends``), validation.

Loading runs the same checks as ``enrt factors check``; the first error stops the run
with its file, line and key path.
"""
from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import FactorSetError
from .checks import Finding, parse, validate
from .model import FactorSet

DEFAULT_SET_ID = "ademe-2025"
MAX_EXTENDS_DEPTH = 5


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


def resolve(ref: str | Path | None, relative_to: Path | None = None) -> Path:
    """Turn a set id or a path into a file path."""
    if ref is None:
        ref = DEFAULT_SET_ID
    path = Path(ref)
    if relative_to is not None and not path.is_absolute():
        near = relative_to.parent / path
        if near.is_file():
            return near
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            raise FactorSetError(f"factor set file not found: {path}",
                                 hint="check the path, or give a shipped set id: "
                                      + ", ".join(shipped_ids()))
        return path
    candidate = shipped_dir() / f"{ref}.yaml"
    if not candidate.is_file():
        raise FactorSetError(f"unknown factor set {str(ref)!r}",
                             hint="shipped sets: " + ", ".join(shipped_ids())
                                  + "; or pass the path of a YAML file")
    return candidate


def _raise(finding: Finding) -> None:
    raise FactorSetError(f"invalid factor set: {finding.path or '(file)'}: {finding.message}",
                         file=finding.file, row=finding.line, hint=finding.fix)


def load_factor_set(ref: str | Path | None = None, *, _relative_to: Path | None = None,
                    _depth: int = 0) -> LoadedFactorSet:
    """Load and validate a factor set by id (shipped) or path; overlays are merged onto
    the set they extend."""
    path = resolve(ref, _relative_to)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise FactorSetError(f"cannot read factor set: {exc.strerror}", file=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise FactorSetError("factor set is not UTF-8 text", file=str(path)) from exc
    data, lines, findings = parse(text, str(path))
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        _raise(errors[0])
    base = None
    if isinstance(data, dict) and data.get("extends"):
        if _depth >= MAX_EXTENDS_DEPTH:
            raise FactorSetError("too many levels of `extends` (a cycle?)", file=str(path),
                                 hint="an overlay should extend a complete set")
        missing = [k for k in ("id", "version") if k not in data]
        if missing:
            raise FactorSetError(f"an overlay must give its own {' and '.join(missing)}",
                                 file=str(path), hint="add id: and version: so reports say "
                                 "which set was used")
        base = load_factor_set(data["extends"], _relative_to=path, _depth=_depth + 1)
        data = deep_merge(base.data, data)
    model, more = validate(data, lines, str(path))
    errors = [f for f in more if f.severity == "error"]
    if errors or model is None:
        _raise(errors[0])
    return LoadedFactorSet(model=model, path=path, sha256=hashlib.sha256(raw).hexdigest(),
                           data=data, base=base)


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


def merge_extends(data: dict, path: Path) -> dict:
    """An overlay's data merged onto the set it extends (for ``factors check``)."""
    return deep_merge(load_factor_set(data["extends"], _relative_to=path).data, data)
