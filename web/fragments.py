"""Rendered page fragments kept per process (issue 17): a page whose content changes only when its data does keeps
the HTML it rendered, keyed by what it shows (the ids and the versions of every row it reads), so a repeat view
serves the stored HTML and a change shows at once (a changed row makes another key; the old entry ages out).

Because the key names the data's versions, every process may keep its own entries without telling the others:
there is nothing to invalidate. The view checks who may see the data before it looks here.

A fragment never stores a CSRF token (it is the session's, and a stored fragment outlives a session): it is
rendered with a stand-in that `Fragments.get` replaces with the current request's token.
"""
from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app
from markupsafe import Markup

from web.rendering import csrf_token

MAX_FRAGMENTS = 512   # some 15-20 kB each: under 10 MB a process


class Fragments:
    """A bounded, least-recently-used map from keys to rendered HTML, for one app in one process."""

    def __init__(self, limit: int = MAX_FRAGMENTS):
        self.limit = limit
        self._entries: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()
        # Random per process, so no learner can type it into a reply and have it replaced on their page.
        self.csrf_stand_in = f"csrf-{secrets.token_hex(16)}"

    def get(self, key: Hashable, render: Callable[[Callable[[], str]], str]) -> Markup:
        """The fragment for `key`, rendered by render(csrf_token) when it is not kept yet; with this request's
        CSRF token in place of the stand-in."""
        with self._lock:
            html = self._entries.get(key)
            if html is not None:
                self._entries.move_to_end(key)
        if html is None:
            html = str(render(lambda: self.csrf_stand_in))
            with self._lock:
                self._entries[key] = html
                while len(self._entries) > self.limit:
                    self._entries.popitem(last=False)
        if self.csrf_stand_in in html:
            # The session's kept signed token (web/rendering.py), not a fresh signature: the layout's sign-out
            # form then reuses it instead of this request signing one.
            html = html.replace(self.csrf_stand_in, csrf_token())
        return Markup(html)

    def __len__(self) -> int:
        return len(self._entries)


def fragments() -> Fragments:
    """This app's fragments (each app its own: tests make many apps over one database)."""
    return current_app.extensions.setdefault("page_fragments", Fragments())
