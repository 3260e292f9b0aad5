"""Jinja templates to HTML strings. Templates get plain values only; learner text is autoescaped."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


def css_string(value) -> Markup:
    """A value safe inside a double-quoted CSS string in a <style> element (no quotes, no markup)."""
    text = re.sub(r"[<>&\\\"\n\r]", " ", str(value))
    return Markup(text)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = css_string
    return env


@lru_cache(maxsize=1)
def templates_fingerprint() -> str:
    """Changes whenever a template or stylesheet changes, so cached pages are never stale."""
    h = hashlib.sha256()
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def stylesheets(standalone: bool) -> tuple[str, ...]:
    """The stylesheet files (in templates/) a document is laid out with; pdf.layout parses each once."""
    return ("print.css", "standalone.css") if standalone else ("print.css",)


def render(template: str, *, standalone: bool = False, **context) -> str:
    return environment().get_template(template).render(standalone=standalone, **context)
