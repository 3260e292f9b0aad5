"""The workspace's times and names, moved from Jinja macros to Python (web/channel_text.py, issue 17), write
exactly what the macros wrote: the macros' source is kept here and both are run on the same inputs."""
from __future__ import annotations

from jinja2 import Environment

from web.channel_text import ago, initials, shown_name

OLD_MACROS = Environment(autoescape=True).from_string("""
{% macro ago(minutes) -%}
{%- set m = (minutes if minutes > 0 else 0)|round|int -%}
{%- if m < 1 %}just now{% elif m < 60 %}{{ m }} min ago{% elif m < 1440 %}{{ m // 60 }} h {{ m % 60 }} min ago{% else %}{{ m // 1440 }} d ago{% endif -%}
{%- endmacro %}
{% macro initials(name) -%}
{%- set ns = namespace(letters='') -%}
{%- for word in (name or '').split() if word[:1].isalpha() and ns.letters|length < 2 -%}{%- set ns.letters = ns.letters ~ word[:1]|upper -%}{%- endfor -%}
{{ ns.letters or '?' }}
{%- endmacro %}
{% macro shown_name(name, handle, platform) -%}
{%- if platform == 'instagram' and handle %}{{ handle.lstrip('@') }}{% else %}{{ name }}{% endif -%}
{%- endmacro %}
""").module


def test_ago_writes_what_the_macro_wrote():
    for minutes in (-3, 0, 0.4, 0.5, 0.6, 1, 1.5, 2.5, 59, 59.5, 60, 61, 125.2, 1439, 1439.6, 1440, 3000, 100000):
        assert ago(minutes) == str(OLD_MACROS.ago(minutes)), minutes
    assert (ago(0), ago(12), ago(125), ago(3 * 1440)) == ("just now", "12 min ago", "2 h 5 min ago", "3 d ago")


def test_initials_write_what_the_macro_wrote():
    for name in ("Larkspur & Vale (you)", "gareth hurst", "Ann", "", None, "& 12 ~", "Mary Ann Jones", "élodie Ðe",
                 "  spaced   out  "):
        assert initials(name) == str(OLD_MACROS.initials(name)), name
    assert initials("Larkspur & Vale (you)") == "LV"


def test_shown_name_writes_what_the_macro_wrote_and_escapes_in_the_page(app):
    for name, handle, platform in (("Gareth Hurst", "@garethh19", "twitter"), ("Gareth Hurst", "@garethh19", "instagram"),
                                   ("Gareth", None, "instagram"), ("Gareth", "@g", "facebook")):
        assert shown_name(name, handle, platform) == str(OLD_MACROS.shown_name(name, handle, platform))
    with app.app_context():
        page = app.jinja_env.from_string("{{ shown_name(n, h, 'instagram') }}|{{ initials(n) }}").render(
            n="<b>Bo</b>", h="@<i>")
    assert page == "&lt;i&gt;|?"
