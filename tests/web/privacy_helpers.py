"""A pupil with data of every kind the privacy registry knows (issue 14): erasure, export
and retention tests start from it. Rows are made directly, each as the app would hold it."""

from __future__ import annotations

from datetime import date, timedelta

from pupilvoice.extensions import db
from pupilvoice.models import (
    AccountToken,
    AuditEvent,
    Device,
    Evidence,
    GroupMember,
    LoginSession,
    ParentResponse,
    PictureKey,
    PlanDelivery,
    PlanTranslation,
    PlanVersion,
    Proposal,
    PupilSignIn,
    Recording,
    RegisterChange,
    ReviewDigest,
    ReviewMeeting,
    ReviewView,
    SelfRating,
    Sort,
    SortChoice,
    TeachingGroup,
    TopicCard,
    Worry,
)
from pupilvoice.models.base import utcnow
from pupilvoice.services import audit, outbox, plans
from tests.web.plan_helpers import make_plan


def _add(*rows):
    db.session.add_all(rows)
    db.session.flush()
    return rows[0] if len(rows) == 1 else rows


def _voice(world, pupil):
    school, teacher = world.school.id, world.teacher
    card = _add(TopicCard(school_id=school, key="maths", symbol="maths"))
    sound = _add(
        Recording(
            school_id=school,
            pupil_id=pupil.id,
            purpose="voice",
            content_type="audio/ogg",
            size=4,
            data=b"OggS",
        )
    )
    sort = _add(Sort(school_id=school, pupil_id=pupil.id, finished_at=utcnow()))
    choice = _add(
        SortChoice(
            school_id=school,
            sort_id=sort.id,
            card_id=card.id,
            place="dislike",
            words="Sums are hard",
            recording_id=sound.id,
            helper_id=teacher.id,
        )
    )
    _add(
        Worry(
            school_id=school,
            pupil_id=pupil.id,
            source="about_me",
            kind="friends",
            words="Nobody plays with me",
            sort_choice_id=choice.id,
            closed_at=utcnow(),
            closed_by_id=teacher.id,
            action_taken="Talked with Sam at lunch",
        )
    )
    idea = _add(
        Proposal(
            school_id=school,
            pupil_id=pupil.id,
            area="maths",
            starter="i_can",
            words="I can count to 20",
        )
    )
    _add(SelfRating(school_id=school, pupil_id=pupil.id, proposal_id=idea.id, level=3))


def _plan(world, pupil):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    target, school, parent = plan.active_targets[0], world.school.id, world.parent
    _add(
        Evidence(
            school_id=school,
            target_id=target.id,
            note="Read 30 words",
            observed_on=date.today(),
            recorded_by_id=world.ta.id,
        ),
        PlanTranslation(
            school_id=school,
            plan_id=plan.id,
            target_id=target.id,
            field="smart_text",
            language="pl",
            text="Sam przeczyta 40 słów",
            source_hash="x" * 64,
        ),
        ParentResponse(
            school_id=school,
            plan_id=plan.id,
            target_id=target.id,
            parent_id=parent.id,
            kind="agree",
            comment="Thank you",
            plan_version=plan.version,
            plan_text_hash="y" * 64,
        ),
        PlanDelivery(
            school_id=school,
            plan_id=plan.id,
            parent_id=parent.id,
            method="email",
            sent_version=plan.version,
        ),
        ReviewMeeting(school_id=school, plan_id=plan.id, pupil_comment="I like maths now"),
        ReviewView(
            school_id=school,
            plan_id=plan.id,
            target_id=target.id,
            parent_id=parent.id,
            words="Better at home",
        ),
        ReviewDigest(
            school_id=school, user_id=world.senco.id, plan_id=plan.id, week_of=date.today()
        ),
    )
    assert db.session.query(PlanVersion).filter_by(plan_id=plan.id).count() >= 1
    return plan


def _register(world, pupil):
    _add(
        RegisterChange(
            school_id=world.school.id,
            pupil_id=pupil.id,
            changed_by_id=world.senco.id,
            source="form",
            changes={"primary_need": [None, "SLCN"]},
        )
    )


def _group(world, pupil):
    """A small group the pupil was in and left (Group Education Plans)."""
    group = _add(
        TeachingGroup(school_id=world.school.id, name="Phonics", created_by_id=world.teacher.id)
    )
    _add(
        GroupMember(
            school_id=world.school.id,
            group_id=group.id,
            pupil_id=pupil.id,
            joined_by_id=world.teacher.id,
            left_at=utcnow(),
            left_by_id=world.senco.id,
        )
    )


def _signing_in(world, pupil):
    school = world.school.id
    tablet = _add(
        Device(
            school_id=school,
            class_id=world.own_class.id,
            name="Oak tablet",
            token_hash="d" * 64,
            enrolled_by_id=world.teacher.id,
        )
    )
    child, adult = _add(
        LoginSession(token_hash="p" * 64, pupil_id=pupil.id),
        LoginSession(token_hash="u" * 64, user_id=world.parent.id),
    )
    _add(
        PictureKey(pupil_id=pupil.id, school_id=school, salt="s" * 32, digest="g" * 64),
        PupilSignIn(
            school_id=school,
            pupil_id=pupil.id,
            device_id=tablet.id,
            login_session_id=child.id,
            how="pictures",
        ),
        AccountToken(
            user_id=world.parent.id,
            purpose="invite",
            token_hash="t" * 64,
            expires_at=utcnow() + timedelta(days=14),
            created_by_id=world.senco.id,
        ),
    )
    return adult


def pupil_with_everything(world):
    """world.pupil with cards, a worry, an idea and a face, a recording, a shared plan with
    evidence, a translation, a parent's answer, a review, sign-ins and a mail to the parent
    about them; audited."""
    pupil = world.pupil
    _voice(world, pupil)
    plan = _plan(world, pupil)
    _signing_in(world, pupil)
    _register(world, pupil)
    _group(world, pupil)
    outbox.queue(world.parent.email, "Sam's plan is ready to read", "Dear Tom, ...",
                 kind="plan_shared", user=world.parent, pupil=pupil)  # fmt: skip
    audit.record(pupil, "sorted", pupil, card="maths")
    audit.record(world.teacher, "read", plan, words="Sam T's plan")
    db.session.commit()
    assert db.session.query(AuditEvent).filter_by(actor_pupil_id=pupil.id).count() == 1
    return pupil
