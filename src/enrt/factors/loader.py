"""Find and load factor set files: safe YAML, duplicate keys rejected, schema validated."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import FactorSetError
from .model import FactorSet

DEFAULT_SET_ID = "ademe-2025"


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml's when present: 5x faster) that refuses duplicate keys,
    which plain YAML keeps silently, last one winning."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {seen[key]})", key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class LoadedFactorSet:
    """A validated factor set with the file it came from and that file's sha256."""

    model: FactorSet
    path: Path
    sha256: str


def shipped_dir() -> Path:
    """Folder of the factor sets shipped with enrt (inside the wheel, or the source tree)."""
    packaged = resources.files("enrt") / "_factors"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "factors"


def shipped_ids() -> list[str]:
    return sorted(p.stem for p in shipped_dir().glob("*.yaml"))


def resolve(ref: str | Path | None) -> Path:
    """Turn a set id or a path into a file path."""
    if ref is None:
        ref = DEFAULT_SET_ID
    path = Path(ref)
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


def load_factor_set(ref: str | Path | None = None) -> LoadedFactorSet:
    """Load and validate a factor set by id (shipped) or path."""
    path = resolve(ref)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FactorSetError(f"cannot read factor set: {exc.strerror}", file=str(path)) from exc
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_StrictLoader)
    except UnicodeDecodeError as exc:
        raise FactorSetError("factor set is not UTF-8 text", file=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FactorSetError(f"invalid YAML: {getattr(exc, 'problem', exc)}", file=str(path),
                             row=mark.line + 1 if mark else None,
                             hint="fix the YAML syntax at that line") from exc
    if not isinstance(data, dict):
        raise FactorSetError("factor set must be a YAML mapping", file=str(path))
    try:
        model = FactorSet.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors()[:8]:
            where = ".".join(str(p) for p in err["loc"]) or "(top level)"
            lines.append(f"{where}: {err['msg']}")
        more = len(exc.errors()) - len(lines)
        raise FactorSetError("invalid factor set: " + "; ".join(lines)
                             + (f"; and {more} more" if more > 0 else ""), file=str(path),
                             hint="see docs/methodology.md for the factor file format") from exc
    return LoadedFactorSet(model=model, path=path, sha256=hashlib.sha256(raw).hexdigest())
