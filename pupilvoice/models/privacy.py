"""The privacy registry (PRI-02): every table that holds personal data, whose it is, how it
is exported and erased, how long it is kept, and why we hold it. A test walks every model
and fails when one with personal data is missing here, so no feature can forget it; the
subject-access export, erasure, retention and the privacy notices read this list.

Words used below:
- ``about``: whose data a row is ("pupil", "parent", "staff"; several when it links them).
- ``reach``: how a row is found from its people: columns on the row ("pupil_id parent_id")
  or dotted paths through other rows ("sort.pupil_id" means the row's ``sort``'s pupil).
- ``export``: who gets the row in a subject-access export: "pupil" (the SENCO's export for
  a pupil, which the family may ask for), "parent" (a parent's own download), both, or
  "none" when the row is a secret (a password or picture key) or not about a family.
- ``erase``: "delete" (the row goes with its person), "detach" (the row stays, the link to
  the person is cleared: a staff member who left), or "scrub" (the audit line stays, its
  person and details are removed; the erasure itself is recorded).
- ``keep``: the retention rule (see ``RETENTION``).

E-mails in the outbox (``OutboxMessage``) are copies of what the app sends: each is
removed with its person (the account it went to, the pupil it is about), its body is
emptied once sent (it may hold a one-time link), and its record goes SENT_KEPT_DAYS
later. They are not exported: the person already has the e-mail, and what it said comes
from the plans, invitations and answers the export holds.

Outside the database: read-aloud audio cached in ``instance/speech`` can say a pupil's
name. It is kept at most SPEECH_CACHE_DAYS, never exported, and erasing a pupil empties it.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel.speaklater import LazyString

from ..i18n import lazy_gettext as _l
from .audit import AuditEvent
from .auth import AccountToken, LoginSession, RecoveryCode, SignInThrottle
from .device import Device, PictureKey, PupilSignIn
from .group import GroupMember, GroupTarget, TeachingGroup
from .outbox import OutboxMessage
from .parent import ParentResponse, PlanDelivery, PlanTranslation
from .people import ClassGroup, ClassStaff, ParentLink, Pupil, User
from .plan import (
    Evidence,
    GlossaryTerm,
    Plan,
    PlanVersion,
    Target,
    TargetBankEntry,
    TargetBankTranslation,
)
from .provision import Provision
from .register import RegisterChange
from .review import ReviewDigest, ReviewMeeting, ReviewView
from .school import School
from .voice import Proposal, Recording, SelfRating, Sort, SortChoice, TopicCard, Worry, WorryWord


@dataclass(frozen=True, eq=False)  # one entry a model: compared and hashed as itself
class Entry:
    model: type
    about: tuple[str, ...]
    fields: tuple[str, ...]
    reach: tuple[str, ...]
    export: tuple[str, ...]
    erase: str
    keep: str
    why: LazyString


# How long each kind is kept; the numbers are the school's settings (PRI-04).
RETENTION = {
    "pupil-file": _l(
        "After the pupil leaves: until they are 25, or 31 with an EHC plan (as the school sets)."
    ),
    "worry": _l(
        "For the time the school sets after the worry is closed (2 years unless it changes it)."
    ),
    "recording": _l(
        "For the time the school sets after it is made (12 months unless it changes it)."
    ),
    "account": _l("While the person is linked to the school; removed when erased."),
    "sign-in": _l("90 days after the sign-in ends or the link expires."),
    "audit": _l("As long as the pupil's file; erasing a person removes them and the details."),
    # domain/outbox.py SENT_KEPT_DAYS
    "mail": _l("Until it is sent; what it said is then removed, and the rest 30 days later."),
}

PUPIL, PARENT, STAFF = "pupil", "parent", "staff"

# Columns never put in an export: secrets (a copy would hand them out). Recordings' sound
# goes beside data.json as files.
SECRET_COLUMNS = frozenset(
    {"password_hash", "totp_secret", "token_hash", "code_hash", "digest", "salt", "key_hash"}
)


def _e(
    model: type,
    about: str,
    export: str,
    erase: str,
    keep: str,
    *,
    fields: str,
    reach: str,
    why: LazyString,
) -> Entry:
    return Entry(
        model,
        tuple(about.split()),
        tuple(fields.split()),
        tuple(reach.split()),
        tuple(export.split()),
        erase,
        keep,
        why,
    )


# fmt: off
# One entry a model: whose data, who gets it in an export, erase, keep; then its columns.
REGISTRY: tuple[Entry, ...] = (
    # Who people are
    _e(Pupil, "pupil", "pupil", "delete", "pupil-file",
       fields="first_name surname_initial surname born_on upn sen_stage avatar year_group "
              "class_id primary_need secondary_need sen_added_on sen_reviewed_on "
              "sen_removed_on",
       reach="id",
       why=_l("Who the child is, so staff and family find their plan")),
    _e(User, "parent staff", "parent", "delete", "account",
       fields="name email password_hash totp_secret locale last_login_at",
       reach="id",
       why=_l("Staff and parents' accounts, to sign in")),
    _e(ParentLink, "parent pupil", "pupil parent", "delete", "account",
       fields="parent_id pupil_id relationship_label preferred_language contact_method",
       reach="pupil_id parent_id",
       why=_l("Which parent belongs to which child, and how they like to hear from school")),
    _e(ClassStaff, "staff", "", "delete", "account",
       fields="user_id",
       reach="user_id",
       why=_l("Which staff teach a class, so they see its pupils")),
    _e(RegisterChange, "pupil staff", "pupil", "delete", "pupil-file",
       fields="pupil_id changes changed_by_id source",
       reach="pupil_id",
       why=_l("Each change to the pupil's place on the SEN register, and who made it")),
    # The pupil's voice
    _e(Sort, "pupil", "pupil", "delete", "pupil-file",
       fields="pupil_id",
       reach="pupil_id",
       why=_l("When the pupil sorted the cards")),
    _e(SortChoice, "pupil staff", "pupil", "delete", "pupil-file",
       fields="words recording_id helper_id",
       reach="sort.pupil_id",
       why=_l("What the pupil likes and dislikes, in their words")),
    _e(Worry, "pupil staff", "pupil", "delete", "worry",
       fields="pupil_id kind words reasons sort_choice_id recording_id helper_id closed_by_id "
              "action_taken",
       reach="pupil_id",
       why=_l("What worries the pupil and what staff did, to keep them safe")),
    _e(Proposal, "pupil staff", "pupil", "delete", "pupil-file",
       fields="pupil_id words recording_id helper_id",
       reach="pupil_id",
       why=_l("The pupil's own 'I can…' targets")),
    _e(SelfRating, "pupil staff", "pupil", "delete", "pupil-file",
       fields="pupil_id level helper_id",
       reach="pupil_id",
       why=_l("How the pupil rates their own progress")),
    _e(Recording, "pupil", "pupil", "delete", "recording",
       fields="pupil_id data",
       reach="pupil_id",
       why=_l("The pupil's recorded voice, for children who cannot write")),
    # The plan
    _e(Plan, "pupil staff", "pupil parent", "delete", "pupil-file",
       fields="pupil_id involved pupil_views home_help extra_target_reason created_by_id "
              "updated_by_id",
       reach="pupil_id",
       why=_l("The pupil's education plan")),
    _e(Target, "pupil staff", "pupil parent", "delete", "pupil-file",
       fields="pupil_words smart_text child_text baseline success_criteria strategies "
              "home_text outcome_note next_step outcome_by_id source_proposal_id provider",
       reach="plan.pupil_id",
       why=_l("The plan's targets and outcomes")),
    _e(PlanVersion, "pupil staff", "pupil parent", "delete", "pupil-file",
       fields="snapshot saved_by_id",
       reach="plan.pupil_id",
       why=_l("Each version of the plan, so answers are tied to what was seen")),
    _e(Evidence, "pupil staff", "pupil", "delete", "pupil-file",
       fields="note measured out_of recorded_by_id",
       reach="target.plan.pupil_id",
       why=_l("What staff saw of the pupil's progress")),
    _e(PlanTranslation, "pupil staff", "pupil parent", "delete", "pupil-file",
       fields="text translated_by_id",
       reach="plan.pupil_id",
       why=_l("The plan in the family's language")),
    _e(GroupMember, "pupil staff", "pupil", "delete", "pupil-file",
       fields="pupil_id joined_by_id left_by_id",
       reach="pupil_id",
       why=_l("Which small groups the pupil works in, when they joined and left")),
    # The family's answers
    _e(ParentResponse, "parent pupil staff", "pupil parent", "delete", "pupil-file",
       fields="parent_id comment recorded_by_id",
       reach="plan.pupil_id parent_id",
       why=_l("What parents said about each target, tied to the version they saw")),
    _e(PlanDelivery, "parent staff", "pupil parent", "delete", "pupil-file",
       fields="parent_id sent_by_id",
       reach="plan.pupil_id parent_id",
       why=_l("When the plan was sent to each parent and opened")),
    # Reviews
    _e(ReviewMeeting, "pupil parent staff", "pupil parent", "delete", "pupil-file",
       fields="pupil_comment attendance started_by_id recorded_by_id",
       reach="plan.pupil_id",
       why=_l("The review meeting: who came and what the pupil said")),
    _e(ReviewView, "parent", "pupil parent", "delete", "pupil-file",
       fields="parent_id words",
       reach="plan.pupil_id parent_id",
       why=_l("What parents wrote before a review")),
    _e(ReviewDigest, "staff", "", "delete", "pupil-file",
       fields="user_id",
       reach="plan.pupil_id",
       why=_l("Which staff were told a review is due, so nobody is told twice")),
    # Signing in
    _e(PictureKey, "pupil staff", "", "delete", "account",
       fields="pupil_id salt digest set_by_id",
       reach="pupil_id",
       why=_l("The pupil's picture password (a secret: never exported)")),
    _e(PupilSignIn, "pupil staff", "pupil", "delete", "sign-in",
       fields="pupil_id helper_id",
       reach="pupil_id",
       why=_l("When and how the pupil signed in on a class tablet")),
    _e(LoginSession, "pupil parent staff", "pupil parent", "delete", "sign-in",
       fields="user_id pupil_id",
       reach="pupil_id user_id",
       why=_l("Who is signed in, so a copied or ended session stops working")),
    _e(AccountToken, "parent staff", "", "delete", "sign-in",
       fields="user_id created_by_id",
       reach="user_id",
       why=_l("Invitation and reset links (secrets: never exported)")),
    _e(RecoveryCode, "staff", "", "delete", "account",
       fields="user_id code_hash",
       reach="user_id",
       why=_l("Two-step recovery codes (secrets: never exported)")),
    _e(SignInThrottle, "parent staff", "", "delete", "sign-in",
       fields="key_hash account_key",
       reach="account_key",
       why=_l("Counts wrong passwords under a keyed hash, to stop guessing")),
    _e(Device, "staff", "", "detach", "account",
       fields="enrolled_by_id revoked_by_id",
       reach="enrolled_by_id",
       why=_l("Which adult set up a class tablet")),
    _e(TargetBankEntry, "staff", "", "detach", "account",
       fields="created_by_id smart_template child_template strategies home_template",
       reach="created_by_id",
       why=_l("The school's target ideas and who wrote them (written without pupils' names)")),
    _e(TargetBankTranslation, "staff", "", "detach", "account",
       fields="translated_by_id text made_from",
       reach="translated_by_id",
       why=_l("The target ideas in the school's other languages, and who wrote them")),
    _e(Provision, "staff", "", "detach", "account",
       fields="provider updated_by_id need_areas",
       reach="updated_by_id",
       why=_l("The school's provision catalogue: who delivers each provision (no pupils)")),
    _e(OutboxMessage, "pupil parent staff", "", "delete", "mail",
       fields="user_id pupil_id to_address subject body",
       reach="pupil_id user_id",
       why=_l("E-mails waiting to be sent, so none is lost or sent twice (not exported: "
              "you have the e-mail itself)")),
    _e(TeachingGroup, "staff", "", "detach", "account",
       fields="created_by_id",
       reach="created_by_id",
       why=_l("The school's small groups and who set them up (pupils are in group members)")),
    _e(GroupTarget, "staff", "", "detach", "account",
       fields="smart_text child_text baseline success_criteria strategies home_text provider "
              "updated_by_id",
       reach="updated_by_id",
       why=_l("A group's common targets, written once; each member's plan has its own copy")),
    # The record of what happened
    _e(AuditEvent, "pupil parent staff", "pupil parent", "scrub", "audit",
       fields="actor_user_id actor_pupil_id detail",
       reach="actor_pupil_id actor_user_id",
       why=_l("Who read or changed what, so the school can answer for it")),
)
# fmt: on

# Models that hold no personal data, and why (the registry test checks them too).
NOT_PERSONAL: dict[type, str] = {
    School: "the school's name and settings",
    ClassGroup: "class names and year groups",
    TopicCard: "the picture cards the school uses",
    WorryWord: "the school's list of words that flag a worry",
    GlossaryTerm: "the school's plain-language glossary",
}

BY_MODEL: dict[type, Entry] = {entry.model: entry for entry in REGISTRY}
