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
