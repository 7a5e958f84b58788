"""A small Chrome DevTools Protocol client for the browser test: start a headless
Chromium, open one page, load a file, collect what the page did, take a screenshot.

    with Browser.start(binary, profile_dir) as browser:
        page = browser.new_page(width=1200, height=1600)
        events = page.load("file:///tmp/rapport.html")
        png = page.screenshot()

Every wait is bounded; the browser process is killed on leaving the ``with`` block.
Talks over one websocket (``websocket-client``) to the browser endpoint, with a flat
session on the page target (``Target.attachToTarget`` with ``flatten``).
"""
from __future__ import annotations

import base64
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import websocket  # websocket-client

BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


class CDPError(RuntimeError):
    pass


def find_browser() -> str | None:
    for name in BINARIES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _kill(proc: subprocess.Popen) -> None:
    """End the browser and the helper processes it started (its own process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


class Browser:
    def __init__(self, proc: subprocess.Popen, ws: websocket.WebSocket, stderr: list[str]):
        self.proc, self.ws, self.stderr = proc, ws, stderr
        self._id = 0
        self.events: list[dict] = []              # every event received, in order

    @classmethod
    def start(cls, binary: str, profile: Path, timeout: float = 30.0) -> Browser:
        cmd = [binary, "--headless=new", "--remote-debugging-port=0",
               f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
               "--disable-gpu", "--disable-extensions", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
               "--no-sandbox",           # containers and CI run as root
               "about:blank"]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, errors="replace",
                                start_new_session=True)     # its helpers in one group
        lines: queue.Queue[str | None] = queue.Queue()
        kept: list[str] = []

        def pump() -> None:                       # stderr read off the main thread
            for line in proc.stderr:
                kept.append(line)
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + timeout
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CDPError(f"no DevTools endpoint after {timeout} s: "
                                   f"{''.join(kept)[-2000:]}")
                try:
                    line = lines.get(timeout=left)
                except queue.Empty:
                    continue
                if line is None:
                    raise CDPError(f"browser exited ({proc.poll()}): {''.join(kept)[-2000:]}")
                m = LISTENING.search(line)
                if m:
                    ws = websocket.create_connection(m.group(1), timeout=timeout,
                                                     suppress_origin=True)
                    return cls(proc, ws, kept)
        except BaseException:
            _kill(proc)
            raise

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (CDPError, websocket.WebSocketException, OSError):
            pass                                  # gone already: killed below anyway
        try:
            self.ws.close()
        except (websocket.WebSocketException, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        _kill(self.proc)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30.0) -> dict:
        """Send a command, wait for its answer (events meanwhile are kept)."""
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline, method)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def wait_event(self, method: str, session: str | None = None, timeout: float = 30.0,
                   since: int = 0) -> dict:
        """The first event ``method`` at index ``since`` or later, waiting for it."""
        deadline = time.monotonic() + timeout
        seen = since
        while True:
            for ev in self.events[seen:]:
                if ev["method"] == method and (session is None or ev.get("sessionId") == session):
                    return ev
            seen = len(self.events)
            self._receive(deadline, method)

    def drain(self, seconds: float) -> None:
        """Keep the events that arrive within ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self._receive(deadline, "drain")
            except CDPError:
                return

    def _receive(self, deadline: float, what: str) -> dict:
        left = deadline - time.monotonic()
        if left <= 0:
            raise CDPError(f"timed out waiting for {what}")
        self.ws.settimeout(left)
        try:
            msg = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            raise CDPError(f"timed out waiting for {what}") from None
        if "method" in msg:
            self.events.append(msg)
        return msg

    def new_page(self, width: int = 1200, height: int = 1600) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Network", "Log", "Runtime", "Page"):
            page.call(f"{domain}.enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page


class Page:
    def __init__(self, browser: Browser, session: str):
        self.browser, self.session = browser, session

    def call(self, method: str, params: dict | None = None, timeout: float = 30.0) -> dict:
        return self.browser.call(method, params, self.session, timeout)

    def load(self, url: str, timeout: float = 30.0, settle: float = 0.5) -> list[dict]:
        """Navigate, wait for the load event and ``settle`` seconds more; the page's
        events from the navigation on."""
        start = len(self.browser.events)
        reply = self.call("Page.navigate", {"url": url}, timeout)
        if reply.get("errorText"):
            raise CDPError(f"navigation to {url} failed: {reply['errorText']}")
        self.browser.wait_event("Page.loadEventFired", self.session, timeout, since=start)
        self.browser.drain(settle)
        return [e for e in self.browser.events[start:] if e.get("sessionId") == self.session]

    def screenshot(self, timeout: float = 30.0) -> bytes:
        data = self.call("Page.captureScreenshot", {"format": "png"}, timeout)["data"]
        return base64.b64decode(data)

    def evaluate(self, expression: str, timeout: float = 30.0):
        reply = self.call("Runtime.evaluate", {"expression": expression,
                                               "returnByValue": True}, timeout)
        return reply.get("result", {}).get("value")


def problems(events: list[dict]) -> list[str]:
    """What went wrong on the page: failed loads, requests other than file: and data:,
    exceptions, console and log errors."""
    found = []
    for ev in events:
        m, p = ev["method"], ev.get("params", {})
        if m == "Network.loadingFailed":
            found.append(f"loading failed: {p.get('errorText')} ({p.get('requestId')})")
        elif m == "Network.requestWillBeSent":
            url = p.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:")):
                found.append(f"request to {url}")
        elif m == "Runtime.exceptionThrown":
            found.append(f"exception: {p.get('exceptionDetails', {}).get('text')}")
        elif m == "Runtime.consoleAPICalled" and p.get("type") == "error":
            found.append(f"console error: {p.get('args')}")
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            found.append(f"log error: {p['entry'].get('text')} {p['entry'].get('url', '')}")
    return found
