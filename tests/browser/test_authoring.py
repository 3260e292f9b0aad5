"""A tutor authors a scenario in Chromium: a deliberate error shown at its line, fixed, previewed as a learner sees
it and played (a reply scored, the customer's reaction and the result shown, nothing stored), published to their
cohort; a learner of that cohort finds and starts it, another cohort's learner does not."""
import re

import pytest

from tests.browser.conftest import PASSWORD, ROOT, check, sign_in

pytestmark = pytest.mark.browser

BASE = (ROOT / "tests" / "fixtures" / "scenarios" / "tw-late-parcel.yaml").read_text(encoding="utf-8")
GOOD = BASE.replace("id: tw-late-parcel", "id: acme-parcel-browser").replace(
    "title: Late air fryer on X", "title: Acme parcel, written in the browser")
BROKEN = GOOD.replace("difficulty: easy", "difficulty: fiendish")
BROKEN_LINE = next(i for i, line in enumerate(BROKEN.split("\n"), start=1) if line.startswith("difficulty:"))


@pytest.fixture(scope="module")
def cohorts(live_app):
    from web.extensions import db
    from web.models import Cohort
    from web.services.accounts import create_user

    with live_app.app_context():
        tara = create_user("tara", "Tara Tutor", "tutor", PASSWORD)
        otto = create_user("otto", "Otto Tutor", "tutor", PASSWORD)
        lola = create_user("lola", "Lola Learner", "learner", PASSWORD)
        olly = create_user("olly", "Olly Learner", "learner", PASSWORD)
        mine = Cohort(name="Authoring cohort", tutor_id=tara.id)
        theirs = Cohort(name="Otto's cohort", tutor_id=otto.id)
        db.session.add_all([mine, theirs])
        mine.learners.append(lola)
        theirs.learners.append(olly)
        db.session.commit()
        return {"mine": mine.id, "theirs": theirs.id}


def test_a_tutor_authors_fixes_previews_and_publishes_a_scenario_for_their_cohort_only(page, cohorts, live_app):
    page.context.clear_cookies()
    sign_in(page, "tara")
    page.get_by_role("link", name="Scenarios").click()
    check(page, "authoring-index")
    page.get_by_role("link", name="New scenario").click()
    page.get_by_label("Scenario YAML").fill(BROKEN)
    page.get_by_role("button", name="Check and save").click()

    # The validator's message, listed and at its line.
    problems = page.locator("#problems")
    assert "1 problem: nothing was saved" in problems.inner_text()
    link = problems.get_by_role("link", name=f"Line {BROKEN_LINE}")
    link.click()
    assert page.url.endswith(f"#line-{BROKEN_LINE}")
    at_line = page.locator(f"#line-{BROKEN_LINE}")
    assert "difficulty: fiendish" in at_line.inner_text() and "unknown difficulty 'fiendish'" in at_line.inner_text()
    assert page.get_by_label("Scenario YAML").input_value() == BROKEN     # what was typed is kept
    check(page, "authoring-problem-at-line")

    # Fixed and saved as version 1.
    page.get_by_label("Scenario YAML").fill(GOOD)
    page.get_by_role("button", name="Check and save").click()
    page.wait_for_url(re.compile(r".*/author/scenarios/\d+$"))
    assert "Saved “Acme parcel, written in the browser” as version 1" in page.locator(".flashes").inner_text()
    scenario_url = page.url
    check(page, "authoring-scenario")

    # Publishing before a preview is refused; the preview is the learner's workspace for the seed.
    page.get_by_label("Authoring cohort").check()
    page.get_by_role("button", name="Publish").click()
    assert "Preview version 1 before publishing it" in page.locator(".flashes").inner_text()
    page.goto(scenario_url)
    page.get_by_label("Seed").fill("7")
    before = len(page.console_errors)   # the 422 and 400 pages above each logged one
    page.get_by_role("button", name="Preview version 1").click()
    page.wait_for_url("**/versions/1/preview?seed=7")
    assert page.get_by_role("heading", level=1).inner_text() == "Acme parcel, written in the browser"
    assert "Agent tools" in page.content()
    assert "with seed 7: this is what a learner sees" in page.locator(".flashes").inner_text()
    page.get_by_label("Your reply to", exact=False).fill("Hi, sorry about this, let me check.")
    page.wait_for_timeout(1500)   # what the page does on typing (the draft store) has answered
    # The coach (it scores a stored attempt's draft) is off; nothing on the page fails; the typed draft is kept
    # under this preview's own key.
    assert page.locator(".coach").count() == 0 and page.console_errors[before:] == []
    key = page.get_by_label("Your reply to", exact=False).get_attribute("data-draft-key")
    assert re.fullmatch(r"preview-\d+-1-7-customer", key), key
    check(page, "authoring-preview")

    # The preview plays as a learner's attempt does: the reply is scored and marked, the customer reacts; nothing
    # is stored in any learner's record.
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_selector("h1:has-text('Preview result')")
    assert page.get_by_role("heading", level=1).inner_text() == "Preview result: Acme parcel, written in the browser"
    assert page.locator(".grade-word").inner_text() in ("Refer", "Pass", "Merit", "Distinction")
    assert "How the customer reacted" in page.content() and "Even better if" in page.content()
    assert "Hi, sorry about this, let me check." in page.locator(".transcript").inner_text()
    check(page, "authoring-preview-result")
    from web.extensions import db
    from web.models import Attempt, User
    with live_app.app_context():
        tara = db.session.scalar(db.select(User.id).filter_by(username="tara"))
        assert db.session.scalar(db.select(db.func.count()).select_from(Attempt).filter_by(learner_id=tara)) == 0

    page.goto(scenario_url + "/versions/1")     # a saved version, as it was saved
    assert "difficulty: easy" in page.locator("main").inner_text()
    check(page, "authoring-version")
    page.goto(scenario_url)
    assert page.get_by_label("Otto's cohort").count() == 0            # another tutor's cohort is not offered
    page.get_by_label("Authoring cohort").check()
    page.get_by_role("button", name="Publish").click()
    assert "Version 1 of “Acme parcel, written in the browser” is live for Authoring cohort." in page.locator(".flashes").inner_text()
    assert "Live: version 1 for Authoring cohort." in page.locator("#status").inner_text()

    # A learner of that cohort finds it and starts it; another cohort's learner never sees it.
    page.context.clear_cookies()
    sign_in(page, "lola")
    page.goto("/practice/")
    page.get_by_role("button", name="Start Acme parcel, written in the browser").click()
    page.wait_for_url("**/practice/attempts/*")
    assert page.get_by_role("heading", level=1).inner_text() == "Acme parcel, written in the browser"
    page.context.clear_cookies()
    sign_in(page, "olly")
    page.goto("/practice/")
    assert "Acme parcel, written in the browser" not in page.content()
    assert page.get_by_role("button", name="Start Acme parcel, written in the browser").count() == 0
