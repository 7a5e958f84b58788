"""Where a batch writes: one report per commune in each asked format, the aggregate and
the summary, in one folder.

Names: the commune's name (its Organisation sheet's, else its file's), made safe for a
file name on every system (no separator, no `..`, no control or reserved character, no
reserved Windows name, at most 100 characters). Two communes of the same name get
"Name (2)"; a name that would replace an input or the summary gets the next number too.
Reports are written in input order, whatever order the communes finish in, so names
and bytes are the same for any ``--jobs``. Each file is written atomically
(``output.write_bytes``): an interrupted batch leaves whole files only.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .batch import BatchResult, Commune
from .batch_summary import commune_name, render_summary
from .errors import UsageError
from .output import write_bytes
from .report.render import NEEDS_ROWS, RenderContext, render

SUFFIX = {"json": ".json", "csv": ".csv", "xlsx": ".xlsx", "md": ".md", "html": ".html",
          "pdf": ".pdf"}
BATCH_FORMATS = tuple(SUFFIX)
RESERVED = {"fr": ("synthese", "ensemble"), "en": ("summary", "aggregate")}
MAX_NAME = 100
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|]+')
_WINDOWS = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
            *(f"lpt{i}" for i in range(10))}


def safe_name(text: str, fallback: str = "commune") -> str:
    """``text`` as a file name: separators and characters a system refuses become "_",
    spaces are squeezed, leading dots and trailing dots or spaces go; never empty, never
    a reserved device name."""
    name = unicodedata.normalize("NFC", str(text))
    name = "".join(" " if unicodedata.category(c) in ("Zl", "Zp", "Cf") else c for c in name)
    name = re.sub(r"_{2,}", "_", re.sub(r"\.{2,}", "", _UNSAFE.sub("_", name)))
    name = re.sub(r"\s+", " ", name).strip().lstrip(".").rstrip(". ")
    name = name[:MAX_NAME].rstrip(". ")
    if not name or set(name) <= {"_", " "}:
        name = fallback
    if name.split(".")[0].casefold() in _WINDOWS:
        name = "_" + name
    return name


class BatchWriter:
    """Writes each commune's reports once every commune before it is written."""

    def __init__(self, out_dir: str | Path, formats: list[str], lang: str,
                 inputs: list[str]):
        self.dir = Path(out_dir)
        if self.dir.exists() and not self.dir.is_dir():
            raise UsageError.make("batch.output-is-file", path=str(out_dir))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.formats, self.lang = formats, lang
        self.summary_name, self.aggregate_name = RESERVED[lang]
        self.used = {self.summary_name.casefold(), self.aggregate_name.casefold()}
        self.inputs = {_key(Path(p)) for p in inputs}
        self.waiting: dict[int, Commune] = {}
        self.next = 0
        self.written: dict[int, list[str]] = {}    # commune index -> files written

    def add(self, commune: Commune) -> list[Commune]:
        """Keep ``commune``; write it and every commune that was waiting for it. Returns
        the communes written now, in order."""
        self.waiting[commune.index] = commune
        out = []
        while self.next in self.waiting:
            c = self.waiting.pop(self.next)
            self.written[c.index] = self._write_commune(c) if c.ok else []
            out.append(c)
            self.next += 1
        return out

    def skip_to_end(self) -> None:
        """Nothing more will come (interrupted): communes still waiting are not written."""
        self.waiting.clear()

    def _name(self, wanted: str) -> str:
        base = safe_name(wanted)
        name, n = base, 1
        while name.casefold() in self.used or any(
                _key(self.dir / (name + SUFFIX[f])) in self.inputs for f in self.formats):
            n += 1
            name = f"{base} ({n})"
        self.used.add(name.casefold())
        return name

    def _write_commune(self, c: Commune) -> list[str]:
        name = self._name(commune_name(c))
        return self._write_report(name, c.report, c.rows)

    def _write_report(self, name: str, report, rows) -> list[str]:
        paths = []
        for fmt in self.formats:
            target = self.dir / (name + SUFFIX[fmt])
            ctx = RenderContext(lang=self.lang, rows=rows if fmt in NEEDS_ROWS else None)
            write_bytes(target, render(report, fmt, ctx))
            paths.append(str(target))
        return paths

    def finish(self, result: BatchResult) -> list[str]:
        """The aggregate's reports (row-level formats list no rows for it: the communes'
        files do) and the summary, in each format."""
        paths = []
        if result.aggregate is not None:
            for fmt in self.formats:
                if fmt == "csv":          # the CSV lists rows: the communes' files have them
                    continue
                target = self.dir / (self.aggregate_name + SUFFIX[fmt])
                write_bytes(target, render(result.aggregate, fmt, RenderContext(lang=self.lang)))
                paths.append(str(target))
        for fmt in self.formats:
            target = self.dir / (self.summary_name + SUFFIX[fmt])
            write_bytes(target, render_summary(result, fmt, self.lang))
            paths.append(str(target))
        return paths


def _key(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except OSError:
        return os.path.normcase(str(path.absolute()))
