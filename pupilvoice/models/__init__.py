"""The database models, one module per entity group."""

from .audit import AuditEvent
from .auth import AccountToken, LoginSession, RecoveryCode
from .people import ClassGroup, ClassStaff, ParentLink, Pupil, User
from .school import School

__all__ = [
    "AccountToken",
    "AuditEvent",
    "ClassGroup",
    "ClassStaff",
    "LoginSession",
    "ParentLink",
    "Pupil",
    "RecoveryCode",
    "School",
    "User",
]
