"""Plain, translated words for the audit log (REL-06): one label for each action code the
app writes, and for each kind of record an event is about. The log's filters offer exactly
these (a test checks that every code the app writes has a label here)."""

from .i18n import lazy_gettext as _l

ACTION_LABELS = {
    # signing in and accounts
    "sign_in": _l("Signed in"),
    "sign_out": _l("Signed out"),
    "assisted_sign_in": _l("Signed a pupil in on the tablet"),
    "sign_in_paused": _l("Signing in paused after wrong tries"),
    "sign_in_unlocked": _l("Let them sign in again"),
    "password_set": _l("Password set"),
    "two_step_on": _l("Two-step sign-in turned on"),
    "two_step_off": _l("Two-step sign-in turned off"),
    "invited": _l("Invited"),
    "invitation_revoked": _l("Invitation stopped"),
    "invitation_locked": _l("Invitation letter blocked after wrong codes"),
    "role_changed": _l("Role changed"),
    # records the school keeps
    "created": _l("Added"),
    "updated": _l("Changed"),
    "archived": _l("Archived"),
    "restored": _l("Restored"),
    "retired": _l("Taken out of use"),
    "linked": _l("Parent linked to a pupil"),
    "unlinked": _l("Parent no longer linked"),
    "imported": _l("Pupils imported from a file"),
    "exported": _l("Pupils exported to a file"),
    "glossary_changed": _l("Plain-words glossary changed"),
    "register_changed": _l("SEN register changed"),
    "provision_added": _l("Provision added to the catalogue"),
    "provision_edited": _l("Provision changed (plans using it updated)"),
    "provision_map_exported": _l("Provision map exported to a file"),
    "register_exported": _l("SEN register exported to a file"),
    "bank_translated": _l("Target bank translation saved"),
    # privacy rights
    "subject_access_exported": _l("Everything about a pupil downloaded"),
    "own_data_downloaded": _l("Parent downloaded their own data"),
    "erased": _l("Erased, with everything linked"),
    "retention_changed": _l("How long records are kept changed"),
    "retention_applied": _l("Old records removed (retention)"),
    "transferred_out": _l("Transfer file made for a new school"),
    "transferred_in": _l("Pupil added from another school"),
    # plans
    "viewed": _l("Read the plan"),
    "viewed_versions": _l("Read the plan's versions"),
    "viewed_review": _l("Opened the review screen"),
    "opened_for_editing": _l("Opened the plan to change it"),
    "opened_for_paper_answer": _l("Opened a paper answer to write down"),
    "opened_for_translating": _l("Opened the plan to translate it"),
    "opened_review_invitation": _l("Opened the review invitation"),
    "copy_downloaded": _l("Downloaded a copy of the plan"),
    "edited": _l("Plan details changed"),
    "shared": _l("Plan shared with parents"),
    "target_added": _l("Target added"),
    "target_edited": _l("Target changed"),
    "target_archived": _l("Target taken off the plan"),
    "evidence_added": _l("Evidence added"),
    "group_created": _l("Small group set up"),
    "group_joined": _l("Pupil joined a small group"),
    "group_left": _l("Pupil left a small group"),
    "group_target_added": _l("Common target added to a small group"),
    "group_target_edited": _l("Common target of a small group changed"),
    "group_target_archived": _l("Common target of a small group stopped"),
    "translation_saved": _l("Translation saved"),
    "plan_shared_mailed": _l("Plan e-mailed to a parent"),
    "plan_changed_mailed": _l("Changed plan e-mailed to a parent"),
    "plan_reminder_mailed": _l("Reminder e-mailed to a parent"),
    "plan_letter_printed": _l("Plan letter printed for a parent"),
    "plan_letter_reprinted": _l("Plan letter printed again for a parent"),
    "parent_added_to_plan": _l("Plan given to a parent linked later"),
    "parent_viewed": _l("Parent read the plan"),
    "parent_answered": _l("Parent answered"),
    "agreed_by_parents": _l("Plan agreed by the parents"),
    # reviews
    "review_started": _l("Review started"),
    "review_meeting_set": _l("Review meeting arranged"),
    "review_invitation_mailed": _l("Review invitation e-mailed to a parent"),
    "review_letter_printed": _l("Review invitation printed for a parent"),
    "home_view_sent": _l("Parent said how it went at home"),
    "outcome_recorded": _l("Outcome recorded"),
    "review_meeting_recorded": _l("Who came to the review written down"),
    "review_closed": _l("Review closed"),
    "targets_carried_forward": _l("Next plan started from the review"),
    # the pupil's voice and the class tablet
    "start_sort": _l("Pupil started About me"),
    "sort_card": _l("Pupil sorted a card"),
    "tell_more": _l("Pupil said more about a card"),
    "propose_target": _l('Pupil suggested an "I can…" target'),
    "self_rating": _l("Pupil chose a face"),
    "raise_worry": _l("Pupil said something worries them"),
    "close_worry": _l("Worry closed with what was done"),
    "view_voice": _l("Read the pupil's views"),
    "listen_recording": _l("Listened to a recording"),
    "helper_on": _l("An adult started helping the pupil"),
    "helper_off": _l("The adult stopped helping the pupil"),
    "set_pictures": _l("Picture password set"),
    "pictures_cooldown": _l("Picture sign-in resting after wrong tries"),
    "unlock_pictures": _l("Picture sign-in rest ended"),
    "enrol_tablet": _l("Class tablet set up"),
    "revoke_tablet": _l("Class tablet stopped"),
    "save_card": _l("About me card saved"),
    "retire_card": _l("About me card taken out of use"),
    "restore_card": _l("About me card back in use"),
    "move_card": _l("About me card moved"),
    "set_worry_words": _l("Worry words changed"),
}

# What an event is about (the model's class name as the log stores it).
KIND_LABELS = {
    "Plan": _l("Plan"),
    "Pupil": _l("Pupil"),
    "User": _l("Staff or parent"),
    "ParentLink": _l("Parent and child link"),
    "ClassGroup": _l("Class"),
    "School": _l("School"),
    "Device": _l("Class tablet"),
    "TargetBankEntry": _l("Target bank"),
    "TeachingGroup": _l("Small group"),
    "TopicCard": _l("About me card"),
    "Sort": _l("About me"),
    "SortChoice": _l("About me card choice"),
    "Proposal": _l('"I can…" target'),
    "SelfRating": _l("Face chosen"),
    "Worry": _l("Worry"),
    "Recording": _l("Recording"),
    "SignInThrottle": _l("Sign-in wait"),
}
# The words for the details events keep most often; others show as the log keeps them.
DETAIL_LABELS = {
    "version": _l("Version"),
    "fields": _l("Fields"),
    "language": _l("Language"),
    "copy": _l("Copy"),
    "target": _l("Target number"),
    "minutes": _l("Minutes"),
    "rows": _l("Rows"),
    "method": _l("How"),
}
# Events written before the fix recorded ``current_user``'s proxy: read them as the actor.
PROXY = "LocalProxy"


def action_label(code: str) -> str:
    """The plain words for a code; an unknown code (an older release's) shows as it is."""
    return str(ACTION_LABELS.get(code, code))


def detail_label(key: str) -> str:
    return str(DETAIL_LABELS.get(key, key))


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))
