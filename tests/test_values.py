"""Cell parsing: numbers and dates as people type them."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from enrt.inventory.values import BAD, parse_date, parse_number, parse_numbers


@pytest.mark.parametrize("raw, expected", [
    ("80 ", 80.0), (" 1 234,5", 1234.5), ("1,5", 1.5), ("1.234,5", 1234.5),
    ("1,234.5", 1234.5), ("12\u00a0000", 12000.0), (3, 3.0), (2.5, 2.5), ("-4", -4.0),
])
def test_numbers(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw", ["dix", "10 pcs", "1/2", True, "inf", "nan"])
def test_bad_numbers(raw):
    assert parse_number(raw) == BAD


def test_blank_number_is_nan():
    assert math.isnan(parse_number("  ")) and math.isnan(parse_number(None))


def test_numbers_column_fast_and_slow_paths():
    assert list(parse_numbers([1, 2.5, "3"])) == [1.0, 2.5, 3.0]
    out = parse_numbers(["1,5", "", "x"])
    assert out[0] == 1.5 and math.isnan(out[1]) and out[2] == BAD


def days(y, m, d):
    return float((dt.date(y, m, d) - dt.date(1970, 1, 1)).days)


@pytest.mark.parametrize("raw, expected", [
    (dt.date(2021, 3, 15), days(2021, 3, 15)),
    (dt.datetime(2021, 3, 15, 10, 30), days(2021, 3, 15)),
    ("15/03/2021", days(2021, 3, 15)), ("15-03-2021", days(2021, 3, 15)),
    ("15.03.21", days(2021, 3, 15)), ("2021-03-15", days(2021, 3, 15)),
    ("03/2021", days(2021, 3, 1)), ("2021", days(2021, 7, 1)), (2021, days(2021, 7, 1)),
    (44270, days(2021, 3, 15)),            # Excel serial number
])
def test_dates(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31/02/2021", "2021-13-01", "hier", "01/01/1901", 5.0])
def test_impossible_dates(raw):
    assert parse_date(raw) == BAD


def test_map_distinct_calls_once_per_value_and_uses_cache():
    from enrt.inventory.values import map_distinct
    calls = []

    def fn(v):
        calls.append(v)
        return len(v)
    cache: dict = {}
    assert list(map_distinct(["ab", "c", "ab", "ab", "c"], fn, cache=cache)) == [2, 1, 2, 2, 1]
    assert list(map_distinct(("c", "def"), fn, cache=cache)) == [1, 3]
    assert calls == ["ab", "c", "def"]
