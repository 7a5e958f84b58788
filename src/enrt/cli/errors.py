"""The one place where library errors become messages and exit codes (DESIGN §3)."""
from __future__ import annotations

import errno
import functools
import os

import typer

from ..errors import EnrtError
from ..inert import safe

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_state = {"debug": False}


def set_debug(value: bool) -> None:
    _state["debug"] = value or os.environ.get("ENRT_DEBUG", "") not in ("", "0")


def _debug() -> bool:
    return _state["debug"] or os.environ.get("ENRT_DEBUG", "") not in ("", "0")


def report_error(err: EnrtError) -> None:
    typer.echo(f"Error: {safe(str(err))}", err=True)
    if err.hint:
        typer.echo(f"Hint: {safe(err.hint)}", err=True)


_OS_HINTS = {
    errno.ENOSPC: "free some disk space, or use another disk",
    errno.EACCES: "check the permissions, or choose another folder",
    errno.EPERM: "check the permissions, or choose another folder",
    errno.EROFS: "the disk is read-only: choose a writable folder",
    errno.ELOOP: "a symbolic link points to itself: fix or remove it",
    errno.ENOENT: "check the path",
    errno.ENOTDIR: "a part of the path is not a folder: check the path",
    errno.EISDIR: "give a file, not a folder",
    errno.ENAMETOOLONG: "use a shorter path",
    errno.EIO: "check the disk or the network share, then try again",
}
if hasattr(errno, "EDQUOT"):
    _OS_HINTS[errno.EDQUOT] = "free some disk space, or use another disk"


def report_os_error(err: OSError) -> None:
    """One line and a hint for an OSError, e.g. "Error: Permission denied: out/r.json"."""
    what = err.strerror or type(err).__name__
    where = ": ".join(os.fsdecode(f) if isinstance(f, (str, bytes, os.PathLike)) else str(f)
                      for f in (err.filename, err.filename2) if f is not None)
    typer.echo(safe(f"Error: {what}: {where}" if where else f"Error: {what}"), err=True)
    typer.echo(f"Hint: {_OS_HINTS.get(err.errno, 'check the path and the disk, then try again')}",
               err=True)


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
        except BrokenPipeError:
            raise      # stdout closed by its reader (`| head`): Typer exits 1 quietly
        except OSError as err:  # an ordinary failure of the system, not a bug
            if _debug():
                raise
            report_os_error(err)
            raise typer.Exit(EXIT_USAGE) from None
        except Exception as exc:  # a bug: say so plainly
            if _debug():
                raise
            typer.echo(safe(f"Error: internal error: {type(exc).__name__}: {exc}"), err=True)
            typer.echo("Hint: run again with --debug for the traceback and report it", err=True)
            raise typer.Exit(EXIT_USAGE) from None
    return wrapper
