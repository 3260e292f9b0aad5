"""The profiling and monitoring exercises in Chromium (issue 12): a learner starts each from a seed, reads the
organisation's tables or the charts (each with its table), writes the answer with the draft autosaved to the server,
sends it, and reads the levels with quoted evidence and the planted facts or problems found; axe-core on each page."""
from __future__ import annotations

import pytest

from simulator.monitoring import generate_metrics
from simulator.profiling import generate_profile
from tests.browser.conftest import PASSWORD, check, new_context, sign_in
from tests.rubrics.test_profile_scoring import strong_answer
from tests.rubrics.test_review_scoring import strong_review

pytestmark = pytest.mark.browser


def _start(page, label: str, seed: int) -> None:
    page.goto("/exercises/")
    section = page.get_by_role("region", name=label)
    section.get_by_label("Seed").fill(str(seed))
    section.get_by_role("button", name=f"Start: {label.lower()}").click()
    page.wait_for_url("**/exercises/*")


def _write_and_check_the_draft_is_on_the_server(page, browser, live_server, signed_in_state, text: str) -> None:
    """Type the answer, wait for the server's copy, and read it back in a fresh browser (no copy on the device)."""
    box = page.get_by_label("Your answer")
    with page.expect_response(lambda r: r.url.endswith("/draft") and r.request.method == "POST") as saved:
        box.fill(text)
    assert saved.value.ok
    page.get_by_text("Draft saved.").wait_for()
    other = new_context(browser, live_server, storage_state=signed_in_state)
    try:
        fresh = other.new_page()
        fresh.goto(page.url)
        assert fresh.get_by_label("Your answer").input_value() == text
    finally:
        other.close()


def test_a_learner_profiles_an_organisation_and_sees_the_facts_used(page, browser, live_server, signed_in_state):
    org = generate_profile(9)
    _start(page, "Platform and community profiling", 9)
    page.get_by_role("heading", name=org.name, exact=True).wait_for()
    usage = page.get_by_role("table", name="Share of each customer segment active on each platform in a week (%)")
    assert usage.is_visible()
    assert usage.get_by_role("rowheader", name=org.segments[0].name.capitalize()).is_visible()
    assert page.get_by_role("table", name="Groups, forums and hashtags, with the share of their posts about the brand "
                                         "that are complaints").is_visible()
    check(page, "supervisory-profiling-01-brief")
    _write_and_check_the_draft_is_on_the_server(page, browser, live_server, signed_in_state, strong_answer(org))
    page.get_by_role("button", name="Send for scoring").click()
    page.get_by_role("heading", name="The facts in the data a good recommendation uses: 3 of 3 used").wait_for()
    for fact in org.planted:
        assert page.get_by_text(f"{fact.fact}", exact=False).first.is_visible()
    row = page.locator("#criterion-recommendation")
    assert row.get_by_role("cell", name="2", exact=True).is_visible()
    assert row.locator("blockquote").count() >= 1
    check(page, "supervisory-profiling-02-result")


def test_a_learner_reviews_the_charts_and_sees_the_problems_found(page, browser, live_server, signed_in_state):
    m = generate_metrics(4)
    _start(page, "Monitoring review", 4)
    weekend = page.get_by_role("img", name="First response time by hour, weekends")
    weekend.scroll_into_view_if_needed()
    assert weekend.is_visible() and weekend.bounding_box()["width"] > 300
    assert page.locator('svg[role="img"]').count() == 8
    figure = page.locator("figure", has=weekend)
    figure.get_by_text("First response time by hour, weekends: the figures as a table").click()
    table = figure.get_by_role("table")
    assert table.is_visible() and table.get_by_role("rowheader", name="20:00").is_visible()
    check(page, "supervisory-monitoring-01-brief")
    _write_and_check_the_draft_is_on_the_server(page, browser, live_server, signed_in_state, strong_review(m))
    page.get_by_role("button", name="Send for scoring").click()
    page.get_by_role("heading", name="The problems in the figures: 3 of 3 found").wait_for()
    assert page.locator("#criterion-problems_found").get_by_role("cell", name="2", exact=True).is_visible()
    check(page, "supervisory-monitoring-02-result")


def test_the_tutor_reads_the_charts_behind_a_review_and_moderates_a_level(page, live_app):
    """Bella's monitoring review, sent; her tutor opens the figures as she saw them and changes a level with a
    comment, by keyboard."""
    from web.extensions import db
    from web.models import Cohort, User
    from web.services import supervisory
    from web.services.accounts import create_user

    m = generate_metrics(8)
    with live_app.app_context(), live_app.test_request_context():
        bella = db.session.scalar(db.select(User).filter_by(username="bella"))
        tutor = create_user("theo-supex", "Theo Tutor", "tutor", PASSWORD)
        cohort = Cohort(name="Supervisors' cohort", tutor_id=tutor.id)
        db.session.add(cohort)
        cohort.learners.append(bella)
        attempt = supervisory.start(bella, "monitoring", "", "8")
        db.session.flush()
        supervisory.submit(attempt, strong_review(m))
        db.session.commit()
        attempt_id = attempt.id
    page.context.clear_cookies()
    sign_in(page, "theo-supex")
    page.goto(f"/exercises/{attempt_id}")
    page.get_by_text("The figures and charts, as the learner was given them").click()
    weekend = page.get_by_role("img", name="First response time by hour, weekends")
    weekend.scroll_into_view_if_needed()
    assert weekend.is_visible()
    check(page, "supervisory-monitoring-03-tutor")
    summary = page.locator("#criterion-sign_off summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")      # 2 -> 1
    page.keyboard.press("Tab")
    page.keyboard.type("Names who approves, not what each is asked to agree.")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    row = page.locator("#criterion-sign_off")
    assert "changed the level from 2 to 1" in row.inner_text()
    assert "Names who approves, not what each is asked to agree." in row.inner_text()
    check(page, "supervisory-monitoring-04-moderated")
