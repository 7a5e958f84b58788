"""The one place where library errors become messages and exit codes (DESIGN §3)."""
from __future__ import annotations

import functools
import os

import typer

from ..errors import EnrtError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_state = {"debug": False}


def set_debug(value: bool) -> None:
    _state["debug"] = value or os.environ.get("ENRT_DEBUG", "") not in ("", "0")


def _debug() -> bool:
    return _state["debug"] or os.environ.get("ENRT_DEBUG", "") not in ("", "0")


def report_error(err: EnrtError) -> None:
    typer.echo(f"Error: {err}", err=True)
    if err.hint:
        typer.echo(f"Hint: {err.hint}", err=True)


def handle_errors(fn):
    """Decorator for commands: EnrtError -> message + exit code; no traceback unless --debug."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except EnrtError as err:
            if _debug():
                raise
            report_error(err)
            raise typer.Exit(err.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: say so plainly
            if _debug():
                raise
            typer.echo(f"Error: internal error: {type(exc).__name__}: {exc}", err=True)
            typer.echo("Hint: run again with --debug for the traceback and report it", err=True)
            raise typer.Exit(EXIT_USAGE) from None
    return wrapper
