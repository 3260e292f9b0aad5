"""Issue 16: triage is more than ordering. Each post is assigned (a team or escalation route), given a first action
and tagged, each scored with feedback per post; an urgent post sent the wrong way is a Refer."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": False, "SCENARIO_DIR": str(ROOT / "scenarios")}


def _start(app, client, make_user):
    from web.extensions import db
    from web.models import Attempt
    from web.services.library import instance_for
    make_user("learner", username="lena")
    client.post("/login", data={"username": "lena", "password": "lena-password"})
    r = client.post("/practice/start", data={"scenario_id": "triage-rail-morning", "seed": "1"})
    aid = int(re.search(r"/attempts/(\d+)", r.headers["Location"]).group(1))
    with app.app_context():
        return aid, instance_for(db.session.get(Attempt, aid).instance)


def _submit(client, aid, inst, decide):
    page = client.get(f"/practice/attempts/{aid}").get_data(as_text=True)
    turn = re.search(r'name="turn" value="(\d+)"', page).group(1)
    data: dict = {"turn": turn, "order": list(inst.expected_order)}
    for q in inst.queue:
        route, action, tags = decide(q)
        data.update({f"route-{q.id}": route, f"action-{q.id}": action, f"tags-{q.id}": tags})
    client.post(f"/practice/attempts/{aid}/triage", data=data)
    return client.get(f"/practice/attempts/{aid}/result").get_data(as_text=True)


def _result(app, aid):
    from web.extensions import db
    from web.models import Attempt
    with app.app_context():
        a = db.session.get(Attempt, aid)
        return a.final_grade, a.result["triage"]["decisions"]


def test_the_queue_asks_who_what_first_and_tags_for_each_post(app, client, make_user):
    aid, inst = _start(app, client, make_user)
    page = client.get(f"/practice/attempts/{aid}").get_data(as_text=True)
    assert page.count('<label for="route-') == len(inst.queue) == page.count('<label for="action-')
    assert ">Control room (emergency)</option>" in page and ">Tell them to call 999</option>" in page
    assert 'name="tags-person-on-track" value="safety"' in page


def test_every_decision_right_in_the_right_order_is_a_distinction(app, client, make_user):
    aid, inst = _start(app, client, make_user)
    page = _submit(client, aid, inst, lambda q: (q.route, q.action, list(q.tags)))
    grade, decided = _result(app, aid)
    assert grade == "Distinction" and decided["right"] == decided["n"] == 10
    assert "Assign, tag and act" in page and "10 of 10 posts assigned, tagged and acted on" in page


def test_the_person_on_the_track_not_told_to_call_999_is_a_refer_with_feedback(app, client, make_user):
    aid, inst = _start(app, client, make_user)

    def decide(q):
        if q.id == "person-on-track":
            return "Social team", "Reply publicly now", ["safety"]
        return q.route, q.action, list(q.tags)
    page = _submit(client, aid, inst, decide)
    grade, decided = _result(app, aid)
    row = next(r for r in decided["rows"] if r["id"] == "person-on-track")
    assert grade == "Refer" and decided["critical_wrong"] == ["person-on-track"]
    assert row["ok"] == {"route": False, "action": False, "tags": True}
    assert "Assign it to Control room (emergency), not Social team." in row["feedback"]
    assert "First action: Tell them to call 999" in row["feedback"]
    assert "Assign it to Control room (emergency), not Social team." in page


def test_a_wrong_tag_on_a_minor_post_costs_the_distinction_only(app, client, make_user):
    aid, inst = _start(app, client, make_user)
    page = _submit(client, aid, inst, lambda q: (q.route, q.action, ["safety"] if q.id == "compliment" else
                                                 list(q.tags)))
    grade, decided = _result(app, aid)
    assert grade == "Merit" and decided["right"] == 9
    assert "Tag it compliment (you tagged safety)." in page


def test_the_validator_wants_every_post_decided_from_the_lists(tmp_path):
    from simulator import ScenarioFileError, load_scenario_file
    text = (ROOT / "scenarios" / "triage-rail-morning.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "triage-rail-morning.yaml"
    bad.write_text(text.replace('route: "Timetable team"', 'route: "The timetable people"'), encoding="utf-8")
    with pytest.raises(ScenarioFileError) as info:
        load_scenario_file(bad)
    assert [(p.field, p.code) for p in info.value.problems] == [("queue[8].route", "unknown_choice")]


def test_the_journalist_goes_to_the_press_office():
    import simulator
    inst = simulator.generate("triage-retail-monday", 1)
    order = list(inst.expected_order)
    right = {q.id: {"route": q.route, "action": q.action, "tags": list(q.tags)} for q in inst.queue}
    wrong = {**right, "journalist-enquiry": {"route": "Social team", "action": "Reply publicly now", "tags": ["media"]}}
    rows = {r["id"]: r for r in simulator.score_triage(inst, order, wrong)["decisions"]["rows"]}
    assert rows["journalist-enquiry"]["ok"] == {"route": False, "action": False, "tags": True}
    assert rows["journalist-enquiry"]["feedback"].startswith("Assign it to Press office, not Social team. "
                                                             "First action: Pass to the press office now")
    assert simulator.score_triage(inst, order, right)["decisions"]["right"] == 9
