"""Issue 16.3: the learner has the last word. A satisfied Facebook customer waits for the learner's closing turn
(the conversation does not end when they accept), the closing earns Closing from the turn that holds it, and
conversations and live chats have an explicit end."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

FIRST = ("Hi {f}, I'm so sorry it has stopped working after just a few weeks, that's really disappointing. "
         "Please send us a private message with your order number so I can sort this for you today.")
FIX = ("Thanks {f}. As it's within 30 days, I've arranged a full refund or a replacement, whichever you prefer, "
       "and a free collection of the faulty one within 5 working days.")
CLOSE = "Is there anything else I can help with today, {f}? Thanks for your patience. ^SM"


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": False, "SCENARIO_DIR": str(ROOT / "scenarios")}


@pytest.fixture
def signed_in(client, make_user):
    make_user("learner", username="lena")
    assert client.post("/login", data={"username": "lena", "password": "lena-password"}).status_code == 302


def _start(client, scenario_id: str, seed: int = 1) -> int:
    r = client.post("/practice/start", data={"scenario_id": scenario_id, "seed": str(seed)})
    return int(re.search(r"/attempts/(\d+)", r.headers["Location"]).group(1))


def _page(client, aid: int) -> str:
    return client.get(f"/practice/attempts/{aid}").get_data(as_text=True)


def _turn(html: str) -> str:
    return re.search(r'name="turn" value="(\d+)"', html).group(1)


def _send(client, aid: int, thread: str, channel: str, text: str):
    html = _page(client, aid)
    return client.post(f"/practice/attempts/{aid}/reply",
                       data={"turn": _turn(html), "thread": thread, "channel": channel, "reply": text})


def _attempt(app, aid):
    from web.extensions import db
    from web.models import Attempt
    with app.app_context():
        a = db.session.get(Attempt, aid)
        return {"status": a.status, "state": a.state, "result": a.result,
                "messages": [(m.author, m.text) for m in a.messages]}


def _persona_first(app, aid) -> str:
    from web.extensions import db
    from web.models import Attempt
    from web.services.library import instance_for
    with app.app_context():
        return instance_for(db.session.get(Attempt, aid).instance).customers[0].persona.first_name


def test_a_satisfied_facebook_customer_waits_for_the_learners_closing_turn(app, client, signed_in):
    aid = _start(client, "faulty-air-fryer-facebook")
    f = _persona_first(app, aid)
    _send(client, aid, "customer", "public", FIRST.format(f=f))
    _send(client, aid, "customer", "private", FIX.format(f=f))
    a = _attempt(app, aid)
    conv = a["state"]["threads"]["customer"]
    assert conv["satisfied"] and conv["status"] == "open" and a["status"] == "in_progress"
    html = _page(client, aid)
    assert f"{f} is happy with your answer." in html and 'id="form-customer"' in html
    r = _send(client, aid, "customer", "private", CLOSE.format(f=f))
    assert "/result" in r.headers["Location"]
    a = _attempt(app, aid)
    assert a["state"]["threads"]["customer"]["status"] == "resolved"
    closing = a["result"]["criteria"]["closing"]
    assert closing["level"] == 2, closing
    assert {e.get("turn") for e in closing["evidence"] if "start" in e} == {2}   # the third reply earned it


def test_the_learner_can_end_a_conversation_without_another_message(app, client, signed_in):
    aid = _start(client, "faulty-air-fryer-facebook")
    html = _page(client, aid)
    assert "End conversation" not in html        # nothing to end before the first reply
    f = _persona_first(app, aid)
    _send(client, aid, "customer", "public", FIRST.format(f=f))
    _send(client, aid, "customer", "private", FIX.format(f=f))
    html = _page(client, aid)
    assert "End conversation" in html
    r = client.post(f"/practice/attempts/{aid}/end-thread", data={"turn": _turn(html), "thread": "customer"})
    assert "/result" in r.headers["Location"]
    a = _attempt(app, aid)
    assert a["state"]["threads"]["customer"]["status"] == "resolved"
    assert a["messages"][-1] == ("system", "You ended the conversation.")


def test_live_chat_has_an_end_chat_for_each_customer_then_the_crm(app, client, signed_in):
    aid = _start(client, "live-chat-retail-saturday")
    html = _page(client, aid)
    threads = re.findall(r'name="thread" value="([^"]+)"', html)
    assert threads[:2] == ["wheres-my-order", "stock-question"] and "End chat" not in html
    _send(client, aid, "stock-question", "chat", "Hi, it's back in stock online on the 1st of next month, and "
          "you can sign up for an email alert on the product page.")
    html = _page(client, aid)
    assert html.count(">End chat<") == 1
    client.post(f"/practice/attempts/{aid}/end-thread", data={"turn": _turn(html), "thread": "stock-question"})
    a = _attempt(app, aid)
    assert a["state"]["threads"]["stock-question"]["status"] in ("resolved", "ended")
    assert a["state"]["phase"] == "reply"                    # the other chat is still open
    assert "You ended the chat." in _page(client, aid)
    _send(client, aid, "wheres-my-order", "chat", "Hi, sorry it's late: it's out for delivery tomorrow before 1pm "
          "and I've refunded the delivery charge.")
    html = _page(client, aid)
    client.post(f"/practice/attempts/{aid}/end-thread", data={"turn": _turn(html), "thread": "wheres-my-order"})
    assert _attempt(app, aid)["state"]["phase"] == "crm"


def test_ending_a_chat_needs_a_reply_first_and_only_once(app, client, signed_in):
    aid = _start(client, "live-chat-retail-saturday")
    html = _page(client, aid)
    r = client.post(f"/practice/attempts/{aid}/end-thread", data={"turn": _turn(html), "thread": "stock-question"},
                    follow_redirects=True)
    assert "Reply to the customer before ending" in r.get_data(as_text=True)
    r = client.post(f"/practice/attempts/{aid}/end-thread", data={"turn": _turn(html), "thread": "nobody"},
                    follow_redirects=True)
    assert "no such conversation" in r.get_data(as_text=True)
