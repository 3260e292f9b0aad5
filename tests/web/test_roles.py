"""Every route says who may use it, and every other role is turned away."""
import re

import pytest

from web.models import ROLES

# Routes anyone may reach (signed out included). Everything else must carry a role rule.
PUBLIC_ENDPOINTS = {"static", "main.home", "main.health", "auth.login", "auth.logout"}


def guarded_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        view = app.view_functions[rule.endpoint]
        yield rule, view


def concrete_url(rule) -> str:
    # Any id will do: the role check runs before the object is looked up.
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: "999999" if "id" in m.group(1) else "x", rule.rule)


def test_every_non_public_route_declares_its_roles(app):
    missing = [rule.endpoint for rule, view in guarded_routes(app) if not getattr(view, "allowed_roles", None)]
    assert missing == []


def test_signed_out_visitors_are_sent_to_sign_in_from_every_guarded_route(app, client, csrf):
    token = csrf("/login")   # a valid token, so that the answer shows the sign-in check, not the CSRF check
    for rule, _view in guarded_routes(app):
        method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        response = client.open(concrete_url(rule), method=method, data={"csrf_token": token})
        if rule.endpoint.startswith("api."):
            assert response.status_code == 401, rule.rule
        else:
            assert response.status_code == 302, rule.rule
            assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_refused_on_every_other_roles_routes(app, make_user, login, client, csrf, role):
    make_user(role, username=f"who{role}")
    login(f"who{role}")
    token = csrf("/")
    checked = 0
    for rule, view in guarded_routes(app):
        if role in view.allowed_roles:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(concrete_url(rule), method=method, data={"csrf_token": token},
                                   follow_redirects=False)
            assert response.status_code == 403, f"{role} {method} {rule.rule} -> {response.status_code}"
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("role", ROLES)
def test_each_role_can_open_its_own_parameterless_pages(app, make_user, login, client, role):
    make_user(role, username=f"me{role}")
    login(f"me{role}")
    for rule, view in guarded_routes(app):
        if role in view.allowed_roles and "GET" in rule.methods and not rule.arguments \
                and not rule.endpoint.startswith("api."):
            assert client.get(rule.rule).status_code == 200, rule.rule


def test_admin_attaches_an_assessor_who_then_sees_the_cohort(app, client, login, csrf, demo_cohort, make_user):
    from web.extensions import db
    from web.models import Cohort

    make_user("assessor", "newassessor")
    make_user("admin", "boss")
    login("boss")
    client.post(f"/admin/cohorts/{demo_cohort['cohort']}/assessors",
                data={"username": "newassessor", "csrf_token": csrf("/admin/")})
    with app.app_context():
        assert "newassessor" in [a.username for a in db.session.get(Cohort, demo_cohort["cohort"]).assessors]


def test_attaching_a_learner_as_assessor_is_refused(app, client, login, csrf, demo_cohort, make_user):
    make_user("admin", "boss")
    login("boss")
    page = client.post(f"/admin/cohorts/{demo_cohort['cohort']}/assessors",
                       data={"username": "learnera", "csrf_token": csrf("/admin/")}, follow_redirects=True)
    assert "no assessor with the username" in page.get_data(as_text=True)


def test_a_learner_joins_a_cohort_with_its_join_code(app, client, login, csrf, demo_cohort):
    from web.extensions import db
    from web.models import Cohort

    with app.app_context():
        code = db.session.get(Cohort, demo_cohort["cohort"]).join_code
    login("learnerc")
    client.post("/learner/join", data={"join_code": code.lower(), "csrf_token": csrf("/learner/")})
    with app.app_context():
        assert "learnerc" in [l.username for l in db.session.get(Cohort, demo_cohort["cohort"]).learners]


def test_a_tutor_adds_a_learner_by_username(app, client, login, csrf, demo_cohort):
    from web.extensions import db
    from web.models import Cohort

    login("tutora")
    client.post(f"/tutor/cohorts/{demo_cohort['cohort']}/learners",
                data={"username": "learnerc", "csrf_token": csrf(f"/tutor/cohorts/{demo_cohort['cohort']}")})
    with app.app_context():
        assert "learnerc" in [l.username for l in db.session.get(Cohort, demo_cohort["cohort"]).learners]


def test_admin_creates_a_user_through_the_form(app, client, login, csrf, make_user):
    from web.extensions import db
    from web.models import User

    make_user("admin", "boss")
    login("boss")
    client.post("/admin/users", data={"username": "newlearner", "full_name": "New Learner", "role": "learner",
                                      "email": "", "password": "a-long-password", "csrf_token": csrf("/admin/")})
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(username="newlearner"))
        assert user.role == "learner" and user.candidate_number
