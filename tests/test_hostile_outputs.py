"""Hostile output paths (issue 8, point 2; DESIGN §3: an output path never replaces an input,
a device or a FIFO; only regular files are replaced, atomically).

Devices are only ever made inside a private mount namespace (``unshare -m``) on a tmpfs: no
test writes to the machine's /dev/null, /dev/full or /dev/stdout.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import typer

import enrt.cli.assess
import enrt.cli.map
from enrt import output
from enrt.cli.errors import handle_errors
from enrt.errors import UsageError
from enrt.output import OutputError, refuse_inputs, write_bytes

from .conftest import write_csv

ENRT = Path(sys.executable).parent / "enrt"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*args, **kw):
    if "stdout" not in kw:
        kw["capture_output"] = True
    return subprocess.run([str(ENRT), *map(str, args)], check=False, text=True,
                          timeout=120, **kw)


@pytest.fixture
def inv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "inv.csv", ["Type;Qté", "PC portable;2"])


def assess(inv: Path, tiny_set: Path, out, *extra, **kw):
    return run("assess", inv, "--factors", tiny_set, "--year", "2025", "-f", "json", "-q",
               "-o", out, *extra, **kw)


def one_clean_error(res) -> None:
    """Exit 2, 'Error: …' and 'Hint: …' and nothing else: no traceback, no 'internal error'."""
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("Error: ") and lines[1].startswith("Hint: "), \
        res.stderr
    assert "internal error" not in res.stderr and "Traceback" not in res.stderr


def tmp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- FIFOs, links, descriptors

def test_fifo_is_written_directly_and_stays_a_fifo(tmp_path, inv, tiny_set):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    res = assess(inv, tiny_set, fifo)
    reader.join(timeout=30)
    assert res.returncode == 0, res.stderr
    assert json.loads(got[0])["totals"]["gwp"]["total"] > 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert tmp_files(tmp_path) == []


def test_symlink_is_kept_and_its_target_updated(tmp_path, inv, tiny_set):
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "bilan.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(Path("reports") / "bilan.json")        # relative, as people make them
    res = assess(inv, tiny_set, link)
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and os.readlink(link) == str(Path("reports") / "bilan.json")
    assert json.loads(real.read_text(encoding="utf-8"))["totals"]["gwp"]["total"] > 0
    assert tmp_files(tmp_path) == tmp_files(tmp_path / "reports") == []


def test_dangling_symlink_creates_its_target(tmp_path, inv, tiny_set):
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "new.json")
    assert assess(inv, tiny_set, link).returncode == 0
    assert link.is_symlink() and (tmp_path / "new.json").is_file()


def test_symlink_to_a_fifo_writes_into_the_fifo(tmp_path, inv, tiny_set):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.json"
    link.symlink_to(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    res = assess(inv, tiny_set, link)
    reader.join(timeout=30)
    assert res.returncode == 0, res.stderr
    assert got[0].startswith(b"{") and link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_symlink_loop_is_one_line(tmp_path, inv, tiny_set):
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    res = assess(inv, tiny_set, tmp_path / "a.json")
    one_clean_error(res)
    assert "symbolic link loop" in res.stderr


def test_dev_fd_writes_to_the_descriptor_itself(tmp_path, inv, tiny_set):
    """-o /dev/fd/N (as /dev/stdout is /dev/fd/1): the open file is written, not replaced;
    a file opened for appending is appended to, as the shell's >> would."""
    log = tmp_path / "log.json"
    log.write_bytes(b"before\n")
    ino = log.stat().st_ino
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        res = assess(inv, tiny_set, f"/dev/fd/{fd}", pass_fds=(fd,))
    finally:
        os.close(fd)
    assert res.returncode == 0, res.stderr
    data = log.read_bytes()
    assert data.startswith(b"before\n{") and log.stat().st_ino == ino
    res = assess(inv, tiny_set, "/dev/fd/9")                 # not open in the child
    one_clean_error(res)


# ---------------------------------------------------------------- inputs are never outputs

def test_refuse_inputs_same_file_hard_link_and_symlink(tmp_path, inv):
    hard = tmp_path / "hard.csv"
    os.link(inv, hard)
    soft = tmp_path / "soft.csv"
    soft.symlink_to(inv)
    for target in (inv, hard, soft, tmp_path / "." / "inv.csv"):
        with pytest.raises(OutputError) as err:
            refuse_inputs(target, [tmp_path / "other.csv", inv])
        assert err.value.exit_code == 2 and err.value.hint
        assert isinstance(err.value, UsageError)
    refuse_inputs(tmp_path / "new.json", [inv])              # a new path
    refuse_inputs("-", [inv])
    refuse_inputs(tmp_path / "r.json", [None, "-", tmp_path / "missing.csv"])
    (tmp_path / "r.json").write_text("{}")
    refuse_inputs(tmp_path / "r.json", [inv])                # another regular file


_WIRED = "refuse_inputs" in Path(enrt.cli.assess.__file__).read_text(encoding="utf-8")
needs_assess_call = pytest.mark.skipif(not _WIRED, reason="cli/assess.py does not call "
                                                           "output.refuse_inputs yet")


@needs_assess_call
@pytest.mark.parametrize("how", ["same", "hard link", "symlink"])
def test_assess_refuses_to_overwrite_its_input(tmp_path, inv, tiny_set, how):
    before = inv.read_bytes()
    target = inv
    if how == "hard link":
        target = tmp_path / "copie.json"
        os.link(inv, target)
    elif how == "symlink":
        target = tmp_path / "lien.json"
        target.symlink_to(inv)
    res = assess(inv, tiny_set, target)
    one_clean_error(res)
    assert "the output path is an input" in res.stderr
    assert inv.read_bytes() == before and inv.stat().st_nlink == (2 if how == "hard link" else 1)


@pytest.mark.skipif("refuse_inputs" not in Path(enrt.cli.map.__file__).read_text(encoding="utf-8"),
                    reason="cli/map.py does not call output.refuse_inputs yet")
def test_map_refuses_to_overwrite_its_input(tmp_path, inv, tiny_set):
    before = inv.read_bytes()
    res = run("map", inv, "--factors", tiny_set, "-o", inv)
    one_clean_error(res)
    assert inv.read_bytes() == before


# ---------------------------------------------------------------- ordinary failures, one line

@pytest.mark.skipif(IS_ROOT or not hasattr(os, "geteuid"),
                    reason="root ignores folder permissions")
def test_read_only_folder_is_one_line(tmp_path, inv, tiny_set):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        res = assess(inv, tiny_set, folder / "r.json")
    finally:
        folder.chmod(0o755)
    one_clean_error(res)
    assert "permission denied" in res.stderr


def test_missing_folder_and_file_as_folder_are_one_line(tmp_path, inv, tiny_set):
    one_clean_error(assess(inv, tiny_set, tmp_path / "nope" / "r.json"))
    one_clean_error(assess(inv, tiny_set, inv / "r.json"))


def test_replaced_report_keeps_its_permissions(tmp_path, inv, tiny_set):
    out = tmp_path / "r.json"
    out.write_text("old")
    out.chmod(0o640)
    assert assess(inv, tiny_set, out).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text().startswith("{")


def _private_tmpfs(folder: Path, body: str, *args, mount_opts: str = "") -> subprocess.CompletedProcess:
    """Run ``body`` (sh) in a private mount namespace with a fresh tmpfs on ``folder`` ($D);
    skip when unshare, mount or mknod is not permitted here."""
    if not shutil.which("unshare") or sys.platform != "linux":
        pytest.skip("needs unshare (Linux)")
    folder.mkdir(exist_ok=True)
    opts = f"-o {mount_opts} " if mount_opts else ""
    script = (f'D="$1"; shift; mount -t tmpfs {opts}enrt-test "$D" || exit 97\n'
              + textwrap.dedent(body))
    res = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
                          str(folder), *map(str, args)], capture_output=True, text=True,
                         timeout=120, check=False)
    if res.returncode == 97 or res.stderr.startswith("unshare:"):
        pytest.skip(f"no private mount namespace here: {res.stderr.strip()}")
    return res


_DEVICES = """\
mknod "$D/full" c 1 7 && mknod "$D/null" c 1 3 || exit 97
"$@" -o "$D/full"; echo "full-rc=$?"
"$@" -o "$D/null"; echo "null-rc=$?"
stat -c '%F' "$D/full" "$D/null"
ls -A "$D"
"""


def test_devices_are_written_not_replaced(tmp_path, inv, tiny_set):
    """-o onto a full device (as /dev/full): one line "disk is full"; onto a null device (as
    /dev/null): success; both stay character devices. Made by mknod on a private tmpfs."""
    res = _private_tmpfs(tmp_path / "dev", _DEVICES, ENRT, "assess", inv, "--factors",
                         tiny_set, "--year", "2025", "-f", "json", "-q")
    out = res.stdout.splitlines()
    assert "full-rc=2" in out and "null-rc=0" in out, res.stdout + res.stderr
    assert out.count("character special file") == 2
    assert sorted(out[-2:]) == ["full", "null"]                  # no temp file, nothing else
    err = res.stderr.strip().splitlines()
    assert err == [f"Error: cannot write {tmp_path / 'dev' / 'full'}: the disk is full",
                   "Hint: free some space, or choose an -o path on another disk"]


def test_read_only_file_system_is_one_line(tmp_path, inv, tiny_set):
    res = _private_tmpfs(tmp_path / "ro", '"$@" -o "$D/r.json"; echo "rc=$?"\n', ENRT, "assess",
                         inv, "--factors", tiny_set, "--year", "2025", "-f", "json", "-q",
                         mount_opts="ro")
    assert res.stdout.strip() == "rc=2"
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2 and "read-only" in lines[0] and lines[1].startswith("Hint: ")
    assert "internal error" not in res.stderr


def test_closed_stdout_exits_quietly(tmp_path, inv, tiny_set):
    for fmt in ("json", "table"):
        r, w = os.pipe()
        os.close(r)                                           # the reader is gone
        try:
            res = run("assess", inv, "--factors", tiny_set, "--year", "2025", "-f", fmt,
                      stdout=w, stderr=subprocess.PIPE)
        finally:
            os.close(w)
        assert res.returncode in (0, 1) and res.stderr == "", res.stderr


def test_stdout_through_head_has_no_traceback(inv, tiny_set):
    cmd = f'"{ENRT}" assess "{inv}" --factors "{tiny_set}" --year 2025 -f json | head -c 10'
    res = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, timeout=120,
                         check=False)
    assert res.stdout.startswith("{") and len(res.stdout) == 10
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr


# ---------------------------------------------------------------- the temp file and signals

def test_temp_file_removed_and_handlers_restored_on_interrupt(tmp_path, monkeypatch):
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    target = tmp_path / "r.json"
    target.write_bytes(b"old")

    def interrupted(src, dst):
        raise KeyboardInterrupt
    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes(target, b"new")
    assert tmp_files(tmp_path) == [] and target.read_bytes() == b"old"
    assert {s: signal.getsignal(s) for s in before} == before


def test_os_errors_become_output_errors(tmp_path, monkeypatch):
    def full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), dst)
    monkeypatch.setattr(output.os, "replace", full)
    with pytest.raises(OutputError) as err:
        write_bytes(tmp_path / "r.json", b"data")
    assert "the disk is full" in str(err.value) and err.value.exit_code == 2
    assert tmp_files(tmp_path) == [] and not (tmp_path / "r.json").exists()


_SIGNAL_DURING_WRITE = """\
import os, signal, sys, time
from enrt import output
real_replace = os.replace
def replace(src, dst):
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    time.sleep(30)                      # the signal arrives here, with the temp file written
    real_replace(src, dst)
output.os.replace = replace
output.write_bytes(sys.argv[1], b"new report")
print("not reached")
"""


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32",
                    reason="POSIX signals")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_signal_during_write_removes_the_temp_file(tmp_path, sig):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    res = subprocess.run([sys.executable, "-c", _SIGNAL_DURING_WRITE, str(target), sig],
                         capture_output=True, text=True, timeout=60, check=False)
    assert "not reached" not in res.stdout
    if sig == "SIGTERM":
        assert res.returncode == -signal.SIGTERM, res.stderr     # ends by the signal (143)
    else:
        assert "KeyboardInterrupt" in res.stderr                 # the CLI makes it exit 130
    assert tmp_files(tmp_path) == [] and target.read_bytes() == b"old"


# ---------------------------------------------------------------- handle_errors

def test_handle_errors_turns_any_oserror_into_one_line(capsys):
    @handle_errors
    def cmd():
        raise PermissionError(errno.EACCES, "Permission denied", "out/r.json")
    with pytest.raises(typer.Exit) as exit_:
        cmd()
    assert exit_.value.exit_code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Error: Permission denied: out/r.json" and err[1].startswith("Hint: ")
    assert len(err) == 2


def test_handle_errors_lets_a_broken_stdout_through():
    @handle_errors
    def cmd():
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")
    with pytest.raises(BrokenPipeError):                     # Typer then exits 1 quietly
        cmd()
