"""Command-line tasks: `flask --app app seed-demo`, `create-user`, `portfolio export`, `exports prune`, `worker`
(db upgrade is Flask-Migrate's)."""
from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

import portfolio
from web.extensions import db
from web.models import User
from web.queue import task_queue
from web.services import rescoring, xapi_outbox
from web.services.accounts import AccountError, create_user
from web.services.demo import DEMO_ACCOUNTS, DEMO_JOIN_CODE, seed
from web.services.export_jobs import prune
from web.services.learner_evidence import brand_values, learner_evidence


def register(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_user_command)
    app.cli.add_command(portfolio_group)
    app.cli.add_command(exports_group)
    app.cli.add_command(worker)
    app.cli.add_command(rescore_command)
    app.cli.add_command(xapi_group)


@click.command("seed-demo")
@with_appcontext
def seed_demo():
    """Create the demo cohort, accounts and attempts (once: running it again changes nothing)."""
    report = seed()
    db.session.commit()
    if not report.changed:
        click.echo(f"Demo data already present (cohort {DEMO_JOIN_CODE}): nothing changed.")
    elif report.demo_was_present:
        click.echo(f"Demo data present (cohort {DEMO_JOIN_CODE}); added what was missing: "
                   + "; ".join(report.created) + ".")
    else:
        click.echo("Demo data created.")
    click.echo("Demo sign-in details (local use only):")
    for username, role, password in DEMO_ACCOUNTS:
        note = f"  (not changed: {report.kept[username]})" if username in report.kept else ""
        click.echo(f"  {role:9s} {username:10s} password: {password}{note}")


@click.command("create-user")
@with_appcontext
@click.option("--username", required=True)
@click.option("--name", "full_name", required=True, help="The person's full name.")
@click.option("--role", type=click.Choice(["learner", "tutor", "assessor", "admin"]), required=True)
@click.option("--email", default=None)
@click.password_option(help="At least 10 characters (prompted for if not given).")
def create_user_command(username, full_name, role, email, password):
    """Create an account."""
    try:
        user = create_user(username, full_name, role, password, email)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {user.role} {user.username}.")


@click.group("portfolio")
def portfolio_group():
    """Anonymised evidence exports."""


@portfolio_group.command("export")
@click.option("--learner", "username", required=True, help="The learner's username.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), help="Write the portfolio PDF here.")
@click.option("--logbook", "logbook_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the logbook PDF here.")
@click.option("--pack", "pack_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the evidence pack (PDF, JSON, manifest) ZIP here.")
@click.option("--include", type=click.Choice(["evidence", "reflections"]), multiple=True,
              help="Sections of the portfolio (default: both).")
@with_appcontext
def export_command(username, out_path, logbook_path, pack_path, include):
    """Export a learner's anonymised portfolio, logbook and/or evidence pack."""
    if not (out_path or logbook_path or pack_path):
        raise click.UsageError("Say what to write: --out FILE.pdf, --logbook FILE.pdf and/or --pack FILE.zip.")
    learner = db.session.scalar(db.select(User).where(User.username == username.strip().lower()))
    if learner is None or learner.role != "learner":
        raise click.ClickException(f"There is no learner with the username {username!r}.")
    data = learner_evidence(learner)
    outputs = []
    keep = brand_values()
    sections = tuple(include) or portfolio.INCLUDE
    if out_path:
        outputs.append((out_path, portfolio.render_portfolio_pdf(data, include=sections, keep_values=keep)))
    if logbook_path:
        outputs.append((logbook_path, portfolio.render_logbook_pdf(data, keep_values=keep)))
    if pack_path:
        pack, digest = portfolio.build_evidence_pack_with_digest(data, include=sections, keep_values=keep)
        outputs.append((pack_path, pack))
    for path, content in outputs:
        with open(path, "wb") as handle:
            handle.write(content)
        click.echo(f"Wrote {path} ({len(content):,} bytes, {len(data['attempts'])} attempts).")
    if pack_path:
        click.echo(f"Manifest SHA-256: {digest}  (record it outside the ZIP: it proves nothing in the pack changed)")


@portfolio_group.command("verify")
@click.argument("zip_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--sha256", "expected", help="The manifest hash recorded when the ZIP was made (shown on the page).")
def verify_command(zip_path, expected):
    """Check an evidence pack or cohort ZIP: every file against manifest.json, and the manifest against --sha256."""
    with open(zip_path, "rb") as handle:
        report = portfolio.verify_zip(handle.read(), expected)
    for problem in report.problems:
        click.echo(f"FAILED: {problem}")
    if not report.ok:
        raise SystemExit(1)
    against = "the recorded hash" if expected else "nothing (give --sha256 to check the manifest itself)"
    click.echo(f"OK: {report.checked} file(s) match manifest.json; manifest SHA-256 {report.manifest_sha256} "
               f"checked against {against}.")


@click.group("exports")
def exports_group():
    """Cohort export jobs and their files in EXPORT_DIR."""


@exports_group.command("prune")
@with_appcontext
def prune_command():
    """Delete cohort ZIPs older than EXPORT_RETENTION_DAYS and unfinished .part files older than a day; mark jobs
    with no progress for EXPORT_STALE_MINUTES failed. Run it daily (cron or a systemd timer)."""
    report = prune()
    for job in report.expired:
        click.echo(f"Expired job {job.id} (cohort {job.cohort_id}, finished {job.finished_at:%Y-%m-%d %H:%M}): "
                   f"deleted {job.file_name}")
    for path in report.parts:
        click.echo(f"Deleted unfinished file {path.name}")
    for job in report.stalled:
        click.echo(f"Marked job {job.id} (cohort {job.cohort_id}) failed: {job.error}")
    days, minutes = current_app.config["EXPORT_RETENTION_DAYS"], current_app.config["EXPORT_STALE_MINUTES"]
    kept = f"kept {days} days" if days > 0 else "EXPORT_RETENTION_DAYS=0: kept for ever"
    limit = f"limit {minutes} minutes" if minutes > 0 else "EXPORT_STALE_MINUTES=0: not checked"
    click.echo(f"Pruned {len(report.expired)} expired export(s) ({kept}), {len(report.parts)} unfinished file(s), "
               f"{len(report.stalled)} stalled job(s) ({limit}).")


@click.command("worker")
@click.option("--workers", default=1, show_default=True, help="Worker threads.")
@with_appcontext
def worker(workers):
    """Run the task-queue consumer (bulk exports). Uses Redis when REDIS_URL is set, else SQLite."""
    click.echo(f"Task queue consumer on {task_queue().backend} with {workers} worker(s).")
    task_queue().consumer(workers=workers).run()


@click.group("xapi")
def xapi_group():
    """xAPI statements in the outbox and the learning record store (XAPI_ENDPOINT)."""


@xapi_group.command("send")
@click.option("--again", is_flag=True, help="First put failed and rejected statements back in the queue.")
@with_appcontext
def xapi_send_command(again):
    """Send every pending statement that is due now (the worker does this after each attempt)."""
    if not xapi_outbox.enabled():
        raise click.ClickException("XAPI_ENDPOINT is not set: there is no LRS to send to.")
    if again:
        click.echo(f"{xapi_outbox.send_again()} failed or rejected statement(s) queued again.")
    report = xapi_outbox.send_pending()
    for error in report.errors:
        click.echo(f"  {error}")
    click.echo(f"Sent {report.sent}; to try again later {report.retry_later}; gave up on {report.failed}; "
               f"refused by the LRS {report.rejected}.")


@xapi_group.command("status")
@with_appcontext
def xapi_status_command():
    """How many statements are pending, sent, failed and rejected."""
    counts = xapi_outbox.counts()
    click.echo(", ".join(f"{status} {counts.get(status, 0)}" for status in ("pending", "sent", "failed", "rejected")))


@click.command("rescore")
@click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1, 10_000),
              help="Attempts scored and committed together.")
@click.option("--scenario", "scenario_id", default=None, help="Only attempts at this scenario (its id).")
@click.option("--limit", default=None, type=click.IntRange(1), help="At most this many attempts this run.")
@click.option("--force", is_flag=True, help="Also attempts already marked by the current scorer and rubric.")
@click.option("--dry-run", is_flag=True, help="Say how many attempts are due; change nothing.")
@with_appcontext
def rescore_command(batch_size, scenario_id, limit, force, dry_run):
    """Re-score stored attempts with the current scorer, keeping the old levels beside the new ones.

    Only attempts marked by another scorer version or rubric are due, so running it again changes nothing.
    Tutors see what changed on the review pages (Re-scored marks)."""
    info = rescoring.current()
    due = rescoring.due_ids(scenario_id, force)
    click.echo(f"Current scorer {info['scorer_version']}, rubric {info['id']} v{info['version']} "
               f"({info['hash'][:19]}): {len(due)} attempt(s) due.")
    if dry_run or not due:
        return

    def progress(report, total):
        click.echo(f"  {report.seen}/{min(total, limit or total)} re-scored: {report.changed} with changed marks, "
                   f"{len(report.failed)} failed")

    report = rescoring.rescore_all(batch_size, scenario_id, force, limit, progress=progress, commit=db.session.commit)
    for attempt_id, why in report.failed:
        click.echo(f"  attempt {attempt_id} not re-scored: {why}", err=True)
    click.echo(f"Done: {report.rescored} re-scored, {report.changed} with changed marks, {len(report.failed)} failed.")
    if report.failed:
        raise SystemExit(1)
