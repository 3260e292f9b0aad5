"""The assessor's home at scale (issue 17): one cohort at a time, a page of learners, counts summarised in SQL
and each learner's newest completed attempts (assessed first); only the assessor's own cohorts."""
from __future__ import annotations

import re

from sqlalchemy import insert, select, update

from web.extensions import db
from web.models import Attempt, Cohort, User, cohort_assessors, cohort_learners, utcnow


def add_learners(app, make_user, cohort_id: int, count: int) -> list[int]:
    ids = [make_user("learner", f"zz{i:02d}") for i in range(count)]
    with app.app_context():
        db.session.execute(insert(cohort_learners), [{"cohort_id": cohort_id, "user_id": i} for i in ids])
        db.session.commit()
    return ids


def clone(app, attempt_id: int, learner_id: int, modes: list[str]) -> list[int]:
    with app.app_context():
        source = db.session.get(Attempt, attempt_id)
        base = {c: getattr(source, c) for c in ("instance_id", "exercise_type", "status", "final_grade")}
        ids = []
        for n, mode in enumerate(modes):
            row = Attempt(**base, learner_id=learner_id, mode=mode, submitted_at=utcnow().replace(minute=n % 60))
            db.session.add(row)
            db.session.flush()
            ids.append(row.id)
        db.session.commit()
        return ids


def learner_rows(page: str) -> list[str]:
    return re.findall(r"<tr><td>(CAND-[^<]*)</td>", page)


def test_the_assessor_home_shows_20_learners_a_page_and_every_learner_once(app, client, login, demo_cohort,
                                                                            make_user):
    add_learners(app, make_user, demo_cohort["cohort"], 23)   # 25 learners in all
    login("assessora")
    first = client.get("/assessor/").get_data(as_text=True)
    second = client.get(f"/assessor/?cohort={demo_cohort['cohort']}&page=2").get_data(as_text=True)
    assert len(learner_rows(first)) == 20 and len(learner_rows(second)) == 5
    assert 'rel="next"' in first and 'rel="prev"' in second and 'rel="next"' not in second
    with app.app_context():
        everyone = set(db.session.scalars(select(User.candidate_number).join(
            cohort_learners, cohort_learners.c.user_id == User.id)))
    assert set(learner_rows(first)) | set(learner_rows(second)) == everyone


def test_counts_are_every_completed_attempt_and_the_list_is_the_newest_five_assessed_first(
        app, client, login, demo_cohort, make_attempt):
    first = make_attempt(demo_cohort["learner"])
    practice = clone(app, first, demo_cohort["learner"], ["practice"] * 6)
    assessed = clone(app, first, demo_cohort["learner"], ["assessed"] * 2)
    with app.app_context():
        db.session.execute(update(Attempt).where(Attempt.id == assessed[0]).values(signed_off_at=utcnow()))
        db.session.execute(update(Attempt).where(Attempt.id == practice[0]).values(status="in_progress"))
        db.session.commit()
    login("assessora")
    page = client.get("/assessor/").get_data(as_text=True)
    assert "8, 2 assessed, 1 signed off" in page   # 1 + 6 practice (one still in progress) + 2 assessed
    links = [int(i) for i in re.findall(r'href="/review/attempts/(\d+)"', page)]
    assert len(links) == 5 and set(links[:2]) == set(assessed)   # five shown, the assessed ones first
    assert practice[0] not in links                                # an attempt in progress is not evidence


def test_with_five_assessed_attempts_or_none_the_list_is_still_the_newest_five_assessed_first(
        app, client, login, demo_cohort, make_attempt):
    """Each learner's attempts are picked by what their counts need (web/services/assessor_home_read.py): with
    five or more assessed, only assessed ones; with none, the newest of all; both kinds on one page."""
    first = make_attempt(demo_cohort["learner"])
    practice = clone(app, first, demo_cohort["learner"], ["practice"] * 3)
    assessed = clone(app, first, demo_cohort["learner"], ["assessed"] * 6)
    other = make_attempt(demo_cohort["other_learner"])
    others = clone(app, other, demo_cohort["other_learner"], ["practice"] * 6)
    login("assessora")
    page = client.get("/assessor/").get_data(as_text=True)
    rows = {cells.split("</td>")[0]: [int(i) for i in re.findall(r'href="/review/attempts/(\d+)"', cells)]
            for cells in page.split("<tr><td>")[1:]}
    with app.app_context():
        number = dict(db.session.execute(select(User.id, User.candidate_number)).all())
        newest = set(db.session.scalars(select(Attempt.id).where(Attempt.learner_id == demo_cohort["other_learner"])
                                        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc()).limit(5)))
    assert "10, 6 assessed" in page and "7, 0 assessed" in page
    assert set(rows[number[demo_cohort["learner"]]]) == set(assessed[1:]) and not set(practice) & set(
        rows[number[demo_cohort["learner"]]])
    assert set(rows[number[demo_cohort["other_learner"]]]) == newest and len(newest & set(others)) >= 4


def test_an_assessor_sees_only_their_cohorts_and_another_cohort_id_is_a_404(app, client, login, demo_cohort,
                                                                             make_user):
    with app.app_context():
        other = Cohort(name="Not assessed here", tutor_id=demo_cohort["tutor"])
        db.session.add(other)
        db.session.commit()
        other_id = other.id
        assert db.session.scalar(select(cohort_assessors.c.user_id).where(cohort_assessors.c.cohort_id == other_id)) \
            is None
    login("assessora")
    assert "Not assessed here" not in client.get("/assessor/").get_data(as_text=True)
    assert client.get(f"/assessor/?cohort={other_id}").status_code == 404
    assert client.get("/assessor/?page=x").status_code == 400


def test_the_kept_assessor_home_shows_each_change_at_once_and_never_another_assessors_cohort(
        app, client, login, demo_cohort, make_attempt, make_user):
    """The page's content is kept per process (web/fragments.py) under the rows its one statement reads: every
    change below must show on the very next request."""
    first = make_attempt(demo_cohort["learner"])
    later = clone(app, first, demo_cohort["learner"], ["assessed"])[0]
    other = make_user("assessor", "assessorb")
    with app.app_context():
        theirs = Cohort(name="Their cohort", tutor_id=demo_cohort["tutor"])
        mine = Cohort(name="Zeta cohort of mine", tutor_id=demo_cohort["tutor"])
        db.session.add_all([theirs, mine])
        theirs.assessors = [db.session.get(User, other)]
        theirs.learners = [db.session.get(User, demo_cohort["outsider"])]
        db.session.commit()
        theirs_id, mine_id = theirs.id, mine.id
    login("assessora")

    def page(query: str = "") -> str:
        return client.get(f"/assessor/{query}").get_data(as_text=True)

    def change(*statements) -> None:
        with app.app_context():
            for statement in statements:
                db.session.execute(statement)
            db.session.commit()

    shown = page()
    assert page() == shown and "2, 1 assessed" in shown and "signed off" not in shown.split("<tbody>")[1]
    assert "Their cohort" not in shown and "Zeta cohort of mine" not in shown

    change(update(Attempt).where(Attempt.id == later).values(signed_off_at=utcnow()))   # a new sign-off
    assert "2, 1 assessed, 1 signed off" in page()
    clone(app, first, demo_cohort["learner"], ["practice"])   # a new attempt in the cohort
    assert "3, 1 assessed, 1 signed off" in page()
    change(update(Attempt).where(Attempt.id == first).values(final_grade="Distinction"))   # a re-mark
    assert "(Distinction)" in page()
    change(update(User).where(User.id == demo_cohort["learner"]).values(full_name='Renamed <b>"Ann"</b>'))
    assert "Renamed &lt;b&gt;&#34;Ann&#34;&lt;/b&gt;" in page()
    change(update(Cohort).where(Cohort.id == demo_cohort["cohort"]).values(name="Renamed cohort"))
    assert "Renamed cohort" in page()

    # Another cohort assigned (after the shown one by name: only its tab shows it), given a learner, removed.
    change(insert(cohort_assessors).values(cohort_id=mine_id, user_id=demo_cohort["assessor"]))
    shown = page()
    assert "Zeta cohort of mine (0 learners)" in shown and "Renamed cohort (2 learners)" in shown
    assert "Their cohort" not in shown
    assert client.get(f"/assessor/?cohort={theirs_id}").status_code == 404
    change(insert(cohort_learners).values(cohort_id=mine_id, user_id=demo_cohort["outsider"]))
    assert "Zeta cohort of mine (1 learners)" in page()
    change(cohort_assessors.delete().where(cohort_assessors.c.cohort_id == mine_id))
    assert "Zeta cohort of mine" not in page() and client.get(f"/assessor/?cohort={mine_id}").status_code == 404
    change(cohort_assessors.delete().where(cohort_assessors.c.user_id == demo_cohort["assessor"]))
    assert "You are not attached to any cohort yet" in page()
