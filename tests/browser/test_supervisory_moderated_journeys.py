"""The profiling and monitoring exercises end to end in Chromium (issue 12), as the document exercise is in
test_supervisory_document.py: the learner starts one from a seed, writes and sends the answer and reads the levels
with quoted evidence; the cohort's tutor finds it in the review area and moderates a level; the learner then sees
the tutor's level and comment, and the progress page's evidence map follows the moderated level. axe-core on
every page."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from simulator.monitoring import generate_metrics
from simulator.profiling import generate_profile
from tests.browser.conftest import PASSWORD, check, sign_in
from tests.rubrics.test_profile_scoring import strong_answer
from tests.rubrics.test_review_scoring import strong_review

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Journey:
    label: str          # the exercise's name on /exercises/ and in the review list
    seed: int
    answer: str
    moderated: str      # the rubric criterion the tutor lowers from 2 to 1
    kept: str           # a standard criterion the exercise still evidences after that
    lost: str           # one it no longer evidences (standard.yaml: only `moderated` shows it there)


JOURNEYS = {
    "profiling": Journey("Platform and community profiling", 3, strong_answer(generate_profile(3)),
                         moderated="communities", kept="P1", lost="P4"),
    "monitoring": Journey("Monitoring review", 6, strong_review(generate_metrics(6)),
                          moderated="sign_off", kept="X2", lost="X3"),
}


@pytest.fixture(scope="module")
def tutor(live_app):
    """Bella in a cohort of the tutor Tamsin's."""
    from web.extensions import db
    from web.models import Cohort, User
    from web.services.accounts import create_user

    with live_app.app_context():
        bella = db.session.scalar(db.select(User).filter_by(username="bella"))
        user = create_user("tamsin-e2e", "Tamsin Tutor", "tutor", PASSWORD)
        group = Cohort(name="Supervisors' journeys", tutor_id=user.id)
        db.session.add(group)
        group.learners.append(bella)
        db.session.commit()
    return "tamsin-e2e"


def _evidence_row(page, code: str):
    return page.locator("table.evidence-map tr", has=page.locator("th", has_text=re.compile(rf"^{code} ")))


@pytest.mark.parametrize("kind", sorted(JOURNEYS))
def test_a_learners_exercise_is_scored_moderated_by_the_tutor_and_the_map_follows(page, tutor, kind):
    journey = JOURNEYS[kind]
    page.goto("/exercises/")
    section = page.get_by_role("region", name=journey.label)
    section.get_by_label("Seed").fill(str(journey.seed))
    section.get_by_role("button", name=f"Start: {journey.label.lower()}").click()
    page.wait_for_url("**/exercises/*")
    with page.expect_response(lambda r: r.url.endswith("/draft") and r.request.method == "POST"):
        page.get_by_label("Your answer").fill(journey.answer)
    page.get_by_role("button", name="Send for scoring").click()
    row = page.locator(f"#criterion-{journey.moderated}")
    expect(row.locator("td.level")).to_have_text("2")
    expect(row.locator("blockquote").first).to_be_visible()
    path = urlparse(page.url).path
    name = f"{journey.label} {path.rsplit('/', 1)[1]}"
    check(page, f"supervisory-{kind}-journey-01-result")
    page.goto("/progress/")
    expect(_evidence_row(page, journey.lost).get_by_role("link", name=name)).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, tutor)
    page.goto("/review/")
    page.get_by_role("link", name="supervisory exercises to review").click()
    page.get_by_role("link", name=name, exact=True).click()
    row = page.locator(f"#criterion-{journey.moderated}")
    row.locator("summary").click()
    row.get_by_label("New level").select_option("1")
    row.get_by_label("Why you changed it").fill("Reasoned, but one step short of the top level.")
    row.get_by_role("button", name="Save").click()
    expect(page.locator(f"#criterion-{journey.moderated}")).to_contain_text(
        "Tamsin Tutor changed the level from 2 to 1: “Reasoned, but one step short of the top level.”")
    check(page, f"supervisory-{kind}-journey-02-moderated")

    page.context.clear_cookies()
    sign_in(page)
    page.goto(path)
    row = page.locator(f"#criterion-{journey.moderated}")
    expect(row.locator("td.level")).to_contain_text("1 (moderated; automatic 2)")
    expect(row).to_contain_text("changed the level from 2 to 1")
    page.goto("/progress/")
    expect(_evidence_row(page, journey.kept).get_by_role("link", name=name)).to_be_visible()
    expect(_evidence_row(page, journey.lost).get_by_role("link", name=name)).to_have_count(0)
    check(page, f"supervisory-{kind}-journey-03-progress")
