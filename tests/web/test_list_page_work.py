"""The list pages' fixed work (issue 17): each runs a pinned number of statements (a lazy load coming back adds
one), builds each row's links once a page (web/links.py) with the same URLs url_for gives, and renders its
unchanging form once per process with the current session's CSRF token."""
from __future__ import annotations

import pytest
from flask import url_for

from tests.conftest import csrf_from, sign_in
from tests.web.test_page_work import statements
from web.links import row_url


@pytest.mark.parametrize("username, path, pinned", [
    ("learnera", "/learner/", 5),          # user, cohorts, assignments, recent attempts, invitations
    ("tutora", "/tutor/", 3),              # user, cohorts, recent attempts
    ("tutora", "/review/?show=all", 2),    # user, the page of the queue
    ("assessora", "/assessor/", 3)])       # user, cohorts with the page of learners and counts, recent attempts
def test_a_list_page_runs_its_pinned_statements(app, client, login, demo_cohort, make_attempt, username, path,
                                                pinned):
    make_attempt(demo_cohort["learner"])
    login(username)
    client.get(path)
    assert statements(app, client, path) == pinned


def test_row_links_are_the_urls_url_for_builds(app):
    with app.test_request_context("/"):
        for endpoint, key, values in (("review.attempt", "attempt_id", {}),
                                      ("exports.portfolio_pdf", "user_id", {"include": "evidence"}),
                                      ("practice.result", "attempt_id", {})):
            link = row_url(endpoint, key, **values)
            for id_ in (0, 7, 1234567):
                assert link(id_) == url_for(endpoint, **{key: id_}, **values)
        with pytest.raises(ValueError):
            row_url("review.attempt", "attempt_id")("7 onclick=x")   # only whole numbers take the id's place


def test_a_kept_home_page_carries_each_sessions_own_token(app, client, login, demo_cohort):
    login("learnerc")
    client.get("/learner/")   # draws and keeps the page's content, the join form with it
    other = app.test_client()   # the same learner in another browser: another session, another token
    assert sign_in(other, "learnerc").status_code == 302
    page = other.get("/learner/").get_data(as_text=True)
    form = page[page.index('action="/learner/join"'):]
    with app.app_context():
        from web.extensions import db
        from web.models import Cohort
        code = db.session.get(Cohort, demo_cohort["cohort"]).join_code
    joined = other.post("/learner/join", data={"join_code": code, "csrf_token": csrf_from(form)},
                        follow_redirects=True)
    assert "You have joined Test cohort." in joined.get_data(as_text=True)
    assert "Test cohort (tutor:" in client.get("/learner/").get_data(as_text=True)   # the change shows at once


def test_a_new_attempt_shows_on_the_home_pages_at_once(app, client, login, demo_cohort, make_attempt):
    make_attempt(demo_cohort["learner"])
    pages = {"/learner/": client, "/tutor/": app.test_client(), "/assessor/": app.test_client()}
    assert sign_in(pages["/tutor/"], "tutora").status_code == 302
    assert sign_in(pages["/assessor/"], "assessora").status_code == 302
    login("learnera")
    before = {path: c.get(path).get_data(as_text=True) for path, c in pages.items()}   # drawn and kept
    newer = make_attempt(demo_cohort["learner"], scenario_id="outage-broadband-x")
    with app.app_context():
        from web.extensions import db
        from web.models import Attempt
        title = db.session.get(Attempt, newer).instance.title
    for path, c in pages.items():
        assert title not in before[path]
        assert title in c.get(path).get_data(as_text=True), path


def test_a_moderation_shows_in_the_review_queue_at_once(app, client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("tutora")
    assert '<span class="tag">moderated</span>' not in client.get("/review/?show=all").get_data(as_text=True)
    with app.app_context():
        from web.extensions import db
        from web.models import Attempt, User
        from web.services.marks import moderate
        moderate(db.session.get(Attempt, attempt_id), "tone_of_voice", "0", "Sarcastic in context.",
                 db.session.get(User, demo_cohort["tutor"]))
        db.session.commit()
    assert '<span class="tag">moderated</span>' in client.get("/review/?show=all").get_data(as_text=True)
