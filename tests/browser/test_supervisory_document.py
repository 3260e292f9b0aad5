"""The document exercise in Chromium (issue 12): the learner picks a strategy, writes it in the Markdown editor with
the live preview, the draft comes back after a reload, sends it and sees each level with the quoted evidence; the
tutor of the learner's cohort moderates a level from the review area. axe-core on every page."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from simulator.profiling import generate_profile
from tests.browser.conftest import PASSWORD, check, sign_in
from tests.rubrics.test_document_scoring import STRONG

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cohort(live_app):
    """Bella in a cohort of the tutor Dora's."""
    from web.extensions import db
    from web.models import Cohort, User
    from web.services.accounts import create_user

    with live_app.app_context():
        bella = db.session.scalar(db.select(User).filter_by(username="bella"))
        tutor = create_user("dora", "Dora Tutor", "tutor", PASSWORD)
        group = Cohort(name="Supervisors cohort", tutor_id=tutor.id)
        db.session.add(group)
        group.learners.append(bella)
        db.session.commit()
        return group.id


def test_a_learner_writes_a_strategy_and_the_tutor_moderates_it(page, cohort):
    page.goto("/exercises/")
    check(page, "supervisory-01-start")
    page.get_by_label("What to write").select_option("strategy")
    page.get_by_label("Seed", exact=False).first.fill("11")
    page.get_by_role("button", name="Start: strategy or procedure document").click()
    org = generate_profile(11)
    expect(page.get_by_role("heading", name="The brief: A customer-service social media strategy")).to_be_visible()
    expect(page.get_by_text(org.name).first).to_be_visible()
    check(page, "supervisory-02-brief")

    editor = page.get_by_label("Your answer")
    editor.fill(STRONG)
    preview = page.locator("#answer-preview")
    expect(preview.get_by_role("heading", name="Keeping service apart from promotion")).to_be_visible()
    expect(preview.locator("table")).to_have_count(1)   # the risks table, rendered
    expect(page.locator(".draft-status")).to_have_text("Draft saved.")
    check(page, "supervisory-03-writing")
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value(STRONG)   # the draft came back
    expect(page.locator("#answer-preview").get_by_role("heading", name="Objectives")).to_be_visible()

    page.get_by_role("button", name="Send for scoring").click()
    expect(page.get_by_role("heading", name="Each criterion, with the evidence from the answer")).to_be_visible()
    row = page.locator("#criterion-service_apart")
    expect(row.locator("td.level")).to_have_text("2")
    expect(row.locator("blockquote.evidence")).to_contain_text("A separate service handle, @KestrelHelp, has its own")
    attempt_url = page.url.split("#")[0]
    check(page, "supervisory-04-result")

    page.context.clear_cookies()
    sign_in(page, "dora")
    page.goto("/review/")
    page.get_by_role("link", name="supervisory exercises to review").click()
    check(page, "supervisory-05-review")
    page.locator(f'a[href="{urlparse(attempt_url).path}"]').click()
    row = page.locator("#criterion-service_apart")
    row.locator("summary").click()
    row.get_by_label("New level").select_option("1")
    row.get_by_label("Why you changed it").fill("The handle is named, but not why it is kept apart.")
    row.get_by_role("button", name="Save").click()
    row = page.locator("#criterion-service_apart")
    expect(row.locator("td.level")).to_contain_text("1")
    expect(row).to_contain_text("Dora Tutor changed the level from 2 to 1: “The handle is named, but not why")
    check(page, "supervisory-06-moderated")
