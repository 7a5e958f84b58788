"""Read a factor file's YAML node tree: line of every key path, duplicate keys and the
YAML 1.1 traps that a plain load turns into silent mistakes.

PyYAML follows YAML 1.1: ``NO`` (Norway) becomes ``false``, ``1e3`` stays a string,
``2024-01-01`` becomes a date, ``010`` becomes 8. A factor file must not depend on
any of that, so each is reported with the line where it happens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_BOOL_TAG = "tag:yaml.org,2002:bool"
_DATE_TAG = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"
_STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_LIKE = re.compile(r"^[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$")


@dataclass(frozen=True)
class Trap:
    path: str
    line: int
    code: str
    message: str
    fix: str


def join(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def key_lines(root: yaml.Node) -> tuple[dict[str, int], list[Trap]]:
    """(key path -> 1-based line, traps found) for a composed YAML document."""
    lines: dict[str, int] = {}
    traps: list[Trap] = []

    def walk(node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                name = str(key_node.value)
                line = key_node.start_mark.line + 1
                child = join(path, name)
                if name in seen:
                    traps.append(Trap(child, line, "duplicate-key",
                                      f"key {name!r} appears twice (first at line {seen[name]});"
                                      " YAML keeps only the last one",
                                      "remove or rename one of the two keys"))
                else:
                    seen[name] = line
                    lines.setdefault(child, line)
                _scalar_traps(key_node, child, traps, is_key=True)
                walk(value_node, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                child = join(path, i)
                lines.setdefault(child, item.start_mark.line + 1)
                walk(item, child)
        else:
            _scalar_traps(node, path, traps)

    walk(root, "")
    return lines, traps


def _scalar_traps(node: yaml.Node, path: str, traps: list[Trap], is_key: bool = False) -> None:
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):
        return                                  # quoted scalars are taken as written
    text, line = node.value, node.start_mark.line + 1
    if node.tag == _BOOL_TAG and text.lower() not in ("true", "false"):
        traps.append(Trap(path, line, "yaml-bool",
                          f"{text!r} is read as the boolean {text.lower() in ('yes', 'y', 'on')}"
                          " by YAML 1.1", f'quote it: "{text}"'))
    elif node.tag == _DATE_TAG and not is_key:
        traps.append(Trap(path, line, "yaml-date", f"{text!r} is read as a date, not text",
                          f'quote it: "{text}"'))
    elif node.tag == _INT_TAG and re.match(r"^[-+]?0\d", text):
        traps.append(Trap(path, line, "yaml-octal",
                          f"{text!r} is read as an octal number by YAML 1.1",
                          "remove the leading zero, or quote it if it is text"))
    elif node.tag == _STR_TAG and not is_key and _NUMBER_LIKE.match(text) and \
            ("e" in text.lower() or "_" in text):
        traps.append(Trap(path, line, "yaml-number-string",
                          f"{text!r} is read as a string, not a number, by YAML 1.1",
                          "write a dot in the mantissa and a sign in the exponent, "
                          "e.g. 1.0e+3 or 4.86e-8"))


def line_of(lines: dict[str, int], path: str) -> int | None:
    """Line of ``path``, else of its nearest ancestor present in the file."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None
