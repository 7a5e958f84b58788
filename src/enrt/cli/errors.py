"""The one place where library errors become messages and exit codes (DESIGN §3)."""
from __future__ import annotations

import errno
import functools
import os

import typer

from ..errors import EnrtError
from ..i18n import LANGS, detect_lang
from ..inert import safe
from ..messages import error, error_hint, term

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_state = {"debug": False}


def set_debug(value: bool) -> None:
    _state["debug"] = value or os.environ.get("ENRT_DEBUG", "") not in ("", "0")


def _debug() -> bool:
    return _state["debug"] or os.environ.get("ENRT_DEBUG", "") not in ("", "0")


def report_error(err: EnrtError, lang: str = "en") -> None:
    _, hint = err.text(lang)
    typer.echo(term("cli.error", text=safe(err.describe(lang))).text(lang), err=True)
    if hint:
        typer.echo(term("cli.hint", text=safe(hint)).text(lang), err=True)


# errno -> the catalogue's error hint "os.<name>" (enrt.messages)
_OS_HINTS = {
    errno.ENOSPC: "ENOSPC", errno.EACCES: "EACCES", errno.EPERM: "EACCES",
    errno.EROFS: "EROFS", errno.ELOOP: "ELOOP", errno.ENOENT: "ENOENT",
    errno.ENOTDIR: "ENOTDIR", errno.EISDIR: "EISDIR", errno.ENAMETOOLONG: "ENAMETOOLONG",
    errno.EIO: "EIO",
}
if hasattr(errno, "EDQUOT"):
    _OS_HINTS[errno.EDQUOT] = "ENOSPC"


def report_os_error(err: OSError, lang: str = "en") -> None:
    """One line and a hint for an OSError, e.g. "Error: Permission denied: out/r.json"
    (the system's own words for what went wrong)."""
    what = err.strerror or type(err).__name__
    where = ": ".join(os.fsdecode(f) if isinstance(f, (str, bytes, os.PathLike)) else str(f)
                      for f in (err.filename, err.filename2) if f is not None)
    typer.echo(safe(term("cli.error", text=f"{what}: {where}" if where else what).text(lang)),
               err=True)
    hint = error_hint(f"os.{_OS_HINTS.get(err.errno, 'other')}")
    typer.echo(term("cli.hint", text=hint).text(lang), err=True)


def _lang(given) -> str:
    """The language of the messages: the command's --lang when it is a valid one, else
    the environment's (LC_ALL, LC_MESSAGES, LANG)."""
    given = getattr(given, "value", given)
    return given if given in LANGS else detect_lang()


def handle_errors(fn):
    """Decorator for commands: EnrtError -> message + exit code, in the command's language;
    no traceback unless --debug."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        lang = _lang(kwargs.get("lang"))
        try:
            return fn(*args, **kwargs)
        except EnrtError as err:
            if _debug():
                raise
            report_error(err, lang)
            raise typer.Exit(err.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            raise      # stdout closed by its reader (`| head`): Typer exits 1 quietly
        except OSError as err:  # an ordinary failure of the system, not a bug
            if _debug():
                raise
            report_os_error(err, lang)
            raise typer.Exit(EXIT_USAGE) from None
        except Exception as exc:  # a bug: say so plainly
            if _debug():
                raise
            typer.echo(safe(term("cli.error", text=error(
                "cli.internal", kind=type(exc).__name__, detail=str(exc))).text(lang)),
                err=True)
            typer.echo(term("cli.hint", text=error_hint("cli.internal")).text(lang), err=True)
            raise typer.Exit(EXIT_USAGE) from None
    return wrapper
