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


def test_the_install_id_makes_ids_unique_per_database_and_none_keeps_the_old_ids():
    from dataclasses import replace

    one, other = replace(SITE, install="0b6f3c1e-one"), replace(SITE, install="7d2a9e40-other")
    for make in (lambda s: [attempted(s, facts())], lambda s: marked(s, facts())):
        ids = [{st["id"] for st in make(s)} for s in (SITE, one, other)]
        assert not ids[0] & ids[1] and not ids[1] & ids[2] and not ids[0] & ids[2]
    assert attempted(one, facts())["context"]["registration"] != attempted(other, facts())["context"]["registration"]
    # No install id (a database that sent statements before install ids existed): the ids it always had.
    import uuid
    assert attempted(SITE, facts())["id"] == str(uuid.uuid5(uuid.UUID("5b1e9a3c-7d0f-4a5e-9c61-2f0d4b8e7a10"),
                                                             "https://replyready.example.org|attempt|42|attempted"))


def test_a_rescore_sends_new_statements_and_voids_the_ones_they_replace():
    from xapi import rescored, voided

    later = datetime(2026, 12, 9, 8, 0, 0)
    before = marked(SITE, facts())
    after = rescored(SITE, facts(grade="Refer", levels={"hear": 0, "data_protection": "fail"}), 1, later)
    assert [s["verb"]["id"] for s in after] == [VERBS["scored"], VERBS["failed"]]
    assert after[0]["context"]["extensions"]["https://replyready.example.org/xapi/xapi/extensions/rescore"] == 1
    assert not {s["id"] for s in after} & {s["id"] for s in before}
    assert {s["id"] for s in after}.isdisjoint(s["id"] for s in remarked_ids(later))   # a rescore is not a re-mark
    voids = [voided(SITE, "scorer", s["id"], later) for s in before[:2]]
    assert [v["object"] for v in voids] == [{"objectType": "StatementRef", "id": s["id"]} for s in before[:2]]
    assert voids[0]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
    assert voided(SITE, "scorer", before[0]["id"], later)["id"] == voids[0]["id"]    # voided twice, stored once
    assert all(problems(s) == [] for s in after + voids)
    with pytest.raises(ValueError):
        voided(SITE, "scorer", "not-a-uuid", later)


def remarked_ids(when):
    from xapi import remarked
    return remarked(SITE, facts(grade="Refer", levels={"hear": 0, "data_protection": "fail"}), 1, when)


def test_a_sign_off_is_the_assessor_approving_the_attempts_completion():
    from xapi import approved, statement_id

    when = datetime(2026, 12, 9, 9, 30, 0)
    statement = approved(SITE, facts(), "staff-9c1d", "ab" * 32, when)
    completed = marked(SITE, facts())[-1]
    assert statement["verb"] == {"id": "http://activitystrea.ms/schema/1.0/approve", "display": {"en-GB": "approved"}}
    assert statement["actor"]["account"]["name"] == "staff-9c1d"
    assert statement["object"] == {"objectType": "StatementRef", "id": completed["id"]}
    assert statement_id(SITE, "42", "completed") == completed["id"]
    assert statement["context"]["registration"] == completed["context"]["registration"]
    assert statement["context"]["extensions"]["https://replyready.example.org/xapi/xapi/extensions/signed-sha256"] \
        == "ab" * 32
    assert problems(statement) == []
    assert approved(SITE, facts(), "staff-9c1d", "ab" * 32, END)["id"] != statement["id"]   # each sign-off its own
