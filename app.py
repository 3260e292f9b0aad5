"""Composition root: create_app() wires configuration, extensions, blueprints and CLI commands.

Run locally with `bash scripts/start.sh`; in production with `gunicorn 'app:create_app()'`.
There is deliberately no module-level app object.
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, render_template
from flask_login import user_loaded_from_cookie
from markupsafe import escape
from sqlalchemy import event
from werkzeug.middleware.proxy_fix import ProxyFix

import rubrics
from web import cli, limits, queue, rendering
from web.config import check_production_safety, from_environment
from web.extensions import csrf, db, limiter, login_manager, migrate, sqlite_pragmas
from web.inputs import BoundedIntConverter, JSONProvider, refuse_unusable_text
from web.security import add_security_headers
from web.services.session_user import load_user
from web.session_cookie import ThrottledRefreshSessionInterface
from web.views import (
    admin,
    api,
    assess,
    auth,
    authoring,
    calibration,
    disputes,
    exercises,
    exports,
    iqa,
    knowledge,
    learner,
    logbook,
    main,
    practice,
    progress,
    review,
    tutor,
)

BLUEPRINTS = (main.bp, auth.bp, learner.bp, practice.bp, logbook.bp, progress.bp, tutor.bp, review.bp, assess.bp,
              exports.bp, admin.bp, api.bp, authoring.bp, disputes.bp, knowledge.bp, exercises.bp,
              iqa.bp, calibration.bp)
ROOT = Path(__file__).resolve().parent


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_path=os.environ.get("INSTANCE_PATH", str(ROOT / "instance")),
                template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    app.config.from_mapping(from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    check_production_safety(app.config)
    if app.config["APP_ENV"] == "production" and str(app.config["RATELIMIT_STORAGE_URI"]).startswith("memory"):
        app.logger.warning("Sign-in rate limits are counted in memory, per process: with several gunicorn workers "
                           "an attacker gets that many times LOGIN_RATE_LIMIT. Set REDIS_URL (or "
                           "RATELIMIT_STORAGE_URI) so that every worker counts in one place.")
    if app.config["PROXY_FIX"]:
        hops = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.json = JSONProvider(app)
    app.session_interface = ThrottledRefreshSessionInterface()   # the idle timeout, re-signed once a minute
    app.url_map.converters["int"] = BoundedIntConverter   # every <int:> id stops at the database's range

    db.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", sqlite_pragmas)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to see that page."
    login_manager.session_protection = "strong"   # a session is bound to its browser (web/sessions.py)
    login_manager.blueprint_login_views["api"] = None   # the JSON API answers 401, never a redirect
    login_manager.user_loader(load_user)   # "<id>:<session version>" (web/sessions.py, web/services/session_user.py)
    user_loaded_from_cookie.connect(auth.keep_session_permanent, app)

    app.before_request(refuse_unusable_text)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    csrf.exempt(api.bp)  # the JSON API takes no cookies-only form posts; see web/views/api.py
    limits.drop_idle_hook(app, limiter)   # only sign-in is limited, by its own decorator
    cli.register(app)
    rendering.register(app)
    queue.init_app(app)
    app.after_request(add_security_headers)
    for code in (400, 403, 404, 413, 429, 500):
        app.register_error_handler(code, lambda exc, code=code: error_page(exc, code))
    if not app.testing:   # load the scorer's model and tables now, not on the first learner's reply
        app.logger.info("Scorer ready: %s", rubrics.warm_up())
    return app


def error_page(exc, code: int):
    """The error page. After a database error the session's transaction is dead: roll it back first, or the page
    (which reads the signed-in user) fails too; and should the page still fail, answer plain text, never nothing."""
    if code == 500:
        db.session.rollback()
    try:
        return render_template("errors/error.html", code=code, error=exc), code
    except Exception:   # the error page must not raise (it re-raises unless this is the 500 page)
        if code != 500:
            raise
        db.session.rollback()
        return (f"<!doctype html><title>{code}</title><h1>Something went wrong on our side</h1>"
                f"<p>{escape(getattr(exc, 'name', 'Error'))}. Go back and try again.</p>"), code
