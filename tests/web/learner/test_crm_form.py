"""Issue 16: the CRM record's query type is a pick list of the scenario's categories, and the follow-up is a
yes/no with its details, both read by the check."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": False, "SCENARIO_DIR": str(ROOT / "scenarios")}


def test_the_crm_query_type_is_a_pick_list_and_the_follow_up_a_choice(app, client, make_user):
    import simulator
    from web.extensions import db
    from web.models import Attempt
    make_user("learner", username="lena")
    client.post("/login", data={"username": "lena", "password": "lena-password"})
    r = client.post("/practice/start", data={"scenario_id": "live-chat-retail-saturday", "seed": "1"})
    aid = int(re.search(r"/attempts/(\d+)", r.headers["Location"]).group(1))
    for thread, text in (("stock-question", "Hi, it's back in stock online on the 1st of next month; you can sign "
                                            "up for an email alert on the product page."),
                         ("wheres-my-order", "Hi, sorry it's late: it's out for delivery tomorrow before 1pm and "
                                             "I've refunded the delivery charge.")):
        page = client.get(f"/practice/attempts/{aid}").get_data(as_text=True)
        turn = re.search(r'name="turn" value="(\d+)"', page).group(1)
        client.post(f"/practice/attempts/{aid}/reply", data={"turn": turn, "thread": thread, "channel": "chat",
                                                             "reply": text})
    page = client.get(f"/practice/attempts/{aid}").get_data(as_text=True)
    if 'id="crm-form"' not in page:
        turn = re.search(r'name="turn" value="(\d+)"', page).group(1)
        client.post(f"/practice/attempts/{aid}/end-chats", data={"turn": turn})
        page = client.get(f"/practice/attempts/{aid}").get_data(as_text=True)
    select = re.search(r'<select id="stock-question-query_type".*?</select>', page, re.S).group(0)
    options = re.findall(r'<option value="([^"]*)">', select)
    with app.app_context():
        inst = simulator.generate("live-chat-retail-saturday", 1)
    assert options == [""] + simulator.crm_query_types(inst)
    assert {"Late delivery", "Where is my order", "Stock enquiry", "Product question"} <= set(options)
    assert 'name="stock-question-follow_up_needed" value="no"' in page
    turn = re.search(r'name="turn" value="(\d+)"', page).group(1)
    client.post(f"/practice/attempts/{aid}/crm", data={
        "turn": turn,
        "stock-question-query_type": "Stock enquiry", "stock-question-resolution": "Told them the date; alert",
        "stock-question-follow_up_needed": "no", "stock-question-follow_up": "",
        "wheres-my-order-query_type": "Late delivery",
        "wheres-my-order-resolution": "Out for delivery tomorrow; delivery charge refunded",
        "wheres-my-order-follow_up_needed": "yes", "wheres-my-order-follow_up": "Check it arrived tomorrow"})
    with app.app_context():
        crm = db.session.get(Attempt, aid).result["crm"]
    assert crm["stock-question"]["ok"] and crm["wheres-my-order"]["ok"], crm
    assert crm["stock-question"]["record"]["follow_up"] is False


def test_a_follow_up_marked_needed_without_details_is_missing():
    import simulator
    inst = simulator.generate("live-chat-retail-saturday", 1)
    check = simulator.validate_crm_record(inst, {"query_type": "Late delivery", "resolution": "tomorrow, delivery "
                                                 "charge refunded", "follow_up": ""}, customer="wheres-my-order")
    assert check.missing == ("follow_up",)
