"""Template filters: learner text is always escaped; evidence is highlighted by wrapping escaped spans."""
from __future__ import annotations

from datetime import datetime

import markdown as markdown_lib
import nh3
from flask import current_app, g, render_template, request, session
from flask.globals import _cv_request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from web import channel_text, transcript_markup


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


MEMO_SIZE = 4096   # entries per process and cache; the whole cache is dropped when full (a few hundred KiB)


def memoised_url_for(app):
    """Templates' url_for, remembering each URL it built (issue 17: a page calls it tens of times, ~15 us each,
    for URLs that never change while the process runs). The URL is keyed by host, script root, endpoint and values
    with their types; anything whose URL depends on more (a relative ".endpoint", _external, _anchor...) or cannot
    be a key is built every time."""
    build = app.url_for
    memo: dict = {}

    def url_for(endpoint: str, **values) -> str:
        context = _cv_request.get(None)
        if context is None or endpoint[:1] == "." or any(name[:1] == "_" for name in values):
            return build(endpoint, **values)
        try:
            key = (context.request.environ.get("HTTP_HOST"), context.request.root_path, endpoint,
                   *((name, value.__class__, value) for name, value in sorted(values.items())))
            url = memo.get(key)
        except TypeError:   # an unhashable value (a list of ids)
            return build(endpoint, **values)
        if url is None:
            url = build(endpoint, **values)
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[key] = url
        return url

    return url_for


def csrf_token() -> str:
    """Flask-WTF's generate_csrf, with the signed token remembered per session token (issue 17: every signed-in
    page has the sign-out form, and signing costs an HMAC and a serializer per request). Sound only while tokens
    never expire (WTF_CSRF_TIME_LIMIT None: the signature's timestamp is then never read); otherwise, and for a
    session without a token yet, it is generate_csrf itself. The token still belongs to its session: validation
    compares it with the session's own token, as before."""
    app = current_app._get_current_object()
    config = app.config
    field = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    raw = session.get(field)
    if config.get("WTF_CSRF_TIME_LIMIT", 3600) is not None or field in g or not isinstance(raw, str):
        return generate_csrf()
    cache = app.extensions.setdefault("signed_csrf_tokens", {})
    key = (config.get("WTF_CSRF_SECRET_KEY") or app.secret_key, raw)
    token = cache.get(key)
    if token is None:
        token = generate_csrf()
        if len(cache) >= MEMO_SIZE:
            cache.clear()
        cache[key] = token
    else:
        setattr(g, field, token)   # where generate_csrf (and so every FlaskForm) finds it for this request
    return token


def register(app) -> None:
    channel_text.register(app)
    transcript_markup.register(app)
    app.add_template_filter(highlight)
    app.add_template_filter(authored_markdown, "markdown")
    app.add_template_filter(document_markdown, "document_markdown")
    app.add_template_filter(when)
    app.add_template_filter(level_label)
    app.add_template_global(main_nav)
    app.add_template_global(csrf_token)
    # Flask-WTF also puts its generate_csrf in every template's context, which would hide the global above.
    processors = app.template_context_processors[None]
    processors[:] = [p for p in processors if getattr(p, "__module__", "") != "flask_wtf.csrf"]
    if not any(app.url_default_functions.values()):   # url_defaults callbacks could make a URL vary per request
        app.add_template_global(memoised_url_for(app), "url_for")
