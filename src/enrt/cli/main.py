"""Entry point: the Typer app, global options, and the command modules it mounts."""
from __future__ import annotations

import os
import sys

import typer

from .._version import DEFAULT_SET_ID, __version__
from . import assess as assess_cmd
from .batch import batch as batch_cmd
from .compare import compare as compare_cmd
from .simulate import simulate as simulate_cmd
from . import factors as factors_cmd
from .map import map_command
from .schema import schema
from .template import template
from .errors import set_debug

def _flags_without_type() -> None:
    """Typer's help shows ``<bool>`` beside on/off flags, which reads as if they took a
    value (``--strict <bool>``); a flag takes none, so its type column stays empty."""
    option = getattr(typer.core, "TyperOption", None)
    shown = getattr(option, "display_type_rich", None)
    if shown is None:
        return

    def display_type_rich(self, ctx):
        if self.is_flag and not self.count:
            return None
        return shown(self, ctx)
    option.display_type_rich = display_type_rich


_flags_without_type()

app = typer.Typer(name="enrt", no_args_is_help=True, add_completion=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Environmental footprint of an organisation's digital equipment "
                       "(loi REEN baseline) from spreadsheet inventories.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"enrt {__version__} (default factor set: {DEFAULT_SET_ID})")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and the default factor set, then exit."),
    debug: bool = typer.Option(False, "--debug", help="Show Python tracebacks on errors "
                                                      "(also ENRT_DEBUG=1)."),
) -> None:
    set_debug(debug)


app.command("assess")(assess_cmd.assess)
app.command("batch")(batch_cmd)
app.command("compare")(compare_cmd)
app.add_typer(factors_cmd.app, name="factors")
app.command("map")(map_command)
app.command("schema")(schema)
app.command("simulate")(simulate_cmd)
app.command("template")(template)


def run() -> None:
    # a closed stdout or stderr (`enrt … >&-`) is like a reader gone: output is dropped
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    app(args=optional_draws(sys.argv[1:]), prog_name="enrt")


DRAWS_OPTION = "--uncertainty"


def optional_draws(args: list[str]) -> list[str]:
    """``--uncertainty`` takes an optional number of draws (DESIGN §3): given alone, or
    followed by something that is not a number, it means the default 10,000. Click has no
    optional option value, so the default is written in here."""
    from ..montecarlo import DEFAULT_DRAWS
    out = []
    for i, arg in enumerate(args):
        out.append(arg)
        if arg == "--":
            out.extend(args[i + 1:])
            break
        if arg == DRAWS_OPTION and (i + 1 == len(args) or not args[i + 1].isdigit()):
            out.append(str(DEFAULT_DRAWS))
    return out
