"""Every route, tried by each role of one cohort with the real ids of another cohort's objects, is refused.

test_roles.py walks the URL map with made-up ids: it shows each route checks the role. This walk shows each
route also checks ownership: a learner, tutor, assessor and IQA of cohort A, each allowed on the route, ask for
cohort B's attempt, dispute, calibration session, IQA sample and check, authored scenario, cohort and learner,
with a form that would be accepted from B's own people, and get 403 or 404. A route added with an id that is one
of these is walked the day it is added."""
from __future__ import annotations

import re

import pytest

from tests.conftest import csrf_from, sign_in
from tests.web.test_authoring import GOOD
from web.extensions import db

ROLES = ("learner", "tutor", "assessor", "iqa")   # an admin sees every cohort
REFUSED = {403, 404}
# A form that B's own people could send to any of these routes: if ownership were not checked, it would be acted on.
FORM = {"criterion": "hear", "level": "1", "requested_level": "2", "outcome": "rejected", "comment": "Checked.",
        "reason": "I said what I would do.", "response": "Done.", "number": "1", "seed": "7", "text": GOOD,
        "scenario_id": "tw-late-parcel", "mode": "assessed", "username": "", "feedback": "Well done.",
        **{f"level-{c}": "1" for c in ("hear", "empathise", "apologise", "act")}}
FORM_FOR = {"iqa.check": {"outcome": "agree"}}   # an IQA's outcome is agree or action, a tutor's decision is not
# The issue 15 routes (disputes, calibration, agreement, authoring, IQA, gradebook, sign-off): all must be walked.
MUST_WALK = {"disputes.create", "disputes.decide", "calibration.session", "calibration.attempt",
             "authoring.scenario", "authoring.version", "authoring.preview", "authoring.publish",
             "authoring.withdraw", "iqa.sample", "iqa.check", "iqa.answer", "iqa.new_sample",
             "exports.gradebook", "exports.attempt_pdf", "review.attempt", "review.moderate_attempt",
             "review.sign_off", "review.add_feedback", "tutor.set_assignment", "tutor.cohort"}


def _people(make_user, side: str) -> dict:
    return {role: make_user(role, f"{role}-{side}") for role in ROLES}


def _cohort(app, name: str, people: dict):
    from web.models import Cohort, User
    cohort = Cohort(name=name, tutor_id=people["tutor"])
    db.session.add(cohort)
    cohort.learners.append(db.session.get(User, people["learner"]))
    cohort.assessors.append(db.session.get(User, people["assessor"]))
    cohort.iqas.append(db.session.get(User, people["iqa"]))
    db.session.get(User, people["tutor"]).lead_tutor = True
    db.session.flush()
    return cohort


@pytest.fixture
def theirs(app, make_user, make_attempt) -> dict:
    """Cohort B with one of everything, made by B's own people; and the people of cohort A."""
    from web.models import Attempt, User
    from web.services import authoring, calibration, disputes, iqa
    from web.services.signoff import sign

    ours, them = _people(make_user, "a"), _people(make_user, "b")
    attempt_id = make_attempt(them["learner"], reply="ok we will look")
    signed_ids = [make_attempt(them["learner"], seed=seed) for seed in (4, 5, 6)]
    with app.app_context():
        _cohort(app, "Ours", ours)
        cohort = _cohort(app, "Theirs", them)
        user = {role: db.session.get(User, uid) for role, uid in them.items()}
        attempt = db.session.get(Attempt, attempt_id)
        attempt.mode = "assessed"
        dispute = disputes.open_dispute(attempt, user["learner"], "apologise", "2", "I said sorry.")
        for signed_id in signed_ids:
            sign(db.session.get(Attempt, signed_id), user["assessor"], "Meets the criteria.")
        session = calibration.create_session(user["tutor"], "Theirs only", [str(attempt_id)], "tutor-b")
        sample = iqa.draw_sample(cohort, user["iqa"], seed=1)   # a new assessor: 50 % of 3 -> 2 checks
        action, pending = sample.checks
        iqa.record_check(action, "action", "Say which criteria were met.")
        authored = authoring.create(GOOD, user["tutor"])
        db.session.commit()
        ids = {"cohort_id": cohort.id, "attempt_id": attempt_id, "user_id": them["learner"],
               "learner_id": them["learner"], "dispute_id": dispute.id, "session_id": session.id,
               "sample_id": sample.id, "check_id": action.id, "authored_id": authored.id, "number": 1}
        # The walk runs again with these: the sampled attempt (an IQA's reads), a check still to be recorded.
        again = {**ids, "attempt_id": action.attempt_id, "check_id": pending.id}
    return {"ours": ours, "ids": ids, "again": again}


def _url(rule, ids: dict) -> str | None:
    """The rule's URL with B's ids, or None when it takes an id this walk does not make (jobs, entries...)."""
    if rule.endpoint.startswith("knowledge."):   # its check_id is a knowledge check's, not an IQA check's
        return None
    url = re.sub(r"<any\(([^,)]+)[^)]*\):[a-z_]+>", lambda m: m.group(1).strip(), rule.rule)   # its first choice
    names = re.findall(r"<(?:int:)?([a-z_]+)>", url)
    if not names or any(name not in ids for name in names):
        return None
    for name in names:
        url = re.sub(rf"<(?:int:)?{name}>", str(ids[name]), url)
    return url


def _said(response) -> str:
    """What the page says, for the failure message."""
    main = response.get_data(as_text=True).split('id="main"')[-1]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())[:200]


def test_every_role_is_refused_another_cohorts_objects_on_every_route(app, theirs):
    checked, leaks = set(), []
    for role in ROLES:
        client = app.test_client()
        assert sign_in(client, f"{role}-a").status_code == 302
        token = csrf_from(client.get("/", follow_redirects=True).get_data(as_text=True))
        for rule, ids in [(rule, ids) for ids in (theirs["ids"], theirs["again"]) for rule in app.url_map.iter_rules()]:
            view = app.view_functions[rule.endpoint]
            url = _url(rule, ids)
            if url is None or role not in getattr(view, "allowed_roles", ()):
                continue
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                if rule.endpoint.startswith("api."):
                    response = client.open(url, method=method, json=FORM, headers={"X-CSRFToken": token})
                else:
                    response = client.open(url, method=method, data={**FORM, **FORM_FOR.get(rule.endpoint, {}),
                                                                     "csrf_token": token})
                if response.status_code not in REFUSED:
                    leaks.append((role, method, url, response.status_code, _said(response)))
                checked.add(rule.endpoint)
    assert leaks == []
    assert MUST_WALK <= checked, MUST_WALK - checked


def test_the_same_ids_open_for_cohort_bs_own_tutor(app, theirs):
    """The ids are real: B's own tutor opens what A's people were refused (so a 404 above is not a wrong id)."""
    client = app.test_client()
    assert sign_in(client, "tutor-b").status_code == 302
    ids = theirs["ids"]
    for url in (f"/review/attempts/{ids['attempt_id']}", f"/calibration/{ids['session_id']}",
                f"/author/scenarios/{ids['authored_id']}", f"/exports/cohorts/{ids['cohort_id']}/gradebook.csv"):
        assert client.get(url).status_code == 200, url
