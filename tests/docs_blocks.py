"""Run the commands shown in the docs and compare their output with what the docs show.

Convention: an HTML comment (not shown when the Markdown is rendered) on the line right
before a fenced block says what the test does with it:

    <!-- test: run -->           ```sh or ```console block: run each command (every line
                                  of a sh block but comments; the `$ ` lines of a console
                                  block); each must exit 0. Their output is not compared.
    <!-- test: output -->        ```console block: each `$ command` line is followed by the
                                  command's exact output (stdout and stderr, as a terminal
                                  shows them).
    <!-- test: output $ CMD -->  the whole block is the output of CMD (named in the prose).
    <!-- test: json file=F -->   the block is an excerpt of the JSON file F that an earlier
                                  command of the page wrote. Instead of file=F: `$ CMD` in
                                  the marker, or a `$ CMD` first line in the block: the
                                  excerpt is of CMD's stdout. `at=a.b.0` picks a part.
    <!-- test: file PATH -->     the block is the exact content of PATH (an input file).
    <!-- test: skip REASON -->   not run: a sh/console block showing enrt must say why.

    exit=N (or exit=N,M,... one per command) gives the expected exit codes (default 0).

Shown output may be trimmed with `…`:

- a line whose only content is `…` (table rules │ ┃ and spaces aside) stands for any
  number of lines, none included;
- `…` inside a line stands for any text on that line;
- in a JSON excerpt, `…` as a member or an element stands for the ones not shown, and
  "text…" for a string starting with text. An object or array without `…` is complete.
  An excerpt that does not start with { or [ is a list of members of the top object.

Table borders (┏━┓ ┡━┩ └─┘ lines) and trailing spaces are left out of shown output. Both
sides are normalised before comparing: sha256 digests (whole or shortened), the enrt
version, the temporary folder and today's date.

Commands run with bash from a temporary folder holding copies of examples/ and
docs/examples/ (paths as from the repository root), in the order of the page, so a
command can use a file an earlier one wrote; COLUMNS=100, no colour.

Maintainers: after an intended change of output, `python tests/docs_blocks.py --update`
rewrites the output and JSON blocks of the three docs from the current program (real
sha256 and version included, the `…` trimming kept where the lines still align); review
the git diff. It leaves alone, and lists, the blocks a person must fix: a command whose
exit code is not the one shown, a JSON excerpt whose keys or elements no longer match,
a `file` block that is not its file. `python tests/docs_blocks.py` only checks. The test
(tests/test_docs_commands.py) never updates.

The workbooks of docs/examples/ are written by docs/examples/make_doc_examples.py.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "docs" / n for n in ("usage.md", "factors.md", "methodology.md",
                                    "report-formats.md", "batch.md", "uncertainty.md",
                                    "compare.md", "simulate.md")]
ENRT = Path(sys.executable).parent / "enrt"
COPIED = ["examples", "docs/examples"]              # copied into the work folder
SKIPPED_NAMES = {"__pycache__"}
ELL = "…"
KINDS = ("run", "output", "json", "file", "skip")
TIMEOUT = 120

MARKER = re.compile(r"^<!--\s*test:\s*(\w+)\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w+-]*)\s*$")
BORDER = re.compile(r"^[ ┏┓┗┛┡┩└┘┌┐━─┳┻╇┴┬┼╋═╞╡╪]+$")
HEX = re.compile(r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,64}\b")
VERSION = re.compile(r"\b(enrt )v?\d+\.\d+(?:\.\d+)?(?:[\w.+-]*\w)?")
WORD = re.compile(r"[\w.%<>-]+")
SENTINEL = re.compile("\x00RC=(\\d+)\x00")


# --- reading the docs -----------------------------------------------------------------

@dataclass
class Block:
    doc: Path
    line: int                   # 1-based line of the opening fence
    kind: str                   # run, output, json, file, skip, or "" (unmarked)
    args: str                   # the marker's text after the kind
    lang: str
    body: list[str]
    start: int                  # index in the file's lines of the first body line
    end: int                    # index of the closing fence

    @property
    def where(self) -> str:
        return f"{self.doc.relative_to(REPO)}:{self.line}"

    @property
    def opts(self) -> dict[str, str]:
        head = self.args.split("$ ", 1)[0]
        return dict(t.split("=", 1) for t in head.split() if "=" in t)

    @property
    def marker_cmd(self) -> str | None:
        return self.args.split("$ ", 1)[1].strip() if "$ " in self.args else None

    def exits(self, n: int) -> list[int]:
        codes = [int(x) for x in self.opts.get("exit", "0").split(",")]
        if len(codes) == 1:
            return codes * n
        if len(codes) != n:
            raise ValueError(f"{self.where}: exit= gives {len(codes)} codes for {n} command(s)")
        return codes

    def commands(self) -> list[str]:
        if self.lang in ("sh", "bash", "shell"):
            return [s.strip() for s in self.body if s.strip() and not s.lstrip().startswith("#")]
        return [s[2:].strip() for s in self.body if s.startswith("$ ")]

    def shows_enrt(self) -> bool:
        return self.lang in ("sh", "bash", "shell", "console") and any(
            c.startswith("enrt ") or c == "enrt" or " enrt " in c for c in self.commands())


def blocks(doc: Path) -> list[Block]:
    lines = doc.read_text(encoding="utf-8").split("\n")
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, lang = m.group(1), m.group(2)
        j = i + 1
        while j < len(lines) and lines[j].strip() != fence:
            j += 1
        mk = MARKER.match(lines[i - 1]) if i else None
        out.append(Block(doc, i + 1, mk.group(1) if mk else "", mk.group(2) if mk else "",
                         lang, lines[i + 1:j], i + 1, j))
        i = j + 1
    return out


def markers(doc: Path) -> list[str]:
    """Markers that are misplaced (not right before a fence) or of an unknown kind."""
    lines = doc.read_text(encoding="utf-8").split("\n")
    bad = []
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("<!-- test"):
            continue
        m = MARKER.match(line)
        where = f"{doc.relative_to(REPO)}:{i + 1}"
        if not m or m.group(1) not in KINDS:
            bad.append(f"{where}: unknown marker {line.strip()!r}")
        elif i + 1 >= len(lines) or not FENCE.match(lines[i + 1]):
            bad.append(f"{where}: a marker goes on the line right before a ``` fence")
    return bad


def commands(page: Path) -> list[str]:
    """Every `enrt` command of the page's ```sh blocks (what tests/test_docs.py runs)."""
    return [c for b in blocks(page) if b.lang == "sh" for c in b.commands()
            if c.startswith("enrt ")]


# --- running --------------------------------------------------------------------------

@dataclass
class Context:
    where: Path                                  # the work folder

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(COLUMNS="100", LINES="50", NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1",
                   PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8",
                   PATH=f"{ENRT.parent}{os.pathsep}{env.get('PATH', '')}")
        for k in ("ENRT_DEBUG", "ENRT_MAX_FACTOR_BYTES", "FORCE_COLOR"):
            env.pop(k, None)
        return env

    def run(self, cmds: list[str]) -> list[tuple[int, str]]:
        """Run the commands in one bash, in order (`echo $?` sees the previous command);
        each gives (exit code, stdout and stderr as interleaved on a terminal)."""
        script = "".join(f"{c}\n__rc=$?; printf '\\0RC=%d\\0' \"$__rc\"; (exit $__rc)\n"
                         for c in cmds)
        res = subprocess.run(["bash", "-c", script], cwd=self.where, env=self.env(),
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=TIMEOUT, check=False)
        parts = SENTINEL.split(res.stdout.decode("utf-8", "replace"))
        got = [(int(parts[k + 1]), parts[k]) for k in range(0, len(parts) - 1, 2)]
        if len(got) != len(cmds):
            raise RuntimeError(f"ran {len(got)} of {len(cmds)} commands:\n{parts[-1]}")
        return got

    def stdout(self, cmd: str) -> tuple[int, str, str]:
        res = subprocess.run(["bash", "-c", cmd], cwd=self.where, env=self.env(),
                             stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT,
                             check=False)
        return res.returncode, res.stdout.decode("utf-8"), res.stderr.decode("utf-8", "replace")


def make_workdir(dest: Path) -> Path:
    for rel in COPIED:
        shutil.copytree(REPO / rel, dest / rel,
                        ignore=shutil.ignore_patterns(*SKIPPED_NAMES))
    return dest


# --- comparing text -------------------------------------------------------------------

def shown(text: str) -> list[str]:
    """Output as the docs show it: no table borders, no trailing spaces or blank lines."""
    lines = [s.rstrip() for s in text.replace("\r\n", "\n").split("\n")]
    lines = [s for s in lines if not BORDER.match(s)]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def normal(s: str, ctx: Context | None = None) -> str:
    if ctx is not None:
        s = s.replace(str(ctx.where), "<tmp>").replace(str(ctx.where.resolve()), "<tmp>")
    s = HEX.sub("<sha256>", s)
    s = VERSION.sub(r"\1<version>", s)
    return s.replace(dt.date.today().isoformat(), "<today>")


def is_gap(line: str) -> bool:
    return line.strip(" │┃") == ELL


def line_re(line: str) -> re.Pattern:
    return re.compile(".*?".join(re.escape(p) for p in line.split(ELL)), re.DOTALL)


def line_matches(expected: str, actual: str) -> bool:
    return (line_re(expected).fullmatch(actual) is not None) if ELL in expected \
        else expected == actual


def lines_match(expected: list[str], actual: list[str]) -> bool:
    """`…` lines match any run of lines; other lines match one line each."""
    memo: dict[tuple[int, int], bool] = {}

    def m(i: int, j: int) -> bool:
        if (i, j) not in memo:
            if i == len(expected):
                r = j == len(actual)
            elif is_gap(expected[i]):
                r = m(i + 1, j) or (j < len(actual) and m(i, j + 1))
            else:
                r = j < len(actual) and line_matches(expected[i], actual[j]) and m(i + 1, j + 1)
            memo[i, j] = r
        return memo[i, j]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    return m(0, 0)


def realign(expected: list[str], raw: list[str], ctx: Context) -> list[str]:
    """The block as --update writes it: the shown lines replaced by the actual ones they
    align with (an edit-distance alignment; `…` lines stay and absorb lines freely)."""
    ne = [normal(s, ctx) for s in expected]
    na = [normal(s, ctx) for s in raw]
    n, m = len(expected), len(raw)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    cost[n][m] = 0.0

    words_e = [Counter(WORD.findall(s)) for s in ne]
    words_a = [Counter(WORD.findall(s)) for s in na]

    def sim(i: int, j: int) -> float:
        """1 for a line that matches, else the share of words in common."""
        if line_matches(ne[i], na[j]):
            return 1.0
        size = sum(words_e[i].values()) + sum(words_a[j].values())
        return 2 * sum((words_e[i] & words_a[j]).values()) / size if size else 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            best, how = inf, ""
            if i < n and is_gap(expected[i]):
                if cost[i + 1][j] < best:
                    best, how = cost[i + 1][j], "keep"
                if j < m and cost[i][j + 1] < best:
                    best, how = cost[i][j + 1], "absorb"
            else:
                if i < n and j < m and cost[i + 1][j + 1] + 2 * (1 - sim(i, j)) <= best:
                    best, how = cost[i + 1][j + 1] + 2 * (1 - sim(i, j)), "sub"
                if i < n and cost[i + 1][j] + 2 < best:      # dropping a shown line: rare
                    best, how = cost[i + 1][j] + 2, "drop"
                if j < m and cost[i][j + 1] + 1 < best:
                    best, how = cost[i][j + 1] + 1, "add"
            cost[i][j], step[i][j] = best, how
    out, i, j = [], 0, 0
    while (i, j) != (n, m):
        how = step[i][j]
        if how == "keep":
            out.append(expected[i])
            i += 1
        elif how == "absorb":
            j += 1
        elif how == "sub":
            out.append(expected[i] if ELL in expected[i] and line_matches(expected[i], raw[j])
                       else raw[j])
            i, j = i + 1, j + 1
        elif how == "drop":
            i += 1
        else:
            out.append(raw[j])
            j += 1
    return out


# --- comparing JSON excerpts ----------------------------------------------------------

TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)'
                   r'|(true|false|null)|([{}\[\]:,])|(…))', re.DOTALL)


@dataclass
class Node:
    kind: str                       # obj, arr, scalar, any
    value: object = None            # scalar value
    span: tuple[int, int] = (0, 0)
    items: list = field(default_factory=list)   # obj: [(key, Node)], arr: [Node]
    open: bool = False              # obj/arr: has a `…`


class Excerpt:
    """A JSON excerpt with `…` elisions, parsed with the text span of every scalar."""

    def __init__(self, text: str):
        self.text = text
        self.toks = []
        pos = 0
        while text[pos:].strip():
            m = TOKEN.match(text, pos)
            if not m:
                raise ValueError(f"cannot read the JSON excerpt at {text[pos:pos + 40]!r}")
            kind = next(k for k in range(5) if m.group(k + 1) is not None)
            self.toks.append((kind, m.group(kind + 1), m.start(kind + 1), m.end(kind + 1)))
            pos = m.end()
        self.i = 0
        if self.toks and self.toks[0][1] in "{[":
            self.root = self.value()
        else:
            self.root = self.members(end=None)
            self.root.open = True
        if self.i != len(self.toks):
            raise ValueError(f"unexpected {self.toks[self.i][1]!r} in the JSON excerpt")

    def next(self, want: str | None = None):
        if self.i >= len(self.toks):
            raise ValueError("the JSON excerpt ends too early")
        tok = self.toks[self.i]
        if want is not None and tok[1] != want:
            raise ValueError(f"expected {want!r}, got {tok[1]!r} in the JSON excerpt")
        self.i += 1
        return tok

    def peek(self) -> str | None:
        return self.toks[self.i][1] if self.i < len(self.toks) else None

    def value(self) -> Node:
        kind, text, a, b = self.next()
        if text == "{":
            node = self.members(end="}")
            self.next("}")
            return node
        if text == "[":
            node = Node("arr")
            while self.peek() != "]":
                if self.peek() == ELL:
                    self.next()
                    node.open = True
                else:
                    node.items.append(self.value())
                if self.peek() == ",":
                    self.next()
            self.next("]")
            return node
        if kind == 4:
            return Node("any")
        if kind in (0, 1, 2):
            return Node("scalar", json.loads(text), (a, b))
        raise ValueError(f"unexpected {text!r} in the JSON excerpt")

    def members(self, end: str | None) -> Node:
        node = Node("obj")
        while self.peek() != end:
            if self.peek() == ELL:
                self.next()
                node.open = True
            else:
                kind, text, _, _ = self.next()
                if kind != 0:
                    raise ValueError(f"expected a key, got {text!r} in the JSON excerpt")
                self.next(":")
                node.items.append((json.loads(text), self.value()))
            if self.peek() == ",":
                self.next()
        return node


def compare_json(node: Node, actual, path: str, ctx: Context, fixable: list[str],
                 manual: list[str], edits: list[tuple[int, int, str]]) -> None:
    """Differences after normalising: values (--update rewrites their span: fixable) and
    shapes (a key or element shown that the report lacks, or not shown: manual)."""
    def dumps(v) -> str:
        return json.dumps(v, ensure_ascii=False)
    where = path or "(top)"
    if node.kind == "any":
        return
    if node.kind == "obj":
        if not isinstance(actual, dict):
            manual.append(f"{where}: an object is shown, the report has {dumps(actual)[:80]}")
            return
        for key, sub in node.items:
            if key not in actual:
                manual.append(f"{path}.{key}: shown, not in the report" if path else
                              f"{key}: shown, not in the report")
            else:
                compare_json(sub, actual[key], f"{path}.{key}" if path else key, ctx,
                             fixable, manual, edits)
        hidden = [k for k in actual if k not in dict(node.items)]
        if hidden and not node.open:
            manual.append(f"{where}: keys {hidden} not shown: add them or a `…`")
        return
    if node.kind == "arr":
        if not isinstance(actual, list):
            manual.append(f"{where}: an array is shown, the report has {dumps(actual)[:80]}")
            return
        if len(node.items) > len(actual) or (not node.open and len(node.items) != len(actual)):
            manual.append(f"{where}: {len(node.items)} element(s) shown"
                          f"{' and more' if node.open else ''}, the report has {len(actual)}")
        for k, (sub, act) in enumerate(zip(node.items, actual)):
            compare_json(sub, act, f"{path}.{k}", ctx, fixable, manual, edits)
        return
    shown_v = node.value
    if isinstance(actual, (dict, list)):
        manual.append(f"{where}: a value is shown, the report has "
                      f"{'an object' if isinstance(actual, dict) else 'an array'}")
        return
    if isinstance(shown_v, str) and isinstance(actual, str):
        if not line_matches(normal(shown_v, ctx), normal(actual, ctx)):
            fixable.append(f"{where}: shown {dumps(shown_v)}, the report has {dumps(actual)}")
        if not line_matches(shown_v, actual):
            head = shown_v[:-1]
            new = actual[:len(head)] + ELL if shown_v.endswith(ELL) and ELL not in head \
                and len(actual) > len(head) else actual
            edits.append((*node.span, dumps(new)))
        return
    if dumps(shown_v) != dumps(actual):
        if not path.endswith("tool.version"):         # the version is normalised
            fixable.append(f"{where}: shown {dumps(shown_v)}, the report has {dumps(actual)}")
        edits.append((*node.span, dumps(actual)))


def pick(data, at: str | None):
    for part in (at.split(".") if at else []):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


# --- checking one block ---------------------------------------------------------------

@dataclass
class Outcome:
    block: Block
    problems: list[str] = field(default_factory=list)   # --update rewrites the block
    manual: list[str] = field(default_factory=list)     # --update cannot fix these
    new_body: list[str] | None = None           # what --update writes (None: leave it)

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.manual)

    def report(self) -> str:
        return "\n".join(self.manual + self.problems)

    @property
    def diff(self) -> str:
        if self.new_body is None or self.new_body == self.block.body:
            return ""
        b = self.block
        return "\n".join(difflib.unified_diff(
            b.body, self.new_body, f"{b.where} (shown)", f"{b.where} (actual)",
            lineterm="", n=2))


def groups(b: Block) -> list[tuple[str, list[str]]]:
    """A console block as (command, shown output) pairs."""
    if b.marker_cmd:
        return [(b.marker_cmd, b.body)]
    out: list[tuple[str, list[str]]] = []
    for s in b.body:
        if s.startswith("$ "):
            out.append((s[2:].strip(), []))
        elif out:
            out[-1][1].append(s)
        elif s.strip():
            raise ValueError(f"{b.where}: output before the first `$ ` line")
    return out


def exit_problems(b: Block, cmds: list[str], got: list[tuple[int, str]]) -> list[str]:
    return [f"{b.where}: `{c}` exited {rc}, expected {want}\n" + "\n".join(shown(out)[-15:])
            for c, (rc, out), want in zip(cmds, got, b.exits(len(cmds))) if rc != want]


def check(b: Block, ctx: Context, updating: bool = False) -> Outcome:
    """Run and compare one block; `updating` also builds what --update would write when
    the block matches after normalising (real sha256 and version)."""
    o = Outcome(b)
    if b.kind == "file":
        path = REPO / b.args.strip()
        want = path.read_text(encoding="utf-8").split("\n")
        if want and want[-1] == "":
            want.pop()
        if b.body != want:
            o.manual.append(f"{b.where}: the block is not the content of {b.args.strip()}:\n"
                              + "\n".join(difflib.unified_diff(want, b.body, b.args.strip(),
                                                               b.where, lineterm="", n=1)))
        return o
    if b.kind == "run":
        cmds = b.commands()
        o.manual += exit_problems(b, cmds, ctx.run(cmds))
        return o
    if b.kind == "output":
        pairs = groups(b)
        got = ctx.run([c for c, _ in pairs])
        o.manual += exit_problems(b, [c for c, _ in pairs], got)
        new: list[str] = []
        differs = False
        for (cmd, want), (_, out) in zip(pairs, got):
            raw = shown(out)
            if not b.marker_cmd:
                new.append(f"$ {cmd}")
            if lines_match([normal(s, ctx) for s in want], [normal(s, ctx) for s in raw]):
                new += realign(want, raw, ctx) if updating else want
            else:
                differs = True
                new += realign(want, raw, ctx)
        o.new_body = new
        if differs:
            o.problems.append(f"{b.where}: the output shown differs from the program's "
                              f"(python tests/docs_blocks.py --update rewrites it):\n{o.diff}")
        return o
    if b.kind == "json":
        body, cmd = b.body, b.marker_cmd
        if body and body[0].startswith("$ "):
            cmd, body = body[0][2:].strip(), body[1:]
        if "file" in b.opts:
            data = json.loads((ctx.where / b.opts["file"]).read_text(encoding="utf-8"))
        elif cmd:
            rc, out, err = ctx.stdout(cmd)
            if rc != b.exits(1)[0]:
                o.manual.append(f"{b.where}: `{cmd}` exited {rc}\n{err[-2000:]}")
                return o
            data = json.loads(out)
        else:
            raise ValueError(f"{b.where}: a json block needs file=NAME or a `$ ` command")
        data = pick(data, b.opts.get("at"))
        text = "\n".join(body)
        excerpt = Excerpt(text)
        edits: list[tuple[int, int, str]] = []
        fixable: list[str] = []
        manual: list[str] = []
        compare_json(excerpt.root, data, "", ctx, fixable, manual, edits)
        for a, z, rep in sorted(edits, reverse=True):
            text = text[:a] + rep + text[z:]
        o.new_body = b.body[:len(b.body) - len(body)] + text.split("\n")
        if manual:
            o.manual.append(f"{b.where}: the JSON shown does not have the report's shape "
                            "(fix the excerpt by hand):\n" + "\n".join("  " + p for p in manual))
        if fixable:
            o.problems.append(f"{b.where}: the JSON shown differs from the report "
                              "(python tests/docs_blocks.py --update rewrites it):\n"
                              + "\n".join("  " + p for p in fixable) + "\n" + o.diff)
        return o
    return o


def run_doc(doc: Path, updating: bool = False) -> list[Outcome]:
    """Check every marked block of a page, in order, in a fresh work folder."""
    with tempfile.TemporaryDirectory(prefix="enrt-docs-") as tmp:
        ctx = Context(make_workdir(Path(tmp)))
        outcomes = []
        for b in blocks(doc):
            if b.kind in ("run", "output", "json", "file"):
                try:
                    outcomes.append(check(b, ctx, updating))
                except Exception as exc:  # noqa: BLE001 - a broken block fails, not the run
                    outcomes.append(Outcome(b, manual=[f"{b.where}: {type(exc).__name__}: {exc}"]))
        return outcomes


def update(doc: Path, outcomes: list[Outcome]) -> int:
    lines = doc.read_text(encoding="utf-8").split("\n")
    changed = 0
    for o in sorted(outcomes, key=lambda o: o.block.start, reverse=True):
        # a block whose command failed, or whose shape differs, is left for a person
        if not o.manual and o.new_body is not None and o.new_body != o.block.body:
            lines[o.block.start:o.block.end] = o.new_body
            changed += 1
    if changed:
        doc.write_text("\n".join(lines), encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    import argparse
    from concurrent.futures import ThreadPoolExecutor
    p = argparse.ArgumentParser(description="Check (or --update) the command blocks of the docs.")
    p.add_argument("--update", action="store_true", help="rewrite the output blocks")
    p.add_argument("docs", nargs="*", type=Path, help="default: " + ", ".join(
        str(d.relative_to(REPO)) for d in DOCS))
    args = p.parse_args(argv)
    docs = [d.resolve() for d in args.docs] or DOCS
    with ThreadPoolExecutor(max_workers=len(docs)) as pool:
        results = list(pool.map(lambda d: run_doc(d, args.update), docs))
    status = 0
    for doc, outcomes in zip(docs, results):
        rel = doc.relative_to(REPO)
        if args.update:
            print(f"{rel}: {update(doc, outcomes)} block(s) rewritten")
        for o in outcomes:
            msgs = o.manual if args.update else o.manual + o.problems
            for msg in msgs:
                print(msg, file=sys.stderr)
            status |= bool(msgs)
        print(f"{rel}: {len(outcomes)} marked block(s), "
              f"{sum(1 for o in outcomes if o.failed)} differ"
              + (" before the update" if args.update else ""))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
