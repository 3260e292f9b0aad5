"""Input the app cannot use gets a clear 400 or 404, never a 500.

- Ids and seeds: whole numbers written in ASCII digits, from 0 to DB_INT_MAX (PostgreSQL's `integer`, the
  smaller of the two databases' ranges; SQLite stops at 2^63 - 1). Every `<int:>` route uses
  `BoundedIntConverter`, so a larger id in a URL is a plain 404; form and JSON fields go through `whole_number`.
  "²" and "١" pass str.isdigit() (and int() takes the second): only ASCII digits are numbers here.
- Text: NUL characters (PostgreSQL's text columns refuse them) and lone surrogates (no database can encode
  them) are refused in every query string, form field and JSON string, before any view runs.
- JSON nested too deeply for the parser is a 400 (the parser's RecursionError becomes a ValueError).
"""
from __future__ import annotations

import json

from flask import abort, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.routing import IntegerConverter

DB_INT_MAX = 2**31 - 1
NUMBER_CHARS = frozenset("0123456789")


class InputError(ValueError):
    """A value the user sent cannot be used; the message says which and why."""


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` in every route: 0 to DB_INT_MAX, so an id past the database's range is 404, not a 500."""

    def __init__(self, map, fixed_digits=0, min=None, max=DB_INT_MAX, signed=False):   # Werkzeug's argument names
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def whole_number(value, field: str, *, maximum: int = DB_INT_MAX) -> int | None:
    """A form or JSON value as a whole number from 0 to `maximum`; None when it is absent or empty.

    Form values are strings of ASCII digits; JSON values are integers (not booleans, not floats)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text or len(text) > len(str(maximum)) or not set(text) <= NUMBER_CHARS:
            raise InputError(f"'{field}' must be a whole number from 0 to {maximum}, written in digits 0-9.")
        number = int(text)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raise InputError(f"'{field}' must be a whole number.")
    if not 0 <= number <= maximum:
        raise InputError(f"'{field}' must be a whole number from 0 to {maximum}.")
    return number


def unusable(text: str) -> str | None:
    """Why this text cannot be stored (NUL character, lone surrogate), or None when it can."""
    if "\x00" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (an invalid character)"
    return None


def _json_strings(data):
    """Every key and string in a parsed JSON value, without recursion (the parser allows ~1,000 levels)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


FORM_TYPES = frozenset(("application/x-www-form-urlencoded", "multipart/form-data"))


def refuse_unusable_text() -> None:
    """before_request: a NUL or a lone surrogate anywhere in the query, the form or a JSON body is a 400."""
    sources = []
    if request.query_string:
        sources.append(("address", request.args))
    if request.mimetype in FORM_TYPES:   # the only bodies Werkzeug parses into request.form
        sources.append(("form", request.form))
    for where, values in sources:
        for key, value in values.items(multi=True):
            problem = unusable(key) or unusable(value)
            if problem:
                abort(400, description=f"A {where} field ({key[:40]!r}) {problem}: remove it and send again.")
    if request.is_json:
        data = request.get_json(silent=True)
        for text in _json_strings(data):
            problem = unusable(text)
            if problem:
                abort(400, description=f"A JSON string {problem}: remove it and send again.")


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, except that a body nested too deeply to parse is invalid JSON (a 400), not a crash."""

    def loads(self, s, **kwargs):
        try:
            return json.loads(s, **kwargs)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc
