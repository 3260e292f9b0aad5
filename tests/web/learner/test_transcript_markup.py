"""The workspace's message markup, moved from Jinja macros to Python (web/transcript_markup.py, issue 17), writes
exactly what the macros wrote, escaped the same way: the macros' source is kept here and both run on the same
inputs."""
from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment

from web.channel_text import ago, initials, shown_name
from web.transcript_markup import chat_line, dm_line, post, time_skip

_ENV = Environment(autoescape=True)
_ENV.globals.update(ago=ago, initials=initials, shown_name=shown_name)
OLD_MACROS = _ENV.from_string("""
{% macro post(name, handle, text, minutes, platform, channel='public', who='customer') %}
<article class="post post-{{ platform }} post-{{ who }}{% if channel == 'private' %} post-private{% endif %}">
  <div class="avatar avatar-{{ who }}" aria-hidden="true">{{ initials(name) }}</div>
  <div class="post-body">
    <p class="post-meta"><span class="post-name">{{ shown_name(name, handle, platform) }}</span>{% if handle and platform == 'twitter' %} <span class="post-handle">{{ handle }}</span>{% endif %}
      · <span class="post-time">{{ ago(minutes) }}</span>{% if channel == 'private' %} · <span class="post-channel">Private message</span>{% endif %}</p>
    <p class="post-text">{{ text }}</p>
  </div>
</article>
{% endmacro %}
{% macro dm_line(name, text, minutes, who) %}
<li class="chat-line chat-{{ who }} dm-line"><p class="chat-meta"><span class="chat-who">{{ name }}</span> · {{ ago(minutes) }}</p><p class="chat-text post-text">{{ text }}</p></li>
{% endmacro %}
{% macro skip(prev, m, who_name) -%}
{%- if prev and prev.author == 'learner' and m.author == 'customer' and m.sim_minute - prev.sim_minute >= 2 -%}
<li class="time-skip"><p>{{ who_name }} answered {{ (m.sim_minute - prev.sim_minute)|round|int }} minutes later (simulated time)</p></li>
{%- endif -%}
{%- endmacro %}
{% macro chat_line(name, text, minutes, who) %}
<li class="chat-line chat-{{ who }}"><p class="chat-meta"><span class="chat-who">{{ name }}</span> · {{ ago(minutes) }}</p><p class="chat-text">{{ text }}</p></li>
{% endmacro %}
""").module

BAIT = '<b>"Sam" & \'co\'</b>'


def test_post_writes_what_the_macro_wrote():
    for platform in ("twitter", "facebook", "instagram", "webchat"):
        for handle in ("@sam_t", None, "@<i>"):
            for channel, who in (("public", "customer"), ("private", "customer"), ("public", "agent")):
                for name, text, minutes in (("Sam Taylor", "Where is my parcel?", 12), (BAIT, BAIT, 0),
                                            ("", "x", 3000)):
                    args = (name, handle, text, minutes, platform, channel, who)
                    assert post(*args) == str(OLD_MACROS.post(*args)), args
    assert post("Sam", None, "hi", 5, "twitter") == str(OLD_MACROS.post("Sam", None, "hi", 5, "twitter"))


def test_lines_write_what_the_macros_wrote():
    for name, text, minutes, who in (("You", "Sorry, I'll check now", 1.5, "learner"), (BAIT, BAIT, 75, "customer")):
        assert dm_line(name, text, minutes, who) == str(OLD_MACROS.dm_line(name, text, minutes, who))
        assert chat_line(name, text, minutes, who) == str(OLD_MACROS.chat_line(name, text, minutes, who))


def test_the_time_skip_writes_what_the_macro_wrote():
    undefined = _ENV.undefined()   # loop.previtem of the first message
    learner = SimpleNamespace(author="learner", sim_minute=3.0)
    for prev in (undefined, None, learner, SimpleNamespace(author="customer", sim_minute=3.0)):
        for minute in (3.0, 4.9, 5.0, 6.5, 7.5, 30.2):
            for author in ("customer", "system"):
                message = SimpleNamespace(author=author, sim_minute=minute)
                assert time_skip(prev, message, BAIT) == str(OLD_MACROS.skip(prev, message, BAIT)), (prev, minute)
    assert "answered 4 minutes later" in time_skip(learner, SimpleNamespace(author="customer", sim_minute=6.5), "Sam")


def test_learner_text_stays_text_in_the_workspace(app, client, learner, start, page_token, state_of):
    from tests.web.learner.test_practice import _reply

    attempt_id = start("fb-refund-chat")
    _reply(client, page_token, attempt_id, "Sorry <script>alert(1)</script> & thanks, DM me your order number",
           channel="private", thread="customer", state_of=state_of)
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert "Sorry &lt;script&gt;alert(1)&lt;/script&gt; &amp; thanks" in page and "<script>alert" not in page
