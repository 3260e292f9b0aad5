"""Scenario authoring in the browser, through the Flask test client: the validator's messages at their lines,
versions, preview, publishing to the author's own cohorts, what learners see, and who may do what."""
from __future__ import annotations

import io
import re

import pytest

from tests.conftest import ROOT

BASE = (ROOT / "tests" / "fixtures" / "scenarios" / "tw-late-parcel.yaml").read_text(encoding="utf-8")
GOOD = BASE.replace("id: tw-late-parcel", "id: acme-late-parcel").replace("title: Late air fryer on X",
                                                                         "title: Acme late parcel")
TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def token(client, url="/author/") -> str:
    return TOKEN_RE.search(client.get(url).get_data(as_text=True)).group(1)


def line_of(text: str, starts: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if line.startswith(starts))


@pytest.fixture
def tutor(client, login, demo_cohort):
    login("tutora")
    return demo_cohort


def create(client, text=GOOD):
    return client.post("/author/new", data={"text": text, "csrf_token": token(client)})


def authored_id(app, scenario_id="acme-late-parcel") -> int:
    from web.extensions import db
    from web.models import AuthoredScenario
    with app.app_context():
        return db.session.scalar(db.select(AuthoredScenario.id).filter_by(scenario_id=scenario_id))


def publish(client, aid, number=1, cohorts=()):
    return client.post(f"/author/scenarios/{aid}/publish",
                       data={"number": str(number), "cohort_ids": [str(c) for c in cohorts],
                             "csrf_token": token(client, f"/author/scenarios/{aid}")}, follow_redirects=True)


def test_the_validators_message_is_shown_at_its_line_and_nothing_is_saved(app, client, tutor):
    bad = GOOD.replace("difficulty: easy", "difficulty: super-hard")
    response = create(client, bad)
    page = response.get_data(as_text=True)
    n = line_of(bad, "difficulty:")
    assert response.status_code == 422
    assert f'<a href="#line-{n}">Line {n}</a> (<code>difficulty</code>): unknown difficulty' in page
    row = re.search(rf'<li id="line-{n}" class="has-problem">(.*?)</li>', page, re.S).group(1)
    assert "difficulty: super-hard" in row and "unknown difficulty &#39;super-hard&#39;" in row
    assert "difficulty: super-hard</textarea>" not in page and "difficulty: super-hard" in page   # kept in the box
    assert authored_id(app) is None


def test_a_yaml_syntax_error_is_shown_at_its_line(client, tutor):
    bad = GOOD.replace("sla_minutes: 60", "sla_minutes: [60")
    page = create(client, bad).get_data(as_text=True)
    assert re.search(r'<li id="line-\d+" class="has-problem">.*YAML syntax error', page, re.S)


def test_a_shipped_scenarios_id_is_refused_at_the_id_line(client, tutor):
    page = create(client, BASE.replace("id: tw-late-parcel", "id: late-parcel-x-public")).get_data(as_text=True)
    assert '<a href="#line-1">Line 1</a> (<code>id</code>): a shipped scenario already has the id' in page


def test_versions_are_numbered_and_an_unchanged_text_or_a_new_id_is_refused(app, client, tutor):
    assert create(client).status_code == 302
    aid = authored_id(app)
    url = f"/author/scenarios/{aid}"
    v2 = GOOD.replace("title: Acme late parcel", "title: Acme late parcel, second go")
    assert client.post(url, data={"text": v2, "csrf_token": token(client, url)}).status_code == 302
    again = client.post(url, data={"text": v2, "csrf_token": token(client, url)})
    assert again.status_code == 400 and "Nothing changed since version 2" in again.get_data(as_text=True)
    renamed = client.post(url, data={"text": v2.replace("id: acme-late-parcel", "id: acme-other"),
                                     "csrf_token": token(client, url)})
    assert renamed.status_code == 422 and "keep `id: acme-late-parcel`" in renamed.get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert "Preview version 2" in page and "Preview version 1" in page and "Check and save as version 3" in page
    first = client.get(f"{url}/versions/1").get_data(as_text=True)       # each version's text, as it was saved
    assert "title: Acme late parcel</code>" in first and "second go" not in first
    assert "title: Acme late parcel, second go</code>" in client.get(f"{url}/versions/2").get_data(as_text=True)
    assert client.get(f"{url}/versions/3").status_code == 404


def test_an_uploaded_file_is_checked_like_the_text_box(app, client, tutor):
    data = {"text": "", "csrf_token": token(client), "file": (io.BytesIO(GOOD.encode()), "acme.yaml")}
    assert client.post("/author/new", data=data, content_type="multipart/form-data").status_code == 302
    latin = {"text": "", "csrf_token": token(client), "file": (io.BytesIO("title: caf\xe9".encode("latin-1")), "x.yaml")}
    response = client.post("/author/new", data=latin, content_type="multipart/form-data")
    assert response.status_code == 422 and "x.yaml is not UTF-8 text" in response.get_data(as_text=True)


def test_the_preview_is_the_learners_workspace_for_that_seed_and_publishing_needs_it(app, client, tutor):
    import simulator

    create(client)
    aid = authored_id(app)
    refused = publish(client, aid, 1, [tutor["cohort"]])
    assert "Preview version 1 before publishing it" in refused.get_data(as_text=True)
    page = client.get(f"/author/scenarios/{aid}/versions/1/preview?seed=7").get_data(as_text=True)
    expected = simulator.generate(simulator.load_scenario_text(GOOD), 7)
    assert expected.messages[0].text in page.replace("&#39;", "'")       # the customer's first message, seed 7
    assert "Agent tools" in page and "Preview of “Acme late parcel” version 1 with seed 7" in page
    assert client.get(f"/author/scenarios/{aid}/versions/1/preview?seed=x").status_code == 400
    assert client.get(f"/author/scenarios/{aid}/versions/9/preview?seed=1").status_code == 404
    done = publish(client, aid, 1, [tutor["cohort"]]).get_data(as_text=True)
    assert "Version 1 of “Acme late parcel” is live for Test cohort." in done


def _published(app, client, tutor):
    create(client)
    aid = authored_id(app)
    client.get(f"/author/scenarios/{aid}/versions/1/preview?seed=3")
    publish(client, aid, 1, [tutor["cohort"]])
    return aid


def test_a_learner_of_the_cohort_sees_and_plays_it_and_another_cohorts_learner_does_not(app, client, tutor):
    from tests.conftest import sign_in

    _published(app, client, tutor)
    mine = app.test_client()
    sign_in(mine, "learnera")
    assert "Acme late parcel" in mine.get("/practice/").get_data(as_text=True)
    start = mine.post("/practice/start", data={"scenario_id": "acme-late-parcel", "seed": "5",
                                               "csrf_token": token(mine, "/practice/")})
    assert "/practice/attempts/" in start.headers["Location"]
    outsider = app.test_client()
    sign_in(outsider, "learnerc")
    assert "Acme late parcel" not in outsider.get("/practice/").get_data(as_text=True)
    refused = outsider.post("/practice/start", data={"scenario_id": "acme-late-parcel", "seed": "5",
                                                     "csrf_token": token(outsider, "/practice/")},
                            follow_redirects=True)
    assert "There is no scenario called &#39;acme-late-parcel&#39;." in refused.get_data(as_text=True)


def test_an_attempt_keeps_the_version_it_was_played_on(app, client, tutor):
    from tests.conftest import sign_in
    from web.extensions import db
    from web.models import Attempt

    aid = _published(app, client, tutor)
    learner = app.test_client()
    sign_in(learner, "learnera")
    first = learner.post("/practice/start", data={"scenario_id": "acme-late-parcel", "seed": "5",
                                                  "csrf_token": token(learner, "/practice/")}).headers["Location"]
    url = f"/author/scenarios/{aid}"
    client.post(url, data={"text": GOOD.replace("title: Acme late parcel", "title: Acme parcel v2"),
                           "csrf_token": token(client, url)})
    client.get(f"{url}/versions/2/preview?seed=1")
    publish(client, aid, 2, [tutor["cohort"]])
    assert "Acme late parcel" in learner.get(first).get_data(as_text=True)      # still version 1
    second = learner.post("/practice/start", data={"scenario_id": "acme-late-parcel", "seed": "5",
                                                   "csrf_token": token(learner, "/practice/")}).headers["Location"]
    assert "Acme parcel v2" in learner.get(second).get_data(as_text=True)
    from web.services import authoring
    with app.app_context():
        rows = db.session.scalars(db.select(Attempt).order_by(Attempt.id)).all()
        assert [authoring.version_number("acme-late-parcel", a.instance.scenario_version) for a in rows] == [1, 2]


def test_a_tutor_publishes_only_to_their_own_cohorts(app, client, tutor, make_user):
    from web.extensions import db
    from web.models import Cohort
    with app.app_context():
        theirs = Cohort(name="Other tutor's cohort", tutor_id=tutor["other_tutor"])
        db.session.add(theirs)
        db.session.commit()
        theirs_id = theirs.id
    create(client)
    aid = authored_id(app)
    client.get(f"/author/scenarios/{aid}/versions/1/preview?seed=3")
    page = publish(client, aid, 1, [theirs_id]).get_data(as_text=True)
    assert "You can publish only to your own cohorts." in page
    assert "Other tutor&#39;s cohort" not in page           # not even offered


def test_another_tutor_cannot_open_edit_preview_or_publish_it_and_an_admin_can(app, client, tutor, make_user):
    from tests.conftest import sign_in

    create(client)
    aid = authored_id(app)
    other = app.test_client()
    sign_in(other, "tutorb")
    other_token = token(other)
    assert other.get(f"/author/scenarios/{aid}").status_code == 403
    assert other.get(f"/author/scenarios/{aid}/versions/1/preview?seed=1").status_code == 403
    assert other.get(f"/author/scenarios/{aid}/versions/1").status_code == 403
    for path in ("", "/publish", "/withdraw"):
        assert other.post(f"/author/scenarios/{aid}{path}", data={"text": GOOD, "number": "1",
                                                                  "csrf_token": other_token}).status_code == 403
    assert "acme-late-parcel" not in other.get("/author/").get_data(as_text=True)
    make_user("admin", "boss")
    admin = app.test_client()
    sign_in(admin, "boss")
    assert admin.get(f"/author/scenarios/{aid}").status_code == 200
    assert client.get("/author/scenarios/999999").status_code == 404


def test_authored_markdown_is_sanitised(app, client, tutor):
    text = GOOD.replace("brief: A customer is chasing a late order in public. Write one public reply.",
                        'brief: "**Be quick.** <script>alert(1)</script><img src=x onerror=alert(2)>"')
    assert create(client, text).status_code == 302
    page = client.get(f"/author/scenarios/{authored_id(app)}").get_data(as_text=True)
    assert "<strong>Be quick.</strong>" in page
    assert "<script>alert(1)" not in page and "onerror" not in page.split("Edit: save a new version")[0]


def test_withdrawing_hides_it_from_learners(app, client, tutor):
    from tests.conftest import sign_in

    aid = _published(app, client, tutor)
    client.post(f"/author/scenarios/{aid}/withdraw", data={"csrf_token": token(client, f"/author/scenarios/{aid}")})
    learner = app.test_client()
    sign_in(learner, "learnera")
    assert "Acme late parcel" not in learner.get("/practice/").get_data(as_text=True)


def test_the_tutor_sets_a_published_scenario_as_assessed_work_for_that_cohort_only(app, client, tutor):
    from tests.conftest import sign_in
    from web.extensions import db
    from web.models import Attempt, Cohort

    _published(app, client, tutor)
    cohort_url = f"/tutor/cohorts/{tutor['cohort']}"
    assert '<option value="acme-late-parcel"' in client.get(cohort_url).get_data(as_text=True)
    set_it = client.post(f"{cohort_url}/assignments", data={"scenario_id": "acme-late-parcel", "mode": "assessed",
                                                             "seed": "4", "csrf_token": token(client, cohort_url)},
                         follow_redirects=True)
    assert "Acme late parcel set for Test cohort in assessed mode." in set_it.get_data(as_text=True)
    with app.app_context():
        other = Cohort(name="Second cohort", tutor_id=tutor["tutor"])
        db.session.add(other)
        db.session.commit()
        other_id = other.id
    other_url = f"/tutor/cohorts/{other_id}"
    assert "acme-late-parcel" not in client.get(other_url).get_data(as_text=True)   # not published there
    refused = client.post(f"{other_url}/assignments", data={"scenario_id": "acme-late-parcel", "mode": "assessed",
                                                             "csrf_token": token(client, other_url)})
    assert refused.status_code == 400
    learner = app.test_client()
    sign_in(learner, "learnera")
    from web.models import Assignment
    with app.app_context():
        assignment_id = db.session.scalar(db.select(Assignment.id).filter_by(scenario_id="acme-late-parcel"))
    started = learner.post("/practice/start", data={"assignment_id": str(assignment_id),
                                                    "csrf_token": token(learner, "/practice/")})
    assert "/practice/attempts/" in started.headers["Location"]
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        assert (attempt.mode, attempt.instance.scenario_id, attempt.instance.seed) == ("assessed", "acme-late-parcel", 4)


def _play(app, learner, scenario_id="acme-late-parcel") -> int:
    """Start and finish an attempt (one public reply ends this scenario); its id."""
    start = learner.post("/practice/start", data={"scenario_id": scenario_id, "seed": "5",
                                                  "csrf_token": token(learner, "/practice/")}).headers["Location"]
    attempt_id = int(start.rsplit("/", 1)[1])
    page = learner.get(start).get_data(as_text=True)
    thread = re.search(r'name="thread" value="([^"]+)"', page).group(1)
    done = learner.post(f"{start}/reply", data={"reply": "Hi, so sorry your parcel is late. Please DM us the order "
                                                "number and I'll chase it today.", "channel": "public",
                                                "thread": thread, "turn": "0", "csrf_token": TOKEN_RE.search(page).group(1)})
    assert done.headers["Location"].endswith(f"/practice/attempts/{attempt_id}/result"), done.headers["Location"]
    return attempt_id


def test_the_result_and_review_pages_say_which_authored_version_an_attempt_was_played_on(app, client, tutor):
    from tests.conftest import sign_in

    aid = _published(app, client, tutor)
    learner = app.test_client()
    sign_in(learner, "learnera")
    first = _play(app, learner)
    url = f"/author/scenarios/{aid}"
    client.post(url, data={"text": GOOD.replace("title: Acme late parcel", "title: Acme parcel v2"),
                           "csrf_token": token(client, url)})
    client.get(f"{url}/versions/2/preview?seed=1")
    publish(client, aid, 2, [tutor["cohort"]])
    second = _play(app, learner)

    one = learner.get(f"/practice/attempts/{first}/result").get_data(as_text=True)
    two = learner.get(f"/practice/attempts/{second}/result").get_data(as_text=True)
    assert "Played on version 1 of this authored scenario" in one and "read version" not in one
    assert "Played on version 2 of this authored scenario" in two
    review = client.get(f"/review/attempts/{first}").get_data(as_text=True)
    assert "Played on version 1 of this authored scenario" in review
    assert f'<a href="/author/scenarios/{aid}/versions/1">read version 1</a>' in review    # the author may open it
    assessor = app.test_client()
    sign_in(assessor, "assessora")
    seen = assessor.get(f"/review/attempts/{second}").get_data(as_text=True)
    assert "Played on version 2 of this authored scenario" in seen and "read version" not in seen
    shipped = _play(app, learner, "late-parcel-x-public")
    assert "Played on version" not in learner.get(f"/practice/attempts/{shipped}/result").get_data(as_text=True)


PLAY_RE = re.compile(r'name="play" value="([^"]+)"')


def _preview_form(page: str) -> dict:
    return {"csrf_token": TOKEN_RE.search(page).group(1), "play": PLAY_RE.search(page).group(1), "action": "reply",
            "thread": re.search(r'name="thread" value="([^"]+)"', page).group(1), "turn": "0", "channel": "public"}


def test_the_author_plays_the_preview_and_nothing_is_stored(app, client, tutor):
    from web.extensions import db
    from web.models import Attempt, LevelTally, Message, ScenarioInstance, XapiStatement

    create(client)
    aid = authored_id(app)
    url = f"/author/scenarios/{aid}/versions/1/preview?seed=7"
    page = client.get(url).get_data(as_text=True)
    assert f'action="{url.replace("?", "?")}"' in page.replace("&amp;", "&") and 'name="play"' in page
    form = _preview_form(page)
    empty = client.post(url, data={**form, "reply": " "})
    assert empty.status_code == 400 and "Your reply is empty" in empty.get_data(as_text=True)
    done = client.post(url, data={**form, "reply": "Hi, I'm so sorry your parcel is late, that's frustrating. Please "
                                  "DM us your order number and I'll chase the courier today and update you. ^AT"})
    result = done.get_data(as_text=True)
    assert done.status_code == 200 and "Preview result: Acme late parcel" in result
    assert re.search(r"Grade: <span class=\"grade-word\">(Refer|Pass|Merit|Distinction)</span>", result)
    assert "How the customer reacted" in result and "Every criterion" in result and "Even better if" in result
    assert "</mark> the courier <mark" in result                # the transcript, its evidence highlighted
    with app.app_context():   # no attempt, message, instance, tally or statement anywhere
        for model in (Attempt, Message, ScenarioInstance, LevelTally, XapiStatement):
            assert db.session.scalar(db.select(db.func.count()).select_from(model)) == 0, model.__name__
    # The token is this preview's only: edited, or sent to another seed or version, it is refused.
    assert client.post(url, data={**form, "play": form["play"][:-3] + "abc", "reply": "x"}).status_code == 400
    assert client.post(url.replace("seed=7", "seed=8"), data={**form, "reply": "Hi"}).status_code == 400
    assert client.post(url, data={**form, "action": "delete", "reply": "Hi"}).status_code == 400


def test_a_conversation_preview_shows_the_customer_reacting_and_the_feedback_on_each_reply(app, client, tutor):
    conversation = (ROOT / "tests" / "fixtures" / "scenarios" / "fb-refund-chat.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^id: .*$", "id: acme-refund-chat", conversation, count=1, flags=re.M)
    assert create(client, text).status_code == 302
    aid = authored_id(app, "acme-refund-chat")
    url = f"/author/scenarios/{aid}/versions/1/preview?seed=3"
    page = client.get(url).get_data(as_text=True)
    assert 'id="coach-last-h"' not in page
    form = _preview_form(page)
    form["channel"] = re.search(r'name="channel" (?:id="[^"]+" )?value="([^"]+)"', page).group(1)
    after = client.post(url, data={**form, "reply": "Hi, I'm sorry about the refund delay. Could you DM me your "
                                                    "order number so I can check it?"}).get_data(as_text=True)
    assert "Feedback on your last reply" in after and "The customer:" in after
    assert "check it?" in after                                  # the reply is in the conversation
    assert PLAY_RE.search(after).group(1) != form["play"]        # the conversation moved on
    assert 'name="turn" value="1"' in after


def test_another_tutor_cannot_play_someone_elses_preview(app, client, tutor, make_user):
    from tests.conftest import sign_in

    create(client)
    aid = authored_id(app)
    url = f"/author/scenarios/{aid}/versions/1/preview?seed=7"
    form = _preview_form(client.get(url).get_data(as_text=True))
    make_user("tutor", "tutorx")
    other = app.test_client()
    sign_in(other, "tutorx")
    assert other.post(url, data={**form, "csrf_token": token(other), "reply": "Hi"}).status_code == 403


def _fixture_as(name: str, new_id: str) -> str:
    text = (ROOT / "tests" / "fixtures" / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8")
    return re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)


def test_a_triage_preview_is_ordered_and_marked_and_a_live_chat_preview_ends_with_its_crm_records(app, client, tutor):
    from web.extensions import db
    from web.models import Attempt

    assert create(client, _fixture_as("tw-mixed-queue", "acme-queue")).status_code == 302
    url = f"/author/scenarios/{authored_id(app, 'acme-queue')}/versions/1/preview?seed=2"
    page = client.get(url).get_data(as_text=True)
    order = re.findall(r'name="order" value="([^"]+)"', page)
    done = client.post(url, data={"csrf_token": TOKEN_RE.search(page).group(1), "play": PLAY_RE.search(page).group(1),
                                  "action": "triage", "turn": "0", "order": order})
    result = done.get_data(as_text=True)
    assert done.status_code == 200 and "Preview result:" in result and "The order" in result

    assert create(client, _fixture_as("wc-two-chats", "acme-chats")).status_code == 302
    url = f"/author/scenarios/{authored_id(app, 'acme-chats')}/versions/1/preview?seed=2"
    page = client.get(url).get_data(as_text=True)
    form = _preview_form(page)
    form["channel"] = re.search(r'name="channel" (?:id="[^"]+" )?value="([^"]+)"', page).group(1)
    page = client.post(url, data={**form, "reply": "Hi, sorry for the wait. Let me look into this for you now."}
                       ).get_data(as_text=True)
    assert "Feedback on your last reply" in page
    page = client.post(url, data={"csrf_token": TOKEN_RE.search(page).group(1), "play": PLAY_RE.search(page).group(1),
                                  "action": "end_chats", "turn": "1"}).get_data(as_text=True)
    assert "CRM records" in page and 'id="crm-form"' in page
    customers = re.findall(r'name="([a-z0-9_-]+)-query_type"', page)
    records = {f"{c}-{k}": v for c in customers for k, v in (("query_type", "Delivery"), ("resolution", "Chased it"),
                                                            ("follow_up_needed", "no"))}
    done = client.post(url, data={"csrf_token": TOKEN_RE.search(page).group(1), "play": PLAY_RE.search(page).group(1),
                                  "action": "crm", "turn": "2", **records})
    assert done.status_code == 200 and "Preview result:" in done.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Attempt)) == 0


def _flash(response) -> str:
    return response.get_data(as_text=True).split('class="flashes"')[1].split("</div>")[0]


def test_every_message_names_the_scenario_by_its_title_never_its_id(app, client, tutor):
    """Titles everywhere (issue 15): the author's confirmations too."""
    said = [_flash(client.post("/author/new", data={"text": GOOD, "csrf_token": token(client)},
                               follow_redirects=True))]
    aid = authored_id(app)
    said.append(_flash(client.get(f"/author/scenarios/{aid}/versions/1/preview?seed=3")))
    said.append(_flash(publish(client, aid, 1, [tutor["cohort"]])))
    said.append(_flash(client.post(f"/author/scenarios/{aid}/withdraw", data={
        "csrf_token": token(client, f"/author/scenarios/{aid}")}, follow_redirects=True)))
    assert all("“Acme late parcel”" in text and "acme-late-parcel" not in text for text in said), said
    back = client.get(f"/author/scenarios/{aid}/versions/1").get_data(as_text=True)
    assert "Back to the scenario and its versions</a>" in back and "Back to acme-late-parcel" not in back
