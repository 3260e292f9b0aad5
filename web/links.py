"""Links for the rows of a list page, built once per page (issue 17): url_for costs some 20 µs a call, and the
assessor's home, with five download links for each of a page's learners, spent a quarter of its time in it."""
from __future__ import annotations

from collections.abc import Callable

from flask import url_for

STAND_IN = 1_987_654_321   # within <int:>'s range (web/inputs.py), and not a number a link holds otherwise


def row_url(endpoint: str, key: str, **values) -> Callable[[int], str]:
    """A function of a row's id that returns url_for(endpoint, key=id, **values): the URL is built once, with a
    stand-in id, and each row's id (a whole number) takes its place."""
    built = url_for(endpoint, **{key: STAND_IN}, **values)
    head, found, tail = built.partition(str(STAND_IN))
    if not found or str(STAND_IN) in tail:
        raise ValueError(f"{endpoint}'s URL does not hold {key} once")
    return lambda id_: f"{head}{int(id_)}{tail}"
