"""Read a factor file's YAML node tree: line of every key path, duplicate keys and the
YAML 1.1 traps that a plain load turns into silent mistakes.

PyYAML follows YAML 1.1: ``NO`` (Norway) becomes ``false``, ``1e3`` stays a string,
``2024-01-01`` becomes a date, ``010`` becomes 8. A factor file must not depend on
any of that, so each is reported with the line where it happens.

Hostile or broken files are stopped here too, before any Python object is built:
anchors and aliases (an "alias bomb" expands a few hundred bytes into gigabytes),
explicit tags (``!!python/object``, ``!custom``), nesting deeper than any factor file
needs, and numbers that are not finite (``.nan``, ``.inf``, ``1.0e+400``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor

_BOOL_TAG = "tag:yaml.org,2002:bool"
_DATE_TAG = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"
_STR_TAG = "tag:yaml.org,2002:str"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NUMBER_LIKE = re.compile(r"^[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$")
# the tags a plain YAML document resolves to; anything else is an explicit tag
# (``!!python/object``, ``!custom``, ``!!binary``…) or a YAML 1.1 oddity (``<<``, ``=``)
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in
                        ("null", "bool", "int", "float", "str", "timestamp", "seq", "map"))
MAX_DEPTH = 24          # the deepest key path of a factor set has 8 levels
# traps after which the YAML must not be turned into Python objects
BLOCKING = frozenset({"yaml-alias", "yaml-tag", "yaml-depth"})
_NUMBERS = SafeConstructor()        # reads one scalar node as YAML does, without a document
_ALIAS_FIX = "write the values out in full: a factor file may not use anchors (&) or " \
             "aliases (*)"


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

    def walk(node: yaml.Node, path: str, depth: int = 0) -> None:
        if _tag_trap(node, path, traps):
            return
        if depth > MAX_DEPTH and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            traps.append(Trap(path, node.start_mark.line + 1, "yaml-depth",
                              f"nested more than {MAX_DEPTH} levels deep",
                              "a factor set has at most 8 levels: check the indentation"))
            return
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                name = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) \
                    else "(complex key)"
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
                if not _tag_trap(key_node, child, traps):
                    _scalar_traps(key_node, child, traps, is_key=True)
                walk(value_node, child, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                child = join(path, i)
                lines.setdefault(child, item.start_mark.line + 1)
                walk(item, child, depth + 1)
        else:
            _scalar_traps(node, path, traps)

    walk(root, "")
    return lines, traps


def _tag_trap(node: yaml.Node, path: str, traps: list[Trap]) -> bool:
    """A tag no plain factor file resolves to: reported, and the node is not read."""
    if node.tag in _PLAIN_TAGS:
        return False
    line = node.start_mark.line + 1
    if node.tag in ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"):
        traps.append(Trap(path, line, "yaml-tag", f"{node.value!r} has a special meaning in "
                          "YAML 1.1", f'write the keys out in full, or quote it: "{node.value}"'))
    else:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        traps.append(Trap(path, line, "yaml-tag", f"YAML tag {tag!r} is not allowed in a "
                          "factor file", "remove the tag: write plain values (numbers "
                          "unquoted, text quoted)"))
    return True


def _number_trap(node: yaml.ScalarNode, path: str, line: int) -> Trap | None:
    """A number YAML reads as NaN or infinity, or too large to be a float."""
    text = node.value
    try:
        if node.tag == _FLOAT_TAG:
            value = _NUMBERS.construct_yaml_float(node)
        elif node.tag == _INT_TAG:
            value = float(_NUMBERS.construct_yaml_int(node))
        elif node.tag == _STR_TAG and _NUMBER_LIKE.match(text):
            value = float(text)        # 1e400: text for YAML 1.1, infinity once "fixed"
        else:
            return None
    except OverflowError:
        value = math.inf
    except ValueError:                 # more digits than Python converts (4300)
        value = math.inf if node.tag == _INT_TAG else 0.0
    if math.isfinite(value):
        return None
    if math.isnan(value):
        message = f"{text!r} is not a number (NaN)"
    elif text.lstrip("+-").lower() == ".inf":
        message = f"{text!r} is infinite"
    else:
        message = f"{text[:40]!r}{'…' if len(text) > 40 else ''} is beyond the largest " \
                  "number (about 1.8e+308): it reads as infinity"
    return Trap(path, line, "non-finite-value", message,
                "give a finite number; if the source has no figure, leave the value out")


def _scalar_traps(node: yaml.Node, path: str, traps: list[Trap], is_key: bool = False) -> None:
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):
        return                                  # quoted scalars are taken as written
    text, line = node.value, node.start_mark.line + 1
    number = _number_trap(node, path, line)
    if number is not None:
        traps.append(number)
    elif node.tag == _BOOL_TAG and text.lower() not in ("true", "false"):
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


def first_anchor(text: str, loader: type) -> Trap | None:
    """The first anchor (``&a``) or alias (``*a``) of the text, from the parser's events,
    with its key path. Events are not expanded (nor are composed nodes, which share an
    aliased node): an alias bomb costs what its text costs, until something walks or
    builds it, which must not happen once this returns a trap."""
    if "&" not in text and "*" not in text:     # neither can be written without them
        return None
    stack: list[list] = []          # [is_mapping, path, index or key, expecting a key]

    def here() -> str:
        if not stack:
            return ""
        is_map, path, pos, want_key = stack[-1]
        return path if (is_map and want_key) else join(path, pos)

    def done(key: object) -> None:
        if not stack:
            return
        top = stack[-1]
        if not top[0]:
            top[2] += 1
        elif top[3]:
            top[2], top[3] = key if key is not None else "(complex key)", False
        else:
            top[3] = True

    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent,
                              yaml.MappingStartEvent)):
            if event.anchor is not None:
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                kind = "alias" if sign == "*" else "anchor"
                return Trap(here(), event.start_mark.line + 1, "yaml-alias",
                            f"YAML {kind} {sign}{event.anchor[:40]}: anchors and aliases are "
                            "not allowed in a factor file", _ALIAS_FIX)
            if isinstance(event, yaml.ScalarEvent):
                done(event.value)
            else:
                stack.append([isinstance(event, yaml.MappingStartEvent), here(), 0, True])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
            done(None)
    return None


def line_of(lines: dict[str, int], path: str) -> int | None:
    """Line of ``path``, else of its nearest ancestor present in the file."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None
