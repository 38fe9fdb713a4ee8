"""What each kind of personal data is called on the SENCO's pages (erasure, export): one
plain, translated name a registered model (PRI-02)."""

from __future__ import annotations

from .i18n import lazy_gettext as _l
from .models.privacy import PARENT, PUPIL, REGISTRY, RETENTION, STAFF

KIND_LABELS = {
    "Pupil": _l("The pupil's details"),
    "User": _l("The account"),
    "ParentLink": _l("Links between parent and child"),
    "ClassStaff": _l("Classes taught"),
    "RegisterChange": _l("Changes to the SEN register"),
    "Sort": _l("Card sorts"),
    "SortChoice": _l("Cards and the pupil's words about them"),
    "Worry": _l("Worries"),
    "Proposal": _l("“I can…” ideas"),
    "SelfRating": _l("Faces (how the pupil rated themselves)"),
    "Recording": _l("Recordings"),
    "Plan": _l("Plans"),
    "Target": _l("Targets"),
    "PlanVersion": _l("Plan versions"),
    "Evidence": _l("Evidence notes"),
    "PlanTranslation": _l("Translations of plans"),
    "ParentResponse": _l("Parents' answers"),
    "PlanDelivery": _l("Plans sent to parents"),
    "ReviewMeeting": _l("Review meetings"),
    "ReviewView": _l("Parents' views before a review"),
    "ReviewDigest": _l("Reminders to staff about reviews"),
    "PictureKey": _l("Picture password"),
    "PupilSignIn": _l("Sign-ins on a class tablet"),
    "LoginSession": _l("Sign-in sessions"),
    "AccountToken": _l("Invitation and reset links"),
    "OutboxMessage": _l("E-mails sent or waiting to be sent"),
    "RecoveryCode": _l("Recovery codes"),
    "SignInThrottle": _l("Counts of wrong passwords"),
    "Device": _l("Class tablets set up"),
    "TargetBankEntry": _l("Ideas in the target bank"),
    "Provision": _l("The provision catalogue"),
    "TeachingGroup": _l("Small groups"),
    "GroupMember": _l("Who is in each small group"),
    "GroupTarget": _l("Small groups' common targets"),
    "TargetBankTranslation": _l("Translations of the target bank"),
    "AuditEvent": _l("Lines in the audit log (kept, without details)"),
}


def described(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(label, count) for each kind with rows, in the registry's order."""
    return [(str(KIND_LABELS[kind]), number) for kind, number in counts.items()]


def _field(name: str) -> str:
    return name.removesuffix("_id").replace("_", " ").capitalize()


def readable(data: dict) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """An export's tables as (kind's name, rows of (field, value)) for the report: people
    by name rather than number, empty values left out."""
    people = {int(k): v for k, v in data["people"].items()}
    sections = []
    for kind, rows in data["tables"].items():
        shown = [
            [
                (_field(k), people.get(v, v) if k.endswith("_by_id") or k in _PEOPLE else v)
                for k, v in row.items()
                if v not in (None, "", [], {})
            ]
            for row in rows
        ]
        sections.append((str(KIND_LABELS[kind]), shown))
    return sections


_PEOPLE = {"helper_id", "parent_id", "user_id", "actor_user_id"}


def family_notice() -> list[tuple[str, str, str]]:
    """(what, why, how long) for each kind of data about a pupil or a parent, from the
    registry, so the privacy notice stays true as the app grows (PRI-02)."""
    return [
        (str(KIND_LABELS[entry.model.__name__]), str(entry.why), str(RETENTION[entry.keep]))
        for entry in REGISTRY
        if {PUPIL, PARENT} & set(entry.about)
    ]


WHOSE = {PUPIL: _l("Pupils"), PARENT: _l("Parents and carers"), STAFF: _l("Staff")}
EXPORTED_IN = {PUPIL: _l("The SENCO's export of a pupil"), PARENT: _l("A parent's own download")}
ERASED = {
    "delete": _l("Removed with the person"),
    "detach": _l("Kept; the link to the person is removed"),
    "scrub": _l("Kept without the person or any details"),
}


def processing_record() -> list[dict[str, str]]:
    """The record of processing for the school's data protection officer: every kind of
    personal data in the registry, with its columns and rules."""
    return [
        {
            "what": str(KIND_LABELS[entry.model.__name__]),
            "whose": ", ".join(str(WHOSE[who]) for who in entry.about),
            "fields": ", ".join(entry.fields),
            "why": str(entry.why),
            "exported": ", ".join(str(EXPORTED_IN[a]) for a in entry.export) or "—",
            "erased": str(ERASED[entry.erase]),
            "kept": str(RETENTION[entry.keep]),
        }
        for entry in REGISTRY
    ]
