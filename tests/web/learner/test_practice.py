"""The practice service through the pages: start, reply, react, finish, retry, compare; every exercise type;
double submits, empty and oversize replies, and ownership."""
from __future__ import annotations

import re
from datetime import timedelta

from markupsafe import escape
from sqlalchemy import func, select

from tests.web.learner.conftest import GOOD_REPLY


def _reply(client, page_token, attempt_id, text, channel="public", thread="customer", turn=None, state_of=None):
    token = page_token(f"/practice/attempts/{attempt_id}")
    if turn is None:
        turn = state_of(attempt_id)["turn"]
    return client.post(f"/practice/attempts/{attempt_id}/reply",
                       data={"csrf_token": token, "reply": text, "channel": channel, "thread": thread, "turn": turn})


def _messages(app, attempt_id, author=None):
    from web.extensions import db
    from web.models import Message
    with app.app_context():
        q = select(Message).where(Message.attempt_id == attempt_id).order_by(Message.id)
        if author:
            q = q.where(Message.author == author)
        return [(m.author, m.channel, m.thread, m.text, m.response_minutes) for m in db.session.scalars(q)]


def _attempt(app, attempt_id):
    from web.extensions import db
    from web.models import Attempt
    with app.app_context():
        a = db.session.get(Attempt, attempt_id)
        return {"status": a.status, "grade": a.final_grade, "result": a.result, "mode": a.mode,
                "scores": {s.criterion: s.auto_level for s in a.scores}, "seed": a.instance.seed,
                "instance_id": a.instance_id}


def test_catalogue_lists_and_filters_scenarios(client, learner):
    page = client.get("/practice/").get_data(as_text=True)
    assert "5 scenarios" in page and "Late air fryer on X" in page
    page = client.get("/practice/?platform=webchat").get_data(as_text=True)
    assert "1 scenario" in page and "Two web chats at once" in page
    page = client.get("/practice/?exercise_type=triage&difficulty=medium").get_data(as_text=True)
    assert "Monday morning queue" in page and "Late air fryer" not in page


def test_not_attempted_filter_hides_attempted_scenarios(client, learner, start):
    start("tw-late-parcel")
    page = client.get("/practice/?not_attempted=1").get_data(as_text=True)
    assert "4 scenarios" in page and "Late air fryer on X" not in page


def test_surprise_me_starts_a_generated_scenario(client, learner, page_token):
    response = client.post("/practice/surprise", data={"csrf_token": page_token()})
    assert response.status_code == 302 and "/practice/attempts/" in response.headers["Location"]


def test_the_same_scenario_and_seed_reuse_one_stored_instance(app, client, learner, start):
    from web.extensions import db
    from web.models import ScenarioInstance
    a, b = start("tw-late-parcel", 5), start("tw-late-parcel", 5)
    assert a != b
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ScenarioInstance)) == 1


def test_workspace_looks_like_the_channel(client, learner, start):
    attempt_id = start("tw-late-parcel")
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert 'class="avatar' in page and 'class="post-handle">@' in page and ("min ago" in page or "just now" in page)
    assert "Post and replies on X" in page
    avatars = re.findall(r'<div class="avatar avatar-customer" aria-hidden="true">([^<]*)</div>', page)
    assert avatars and all(re.fullmatch(r"[A-Z]{1,2}", a) for a in avatars), avatars
    assert "Customer record" in page and "Policy" in page and "Knowledge base" in page
    assert "Canned responses" in page and "Reply publicly" in page and "Send a direct message" in page
    assert "0 of 280 characters" in page and "Simulated response time" in page
    assert "Coach" in page   # practice mode


def test_avatar_initials_are_at_most_two_letters_from_words_that_start_with_one(app):
    with app.test_request_context():
        from flask import render_template_string
        macro = '{{ initials(name) }}'   # a template global (web/channel_text.py)
        for name, want in (("Larkspur & Vale (you)", "LV"), ("Sam Patel", "SP"), ("Mary Ann O'Neil", "MA"),
                           ("zoë", "Z"), ("@handle 42", "?"), ("", "?"), (None, "?")):
            assert render_template_string(macro, name=name) == want, name


def test_the_agent_panel_shows_the_customers_contact_history(app, client, learner, start):
    from web.extensions import db
    from web.models import Attempt
    attempt_id = start("tw-late-parcel")
    with app.app_context():
        history = db.session.get(Attempt, attempt_id).instance.data["customers"][0]["history"]
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert "<dt>Customer since</dt>" in page and "Previous contacts" in page
    items = page.split('class="contact-history"', 1)[1].split("</ol>", 1)[0].count("<li>")
    assert items == len(history["contacts"]) and 1 <= items <= 3
    for contact in history["contacts"]:
        assert f'<time datetime="{contact["date"]}">' in page
        assert str(escape(contact["topic"])) in page and str(escape(contact["outcome"])) in page
    year, month = history["customer_since"].split("-")
    assert f"<dd>{MONTHS[int(month) - 1]} {year}</dd>" in page


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def test_public_reply_is_scored_stored_and_the_customer_reacts(app, client, learner, start, page_token, state_of):
    attempt_id = start("tw-late-parcel")
    response = _reply(client, page_token, attempt_id, GOOD_REPLY.format(first="Sam"), state_of=state_of)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/practice/attempts/{attempt_id}/result")
    info = _attempt(app, attempt_id)
    assert info["status"] == "completed" and info["grade"] in ("Refer", "Pass", "Merit", "Distinction")
    assert set(info["scores"]) >= {"hear", "apologise", "data_protection"}
    authors = [m[0] for m in _messages(app, attempt_id)]
    assert authors[0] == "customer" and "learner" in authors and authors[-1] == "customer"
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "Grade:" in page and "<mark" in page and "How the customer reacted" in page
    assert "What went well" in page and "Even better if" in page and "Every criterion" in page


def test_a_double_submit_is_ignored(app, client, learner, start, page_token, state_of):
    attempt_id = start("fb-refund-chat")
    token = page_token(f"/practice/attempts/{attempt_id}")
    data = {"csrf_token": token, "reply": "Hi, sorry your refund is late. Please message us so we can check it.",
            "channel": "public", "thread": "customer", "turn": "0"}
    first = client.post(f"/practice/attempts/{attempt_id}/reply", data=data)
    second = client.post(f"/practice/attempts/{attempt_id}/reply", data=data, follow_redirects=True)
    assert first.status_code == 302
    assert "That reply was already sent." in second.get_data(as_text=True)
    assert len(_messages(app, attempt_id, "learner")) == 1


def test_an_empty_reply_is_refused_with_a_clear_message(app, client, learner, start, page_token, state_of):
    attempt_id = start("tw-late-parcel")
    token = page_token(f"/practice/attempts/{attempt_id}")
    page = client.post(f"/practice/attempts/{attempt_id}/reply", follow_redirects=True, data={
        "csrf_token": token, "reply": "   ", "channel": "public", "thread": "customer", "turn": "0"}).get_data(as_text=True)
    assert "Your reply is empty" in page
    assert _messages(app, attempt_id, "learner") == [] and _attempt(app, attempt_id)["status"] == "in_progress"


def test_an_oversize_x_reply_is_refused_and_the_draft_is_kept(app, client, learner, start, page_token, state_of):
    attempt_id = start("tw-late-parcel")
    token = page_token(f"/practice/attempts/{attempt_id}")
    long_reply = "Sorry about the delay with your order. " * 8 + "😀"
    key = f"attempt-{attempt_id}-customer-0"
    assert client.post("/api/v1/drafts", json={"key": key, "text": long_reply},
                       headers={"X-CSRFToken": token}).status_code == 200
    page = client.post(f"/practice/attempts/{attempt_id}/reply", follow_redirects=True, data={
        "csrf_token": token, "reply": long_reply, "channel": "public", "thread": "customer", "turn": "0"}
    ).get_data(as_text=True)
    assert "X (Twitter) allows 280 weighted characters" in page and "still in the box" in page
    assert "Sorry about the delay with your order." in page   # the draft is back in the box
    assert _messages(app, attempt_id, "learner") == []


def test_a_reply_over_the_box_limit_is_told_the_platforms_limit(app, client, learner, start, page_token):
    attempt_id = start("fb-refund-chat")
    token = page_token(f"/practice/attempts/{attempt_id}")
    page = client.post(f"/practice/attempts/{attempt_id}/reply", follow_redirects=True, data={
        "csrf_token": token, "reply": "a" * 5001, "channel": "private", "thread": "customer", "turn": "0"}
    ).get_data(as_text=True)
    message = re.search(r"This reply is [^<]*", page).group(0)
    assert "Facebook allows 2,000 characters when you send a Messenger message" in message
    assert "5000" not in message and "5,000" not in message
    assert _messages(app, attempt_id, "learner") == []


def test_a_10000_character_x_reply_is_told_280_as_the_counter_says(app, client, learner, start, page_token):
    """Issue 16.7: refused with "the most this box takes is 5000" while the counter said 280."""
    attempt_id = start("tw-late-parcel")
    token = page_token(f"/practice/attempts/{attempt_id}")
    page = client.post(f"/practice/attempts/{attempt_id}/reply", follow_redirects=True, data={
        "csrf_token": token, "reply": "b" * 10_000, "channel": "public", "thread": "customer", "turn": "0"}
    ).get_data(as_text=True)
    message = re.search(r"This reply is [^<]*", page).group(0)
    assert "This reply is 10,000 characters; X (Twitter) allows 280 weighted characters" in message
    assert "0 of 280 characters" in page and "5000" not in message and "5,000" not in message


def test_where_the_marking_cap_is_below_the_platforms_the_counter_and_the_refusal_agree(app, client, learner, start,
                                                                                        page_token):
    attempt_id = start("tw-late-parcel")
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert '"max": 5000' in page and '"max": 280' in page     # the counter's limits: the cap, X's own
    token = page_token(f"/practice/attempts/{attempt_id}")
    page = client.post(f"/practice/attempts/{attempt_id}/reply", follow_redirects=True, data={
        "csrf_token": token, "reply": "c" * 6000, "channel": "private", "thread": "customer", "turn": "0"}
    ).get_data(as_text=True)
    assert "This reply is 6,000 characters; replies are marked up to 5,000 characters here (X (Twitter) itself allows " \
           "10,000 when you send a direct message)" in page


def test_conversation_moves_to_a_private_message_and_runs_to_its_end(app, client, learner, start, page_token,
                                                                      state_of):
    attempt_id = start("fb-refund-chat")
    _reply(client, page_token, attempt_id, "Hi, I'm so sorry your refund is late. Please send us a private "
           "message so we can look into this for you today.", state_of=state_of)
    for _ in range(8):
        if _attempt(app, attempt_id)["status"] == "completed":
            break
        _reply(client, page_token, attempt_id, "Thanks for the details. I'm sorry for the wait: I'll chase our "
               "finance team now and update you within 24 hours. Is there anything else I can help with? ^LV",
               channel="private", state_of=state_of)
    assert _attempt(app, attempt_id)["status"] == "completed"
    channels = [m[1] for m in _messages(app, attempt_id, "learner")]
    assert channels[0] == "public" and "private" in channels
    assert len(channels) >= 2
    texts = [m[3] for m in _messages(app, attempt_id, "learner")]
    for crit in _attempt(app, attempt_id)["result"]["criteria"].values():
        for e in crit.get("evidence") or []:
            if "start" in e:
                assert texts[e.get("turn", 0)][e["start"]:e["end"]] == e["text"]


def test_a_customer_given_poor_replies_gives_up_and_the_result_says_so(app, client, learner, start, page_token,
                                                                         state_of):
    attempt_id = start("fb-refund-chat")
    for _ in range(8):
        if _attempt(app, attempt_id)["status"] == "completed":
            break
        _reply(client, page_token, attempt_id, "ok", state_of=state_of)
    info = _attempt(app, attempt_id)
    assert info["status"] == "completed" and state_of(attempt_id)["threads"]["customer"]["status"] == "gave_up"
    assert info["result"]["reactions"][-1]["gave_up"] is True
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "The customer gave up" in page and "ran out of patience and gave up" in page
    last_customer = [m[3] for m in _messages(app, attempt_id) if m[0] == "customer"][-1]
    assert str(escape(last_customer)) in page   # the give-up line itself is shown


def test_response_time_is_measured_on_the_simulated_clock(app, client, learner, start, page_token, state_of):
    from web.extensions import db
    from web.models import Attempt, utcnow
    attempt_id = start("tw-late-parcel")
    with app.app_context():
        a = db.session.get(Attempt, attempt_id)
        a.state = {**a.state, "seen_at": {"customer": (utcnow() - timedelta(minutes=90)).isoformat()}}
        db.session.commit()
    _reply(client, page_token, attempt_id, GOOD_REPLY.format(first="Sam"), state_of=state_of)
    minutes = _messages(app, attempt_id, "learner")[0][4]
    assert 89 <= minutes <= 92
    assert _attempt(app, attempt_id)["result"]["criteria"]["timeliness"]["level"] == 1   # late, within 2 x 60


def test_live_chat_runs_two_chats_then_the_crm_records(app, client, learner, start, page_token, state_of):
    attempt_id = start("wc-two-chats")
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert page.count('class="reply-form"') == 2 and "Chat with" in page
    for thread in ("broadband-down", "bill-query"):
        assert _reply(client, page_token, attempt_id, "Hello, thanks for waiting. I'm sorry about this: I'll check "
                      "your account now.", channel="chat", thread=thread, state_of=state_of).status_code == 302
    token = page_token(f"/practice/attempts/{attempt_id}")
    turn = state_of(attempt_id)["turn"]
    client.post(f"/practice/attempts/{attempt_id}/end-chats", data={"csrf_token": token, "turn": turn})
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert "CRM records" in page and "Query type" in page
    response = client.post(f"/practice/attempts/{attempt_id}/crm", data={
        "csrf_token": token, "turn": state_of(attempt_id)["turn"],
        "broadband-down-query_type": "Service outage", "broadband-down-resolution": "Booked an engineer",
        "broadband-down-follow_up": "Engineer visit tomorrow",
        "bill-query-query_type": "Billing query", "bill-query-resolution": "Explained the price rise",
        "bill-query-follow_up": "none"})
    assert response.status_code == 302
    info = _attempt(app, attempt_id)
    assert info["status"] == "completed" and info["result"]["crm"]["broadband-down"]["ok"] is True
    assert "CRM records" in client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)


def test_triage_is_scored_against_the_expected_order(app, client, learner, start, page_token, state_of):
    attempt_id = start("tw-mixed-queue")
    token = page_token(f"/practice/attempts/{attempt_id}")
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert page.count('class="button secondary move-up"') == 8
    bad = client.post(f"/practice/attempts/{attempt_id}/triage", follow_redirects=True,
                      data={"csrf_token": token, "turn": 0, "order": ["gas-smell"]}).get_data(as_text=True)
    assert "exactly once" in bad
    order = ["gas-smell", "data-leak", "vulnerable", "legal", "double-charge", "late", "question", "praise"]
    client.post(f"/practice/attempts/{attempt_id}/triage", data={"csrf_token": token, "turn": 0, "order": order})
    info = _attempt(app, attempt_id)
    assert info["status"] == "completed" and info["grade"] == "Distinction"
    assert info["result"]["triage"]["spearman"] == 1.0


def test_a_misordered_triage_explains_each_misplaced_post(app, client, learner, start, page_token):
    attempt_id = start("tw-mixed-queue")
    token = page_token(f"/practice/attempts/{attempt_id}")
    order = ["praise", "question", "late", "double-charge", "legal", "vulnerable", "data-leak", "gas-smell"]
    client.post(f"/practice/attempts/{attempt_id}/triage", data={"csrf_token": token, "turn": 0, "order": order})
    assert _attempt(app, attempt_id)["grade"] == "Refer"
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "Misplaced posts" in page and "Critical:" in page


def test_crisis_takes_a_holding_statement(app, client, learner, start, page_token, state_of):
    attempt_id = start("tw-recall-crisis")
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert "Holding statement" in page and page.count('class="post ') >= 5
    _reply(client, page_token, attempt_id, "We're so sorry: some kettles are overheating. Please stop using yours "
           "and unplug it now. We'll post an update by 5pm today.", thread="main", state_of=state_of)
    info = _attempt(app, attempt_id)
    assert info["status"] == "completed" and info["result"]["reactions"]


def test_retry_same_seed_meets_the_same_customer_and_fresh_variant_a_new_seed(app, client, learner, start,
                                                                              page_token, state_of):
    attempt_id = start("tw-late-parcel", 11)
    _reply(client, page_token, attempt_id, GOOD_REPLY.format(first="Sam"), state_of=state_of)
    token = page_token(f"/practice/attempts/{attempt_id}/result")
    same = client.post(f"/practice/attempts/{attempt_id}/retry", data={"csrf_token": token, "variant": "same"})
    same_id = int(re.search(r"/attempts/(\d+)", same.headers["Location"]).group(1))
    assert _attempt(app, same_id)["instance_id"] == _attempt(app, attempt_id)["instance_id"]
    fresh = client.post(f"/practice/attempts/{attempt_id}/retry", data={"csrf_token": token, "variant": "fresh"})
    fresh_id = int(re.search(r"/attempts/(\d+)", fresh.headers["Location"]).group(1))
    assert _attempt(app, fresh_id)["seed"] != 11


def test_the_result_compares_with_the_last_attempt(app, client, learner, start, page_token, state_of):
    first = start("tw-late-parcel", 3)
    _reply(client, page_token, first, "ok", state_of=state_of)
    second = start("tw-late-parcel", 3)
    _reply(client, page_token, second, GOOD_REPLY.format(first="Sam"), state_of=state_of)
    page = client.get(f"/practice/attempts/{second}/result").get_data(as_text=True)
    assert "Compared with your last attempt" in page and "change-better" in page


def test_learner_text_is_escaped_on_the_result_page(app, client, learner, start, page_token, state_of):
    attempt_id = start("tw-late-parcel")
    _reply(client, page_token, attempt_id, "Sorry <script>alert(1)</script> about your parcel", state_of=state_of)
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_unedited_canned_response_costs_personalisation(app, client, learner, start, page_token, state_of):
    from web.services.scoring import CANNED_RESPONSES
    attempt_id = start("tw-late-parcel")
    _reply(client, page_token, attempt_id, CANNED_RESPONSES[0]["text"], state_of=state_of)
    result = _attempt(app, attempt_id)["result"]
    assert result["criteria"]["personalisation"]["level"] == 0 and result["canned_response"] == "dm-details"


def _run_conversation(app, client, page_token, attempt_id, replies, state_of):
    """Send replies in order (the last one again while the conversation goes on); the first goes public."""
    for i in range(8):
        if _attempt(app, attempt_id)["status"] == "completed":
            break
        text = replies[min(i, len(replies) - 1)]
        _reply(client, page_token, attempt_id, text, channel="public" if i == 0 else "private", state_of=state_of)
    assert _attempt(app, attempt_id)["status"] == "completed"
    return _attempt(app, attempt_id)["result"]


def test_a_conversation_of_unedited_canned_responses_scores_personalisation_0(app, client, learner, start,
                                                                               page_token, state_of):
    from web.services.scoring import CANNED_RESPONSES
    attempt_id = start("fb-refund-chat")
    result = _run_conversation(app, client, page_token, attempt_id,
                               [CANNED_RESPONSES[0]["text"], CANNED_RESPONSES[1]["text"]], state_of)
    assert len(_messages(app, attempt_id, "learner")) >= 2
    assert result["criteria"]["personalisation"]["level"] == 0 and result["canned_response"] == "dm-details"
    assert result["canned_replies"]["canned"] == result["canned_replies"]["replies"]
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "A canned response was sent unedited, so personalisation scored 0." in page


def test_a_conversation_with_some_canned_responses_caps_personalisation_at_1(app, client, learner, start,
                                                                              page_token, state_of):
    from web.services.scoring import CANNED_RESPONSES
    attempt_id = start("fb-refund-chat")
    first = re.search(r"Your reply to ([^<]+)</label>",
                      client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)).group(1).strip()
    own = (f"Thanks {first}, I'm sorry for the wait on your refund: I'll chase our finance team now and "
           "update you within 24 hours. ^LV")
    uncanned = _run_conversation(app, client, page_token, start("fb-refund-chat"), [
        f"Hi {first}, I'm so sorry your refund is late. Please send us a private message so we can look into this "
        "for you today.", own], state_of)
    assert uncanned["criteria"]["personalisation"]["level"] == 2 and "canned_response" not in uncanned
    result = _run_conversation(app, client, page_token, attempt_id, [
        f"Hi {first}, I'm so sorry your refund is late. Please send us a private message so we can look into this "
        "for you today.", CANNED_RESPONSES[1]["text"], own], state_of)
    replies = result["canned_replies"]
    assert 0 < replies["canned"] < replies["replies"]
    assert result["criteria"]["personalisation"]["level"] <= 1
    assert "most 1" in result["criteria"]["personalisation"]["reason"]
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert f"{replies['canned']} of your {replies['replies']} replies were canned responses" in page


def test_live_chat_of_unedited_canned_responses_scores_personalisation_0(app, client, learner, start, page_token,
                                                                          state_of):
    from web.services.scoring import CANNED_RESPONSES
    attempt_id = start("wc-two-chats")
    for thread in ("broadband-down", "bill-query"):
        for text in (CANNED_RESPONSES[3]["text"], CANNED_RESPONSES[1]["text"]):
            if state_of(attempt_id)["threads"][thread].get("status", "open") == "open":
                _reply(client, page_token, attempt_id, text, channel="chat", thread=thread, state_of=state_of)
    assert sum(1 for m in _messages(app, attempt_id, "learner") if m[2] == "broadband-down") == 2
    token = page_token(f"/practice/attempts/{attempt_id}")
    if state_of(attempt_id)["phase"] == "reply":
        client.post(f"/practice/attempts/{attempt_id}/end-chats", data={"csrf_token": token,
                                                                         "turn": state_of(attempt_id)["turn"]})
    client.post(f"/practice/attempts/{attempt_id}/crm", data={"csrf_token": token, "turn": state_of(attempt_id)["turn"]})
    info = _attempt(app, attempt_id)
    assert info["status"] == "completed"
    assert info["result"]["criteria"]["personalisation"]["level"] == 0 and info["scores"]["personalisation"] == "0"
    assert info["result"]["canned_response"] == "chat-greeting"


def test_another_learner_cannot_see_or_use_an_attempt(app, client, learner, make_user, login, start, page_token):
    attempt_id = start("tw-late-parcel")
    client.post("/logout", data={"csrf_token": page_token("/practice/")})
    make_user("learner", username="otto")
    login("otto")
    token = page_token("/practice/")
    assert client.get(f"/practice/attempts/{attempt_id}").status_code == 404
    assert client.get(f"/practice/attempts/{attempt_id}/result").status_code == 404
    assert client.post(f"/practice/attempts/{attempt_id}/reply", data={
        "csrf_token": token, "reply": "hi", "channel": "public", "thread": "customer", "turn": 0}).status_code == 404
    assert client.post(f"/practice/attempts/{attempt_id}/retry", data={"csrf_token": token}).status_code == 404


def test_tutor_sets_an_assessed_assignment_and_the_learner_starts_it(app, client, make_user, login, page_token):
    from web.extensions import db
    from web.models import Cohort, User
    tutor_id = make_user("tutor", username="tess")
    learner_id = make_user("learner", username="lena")
    with app.app_context():
        cohort = Cohort(name="Group A", tutor_id=tutor_id)
        cohort.learners.append(db.session.get(User, learner_id))
        db.session.add(cohort)
        db.session.commit()
        cohort_id = cohort.id
    login("tess")
    token = page_token(f"/tutor/cohorts/{cohort_id}")
    page = client.get(f"/tutor/cohorts/{cohort_id}").get_data(as_text=True)
    assert "Set work" in page and "tw-late-parcel" in page and "Set work" not in page.split("</title>")[0]
    client.post(f"/tutor/cohorts/{cohort_id}/assignments",
                data={"csrf_token": token, "scenario_id": "tw-late-parcel", "mode": "assessed", "seed": "42"})
    client.post("/logout", data={"csrf_token": token})
    login("lena")
    page = client.get("/practice/?assigned=1").get_data(as_text=True)
    assert "1 scenario" in page and "Set by tutor (assessed)" in page
    assignment_id = re.search(r'name="assignment_id" value="(\d+)"', page).group(1)
    response = client.post("/practice/start", data={"csrf_token": page_token(), "scenario_id": "x",
                                                    "assignment_id": assignment_id})
    attempt_id = int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))
    info = _attempt(app, attempt_id)
    assert info["mode"] == "assessed" and info["seed"] == 42
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert "Assessed: nothing is shown until you submit" in page and 'class="coach"' not in page


def test_a_learner_outside_the_cohort_cannot_start_its_assignment(app, client, make_user, login, page_token):
    from web.extensions import db
    from web.models import Assignment, Cohort
    tutor_id = make_user("tutor", username="tess")
    make_user("learner", username="lena")
    with app.app_context():
        cohort = Cohort(name="Group B", tutor_id=tutor_id)
        db.session.add(cohort)
        db.session.flush()
        a = Assignment(cohort_id=cohort.id, scenario_id="tw-late-parcel", mode="assessed", created_by_id=tutor_id)
        db.session.add(a)
        db.session.commit()
        assignment_id = a.id
    login("lena")
    page = client.post("/practice/start", follow_redirects=True, data={
        "csrf_token": page_token(), "assignment_id": assignment_id}).get_data(as_text=True)
    assert "not for your cohort" in page


def test_an_unknown_scenario_is_reported(client, learner, page_token):
    page = client.post("/practice/start", follow_redirects=True,
                       data={"csrf_token": page_token(), "scenario_id": "no-such"}).get_data(as_text=True)
    assert "There is no scenario called" in page


def test_live_chat_evidence_points_at_the_right_message_in_the_transcript(app, client, learner, start, page_token,
                                                                           state_of):
    attempt_id = start("wc-two-chats")
    replies = {"broadband-down": "Hello, I'm sorry your broadband is down while you work from home. I'll book an "
                                 "engineer now.",
               "bill-query": "Hello, thanks for asking about your bill. I'll check the price change for you now."}
    for thread in ("broadband-down", "bill-query"):
        _reply(client, page_token, attempt_id, replies[thread], channel="chat", thread=thread, state_of=state_of)
    token = page_token(f"/practice/attempts/{attempt_id}")
    client.post(f"/practice/attempts/{attempt_id}/end-chats", data={"csrf_token": token,
                                                                     "turn": state_of(attempt_id)["turn"]})
    client.post(f"/practice/attempts/{attempt_id}/crm", data={"csrf_token": token, "turn": state_of(attempt_id)["turn"]})
    learner_texts = [m[3] for m in _messages(app, attempt_id, "learner")]
    result = _attempt(app, attempt_id)["result"]
    spans = [e for c in result["criteria"].values() for e in (c.get("evidence") or []) if "start" in e]
    assert spans
    for e in spans:
        assert learner_texts[e["turn"]][e["start"]:e["end"]] == e["text"]


def test_a_reply_url_opened_after_signing_in_again_leads_back_to_the_workspace(client, learner, start):
    attempt_id = start("tw-late-parcel")
    response = client.get(f"/practice/attempts/{attempt_id}/reply")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/practice/attempts/{attempt_id}")
