"""Jinja templates to HTML strings. Templates get plain values only; learner text is autoescaped."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=4)
def css(*names: str) -> str:
    return "\n".join((TEMPLATES / n).read_text(encoding="utf-8") for n in names)


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
