"""``enrt factors``: the sub-commands that inspect, check and compare factor sets."""
from __future__ import annotations

import typer

from .factors_check import check
from .factors_diff import diff
from .factors_list import list_command
from .factors_show import show

app = typer.Typer(no_args_is_help=True, help="List, show, check and compare factor sets.",
                  context_settings={"help_option_names": ["-h", "--help"]})
app.command("list")(list_command)
app.command("show")(show)
app.command("check")(check)
app.command("diff")(diff)
