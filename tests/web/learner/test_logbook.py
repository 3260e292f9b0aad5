"""The reflective logbook, real interactions (anonymised before saving), tutor comments, and who may see what."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.web.learner.conftest import GOOD_REPLY


def _entries(app):
    from web.extensions import db
    from web.models import LogbookEntry
    with app.app_context():
        return [{"id": e.id, "kind": e.kind, "form": e.form, "fields": e.fields, "pcs": e.performance_criteria,
                 "customer": e.customer_text, "reply": e.reply_text, "result": e.result, "attempt": e.attempt_id,
                 "created": e.created_at} for e in db.session.scalars(select(LogbookEntry))]


@pytest.fixture
def finished(client, learner, start, page_token, state_of):
    attempt_id = start("tw-late-parcel")
    client.post(f"/practice/attempts/{attempt_id}/reply", data={
        "csrf_token": page_token(f"/practice/attempts/{attempt_id}"), "reply": GOOD_REPLY.format(first="Sam"),
        "channel": "public", "thread": "customer", "turn": 0})
    return attempt_id


def test_a_short_form_reflection_on_an_attempt_is_saved_with_criteria_and_time(app, client, finished, page_token):
    token = page_token(f"/logbook/new?attempt_id={finished}")
    response = client.post(f"/logbook/new?attempt_id={finished}&form=short", data={
        "csrf_token": token, "title": "Late parcel", "went_well": "I named the parcel.",
        "even_better_if": "I gave a time.", "next": "Sign off.", "pc": ["P3", "X2", "ZZ"]})
    assert response.status_code == 302
    [entry] = _entries(app)
    assert entry["attempt"] == finished and entry["pcs"] == ["P3", "X2"] and entry["created"] is not None
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "I named the parcel." in page and "P3 draw up a profile of how your existing and potential customers" in page and "<time" in page


def test_a_gibbs_reflection_has_the_six_stages(app, client, learner, page_token):
    page = client.get("/logbook/new?form=gibbs").get_data(as_text=True)
    for stage in ("Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"):
        assert stage in page
    client.post("/logbook/new?form=gibbs", data={"csrf_token": page_token("/logbook/new"), "description": "It went ok"})
    assert _entries(app)[0]["form"] == "gibbs"


def test_an_empty_reflection_is_refused(app, client, learner, page_token):
    page = client.post("/logbook/new", data={"csrf_token": page_token("/logbook/new")}).get_data(as_text=True)
    assert "Write at least one part" in page and _entries(app) == []


def _real(client, token, **fields):
    return client.post("/logbook/real", data={"csrf_token": token, **fields})


def _hidden(page: str, name: str) -> str:
    import html
    import re
    return html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page).group(1))


def _visible(page: str) -> str:
    """The page without its hidden inputs (what the learner reads and edits)."""
    import re
    return re.sub(r'<input type="hidden"[^>]*>', "", page)


def test_a_real_interaction_is_anonymised_previewed_confirmed_and_scored(app, client, learner, page_token):
    token = page_token("/logbook/real")
    customer = "Hi, I'm Priya Shah, order #LV123456 never came. Call 07700 900123 or priya@example.com @priyas"
    reply = "Hi Priya, I'm sorry order LV123456 is late. DM us so we can look into this. -Sean"
    preview = _real(client, token, step="preview", customer=customer, reply=reply, platform="twitter",
                    title="Priya Shah's late order", went_well="I named Priya and the order LV123456.").get_data(as_text=True)
    assert "Check the anonymised text" in preview
    for secret in ("Priya", "Shah", "07700", "priya@example.com", "@priyas", "Sean", "LV123456"):
        assert secret not in preview, secret   # not even in a hidden field: the originals stay on the server
    assert "Customer A" in preview and "[order ref 1]" in preview and "[phone 1]" in preview
    assert _entries(app) == []   # nothing saved before confirmation
    fields = {"step": "save", "customer": _textarea(preview, "customer"), "reply": _textarea(preview, "reply"),
              "title": _hidden_or_input(preview, "title"), "went_well": _textarea(preview, "went_well"),
              "platform": "twitter", "result_token": _hidden(preview, "result_token")}
    response = _real(client, token, confirm="yes", pc=["P4"], **fields)
    assert response.status_code == 302
    [entry] = _entries(app)
    assert entry["kind"] == "real" and entry["result"]["mode"] == "free" and entry["pcs"] == ["P4"]
    for secret in ("Priya", "Shah", "07700", "priya@example.com", "LV123456", "@priyas", "Sean"):
        assert secret not in json.dumps(entry, default=str), secret


def _textarea(page: str, name: str) -> str:
    import html
    import re
    return html.unescape(re.search(rf'<textarea id="{name}" name="{name}"[^>]*>(.*?)</textarea>', page, re.S).group(1))


def _hidden_or_input(page: str, name: str) -> str:
    import html
    import re
    return html.unescape(re.search(rf'name="{name}"[^>]*value="([^"]*)"', page).group(1))


def test_the_title_and_reflection_of_a_real_interaction_are_anonymised_at_entry(app, client, learner, page_token):
    """Issue 14: a real interaction's title and reflection were stored raw and a tutor saw them."""
    token = page_token("/logbook/real")
    preview = _real(client, token, step="preview", customer="Mhairi MacGillivray here, order 55881234 is late",
                    reply="Sorry Mhairi, I'll chase it.", title="Mhairi MacGillivray (mhairi.m@example.com) complaint",
                    went_well="I told mhairi the order number", even_better_if="Ask for her DOB 14/03/1987 in a DM",
                    next="Ring her on 07700 900461").get_data(as_text=True)
    for secret in ("Mhairi", "MacGillivray", "mhairi", "example.com", "14/03/1987", "07700", "55881234"):
        assert secret not in preview, secret
    response = _real(client, token, step="save", confirm="yes", customer=_textarea(preview, "customer"),
                     reply=_textarea(preview, "reply"), title=_hidden_or_input(preview, "title"),
                     went_well=_textarea(preview, "went_well"), even_better_if=_textarea(preview, "even_better_if"),
                     next=_textarea(preview, "next"), result_token=_hidden(preview, "result_token"))
    assert response.status_code == 302
    [entry] = _entries(app)
    stored = json.dumps(entry, default=str)
    for secret in ("Mhairi", "MacGillivray", "mhairi", "example.com", "14/03/1987", "07700", "55881234"):
        assert secret not in stored, secret
    assert "[date of birth 1]" in entry["fields"]["even_better_if"]


def test_forgetting_the_confirm_tick_keeps_the_title_reflection_and_criteria(app, client, learner, page_token):
    """Issue 16 point 4: forgetting the tick wiped the title, the reflection and the criteria ticks."""
    token = page_token("/logbook/real")
    preview = _real(client, token, step="preview", customer="Where is my parcel?", reply="Sorry, I'll check it now.",
                    title="A parcel query", went_well="Quick answer", pc=["P3", "P5"]).get_data(as_text=True)
    again = _real(client, token, step="save", customer=_textarea(preview, "customer"), reply=_textarea(preview, "reply"),
                  title="A parcel query, edited", went_well="Quick answer", even_better_if="Give a time",
                  next="Say when", pc=["P3", "P5"], result_token=_hidden(preview, "result_token")).get_data(as_text=True)
    assert "Tick the box" in again and _entries(app) == []
    assert _hidden_or_input(again, "title") == "A parcel query, edited"
    assert _textarea(again, "went_well") == "Quick answer" and _textarea(again, "even_better_if") == "Give a time"
    assert _textarea(again, "next") == "Say when"
    assert 'id="pc-P3" value="P3" checked' in again and 'id="pc-P5" value="P5" checked' in again
    assert _hidden(again, "result_token") == _hidden(preview, "result_token")


def test_the_reply_is_judged_on_the_original_text_and_only_anonymised_text_is_stored(app, client, learner, page_token):
    """Issue 16 point 4: a public reply with the customer's e-mail passed data protection ([email 1]) and
    personalisation fell to 1 ("Customer A"). Judged on the original, it fails data protection and keeps the name."""
    from web.services import scoring
    token = page_token("/logbook/real")
    customer = "My parcel never came, I'm Priya Shah, email priya.shah@example.com"
    reply = ("Hi Priya, so sorry your parcel hasn't arrived. I've emailed you at priya.shah@example.com with a "
             "tracking link and refunded the postage.")
    preview = _real(client, token, step="preview", customer=customer, reply=reply, platform="facebook").get_data(as_text=True)
    _real(client, token, step="save", confirm="yes", customer=_textarea(preview, "customer"),
          reply=_textarea(preview, "reply"), platform="facebook", result_token=_hidden(preview, "result_token"))
    [entry] = _entries(app)
    levels = {k: c["level"] for k, c in entry["result"]["criteria"].items()}
    original = scoring.score_reply(reply, {"customer": customer, "platform": "facebook"})
    assert levels["data_protection"] == "fail" == original["criteria"]["data_protection"]["level"]
    assert levels["personalisation"] == original["criteria"]["personalisation"]["level"] == 2
    assert "priya" not in json.dumps(entry, default=str).lower()
    for c in entry["result"]["criteria"].values():   # the evidence spans point into the stored reply
        for span in c.get("evidence") or []:
            assert entry["reply"][span["start"]:span["end"]] == span["text"]


def test_pseudonyms_are_consistent_across_a_real_interaction(app, client, learner, page_token):
    """Issue 16 point 4: "Customer A (@customer_b)" is not consistent."""
    token = page_token("/logbook/real")
    preview = _real(client, token, step="preview", customer="Jo Bloggs (@jbloggs99) here: jo.bloggs@example.com",
                    reply="Hi Jo, sorry! @jbloggs99 please DM us.", title="Jo Bloggs").get_data(as_text=True)
    customer = _textarea(preview, "customer")
    assert customer == "Customer A (@customer_a) here: customer.a@example.invalid"
    assert _textarea(preview, "reply") == "Hi Customer A, sorry! @customer_a please DM us."
    assert _hidden_or_input(preview, "title") == "Customer A"


def test_a_tampered_result_token_is_refused(app, client, learner, page_token):
    token = page_token("/logbook/real")
    page = _real(client, token, step="save", confirm="yes", customer="x", reply="y",
                 result_token="not-a-real-token").get_data(as_text=True)
    assert "paste the interaction again" in page and _entries(app) == []


def test_a_surname_the_gazetteer_misses_is_dropped_after_the_pseudonym():
    from web.services.interaction_anonymiser import anonymise_interaction
    customer, reply, _found = anonymise_interaction("Hi I'm Jo Bloggs, order #LV554433 is late", "Hi Jo, sorry.")
    assert "Bloggs" not in customer and "Jo " not in customer


def test_another_learner_cannot_read_an_entry(app, client, finished, page_token, make_user, login):
    token = page_token("/logbook/new")
    client.post("/logbook/new", data={"csrf_token": token, "went_well": "private thoughts"})
    entry_id = _entries(app)[0]["id"]
    client.post("/logout", data={"csrf_token": token})
    make_user("learner", username="otto")
    login("otto")
    assert client.get(f"/logbook/entries/{entry_id}").status_code == 404
    assert "private thoughts" not in client.get("/logbook/").get_data(as_text=True)


def test_the_learners_tutor_comments_and_another_tutor_is_refused(app, client, finished, page_token, make_user,
                                                                   login):
    from web.extensions import db
    from web.models import Cohort, User
    token = page_token("/logbook/new")
    client.post("/logbook/new", data={"csrf_token": token, "went_well": "Named the issue"})
    entry_id = _entries(app)[0]["id"]
    tutor_id = make_user("tutor", username="tess")
    make_user("tutor", username="tom")
    with app.app_context():
        cohort = Cohort(name="A", tutor_id=tutor_id)
        cohort.learners.append(db.session.scalar(select(User).where(User.username == "lena")))
        db.session.add(cohort)
        db.session.commit()
        learner_id = cohort.learners[0].id
    client.post("/logout", data={"csrf_token": token})
    login("tom")
    assert client.get(f"/logbook/entries/{entry_id}").status_code == 403
    assert client.get(f"/logbook/learners/{learner_id}").status_code == 403
    assert client.get(f"/progress/learners/{learner_id}").status_code == 403
    client.post("/logout", data={"csrf_token": page_token("/tutor/")})
    login("tess")
    listing = client.get(f"/logbook/learners/{learner_id}").get_data(as_text=True)
    assert "Logbook: " in listing and f"/logbook/entries/{entry_id}" in listing   # the list links each entry
    assert "Named the issue" in client.get(f"/logbook/entries/{entry_id}").get_data(as_text=True)
    tok = page_token(f"/logbook/entries/{entry_id}")
    client.post(f"/logbook/entries/{entry_id}/comments", data={"csrf_token": tok, "text": "Good <b>start</b>"})
    page = client.get(f"/logbook/entries/{entry_id}").get_data(as_text=True)
    assert "Good &lt;b&gt;start&lt;/b&gt;" in page and "Tutor comments" in page
    assert client.get(f"/progress/learners/{learner_id}").status_code == 200
