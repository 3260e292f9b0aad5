"""The result page's scenario checks and prioritised feedback, as web.services.results prepares them, from real
scorings of a shipped scenario (personal-data-posted-x: a key behaviour, reported apart from the grade)."""
from __future__ import annotations

import simulator
from rubrics import score_reply
from web.services.results import check_rows, prioritised_feedback

DELETES = ("Hi, for your security please delete your tweet as it shows your account details. Send us a DM and "
           "I'll sort your card today. ^QB")
IGNORES = "Hi, sorry about your card. Send us a DM and I'll sort it today. ^QB"


def result(reply: str) -> dict:
    return score_reply(reply, simulator.generate("personal-data-posted-x", 2).scoring_context)


def test_a_key_behaviour_shown_is_reported_apart_from_the_grade_with_the_learners_words():
    rows = check_rows(result(DELETES))
    assert rows["graded"] == []
    (row,) = [r for r in rows["apart"] if r["kind"] == "Key behaviour"]
    assert row["status_word"] == "Shown" and row["ok"]
    assert any("delete your tweet" in w for w in row["evidence"]) and all(w in DELETES for w in row["evidence"])


def test_a_key_behaviour_missed_is_shown_missing_and_can_be_an_even_better_if_point():
    res = result(IGNORES)
    (row,) = [r for r in check_rows(res)["apart"] if r["kind"] == "Key behaviour"]
    assert row["status_word"] == "Missing" and not row["ok"] and row["evidence"] == []
    fb = prioritised_feedback(res)
    assert len(fb["even_better_if"]) <= 3 and fb["grade_explained"]
    for item in fb["even_better_if"]:
        assert item["label"] and item["advice"] and item["example"]
        gain = item["impact"]["gain"]
        assert (gain > 0) == item["note"].startswith("This alone would lift")


def test_results_stored_before_checks_and_ranked_feedback_still_render():
    old = {"grade": "Pass", "feedback": {"went_well": [{"criterion": "hear", "quote": "q", "text": "Hear: ok"}],
                                         "even_better_if": [{"criterion": "closing", "missing": "a sign-off",
                                                             "example": "Thanks ^JS"}]}}
    assert check_rows(old) == {"graded": [], "apart": []}
    fb = prioritised_feedback(old)
    assert fb["even_better_if"][0]["advice"] == "a sign-off" and fb["even_better_if"][0]["note"] == ""
    assert fb["went_well"][0]["label"] == "Hear" and fb["grade_explained"] == ""


def test_the_learners_page_drops_matched_word_lists_from_reasons_but_keeps_their_own_slips():
    from web.services.results import learner_reasons
    res = result(DELETES)
    reasons = learner_reasons({"criteria": {
        "hear": {"reason": "Names the customer's issue (smart, watch, nephew's)."},
        "plain_language": {"reason": "Harder to read: text-speak abbreviations (omg, thats)."},
        "act": {"reason": "States an action (by 5pm)."}}})
    assert reasons == {"hear": "Names the customer's issue.",
                       "plain_language": "Harder to read: text-speak abbreviations (omg, thats).",
                       "act": "States an action (by 5pm)."}
    assert set(learner_reasons(res)) == set(res["criteria"])


def test_live_chat_feedback_joined_over_conversations_is_ranked_for_the_levels_in_force():
    """Two chats, one handled well and one badly: the joined result (weakest level per criterion) keeps at most
    three points, ranked again by the grade change each makes to the joined levels, and praises nothing that the
    weaker chat fell short on."""
    from rubrics import GRADES, grade
    from web.services import scoring

    inst = simulator.generate("live-chat-retail-saturday", 1)
    good = ("Hi {name}, I'm so sorry about this, I can see how frustrating it is. I've checked and I'll sort it now: "
            "you'll get an email confirming it within the hour. Is there anything else I can help with? Sam")
    results = []
    for customer, reply in zip(inst.customers, (good, "ok")):
        ctx = simulator.scoring_context_for_turn(inst, simulator.initial_state(inst, customer.id).to_dict(),
                                                 channel="chat", customer=customer.id)
        results.append(scoring.score_reply(reply.format(name=customer.persona.first_name), ctx))
    joined = scoring.combine(results, best=False)
    levels = {k: v["level"] for k, v in joined["criteria"].items()}
    ebi = joined["feedback"]["even_better_if"]
    assert 1 <= len(ebi) <= 3 and len(joined["feedback"]["went_well"]) <= 3
    now = GRADES.index(grade(levels, checks=joined["checks"])[0])
    gains = []
    for item in ebi:
        assert item["kind"] == "check" or levels[item["criterion"]] == item["level"] not in (2, "pass", None)
        if item["kind"] == "criterion":
            up = {**levels, item["criterion"]: "pass" if item["level"] == "fail" else item["level"] + 1}
            gains.append(GRADES.index(grade(up, checks=joined["checks"])[0]) - now)
            assert gains[-1] == item["impact"]["gain"]
    assert gains == sorted(gains, reverse=True)
    for w in joined["feedback"]["went_well"]:
        assert w["criterion"] not in levels or levels[w["criterion"]] in (2, "pass")


def test_the_tutor_review_page_shows_the_scenario_checks_with_the_learners_words(app, client, login, demo_cohort):
    from web.extensions import db
    from web.models import User
    from web.services import attempts

    with app.app_context():
        attempt = attempts.start_attempt(db.session.get(User, demo_cohort["learner"]), "personal-data-posted-x", seed=2)
        thread = next(iter(attempt.state["threads"]))
        attempts.submit_reply(attempt, DELETES, "public", thread, attempt.state["turn"])
        if attempt.status != "completed":
            attempts.finish(attempt)
        db.session.commit()
        attempt_id = attempt.id
    login("tutora")
    page = client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert "What this scenario asked for" in page and "Reported apart from the grade" in page
    assert "Advise them to delete the tweet" in page and "<mark>" in page and "delete your tweet" in page
