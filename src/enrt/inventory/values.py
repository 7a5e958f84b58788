"""Cell values as people type them, parsed column-wise.

Each parser works on one whole column and caches by distinct cell value: an inventory of
a million rows has a few hundred distinct quantities, dates or labels, so the Python
cost is per distinct value. Results are float arrays where NaN = blank and ±inf = a
value that could not be read (the row is then rejected).
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np

from .columns import Coded

BAD = float("inf")
_EPOCH = dt.date(1970, 1, 1)
_EXCEL_EPOCH_OFFSET = 25569          # Excel serial of 1970-01-01 (1900 date system)
DATE_MIN, DATE_MAX = dt.date(1980, 1, 1), dt.date(2100, 12, 31)
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$")
_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T].*)?$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_Y = re.compile(r"^(\d{4})$")
_SERIAL = re.compile(r"^(\d{5})(?:[.,]\d+)?$")     # Excel serial written as text: 44562, 44197,5


def is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def parse_number(v: object) -> float:
    """'80 ', '1 234,5', 1.5 -> float; '' -> NaN; 'dix' -> inf (BAD)."""
    if v is None:
        return np.nan
    if isinstance(v, bool):
        return BAD
    if isinstance(v, (int, float)):
        f = float(v)
        return f if np.isfinite(f) else BAD
    if not isinstance(v, str):
        return BAD
    s = _SPACES.sub("", v)
    if not s:
        return np.nan
    if "," in s:
        if "." in s:            # 1.234,5 (French thousands) or 1,234.5 (English thousands)
            s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") \
                else s.replace(",", "")
        else:
            s = s.replace(",", ".")
    if not _NUMBER.match(s):
        return BAD
    return float(s)


def _days(d: dt.date) -> float:
    if not (DATE_MIN <= d <= DATE_MAX):
        return BAD
    return float((d - _EPOCH).days)


def _ymd(y: int, m: int, d: int) -> float:
    try:
        return _days(dt.date(y, m, d))
    except ValueError:
        return BAD


def parse_date(v: object) -> float:
    """Days since 1970-01-01 from a date, an Excel serial, a year or French/ISO text.

    A bare year (2021) stands for 1 July of that year; 'mm/yyyy' for the 1st of the month.
    """
    if v is None:
        return np.nan
    if isinstance(v, dt.datetime):
        return _days(v.date())
    if isinstance(v, dt.date):
        return _days(v)
    if isinstance(v, bool):
        return BAD
    if isinstance(v, (int, float)):
        if not np.isfinite(v):
            return BAD
        if float(v).is_integer() and 1980 <= v <= 2100:
            return _ymd(int(v), 7, 1)
        if 1 <= v < 2958466:
            return _days(_EPOCH + dt.timedelta(days=int(v) - _EXCEL_EPOCH_OFFSET))
        return BAD
    if not isinstance(v, str):
        return BAD
    s = v.strip()
    if not s:
        return np.nan
    if m := _DMY.match(s):
        d, mo, y = (int(x) for x in m.groups())
        if y < 100:
            y += 2000 if y < 70 else 1900
        return _ymd(y, mo, d)
    if m := _YMD.match(s):
        return _ymd(*(int(x) for x in m.groups()))
    if m := _MY.match(s):
        return _ymd(int(m.group(2)), int(m.group(1)), 1)
    if m := _Y.match(s):
        return _ymd(int(m.group(1)), 7, 1)
    if m := _SERIAL.match(s):        # the time of day (",5") is dropped, as for typed serials
        return _days(_EPOCH + dt.timedelta(days=int(m.group(1)) - _EXCEL_EPOCH_OFFSET))
    return BAD


def map_distinct(col, fn, dtype=np.float64, cache: dict | None = None) -> np.ndarray:
    """``fn`` applied to every cell of a column, computed once per distinct value.

    One C-level pass maps each cell to the position of its value's first occurrence;
    ``fn`` then runs on the distinct values only. ``cache`` carries results over from
    earlier chunks of the same column. A factorised column (columns.Coded) already
    knows its distinct values: ``fn`` runs on those met in the block, in row order."""
    if isinstance(col, Coded):
        return _map_coded(col, fn, dtype, cache)
    n = len(col)
    first: dict = {}
    where = np.fromiter(map(first.setdefault, col, range(n)), dtype=np.intp, count=n)
    cache = {} if cache is None else cache
    at_first = np.empty(n, dtype=dtype)
    for value, i in first.items():
        try:
            at_first[i] = cache[value]
        except KeyError:
            at_first[i] = cache[value] = fn(value)
    return at_first[where]


def _map_coded(col: Coded, fn, dtype, cache: dict | None) -> np.ndarray:
    cache = {} if cache is None else cache
    table = np.empty(len(col.values), dtype=dtype)
    for k in col.present().tolist():
        value = col.values[k]
        try:
            table[k] = cache[value]
        except KeyError:
            table[k] = cache[value] = fn(value)
    return table[col.codes]


def parse_column(col, parser, cache: dict | None = None) -> np.ndarray:
    """Apply ``parser`` (cell -> float) to every cell of a column."""
    return map_distinct(col, parser, cache=cache)


_THOUSANDS_DOT = re.compile(r"^\s*[+-]?\d{1,3}(\.\d{3})+\s*$")


def is_ambiguous(v: object) -> bool:
    """'1.234' in a French file: one thousand two hundred and thirty-four, or 1,234?"""
    return isinstance(v, str) and _THOUSANDS_DOT.match(v) is not None


def parse_number_fr(v: object) -> float:
    """parse_number for a file written with decimal commas: '1.234' is refused (BAD)."""
    return BAD if is_ambiguous(v) else parse_number(v)


def parse_numbers(col, cache: dict | None = None, decimal_comma: bool = False) -> np.ndarray:
    """Fast path for columns of typed numbers (workbooks), cached parsing for the rest
    (text cells always go through ``parse_number``, whatever their neighbours)."""
    cells = [col.values[k] for k in col.present().tolist()] if isinstance(col, Coded) else col
    if all(type(v) is float or type(v) is int for v in cells):
        arr = np.array(col, dtype=np.float64)
        if np.isfinite(arr).all():
            return arr
    return parse_column(col, parse_number_fr if decimal_comma else parse_number, cache)


def days_to_dates(days: np.ndarray) -> np.ndarray:
    """Float days (NaN/inf = missing) -> datetime64[D] with NaT."""
    ok = np.isfinite(days)
    out = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[D]")
    out[ok] = days[ok].astype(np.int64).astype("datetime64[D]")
    return out


def text(v: object) -> str:
    """Cell as a trimmed string ('' when blank); integral floats lose their '.0'."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return str(v).strip()
