"""Flask-Limiter's per-request hook only where it can limit something (issue 17).

Flask-Limiter checks every request in a before-request hook, for default, application, blueprint and meta limits.
Routes decorated with `limiter.limit` (sign-in) are checked by their own decorator, not by that hook. This app sets
none of the other kinds, so on every other request the hook resolves an empty list of limits: some 8% of a bare
signed-in request. When that holds, the hook is removed; configure any such limit and it stays, as shipped.
"""
from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter


def hook_has_work(limiter: Limiter) -> bool:
    """Whether the before-request hook could find a limit for some request."""
    manager = limiter.limit_manager
    return bool(manager.application_limits or manager.default_limits or manager._blueprint_limits
                or limiter._meta_limits)


def drop_idle_hook(app: Flask, limiter: Limiter) -> bool:
    """Remove the limiter's before-request hook from `app` when it has nothing to check; returns whether it did.
    Call after every blueprint (and blueprint limit) is registered."""
    hooks = app.before_request_funcs.get(None, [])
    if hook_has_work(limiter) or limiter._check_request_limit not in hooks:
        return False
    hooks.remove(limiter._check_request_limit)
    return True
