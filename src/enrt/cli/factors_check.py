"""``enrt factors check``: validate factor files for CI (exit 0 valid, 1 findings, 2
unreadable path)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from .errors import EXIT_FINDINGS, EXIT_USAGE, handle_errors
from .options import Format


def _files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    files, unreadable = [], []
    for p in paths:
        if p.is_dir():
            found = sorted(x for x in p.rglob("*") if x.suffix.lower() in (".yaml", ".yml"))
            if not found:
                unreadable.append(f"{p}: no .yaml/.yml file in this folder")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            unreadable.append(f"{p}: no such file or folder")
    return files, unreadable


@handle_errors
def check(
    paths: list[Path] = typer.Argument(None, metavar="PATH",
                                       help="Factor files or folders (default: the shipped "
                                            "sets)."),
    fmt_: Format = typer.Option(Format.table, "--format", "-f",
                                help="table (one line per finding) or json"),
) -> None:
    """Validate factor files: schema, YAML traps, units, ranges, sources, aliases."""
    from ..errors import FactorSetError
    from ..factors.checks import FactorFileTooLarge, max_factor_bytes
    from ..factors.loader import check_file, shipped_dir
    from ..output import write_text
    max_factor_bytes()                  # a bad ENRT_MAX_FACTOR_BYTES stops here, exit 2
    files, unreadable = _files(paths or [shipped_dir()])
    findings = []
    for f in files:
        try:
            findings.extend(check_file(f)[1])
        except (OSError, UnicodeDecodeError) as exc:
            unreadable.append(f"{f}: cannot be read ({exc})")
        except FactorFileTooLarge as exc:
            unreadable.append(f"{exc}; hint: {exc.hint}")
        except FactorSetError as exc:     # the set an overlay extends cannot be loaded
            own = exc.file == str(f)      # an error on this file's own `extends` line
            findings.append({"file": str(f), "line": exc.row if own else None,
                             "path": "extends", "code": "extends",
                             "message": exc.message if own else str(exc), "fix": exc.hint or "",
                             "severity": "error"})
    rows = [x if isinstance(x, dict) else x.as_dict() for x in findings]
    errors = sum(1 for r in rows if r["severity"] == "error")
    if fmt_ is Format.json:
        write_text("-", json.dumps({"files": [str(f) for f in files], "unreadable": unreadable,
                                    "errors": errors, "findings": rows},
                                   indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        lines = [f"{_where(r)}: {r['severity']}: {r['path'] or '(file)'}: "
                 f"{r['message']} [{r['code']}]\n    fix: {r['fix']}" for r in rows]
        warnings = len(rows) - errors
        lines.append(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)")
        write_text("-", "\n".join(lines) + "\n")
    for u in unreadable:
        typer.echo(f"Error: {u}", err=True)
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if errors:
        raise typer.Exit(EXIT_FINDINGS)


def _where(r: dict) -> str:
    """file:line, or the file alone when the finding has no line (not ``file::``)."""
    return f"{r['file']}:{r['line']}" if r["line"] else r["file"]
