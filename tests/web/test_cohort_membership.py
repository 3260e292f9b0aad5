"""Cohort membership (issue 14, and the README's rules): a tutor cannot take over another cohort's learner. A
learner joins by the join code, by accepting a tutor's invitation, or when an admin adds them; the tutor's message
never says whether a username exists."""
from __future__ import annotations

import html

import pytest

from tests.conftest import csrf_from, sign_in


def members(app, cohort_id: int) -> list[str]:
    from web.extensions import db
    from web.models import Cohort

    with app.app_context():
        return sorted(l.username for l in db.session.get(Cohort, cohort_id).learners)


@pytest.fixture
def rival(app, make_user, demo_cohort):
    """Another tutor's cohort, to which tutora's learner learnera must not be taken."""
    from web.extensions import db
    from web.models import Cohort

    with app.app_context():
        cohort = Cohort(name="Rival cohort", tutor_id=demo_cohort["other_tutor"])
        db.session.add(cohort)
        db.session.commit()
        return cohort.id


def tutor_adds(app, tutor: str, cohort_id: int, username: str):
    client = app.test_client()
    assert sign_in(client, tutor).status_code == 302
    url = f"/tutor/cohorts/{cohort_id}"
    response = client.post(f"{url}/learners", data={"username": username, "csrf_token": csrf_from(
        client.get(url).get_data(as_text=True))}, follow_redirects=True)
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True)), client


def test_a_tutor_cannot_take_another_cohorts_learner_or_see_their_work(app, demo_cohort, rival, make_attempt):
    attempt = make_attempt(demo_cohort["learner"])
    _page, client = tutor_adds(app, "tutorb", rival, "learnera")
    assert members(app, rival) == []
    assert members(app, demo_cohort["cohort"]) == ["learnera", "learnerb"]
    for url in (f"/progress/learners/{demo_cohort['learner']}", f"/logbook/learners/{demo_cohort['learner']}",
                f"/review/attempts/{attempt}", f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf"):
        assert client.get(url).status_code == 403, url


def test_a_tutor_cannot_add_a_learner_who_is_in_no_cohort_without_their_consent(app, demo_cohort, rival):
    tutor_adds(app, "tutorb", rival, "learnerc")
    assert members(app, rival) == []


def test_the_tutors_message_is_the_same_whatever_the_username_is(app, demo_cohort, rival, make_user):
    make_user("assessor", username="someassessor")
    messages = set()
    for username in ("learnera", "learnerc", "nobody-at-all", "someassessor", "tutora"):
        page, _ = tutor_adds(app, "tutorb", rival, username)
        start = page.index(f"If {username}")
        messages.add(page[start:page.index("</p>", start)].replace(username, "NAME"))
    assert len(messages) == 1, messages
    assert "they join when they accept it" in messages.pop()


def learner_home(app, username: str):
    client = app.test_client()
    assert sign_in(client, username).status_code == 302
    return client, client.get("/learner/").get_data(as_text=True)


def test_an_invited_learner_sees_the_invitation_and_joins_by_accepting_it(app, demo_cohort, rival):
    tutor_adds(app, "tutorb", rival, "learnerc")
    client, home = learner_home(app, "learnerc")
    assert "Rival cohort" in home and "Accept and join" in home
    from web.extensions import db
    from web.models import CohortInvitation
    with app.app_context():
        invitation = db.session.scalar(db.select(CohortInvitation)).id
    client.post(f"/learner/invitations/{invitation}", data={"accept": "Accept and join", "csrf_token": csrf_from(home)})
    assert members(app, rival) == ["learnerc"]
    assert "Accept and join" not in client.get("/learner/").get_data(as_text=True)


def test_a_learner_in_another_cohort_can_accept_and_is_then_in_both(app, demo_cohort, rival):
    tutor_adds(app, "tutorb", rival, "learnera")
    client, home = learner_home(app, "learnera")
    from web.extensions import db
    from web.models import CohortInvitation
    with app.app_context():
        invitation = db.session.scalar(db.select(CohortInvitation)).id
    client.post(f"/learner/invitations/{invitation}", data={"accept": "Accept and join", "csrf_token": csrf_from(home)})
    assert members(app, rival) == ["learnera"] and "learnera" in members(app, demo_cohort["cohort"])


def test_a_declined_invitation_adds_nobody_and_is_gone(app, demo_cohort, rival):
    from web.extensions import db
    from web.models import CohortInvitation

    tutor_adds(app, "tutorb", rival, "learnerc")
    client, home = learner_home(app, "learnerc")
    with app.app_context():
        invitation = db.session.scalar(db.select(CohortInvitation)).id
    client.post(f"/learner/invitations/{invitation}", data={"decline": "Decline", "csrf_token": csrf_from(home)})
    assert members(app, rival) == []
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CohortInvitation)) == 0


def test_a_learner_cannot_answer_someone_elses_invitation(app, demo_cohort, rival):
    from web.extensions import db
    from web.models import CohortInvitation

    tutor_adds(app, "tutorb", rival, "learnerc")
    client, home = learner_home(app, "learnerb")
    with app.app_context():
        invitation = db.session.scalar(db.select(CohortInvitation)).id
    response = client.post(f"/learner/invitations/{invitation}", data={"accept": "y", "csrf_token": csrf_from(home)})
    assert response.status_code == 404
    assert members(app, rival) == []


def test_the_join_code_still_lets_a_learner_join_and_uses_up_an_invitation(app, demo_cohort, rival):
    from web.extensions import db
    from web.models import Cohort, CohortInvitation

    tutor_adds(app, "tutorb", rival, "learnerc")
    with app.app_context():
        code = db.session.get(Cohort, rival).join_code
    client, home = learner_home(app, "learnerc")
    client.post("/learner/join", data={"join_code": code, "csrf_token": csrf_from(home)})
    assert members(app, rival) == ["learnerc"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CohortInvitation)) == 0


def test_an_admin_adds_a_learner_directly(app, demo_cohort, rival, make_user):
    make_user("admin", username="boss")
    page, _ = tutor_adds(app, "boss", rival, "learnera")
    assert members(app, rival) == ["learnera"]
    assert "added to Rival cohort" in page
