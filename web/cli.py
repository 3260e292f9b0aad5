"""Command-line tasks: `flask --app app seed-demo`, `create-user`, `validate-content` (db upgrade is Flask-Migrate's)."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from web.accounts import AccountError, create_user
from web.extensions import db


def register(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_user_command)


@click.command("seed-demo")
@with_appcontext
def seed_demo():
    """Create the demo cohort, accounts and attempts (once: running it again changes nothing)."""
    from web.demo import DEMO_ACCOUNTS, seed

    created = seed()
    db.session.commit()
    click.echo("Demo data " + ("created." if created else "already present: nothing changed."))
    click.echo("Demo sign-in details (local use only):")
    for username, role, password in DEMO_ACCOUNTS:
        click.echo(f"  {role:9s} {username:10s} password: {password}")


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
