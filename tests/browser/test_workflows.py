"""Tutor and assessor workflows of issue 15 in Chromium: a dispute from the learner's side to the tutor's decision,
the scoring agreement report on seeded data, and the CSV gradebook downloaded and opened in LibreOffice."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import PASSWORD, check, cohort_with_assessed_attempt, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def group(live_app):
    """Tutor Tomasz's cohort with learner Wanda (one assessed attempt per seed) and assessor Ines."""
    from web.services.accounts import create_user

    with live_app.app_context(), live_app.test_request_context():
        tutor = create_user("tomasz", "Tomasz Tutor", "tutor", PASSWORD)
        assessor = create_user("ines", "Ines Assessor", "assessor", PASSWORD)
        learner = create_user("wanda", "Wanda Learner", "learner", PASSWORD)
        cohort, attempt = cohort_with_assessed_attempt("Workflow cohort", tutor, assessor, learner, seed=21)
        return {"cohort": cohort.id, "attempt": attempt.id, "candidate": learner.candidate_number,
                "tutor": tutor.id, "learner": learner.id}


def _level(live_app, attempt_id: int, criterion: str) -> tuple[str, str | None]:
    from web.extensions import db
    from web.models import CriterionScore
    with live_app.app_context():
        s = db.session.scalar(db.select(CriterionScore).filter_by(attempt_id=attempt_id, criterion=criterion))
        return s.auto_level, s.moderated_level


def test_a_learner_disputes_a_level_and_the_tutor_resolves_it(page, live_app, group):
    from web.extensions import db
    from web.models import CriterionScore
    with live_app.app_context():   # a criterion the scorer put below 2: the learner asks for 2
        criterion = db.session.scalar(db.select(CriterionScore.criterion).filter(
            CriterionScore.attempt_id == group["attempt"], CriterionScore.auto_level.in_(("0", "1")))
            .order_by(CriterionScore.criterion))
    auto, wanted = _level(live_app, group["attempt"], criterion)[0], "2"
    page.context.clear_cookies()
    sign_in(page, "wanda")
    page.goto(f"/practice/attempts/{group['attempt']}/result")
    page.get_by_text("Dispute a level").click()
    page.get_by_label("Criterion", exact=True).select_option(criterion)
    page.get_by_label("The level you think it should be").select_option(wanted)
    page.get_by_label("Why (point to your words in the reply)").fill("I said what I would do and when, in my reply.")
    check(page, "workflows-learner-dispute-form")
    page.get_by_role("button", name="Send the dispute").click()
    page.wait_for_url("**/result#disputes")
    assert "waiting for the tutor's decision" in page.locator("#disputes").inner_text()

    page.context.clear_cookies()
    sign_in(page, "tomasz")
    page.goto("/disputes/")
    check(page, "workflows-tutor-disputes")
    page.locator(f"a[href*='/review/attempts/{group['attempt']}']").first.click()
    page.wait_for_url(f"**/review/attempts/{group['attempt']}*")
    page.get_by_label(f"Accept: set {wanted}").check()
    page.get_by_label("Why (the learner reads it)").fill("Agreed: the reply says what you will do and when.")
    check(page, "workflows-tutor-dispute-decision")
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_url("**#disputes")
    assert "Accepted" in page.locator("#disputes").inner_text()
    assert _level(live_app, group["attempt"], criterion) == (auto, wanted)

    page.context.clear_cookies()
    sign_in(page, "wanda")
    page.goto(f"/practice/attempts/{group['attempt']}/result")
    text = page.locator("#disputes").inner_text()
    assert "Accepted by Tomasz Tutor" in text and "the reply says what you will do and when" in text
    page.goto("/disputes/")                     # the learner's own list of disputes
    assert "Accepted" in page.locator("main").inner_text()
    check(page, "workflows-learner-disputes")


@pytest.fixture(scope="module")
def reviewed(live_app, group):
    """Tomasz's second cohort: learner Xena's four assessed attempts, their apologise levels set to 2, 0, 2, 0 and
    reviewed so that the pairs (automatic, standing) are (2, 1), (0, 0), (2, 2), (0, 0): 4 compared, 3 agreed
    (75 %), kappa 0.60 (pe = (2*1 + 2*2) / 16 = 0.375; (0.75 - 0.375) / 0.625 = 0.6)."""
    from web.extensions import db
    from web.models import Cohort, User
    from web.services import attempts as attempt_service
    from web.services.accounts import create_user
    from web.services.marks import moderate

    with live_app.app_context(), live_app.test_request_context():
        tutor = db.session.get(User, group["tutor"])
        learner = create_user("xena", "Xena Learner", "learner", PASSWORD)
        cohort = Cohort(name="Agreement cohort", tutor_id=tutor.id)
        db.session.add(cohort)
        cohort.learners.append(learner)
        made = []
        for seed, auto in zip((31, 32, 33, 34), ("2", "0", "2", "0")):
            attempt = attempt_service.start_attempt(learner, "tw-late-parcel", seed=seed, mode="assessed")
            thread = next(iter(attempt.state["threads"]))
            attempt_service.submit_reply(attempt, "Hi, so sorry your parcel is late. Please DM us your order "
                                         "number and I'll chase it today. ^TT", "public", thread, attempt.state["turn"])
            if attempt.status != "completed":
                attempt_service.finish(attempt)
            next(s for s in attempt.scores if s.criterion == "apologise").auto_level = auto
            made.append(attempt)
        db.session.flush()
        a, b, c, d = made
        moderate(a, "apologise", "1", "Half an apology.", tutor)
        for other, criterion in ((b, "greeting"), (c, "closing"), (d, "greeting")):
            score = next(s for s in other.scores if s.criterion == criterion)
            moderate(other, criterion, "0" if score.level != "0" else "1", "Reviewed.", tutor)
        db.session.commit()
        return {"cohort": cohort.id, "attempts": [x.id for x in made], "candidate": learner.candidate_number}


def test_the_agreement_report_shows_known_figures_on_seeded_data(page, reviewed):
    page.context.clear_cookies()
    sign_in(page, "tomasz")
    page.goto("/tutor/")
    page.get_by_role("link", name="Agreement", exact=True).click()
    page.get_by_label("Cohort", exact=True).select_option(label="Agreement cohort")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/review/agreement?cohort=*")
    cells = page.locator("#agreement-criteria tr[data-criterion='apologise'] td").all_inner_texts()
    assert cells == ["4", "3", "75%", "0.60"]
    assert "4 reviewed attempts" in page.locator("main").inner_text()
    check(page, "workflows-agreement-report")
    first = reviewed["attempts"][0]
    page.locator(f"#agreement-disagreements a[href*='/review/attempts/{first}#crit-apologise']").click()
    page.wait_for_url(f"**/review/attempts/{first}*")


def _ods_cells(path: Path) -> list[list[tuple[str, str]]]:
    from tests.web.test_gradebook import _ods_rows
    return _ods_rows(path)


def test_the_gradebook_downloaded_from_the_cohort_page_opens_in_libreoffice(page, reviewed, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    page.context.clear_cookies()
    sign_in(page, "tomasz")
    page.goto(f"/tutor/cohorts/{reviewed['cohort']}")
    with page.expect_download() as info:
        page.get_by_role("link", name="Gradebook (CSV)").click()
    saved = info.value
    assert saved.suggested_filename == f"cohort-{reviewed['cohort']}-gradebook.csv"
    source = tmp_path / saved.suggested_filename
    saved.save_as(str(source))
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--infilter=CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    rows = _ods_cells(source.with_suffix(".ods"))
    header = [text for _kind, text in rows[0]]
    body = [dict(zip(header, r)) for r in rows[1:] if any(text for _k, text in r)]
    assert len(body) == 4 and {r["candidate_number"] for r in body} == {("string", reviewed["candidate"])}
    assert all(r["mode"] == ("string", "assessed") and r["cohort"] == ("string", "Agreement cohort") for r in body)
    assert [r["apologise_automatic"] for r in body] == [("float", v) for v in ("2", "0", "2", "0")]
    assert [r["apologise_moderated"] for r in body if r["apologise_moderated"][1]] == [("float", "1")]


def test_an_assessor_signs_off_and_sees_the_hash_of_what_was_signed(page, live_app, group):
    from tests.browser.conftest import SHOTS
    from web.extensions import db
    from web.models import Attempt, User

    page.context.clear_cookies()
    sign_in(page, "ines")
    page.goto(f"/review/attempts/{group['attempt']}")
    page.get_by_label("Assessor comment").fill("Meets the marking points for a public reply.")
    page.get_by_role("button", name="Sign off as evidence").click()
    page.wait_for_url(f"**/review/attempts/{group['attempt']}")
    with live_app.app_context():
        digest = db.session.get(Attempt, group["attempt"]).signed_sha256
    assert digest and page.locator("#signoff code").inner_text() == digest
    assert "Unchanged since sign-off." in page.locator("#signoff").inner_text()
    check(page, "workflows-assessor-signed")
    page.screenshot(path=str(SHOTS / "role-assessor.png"))
    # Screenshots for the README's "what each role can do", one per role (viewport only, to stay small).
    for username, url, name in (("wanda", f"/practice/attempts/{group['attempt']}/result#disputes", "learner"),
                                ("tomasz", "/review/agreement", "tutor"), ("ada-wf", "/admin/#cohorts", "admin")):
        if username == "ada-wf":
            from web.services.accounts import create_user
            with live_app.app_context():
                if db.session.scalar(db.select(User).filter_by(username=username)) is None:
                    create_user(username, "Ada Admin", "admin", PASSWORD)
                    db.session.commit()
        page.context.clear_cookies()
        sign_in(page, username)
        page.goto(url)
        page.screenshot(path=str(SHOTS / f"role-{name}.png"))


def test_an_iqa_samples_and_records_an_outcome_that_the_assessor_answers(page, live_app, group, reviewed):
    """Ines signs off Xena's four attempts (a new assessor: 50 % of 4 -> 2 sampled); Quinn the IQA samples the
    cohort and records an action on the first; Ines answers it; Quinn sees the answer."""
    from tests.browser.conftest import SHOTS
    from web.extensions import db
    from web.models import Attempt, Cohort, User
    from web.services.accounts import create_user
    from web.services.signoff import sign

    with live_app.app_context():
        ines = db.session.scalar(db.select(User).filter_by(username="ines"))
        cohort = db.session.get(Cohort, reviewed["cohort"])
        cohort.assessors.append(ines)
        for attempt_id in reviewed["attempts"]:
            sign(db.session.get(Attempt, attempt_id), ines, "Meets the marking points.")
        create_user("quinn", "Quinn IQA", "iqa", PASSWORD)
        create_user("adelaide", "Adelaide Admin", "admin", PASSWORD)
        db.session.commit()

    page.context.clear_cookies()     # an IQA samples only the cohorts an admin attaches them to
    sign_in(page, "quinn")
    assert page.get_by_role("button", name="Draw a sample from Agreement cohort").count() == 0
    page.context.clear_cookies()
    sign_in(page, "adelaide")
    page.goto("/admin/")
    page.get_by_label("IQA's username for Agreement cohort").fill("quinn")
    page.get_by_role("button", name="Attach IQA to Agreement cohort").click()
    assert "Quinn IQA now samples Agreement cohort." in page.locator(".flashes").inner_text()
    check(page, "workflows-admin-attaches-iqa")

    page.context.clear_cookies()
    sign_in(page, "quinn")
    check(page, "workflows-iqa-home")
    page.get_by_role("button", name="Draw a sample from Agreement cohort").click()
    page.wait_for_url("**/iqa/samples/*")
    checks = page.locator(".iqa-checks > li")
    assert checks.count() == 2
    assert "50%" in page.locator("table").first.inner_text()
    page.get_by_label("Action for the assessor").first.check()
    page.locator("textarea").first.fill("The sign-off comment does not say which criteria were met.")
    check(page, "workflows-iqa-sample")
    page.screenshot(path=str(SHOTS / "role-iqa.png"))
    page.get_by_role("button", name="Record the check").first.click()
    page.wait_for_url("**#check-*")
    assert page.locator(".iqa-checks > li[data-outcome='action']").count() == 1

    page.context.clear_cookies()
    sign_in(page, "ines")
    page.get_by_role("link", name="IQA checks").click()
    assert "does not say which criteria were met" in page.locator("main").inner_text()
    page.get_by_label("Your answer: what you did about it").fill("Comment rewritten against the criteria met.")
    check(page, "workflows-assessor-iqa-action")
    page.get_by_role("button", name="Send the answer").click()
    page.wait_for_url("**/iqa/actions#check-*")

    page.context.clear_cookies()
    sign_in(page, "quinn")
    page.locator("main table a").first.click()
    assert "Comment rewritten against the criteria met." in page.locator(".iqa-checks").inner_text()


def test_three_tutors_calibrate_an_attempt(page, live_app, group):
    """Tomasz (lead) picks Wanda's attempt and names Uma and Vic; each levels it blind; all then compare."""
    from web.extensions import db
    from web.models import CriterionScore, User
    from web.services.accounts import create_user

    with live_app.app_context():
        for username, name in (("uma", "Uma Tutor"), ("vic", "Vic Tutor")):
            create_user(username, name, "tutor", PASSWORD)
        db.session.get(User, group["tutor"]).lead_tutor = True   # an admin made Tomasz a lead tutor
        db.session.commit()
        autos = dict(db.session.execute(db.select(CriterionScore.criterion, CriterionScore.auto_level)
                                        .filter_by(attempt_id=group["attempt"])).all())
    page.context.clear_cookies()
    sign_in(page, "tomasz")
    page.get_by_role("link", name="Calibration").click()
    page.get_by_label("Title").fill("December standardisation")
    page.locator(f"#cal-a{group['attempt']}").check()
    page.get_by_label("Other tutors taking part (usernames, separated by commas)").fill("uma, vic")
    check(page, "workflows-calibration-setup")
    page.get_by_role("button", name="Set up the session").click()
    page.wait_for_url("**/calibration/*")
    session_url = page.url
    check(page, "workflows-calibration-session")
    hear_levels = {"tomasz": autos["hear"], "uma": autos["hear"], "vic": "0" if autos["hear"] != "0" else "1"}
    for username in ("tomasz", "uma", "vic"):
        if username != "tomasz":
            page.context.clear_cookies()
            sign_in(page, username)
            page.goto(session_url)
        page.locator("main li a").first.click()
        assert page.locator("#blind-form").count() == 1 and page.locator("#calibration-compare").count() == 0
        for criterion, auto in autos.items():
            page.locator(f"#lv-{criterion}").select_option(hear_levels[username] if criterion == "hear" else auto)
        page.get_by_label("Comment (what decided it for you)").fill(f"{username}: the reply names the problem.")
        if username == "vic":
            check(page, "workflows-calibration-blind")
        page.get_by_role("button", name="Save my levels").click()
        page.wait_for_selector("#calibration-compare")
    hear = page.locator("#calibration-compare tr[data-criterion='hear'] td").all_inner_texts()
    assert hear[-2:] == ["33%", "2 of 3"]   # pairs tomasz-uma agree; with vic neither
    assert "vic: the reply names the problem." in page.locator("main").inner_text()
    check(page, "workflows-calibration-compare")
