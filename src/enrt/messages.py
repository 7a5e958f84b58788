"""The message catalogue: every issue message and hint, in French and English.

One place for the words enrt says about an input (``Issue``), so a report can be written
in either language: an id maps to (French, English) templates with named placeholders.
A message id is the issue code, or ``code.variant`` when a code has several wordings.

``message(id, **values)``, ``hint(...)`` and ``term(...)`` return a ``Text``: a ``str``
holding the English wording (what the JSON report and existing code see, unchanged) that
also keeps its id and values, so ``Text.text("fr")`` writes it in French. Values may be
numbers (formatted per language when the template gives a format spec: ``{n:,}``,
``{x:g}``, ``{kwh:.1f}``), strings (labels from the inventory: never translated), other
``Text`` (a term, rendered in the same language), a ``Listing`` (items joined with
", ", "or" or "and" in the language) or a ``Named`` id (a category, criterion, activity
or unit: the id in the English string the JSON report keeps, its label in ``text(lang)``,
what people read).

Templates use ``{x!r}`` in English (as the code always did) and ``{x!q}`` in French,
which writes « x » with unprintable characters escaped.
"""
from __future__ import annotations

import re
import string
from numbers import Real

LANGS = ("fr", "en")

from .error_catalogue import COMMAND_TERMS, ERROR_HINTS, ERRORS
from .message_catalogue import HINTS, MESSAGES
from .message_catalogue import TERMS as _ISSUE_TERMS

TERMS = {**_ISSUE_TERMS, **COMMAND_TERMS}
TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "message": MESSAGES, "hint": HINTS, "term": TERMS, "error": ERRORS,
    "error-hint": ERROR_HINTS}


class Listing(tuple):
    """Values written one after the other: "a, b" (``conj`` ","), "a or b" ("or"),
    "a and b" ("and"), in the language of the text they go in."""

    conj: str = ","

    def __new__(cls, items, conj: str = ","):
        obj = super().__new__(cls, items)
        obj.conj = conj
        return obj

    def __reduce__(self):
        return (Listing, (tuple(self), self.conj))


_JOIN = {",": (", ", ", "), "or": (" ou ", " or "), "and": (" et ", " and ")}


def either(items) -> Listing:
    return Listing(items, "or")


def both(items) -> Listing:
    return Listing(items, "and")


class Named(str):
    """An id (a category, criterion, activity or unit) that people read as its label: the
    string is the id, what the JSON report's English message keeps for machines; a text
    written for people (``Text.text(lang)``) shows the label in the language, the id
    when the label is missing."""

    labels: tuple[str | None, str | None]

    def __new__(cls, id: str, fr: str | None = None, en: str | None = None):
        obj = super().__new__(cls, id)
        obj.labels = (fr, en)
        return obj

    def label(self, lang: str) -> str:
        fr, en = self.labels
        return (fr if lang == "fr" else en or fr) or str(self)

    def __reduce__(self):
        return (Named, (str(self), *self.labels))


def named_unit(unit: str) -> Named:
    from .report_words import UNITS
    return Named(unit, *UNITS.get(unit, (None, None)))


def named_criterion(key: str) -> Named:
    from .report_words import CRITERIA
    return Named(key, *CRITERIA.get(key, (None, None)))


class Text(str):
    """A catalogue text with its values: the string is the English wording; ``text(lang)``
    writes it in French or English."""

    table: str
    id: str
    params: dict

    def __new__(cls, table: str, id: str, params: dict | None = None):
        params = dict(params or {})
        obj = super().__new__(cls, _render(table, id, "en", params))
        obj.table, obj.id, obj.params = table, id, params
        return obj

    def text(self, lang: str) -> str:
        """The words for people in ``lang``: labels, not ids (``Named``)."""
        if lang == "en" and not _names_in(self.params):
            return str(self)
        return _render(self.table, self.id, lang, self.params, human=True)

    def __reduce__(self):
        return (Text, (self.table, self.id, self.params))


def message(id: str, **params) -> Text:
    return Text("message", id, params)


def hint(id: str, **params) -> Text:
    return Text("hint", id, params)


def term(id: str, **params) -> Text:
    return Text("term", id, params)


def error(id: str, **params) -> Text:
    return Text("error", id, params)


def error_hint(id: str, **params) -> Text:
    return Text("error-hint", id, params)


def translate(value, lang: str, human: bool = True):
    """A ``Text`` or ``Listing`` written in ``lang``, a ``Named`` as its label (``human``)
    or its id; anything else as it is."""
    if isinstance(value, Text):
        return value.text(lang) if human else str(value)
    if isinstance(value, Named):
        return value.label(lang) if human else str(value)
    if isinstance(value, Listing):
        return _JOIN[value.conj][0 if lang == "fr" else 1].join(
            str(translate(v, lang, human)) for v in value)
    return value


def _names_in(params: dict) -> bool:
    return any(isinstance(v, Named) or (isinstance(v, Listing) and _names_in(dict(enumerate(v))))
               or (isinstance(v, Text) and _names_in(v.params)) for v in params.values())


def template(table: str, id: str, lang: str) -> str:
    return TABLES[table][id][0 if lang == "fr" else 1]


def placeholders(tmpl: str) -> set[str]:
    """The names a template fills ({label!r}, {n:,} -> label, n)."""
    return {name for _, name, _, _ in string.Formatter().parse(tmpl) if name}


def _render(table: str, id: str, lang: str, params: dict, human: bool = False) -> str:
    return _Formatter(lang, human).vformat(template(table, id, lang), (), params)


_NUM_SPEC = re.compile(r"^(,)?(?:\.(\d+))?([fg]?)$")


class _Formatter(string.Formatter):
    """str.format, with catalogue values written in the language, ``!q`` for « quotes »
    and, in French, numbers written the French way (1 000,5) when a spec is given."""

    def __init__(self, lang: str, human: bool = False):
        self.lang, self.human = lang, human

    def get_value(self, key, args, kwargs):
        return translate(super().get_value(key, args, kwargs), self.lang, self.human)

    def convert_field(self, value, conversion):
        if conversion == "q":
            shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode()
                            for c in str(value))
            return f"« {shown} »"
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        if self.lang == "fr" and format_spec and isinstance(value, Real) and \
                not isinstance(value, bool):
            m = _NUM_SPEC.match(format_spec)
            if m:
                return _french_number(float(value), m.group(2), m.group(3))
        return super().format_field(value, format_spec)


def _french_number(x: float, digits: str | None, kind: str) -> str:
    from babel.numbers import format_decimal
    if digits is not None and kind == "f":
        fmt = "#,##0" + ("." + "0" * int(digits) if int(digits) else "")
    elif kind == "g":
        fmt = "#,##0.######"
    else:
        fmt = "#,##0.###"
    return format_decimal(x, format=fmt, locale="fr_FR")
