"""The workspace does a fixed amount of work per view (issue 17): two statements (the signed-in user; the attempt with
its instance, the transcript and the drafts in one) however long the conversation, and the agent tools, which show
the instance alone, rendered once per instance and process; what the learner has done still shows on the next view."""
from __future__ import annotations

from tests.conftest import csrf_from, sign_in
from tests.web.learner.test_practice import _reply
from tests.web.test_page_work import statement_texts
from web.fragments import fragments


def agent_tools(page: str) -> str:
    return page[page.index('<aside class="ws-side"'):page.index("</aside>")]


def test_a_workspace_view_runs_two_statements_however_long_the_conversation(app, client, learner, start,
                                                                             page_token, state_of):
    attempt_id = start("fb-refund-chat")
    path = f"/practice/attempts/{attempt_id}"
    client.get(path)
    first = statement_texts(app, client, path)
    assert len(first) == 2, first   # the user; the attempt, its instance, transcript and drafts: no lazy load
    _reply(client, page_token, attempt_id, "Hi, I'm sorry about the refund. Could you DM me your order number?",
           channel="private", thread="customer", state_of=state_of)
    later = statement_texts(app, client, path)
    assert len(later) == 2, later
    assert "Could you DM me your order number?" in client.get(path).get_data(as_text=True)


def test_the_workspace_shows_only_the_current_turns_draft_of_this_attempt(app, client, learner, start, state_of):
    """The one statement reads the attempt's drafts by key pattern: another turn's draft, and one of an attempt whose
    id starts with the same digits ("attempt-10-" beside "attempt-1-"), stay out of the reply box."""
    from sqlalchemy import select

    from web.extensions import db
    from web.models import User
    from web.services import drafts

    attempt_id = start("tw-late-parcel")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == learner))
        drafts.save(user, f"attempt-{attempt_id}-customer-0", "This turn's draft")
        drafts.save(user, f"attempt-{attempt_id}-customer-1", "Next turn's draft")
        drafts.save(user, f"attempt-{attempt_id}0-customer-0", "Another attempt's draft")
        db.session.commit()
    box = reply_form(client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True))
    assert "This turn&#39;s draft</textarea>" in box
    assert "Next turn" not in box and "Another attempt" not in box


def test_the_agent_tools_are_rendered_once_per_instance_and_shown_to_each_learner(app, client, learner, start,
                                                                                 make_user):
    mine = client.get(f"/practice/attempts/{start('tw-late-parcel', seed=7)}").get_data(as_text=True)
    make_user("learner", username="otto")
    other = app.test_client()
    assert sign_in(other, "otto").status_code == 302
    token = csrf_from(other.get("/practice/").get_data(as_text=True))
    started = other.post("/practice/start", data={"csrf_token": token, "scenario_id": "tw-late-parcel", "seed": "7"})
    theirs = other.get(started.headers["Location"]).get_data(as_text=True)
    assert "Customer record:" in agent_tools(mine) and "Canned responses" in agent_tools(mine)
    assert agent_tools(mine) == agent_tools(theirs)
    with app.app_context():
        assert sum(1 for key in fragments()._entries if key[0] == "practice.agent_tools") == 1
    assert "Lena Learner" in mine and "Lena Learner" not in theirs   # the rest of the page is each learner's own


def test_the_canned_responses_go_once_the_crm_records_are_due(app, client, learner, start, page_token, state_of):
    attempt_id = start("wc-two-chats")
    path = f"/practice/attempts/{attempt_id}"
    assert "Canned responses" in agent_tools(client.get(path).get_data(as_text=True))
    for thread in ("broadband-down", "bill-query"):
        _reply(client, page_token, attempt_id, "Hello, thanks for waiting. I'm sorry about this: I'll check your "
               "account now.", channel="chat", thread=thread, state_of=state_of)
    client.post(f"{path}/end-chats", data={"csrf_token": page_token(path), "turn": state_of(attempt_id)["turn"]})
    page = client.get(path).get_data(as_text=True)
    assert "CRM records" in page and "Canned responses" not in agent_tools(page)


def reply_form(page: str, thread: str = "customer") -> str:
    return page[page.index(f'id="form-{thread}"'):page.index("</form>", page.index(f'id="form-{thread}"'))]


def test_learners_on_one_instance_each_get_their_own_escaped_draft_token_and_id(app, client, learner, start,
                                                                                make_user, page_token):
    """Guards for keeping any of the reply form per instance (issue 17): the instance is shared, but the draft (always
    escaped), the CSRF token and the user id in the form are each learner's, and the form still posts a reply."""
    mine_id = start("tw-late-parcel", seed=7)
    key = f"attempt-{mine_id}-customer-0"
    saved = client.post("/api/v1/drafts", json={"key": key, "text": 'Sorry <b>&"late"</b>'},
                        headers={"X-CSRFToken": page_token(f"/practice/attempts/{mine_id}")})
    assert saved.status_code == 200
    mine = client.get(f"/practice/attempts/{mine_id}").get_data(as_text=True)
    other_user = make_user("learner", username="otto")
    other = app.test_client()
    assert sign_in(other, "otto").status_code == 302
    started = other.post("/practice/start", data={"csrf_token": csrf_from(other.get("/practice/").get_data(
        as_text=True)), "scenario_id": "tw-late-parcel", "seed": "7"})
    theirs = other.get(started.headers["Location"]).get_data(as_text=True)

    assert "Sorry &lt;b&gt;&amp;&#34;late&#34;&lt;/b&gt;</textarea>" in reply_form(mine)
    assert "<b>&" not in reply_form(mine) and "late&#34;&lt;/b&gt;" not in reply_form(theirs)
    assert csrf_from(reply_form(mine)) != csrf_from(reply_form(theirs))
    assert f'data-user="{other_user}"' in reply_form(theirs) and f'data-user="{other_user}"' not in reply_form(mine)

    sent = client.post(f"/practice/attempts/{mine_id}/reply", data={
        "csrf_token": csrf_from(reply_form(mine)), "reply": "Sorry your parcel is late: I'll check it now.",
        "channel": "public", "thread": "customer", "turn": "0"})
    assert sent.status_code == 302
    after = client.get(f"/practice/attempts/{mine_id}", follow_redirects=True).get_data(as_text=True)
    assert "I&#39;ll check it now." in after   # a one-reply scenario: the result page shows the reply


def test_a_process_that_has_not_built_the_instance_reads_its_stored_data(app, client, learner, start):
    """The one statement does not read the instance's data (large): a process without the instance built reads it
    then, once, and the page shows it."""
    from web.services import library

    attempt_id = start("tw-late-parcel", seed=7)
    library._stored.clear()
    library._stored_dicts.clear()
    path = f"/practice/attempts/{attempt_id}"
    first = statement_texts(app, client, path)
    assert len(first) == 3 and "scenario_instance.data" in first[2], first
    assert len(statement_texts(app, client, path)) == 2
    assert "Customer record:" in agent_tools(client.get(path).get_data(as_text=True))


def test_the_kept_instance_parts_show_a_changed_reply_cap_at_once(app, client, learner, start):
    """The workspace keeps what it shows of an instance alone (channels, limits, customers) per process; the reply cap
    (MAX_REPLY_CHARS) is the one setting they read, so a changed cap shows on the next view, in the counter and in
    the form's data-limits (written as the tojson filter writes it)."""
    import json
    import re

    path = f"/practice/attempts/{start('fb-refund-chat')}"
    first = client.get(path).get_data(as_text=True)
    limits = json.loads(re.search(r"data-limits='([^']*)'", first).group(1).replace("&#39;", "'"))
    assert limits["private"]["max"] != 321
    with app.app_context():
        expected = app.jinja_env.from_string("{{ v|tojson }}").render(v=limits)
    assert f"data-limits='{expected}'" in first
    app.config["MAX_REPLY_CHARS"] = 321
    again = client.get(path).get_data(as_text=True)
    assert '"max": 321' in again and "of 321 characters" in again
