"""Browser tests: the app served by werkzeug in a thread (own temporary SQLite database built by the
migrations, the fixture scenarios), driven by Playwright through Debian's Chromium. axe-core, from npm
(package.json, installed by `scripts/setup.sh --tests`), is injected into every page `check()` captures;
screenshots go to test-artifacts/screenshots/."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_PASSWORD_HASH, build_schema, server_database_url

SHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__browser-tests__/axe.min.js"   # answered by Playwright from node_modules, never by the app
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PASSWORD = "bella-password-1"
# Every wait (clicks, navigation, expect()) in one place. The machine is shared (2 cores, several test runs at
# once), and 8 s waits flaked under load; a wait that succeeds returns as soon as it can, so a long limit only
# costs time when something is really broken. BROWSER_TIMEOUT_MS overrides it (e.g. lower, to find slow steps).
TIMEOUT_MS = int(os.environ.get("BROWSER_TIMEOUT_MS", "30000"))


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The app the browser talks to (tests may add data through it). Its database is a temporary SQLite file,
    or the PostgreSQL server named by DATABASE_URL / TEST_DATABASE_URL (as .ci/run sets it)."""
    from app import create_app
    from web.extensions import db
    from web.services.accounts import create_user

    folder = tmp_path_factory.mktemp("browser")
    app = create_app({"TESTING": True, "SECRET_KEY": "browser-secret", "RATELIMIT_STORAGE_URI": "memory://",
                      "SQLALCHEMY_DATABASE_URI": server_database_url() or f"sqlite:///{folder / 'browser.sqlite'}",
                      "EXPORT_DIR": str(folder / "exports"), "WTF_CSRF_ENABLED": True,
                      "QUEUE_SQLITE_PATH": str(folder / "queue.sqlite"),
                      "SCENARIO_DIR": str(ROOT / "tests" / "fixtures" / "scenarios"), "SIM_SPEED": 1.0,
                      "LOGIN_RATE_LIMIT": "1000 per minute",
                      "PASSWORD_HASH_METHOD": TEST_PASSWORD_HASH})   # scrypt costs ~0.6 s an account here
    build_schema(app)
    with app.app_context():
        create_user("bella", "Bella Okafor", "learner", PASSWORD, email="bella@example.com")
        db.session.commit()
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    from werkzeug.serving import make_server

    app = live_app
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def queue_worker(live_app):
    """The task queue's consumer (what `flask --app app worker` runs) in threads of this process, on the live app's
    queue, for tests that need a background export to finish. Tasks other tests left queued are dropped first, so
    only this test's jobs are run; the consumer's signal handlers are not kept (they belong to pytest here)."""
    import signal

    queue = live_app.extensions["task_queue"]
    queue.huey.flush()
    consumer = queue.consumer(workers=1, max_delay=0.5)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    consumer.start()
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
    yield consumer
    consumer.stop(graceful=True)


def require_chromium(path: str = CHROMIUM) -> None:
    """Skip the browser tests without Debian's chromium, except in CI (CI=true) or with REQUIRE_BROWSER=1:
    there a missing browser fails, so a green run always includes them."""
    if Path(path).exists():
        return
    message = f"Debian's chromium is not installed at {path} (bash scripts/setup.sh --tests installs it)"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message + ": required here (CI or REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import expect, sync_playwright
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def signed_in_state(browser, live_server, tmp_path_factory):
    """Sign in once; each test starts from these cookies (signing in costs a password hash)."""
    context = new_context(browser, live_server)
    pg = context.new_page()
    sign_in(pg, screenshot="00-sign-in")
    path = tmp_path_factory.mktemp("state") / "state.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


@pytest.fixture
def page(browser, live_server, signed_in_state):
    context = new_context(browser, live_server, storage_state=signed_in_state)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    pg.console_errors = errors
    pending: set = set()   # requests on their way, for expire_session()
    pg.on("request", lambda request: pending.add(request))
    pg.on("requestfinished", lambda request: pending.discard(request))
    pg.on("requestfailed", lambda request: pending.discard(request))
    pg.pending_requests = pending
    yield pg
    context.close()
    csp = [e for e in errors if "Content Security Policy" in e or e.startswith("dialog:")]
    assert csp == [], csp


def new_context(browser, base_url: str, **options):
    """A browser context as every test uses one: the app's address, a desktop viewport, TIMEOUT_MS for every
    wait, and axe-core served from the app's origin."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    serve_axe(context)
    return context


def expire_session(page) -> None:
    """End the browser's session behind the page's back, as an expiry would. The requests still on their way go
    first: the app re-issues the session cookie in its responses, so one arriving after the cookies were cleared
    would sign the browser in again (under load a draft save or live score is often in flight)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while page.pending_requests and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    page.context.clear_cookies()


def serve_axe(context) -> None:
    """Let pages load axe-core from their own origin, so the app's CSP (script-src 'self') stays on in tests."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `bash scripts/setup.sh --tests` (it runs npm ci)")
    context.route(f"**{AXE_URL}", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))


def cohort_with_assessed_attempt(name: str, tutor, assessor, learner, seed: int):
    """A tutor's cohort holding ``learner``, with ``assessor`` attached and one completed assessed attempt of the
    learner's (tw-late-parcel, a fixed reply). Call inside an app and request context; returns (cohort, attempt)."""
    from web.extensions import db
    from web.models import Cohort
    from web.services import attempts

    cohort = Cohort(name=name, tutor_id=tutor.id)
    db.session.add(cohort)
    cohort.learners.append(learner)
    cohort.assessors.append(assessor)
    attempt = attempts.start_attempt(learner, "tw-late-parcel", seed=seed, mode="assessed")
    thread = next(iter(attempt.state["threads"]))
    attempts.submit_reply(attempt, "Hi, so sorry your parcel is late. Please DM us your order number and I'll "
                                   "chase it today. ^TT", "public", thread, attempt.state["turn"])
    if attempt.status != "completed":
        attempts.finish(attempt)
    db.session.commit()
    return cohort, attempt


def sign_in(page, username: str = "bella", password: str = PASSWORD, screenshot: str | None = None) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    if screenshot:
        check(page, screenshot)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def check(page, name: str) -> None:
    """Screenshot the page, then run axe-core on it and fail on any serious or critical violation."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(url=AXE_URL)   # served by serve_axe() from node_modules/axe-core
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    bad = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
           for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{name}: {bad}"


def start(page, title: str) -> None:
    page.goto("/practice/")
    page.get_by_role("button", name=f"Start {title}").click()
    page.wait_for_url("**/practice/attempts/*")
