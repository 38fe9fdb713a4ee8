"""The database models, one module per entity group."""

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
from .voice import (
    Proposal,
    Recording,
    SelfRating,
    Sort,
    SortChoice,
    TopicCard,
    Worry,
    WorryWord,
)

__all__ = [
    "AccountToken",
    "AuditEvent",
    "ClassGroup",
    "ClassStaff",
    "Device",
    "Evidence",
    "GlossaryTerm",
    "GroupMember",
    "GroupTarget",
    "LoginSession",
    "OutboxMessage",
    "ParentLink",
    "ParentResponse",
    "PictureKey",
    "Plan",
    "PlanDelivery",
    "PlanTranslation",
    "PlanVersion",
    "Proposal",
    "Provision",
    "Pupil",
    "PupilSignIn",
    "RecoveryCode",
    "Recording",
    "RegisterChange",
    "ReviewDigest",
    "ReviewMeeting",
    "ReviewView",
    "School",
    "SignInThrottle",
    "SelfRating",
    "Sort",
    "SortChoice",
    "Target",
    "TargetBankEntry",
    "TargetBankTranslation",
    "TeachingGroup",
    "TopicCard",
    "User",
    "Worry",
    "WorryWord",
]
