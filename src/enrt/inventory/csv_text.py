"""How a CSV file is encoded, and whether its lines are bounded, in one streamed pass.

French users bring UTF-8 (with or without BOM), Windows-1252 (Excel "CSV séparateur
point-virgule"), sometimes Mac Roman or DOS code pages. A file that is UTF-8 except a
few bad bytes stays UTF-8 (the bad bytes shown as U+FFFD, the lines named); otherwise
the legacy code page whose decoding gives French text is chosen, and a file no code page
reads as French text is refused, never decoded into "QuantitÃ©" in silence. A line
longer than the bound (a missing newline, a binary file) is refused before it is held
in memory.
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

BLOCK = 1 << 20
LEGACY = ("cp1252", "mac_roman", "cp850")
# letters and signs a French or English inventory holds outside ASCII
GOOD = set("éèêëàâäçùûüîïôöœæÉÈÊËÀÂÄÇÙÛÜÎÏÔÖŒÆ°€£’‘“”«»–—…·²³µ ×")
COMMON = set("éèàçêô")
_ASCII = bytes(range(128))
_HIGH = re.compile(r"[^\x00-\x7f]")


def max_line_bytes() -> int:
    """The longest line accepted (ENRT_MAX_LINE_BYTES, default 1 MB)."""
    return int(os.environ.get("ENRT_MAX_LINE_BYTES", 1 << 20))


@dataclass
class CsvFacts:
    encoding: str
    errors: str = "strict"
    bad_lines: list[int] = field(default_factory=list)   # lines with invalid UTF-8 bytes


def examine(path: Path, data: bytes | None = None) -> CsvFacts:
    """``data``: the file's bytes when they are already in memory (read once)."""
    limit = max_line_bytes()
    size = min(BLOCK, limit)
    bom = False
    invalid, non_ascii, line, run = 0, 0, 1, 0
    bad_lines: list[int] = []
    sample = bytearray()
    carry = b""
    legacy = False
    offset = 0                  # bytes before this block; lines counted up to ``counted``
    counted = 0
    with (open(path, "rb") if data is None else _Blocks(data)) as fh:
        first = True
        while block := fh.read(size):
            if first:
                bom, first = block.startswith(codecs.BOM_UTF8), False
            nl = block.find(b"\n")
            if nl == -1:
                run += len(block)
            else:
                run = len(block) - block.rfind(b"\n") - 1
            if run > limit or (nl != -1 and nl > limit):
                if counted < offset:
                    line += _newlines(path, counted, offset)
                raise InputError.make("input.long-line", file=str(path), limit=limit,
                                      line=line)
            offset += len(block)
            if legacy and len(sample) >= (256 << 10):
                continue                    # a legacy code page, sampled: only bounds now
            line += block.count(b"\n")     # lines are counted while they may be named
            counted = offset
            high = len(block.translate(None, _ASCII))          # bytes above 127
            non_ascii += high
            if high and len(sample) < (256 << 10):
                sample += block
            if legacy or (legacy := utf8_ruled_out(invalid, non_ascii)):
                continue                    # a legacy code page: only bounds and sample now
            data = carry + block
            view = memoryview(data)
            carry = b""
            pos = 0
            start_line = line - block.count(b"\n")
            while pos < len(data):
                if utf8_ruled_out(invalid, non_ascii):
                    legacy = True             # decided once: never reconsidered
                    break
                try:
                    # an incomplete sequence at the end is carried to the next block
                    _, used = codecs.utf_8_decode(view[pos:], "strict", False)
                    carry = data[pos + used:]
                    break
                except UnicodeDecodeError as exc:
                    at = pos + exc.start
                    invalid += 1
                    if len(bad_lines) < 11:      # lines named in the warning: the first ones
                        ln = start_line + data.count(b"\n", len(data) - len(block), at)
                        if not bad_lines or bad_lines[-1] != ln:
                            bad_lines.append(ln)
                    pos = at + max(1, exc.end - exc.start)
    if carry:
        invalid += 1
        bad_lines.append(line)
    if legacy or utf8_ruled_out(invalid, non_ascii):
        return CsvFacts(_legacy(bytes(sample), path))
    if not invalid:
        return CsvFacts("utf-8-sig" if bom else "utf-8")
    if bom or (non_ascii - invalid > 4 * invalid and invalid <= max(10, non_ascii // 100)):
        return CsvFacts("utf-8-sig" if bom else "utf-8", "replace", bad_lines)
    return CsvFacts(_legacy(bytes(sample), path))


class _Blocks:
    """Bytes in memory read block by block, as from a file."""

    def __init__(self, data: bytes):
        self.view, self.pos = memoryview(data), 0

    def __enter__(self) -> "_Blocks":
        return self

    def __exit__(self, *exc) -> None:
        self.view.release()

    def read(self, size: int) -> bytes:
        block = self.view[self.pos:self.pos + size].tobytes()
        self.pos += len(block)
        return block


def _newlines(path: Path, start: int, stop: int) -> int:
    """Line breaks between two offsets of the file (only to name a line in an error)."""
    n = 0
    with open(path, "rb") as fh:
        fh.seek(start)
        while start < stop and (block := fh.read(min(BLOCK, stop - start))):
            n += block.count(b"\n")
            start += len(block)
    return n


def utf8_ruled_out(invalid: int, non_ascii: int) -> bool:
    """More than a few bad bytes: not UTF-8 with damage but another encoding."""
    return invalid > max(10, non_ascii // 100)


def _legacy(sample: bytes, path: Path) -> str:
    """The code page whose reading of the non-ASCII bytes gives French text."""
    best, best_score = None, 0.0
    for enc in LEGACY:
        high = _HIGH.findall(sample.decode(enc, errors="replace"))
        if not high:
            return "cp1252"
        # French text is mostly é è à ç ê: a code page that reads them scores higher
        score = sum(1 for c in high if c in GOOD) / len(high) + \
            0.5 * sum(1 for c in high if c in COMMON) / len(high)
        if score > best_score:
            best, best_score = enc, score
    if best is None or best_score < 0.95:
        raise InputError.make("input.encoding", file=str(path))
    return best
