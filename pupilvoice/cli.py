"""Flask commands: create a real school, load the demo school, remind parents, reviews due,
send the outbox's e-mails, retention."""

from __future__ import annotations

import getpass
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy import func, select

from .domain.passwords import password_problem
from .extensions import db
from .i18n import today
from .models import Plan, School, User
from .services import (
    accounts,
    backup,
    demo,
    demo_large,
    outbox,
    plan_notices,
    retention,
    review_digest,
    reviews,
    speech,
)


def register(app: Flask) -> None:
    app.cli.add_command(create_school)
    app.cli.add_command(demo_command)
    app.cli.add_command(remind_parents)
    app.cli.add_command(reviews_due)
    app.cli.add_command(outbox_group)
    app.cli.add_command(retention_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(speech_group)


@click.command("create-school")
@click.option("--name", prompt="School name")
@click.option("--senco-name", prompt="SENCO's name (as pupils and parents know them)")
@click.option("--senco-email", prompt="SENCO's e-mail address")
def create_school(name: str, senco_name: str, senco_email: str) -> None:
    """Create a school and its first SENCO account."""
    if accounts.find_by_email(senco_email):
        raise click.ClickException("That e-mail address already has an account.")
    password = getpass.getpass("SENCO's password (at least 12 characters): ")
    problem = password_problem(password, email=senco_email, name=senco_name)
    if problem:
        raise click.ClickException(f"Password refused: {problem}.")
    school = School(name=name.strip())
    db.session.add(school)
    db.session.flush()
    senco = User(
        school_id=school.id,
        email=senco_email.strip().lower(),
        name=senco_name.strip(),
        role="senco",
    )
    accounts.set_password(senco, password)
    db.session.add(senco)
    db.session.commit()
    click.echo(f"Created {school.name} with SENCO {senco.email}. Sign in at /auth/login.")


@click.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has a school.")
@click.option(
    "--size",
    type=click.Choice(["demo", "large"]),
    default="demo",
    help="large: the demo school grown to 400 pupils, 19 more like it and a year of logs.",
)
def demo_command(if_empty: bool, size: str) -> None:
    """Load a realistic demo primary school and print the demo sign-ins."""
    has_school = db.session.execute(select(func.count()).select_from(School)).scalar_one()
    if has_school and if_empty:
        click.echo("The database already has a school: demo data not loaded.")
    elif size == "large":
        demo_large.load()
        click.echo("Large demo loaded: 20 schools of 400 pupils, a year of audit and sessions.")
    else:
        demo.load()
        db.session.commit()
        click.echo("Demo school loaded.")
    for role, email, password in demo.sign_ins() + demo.tablet_sign_ins():
        click.echo(f"  {role:<20} {email:<34} {password}")


def _as_a_request():
    """Languages and templates as in a request, for mail a command sends; links in it
    come from PUBLIC_URL (links.py)."""
    return current_app.test_request_context("/", base_url=current_app.config["PUBLIC_URL"])


@click.command("remind-parents")
def remind_parents() -> None:
    """Put one reminder in the outbox for each parent who has not answered a plan 7 days
    after it was sent. Run it daily (cron); running it again sends nothing twice."""
    queued = 0
    with _as_a_request():
        for found in plan_notices.due_reminders():
            if not plan_notices.claim_reminder(found):
                continue  # another run took it
            notice = plan_notices.reminder(found)
            plan = db.session.get(Plan, found.plan_id)
            queued += len(plan_notices.queue_mails(None, plan, [notice]))
            db.session.commit()  # the claim, any new invitation and the mail, together
    click.echo(f"Reminders queued: {queued}. `flask outbox send` sends them.")


@click.command("reviews-due")
def reviews_due() -> None:
    """Start the review of every plan whose review date has come, and e-mail each class
    teacher and SENCO their reviews overdue and due within three weeks, naming a plan at
    most once a week. Run it daily (cron); running it again sends nothing twice."""
    day = today()
    started = len(reviews.start_due(day))
    db.session.commit()
    queued = 0
    with _as_a_request():
        for digest in review_digest.due(day):
            queued += review_digest.queue(digest, day)  # False: another run took it
    click.echo(f"Reviews started: {started}. Digests queued: {queued}.")


@click.group("outbox")
def outbox_group() -> None:
    """E-mails waiting in the outbox."""


@outbox_group.command("send")
@click.option("--loop", is_flag=True, help="Keep sending, every --every seconds (a worker).")
@click.option("--every", default=5.0, show_default=True, help="Seconds between rounds.")
def outbox_send(loop: bool, every: float) -> None:
    """Send the e-mails that are due, trying failed ones again later. Run it every minute
    (cron), or once with --loop as a worker; several at once never send a mail twice."""

    def report(done) -> None:
        click.echo(", ".join(f"{kind}: {number}" for kind, number in sorted(done.items())))

    total = outbox.run(loop=loop, interval=every, report=report if loop else None)
    click.echo(
        f"E-mails sent: {total['sent']}. To try again later: {total['retry']}. "
        f"Given up: {total['failed']}."
    )


@click.command("retention")
@click.option("--dry-run", is_flag=True, help="List what would be removed; remove nothing.")
def retention_command(dry_run: bool) -> None:
    """Remove what is past each school's retention (PRI-04): pupils who left, closed worries,
    recordings, old sign-ins. Run it daily (cron); --dry-run lists exactly what a real run
    removes. It names rows by number only, so its output holds no one's name."""
    found = retention.due(today())
    for item in found:
        school = f"school {item.school_id}" if item.school_id else "all schools"
        numbers = ", ".join(map(str, item.ids))
        click.echo(f"{school}: {item.kind}: {len(item.ids)} ({numbers})")
    if not dry_run:
        retention.remove(found)
        db.session.commit()
    total = sum(len(item.ids) for item in found)
    click.echo(f"{'Would remove' if dry_run else 'Removed'}: {total}.")


def _database_url() -> str:
    return db.engine.url.render_as_string(hide_password=False)


@click.command("backup")
@click.option(
    "--to", "folder", type=click.Path(file_okay=False), help="Folder (default: instance/backups)."
)
def backup_command(folder: str | None) -> None:
    """Back up the whole database while the app runs (SQLite's online backup, or pg_dump).
    Run it daily (cron) and keep the files somewhere safe, as the school's policy says."""
    where = Path(folder) if folder else Path(current_app.instance_path) / "backups"
    try:
        click.echo(f"Backed up to {backup.backup(_database_url(), where)}")
    except backup.BackupError as problem:
        raise click.ClickException(str(problem)) from problem


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
@click.option("--yes", is_flag=True, help="Replace the database without asking.")
def restore_command(path: str, yes: bool) -> None:
    """Replace the database with a backup made by `flask backup`. Stop the app first."""
    if not yes:
        click.confirm("This replaces everything in the database. Go on?", abort=True)
    db.engine.dispose()
    try:
        backup.restore(_database_url(), Path(path))
    except backup.BackupError as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo("Restored. Run `flask db upgrade` if the backup is from an older release.")


@click.group("speech")
def speech_group() -> None:
    """Read-aloud audio made on the server (espeak-ng)."""


@speech_group.command("prune")
@click.option("--all", "everything", is_flag=True, help="Empty the cache.")
def speech_prune(everything: bool) -> None:
    """Delete read-aloud audio not used for SPEECH_CACHE_DAYS, and the least used above
    SPEECH_CACHE_MB; with --all, every file. The audio can say pupils' names (PRI-04):
    run it daily (cron), and with --all when a pupil's data is erased."""
    removed = speech.prune(everything=everything)
    click.echo(f"Read-aloud files deleted: {removed}.")
