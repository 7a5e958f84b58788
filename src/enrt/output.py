"""Write outputs safely (DESIGN §3: an output path never replaces an input, a device or a
FIFO; only regular files are replaced, atomically).

- a regular file or a new path: a temp file beside it, then a rename, so a failed or
  interrupted run never leaves a partial report where the user expects a complete one; the
  temp file is removed on any error and on SIGTERM/SIGINT;
- a symbolic link: its target is written (the link is kept);
- a device, a FIFO or a socket (``-o /dev/null``, ``-o /dev/full``, ``-o fifo``): written
  directly, never replaced; ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to the
  file descriptor itself;
- an output that is one of the inputs is refused (:func:`refuse_inputs`);
- every ``OSError`` becomes an :class:`OutputError`: one line and a hint.
"""
from __future__ import annotations

import errno
import os
import re
import signal
import socket
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable

from .errors import UsageError
from .messages import term

_MAX_LINKS = 40          # as the kernel's MAXSYMLINKS
_FD_PATH = re.compile(r"/(?:dev|proc/(?P<pid>self|thread-self|\d+))/fd/(?P<fd>\d+)")
_STD_PATHS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}

# errno -> (reason, hint): the catalogue's term "os-reason.<name>" and error hint
# "output.<name>" (enrt.messages)
_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("ENOSPC", "ENOSPC"), errno.EACCES: ("EACCES", "EACCES"),
    errno.EPERM: ("EACCES", "EACCES"), errno.EROFS: ("EROFS", "EROFS"),
    errno.ELOOP: ("ELOOP", "ELOOP"), errno.ENOENT: ("ENOENT", "ENOENT"),
    errno.ENOTDIR: ("ENOTDIR", "ENOTDIR"), errno.EISDIR: ("EISDIR", "EISDIR"),
    errno.ENAMETOOLONG: ("ENAMETOOLONG", "ENAMETOOLONG"), errno.EPIPE: ("EPIPE", "EPIPE"),
    errno.ENXIO: ("ENXIO", "ENXIO"), errno.EBADF: ("EBADF", "EBADF"), errno.EIO: ("EIO", "EIO"),
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = ("EDQUOT", "ENOSPC")


class OutputError(UsageError):
    """The report cannot be written where asked (exit 2)."""

    exit_code = 2


def output_error(err: OSError, target: str | os.PathLike) -> OutputError:
    """One line and a hint for an ``OSError`` met while writing ``target``."""
    known = _REASONS.get(err.errno)
    reason = term(f"os-reason.{known[0]}") if known else (err.strerror or str(err))
    return OutputError.make("output.cannot-write", path=os.fspath(target), reason=reason,
                            hint_id=f"output.{known[1]}" if known else "output.other")


def refuse_inputs(target: str | os.PathLike, inputs: Iterable[str | os.PathLike | None]) -> None:
    """Raise :class:`OutputError` (exit 2) when ``target`` is the same file as one of ``inputs``,
    also through a symbolic or hard link. ``'-'``, ``None`` and missing paths are skipped; only
    a regular file can clash (writing to a device or FIFO never replaces it)."""
    if target is None or os.fspath(target) == "-":
        return
    try:
        out = os.stat(target)
    except (OSError, ValueError):
        return                                   # a new path, or write_bytes will say why
    if not stat.S_ISREG(out.st_mode):
        return
    for given in inputs:
        if given is None or os.fspath(given) == "-":
            continue
        try:
            st = os.stat(given)
        except (OSError, ValueError):
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            same = "" if os.fspath(given) == os.fspath(target) else \
                term("output.same-file", other=os.fspath(given))
            raise OutputError.make("output.is-input", path=os.fspath(target), same=same)


def write_text(target: str, content: str) -> None:
    """Write ``content`` to ``target`` ('-' = stdout); see :func:`write_bytes`."""
    if target == "-":
        sys.stdout.write(content)                # BrokenPipeError goes up: the CLI exits quietly
        sys.stdout.flush()
        return
    write_bytes(target, content.encode("utf-8"))


def write_bytes(target: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``target`` ('-' = stdout): atomically onto a regular file or a new
    path, directly onto a device, FIFO or socket (see the module docstring)."""
    if target == "-":
        out = getattr(sys.stdout, "buffer", None)
        if out is None:                          # a text-only stream (embedding, tests)
            sys.stdout.write(data.decode("utf-8", errors="replace"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        sys.stdout.flush()
        return
    shown = os.fspath(target)
    if not shown:
        raise OutputError.make("output.empty")
    path, fd = _resolve(shown)
    if fd is not None:
        _write_fd(fd, data, shown)
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise output_error(err, shown) from None
    if (st is not None and stat.S_ISDIR(st.st_mode)) or not os.path.basename(path):
        raise OutputError.make("output.folder", path=shown)
    if st is not None and stat.S_ISSOCK(st.st_mode):
        _write_socket(path, data, shown)
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        if _write_direct(path, data, shown):
            return
        st = None                                # became a regular file meanwhile: replace it
    _write_atomic(path, data, shown, st)


def _resolve(target: str) -> tuple[str, int | None]:
    """Follow the symbolic links of the last component: (path to write, None), or
    (path, fd) when it names one of this process's file descriptors (/dev/stdout...)."""
    path = target
    for _ in range(_MAX_LINKS):
        fd = _own_fd(path)
        if fd is not None:
            return path, fd
        try:
            link = os.readlink(path)
        except (OSError, ValueError):
            return path, None                    # not a link, or missing: stat/mkstemp will tell
        path = os.path.join(os.path.dirname(path), link)
    raise output_error(OSError(errno.ELOOP, os.strerror(errno.ELOOP)), target)


def _own_fd(path: str) -> int | None:
    norm = os.path.normpath(path)
    if norm in _STD_PATHS:
        return _STD_PATHS[norm]
    m = _FD_PATH.fullmatch(norm)
    if m and m["pid"] in (None, "self", "thread-self", str(os.getpid())):
        return int(m["fd"])
    return None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _write_fd(fd: int, data: bytes, shown: str) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()                       # keep the order of what was written before
        except (OSError, ValueError, AttributeError):
            pass
    try:
        _write_all(fd, data)
    except BrokenPipeError:
        if fd == 1:
            raise                                # stdout closed (`| head`): the CLI exits quietly
        raise output_error(BrokenPipeError(errno.EPIPE, "broken pipe"), shown) from None
    except OSError as err:
        raise output_error(err, shown) from None


def _write_direct(path: str, data: bytes, shown: str) -> bool:
    """Write into a device or FIFO without replacing it; False if it is now a regular file."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise output_error(err, shown) from None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        _write_all(fd, data)
    except OSError as err:
        raise output_error(err, shown) from None
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
    return True


def _write_socket(path: str, data: bytes, shown: str) -> None:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(path)
            sock.sendall(data)
    except OSError as err:
        raise output_error(err, shown) from None


def _write_atomic(path: str, data: bytes, shown: str, st: os.stat_result | None) -> None:
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise OutputError.make("output.no-folder", folder=folder)
    # a replaced report keeps its permissions; a new one is a normal file (mkstemp makes 0600)
    mode = st.st_mode & 0o777 if st is not None else 0o666 & ~_umask()
    with _TempGuard() as guard:
        try:
            with guard.blocked():                # no signal between creating and recording it
                fd, guard.tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.",
                                                 suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                os.chmod(guard.tmp, mode)
                fh.write(data)
            os.replace(guard.tmp, path)
            guard.tmp = None
        except OSError as err:
            raise output_error(err, shown) from None


class _Interrupted(BaseException):
    """SIGTERM or SIGINT arrived while a temp file existed."""


class _TempGuard:
    """Remove ``tmp`` on any exception and on SIGTERM/SIGINT, then restore the signal handlers
    and re-deliver the signal (SIGTERM: the process ends by it, exit 143 in the shell; SIGINT:
    KeyboardInterrupt, exit 130)."""

    _SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGINT") if hasattr(signal, n))

    def __init__(self) -> None:
        self.tmp: str | None = None
        self.signum: int | None = None
        self.old: dict[int, object] = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in self._SIGNALS:
                old = signal.getsignal(sig)
                if old is None or old == signal.SIG_IGN:
                    continue                     # set outside Python, or ignored: leave it
                self.old[sig] = old
                signal.signal(sig, self._handler)
        return self

    def _handler(self, signum: int, frame) -> None:
        if self.signum is None:                  # a second signal during the cleanup: ignored
            self.signum = signum
            raise _Interrupted(signum)

    def blocked(self):
        return _Blocked(tuple(self.old))

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None
        for sig, old in self.old.items():
            signal.signal(sig, old)
        if self.signum is not None:
            signal.raise_signal(self.signum)     # the original disposition applies now
            raise SystemExit(128 + self.signum)  # if that handler returned
        return False


class _Blocked:
    def __init__(self, signals: tuple[int, ...]) -> None:
        self.signals = signals if hasattr(signal, "pthread_sigmask") else ()

    def __enter__(self) -> None:
        if self.signals:
            self.mask = signal.pthread_sigmask(signal.SIG_BLOCK, self.signals)

    def __exit__(self, *exc) -> None:
        if self.signals:
            signal.pthread_sigmask(signal.SIG_SETMASK, self.mask)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

