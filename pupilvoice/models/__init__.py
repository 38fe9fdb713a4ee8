"""The database models, one module per entity group."""

from .audit import AuditEvent
from .auth import AccountToken, LoginSession, RecoveryCode
from .people import ClassGroup, ClassStaff, ParentLink, Pupil, User
from .plan import Evidence, GlossaryTerm, Plan, PlanVersion, Target, TargetBankEntry
from .school import School

__all__ = [
    "AccountToken",
    "AuditEvent",
    "ClassGroup",
    "ClassStaff",
    "Evidence",
    "GlossaryTerm",
    "LoginSession",
    "ParentLink",
    "Plan",
    "PlanVersion",
    "Pupil",
    "RecoveryCode",
    "School",
    "Target",
    "TargetBankEntry",
    "User",
]
