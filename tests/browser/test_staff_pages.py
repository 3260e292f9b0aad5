"""Tutor, assessor and admin pages in a real browser: keyboard use, axe-core, screenshots."""
import pytest

from tests.browser.conftest import PASSWORD, check, cohort_with_assessed_attempt, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_app):
    """A tutor's cohort with Bella in it, an assessor attached, an admin, and one completed assessed attempt of
    Bella's."""
    from web.extensions import db
    from web.models import User
    from web.services.accounts import create_user

    with live_app.app_context(), live_app.test_request_context():
        bella = db.session.scalar(db.select(User).filter_by(username="bella"))
        tutor = create_user("tess", "Tess Tutor", "tutor", PASSWORD)
        assessor = create_user("arun", "Arun Assessor", "assessor", PASSWORD)
        create_user("ada", "Ada Admin", "admin", PASSWORD)
        cohort, attempt = cohort_with_assessed_attempt("Evening cohort", tutor, assessor, bella, seed=11)
        return {"attempt": attempt.id, "cohort": cohort.id}


def test_tutor_reviews_and_moderates_by_keyboard(page, staff):
    page.context.clear_cookies()
    sign_in(page, "tess")
    check(page, "staff-tutor-home")
    page.goto(f"/tutor/cohorts/{staff['cohort']}")
    page.get_by_label("Qualification and level").fill("Customer Service Specialist (Level 3)")
    page.get_by_role("button", name="Save the qualification").click()
    page.get_by_text("portfolios now name Customer Service Specialist (Level 3)").wait_for()
    check(page, "staff-tutor-cohort")
    page.goto(f"/review/cohorts/{staff['cohort']}/weaknesses")
    assert page.locator("svg[role=img]").count() == 1
    check(page, "staff-weaknesses")
    page.goto(f"/review/attempts/{staff['attempt']}")
    check(page, "staff-review-attempt")
    # Keyboard only: open the "Change" disclosure for tone of voice, pick a level, write why, submit.
    summary = page.locator("#crit-tone_of_voice summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")      # 2 -> 1
    page.keyboard.press("Tab")
    page.keyboard.type("Curt rather than warm.")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Moderated Tone of voice" in page.content()
    assert "Curt rather than warm." in page.locator("text=Moderation history").locator("xpath=following::ul[1]").inner_text()
    check(page, "staff-review-moderated")


def test_assessor_starts_a_cohort_export_and_sees_its_progress(page, staff):
    page.context.clear_cookies()
    sign_in(page, "arun")
    assessed = page.locator("li", has=page.locator(".tag-mode-assessed"))
    assert assessed.count() == 1 and assessed.get_by_role("link").get_attribute("href").endswith(
        f"/review/attempts/{staff['attempt']}")
    check(page, "staff-assessor-home")
    page.get_by_role("button", name="Export all portfolios as a ZIP").click()
    page.wait_for_load_state()
    assert page.locator("progress").count() == 1
    assert "portfolios (queued)" in page.locator("#export-text").inner_text()
    check(page, "staff-export-progress")


def test_admin_page_is_accessible(page, staff):
    page.context.clear_cookies()
    sign_in(page, "ada")
    assert page.get_by_role("heading", name="Cohorts, their assessors and IQAs").count() == 1
    check(page, "staff-admin")
