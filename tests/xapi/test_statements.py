"""The statements an attempt sends: ADL verbs, an account actor, the scaled score, valid by xAPI 1.0.3."""
from datetime import datetime, timezone

import pytest

from xapi import VERBS, AttemptFacts, Site, XapiInputError, attempted, marked, problems, scaled_score

SITE = Site(home_page="https://replyready.example.org", activity_base="https://replyready.example.org/xapi")
START = datetime(2026, 12, 7, 9, 0, 0)
END = datetime(2026, 12, 7, 9, 12, 30)


def facts(grade="Merit", levels=None, **extra):
    return AttemptFacts(attempt_key="42", learner="lrn-3f9a1c", scenario_id="late-parcel-x-public",
                        scenario_title="Late parcel on X", scenario_version="4", mode="assessed", seed=7,
                        started_at=START, finished_at=END, grade=grade,
                        levels=levels if levels is not None else {"hear": 2, "act": 1, "data_protection": "pass",
                                                                  "escalation": None},
                        rubric_hash="sha256:abc", **extra)


def test_scaled_score_counts_levels_out_of_two_and_pass_fail_out_of_one():
    assert scaled_score({"hear": 2, "act": 1, "data_protection": "pass", "escalation": None}) == (4, 5)
    assert scaled_score({"hear": 0, "data_protection": "fail"}) == (0, 3)
    assert scaled_score({"escalation": None}) is None


def test_an_unknown_level_is_refused():
    with pytest.raises(XapiInputError):
        scaled_score({"hear": 3})


def test_a_marked_pass_sends_scored_passed_completed_with_the_scaled_score():
    statements = marked(SITE, facts())
    assert [s["verb"]["id"] for s in statements] == [VERBS["scored"], VERBS["passed"], VERBS["completed"]]
    scored, passed, completed = statements
    assert scored["result"]["score"] == {"scaled": 0.8, "raw": 4, "min": 0, "max": 5}
    assert passed["result"]["success"] is True and "success" not in completed["result"]
    assert completed["result"]["completion"] is True and completed["result"]["duration"] == "PT750S"
    assert scored["timestamp"] == "2026-12-07T09:12:30.000Z"


def test_a_refer_is_a_fail():
    statements = marked(SITE, facts(grade="Refer", levels={"hear": 0, "data_protection": "fail"}))
    assert statements[1]["verb"]["id"] == VERBS["failed"]
    assert statements[1]["result"]["success"] is False
    assert statements[1]["result"]["score"]["scaled"] == 0


def test_the_actor_is_an_account_never_an_email():
    statement = attempted(SITE, facts())
    assert statement["actor"] == {"objectType": "Agent",
                                  "account": {"homePage": "https://replyready.example.org", "name": "lrn-3f9a1c"}}
    assert "mbox" not in str(statement) and "@" not in str(statement)


def test_every_statement_is_valid_xapi():
    for statement in [attempted(SITE, facts())] + marked(SITE, facts()) + marked(SITE, facts(grade="Refer")):
        assert problems(statement) == [], statement["verb"]["id"]


def test_ids_are_stable_per_attempt_and_verb_and_one_registration_ties_them():
    first, again = marked(SITE, facts()), marked(SITE, facts())
    assert [s["id"] for s in first] == [s["id"] for s in again]
    assert len({s["id"] for s in first} | {attempted(SITE, facts())["id"]}) == 4
    assert len({s["context"]["registration"] for s in first + [attempted(SITE, facts())]}) == 1
    other = AttemptFacts(**{**facts().__dict__, "attempt_key": "43"})
    assert attempted(SITE, other)["id"] != attempted(SITE, facts())["id"]


def test_an_unmarked_attempt_cannot_send_a_score():
    with pytest.raises(XapiInputError):
        marked(SITE, facts(grade=None))


def test_an_aware_timestamp_is_written_in_utc():
    local = datetime(2026, 6, 1, 10, 0, tzinfo=timezone.utc).astimezone()
    statement = attempted(SITE, AttemptFacts(**{**facts().__dict__, "started_at": local}))
    assert statement["timestamp"] == "2026-06-01T10:00:00.000Z"


def test_a_re_mark_sends_new_scored_and_outcome_statements_on_the_levels_as_they_now_stand():
    from xapi import remarked

    later = datetime(2026, 12, 8, 10, 0, 0)
    refer = facts(grade="Refer", levels={"hear": 2, "act": 0, "data_protection": "pass"})
    first = remarked(SITE, refer, 1, later)
    assert [s["verb"]["id"] for s in first] == [VERBS["scored"], VERBS["failed"]]
    assert first[0]["result"]["score"] == {"scaled": 0.6, "raw": 3, "min": 0, "max": 5}
    assert first[0]["timestamp"] == "2026-12-08T10:00:00.000Z"
    originals = {s["id"] for s in marked(SITE, facts())}
    second = remarked(SITE, refer, 2, later)
    assert not originals & {s["id"] for s in first + second}            # statements are never overwritten
    assert {s["id"] for s in first}.isdisjoint(s["id"] for s in second)
    assert all(problems(s) == [] for s in first + second)
    assert first[0]["context"]["extensions"]["https://replyready.example.org/xapi/xapi/extensions/remark"] == 1
