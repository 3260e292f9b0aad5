"""What the tests compile once per session (tests/compile_once.py): apps built one after another reuse werkzeug's
compiled URL builders and Jinja's compiled templates, and build the same URLs and pages as apps that compile
everything afresh."""
from __future__ import annotations

import re

import pytest
from jinja2 import Environment

from tests import compile_once

CONFIG = {"TESTING": True, "SECRET_KEY": "test-secret", "RATELIMIT_STORAGE_URI": "memory://",
          "WTF_CSRF_ENABLED": False}


def _new_app(database_url):
    from app import create_app

    return create_app(dict(CONFIG, SQLALCHEMY_DATABASE_URI=database_url))


def _build_every_rule(app) -> dict[str, str]:
    """One URL per endpoint, every variable filled (ints with 7, a choice with its first item, the rest with
    'x-y'), plus an unknown value."""
    from flask import url_for

    def value_for(converter):
        if hasattr(converter, "items"):
            return sorted(converter.items)[0]
        return 7 if "int" in type(converter).__name__.lower() else "x-y"

    urls = {}
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            values = {name: value_for(rule._converters[name]) for name in rule.arguments}
            urls[rule.endpoint] = url_for(rule.endpoint, extra="a b", **values)
    return urls


def _pages(app) -> dict[str, str]:
    client = app.test_client()
    return {url: client.get(url).get_data(as_text=True) for url in ("/login", "/register", "/no-such-page")}


@pytest.fixture
def fresh_compiles():
    compile_once.compile_afresh()
    yield
    compile_once.share_compiled_code()


@pytest.fixture
def template_compiles(monkeypatch):
    """The names of the templates Jinja parses and compiles from here on."""
    names: list[str] = []
    original = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    return names


def test_a_second_app_reuses_the_first_apps_compiled_url_builders(database_url):
    first, second = _new_app(database_url), _new_app(database_url)
    pairs = list(zip(first.url_map.iter_rules(), second.url_map.iter_rules()))
    assert len(pairs) > 50
    for one, two in pairs:
        assert one is not two and one.rule == two.rule
        assert one._build.__func__ is two._build.__func__
        assert one._build_unknown.__func__ is two._build_unknown.__func__


def test_a_second_app_renders_pages_without_compiling_their_templates(database_url, template_compiles):
    _pages(_new_app(database_url))
    template_compiles.clear()
    pages = _pages(_new_app(database_url))
    assert template_compiles == []
    assert "Sign in" in pages["/login"]


def test_shared_compiles_build_the_urls_and_pages_compiled_afresh(database_url, fresh_compiles):
    afresh = _new_app(database_url)
    urls_afresh, pages_afresh = _build_every_rule(afresh), _pages(afresh)
    compile_once.share_compiled_code()
    _pages(_new_app(database_url))   # fills both caches
    shared = _new_app(database_url)
    assert _build_every_rule(shared) == urls_afresh
    assert any("/7" in url for url in urls_afresh.values()) and all("extra=a+b" in u for u in urls_afresh.values())
    assert _pages(shared) == pages_afresh
    assert all(re.search(r"<html", page) for page in pages_afresh.values())
