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
    # Any id will do: the role check runs before the object is looked up. Every <int:...> gets a number (a version
    # number too), or the URL would match no route and answer 404 before any role check.
    # An any(...) converter takes its first choice.
    url = re.sub(r"<any\(([^,)]+)[^)]*\):[a-z_]+>", lambda m: m.group(1).strip(), rule.rule)
    return re.sub(r"<(?:([a-z]+):)?([a-z_]+)>",
                  lambda m: "999999" if m.group(1) == "int" or "id" in m.group(2) else "x", url)


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


def test_scenario_authoring_is_for_tutors_and_admins_only(app):
    routes = [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("authoring.")]
    assert len(routes) == 7
    assert {app.view_functions[rule.endpoint].allowed_roles for rule in routes} == {("tutor", "admin")}


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


def post_routes(app):
    return [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]


def test_every_post_route_refuses_a_request_without_a_csrf_token(app, make_user):
    """Walk the URL map: every POST route, for every role allowed on it (signed out for sign-in), without a
    token, answers 400 and says why. A new POST route is covered the day it is added."""
    from tests.conftest import sign_in

    clients = {None: app.test_client()}
    for role in ROLES:
        make_user(role, username=f"csrf{role}")
        clients[role] = app.test_client()
        assert sign_in(clients[role], f"csrf{role}").status_code == 302
    checked = []
    for rule in post_routes(app):
        if rule.endpoint == "auth.login":
            roles = [None]
        elif rule.endpoint == "auth.logout":
            roles = list(ROLES)
        else:
            roles = list(app.view_functions[rule.endpoint].allowed_roles)
        for role in roles:
            response = clients[role].post(concrete_url(rule), data={"text": "x", "username": "x"})
            body = response.get_data(as_text=True)
            assert response.status_code == 400, f"{role} POST {rule.rule} -> {response.status_code}"
            if rule.endpoint.startswith("api."):
                assert "CSRF" in body, (rule.rule, body[:200])
            else:
                assert "expired or was sent from elsewhere" in body, (rule.rule, body[:300])
            checked.append((role, rule.endpoint))
    endpoints = {endpoint for _role, endpoint in checked}
    assert endpoints == {rule.endpoint for rule in post_routes(app)}
    assert {"admin.role", "admin.password", "admin.toggle", "admin.create", "tutor.create_cohort"} <= endpoints
    assert {"authoring.new", "authoring.scenario", "authoring.publish", "authoring.withdraw"} <= endpoints


# Admins manage users, through the real routes.

@pytest.fixture
def admin_client(app, client, login, make_user):
    make_user("admin", "boss")
    login("boss")
    return client


def _user(app, username):
    from web.extensions import db
    from web.models import User

    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(username=username))
        db.session.expunge(user)
        return user


def test_admin_deactivates_a_user_whose_session_then_ends(app, admin_client, csrf, make_user):
    from tests.conftest import sign_in

    uid = make_user("learner", "leaver")
    theirs = app.test_client()
    sign_in(theirs, "leaver")
    assert theirs.get("/learner/").status_code == 200
    page = admin_client.post(f"/admin/users/{uid}/toggle", data={"csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "leaver is now deactivated" in page
    assert _user(app, "leaver").active is False
    assert theirs.get("/learner/").status_code == 302          # signed out at their next request
    assert sign_in(app.test_client(), "leaver").status_code == 401
    admin_client.post(f"/admin/users/{uid}/toggle", data={"csrf_token": csrf("/admin/")})
    assert sign_in(app.test_client(), "leaver").status_code == 302   # reactivated


def test_admin_cannot_deactivate_themselves(app, admin_client, csrf):
    me = _user(app, "boss")
    page = admin_client.post(f"/admin/users/{me.id}/toggle", data={"csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "You cannot deactivate your own account." in page
    assert _user(app, "boss").active is True


def test_admin_changes_a_role_and_the_account_leaves_its_cohorts(app, admin_client, csrf, demo_cohort):
    from tests.conftest import sign_in

    page = admin_client.post(f"/admin/users/{demo_cohort['learner']}/role",
                             data={"role": "tutor", "csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "learnera is now a tutor and has left 1 cohort(s) they were in as a learner." in page
    assert _user(app, "learnera").role == "tutor"
    theirs = app.test_client()
    sign_in(theirs, "learnera")
    assert theirs.get("/tutor/").status_code == 200 and theirs.get("/learner/").status_code == 403
    from web.extensions import db
    from web.models import Cohort
    with app.app_context():
        assert "learnera" not in [l.username for l in db.session.get(Cohort, demo_cohort["cohort"]).learners]


def test_an_account_made_a_learner_gets_a_candidate_number(app, admin_client, csrf, make_user):
    uid = make_user("assessor", "switcher")
    admin_client.post(f"/admin/users/{uid}/role", data={"role": "learner", "csrf_token": csrf("/admin/")})
    user = _user(app, "switcher")
    assert user.role == "learner" and user.candidate_number


def test_admin_cannot_change_their_own_role(app, admin_client, csrf):
    me = _user(app, "boss")
    page = admin_client.post(f"/admin/users/{me.id}/role", data={"role": "learner", "csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "You cannot change your own role" in page
    assert _user(app, "boss").role == "admin"


def test_a_tutor_who_owns_cohorts_keeps_the_role(app, admin_client, csrf, demo_cohort):
    page = admin_client.post(f"/admin/users/{demo_cohort['tutor']}/role",
                             data={"role": "learner", "csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "tutora is the tutor of 1 cohort(s)" in page
    assert _user(app, "tutora").role == "tutor"


def test_an_unknown_role_is_refused(app, admin_client, csrf, make_user):
    uid = make_user("learner", "someone")
    page = admin_client.post(f"/admin/users/{uid}/role", data={"role": "superuser", "csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "Not a valid choice" in page
    assert _user(app, "someone").role == "learner"


def test_admin_resets_a_password(app, admin_client, csrf, make_user):
    from tests.conftest import sign_in

    uid = make_user("tutor", "forgetful")
    page = admin_client.post(f"/admin/users/{uid}/password",
                             data={"password": "brand-new-password", "csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "New password set for forgetful." in page
    assert sign_in(app.test_client(), "forgetful").status_code == 401            # the old password
    assert sign_in(app.test_client(), "forgetful", "brand-new-password").status_code == 302


def test_a_reset_password_needs_ten_characters(app, admin_client, csrf, make_user):
    from tests.conftest import sign_in

    uid = make_user("tutor", "forgetful")
    page = admin_client.post(f"/admin/users/{uid}/password", data={"password": "short", "csrf_token": csrf("/admin/")},
                             follow_redirects=True).get_data(as_text=True)
    assert "New password: Field must be between 10 and 200 characters long." in page
    assert sign_in(app.test_client(), "forgetful").status_code == 302            # unchanged


def test_admin_changes_are_logged_with_who_made_them(app, admin_client, csrf, make_user, caplog):
    import logging

    uid = make_user("learner", "watched")
    with caplog.at_level(logging.INFO, logger=app.logger.name):
        admin_client.post(f"/admin/users/{uid}/role", data={"role": "assessor", "csrf_token": csrf("/admin/")})
        admin_client.post(f"/admin/users/{uid}/password",
                          data={"password": "brand-new-password", "csrf_token": csrf("/admin/")})
    assert "admin boss: changed the role of watched from learner to assessor" in caplog.text
    assert "admin boss: reset the password of watched" in caplog.text
    assert "brand-new-password" not in caplog.text


def test_a_tutor_creates_a_cohort_and_sees_its_join_code(app, client, login, csrf, make_user):
    from web.extensions import db
    from web.models import Cohort

    tutor_id = make_user("tutor", "newtutor")
    login("newtutor")
    response = client.post("/tutor/cohorts", data={"name": "Spring intake", "csrf_token": csrf("/tutor/")})
    with app.app_context():
        cohort = db.session.scalar(db.select(Cohort).filter_by(name="Spring intake"))
        assert cohort.tutor_id == tutor_id and cohort.join_code
        cohort_id, code = cohort.id, cohort.join_code
    assert response.headers["Location"].endswith(f"/tutor/cohorts/{cohort_id}")
    assert code in client.get(f"/tutor/cohorts/{cohort_id}").get_data(as_text=True)
    assert "Spring intake" in client.get("/tutor/").get_data(as_text=True)
