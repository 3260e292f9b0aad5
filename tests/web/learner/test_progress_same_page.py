"""The progress page drawn by web/views/progress.py shows exactly what main drew before the fresh-draw pass of
issue 17 item 2 (tests/web/learner/progress_reference.py, kept verbatim): the same body HTML (every figure, chart,
table row and evidence link) for a learner with attempts on several scenarios and platforms, timed replies early
and late, moderations, a re-scoring, an assessed attempt, an evidence level on an old attempt and an attempt still
in progress; with few attempts (one chart mark each) and with many (counted per period, tables paged)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from flask import render_template
from flask_login import login_user
from sqlalchemy import select

import rubrics
from tests.web.learner import progress_reference as reference
from tests.web.test_page_work import copy_attempts
from web.extensions import db
from web.models import Attempt, CriterionScore, User
from web.services.marks import moderate
from web.services.rescoring import rescore
from web.views import progress

SCENARIOS = [("late-parcel-x-public", 3, 20.0), ("damaged-mug-webchat", 4, 0.5), ("lost-parcel-facebook", 5, 75.0),
             ("lost-parcel-facebook", 6, 12.0), ("slow-refund-instagram", 7, 61.0), ("outage-broadband-x", 8, 29.0)]


def _record(app, learner_id: int, make_attempt, copies: int) -> None:
    """Six real attempts a day apart, then `copies` copies of the fourth spread over the weeks after, with a
    moderation, a re-scoring, an assessed attempt, an evidence level and an in-progress attempt."""
    ids = [make_attempt(learner_id, scenario_id=s, seed=seed, response_minutes=m) for s, seed, m in SCENARIOS]
    if copies:
        copy_attempts(app, ids[3], [learner_id], copies)
    with app.app_context():
        start = datetime(2026, 3, 2, 9, 0)
        rows = db.session.scalars(select(Attempt).where(Attempt.learner_id == learner_id).order_by(Attempt.id)).all()
        for n, a in enumerate(rows):
            a.submitted_at = start + timedelta(days=n if n < 6 else 6 + 3 * (n - 6), hours=n % 5)
        tutor = db.session.scalar(select(User).where(User.role == "tutor"))
        first, second = rows[0], rows[1]
        score = next(s for s in first.scores if s.level not in ("0", "na", "pass", "fail"))
        moderate(first, score.criterion, "0", "Not shown in the reply.", tutor)
        moderate(second, "data_protection", "fail" if next(
            s for s in second.scores if s.criterion == "data_protection").level == "pass" else "pass", "Checked.", tutor)
        context = dict(rows[2].instance.data["scoring_context"], response_minutes=75.0)
        rescore(rows[2], rubrics.score_reply("Sorry about that.", context))   # a weaker reply's marks
        rows[4].mode = "assessed"
        for a in (first, rows[4]):   # platform_use shows P1 and P3: one practice, one assessed
            db.session.add(CriterionScore(attempt_id=a.id, criterion="platform_use", auto_level="2"))
        db.session.add(Attempt(learner_id=learner_id, instance_id=first.instance_id, exercise_type="public_reply",
                               status="in_progress"))
        db.session.commit()


def _bodies(app, learner_id: int, path: str, viewer: str) -> tuple[str, str]:
    """The page body drawn by the app and by the reference, for `viewer` at `path`."""
    with app.test_request_context(path):
        user = db.session.get(User, learner_id)
        login_user(db.session.scalar(select(User).where(User.username == viewer)))
        page = progress._asked_page()
        old = reference.progress_data(user, page, asked="page" in path)
        expected = render_template("progress/_body.html", learner=user, **old)
        drawn = render_template("progress/_body.html", learner=user, **progress.progress_data(user, page))
    return drawn, expected


@pytest.mark.parametrize("copies", [0, 80])
def test_the_page_shows_what_the_reference_showed(app, demo_cohort, make_attempt, copies):
    _record(app, demo_cohort["learner"], make_attempt, copies)
    learner = demo_cohort["learner"]
    paths = [("/progress/", "learnera"), (f"/progress/learners/{learner}", "tutora")]
    if copies:
        paths += [("/progress/?page=2", "learnera"), (f"/progress/learners/{learner}?page=1", "tutora")]
    drawn_pages = []
    for path, viewer in paths:
        drawn, expected = _bodies(app, learner, path, viewer)
        assert drawn == expected, path
        drawn_pages.append(drawn)
    # The case is not empty: the charts (the copies carry no levels: no heatmap), tables and evidence map show it.
    own = drawn_pages[0]
    assert "1 assessed, 1 practice" in own and own.count("<svg") == (4 if copies else 5) and ("Older attempts" in own) == bool(copies)
    assert "<td>no</td>" in own and "<td>yes</td>" in own if not copies else "<td>no</td>" in drawn_pages[2]
