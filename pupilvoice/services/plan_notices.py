"""Telling parents about a plan the school shares with them: an e-mail in their language
(with an invitation when they have no account yet) or a letter to print, one reminder by
e-mail after 7 days without an answer, and what staff see of each parent: sent, opened,
answered. Each e-mail is put in the outbox in the same transaction as what it refers to
(REL-01), and ``flask outbox send`` sends it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import render_template
from flask_babel import force_locale, format_date
from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.orm import contains_eager

from ..domain import lifecycle
from ..domain.invitations import HAS_ACCOUNT
from ..extensions import db
from ..i18n import format_locale
from ..i18n import gettext as _
from ..links import public_url
from ..models import ParentLink, Plan, PlanDelivery, School, User
from ..models.base import utcnow
from . import audit, invitations, outbox, signoff

REMIND_AFTER = timedelta(days=7)
EMAIL, LETTER = "email", "letter"


# --- what staff see ------------------------------------------------------------------------


@dataclass
class ParentRow:
    """One parent of the plan's pupil: how they hear of it, and where they are."""

    parent: User
    link: ParentLink
    delivery: PlanDelivery | None
    answers: signoff.Answers
    states: dict[int, str]
    has_account: bool
    to_send: bool  # the plan (or its latest changes) has not gone to them yet

    @property
    def method(self) -> str:
        """Letters for a family without an e-mail address, whatever the link says."""
        if not self.parent.email:
            return LETTER
        return self.link.contact_method if self.link.contact_method in (EMAIL, LETTER) else EMAIL

    @property
    def answered(self) -> bool:
        return bool(self.states) and all(s == "answered" for s in self.states.values())

    @property
    def talk(self) -> list[int]:
        """The targets this parent would like to talk about (as they read now)."""
        return [
            target_id
            for target_id, row in self.answers.targets.items()
            if row.kind == "talk" and self.states.get(target_id) == "answered"
        ]


@dataclass
class Panel:
    plan: Plan
    rows: list[ParentRow] = field(default_factory=list)

    @property
    def emails_to_send(self) -> list[ParentRow]:
        return [r for r in self.rows if r.to_send and r.method == EMAIL]

    @property
    def letters_to_print(self) -> list[ParentRow]:
        return [r for r in self.rows if r.to_send and r.method == LETTER]

    @property
    def outstanding(self) -> list[ParentRow]:
        asking = lifecycle.needs_signoff(self.plan.status)
        return [r for r in self.rows if asking and not r.answered]

    def answers_to(self, target_id: int) -> list[tuple[User, object, str]]:
        """Each parent's latest answer to a target: (parent, answer row, state)."""
        found = []
        for row in self.rows:
            answer = row.answers.targets.get(target_id)
            if answer is not None:
                found.append((row.parent, answer, row.states.get(target_id, "")))
        return found


# Built once, and one query each for all the parents (a plan page shows every one):
# each link with its parent and what was sent to them (then every answer to the plan,
# signoff.latest_answers_by_parent).
_PARENTS = (
    select(ParentLink, PlanDelivery)
    .join(ParentLink.parent)
    .outerjoin(
        PlanDelivery,
        and_(
            PlanDelivery.plan_id == bindparam("plan_id"),
            PlanDelivery.parent_id == ParentLink.parent_id,
        ),
    )
    .where(ParentLink.pupil_id == bindparam("pupil_id"), User.archived_at.is_(None))
    .order_by(User.name, User.id)
    .options(contains_eager(ParentLink.parent))
)


def panel(plan: Plan) -> Panel:
    """Every parent of the plan's pupil, for the staff plan page."""
    found = Panel(plan)
    asking = lifecycle.needs_signoff(plan.status)
    parents = db.session.execute(_PARENTS, {"plan_id": plan.id, "pupil_id": plan.pupil_id})
    answered = signoff.latest_answers_by_parent(plan)
    for link, sent in parents:
        parent = link.parent
        answers = answered[parent.id]
        found.rows.append(
            ParentRow(
                parent=parent,
                link=link,
                delivery=sent,
                answers=answers,
                states=signoff.target_states(plan, answers),
                has_account=invitations.status(parent, None).state == HAS_ACCOUNT,
                to_send=asking and (sent is None or sent.sent_version < plan.version),
            )
        )
    return found


# --- e-mail --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """An e-mail ready to go: ``token`` is an invitation for a parent without an account."""

    parent: User
    kind: str  # "shared", "changed" or "reminder"
    token: str | None


def prepare_emails(actor: User, plan: Plan, only: User | None = None) -> list[Notice]:
    """The e-mails the plan needs now (``only``: to that parent), with invitations issued
    for parents who have no account yet. ``queue_mails`` them, then commit."""
    rows = [r for r in panel(plan).emails_to_send if only is None or r.parent.id == only.id]
    if only is not None:  # a parent new to the plan: it is all new to them
        return [_notice(actor, row.parent, "shared") for row in rows]
    kind = "changed" if plan.status == lifecycle.NEEDS_CONFIRMING else "shared"
    return [_notice(actor, row.parent, kind) for row in rows]


def _notice(actor: User | None, parent: User, kind: str) -> Notice:
    token = None
    if invitations.status(parent, None).state != HAS_ACCOUNT:
        token = invitations.issue(actor, parent, EMAIL)
    return Notice(parent, kind, token)


def reminder(found: PlanDelivery) -> Notice:
    """The reminder e-mail for a delivery (with a fresh invitation if still no account)."""
    return _notice(None, found.parent, "reminder")


def queue_mails(actor: User | None, plan: Plan, notices: list[Notice]) -> list[User]:
    """Put the prepared e-mails in the outbox and record each as sent (flush); they go
    when the caller commits. Returns the parents mailed."""
    mailed = []
    for notice in notices:
        if _mail(plan, notice):
            if notice.kind != "reminder":
                signoff.record_sent(plan, notice.parent, EMAIL, actor)
            audit.record(actor or notice.parent, f"plan_{notice.kind}_mailed", plan,
                         parent=notice.parent.id, version=plan.version)  # fmt: skip
            mailed.append(notice.parent)
    db.session.flush()
    return mailed


def _mail(plan: Plan, notice: Notice) -> bool:
    parent = notice.parent
    if not parent.email:  # a letters-only family: the plan goes by letter (panel.method)
        return False
    language = invitations.language_of(parent)
    with force_locale(format_locale(language)):
        context = {
            "parent": parent,
            "child": plan.pupil.first_name,
            "school": db.session.get(School, plan.school_id),
            "kind": notice.kind,
            "plan_link": public_url("parent.plan", plan_id=plan.id, lang=language),
            "invite_link": invitations.link_for(notice.token, language) if notice.token else "",
            "review": format_date(plan.review_on, "long") if plan.review_on else "",
        }
        body = render_template("mail/plan_notice.txt", **context)
        subject = {
            "shared": _("%(name)s's plan is ready to read", name=plan.pupil.first_name),
            "changed": _("%(name)s's plan has changed", name=plan.pupil.first_name),
            "reminder": _("%(name)s's plan is waiting for your answer", name=plan.pupil.first_name),
        }[notice.kind]
    outbox.queue(parent.email, subject, body, kind=f"plan_{notice.kind}", language=language,
                 user=parent, pupil=plan.pupil, school_id=plan.school_id)  # fmt: skip
    return True


# --- letters -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLetter:
    parent: User
    letter: invitations.Letter | None  # a code for a parent who has no account yet


def prepare_letters(actor: User, plan: Plan) -> list[PlanLetter]:
    """Letters for the parents who hear by post and do not have this version yet (flush).
    Shown once: print them."""
    return [print_letter(actor, plan, row) for row in panel(plan).letters_to_print]


def print_letter(actor: User, plan: Plan, row: ParentRow) -> PlanLetter:
    """One parent's letter, printed for the first time or again (a lost letter, a copy for
    a meeting). An invitation code for a parent without an account is new each time (only
    its hash is kept; the newest code works). The first print of a version records it as
    sent; a print again is audited and leaves what the first one recorded."""
    code = None if row.has_account else invitations.issue_letter(actor, row.parent)
    if row.to_send:
        signoff.record_sent(plan, row.parent, LETTER, actor)
        audit.record(actor, "plan_letter_printed", plan, parent=row.parent.id,
                     version=plan.version)  # fmt: skip
    else:
        audit.record(actor, "plan_letter_reprinted", plan, parent=row.parent.id,
                     version=plan.version)  # fmt: skip
    return PlanLetter(row.parent, code)


def parent_row(plan: Plan, parent_id: int) -> ParentRow | None:
    """A current parent of the plan's pupil, as the plan page shows them."""
    return next((r for r in panel(plan).rows if r.parent.id == parent_id), None)


# --- reminders -----------------------------------------------------------------------------


def due_reminders(now: datetime | None = None) -> list[PlanDelivery]:
    """E-mailed plans still waiting, 7 days on, whose parent has not answered every target
    and has had no reminder for this version."""
    now = now or utcnow()
    query = (
        select(PlanDelivery)
        .join(Plan, Plan.id == PlanDelivery.plan_id)
        .join(User, User.id == PlanDelivery.parent_id)
        .where(
            Plan.status.in_((lifecycle.SHARED, lifecycle.NEEDS_CONFIRMING)),
            PlanDelivery.method == EMAIL,
            PlanDelivery.sent_version == Plan.version,
            PlanDelivery.sent_at <= now - REMIND_AFTER,
            PlanDelivery.reminded_at.is_(None),
            User.archived_at.is_(None),
        )
        .order_by(PlanDelivery.id)
    )
    due = []
    for found in db.session.scalars(query):
        plan = db.session.get(Plan, found.plan_id)
        if not signoff.has_answered(plan, signoff.latest_answers(plan, found.parent)):
            due.append(found)
    return due


def claim_reminder(found: PlanDelivery) -> bool:
    """Mark the reminder as sent, once: a second run (or two at once) finds it taken. The
    caller queues the mail in the same transaction, so both are kept or neither."""
    result = db.session.execute(
        update(PlanDelivery)
        .where(PlanDelivery.id == found.id, PlanDelivery.reminded_at.is_(None))
        .values(reminded_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    return result.rowcount == 1
