"""IQA: sample signed-off evidence, record an outcome, the assessor answers the action; each sees only theirs."""
import re

import pytest

from tests.conftest import csrf_from, sign_in
from web.extensions import db
from web.models import Attempt, Cohort, IqaCheck, IqaSample, User


def _client(app, username):
    client = app.test_client()
    assert sign_in(client, username).status_code == 302
    return client


@pytest.fixture
def signed_cohort(app, demo_cohort, make_attempt, make_user):
    """Five attempts in the cohort, four signed off by a new assessor (50 % of 4 -> 2 sampled), one not signed."""
    from web.services.signoff import sign
    ids = [make_attempt(demo_cohort["learner" if i % 2 else "other_learner"]) for i in range(5)]
    with app.app_context():
        assessor = db.session.get(User, demo_cohort["assessor"])
        for attempt_id in ids[:4]:
            sign(db.session.get(Attempt, attempt_id), assessor, "Meets the criteria.")
        db.session.commit()
    make_user("iqa", "quinn")
    make_user("iqa", "otheriqa")
    with app.app_context():   # an admin attached quinn to this cohort (otheriqa to none)
        cohort = db.session.get(Cohort, demo_cohort["cohort"])
        cohort.iqas.append(db.session.scalar(db.select(User).filter_by(username="quinn")))
        db.session.commit()
    return {**demo_cohort, "signed": ids[:4], "unsigned": ids[4]}


def _draw(client, cohort_id):
    token = csrf_from(client.get("/iqa/").get_data(as_text=True))
    return client.post(f"/iqa/cohorts/{cohort_id}/samples", data={"csrf_token": token})


def test_an_iqa_draws_a_sample_by_the_rule_and_sees_only_what_was_sampled(app, signed_cohort):
    iqa = _client(app, "quinn")
    response = _draw(iqa, signed_cohort["cohort"])
    assert response.status_code == 302
    with app.app_context():
        sample = db.session.scalar(db.select(IqaSample))
        picked = [c.attempt_id for c in sample.checks]
        plan = sample.plan[str(signed_cohort["assessor"])]
        assert (plan["population"], plan["rate"], plan["size"], plan["signoffs"]) == (4, 0.5, 2, 4)
    assert len(picked) == 2 and set(picked) <= set(signed_cohort["signed"])
    page = iqa.get(response.headers["Location"]).get_data(as_text=True)
    assert "50%" in page and all(f"/review/attempts/{a}" in page for a in picked)
    for attempt_id in signed_cohort["signed"] + [signed_cohort["unsigned"]]:
        expected = 200 if attempt_id in picked else 403
        assert iqa.get(f"/review/attempts/{attempt_id}").status_code == expected
    review = iqa.get(f"/review/attempts/{picked[0]}").get_data(as_text=True)
    assert 'action="/review/attempts/' not in review   # read-only: no moderation, feedback or sign-off form
    token = csrf_from(review)
    assert iqa.post(f"/review/attempts/{picked[0]}/moderate", data={
        "criterion": "hear", "level": "0", "comment": "x", "csrf_token": token}).status_code == 403


def test_the_iqa_records_an_action_and_the_assessor_answers_it(app, signed_cohort):
    iqa = _client(app, "quinn")
    sample_url = _draw(iqa, signed_cohort["cohort"]).headers["Location"]
    with app.app_context():
        check_id = db.session.scalar(db.select(IqaCheck.id).order_by(IqaCheck.id))
    token = csrf_from(iqa.get(sample_url).get_data(as_text=True))
    assert iqa.post(f"/iqa/checks/{check_id}", data={"outcome": "action", "comment": "Sign-off comment is generic.",
                                                     "csrf_token": token}).status_code == 302
    assessor = _client(app, "assessora")
    page = assessor.get("/iqa/actions").get_data(as_text=True)
    assert "Sign-off comment is generic." in page and "Action for you" in page
    answer = assessor.post(f"/iqa/checks/{check_id}/answer", data={
        "response": "Rewritten against PC3.", "csrf_token": csrf_from(page)})
    assert answer.status_code == 302
    assert "Rewritten against PC3." in iqa.get(sample_url).get_data(as_text=True)
    with app.app_context():
        attempt_id = db.session.get(IqaCheck, check_id).attempt_id
    on_attempt = assessor.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert "Internal quality assurance" in on_attempt and "Sign-off comment is generic." in on_attempt
    assert "Rewritten against PC3." in _client(app, "tutora").get(f"/review/attempts/{attempt_id}").get_data(True)
    again = assessor.post(f"/iqa/checks/{check_id}/answer", data={"response": "x", "csrf_token": csrf_from(page)})
    assert again.status_code == 400 and "answered already" in again.get_data(as_text=True)


def test_the_next_sample_skips_what_was_sampled_and_weights_an_action(app, signed_cohort):
    from web.services.iqa import draw_sample, record_check
    with app.app_context():
        quinn = db.session.scalar(db.select(User).filter_by(username="quinn"))
        cohort = db.session.get(Cohort, signed_cohort["cohort"])
        first = draw_sample(cohort, quinn, seed=1)
        record_check(first.checks[0], "action", "Evidence too thin.")
        db.session.commit()
        second = draw_sample(cohort, quinn, seed=2)   # 2 left; an earlier action doubles 50 % -> 100 %
        plan = second.plan[str(signed_cohort["assessor"])]
        assert (plan["population"], plan["rate"], plan["size"], plan["past_actions"]) == (2, 1.0, 2, 1)
        assert not {c.attempt_id for c in second.checks} & {c.attempt_id for c in first.checks}


def test_others_are_refused(app, signed_cohort, make_user):
    iqa = _client(app, "quinn")
    sample_url = _draw(iqa, signed_cohort["cohort"]).headers["Location"]
    sample_id = int(re.search(r"/samples/(\d+)", sample_url).group(1))
    with app.app_context():
        check_id = db.session.scalar(db.select(IqaCheck.id))
    other = _client(app, "otheriqa")
    assert other.get(sample_url).status_code == 403
    token = csrf_from(other.get("/iqa/").get_data(as_text=True))
    assert other.post(f"/iqa/checks/{check_id}", data={"outcome": "agree", "comment": "x",
                                                       "csrf_token": token}).status_code == 403
    make_user("assessor", "otherassessor")
    stranger = _client(app, "otherassessor")
    token = csrf_from(stranger.get("/iqa/actions").get_data(as_text=True))
    assert stranger.post(f"/iqa/checks/{check_id}/answer", data={"response": "x",
                                                                 "csrf_token": token}).status_code == 403
    assert sample_id


def test_bad_input_is_a_400(app, signed_cohort, demo_cohort):
    iqa = _client(app, "quinn")
    sample_url = _draw(iqa, signed_cohort["cohort"]).headers["Location"]
    with app.app_context():
        check_id = db.session.scalar(db.select(IqaCheck.id))
    token = csrf_from(iqa.get(sample_url).get_data(as_text=True))
    bad = iqa.post(f"/iqa/checks/{check_id}", data={"outcome": "maybe", "comment": "x", "csrf_token": token})
    assert bad.status_code == 400 and "Choose agree or action" in bad.get_data(as_text=True)
    empty = iqa.post(f"/iqa/checks/{check_id}", data={"outcome": "agree", "comment": " ", "csrf_token": token})
    assert empty.status_code == 400
    answers = [_draw(iqa, signed_cohort["cohort"]) for _ in range(3)]   # 2 left: 1, then 1, then none
    assert [a.status_code for a in answers] == [302, 302, 400]
    assert "no signed-off evidence" in answers[-1].get_data(as_text=True)


def test_an_admin_attaches_an_iqa_who_then_samples_and_sees_that_cohort_only(app, signed_cohort, make_user):
    from web.extensions import db as _db
    make_user("admin", "boss")
    make_user("tutor", "tutorz")
    with app.app_context():
        other = Cohort(name="Zeta cohort", tutor_id=_db.session.scalar(_db.select(User.id).filter_by(username="tutorz")))
        _db.session.add(other)
        _db.session.commit()
        other_id = other.id
    admin = _client(app, "boss")
    page = admin.get("/admin/").get_data(as_text=True)
    assert f'action="/admin/cohorts/{other_id}/iqas"' in page and "IQA's username" in page
    refused = admin.post(f"/admin/cohorts/{other_id}/iqas", data={"username": "tutora", "csrf_token": csrf_from(page)},
                         follow_redirects=True)
    assert "There is no iqa with the username" in refused.get_data(as_text=True)
    done = admin.post(f"/admin/cohorts/{other_id}/iqas", data={"username": "OtherIQA", "csrf_token": csrf_from(page)},
                      follow_redirects=True).get_data(as_text=True)
    assert "now samples Zeta cohort" in done

    quinn, otheriqa = _client(app, "quinn"), _client(app, "otheriqa")
    assert "Test cohort" in quinn.get("/iqa/").get_data(as_text=True)
    assert "Zeta cohort" not in quinn.get("/iqa/").get_data(as_text=True)
    home = otheriqa.get("/iqa/").get_data(as_text=True)
    assert "Zeta cohort" in home and "Test cohort" not in home
    assert _draw(otheriqa, signed_cohort["cohort"]).status_code == 403     # another cohort's id
    assert _draw(quinn, other_id).status_code == 403
    assert _draw(quinn, 999999).status_code == 404

    sample_url = _draw(quinn, signed_cohort["cohort"]).headers["Location"]
    with app.app_context():
        picked = _db.session.scalar(_db.select(IqaCheck.attempt_id))
        quinn_id = _db.session.scalar(_db.select(User.id).filter_by(username="quinn"))
    assert quinn.get(f"/review/attempts/{picked}").status_code == 200
    detach = admin.post(f"/admin/cohorts/{signed_cohort['cohort']}/iqas/{quinn_id}/detach",
                        data={"csrf_token": csrf_from(admin.get("/admin/").get_data(as_text=True))},
                        follow_redirects=True)
    assert "no longer samples Test cohort" in detach.get_data(as_text=True)
    assert quinn.get(sample_url).status_code == 403 and quinn.get(f"/review/attempts/{picked}").status_code == 403
    assert "Test cohort" not in quinn.get("/iqa/").get_data(as_text=True)
    again = admin.post(f"/admin/cohorts/{signed_cohort['cohort']}/iqas/{quinn_id}/detach",
                       data={"csrf_token": csrf_from(admin.get("/admin/").get_data(as_text=True))}, follow_redirects=True)
    assert "not attached to this cohort" in again.get_data(as_text=True)


def test_a_role_change_takes_an_iqa_off_their_cohorts(app, signed_cohort):
    from web.services.accounts import change_role
    with app.app_context():
        quinn = db.session.scalar(db.select(User).filter_by(username="quinn"))
        boss = db.session.get(User, signed_cohort["tutor"])
        boss.role = "admin"
        assert change_role(quinn, "assessor", boss) == 1 and quinn.sampled_cohorts == []


def test_the_sample_says_which_evidence_changed_since_its_sign_off(app, signed_cohort):
    """The IQA checks evidence as it was signed: a level a tutor changed afterwards is flagged on the sample."""
    from web.services.marks import moderate
    iqa = _client(app, "quinn")
    url = _draw(iqa, signed_cohort["cohort"]).headers["Location"]
    assert "Changed since sign-off" not in iqa.get(url).get_data(as_text=True)
    with app.app_context():
        picked = db.session.scalar(db.select(IqaSample)).checks[0].attempt
        tone = next(s for s in picked.scores if s.criterion == "tone_of_voice").level
        moderate(picked, "tone_of_voice", "0" if tone != "0" else "1", "Flat.",
                 db.session.get(User, signed_cohort["tutor"]))
        db.session.commit()
        changed_id = picked.id
    page = iqa.get(url).get_data(as_text=True)
    assert page.count("Changed since sign-off") == 1
    item = page.split(f'href="/review/attempts/{changed_id}"')[1].split("</li>")[0]
    assert "Changed since sign-off" in item


def _sample_id(response) -> int:
    return int(re.search(r"/samples/(\d+)", response.headers["Location"]).group(1))


def _record_all(client, app, sample_id: int, outcome_of) -> None:
    """Record an outcome on every check of the sample through its page: outcome_of(attempt_id) -> outcome."""
    page = client.get(f"/iqa/samples/{sample_id}").get_data(as_text=True)
    with app.app_context():
        checks = db.session.execute(db.select(IqaCheck.id, IqaCheck.attempt_id).filter_by(sample_id=sample_id)).all()
    for check_id, attempt_id in checks:
        assert client.post(f"/iqa/checks/{check_id}", data={
            "outcome": outcome_of(attempt_id), "comment": "Checked against PC3.",
            "csrf_token": csrf_from(page)}).status_code == 302


def _sign_new(app, cohort, make_attempt, assessor, n: int) -> list[int]:
    ids = [make_attempt(cohort["learner"]) for _ in range(n)]
    for attempt_id in ids:
        url = f"/review/attempts/{attempt_id}"
        assert assessor.post(f"{url}/signoff", data={
            "comment": "Meets the criteria.", "csrf_token": csrf_from(assessor.get(url).get_data(as_text=True))
        }).status_code == 302
    return ids


def _plan_row(page: str) -> str:
    return page.split("<h2>The plan</h2>", 1)[1].split("</table>", 1)[0]


def test_an_action_doubles_the_rate_until_later_work_is_checked_and_agreed(app, signed_cohort, make_attempt):
    """Rule 3 through the IQA pages: an action doubles the assessor's rate; agreeing with work they signed before it
    leaves it doubled; a sound check of work they signed off since brings it back to the base rate."""
    iqa, assessor = _client(app, "quinn"), _client(app, "assessora")
    first = _sample_id(_draw(iqa, signed_cohort["cohort"]))   # 4 sign-offs: 50 % of 4 -> 2
    with app.app_context():
        flagged = db.session.scalar(db.select(IqaCheck.attempt_id).filter_by(sample_id=first).order_by(IqaCheck.id))
    _record_all(iqa, app, first, lambda a: "action" if a == flagged else "agree")   # the agree: older work
    later = _sign_new(app, signed_cohort, make_attempt, assessor, 2)
    response = _draw(iqa, signed_cohort["cohort"])   # 2 old + 2 new unsampled; 6 sign-offs: 50 % doubled -> all 4
    second = _sample_id(response)
    plan = _plan_row(iqa.get(response.headers["Location"]).get_data(as_text=True))
    assert "100%" in plan and "rate doubled" in plan
    with app.app_context():
        assert set(later) <= set(db.session.scalars(db.select(IqaCheck.attempt_id).filter_by(sample_id=second)))
    _record_all(iqa, app, second, lambda a: "agree")   # work signed since the action, found sound
    _sign_new(app, signed_cohort, make_attempt, assessor, 2)
    response = _draw(iqa, signed_cohort["cohort"])   # 8 sign-offs: 50 % of 2 -> 1, no longer doubled
    plan = _plan_row(iqa.get(response.headers["Location"]).get_data(as_text=True))
    assert "50%" in plan and "cleared by a sound check of later work" in plan and "rate doubled" not in plan
    with app.app_context():
        sample = db.session.get(IqaSample, _sample_id(response))
        p = sample.plan[str(signed_cohort["assessor"])]
        assert (p["population"], p["rate"], p["size"], p["past_actions"], p["raised"]) == (2, 0.5, 1, 1, False)
