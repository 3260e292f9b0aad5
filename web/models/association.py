"""Many-to-many link tables, all of one shape: two foreign keys that together are the primary key, and a row that
goes when either side is deleted."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Table

from web.extensions import db


def association_table(name: str, left: tuple[str, str], right: tuple[str, str]) -> Table:
    """`left` and `right`: (column, "table.id") for the two sides."""
    return db.Table(name, *(db.Column(column, ForeignKey(target, ondelete="CASCADE"), primary_key=True)
                            for column, target in (left, right)))
