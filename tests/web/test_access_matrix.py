"""SEC-01: every route, for every role, against an explicit table of who may use it.

A new route without an entry in ACCESS fails test_every_route_is_in_the_table.
"""

from __future__ import annotations

import pytest

from pupilvoice.extensions import limiter
from pupilvoice.services import picture_keys
from tests.conftest import PICTURES, enrol_tablet, on_tablet, sign_in, tap_pictures

ANYONE = "anyone"
STAFF = {"ta", "teacher", "senco", "other_senco"}
SENCO = {"senco", "other_senco"}
SIGNED_IN = STAFF | {"parent"}
WRITERS = {"teacher", "senco", "other_senco"}  # teachers and SENCOs write plans
INVITERS = WRITERS  # ... and invite families
PUPIL = {"pupil"}

# endpoint -> roles that may use it (ANYONE: also the anonymous visitor)
ACCESS: dict[str, set[str] | str] = {
    "web.index": ANYONE,
    "web.healthz": ANYONE,
    "web.about": ANYONE,
    "web.privacy": ANYONE,
    "auth.login": ANYONE,
    "auth.second_factor": ANYONE,
    "auth.reset_request": ANYONE,
    "auth.reset": ANYONE,
    "auth.accept_invite": ANYONE,
    "join.enter_code": ANYONE,
    "join.set_up": ANYONE,
    "auth.logout": SIGNED_IN | PUPIL,
    "auth.keepalive": SIGNED_IN | PUPIL,
    "auth.timed_out": SIGNED_IN | PUPIL,
    "auth.account": SIGNED_IN,
    "auth.two_step_setup": SIGNED_IN,
    "auth.two_step_off": SIGNED_IN,
    "staff.home": STAFF,
    "families.index": INVITERS,
    "families.invite_email": INVITERS,
    "families.invite_letter": INVITERS,
    "families.revoke": INVITERS,
    "families.plan_send": INVITERS,
    "families.plan_letters": INVITERS,
    "families.plan_letter_again": INVITERS,
    "families.paper_answer": INVITERS,
    "families.home_help_to_plan": INVITERS,
    "families.translate": INVITERS,
    "staff.check": WRITERS,
    "staff.plan_new": WRITERS,
    "staff.plan": STAFF,
    "staff.plan_edit": WRITERS,
    "staff.plan_share": WRITERS,
    "staff.plan_versions": STAFF,
    "staff.plan_copy": STAFF,
    "staff.target_new": WRITERS,
    "staff.target_edit": WRITERS,
    "staff.target_archive": WRITERS,
    "staff.evidence_add": STAFF,
    "staff.review_start": WRITERS,
    "staff.review": STAFF,
    "staff.review_outcome": WRITERS,
    "staff.review_meeting": WRITERS,
    "staff.review_close": WRITERS,
    "staff.review_invite": WRITERS,
    "staff.target_to_bank": SENCO,
    "staff.bank": WRITERS,
    "staff.bank_new": SENCO,
    "staff.bank_edit": SENCO,
    "staff.bank_retire": SENCO,
    "staff.bank_translate": SENCO,
    "staff.glossary_edit": SENCO,
    "staff.provision_list": SENCO,
    "staff.provision_new": SENCO,
    "staff.provision_edit": SENCO,
    "staff.provision_map_page": SENCO,
    "staff.provision_map_csv": SENCO,
    # Group Education Plans: every member of staff sees the groups of their pupils; class
    # teachers and the SENCO set them up (tests/web/test_groups.py: whose groups)
    "staff.group_list": STAFF,
    "staff.group": STAFF,
    "staff.group_new": WRITERS,
    "staff.group_member_add": WRITERS,
    "staff.group_member_leave": WRITERS,
    "staff.group_target_new": WRITERS,
    "staff.group_target_edit": WRITERS,
    "staff.group_target_archive": WRITERS,
    "parent.home": {"parent"},
    "parent.plan": {"parent"},
    "parent.answer": {"parent"},
    "parent.plan_copy": {"parent"},
    "parent.home_view": {"parent"},
    "parent.my_data": {"parent"},
    "admin.class_archive": SENCO,
    "admin.class_edit": SENCO,
    "admin.class_new": SENCO,
    "admin.class_restore": SENCO,
    "admin.classes": SENCO,
    "admin.link_add": SENCO,
    "admin.link_remove": SENCO,
    "admin.parent_archive": SENCO,
    "admin.parent_edit": SENCO,
    "admin.parent_new": SENCO,
    "admin.parent_restore": SENCO,
    "admin.parent_unlock": SENCO,
    "admin.parents": SENCO,
    "admin.pupil_archive": SENCO,
    "admin.pupil_erase": SENCO,
    "admin.records": SENCO,
    "admin.mail": SENCO,
    "admin.processing": SENCO,
    "admin.pupil_export": SENCO,
    "admin.pupil_transfer": SENCO,
    "admin.transfer_import": SENCO,
    "admin.parent_erase": SENCO,
    "admin.pupil_edit": SENCO,
    "admin.pupil_new": SENCO,
    "admin.pupil_restore": SENCO,
    "admin.pupils": SENCO,
    "admin.register": SENCO,
    "admin.register_export": SENCO,
    "admin.roster": SENCO,
    "admin.roster_answer": SENCO,
    "admin.roster_export": SENCO,
    "admin.roster_import": SENCO,
    "admin.roster_preview": SENCO,
    "admin.roster_template": SENCO,
    "admin.staff": SENCO,
    "admin.staff_archive": SENCO,
    "admin.staff_edit": SENCO,
    "admin.staff_invite": SENCO,
    "admin.staff_resend": SENCO,
    "admin.staff_restore": SENCO,
    "admin.staff_unlock": SENCO,
    "admin.home": SENCO,
    "audit.index": SENCO,
    "admin.topic_cards": {"senco", "other_senco"},
    "admin.topic_card_new": {"senco", "other_senco"},
    "admin.topic_card_edit": {"senco", "other_senco"},
    "admin.topic_card_retire": {"senco", "other_senco"},
    "admin.topic_card_move": {"senco", "other_senco"},
    "admin.worry_word_list": {"senco", "other_senco"},
    # the class tablet before sign-in: it shows nothing unless the device is enrolled
    "tablet.class_list": ANYONE,
    "tablet.pictures_sign_in": ANYONE,
    "tablet.assist": ANYONE,
    # read-aloud audio: an enrolled class tablet (or its pupil) only, checked in the view
    # like the class list (404 for anyone else; test_read_aloud.py)
    "speech.audio": ANYONE,
    "speech.make": ANYONE,
    "tablet.privacy": ANYONE,  # the pupils' own privacy page (the adults' page elsewhere)
    # the pupil's own pages
    "pupil.home": PUPIL,
    "pupil.finish": PUPIL,
    "pupil.helper": PUPIL,
    "pupil.helper_stop": PUPIL,
    "pupil.about_start": PUPIL,
    "pupil.about_next": PUPIL,
    "pupil.card": PUPIL,
    "pupil.thanks": PUPIL,
    "pupil.tell_more": PUPIL,
    "pupil.about_done": PUPIL,
    "pupil.worry": PUPIL,
    "pupil.worry_tell": PUPIL,
    "pupil.worry_sent": PUPIL,
    "pupil.targets": PUPIL,
    "pupil.target_area": PUPIL,
    "pupil.target_starter": PUPIL,
    "pupil.target_words": PUPIL,
    "pupil.target": PUPIL,
    "pupil.rate": PUPIL,
    # staff: class tablets and a pupil's page
    "staff.tablets": STAFF,
    "staff.enrol_tablet": STAFF,
    "staff.revoke_tablet": STAFF,
    "staff.pupil": STAFF,
    "staff.pupil_pictures": STAFF,
    "staff.unlock_pictures": STAFF,
    "staff.close_worry": STAFF,
    "staff.recording": STAFF,
}
ROLES = ["anonymous", "pupil", "parent", "ta", "teacher", "senco", "other_senco"]


def _rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]


def test_every_route_is_in_the_table(app):
    missing = sorted({rule.endpoint for rule in _rules(app)} - set(ACCESS))
    assert not missing, f"add these endpoints to ACCESS (SEC-01): {missing}"


@pytest.fixture
def no_rate_limits():
    """The matrix signs in once per route and role from one address; rate limits are
    tested on their own (test_auth, test_tablet)."""
    limiter.enabled = False
    yield
    limiter.enabled = True


@pytest.fixture
def people(world, factory, db, no_rate_limits):
    other_school = factory.school("Hilltop Primary")
    other_senco = factory.user(other_school, "senco", "Mr Hill")
    db.session.commit()
    picture_keys.set_pictures(world.pupil, PICTURES, world.teacher)
    db.session.commit()
    return {
        "tablet": enrol_tablet(world.own_class, world.teacher),
        "pupil": world.pupil,
        "parent": world.parent,
        "ta": world.ta,
        "teacher": world.teacher,
        "senco": world.senco,
        "other_senco": other_senco,
    }


def _client_for(app, role, people):
    client = app.test_client()
    if role == "pupil":
        on_tablet(client, people["tablet"])
        assert tap_pictures(client, people["pupil"]).status_code == 303
    elif role != "anonymous":
        assert sign_in(client, people[role]).status_code == 302
    return client


def _url(rule, world) -> str:
    values = {}
    for name in rule.arguments:
        values[name] = {
            "token": "not-a-real-token",
            "kind": "sad",
            "area": "reading",
            "starter": "better",
            "copy": "staff",
        }.get(name, 1)
    return rule.build(values)[1]


@pytest.mark.parametrize("role", ROLES)
def test_sec01_route_access_by_role(app, people, world, role):
    failures = []
    for rule in _rules(app):
        client = _client_for(app, role, people)
        url = _url(rule, world)
        if "GET" in rule.methods:
            response = client.get(url)
        else:
            token_page = {"anonymous": "/auth/login", "pupil": "/pupil/"}.get(role, "/auth/account")
            response = client.post(url, data={"csrf_token": client.csrf_token(token_page)})
        allowed = ACCESS[rule.endpoint] == ANYONE or role in ACCESS[rule.endpoint]
        login_redirect = response.status_code == 302 and (
            response.location.startswith("/auth/login?next=")
            # a pupil page sends anyone not signed in back to the tablet's class list
            # (and "I've finished" sends the pupil there too: that is not a refusal)
            or (
                role == "anonymous"
                and rule.endpoint.startswith("pupil.")
                and response.location == "/tablet/"
            )
        )
        refused = response.status_code in (401, 403) or login_redirect
        public = ACCESS[rule.endpoint] == ANYONE  # may send a visitor on to sign in
        if allowed and refused and not public:
            failures.append(f"{role} refused at {rule.endpoint}: {response.status_code}")
        if not allowed and not refused:
            failures.append(f"{role} let into {rule.endpoint}: {response.status_code}")
        if (
            not allowed
            and role == "anonymous"
            and not (login_redirect or response.status_code == 401)
        ):
            failures.append(f"anonymous not sent to sign in at {rule.endpoint}")
        if not allowed and role != "anonymous" and response.status_code != 403:
            failures.append(f"{role} at {rule.endpoint}: {response.status_code}, expected 403")
    assert not failures, "\n".join(failures)


def test_sec01_route_without_audience_is_refused(app, client):
    @app.get("/no-audience-declared")
    def undeclared():
        return "should never be served"

    assert client.get("/no-audience-declared").status_code == 404
