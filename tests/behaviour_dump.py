"""Dump what a refactor must not change, to compare a branch with main (issue 13: behaviour unchanged).

    python tests/behaviour_dump.py OUT_DIR [--demo-db FILE]

OUT_DIR/generation.jsonl: every shipped scenario generated for seeds 0-2 (`Instance.to_dict()`, sorted keys), one
line each. OUT_DIR/portfolio-<learner>.html and .txt: each demo learner's portfolio as one HTML document and the
text of its PDF (pypdf's extraction), both with a fixed generation date.

The demo's dates follow the clock, so seed it once and reuse the file for both runs: --demo-db FILE seeds the demo
into FILE when FILE is missing and reads it when present (after applying any newer migrations to it). Run it on
main (before) and on the branch (after), with copies of the same FILE, then `diff -r BEFORE AFTER`: no output means
the behaviour is the same.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GENERATED_AT = "2026-12-07"
SEEDS = (0, 1, 2)


def dump_generation(out: Path) -> int:
    import simulator

    library = simulator.load_library()
    with open(out / "generation.jsonl", "w", encoding="utf-8") as fh:
        for scenario in sorted(library.list(), key=lambda s: s.id):
            for seed in SEEDS:
                instance = simulator.generate(scenario.id, seed, library=library)
                fh.write(json.dumps({"id": scenario.id, "seed": seed, "instance": instance.to_dict()},
                                    sort_keys=True, ensure_ascii=False) + "\n")
    return len(library) * len(SEEDS)


def dump_portfolios(out: Path, demo_db: Path) -> list[str]:
    from pypdf import PdfReader
    from sqlalchemy import select

    import portfolio
    from app import create_app
    from portfolio.exports import portfolio_html
    from tests.conftest import build_schema
    from web.extensions import db
    from web.models import User
    from web.services.demo import DEMO_ACCOUNTS, seed
    from web.services.learner_evidence import brand_values, learner_evidence

    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{demo_db}", "SECRET_KEY": "dump",
              "RATELIMIT_STORAGE_URI": "memory://", "QUEUE_SQLITE_PATH": str(out / "queue.sqlite")}
    seeded = demo_db.exists()
    build_schema(create_app(config))   # a kept file gets the migrations added since it was seeded
    if not seeded:
        app = create_app(config)
        with app.app_context():
            seed()
            db.session.commit()
    app = create_app(config)
    written = []
    with app.app_context():
        for username, role, _ in DEMO_ACCOUNTS:
            if role != "learner":
                continue
            learner = db.session.scalars(select(User).where(User.username == username)).one()
            data = learner_evidence(learner)
            html = portfolio_html(data, keep_values=brand_values(), generated_at=GENERATED_AT)
            (out / f"portfolio-{username}.html").write_text(html, encoding="utf-8")
            pdf = portfolio.render_portfolio_pdf(data, keep_values=brand_values(), generated_at=GENERATED_AT)
            text = "\n\f".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
            (out / f"portfolio-{username}.txt").write_text(text, encoding="utf-8")
            written.append(username)
    (out / "queue.sqlite").unlink(missing_ok=True)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--demo-db", type=Path, help="the demo database to read (seeded into it when missing)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    count = dump_generation(args.out)
    print(f"generation: {count} instances", file=sys.stderr)
    if args.demo_db:
        learners = dump_portfolios(args.out, args.demo_db.resolve())
        print(f"portfolios: {', '.join(learners)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
