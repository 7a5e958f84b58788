"""The console script. ``enrt --version`` and ``enrt --help`` answer here, before any
import (issue 12: a command that says what it is should not load numpy); everything else
goes to the Typer app (``enrt.cli.main``). The top-level help below is the app's: a test
compares it with what Typer would print, command by command."""
from __future__ import annotations

import sys

SUMMARY = ("Environmental footprint of an organisation's digital equipment (loi REEN "
           "baseline) from spreadsheet inventories.")
OPTIONS = [("--version", "", "Show the version and the default factor set, then exit."),
           ("--debug", "", "Show Python tracebacks on errors (also ENRT_DEBUG=1)."),
           ("--help", "-h", "Show this message and exit.")]
COMMANDS = [
    ("assess", "Compute the annual footprint of the equipment listed in INPUT files."),
    ("batch", "Assess every commune on its own: one report each in DIR, a summary comparing "
              "them (synthese / summary) and the whole set's aggregate (ensemble / "
              "aggregate)."),
    ("compare", "Compare two campaigns' JSON reports: the change by criterion, category, "
                "department and indicator, and why (fleet size, mix, lifetimes, usage, "
                "electricity, factor set, services)."),
    ("map", "Write a YAML mapping (header -> field, label -> category, status -> meaning, "
            "sheet -> kind) of what enrt understood; labels and words it could not place "
            "are left empty."),
    ("schema", "Print the JSON Schema of the report, a factor file, a mapping file or a "
               "scenario."),
    ("simulate", "Project the footprint year by year to the scenario's horizon, with and "
                 "without its actions, each action's effect alone, and whether the target is "
                 "met."),
    ("template", "Write a blank inventory workbook: every sheet enrt reads, drop-down lists, "
                 "the 59 DINUM practices, and instructions."),
    ("factors", "List, show, check and compare factor sets."),
]


def run() -> int | None:
    args = sys.argv[1:]
    if args == ["--version"]:
        from .._version import DEFAULT_SET_ID, __version__
        return _say(f"enrt {__version__} (default factor set: {DEFAULT_SET_ID})\n")
    if args in (["--help"], ["-h"]):
        return _say(top_help())
    import os
    # pydantic (under Typer and the report model) would scan every installed package's
    # entry points for plugins; enrt uses none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .main import run as main
    try:
        code = main()
    except SystemExit as exc:
        code = exc.code
    return _exit(code)


def _exit(code) -> int:
    """Flush what was written, then leave without the interpreter's teardown (freeing
    every module's objects one by one takes longer than the work on a small file). Only
    the console script comes here; the library and the tests never do."""
    import os
    status = 0 if code is None else code if isinstance(code, int) else 1
    if isinstance(code, str):
        sys.stderr.write(code + "\n")
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout:
                status = status or 1        # a closed pipe: nothing more to say
    if "logging" in sys.modules:            # handlers flushed and closed, as at exit
        sys.modules["logging"].shutdown()
    if "multiprocessing" in sys.modules:    # no worker outlives the command
        for child in sys.modules["multiprocessing"].active_children():
            child.terminate()
            child.join(5)
    os._exit(status)


def _say(text: str) -> int:
    out = sys.stdout
    try:
        out.write(text)
    except UnicodeEncodeError:         # a console that cannot write the box: ASCII
        out.write(text.translate(_ASCII))
    out.flush()
    return 0


_ASCII = str.maketrans("╭╮╰╯─│", "++++-|")


def top_help(width: int | None = None) -> str:
    """The top-level help, boxed like Typer's, fitted to the terminal's width."""
    import os
    import shutil
    import textwrap
    if width is None:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else shutil.get_terminal_size().columns
    width = max(40, min(width, 120))

    def panel(title: str, rows: list[tuple[str, str]]) -> list[str]:
        left = max(len(a) for a, _ in rows)
        inner = width - 4
        text_width = max(10, inner - left - 2)
        out = [f"╭─ {title} " + "─" * max(0, width - len(title) - 5) + "╮"]
        for a, b in rows:
            lines = textwrap.wrap(b, text_width) or [""]
            for i, line in enumerate(lines):
                cell = f"{(a if i == 0 else ''):{left}}  {line}"
                out.append(f"│ {cell:{inner}} │")
        out.append("╰" + "─" * (width - 2) + "╯")
        return out

    opts = [(f"{name:10} {short:3}".rstrip() if short else name, text)
            for name, short, text in OPTIONS]
    lines = ["", " Usage: enrt [OPTIONS] COMMAND [ARGS]...", ""]
    lines += [" " + x for x in textwrap.wrap(SUMMARY, width - 2)]
    lines += [""] + panel("Options", opts) + panel("Commands", COMMANDS) + [""]
    return "\n".join(lines) + "\n"
