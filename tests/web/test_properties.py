"""Property tests (hypothesis): whatever JSON reaches the score API and whatever text reaches a form, the
answer is a 2xx, 3xx or a 4xx with a message, never a 5xx. The scenario loader has its own in
tests/simulator/test_loader_properties.py."""
from __future__ import annotations

import json
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import csrf_from, sign_in

TOKEN = "property-test-token"
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text a browser or a script could send: any code point, with the awkward ones made likely.
AWKWARD = st.sampled_from(["\x00", "\ud800", "\udfff", "²", "١", "\u202e", "\ufeff", "😀", "\r\n", "<script>", "'",
                           "%00", "{", "}}", "{order_number}"])
TEXT = st.lists(st.one_of(st.text(max_size=20), AWKWARD, st.characters(codec=None)), max_size=8).map("".join)
# Strings that look like numbers: Unicode digits pass str.isdigit(), and 20 digits pass every database's range.
DIGITS = st.from_regex(r"-?[0-9²١٣]{1,25}", fullmatch=True)
NUMBERS = st.one_of(st.integers(), st.integers(min_value=2**31 - 2, max_value=2**64), st.floats(allow_nan=True),
                    st.just(10**400), st.booleans())
SCALARS = st.one_of(st.none(), NUMBERS, TEXT, DIGITS)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(TEXT, inner, max_size=4)), max_leaves=12)
KEYS = ("reply", "customer", "platform", "channel", "response_minutes", "customer_name", "customer_handle",
        "scenario", "seed", "attempt_id", "thread")
VALUES = {"platform": st.sampled_from(["twitter", "facebook", "instagram", "webchat", "myspace"]),
          "channel": st.sampled_from(["public", "private", "chat", "email"]),
          "scenario": st.sampled_from(["late-parcel-x-public", "triage-rail-morning", "nope"]),
          "reply": TEXT.map(lambda t: "Sorry about your order, " + t)}
WRONG = st.one_of(SCALARS, st.lists(SCALARS, max_size=2), st.dictionaries(TEXT, SCALARS, max_size=2), JSON)
BODIES = st.fixed_dictionaries({}, optional={key: st.one_of(VALUES.get(key, WRONG), WRONG) for key in KEYS})


@pytest.fixture
def app_config():
    return {"API_TOKENS": TOKEN}


@SETTINGS
@given(body=BODIES)
def test_the_score_api_never_answers_5xx(app, body):
    raw = json.dumps(body, ensure_ascii=True)   # lone surrogates travel as \\ud800 escapes, as JSON allows
    response = app.test_client().post("/api/v1/score", data=raw, content_type="application/json",
                                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (200, 400), (response.status_code, raw[:300])
    if response.status_code == 400:
        assert response.get_json()["error"]


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=200), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_the_score_api_never_answers_5xx_to_bodies_that_are_not_json(app, raw):
    response = app.test_client().post("/api/v1/score", data=raw, content_type="application/json",
                                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400


# Every POST form the app has, walked from the URL map, with the fields its pages send plus random ones.
FIELDS = ("username", "full_name", "email", "role", "password", "name", "join_code", "text", "comment", "criterion",
          "level", "scenario_id", "mode", "seed", "assignment_id", "reply", "channel", "thread", "turn", "order",
          "title", "went_well", "even_better_if", "next", "customer", "platform", "step", "confirm", "form", "pc",
          "variant", "accept", "decline", "include", "description")
SKIP = {"auth.login", "auth.logout"}   # signing out would end the test's own session; sign-in has its own tests


@pytest.fixture
def staff(app, make_user, demo_cohort, make_attempt):
    """A signed-in client per role, with a cohort and a scored attempt their ids can point at."""
    make_user("admin", username="propadmin")
    make_user("iqa", username="propiqa")
    clients = {}
    for role, username in (("learner", "learnera"), ("tutor", "tutora"), ("assessor", "assessora"),
                           ("iqa", "propiqa"), ("admin", "propadmin")):
        client = app.test_client()
        assert sign_in(client, username).status_code == 302
        clients[role] = (client, csrf_from(client.get("/", follow_redirects=True).get_data(as_text=True)))
    ids = {"cohort_id": demo_cohort["cohort"], "attempt_id": make_attempt(demo_cohort["learner"]),
           "user_id": demo_cohort["outsider"], "entry_id": 1, "job_id": 1, "invitation_id": 1}
    routes = []
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and rule.endpoint not in SKIP:
            for role in getattr(app.view_functions[rule.endpoint], "allowed_roles", ()):
                routes.append((rule, role))
    return clients, ids, sorted(routes, key=lambda r: (r[0].rule, r[1]))


def _url(rule, ids: dict) -> str:
    url = rule.rule
    for name in rule.arguments:
        url = url.replace(f"<int:{name}>", str(ids.get(name, 1)))
    return url


@SETTINGS
@given(data=st.data())
def test_every_form_answers_random_text_without_a_5xx(app, staff, data):
    clients, ids, routes = staff
    rule, role = data.draw(st.sampled_from(routes), label="route")
    fields = data.draw(st.dictionaries(st.one_of(st.sampled_from(FIELDS), TEXT), st.one_of(TEXT, DIGITS),
                                       max_size=6), label="fields")
    client, token = clients[role]
    url = _url(rule, ids)
    if rule.endpoint.startswith("api."):
        response = client.post(url, data=json.dumps(fields, ensure_ascii=True), content_type="application/json",
                               headers={"X-CSRFToken": token})
    else:
        # Encoded as a browser or a script might: a lone surrogate becomes bytes that are not UTF-8.
        body = urllib.parse.urlencode({**fields, "csrf_token": token}, encoding="utf-8", errors="surrogatepass")
        response = client.post(url, data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500, (role, url, fields, response.status_code)
