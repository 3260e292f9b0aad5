"""Sign in, sign out. Sign-in is rate limited per address and per username."""
from __future__ import annotations

from urllib.parse import urlparse

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from web.extensions import db, limiter
from web.forms import LoginForm, LogoutForm
from web.models import User
from web.sessions import end_all_sessions

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _username_key() -> str:
    return "login-user:" + (request.form.get("username") or "").strip().lower()


def _safe_next(target: str | None) -> str | None:
    # Only same-site paths: never an open redirect to another host.
    if not target:
        return None
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], error_message="Too many sign-in attempts. Wait a minute and try again.")
@limiter.limit(_login_limit, methods=["POST"], key_func=_username_key,
               error_message="Too many sign-in attempts for this account. Wait a minute and try again.")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(select(User).where(User.username == form.username.data.strip().lower()))
        if user is None or not user.check_password(form.password.data) or not user.active:
            flash("That username and password do not match an active account.", "error")
            return render_template("auth/login.html", form=form), 401
        session.permanent = True   # SESSION_MINUTES is then the idle timeout (see web/config.py)
        login_user(user, remember=form.remember.data)
        return redirect(_safe_next(request.args.get("next")) or url_for("main.home"))
    return render_template("auth/login.html", form=form)


def keep_session_permanent(_app, user=None, **_extra) -> None:
    """A session restored from the "keep me signed in" cookie gets the same idle timeout as a sign-in."""
    session.permanent = True


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = LogoutForm()
    if form.validate_on_submit():
        end_all_sessions(current_user)   # a copied session or remember-me cookie is dead from now on, everywhere
        db.session.commit()
        logout_user()
        flash("You have signed out.", "info")
    return redirect(url_for("auth.login"))
