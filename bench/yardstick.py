"""The yardstick page for bench/bench_pages.py: the smallest honest Flask page, one template and one SQLite read.

As in Flask's tutorial (flaskr): a sqlite3 connection per request, closed at teardown; a query for 20 rows; a
template that extends a layout and loops over them. Every app page does at least this much, so a page's
throughput divided by this one's says how much the page adds on top of "a template with one SQLite read".

    gunicorn 'yardstick:create_app("/tmp/yardstick.sqlite")'    (run from bench/)
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from flask import Flask, g, render_template

HERE = Path(__file__).resolve().parent


def build_database(path: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS attempt (id INTEGER PRIMARY KEY, title TEXT, grade TEXT, "
                     "submitted TEXT)")
        conn.execute("DELETE FROM attempt")
        conn.executemany("INSERT INTO attempt (title, grade, submitted) VALUES (?, ?, ?)",
                         [(f"Scenario {i}", ("Refer", "Pass", "Merit")[i % 3], f"2026-12-{1 + i % 28:02d}")
                          for i in range(200)])


def create_app(database: str) -> Flask:
    app = Flask(__name__, template_folder=str(HERE / "yardstick_templates"))

    def get_db() -> sqlite3.Connection:
        if "db" not in g:
            g.db = sqlite3.connect(database)
            g.db.row_factory = sqlite3.Row
        return g.db

    @app.teardown_appcontext
    def close_db(_exc) -> None:
        conn = g.pop("db", None)
        if conn is not None:
            conn.close()

    @app.get("/yardstick")
    def page():
        rows = get_db().execute("SELECT id, title, grade, submitted FROM attempt ORDER BY submitted DESC, id DESC "
                                "LIMIT 20").fetchall()
        return render_template("page.html", rows=rows)

    return app
