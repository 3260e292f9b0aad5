"""The workspace's messages as HTML: a post, a chat line, a private message, a "minutes later" note. Python
template globals, not Jinja macros (issue 17): the workspace draws one or two of these per message, and each macro
call costs a new context and a Markup join, more than the markup itself.

Every value goes through markupsafe's escape, as Jinja's autoescape does, so learner and customer text stays text
(escape, not Markup.format: its formatter is pure Python and made these slower than the macros).
They write exactly what the macros wrote (tests/web/learner/test_transcript_markup.py).
"""
from __future__ import annotations

from markupsafe import Markup, escape

from web.channel_text import ago, initials, shown_name

_PRIVATE = ' · <span class="post-channel">Private message</span>'


def post(name, handle, text, minutes, platform, channel="public", who="customer") -> Markup:
    """A post or comment as the platform shows it: avatar, name (and X's @handle), time since, text."""
    private = channel == "private"
    platform, who = escape(platform), escape(who)
    shown_handle = f' <span class="post-handle">{escape(handle)}</span>' if handle and platform == "twitter" else ""
    return Markup(
        f'\n<article class="post post-{platform} post-{who}{" post-private" if private else ""}">\n'
        f'  <div class="avatar avatar-{who}" aria-hidden="true">{escape(initials(name))}</div>\n'
        '  <div class="post-body">\n'
        f'    <p class="post-meta"><span class="post-name">{escape(shown_name(name, handle, platform))}</span>'
        f'{shown_handle}\n'
        f'      · <span class="post-time">{escape(ago(minutes))}</span>'
        f'{_PRIVATE if private else ""}</p>\n'
        f'    <p class="post-text">{escape(text)}</p>\n'
        '  </div>\n'
        '</article>\n')


def dm_line(name, text, minutes, who) -> Markup:
    """A private message as the platform's inbox shows it: a bubble, theirs on the left, yours on the right."""
    return Markup(f'\n<li class="chat-line chat-{escape(who)} dm-line"><p class="chat-meta"><span class="chat-who">'
                  f'{escape(name)}</span> · {escape(ago(minutes))}</p><p class="chat-text post-text">{escape(text)}</p>'
                  '</li>\n')


def chat_line(name, text, minutes, who) -> Markup:
    return Markup(f'\n<li class="chat-line chat-{escape(who)}"><p class="chat-meta"><span class="chat-who">'
                  f'{escape(name)}</span> · {escape(ago(minutes))}</p><p class="chat-text">{escape(text)}</p></li>\n')


def time_skip(prev, message, who_name) -> Markup:
    """Simulated time made visible: when the customer answers 2 or more minutes after the learner's message, say
    so. `prev` is the message before (Jinja's loop.previtem: undefined, so false, for the first)."""
    if prev and prev.author == "learner" and message.author == "customer" and message.sim_minute - prev.sim_minute >= 2:
        return Markup(f'<li class="time-skip"><p>{escape(who_name)} answered '
                      f'{int(round(message.sim_minute - prev.sim_minute))} minutes later (simulated time)</p></li>')
    return Markup("")


def register(app) -> None:
    for name, function in (("post_html", post), ("dm_line_html", dm_line), ("chat_line_html", chat_line),
                           ("time_skip_html", time_skip)):
        app.add_template_global(function, name)
