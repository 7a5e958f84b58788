"""The package imports only point down: no module imports, directly or through others,
a module that imports it back (lazy imports inside functions count too)."""
import ast

from .conftest import REPO

SRC = REPO / "src" / "enrt"


def _module(path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for mod, path in modules.items():
        package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                names = [f"{target}.{a.name}" for a in node.names]
                found = [n for n in names if n in modules] or [target]
            elif isinstance(node, ast.Import):
                found = [a.name for a in node.names]
            else:
                continue
            graph[mod] |= {t for t in found if t in modules and t != mod}
    return graph


def test_no_import_circles():
    graph = _graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(m, stack):
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append(" -> ".join(stack[stack.index(n):] + [n]))
            elif n not in state:
                visit(n, stack + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_the_graph_sees_imports():
    graph = _graph()      # the test above would pass on an empty graph
    assert "enrt.factors.checks" in graph["enrt.factors.loader"]
    assert "enrt._version" in graph["enrt.report.build"]


def _imported_by(*args: str) -> set[str]:
    """The modules the installed ``enrt`` command imports (python -X importtime)."""
    import subprocess
    import sys
    from pathlib import Path
    script = Path(sys.executable).parent / "enrt"
    res = subprocess.run([sys.executable, "-X", "importtime", str(script), *args],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in res.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}


def test_version_imports_nothing_heavy():
    """issue 12: `enrt --version` answers before numpy, pydantic, rich or typer load."""
    mods = _imported_by("--version")
    assert "enrt._version" in mods
    heavy = {m for m in mods if m.split(".")[0] in ("numpy", "pydantic", "pydantic_core",
                                                    "rich", "typer", "click", "yaml")}
    assert not heavy, sorted(heavy)
