"""The progress page is drawn once per state of the learner's record (web/services/progress_version.py, issue 17
item 2): a repeat view runs one summary statement instead of reading the learner's attempts, and every change the
page shows (a new completed attempt, a moderation, a logbook entry) draws it afresh."""
from __future__ import annotations

import re

from sqlalchemy import select

from tests.conftest import csrf_from, sign_in
from tests.web.test_page_work import copy_attempts, statements
from web.extensions import db
from web.models import CriterionScore, LogbookEntry
from web.services.scoring import LABELS


def level_row(page: str, criterion: str) -> list[str]:
    """The cells of a criterion's row in the criterion table (one per attempt shown)."""
    row = re.search(rf'<th scope="row">{re.escape(LABELS[criterion])}</th>(.*?)</tr>', page)
    assert row, criterion
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def test_a_repeat_view_runs_a_fixed_few_statements_and_reads_no_attempt_rows(app, client, login, demo_cohort,
                                                                             make_attempt):
    copy_attempts(app, make_attempt(demo_cohort["learner"]), [demo_cohort["learner"]], 3)
    login("tutora")
    path = f"/progress/learners/{demo_cohort['learner']}"
    drawn = statements(app, client, path)
    kept = statements(app, client, path)
    # kept: the session's user, the learner, the tutor's right to see them, the data version; drawn: then the
    # attempt rows, two of levels, the first replies, the shown page's own titles (its instances' JSON only),
    # supervisory exercises and logbook entries
    assert (drawn, kept) == (11, 4)


def test_a_new_completed_attempt_is_shown_at_once(app, client, login, demo_cohort, make_attempt):
    first = make_attempt(demo_cohort["learner"])   # on X (Twitter)
    login("learnera")
    before = client.get("/progress/").get_data(as_text=True)
    copy_attempts(app, first, [demo_cohort["learner"]], 1)
    after = client.get("/progress/").get_data(as_text=True)
    assert "<td>X (Twitter)</td><td>1</td>" in before and "<td>X (Twitter)</td><td>2</td>" in after


def test_a_moderation_is_shown_at_once(app, client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    with app.app_context():
        hear = db.session.scalar(select(CriterionScore).filter_by(attempt_id=attempt_id, criterion="hear"))
        new_level = "0" if hear.level != "0" else "2"
    login("tutora")
    path = f"/progress/learners/{demo_cohort['learner']}"
    before = level_row(client.get(path).get_data(as_text=True), "hear")
    review = client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    response = client.post(f"/review/attempts/{attempt_id}/moderate", data={
        "csrf_token": csrf_from(review), "criterion": "hear", "level": new_level, "comment": "Heard them well"})
    assert response.status_code == 302
    after = level_row(client.get(path).get_data(as_text=True), "hear")
    assert before != [new_level] and after == [new_level]


def test_a_logbook_entry_added_or_edited_is_shown_at_once(app, client, login, demo_cohort):
    login("learnera")
    before = client.get("/progress/").get_data(as_text=True)
    with app.app_context():
        entry = LogbookEntry(learner_id=demo_cohort["learner"], title="Busy Monday queue", fields={},
                             performance_criteria=["P1"])
        db.session.add(entry)
        db.session.commit()
        entry_id = entry.id
    added = client.get("/progress/").get_data(as_text=True)
    with app.app_context():
        db.session.get(LogbookEntry, entry_id).title = "Busy Monday queue, reflected on"
        db.session.commit()
    edited = client.get("/progress/").get_data(as_text=True)
    assert "Busy Monday queue" not in before and "Busy Monday queue</a>" in added
    assert "Busy Monday queue, reflected on</a>" in edited


def test_the_learners_own_page_and_the_tutors_view_are_kept_apart(app, client, login, demo_cohort, make_attempt):
    make_attempt(demo_cohort["learner"])
    login("learnera")
    own = client.get("/progress/").get_data(as_text=True)
    tutor = app.test_client()
    sign_in(tutor, "tutora")
    staff = tutor.get(f"/progress/learners/{demo_cohort['learner']}").get_data(as_text=True)
    assert "your knowledge checks" in own and "their knowledge checks" not in own
    assert "their knowledge checks" in staff and "your knowledge checks" not in staff
