"""Signed-in pages do a fixed amount of work per request (issue 17): the statements a page runs do not grow with
the attempts, learners and cohorts it lists; the review queue is paged; the session cookie is re-signed at most
once a minute, while the idle timeout and the session-version check still hold (tests/web/test_sessions.py)."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import event, insert, select

from tests.conftest import csrf_from, sign_in
from web.extensions import db
from web.models import Attempt, Cohort, User, cohort_learners


def copy_attempts(app, attempt_id: int, learner_ids: list[int], copies: int) -> None:
    """`copies` completed attempts for each learner, cloned from a real scored one (the pages read only rows)."""
    with app.app_context():
        source = db.session.get(Attempt, attempt_id)
        row = {c: getattr(source, c) for c in ("instance_id", "exercise_type", "status", "submitted_at",
                                               "auto_grade", "final_grade", "mode")}
        db.session.execute(insert(Attempt), [dict(row, learner_id=l, unsure_count=1)
                                             for l in learner_ids for _ in range(copies)])
        db.session.commit()


def more_learners(app, make_user, cohort_id: int, count: int) -> list[int]:
    ids = [make_user("learner", f"extra{i}") for i in range(count)]
    with app.app_context():
        db.session.execute(insert(cohort_learners), [{"cohort_id": cohort_id, "user_id": i} for i in ids])
        db.session.add(Cohort(name="Second cohort", tutor_id=db.session.scalar(
            select(Cohort.tutor_id).where(Cohort.id == cohort_id))))
        db.session.commit()
    return ids


def statement_texts(app, client, path: str) -> list[str]:
    """The SQL statements one GET of `path` runs, in order (the page must answer 200)."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return seen


def statements(app, client, path: str) -> int:
    return len(statement_texts(app, client, path))


@pytest.mark.parametrize("username, path", [("learnera", "/learner/"), ("tutora", "/tutor/"),
                                            ("tutora", "/review/?show=all"), ("tutora", "/review/?show=unsure")])
def test_a_list_page_runs_as_many_statements_for_many_attempts_and_learners_as_for_one(
        app, client, login, demo_cohort, make_attempt, make_user, username, path):
    first = make_attempt(demo_cohort["learner"])
    login(username)
    client.get(path)
    few = statements(app, client, path)
    extra = more_learners(app, make_user, demo_cohort["cohort"], 5)
    copy_attempts(app, first, [demo_cohort["learner"], *extra], 6)
    assert statements(app, client, path) == few


def test_the_review_queue_shows_25_attempts_a_page_with_links_between_pages(app, client, login, demo_cohort,
                                                                            make_attempt):
    copy_attempts(app, make_attempt(demo_cohort["learner"]), [demo_cohort["learner"]], 29)
    login("tutora")
    first = client.get("/review/?show=all").get_data(as_text=True)
    second = client.get("/review/?show=all&page=2").get_data(as_text=True)
    assert first.count('href="/review/attempts/') == 25 and second.count('href="/review/attempts/') == 5
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert 'rel="prev"' in second and 'rel="next"' not in second
    with app.app_context():
        all_ids = set(db.session.scalars(select(Attempt.id)))
    shown = {int(part.split('"')[0]) for page in (first, second) for part in page.split('href="/review/attempts/')[1:]}
    assert shown == all_ids   # every attempt once, none lost between the pages


@pytest.mark.parametrize("page", ["abc", "-1", "1.5", "9" * 12])
def test_a_review_queue_page_that_is_not_a_whole_number_is_a_400(client, login, demo_cohort, page):
    login("tutora")
    assert client.get(f"/review/?page={page}").status_code == 400


@pytest.fixture
def clock(monkeypatch):
    from itsdangerous.timed import TimestampSigner

    state = {"ahead": 0}
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) + state["ahead"])
    return state


def session_cookie_set(response) -> bool:
    return any(h.startswith("session=") for h in response.headers.getlist("Set-Cookie"))


def test_the_session_cookie_is_re_signed_once_a_minute_not_on_every_request(client, make_user, clock):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    assert not session_cookie_set(client.get("/learner/"))   # signed a moment ago: nothing to renew
    clock["ahead"] = 45   # under a minute, with room for a slow machine between sign-in and this request
    assert not session_cookie_set(client.get("/learner/"))
    clock["ahead"] = 61
    assert session_cookie_set(client.get("/learner/"))       # a minute old: renewed, the idle timeout slides
    assert not session_cookie_set(client.get("/learner/"))   # and counted again from the renewal


def test_a_revoked_session_is_refused_on_the_next_request_even_between_renewals(app, client, make_user, clock):
    learner = make_user("learner", username="sam")
    sign_in(client, "sam")
    assert client.get("/learner/").status_code == 200
    with app.app_context():
        user = db.session.get(User, learner)
        user.session_version += 1   # what signing out elsewhere, a password reset or deactivation do
        db.session.commit()
    response = client.get("/learner/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_main_menu_is_rendered_once_per_role_and_each_role_gets_its_own(app, client, make_user):
    from flask import template_rendered

    rendered = []

    def record(_app, template, context, **_extra):
        rendered.append(template.name)

    make_user("learner", username="sam")
    make_user("tutor", username="tess")
    template_rendered.connect(record, app)
    try:
        sign_in(client, "sam")
        learner_pages = [client.get("/learner/").get_data(as_text=True) for _ in range(3)]
        tutor = app.test_client()
        sign_in(tutor, "tess")
        tutor_page = tutor.get("/tutor/").get_data(as_text=True)
    finally:
        template_rendered.disconnect(record, app)
    assert rendered.count("_nav.html") == 2   # once for learners, once for tutors, not on every page
    assert all('href="/practice/"' in page and 'href="/review/"' not in page for page in learner_pages)
    assert 'href="/review/"' in tutor_page and 'href="/practice/"' not in tutor_page


def test_with_template_reloading_on_the_menu_is_rendered_every_time(app, client, make_user):
    from flask import template_rendered

    rendered = []
    app.jinja_env.auto_reload = True   # what development (flask run --debug) has: edits must show at once
    make_user("learner", username="sam")

    def record(_app, template, context, **_extra):
        rendered.append(template.name)

    template_rendered.connect(record, app)   # blinker holds receivers weakly: keep `record` alive in this scope
    try:
        sign_in(client, "sam")
        client.get("/learner/")
        client.get("/learner/")
    finally:
        template_rendered.disconnect(record, app)
    assert rendered.count("_nav.html") == 2


@pytest.mark.parametrize("viewer", ["learnera", "tutora"])
def test_the_progress_page_runs_as_many_statements_for_many_attempts_as_for_one(
        app, client, login, demo_cohort, make_attempt, viewer):
    first = make_attempt(demo_cohort["learner"])
    path = "/progress/" if viewer == "learnera" else f"/progress/learners/{demo_cohort['learner']}"
    login(viewer)
    client.get(path)
    few = statements(app, client, path)
    copy_attempts(app, first, [demo_cohort["learner"]], 12)
    page = client.get(path).get_data(as_text=True)
    assert statements(app, client, path) == few
    assert page.count("<td>13</td>") >= 1   # the 13th attempt is listed: the rows are all there


def selects_built(client, path: str) -> int:
    """How many SELECT statements the request constructs in Python (running one that was built before is free)."""
    from sqlalchemy.sql.selectable import Select

    built = []
    original = Select.__init__

    def counted(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    Select.__init__ = counted
    try:
        assert client.get(path).status_code == 200
    finally:
        Select.__init__ = original
    return len(built)


@pytest.mark.parametrize("username, path", [("assessora", "/assessor/"), ("learnera", "/learner/"), ("tutora", "/tutor/"),
                                            ("tutora", "/review/?show=all"), ("tutora", "/review/")])
def test_a_list_page_builds_its_statements_once_per_process_not_per_request(
        app, client, login, demo_cohort, make_attempt, username, path):
    make_attempt(demo_cohort["learner"])
    login(username)
    client.get(path)
    assert selects_built(client, path) == 0


def test_the_assessor_home_reads_each_assessors_own_cohorts_from_its_shared_statements(
        app, client, login, demo_cohort, make_attempt, make_user):
    make_attempt(demo_cohort["learner"])
    other = make_user("assessor", "assessorb")
    extra = more_learners(app, make_user, demo_cohort["cohort"], 3)
    with app.app_context():
        second = db.session.scalar(select(Cohort).where(Cohort.name == "Second cohort"))
        second.assessors.append(db.session.get(User, other))
        second.learners.append(db.session.get(User, extra[0]))
        db.session.commit()
    login("assessora")
    mine = client.get("/assessor/").get_data(as_text=True)
    theirs = app.test_client()
    sign_in(theirs, "assessorb")
    page = theirs.get("/assessor/").get_data(as_text=True)
    assert "Test cohort" in mine and "Second cohort" not in mine and mine.count('href="/exports/') > 0
    assert "Second cohort" in page and "Test cohort" not in page
    with app.app_context():
        names = {u.id: u.full_name for u in db.session.scalars(select(User))}
    assert names[extra[0]] in page and names[demo_cohort["learner"]] not in page
    assert names[demo_cohort["learner"]] in mine and names[extra[1]] in mine


def test_the_workspace_and_result_pages_build_their_statements_once_per_process(
        app, client, login, demo_cohort, make_attempt):
    done = make_attempt(demo_cohort["learner"])
    make_attempt(demo_cohort["learner"], seed=4)   # an earlier attempt at the scenario: the result compares
    login("learnera")
    token = csrf_from(client.get("/learner/").get_data(as_text=True))
    started = client.post("/practice/start", data={"scenario_id": "late-parcel-x-public", "csrf_token": token})
    workspace = started.headers["Location"]
    for path in (workspace, f"/practice/attempts/{done}/result"):
        client.get(path)
        assert selects_built(client, path) == 0, path


def test_the_workspace_shows_each_learners_own_saved_drafts_through_the_shared_statement(
        app, client, login, demo_cohort):
    from web.services import drafts

    login("learnera")
    token = csrf_from(client.get("/learner/").get_data(as_text=True))
    workspace = client.post("/practice/start", data={"scenario_id": "late-parcel-x-public",
                                                     "csrf_token": token}).headers["Location"]
    attempt_id = int(workspace.rstrip("/").rsplit("/", 1)[1])
    with app.app_context():
        learner = db.session.get(User, demo_cohort["learner"])
        other = db.session.get(User, demo_cohort["other_learner"])
        drafts.save(learner, f"attempt-{attempt_id}-customer-0", "My own unsent draft")
        drafts.save(other, f"attempt-{attempt_id}-customer-0", "Somebody else's draft")
        db.session.commit()
    page = client.get(workspace).get_data(as_text=True)
    assert "My own unsent draft" in page and "Somebody else" not in page
