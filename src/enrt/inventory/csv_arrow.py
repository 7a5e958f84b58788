"""Read a large CSV with pyarrow (``pip install "enrt[fast]"``) into factorised columns.

pyarrow splits the file into cells in C++ on every core and factorises each column;
enrt then decodes only the distinct cells. The result must be the rows Python's csv
module gives, cell for cell, so any file where the two could differ is left to the csv
module (``read_table`` returns None): lines of unequal width, an empty line, a cell
holding a line break, a NUL byte, a cell longer than the csv module's limit, a byte the
encoding refuses, a parse error. Those files get the csv module's own messages and
locations. ENRT_CSV_READER chooses: ``auto`` (pyarrow for files of 2 MB and more when it
is installed), ``python`` or ``pyarrow`` (any size, when installed).
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np

from .columns import Coded, ColumnTable

MIN_BYTES = 2 << 20          # below this, importing pyarrow costs more than it saves
MAX_COLUMNS = 4096           # columns read as bytes; a wider file goes to the csv module


def wanted(path: Path) -> bool:
    """Whether to try pyarrow for this file: the choice, its size, pyarrow installed."""
    choice = os.environ.get("ENRT_CSV_READER", "auto").strip().lower()
    if choice == "python" or (choice != "pyarrow" and path.stat().st_size < MIN_BYTES):
        return False
    try:
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return False
    return True


def read_table(data: bytes, encoding: str, errors: str, delimiter: str) -> ColumnTable | None:
    """The file's rows (its bytes) as factorised columns, or None when the csv module
    must read it."""
    if not data or b"\x00" in data:
        return None
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom and encoding != "utf-8-sig":
        return None        # read as code-page text by the csv module; pyarrow would skip it
    body = memoryview(data)[3:] if bom else data   # the mark opens the file, not a cell
    import pyarrow as pa
    import pyarrow.csv as pcsv
    # malloc, not mimalloc: mimalloc reserves about 1 GB of address space, which a
    # process run under a memory limit (ulimit -v) cannot spare
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        table = pcsv.read_csv(
            pa.py_buffer(body),
            read_options=pcsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pcsv.ParseOptions(delimiter=delimiter, quote_char='"',
                                            double_quote=True, escape_char=False,
                                            newlines_in_values=False,
                                            ignore_empty_lines=False),
            convert_options=pcsv.ConvertOptions(
                column_types={f"f{i}": pa.binary() for i in range(MAX_COLUMNS)},
                strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError, OSError):
        return None
    if any(not pa.types.is_binary(t) for t in table.schema.types):
        return None
    limit = csv.field_size_limit()
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(2) as pool:      # arrow's kernels let go of the GIL
        coded = list(pool.map(_factorise, table.columns))
    del table, body
    columns = []
    for codes, dictionary in coded:
        raw = dictionary.to_pylist()
        if any(len(v) > limit or b"\n" in v or b"\r" in v for v in raw):
            return None
        try:
            values = [v.decode(codec, errors) for v in raw]
        except UnicodeDecodeError:
            return None
        columns.append(Coded(codes, values))
    pa.default_memory_pool().release_unused()   # the parse's buffers, back to the system
    if _blank_rows(columns) and _empty_lines(_count_byte(data, delimiter), delimiter,
                                             columns):
        return None
    return ColumnTable(columns)


def _factorise(column):
    """Codes (numpy) and distinct values (arrow) of a chunked column: one dictionary
    shared by the chunks, else the chunks joined first."""
    coded = column.dictionary_encode()
    chunks = coded.chunks
    if chunks and all(c.dictionary.equals(chunks[-1].dictionary) for c in chunks):
        return np.concatenate([c.indices.to_numpy() for c in chunks]), chunks[-1].dictionary
    coded = column.combine_chunks().dictionary_encode()
    return coded.indices.to_numpy(zero_copy_only=False), coded.dictionary


def _count_byte(data: bytes, char: str) -> int:
    """How many times an ASCII character occurs (numpy, by 8 MB slices: bytes.count
    slows down when the character is every few bytes)."""
    a, code = np.frombuffer(data, dtype=np.uint8), ord(char)
    return sum(int(np.count_nonzero(a[k:k + (8 << 20)] == code))
               for k in range(0, len(a), 8 << 20))


def _blank_rows(columns: list[Coded]) -> bool:
    """Whether some row has nothing but empty cells (";;;;" or an empty line)."""
    blank = None
    for c in columns:
        empty = [k for k, v in enumerate(c.values) if v == ""]
        if not empty:
            return False
        here = c.codes == empty[0] if len(empty) == 1 else np.isin(c.codes, empty)
        blank = here if blank is None else blank & here
        if not blank.any():
            return False
    return blank is not None


def _empty_lines(seps: int, delimiter: str, columns: list[Coded]) -> bool:
    """Whether the file holds an empty line: the csv module gives it as a row of no
    cells, pyarrow as a row of empty cells. Told from the count of separators (``seps``):
    every row but an empty line holds width - 1 of them, plus those inside quoted cells
    (the byte-order mark holds none)."""
    width = len(columns)
    if width < 2:
        return True                   # an empty line and '""' look alike: not told apart
    inside = 0
    for c in columns:
        counts = [v.count(delimiter) for v in c.values]
        if any(counts):
            inside += int(np.bincount(c.codes, minlength=len(counts)) @ np.array(counts))
    return seps != (width - 1) * len(columns[0]) + inside
