"""A learner's journeys through the practice pages, in a real browser, with axe-core on every page."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import check, expire_session, start

pytestmark = pytest.mark.browser

GOOD = ("Hi {name}, I'm so sorry your order is late, I can see how frustrating that is. I'll chase it now: "
        "please DM us so we can look into this for you today. ^LV")


def first_name(page, thread: str = "customer") -> str:
    label = page.locator(f"label[for='reply-{thread}']").inner_text()
    return label.rsplit(" to ", 1)[-1].strip()


def test_public_reply_with_the_coach_and_highlighted_feedback(page):
    page.goto("/")
    page.get_by_role("heading", level=1).wait_for()
    check(page, "00-learner-home")
    page.get_by_role("link", name="Practise", exact=True).click()
    check(page, "01-catalogue")
    start(page, "Late air fryer on X")
    box = page.locator("#reply-customer")
    box.click()
    page.keyboard.type("Hi " + first_name(page) + ", so sorry 😀 https://example.com/help")
    counter = page.locator("#counter-customer")
    # X counts the emoji as 2 and the link as 23, as twitter-text does.
    text = box.input_value()
    expected = len(text) - len("https://example.com/help") + 23 - len("😀") + 2
    assert counter.inner_text().startswith(f"{expected} of 280")
    # The page's counter agrees with the server's (twitter-text) weighted count on awkward text.
    import simulator
    samples = ["plain text", "emoji 😀👍🏽 and flags 🇬🇧", "see www.example.co.uk/help and http://t.co/x",
               "café — “quotes” … ½", "日本語のテキスト", "👨‍👩‍👧 family", "a" * 300]
    for sample in samples:
        assert page.evaluate("t => window.replyReadyWeightedLength(t)", sample) == \
            simulator.message_length(sample, "twitter", "public"), sample
    box.fill(GOOD.format(name=first_name(page))[:-1])
    box.press("End")
    page.keyboard.type("V")
    page.locator(".coach .coach-grade").wait_for()
    check(page, "02-workspace-public-reply-coach")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_url("**/result")
    assert page.locator(".transcript mark").count() >= 1
    assert page.get_by_role("heading", name="How the customer reacted").is_visible()
    check(page, "03-result-public-reply")


def test_conversation_moves_to_a_private_message(page):
    start(page, "Slow refund on Facebook")
    name = first_name(page)
    page.locator("#reply-customer").fill(f"Hi {name}, I'm so sorry your refund is late. Please send us a private "
                                         "message so we can look into this for you today.")
    check(page, "04-workspace-facebook")
    page.get_by_role("button", name="Send reply").click()
    for turn in range(6):
        if "/result" in page.url:
            break
        page.wait_for_selector("#reply-customer")
        page.get_by_label("Send a Messenger message").check()
        page.locator("#reply-customer").fill("Thanks for the details. I'm sorry for the wait: I'll chase our finance "
                                             "team now and update you within 24 hours. Anything else I can help "
                                             "with? ^LV")
        if turn == 0:
            check(page, "05-conversation-private")
            agent = page.locator(".post-agent .avatar").first.inner_text().strip()
            assert re.fullmatch(r"[A-Z]{1,2}", agent), agent   # "Larkspur & Vale (you)" -> "LV"
        page.get_by_role("button", name="Send reply").click()
        page.wait_for_load_state()
    assert "/result" in page.url
    assert page.locator(".msg-learner .msg-meta", has_text="private").count() >= 1
    check(page, "06-result-conversation")


def test_live_chat_with_two_customers_then_crm(page):
    start(page, "Two web chats at once")
    for thread in ("broadband-down", "bill-query"):
        page.locator(f"#reply-{thread}").fill("Hello, thanks for waiting. I'm sorry about this: I'll check your "
                                              "account now.")
        if thread == "broadband-down":
            check(page, "07-live-chat")
        page.locator(f"#form-{thread}").get_by_role("button", name="Send reply").click()
        page.wait_for_load_state()
    page.get_by_role("button", name="Close the chats and write the CRM records").click()
    page.get_by_role("heading", name="CRM records").wait_for()
    page.locator("#broadband-down-query_type").select_option("Service outage")
    page.locator("#broadband-down-fu-yes").check()
    page.locator("#broadband-down-resolution").fill("Booked an engineer")
    page.locator("#broadband-down-follow_up").fill("Engineer visit tomorrow")
    page.locator("#bill-query-query_type").select_option("Billing query")
    page.locator("#bill-query-resolution").fill("Explained the price change")
    page.locator("#bill-query-fu-no").check()
    check(page, "08-crm-form")
    page.get_by_role("button", name="Save the records and finish").click()
    page.wait_for_url("**/result")
    assert page.get_by_role("heading", name="CRM records").is_visible()
    check(page, "09-result-live-chat")


def test_triage_by_keyboard_and_drag(page):
    start(page, "Monday morning queue")
    items = page.locator("#triage-list > li")
    before = [items.nth(i).get_attribute("data-id") for i in range(items.count())]
    items.nth(0).locator(".move-down").focus()
    page.keyboard.press("Enter")
    after = [items.nth(i).get_attribute("data-id") for i in range(items.count())]
    assert after[0] == before[1] and after[1] == before[0]
    assert "position 2" in page.locator("#triage-status").inner_text()
    # Put the queue in the expected order by keyboard, then check a drag moves a post.
    expected = ["gas-smell", "data-leak", "vulnerable", "legal", "double-charge", "late", "question", "praise"]
    for target, item_id in enumerate(expected):
        while True:
            ids = [items.nth(i).get_attribute("data-id") for i in range(items.count())]
            pos = ids.index(item_id)
            if pos == target:
                break
            page.locator(f"#triage-list > li[data-id='{item_id}'] .move-up").click()
    items.nth(7).drag_to(items.nth(0))
    dragged = [items.nth(i).get_attribute("data-id") for i in range(items.count())]
    assert dragged == [expected[7]] + expected[:7]   # the last post was dragged to the top, the rest moved down
    items.nth(0).locator(".move-down").focus()
    check(page, "10-triage")
    for _ in range(7):   # move the dragged post back to the bottom by keyboard
        page.locator(f"#triage-list > li[data-id='{dragged[0]}'] .move-down").click()
    page.get_by_role("button", name="Submit this order").click()
    page.wait_for_url("**/result")
    assert "Distinction" in page.locator(".grade-word").inner_text()
    check(page, "11-result-triage")


def test_crisis_burst_and_holding_statement(page):
    start(page, "Overheating kettles")
    assert page.locator(".feed .post").count() >= 5
    # Keyboard only: Tab to the statement box, type, Tab to the button, press Enter.
    def tab_to(predicate: str) -> None:
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => {{ const e = document.activeElement; return {predicate}; }}"):
                return
        raise AssertionError(f"Tab never reached {predicate}")
    tab_to("e.id === 'reply-main'")
    page.keyboard.type("We're so sorry: some kettles are overheating. Please stop using yours and unplug it now. "
                       "We'll post an update by 5pm.")
    check(page, "12-crisis")
    tab_to("e.classList.contains('send-button')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/result")
    check(page, "13-result-crisis")


def test_a_reload_mid_draft_keeps_the_text(page):
    start(page, "Late air fryer on X")
    page.locator("#reply-customer").type("Hi there, I'm looking into your order", delay=0)
    page.locator("#draft-status-customer", has_text="Draft saved").wait_for()
    page.reload()
    assert page.locator("#reply-customer").input_value() == "Hi there, I'm looking into your order"
    check(page, "14a-draft-restored-after-reload")
    # Offline: the local copy still wins after a reload.
    page.context.set_offline(True)
    page.locator("#reply-customer").type(" right now", delay=0)
    page.locator("#draft-status-customer", has_text="offline").wait_for()
    page.context.set_offline(False)
    page.reload()
    assert page.locator("#reply-customer").input_value() == "Hi there, I'm looking into your order right now"


def test_an_expired_session_keeps_the_typed_reply(page):
    start(page, "Late air fryer on X")
    workspace = page.url
    page.locator("#reply-customer").type("Hi, I am sorry about", delay=0)
    page.locator("#draft-status-customer", has_text="Draft saved").wait_for()
    expire_session(page)    # the session expires while the learner types
    page.locator("#reply-customer").type(" your parcel", delay=0)
    page.locator("#draft-status-customer", has_text="session has ended").wait_for()
    check(page, "14-session-expired")
    page.get_by_role("button", name="Send reply").click()   # refused on the page: nothing is lost
    assert page.url == workspace
    page.reload()
    assert "/login" in page.url
    page.get_by_label("Username").fill("bella")
    page.get_by_label("Password").fill("bella-password-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(workspace)
    assert page.locator("#reply-customer").input_value() == "Hi, I am sorry about your parcel"


def test_logbook_entry_progress_and_script_shown_as_text(page):
    start(page, "Late air fryer on X")
    page.locator("#reply-customer").fill("Sorry <script>alert('x')</script> about your parcel, I'll chase it.")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_url("**/result")
    assert "<script>alert('x')</script>" in page.locator(".transcript").inner_text()
    page.get_by_role("link", name="Write a reflection").click()
    page.get_by_label("What went well").fill("I apologised and said I would chase it.")
    page.get_by_label("Even better if").fill("I had left the script tag out.")
    page.get_by_label(re.compile(r"^P5 define profiles for social media communities")).check()
    check(page, "15-logbook-new")
    page.get_by_role("link", name="Gibbs reflective cycle").click()
    page.get_by_label(re.compile(r"^Description")).wait_for()
    check(page, "15a-logbook-new-gibbs")
    page.go_back()
    page.get_by_label("What went well").fill("I apologised and said I would chase it.")
    page.get_by_label("Even better if").fill("I had left the script tag out.")
    page.get_by_label(re.compile(r"^P5 define profiles for social media communities")).check()
    page.get_by_role("button", name="Save to my logbook").click()
    page.get_by_role("heading", name="Reflection", exact=True).wait_for()
    check(page, "16-logbook-entry")
    page.get_by_role("link", name="Progress", exact=True).click()
    page.get_by_role("heading", name="Grade over time").wait_for()
    check(page, "17-progress")
    page.get_by_role("link", name="Logbook", exact=True).click()
    page.get_by_role("heading", level=1).wait_for()
    check(page, "17a-logbook-list")
    page.get_by_role("link", name="Log a real interaction from work").click()
    page.get_by_label("The customer's message").fill("Hi I'm Jo Bloggs, 07700 900456, order #LV554433 is late")
    page.get_by_label("Your reply").fill("Hi Jo, sorry about order LV554433, I'll chase it now. -Sam")
    check(page, "17b-real-interaction-paste")
    page.get_by_role("button", name="Anonymise and preview").click()
    assert "Jo" not in page.locator("#customer").input_value()
    page.get_by_label("I confirm this text is anonymised").check()
    check(page, "18-real-interaction-preview")
    page.get_by_role("button", name="Score it and save to my logbook").click()
    page.get_by_role("heading", name="The interaction (anonymised)").wait_for()
    assert "07700" not in page.content()


def test_a_double_click_sends_once(page):
    start(page, "Slow refund on Facebook")
    page.locator("#reply-customer").fill("Hi, I'm sorry your refund is late. Please send us a private message so we "
                                         "can look into this for you today.")
    page.get_by_role("button", name="Send reply").dblclick()
    page.wait_for_load_state()
    page.locator(".post-agent").first.wait_for()
    assert page.locator(".post-agent").count() == 1


def test_signing_out_forgets_this_devices_draft_copies(browser, live_app, live_server):
    """Signing out on purpose forgets this device's draft copies (the server keeps them). Signing out ends every
    session of the account (web/sessions.py), so this uses its own learner, not the shared signed-in state."""
    from tests.browser.conftest import new_context, sign_in
    from web.extensions import db
    from web.services.accounts import create_user

    with live_app.app_context():
        create_user("sol", "Sol Leaver", "learner", "sol-password-1")
        db.session.commit()
    context = new_context(browser, live_server)
    page = context.new_page()
    try:
        sign_in(page, "sol", "sol-password-1")
        start(page, "Slow refund on Facebook")
        page.locator("#reply-customer").fill("a draft left behind")
        page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('replyready:draft:'))")
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/login")
        assert page.evaluate(
            "() => Object.keys(localStorage).filter(k => k.startsWith('replyready:draft:')).length") == 0
    finally:
        context.close()


def test_the_counter_shows_an_over_limit_x_reply_and_the_sla_clock_runs(page):
    page.clock.install()   # the page's timers run on a clock the test moves on
    start(page, "Late air fryer on X")
    sla = page.locator("#sla-customer")
    assert "Simulated response time:" in sla.inner_text() and "60-minute target" in sla.inner_text()
    box = page.locator("#reply-customer")
    box.fill("Sorry about the delay with your order. " * 7 + "😀")          # 273 + 2 weighted
    counter = page.locator("#counter-customer")
    assert counter.inner_text().startswith("275 of 280") and "over-limit" not in counter.get_attribute("class")
    box.press("End")
    page.keyboard.type("abcde")   # 280: at the limit, not over it
    assert counter.inner_text().startswith("280 of 280") and "over-limit" not in counter.get_attribute("class")
    page.keyboard.type("!")
    assert counter.inner_text().startswith("281 of 280") and "1 over the limit" in counter.inner_text()
    assert "over-limit" in counter.get_attribute("class")
    page.clock.fast_forward("01:01:00")   # SIM_SPEED 1: an hour and a minute later, the reply is late
    page.locator("#sla-customer.sla-late").wait_for()
    assert "(past the target)" in sla.inner_text()
    check(page, "19-over-limit-and-late")
