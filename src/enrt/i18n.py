"""French and English for the human report formats: the language in force, the words a
report shows (one catalogue), and numbers written as each language writes them (Babel).

Machine formats (JSON, the CSV for machines) keep ids and raw numbers; only what a
person reads goes through here.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from .report_words import (  # noqa: F401  (the catalogue's data)
    CRITERIA,
    DISCLOSURES,
    INDICATOR_HOW,
    INDICATORS,
    MISSING,
    TEXT,
    UNITS,
)

LANGS = ("fr", "en")
_LOCALE = {"fr": "fr_FR", "en": "en_GB"}


def detect_lang(env: Mapping[str, str] | None = None) -> str:
    """The POSIX order (LC_ALL, then LC_MESSAGES, then LANG): French when the first one
    set starts with "fr", else English."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def check_lang(lang: str | None) -> str:
    if lang is None:
        return detect_lang()
    if lang not in LANGS:
        from .errors import UsageError
        raise UsageError.make("usage.lang", lang=lang)
    return lang


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "fr" else pair[1]


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang``, placeholders filled."""
    text = _pick(TEXT[key], lang)
    return text.format(**values) if values else text


def indicator_how(key: str, english: str, lang: str) -> str:
    return _pick(INDICATOR_HOW[key], lang) if key in INDICATOR_HOW else english


def missing_text(english: str, lang: str) -> str:
    return _pick(MISSING[english], lang) if english in MISSING else english


def disclosure_text(code: str, lang: str, value: str = "", year: int | str = "") -> str:
    return _pick(DISCLOSURES[code], lang).format(value=value, year=year) \
        if code in DISCLOSURES else code


def indicator_label(key: str, lang: str) -> str:
    return _pick(INDICATORS[key], lang) if key in INDICATORS else key


def criterion_label(key: str, lang: str) -> str:
    return _pick(CRITERIA[key], lang) if key in CRITERIA else key


def unit_label(unit: str, lang: str) -> str:
    return _pick(UNITS[unit], lang) if unit in UNITS else unit


def number(x: float | None, lang: str, digits: int = 1) -> str:
    """16653.7 -> '16 653,7' (fr) or '16,653.7' (en); None -> 'n/c' in the language."""
    if x is None:
        return t("not_covered", lang)
    from babel.numbers import format_decimal     # Babel's locale data: loaded when used
    if x != 0 and abs(x) < 0.1 and digits <= 1:
        return format_decimal(x, format="0.###E0" if abs(x) < 1e-3 else "0.###",
                              locale=_LOCALE[lang])
    fmt = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(x, format=fmt, locale=_LOCALE[lang])


def date(iso: str | None, lang: str) -> str:
    """An ISO date as the language writes it (31 décembre 2025, 31 December 2025)."""
    from babel.dates import format_date
    try:
        day = dt.date.fromisoformat(iso or "")
    except ValueError:
        return iso or ""
    return format_date(day, format="long", locale=_LOCALE[lang])


def mass(kg: float | None, lang: str) -> str:
    """A mass of CO2e scaled for reading: '16,7 t CO2e' from 1 000 kg up, else kg."""
    if kg is None:
        return t("not_covered", lang)
    if abs(kg) >= 1000:
        return f"{number(kg / 1000, lang, 1)} t CO2e"
    return f"{number(kg, lang, 1)} kg CO2e"


def percent(ratio: float | None, lang: str, digits: int = 0) -> str:
    if ratio is None:
        return t("not_given", lang)
    fmt = "#,##0" + ("." + "0" * digits if digits else "") + " %"
    from babel.numbers import format_percent
    return format_percent(ratio, format=fmt, locale=_LOCALE[lang])
