"""The signed-in user is read from the database on every request but its ORM object is rebuilt only when it changed
(issue 17, web/services/session_user.py): whatever changes the account's row between two requests, by this app or
by anything else, the next request sees it; a change a request flushed and then lost is never shown."""
from __future__ import annotations

import pytest
from flask import render_template_string
from flask_login import current_user
from sqlalchemy import event, text, update

from tests.conftest import sign_in
from tests.web.test_page_work import statement_texts
from web.extensions import db
from web.models import Cohort, User
from web.security import roles_required

ROLES = ("learner", "tutor", "assessor", "iqa", "admin")
WHO = "{{ current_user.full_name }}|{{ current_user.role }}"


@pytest.fixture
def pages(app):
    app.add_url_rule("/test-who", "test_who", roles_required(*ROLES)(lambda: render_template_string(WHO)))

    def rename_without_saving():   # flushed, then the request ends without a commit (as a refused form would)
        current_user.full_name = "Never Saved"
        db.session.flush()
        return "ok"

    app.add_url_rule("/test-rename", "test_rename", roles_required(*ROLES)(rename_without_saving))

    def rename_and_save():
        current_user.full_name = "Saved Name"
        db.session.commit()
        return "ok"

    app.add_url_rule("/test-save", "test_save", roles_required(*ROLES)(rename_and_save))

    def sampled():
        return ",".join(c.name for c in current_user.sampled_cohorts)

    app.add_url_rule("/test-sampled", "test_sampled", roles_required("iqa")(sampled))
    return app


@pytest.fixture
def user_loads(app):
    """Counts User objects built by the ORM from a row."""
    loads = []

    def count(_target, _context):
        loads.append(1)

    event.listen(User, "load", count)
    yield loads
    event.remove(User, "load", count)


def change_row(app, user_id: int, **values) -> None:
    """Changes the account's row behind the app's back (another process, an admin's SQL)."""
    with app.app_context():
        db.session.execute(update(User).where(User.id == user_id).values(**values))
        db.session.commit()


def test_the_next_request_reuses_the_users_object_when_its_row_is_unchanged(app, client, make_user, pages,
                                                                           user_loads):
    make_user("learner", username="sam", full_name="Sam Jones")
    sign_in(client, "sam")
    assert client.get("/test-who").get_data(as_text=True) == "Sam Jones|learner"
    user_loads.clear()
    for _ in range(3):
        assert client.get("/test-who").get_data(as_text=True) == "Sam Jones|learner"
    assert user_loads == []


def test_a_name_or_role_changed_elsewhere_shows_on_the_next_request(app, client, make_user, pages, user_loads):
    sam = make_user("learner", username="sam", full_name="Sam Jones")
    sign_in(client, "sam")
    client.get("/test-who")
    client.get("/test-who")
    user_loads.clear()
    change_row(app, sam, full_name="Samantha Jones")
    assert client.get("/test-who").get_data(as_text=True) == "Samantha Jones|learner"
    change_row(app, sam, role="tutor")
    assert client.get("/test-who").get_data(as_text=True) == "Samantha Jones|tutor"
    assert client.get("/learner/").status_code == 403   # the role check sees the new role at once
    assert user_loads == [1, 1]   # loaded afresh after each change, then kept again


@pytest.mark.parametrize("change", [{"active": False}, {"session_version": 7}])
def test_deactivation_or_a_new_session_version_elsewhere_ends_the_session_on_the_next_request(
        app, client, make_user, pages, change):
    sam = make_user("learner", username="sam")
    sign_in(client, "sam")
    client.get("/test-who")
    assert client.get("/test-who").status_code == 200
    change_row(app, sam, **change)
    response = client.get("/test-who")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_deleted_account_is_signed_out(app, client, make_user, pages):
    sam = make_user("learner", username="sam")
    sign_in(client, "sam")
    client.get("/test-who")
    client.get("/test-who")
    with app.app_context():
        db.session.execute(text("DELETE FROM \"user\" WHERE id = :id"), {"id": sam})
        db.session.commit()
    response = client.get("/test-who")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_change_flushed_by_a_request_that_did_not_commit_is_never_shown(app, client, make_user, pages):
    make_user("learner", username="sam", full_name="Sam Jones")
    sign_in(client, "sam")
    client.get("/test-who")
    assert client.get("/test-rename").status_code == 200
    assert client.get("/test-who").get_data(as_text=True) == "Sam Jones|learner"


def test_cohorts_loaded_through_the_user_are_read_again_on_the_next_request(app, client, make_user, pages):
    make_user("tutor", username="tina")
    make_user("iqa", username="ivy")
    with app.app_context():
        tutor = db.session.scalar(db.select(User).filter_by(username="tina"))
        iqa = db.session.scalar(db.select(User).filter_by(username="ivy"))
        cohort = Cohort(name="Alpha", tutor_id=tutor.id)
        cohort.iqas.append(iqa)
        db.session.add(cohort)
        db.session.commit()
        cohort_id = cohort.id
    sign_in(client, "ivy")
    assert client.get("/test-sampled").get_data(as_text=True) == "Alpha"
    with app.app_context():   # an admin detaches the IQA in between
        alpha = db.session.get(Cohort, cohort_id)
        alpha.iqas.clear()
        db.session.commit()
    assert client.get("/test-sampled").get_data(as_text=True) == ""


def test_a_user_committed_by_a_request_is_read_again_on_the_next(app, client, make_user, pages, user_loads):
    make_user("learner", username="sam", full_name="Sam Jones")
    sign_in(client, "sam")
    client.get("/test-who")
    client.get("/test-who")
    user_loads.clear()
    assert client.get("/test-save").status_code == 200
    assert client.get("/test-who").get_data(as_text=True) == "Saved Name|learner"
    assert user_loads   # the commit expired the kept object: it was loaded afresh


def test_after_a_committing_request_the_next_still_reads_the_account_in_one_statement(app, client, make_user,
                                                                                     pages):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    client.get("/test-who")
    assert client.get("/test-save").status_code == 200
    assert len(statement_texts(app, client, "/test-who")) == 1
