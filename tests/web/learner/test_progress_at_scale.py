"""The progress page for a learner with many attempts (issue 17 item 2: p95 under 100 ms at 500k attempts): the
per-attempt tables show one page of attempts, the newest first, while the charts, coverage and evidence map still
count every attempt; criterion levels are read for the heatmap's attempts and the evidence map's criteria only."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.web.test_page_work import copy_attempts
from web.extensions import db
from web.models import Attempt, CriterionScore
from web.views.progress import EVIDENCE_CRITERIA, HEATMAP_ATTEMPTS, TABLE_PAGE


def section(page: str, heading_id: str) -> str:
    """The HTML of the page's section headed by `heading_id`."""
    start = page.index(f'id="{heading_id}"')
    return page[start:page.find("</section>", start)]


def numbers(html: str) -> list[int]:
    """The attempt numbers in a table's first column."""
    return [int(n) for n in re.findall(r"<tr><td>(\d+)</td>", html)]


@pytest.fixture
def many(app, demo_cohort, make_attempt):
    """TABLE_PAGE + 5 completed attempts: one real one (the only one with a timed reply), then copies."""
    first = make_attempt(demo_cohort["learner"])
    copy_attempts(app, first, [demo_cohort["learner"]], TABLE_PAGE + 4)
    return demo_cohort


@pytest.mark.parametrize("viewer", ["learnera", "tutora"])
def test_the_tables_show_the_newest_attempts_first_and_page_back_to_the_oldest(client, login, many, viewer):
    total = TABLE_PAGE + 5
    path = "/progress/" if viewer == "learnera" else f"/progress/learners/{many['learner']}"
    login(viewer)
    page = client.get(path).get_data(as_text=True)
    assert numbers(section(page, "g-h")) == list(range(6, total + 1))
    assert f"Attempts 6 to {total} of {total}" in page and 'rel="next"' in page and 'rel="prev"' not in page
    assert "No timed replies in these attempts." in section(page, "t-h")   # attempt 1 is on the older page
    assert f"<td>{total}</td>" in section(page, "cov-h")   # coverage still counts every attempt

    older = client.get(f"{path}?page=2").get_data(as_text=True)
    assert numbers(section(older, "g-h")) == [1, 2, 3, 4, 5]
    assert numbers(section(older, "t-h")) == [1]
    assert 'rel="prev"' in older and 'rel="next"' not in older and "<details open>" in older


def test_a_page_past_the_last_or_not_a_number_is_refused(client, login, many):
    login("tutora")
    for query, status in (("page=3", 404), ("page=abc", 400), ("page=-1", 400), ("page=99999999999", 400)):
        assert client.get(f"/progress/learners/{many['learner']}?{query}").status_code == status, query


def test_a_few_attempts_show_on_one_page_with_no_pager(client, login, demo_cohort, make_attempt):
    make_attempt(demo_cohort["learner"])
    login("learnera")
    page = client.get("/progress/").get_data(as_text=True)
    assert numbers(section(page, "g-h")) == [1] and numbers(section(page, "t-h")) == [1]
    assert 'class="pager"' not in page and "<details open>" not in page


def test_an_attempt_older_than_the_heatmap_still_counts_in_the_evidence_map(app, client, login, demo_cohort,
                                                                           make_attempt):
    first = make_attempt(demo_cohort["learner"])
    with app.app_context():   # platform_use shows P1 and P3 (see test_assessed_evidence.py)
        db.session.add(CriterionScore(attempt_id=first, criterion="platform_use", auto_level="2"))
        db.session.commit()
    copy_attempts(app, first, [demo_cohort["learner"]], HEATMAP_ATTEMPTS + 2)
    login("learnera")
    evidence = section(client.get("/progress/").get_data(as_text=True), "ev-h")
    p1 = evidence[evidence.index("P1 "):evidence.index("</tr>", evidence.index("P1 "))]
    assert "0 assessed, 1 practice" in p1


def test_the_rows_carry_every_level_of_the_newest_attempts_and_only_the_evidence_levels_of_older_ones(
        app, demo_cohort, make_attempt):
    from web.services.progress_rows import completed_attempt_rows

    first = make_attempt(demo_cohort["learner"])
    copy_attempts(app, first, [demo_cohort["learner"]], 3)
    with app.app_context():
        ids = db.session.scalars(select(Attempt.id).where(Attempt.learner_id == demo_cohort["learner"])
                                 .order_by(Attempt.id)).all()
        for attempt_id in ids[1:]:
            db.session.add_all([CriterionScore(attempt_id=attempt_id, criterion="hear", auto_level="1"),
                                CriterionScore(attempt_id=attempt_id, criterion="platform_use", auto_level="2",
                                               moderated_level="1")])
        db.session.commit()
        rows = completed_attempt_rows(demo_cohort["learner"], all_levels_for=2, criteria=EVIDENCE_CRITERIA)
    assert [r.id for r in rows] == ids
    assert rows[0].levels == {}   # scored on every reply criterion, none of which the page reads this far back
    assert [r.levels for r in rows[1:]] == [{"platform_use": "1"}, {"hear": "1", "platform_use": "1"},
                                            {"hear": "1", "platform_use": "1"}]
    assert "platform_use" in EVIDENCE_CRITERIA and "hear" not in EVIDENCE_CRITERIA


def _evidence_statements(app, client, path: str) -> list[str]:
    from tests.web.test_page_work import statement_texts
    return [s for s in statement_texts(app, client, path) if "criterion_score.criterion IN" in s]


def test_rare_evidence_levels_are_read_criterion_first_and_common_ones_learner_first(app, client, login, demo_cohort,
                                                                                    make_attempt):
    """The evidence map's criteria are read through their own index while few attempts in the database carry them
    (no probe per attempt and criterion); once more rows carry them than the learner has attempts, per attempt."""
    first = make_attempt(demo_cohort["learner"])
    copy_attempts(app, first, [demo_cohort["learner"]], 3)
    other = make_attempt(demo_cohort["other_learner"])
    with app.app_context():   # one level on the learner's first attempt: rare
        db.session.add(CriterionScore(attempt_id=first, criterion="platform_use", auto_level="2"))
        db.session.commit()
    login("learnera")
    (rare,) = _evidence_statements(app, client, "/progress/")
    assert "JOIN attempt" not in rare
    copy_attempts(app, other, [demo_cohort["other_learner"]], 6)
    with app.app_context():   # another learner's 7 attempts carry it too: 8 rows, more than the learner's 4 attempts
        for attempt_id in db.session.scalars(select(Attempt.id).where(Attempt.learner_id == demo_cohort["other_learner"])):
            db.session.add(CriterionScore(attempt_id=attempt_id, criterion="platform_use", auto_level="2"))
        db.session.commit()
    counted, common = _evidence_statements(app, client, "/progress/?page=1")
    assert "JOIN attempt" not in counted and "JOIN attempt" in common
    evidence = section(client.get("/progress/?page=1").get_data(as_text=True), "ev-h")
    p1 = evidence[evidence.index("P1 "):evidence.index("</tr>", evidence.index("P1 "))]
    assert "0 assessed, 1 practice" in p1   # only the learner's own attempt, either way
