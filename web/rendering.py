"""Template filters: learner text is always escaped; evidence is highlighted by wrapping escaped spans."""
from __future__ import annotations

from datetime import datetime

import markdown as markdown_lib
import nh3
from flask import current_app, render_template, request
from flask_login import current_user
from markupsafe import Markup, escape


def highlight(text: str, spans) -> Markup:
    """Escape `text` and wrap each evidence span ({start, end, label?, against?}) in <mark>; overlaps are merged
    (each character is shown once), and a mark holding words counted against the learner gets class ev-against."""
    text = text or ""
    cleaned = sorted((max(0, s["start"]), min(len(text), s["end"]), s.get("label", ""), bool(s.get("against")))
                     for s in spans or [] if s.get("end", 0) > s.get("start", 0))
    merged: list[list] = []
    for start, end, label, against in cleaned:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if label and label not in merged[-1][2]:
                merged[-1][2].append(label)
            merged[-1][3] = merged[-1][3] or against
        else:
            merged.append([start, end, [label] if label else [], against])
    out, pos = [], 0
    for start, end, labels, against in merged:
        out.append(escape(text[pos:start]))
        title = f' title="{escape(", ".join(labels))}"' if labels else ""
        css = ' class="ev-against"' if against else ""
        out.append(Markup(f"<mark{css}{title}>") + escape(text[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def authored_markdown(text: str) -> Markup:
    """Markdown for authored content only (scenario briefs, knowledge base), then sanitised: Markdown passes raw
    HTML."""
    return Markup(nh3.clean(markdown_lib.markdown(text or "")))


# A learner's image (or image map) would be fetched by whoever reads the document, the tutor included.
LEARNER_DOCUMENT_TAGS = nh3.ALLOWED_TAGS - {"img", "map", "area"}


def document_markdown(text: str) -> Markup:
    """A learner's own Markdown document (supervisory exercises): tables too (a risk register is one), then
    sanitised as authored Markdown is, less anything that fetches."""
    return Markup(nh3.clean(markdown_lib.markdown(text or "", extensions=["tables"]), tags=LEARNER_DOCUMENT_TAGS))


def when(value: datetime | None, fmt: str = "%d %b %Y %H:%M") -> str:
    return value.strftime(fmt) if value else ""


def level_label(level: str | None) -> str:
    return {"na": "n/a", None: "—"}.get(level, level)


def main_nav() -> Markup:
    """The main menu (_nav.html) for the signed-in user's role. It is the same for every request of that role, so
    each process renders it once per role and keeps it (issue 17: some 30 url_for calls a page otherwise); with
    template reloading on (development) it is rendered every time, so edits show at once."""
    app = current_app._get_current_object()
    key = (current_user.role, request.script_root)
    if app.jinja_env.auto_reload:
        return Markup(render_template("_nav.html"))
    cache = app.extensions.setdefault("main_nav", {})
    if key not in cache:
        cache[key] = Markup(render_template("_nav.html"))
    return cache[key]


def register(app) -> None:
    app.add_template_filter(highlight)
    app.add_template_filter(authored_markdown, "markdown")
    app.add_template_filter(document_markdown, "document_markdown")
    app.add_template_filter(when)
    app.add_template_filter(level_label)
    app.add_template_global(main_nav)
