"""Compile once per test session what every test's fresh app would otherwise compile again.

Every test builds a fresh app (the flaskr pattern). Two costs came with each one: werkzeug compiles two Python
functions per URL rule with ast + compile() as the rule is added (about 100 rules: 0.1-0.4 s an app here, most
of create_app's time), and each app's Jinja environment parses and compiles every template it renders afresh.
Tests only: production builds one app, which compiles each once anyway.

- URL builders: the function werkzeug compiles depends only on the rule's parsed parts, its defaults and whether
  unknown values are appended; it reaches the rule's converters through its `self` argument when called. So one
  function per such key serves every app's rule of that shape.
- Templates: Jinja's bytecode cache, kept in memory and given to every Flask app through `Flask.jinja_options`.
  Jinja checks each template's source checksum on load, so an edited template is compiled again.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from werkzeug.routing.rules import Rule

_ORIGINAL_COMPILE_BUILDER = Rule._compile_builder
_ORIGINAL_JINJA_OPTIONS = Flask.jinja_options
_BUILDERS: dict[tuple, Callable[..., Any]] = {}


def _builder_key(rule: Rule, append_unknown: bool) -> tuple:
    defaults = rule.defaults or {}
    dynamic = {data for is_dynamic, data in rule._trace if is_dynamic}
    # A default for a value in the rule is converted to text at compile time (werkzeug folds it in as a constant).
    folded = tuple((name, rule._converters[name].to_url(value) if name in dynamic else None)
                   for name, value in defaults.items())
    return (rule.rule, append_unknown, tuple(rule._trace), folded)


def _shared_compile_builder(self: Rule, append_unknown: bool = True) -> Callable[..., Any]:
    try:
        key = _builder_key(self, append_unknown)
        hash(key)
    except (TypeError, KeyError, ValueError):   # an unusual default (unhashable, no converter): werkzeug's own way
        return _ORIGINAL_COMPILE_BUILDER(self, append_unknown)
    if key not in _BUILDERS:
        _BUILDERS[key] = _ORIGINAL_COMPILE_BUILDER(self, append_unknown)
    return _BUILDERS[key]


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's compiled templates, in this process's memory."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])   # dropped by Jinja if the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.code.clear()


TEMPLATE_CODE = MemoryBytecodeCache()


def share_compiled_code() -> None:
    Rule._compile_builder = _shared_compile_builder   # type: ignore[method-assign]
    Flask.jinja_options = {**_ORIGINAL_JINJA_OPTIONS, "bytecode_cache": TEMPLATE_CODE}


def compile_afresh() -> None:
    Rule._compile_builder = _ORIGINAL_COMPILE_BUILDER   # type: ignore[method-assign]
    Flask.jinja_options = _ORIGINAL_JINJA_OPTIONS
