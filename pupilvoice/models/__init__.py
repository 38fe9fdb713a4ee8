"""The database models, one module per entity group."""

from .audit import AuditEvent
from .auth import AccountToken, LoginSession, RecoveryCode
from .device import Device, PictureKey, PupilSignIn
from .people import ClassGroup, ClassStaff, ParentLink, Pupil, User
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
    "LoginSession",
    "ParentLink",
    "PictureKey",
    "Proposal",
    "Pupil",
    "PupilSignIn",
    "RecoveryCode",
    "Recording",
    "School",
    "SelfRating",
    "Sort",
    "SortChoice",
    "TopicCard",
    "User",
    "Worry",
    "WorryWord",
]
