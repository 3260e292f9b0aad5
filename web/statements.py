"""List pages' reads: statements built once per process, run on the session's connection (issue 17).

Building a SELECT (columns, joins, conditions) costs some 0.4 ms of Python per request on this machine, more than
running it, and the ORM session's result machinery adds about 0.12 ms to a read of plain columns. So a list page
builds its statements once, with bind parameters for what changes per request (a user, a cohort, a page), and
reads rows through the session's connection: the same transaction, no ORM objects and no autoflush, which suits
pages that only read.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, Row

from web.extensions import db


def rows(statement: Executable, **params: Any) -> Sequence[Row]:
    """Every row of a read-only statement, as named tuples."""
    return db.session.connection().execute(statement, params).all()
