"""Issue 16 in Chromium, on the shipped scenarios: the knowledge base is on screen (16.1), a good reply calms the
customer (16.2), the learner has the closing turn and live chat an "End chat" (16.3), and the result marks in the
transcript exactly the evidence its table lists (16.5). Each page is checked with axe-core."""
from __future__ import annotations

import re
import threading

import pytest

from tests.browser.conftest import PASSWORD, check, serve_axe
from tests.conftest import ROOT, build_schema, server_database_url

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shipped_server(tmp_path_factory, live_app):
    """A second live app on the shipped scenarios. On SQLite it has its own file; on a PostgreSQL server it shares
    live_app's database, whose schema live_app built: building it again would drop every other browser test's users."""
    from werkzeug.serving import make_server

    from app import create_app
    from web.extensions import db
    from web.services.accounts import create_user

    folder = tmp_path_factory.mktemp("shipped")
    app = create_app({"TESTING": True, "SECRET_KEY": "browser-secret", "RATELIMIT_STORAGE_URI": "memory://",
                      "SQLALCHEMY_DATABASE_URI": server_database_url() or f"sqlite:///{folder / 'b.sqlite'}",
                      "EXPORT_DIR": str(folder / "exports"), "WTF_CSRF_ENABLED": True,
                      "QUEUE_SQLITE_PATH": str(folder / "queue.sqlite"), "SCENARIO_DIR": str(ROOT / "scenarios"),
                      "SIM_SPEED": 1.0, "LOGIN_RATE_LIMIT": "1000 per minute"})
    if not server_database_url():
        build_schema(app)
    with app.app_context():
        from web.models import User
        if db.session.scalar(db.select(User).filter_by(username="rhea")) is None:
            create_user("rhea", "Rhea Learner", "learner", PASSWORD, email="rhea@example.com")
            db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def spage(browser, shipped_server):
    _app, url = shipped_server
    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 900})
    serve_axe(context)
    pg = context.new_page()
    pg.set_default_timeout(10000)
    pg.goto("/login")
    pg.get_by_label("Username").fill("rhea")
    pg.get_by_label("Password").fill(PASSWORD)
    pg.get_by_role("button", name="Sign in").click()
    pg.wait_for_load_state()
    yield pg
    context.close()


def start(page, scenario_id: str, seed: int = 1) -> int:
    """Start a scenario on a fixed seed through the catalogue's own form (the seed field is the retry's)."""
    page.goto("/practice/")
    token = page.locator('input[name="csrf_token"]').first.get_attribute("value")
    response = page.request.post("/practice/start", form={"csrf_token": token, "scenario_id": scenario_id,
                                                          "seed": str(seed)}, max_redirects=0)
    location = response.headers["location"]
    page.goto(location)
    return int(re.search(r"/attempts/(\d+)", location).group(1))


def instance(shipped_server, aid: int):
    from web.extensions import db
    from web.models import Attempt
    from web.services.library import instance_for
    app, _url = shipped_server
    with app.app_context():
        return instance_for(db.session.get(Attempt, aid).instance)


def attempt_state(shipped_server, aid: int) -> dict:
    from web.extensions import db
    from web.models import Attempt
    app, _url = shipped_server
    with app.app_context():
        return db.session.get(Attempt, aid).state


def send(page, thread: str, text: str, channel_label: str | None = None) -> None:
    form = page.locator(f"#form-{thread}")
    if channel_label:
        form.get_by_label(channel_label).check()
    page.locator(f"#reply-{thread}").fill(text)
    form.get_by_role("button", name="Send reply").click()
    page.wait_for_load_state()


def test_the_second_live_chat_customers_knowledge_base_is_on_screen(spage, shipped_server):
    start(spage, "live-chat-retail-saturday")
    tools = spage.get_by_role("complementary")
    assert tools.get_by_text("Aero 5 stock").is_visible()
    assert tools.get_by_text(re.compile("Back in stock online on the 1st of next month")).is_visible()
    assert tools.get_by_text(re.compile("Delayed at the depot")).is_visible()
    check(spage, "realism-01-live-chat-knowledge-base")


def test_a_good_reply_calms_the_customer_and_the_learner_closes(spage, shipped_server):
    aid = start(spage, "faulty-air-fryer-facebook")
    cust = instance(shipped_server, aid).customers[0]
    f = cust.persona.first_name
    send(spage, "customer", f"Hi {f}, I'm so sorry it has stopped working after just a few weeks, that's really "
         "disappointing. Please send us a private message with your order number so I can sort this for you today.")
    said = spage.locator("#thread-customer .post-customer .post-text, #thread-customer .chat-customer .chat-text")
    said = said.all_inner_texts()[1:]
    angry = {t for k in ("frustrated", "leave_threat", "ignored", "pile_on") for t in cust.followups.get(k, [])}
    assert said and not set(said) & angry, said                      # 16.2: not "Honestly I'm done"
    reaction = attempt_state(shipped_server, aid)["turn_results"][0]["reaction"]
    assert reaction["key"] in ("calmer", "sends_details") and reaction["mood"] in ("calm", "frustrated"), reaction
    send(spage, "customer", f"Thanks {f}. As it's within 30 days, I've arranged a full refund or a replacement, "
         "whichever you prefer, and a free collection of the faulty one within 5 working days.",
         "Send a Messenger message")
    reaction = attempt_state(shipped_server, aid)["turn_results"][1]["reaction"]
    assert reaction["mood"] == "happy" and reaction["resolved"], reaction      # the fix was given: satisfied
    cue = spage.locator("#closing-customer")
    assert cue.is_visible() and f"{f} is happy with your answer." in cue.inner_text()   # 16.3: not ended for me
    assert spage.get_by_role("button", name=re.compile("End conversation")).is_visible()
    check(spage, "realism-02-facebook-closing-turn")
    send(spage, "customer", f"Is there anything else I can help with today, {f}? Thanks for your patience. ^SM",
         "Send a Messenger message")
    spage.wait_for_url("**/result")
    row = spage.locator("table.criteria tr", has=spage.locator("th", has_text="Closing"))
    assert row.locator(".level").inner_text() == "2"
    last_reply = spage.locator(".transcript .msg-learner").last
    assert "anything else" in last_reply.locator("mark").all_inner_texts()[0]   # marked in the turn that earned it
    check(spage, "realism-03-result-facebook")


def test_live_chat_has_an_end_chat_moment(spage, shipped_server):
    start(spage, "live-chat-retail-saturday")
    send(spage, "stock-question", "Hi, thanks for asking about the Aero 5 air fryer. It's back in stock online on "
         "the 1st of next month, and you can sign up for an email alert on the product page.")
    end = spage.get_by_role("button", name=re.compile("End chat with"))
    assert end.count() == 1
    end.click()
    spage.wait_for_load_state()
    assert spage.get_by_text("You ended the chat.").is_visible()
    assert spage.locator("#form-stock-question").count() == 0 and spage.locator("#form-wheres-my-order").count() == 1
    check(spage, "realism-04-live-chat-ended")


DOCS_IMG = ROOT / "docs" / "img"


def shot(page, name: str) -> None:
    """check() (screenshot + axe); with DOCS_IMG=1 the screenshot is also written to docs/img for docs/learner.md."""
    import os
    import shutil

    from tests.browser.conftest import SHOTS
    check(page, name)
    if os.environ.get("DOCS_IMG") == "1":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHOTS / f"{name}.png", DOCS_IMG / f"{name}.png")


def test_each_channels_workspace_reads_like_the_platform(spage, shipped_server):
    """The screenshots docs/learner.md shows: X, Facebook, Instagram, web chat, triage and a result page."""
    aid = start(spage, "outage-banking-app-x")
    f = instance(shipped_server, aid).customers[0].persona.first_name
    send(spage, "customer", f"Hi {f}, I'm so sorry the app is down on payday, I know how stressful that is with rent "
         "due. Please DM us so I can look into the rent payment with you today.")
    assert spage.get_by_text("Post and replies on X").is_visible()
    assert spage.locator(".thread-twitter .post-handle").first.inner_text().startswith("@")
    shot(spage, "workspace-x")

    aid = start(spage, "late-delivery-instagram")
    cust = instance(shipped_server, aid).customers[0]
    send(spage, "customer", f"Hi {cust.persona.first_name}, I'm so sorry your order hasn't shipped yet, I know you're "
         "worried with your holiday coming up. Please DM us your order number so I can check it for you today.")
    assert spage.locator(".thread-instagram .post-name").first.inner_text() == cust.persona.handle.lstrip("@")
    shot(spage, "workspace-instagram")

    aid = start(spage, "faulty-air-fryer-facebook")
    cust = instance(shipped_server, aid).customers[0]
    f = cust.persona.first_name
    send(spage, "customer", f"Hi {f}, I'm so sorry it has stopped working after just a few weeks, that's really "
         "disappointing. Please send us a private message with your order number so I can sort this for you today.")
    assert spage.locator(".thread-facebook .post-name").first.inner_text() == cust.persona.name
    assert spage.locator(".post-handle").count() == 0
    send(spage, "customer", f"Thanks {f}. As it's within 30 days, I've arranged a full refund or a replacement, "
         "whichever you prefer, and a free collection of the faulty one within 5 working days.",
         "Send a Messenger message")
    assert spage.get_by_text(re.compile(r"Messenger with ")).is_visible()
    shot(spage, "workspace-facebook")
    send(spage, "customer", f"Is there anything else I can help with today, {f}? Thanks for your patience. ^SM",
         "Send a Messenger message")
    spage.wait_for_url("**/result")
    shot(spage, "result-facebook")

    start(spage, "live-chat-retail-saturday")
    send(spage, "wheres-my-order", "Hi, I'm so sorry your order didn't arrive when you expected. It was delayed at "
         "the depot and it's out for delivery tomorrow before 1pm, and I've refunded your delivery charge.")
    assert spage.locator(".chat-widget .widget-bar").first.is_visible()
    shot(spage, "workspace-web-chat")

    start(spage, "triage-rail-morning")
    item = spage.locator(".triage-item", has=spage.get_by_text(re.compile("walking along the track")))
    item.get_by_label("Assign to").select_option("Control room (emergency)")
    item.get_by_label("First action").select_option("Tell them to call 999")
    item.get_by_label("safety").check()
    times = spage.locator(".triage-item .post-time").all_inner_texts()
    assert len(set(times)) >= len(times) - 2, times
    shot(spage, "workspace-triage")


def test_triage_decisions_are_scored_per_post_on_the_result_page(spage, shipped_server):
    aid = start(spage, "triage-retail-monday")
    inst = instance(shipped_server, aid)
    for q in inst.queue:
        item = spage.locator(f'.triage-item[data-id="{q.id}"]')
        item.get_by_label("Assign to").select_option(q.route if q.id != "journalist-enquiry" else "Social team")
        item.get_by_label("First action").select_option(q.action)
        for tag in q.tags:
            item.get_by_label(tag, exact=True).check()
    spage.get_by_role("button", name="Submit this order").click()
    spage.wait_for_url("**/result")
    row = spage.locator("table.decisions tr", has=spage.get_by_text(re.compile("Assign it to Press office")))
    assert row.count() == 1 and "wrong" in row.inner_text()
    check(spage, "realism-05-triage-result")
