"""What every signed-in page costs before its own work (issue 17): the statements of the common path (sign-in
check, session, layout), the CSRF token of the sign-out form and the layout's links, which are remembered per
process without changing what a page says or accepts."""
from __future__ import annotations

import pytest
from flask import render_template_string
from itsdangerous import URLSafeTimedSerializer

from tests.conftest import csrf_from, sign_in
from tests.web.test_page_work import statement_texts
from web.security import roles_required

LAYOUT_ONLY = "{% extends 'base.html' %}{% block content %}<p>Only the layout.</p>{% endblock %}"
ROLES = ("learner", "tutor", "assessor", "iqa", "admin")


def csrf_signatures(monkeypatch) -> list:
    """The CSRF tokens signed from now on in this test (each Flask-WTF signature appends its payload)."""
    signed: list = []
    original = URLSafeTimedSerializer.dumps

    def counted(self, obj, *args, **kwargs):
        if self.salt == b"wtf-csrf-token":
            signed.append(obj)
        return original(self, obj, *args, **kwargs)

    monkeypatch.setattr(URLSafeTimedSerializer, "dumps", counted)
    return signed


@pytest.fixture
def layout_page(app):
    """A signed-in page that renders only the layout: what every page pays before its own work."""
    app.add_url_rule("/test-layout-only", "test_layout_only",
                     roles_required(*ROLES)(lambda: render_template_string(LAYOUT_ONLY)))
    app.add_url_rule("/test-ok", "test_ok", roles_required(*ROLES)(lambda: "ok"))
    return "/test-layout-only"


@pytest.mark.parametrize("role", ROLES)
def test_a_signed_in_page_of_any_role_runs_one_statement_before_its_own_work(app, client, make_user, layout_page,
                                                                              role):
    make_user(role, username=f"common{role}")
    assert sign_in(client, f"common{role}").status_code == 302
    client.get(layout_page)
    assert len(statement_texts(app, client, layout_page)) == 1   # the account, its session version and active flag
    assert len(statement_texts(app, client, "/test-ok")) == 1


def test_the_sign_out_form_keeps_one_signed_token_per_session_and_signs_it_once(app, client, make_user,
                                                                               layout_page, monkeypatch):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    first = csrf_from(client.get(layout_page).get_data(as_text=True))
    signed = csrf_signatures(monkeypatch)
    pages = [csrf_from(client.get(layout_page).get_data(as_text=True)) for _ in range(3)]
    assert pages == [first] * 3 and signed == []
    response = client.post("/logout", data={"csrf_token": first})   # the remembered token is still accepted
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_remembered_csrf_token_is_refused_in_another_session(app, client, make_user, layout_page):
    make_user("learner", username="sam")
    make_user("learner", username="kim")
    sign_in(client, "sam")
    sams_token = csrf_from(client.get(layout_page).get_data(as_text=True))
    other = app.test_client()
    sign_in(other, "kim")
    kims_token = csrf_from(other.get(layout_page).get_data(as_text=True))
    assert kims_token != sams_token
    assert other.post("/logout", data={"csrf_token": sams_token}).status_code == 400
    assert other.get(layout_page).status_code == 200   # still signed in: the forged sign-out did nothing


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_TIME_LIMIT": 3600}])
def test_with_a_csrf_time_limit_each_page_signs_its_token_afresh(app, client, make_user, layout_page,
                                                                 monkeypatch):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    client.get(layout_page)
    signed = csrf_signatures(monkeypatch)
    client.get(layout_page)
    client.get(layout_page)
    assert len(signed) == 2   # a signature's age matters then: never reuse one


def test_links_follow_the_script_root_of_each_request(app, client, make_user, layout_page):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    plain = client.get(layout_page).get_data(as_text=True)
    mounted = client.get(layout_page, environ_overrides={"SCRIPT_NAME": "/reply"}).get_data(as_text=True)
    again = client.get(layout_page).get_data(as_text=True)
    assert 'href="/static/css/app.css"' in plain and 'action="/logout"' in plain
    assert 'href="/reply/static/css/app.css"' in mounted and 'action="/reply/logout"' in mounted
    assert 'href="/reply/learner/"' in mounted
    assert again == plain


def test_links_with_different_values_or_anchors_stay_different(app, make_user):
    from flask import render_template_string as render

    with app.test_request_context("/"):
        html = render("{{ url_for('review.attempt', attempt_id=1) }} {{ url_for('review.attempt', attempt_id=2) }} "
                      "{{ url_for('review.attempt', attempt_id=1, _anchor='feedback') }} "
                      "{{ url_for('review.queue', show='all') }} {{ url_for('review.queue', show='unsure') }}")
    assert html.split() == ["/review/attempts/1", "/review/attempts/2", "/review/attempts/1#feedback",
                            "/review/?show=all", "/review/?show=unsure"]


def test_the_layout_builds_its_links_once_per_process(app, client, make_user, layout_page, monkeypatch):
    from werkzeug.routing import MapAdapter

    make_user("learner", username="sam")
    sign_in(client, "sam")
    first = client.get(layout_page).get_data(as_text=True)
    built = []
    original = MapAdapter.build

    def counted(self, endpoint, *args, **kwargs):
        built.append(endpoint)
        return original(self, endpoint, *args, **kwargs)

    monkeypatch.setattr(MapAdapter, "build", counted)
    assert client.get(layout_page).get_data(as_text=True) == first
    assert built == []
