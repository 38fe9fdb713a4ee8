"""Sharing a plan with parents, the staff side and paper answers (issue 6, items 2, 5, 6):
e-mail in each parent's language through a real SMTP server, letters to print, sent /
opened / answered per parent, "talk" highlighted, answers from paper, and the daily
reminder that sends once."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from flask_babel import force_locale, gettext

from pupilvoice.models import AccountToken, ParentResponse, Plan, PlanDelivery
from pupilvoice.models.base import utcnow
from pupilvoice.services import plans
from tests.web.plan_helpers import make_plan, target_values


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def family(world, factory, db):
    """Sam's parents: Tom (English, e-mail, has an account), Agnieszka (Polish, e-mail, no
    account yet) and Imran (Urdu, letters, no account yet)."""
    agnieszka = factory.user(
        world.school, "parent", "Agnieszka Kowalska", locale="pl", email="aga@family.example"
    )
    imran = factory.user(
        world.school, "parent", "Imran Shah", locale="ur", email="imran@family.example"
    )
    for parent, language, method in ((agnieszka, "pl", "email"), (imran, "ur", "letter")):
        parent.password_hash = None
        link = factory.link(parent, world.pupil, language=language)
        link.contact_method = method
    db.session.commit()
    return {"tom": world.parent, "agnieszka": agnieszka, "imran": imran}


@pytest.fixture
def draft(world, db):
    plan = make_plan(world, targets=1)
    plans.add_target(world.teacher, plan, target_values(area="maths", smart_text="Count to 20."))
    db.session.commit()
    return plan


def share(client, plan):
    url = f"/staff/plans/{plan.id}"
    return client.form(f"{url}/share", page=url, follow_redirects=True)


def mail_to(mailbox, address):
    (message,) = mailbox.to(address)
    return message


# --- sharing ---------------------------------------------------------------------------------


def test_sharing_emails_each_parent_in_their_language(
    login, world, family, draft, db, mailbox, deliver
):
    page = text(share(login(world.teacher), draft))
    assert "The plan is on its way to" in page
    assert "1 family gets the plan by letter" in page
    assert mailbox.messages == []  # the page only queued them
    assert deliver() == {"sent": 2}
    tom = mail_to(mailbox, family["tom"].email)
    assert tom["Content-Language"] == "en"
    assert re.search(rf"http://school\.example/family/plans/{draft.id}\?lang=en", tom.get_content())
    assert "/auth/welcome/" not in tom.get_content()  # Tom has an account
    aga = mail_to(mailbox, family["agnieszka"].email)
    assert aga["Content-Language"] == "pl"
    body = aga.get_content()
    with force_locale("pl"):
        assert gettext("Hello %(name)s,") % {"name": "Agnieszka Kowalska"} in body
    assert re.search(r"http://school\.example/auth/welcome/\S+\?lang=pl", body)  # set up first
    assert f"/family/plans/{draft.id}?lang=pl" in body
    assert mailbox.to(family["imran"].email) == []  # letters are printed, not mailed
    methods = {d.parent_id: (d.method, d.sent_version) for d in db.session.query(PlanDelivery)}
    plan = db.session.get(Plan, draft.id)
    assert methods == {
        family["tom"].id: ("email", plan.version),
        family["agnieszka"].id: ("email", plan.version),
    }


def test_the_email_link_works_for_a_parent_without_an_account(
    app, login, world, family, draft, db, mailbox, deliver
):
    share(login(world.teacher), draft)
    deliver()
    body = mail_to(mailbox, family["agnieszka"].email).get_content()
    invite = re.search(r"http://school\.example(/auth/welcome/\S+)", body).group(1)
    parent = app.test_client()
    secret = "plum garden window nine"
    response = parent.form(invite, {"password": secret, "confirm": secret, "locale": "pl"})
    assert response.location == "/family/"
    plan_link = re.search(r"http://school\.example(/family/plans/\S+)", body).group(1)
    assert parent.get(plan_link).status_code == 200


def test_letters_for_families_who_prefer_paper(login, world, family, draft, db, mailbox):
    teacher = login(world.teacher)
    share(teacher, draft)
    url = f"/staff/plans/{draft.id}"
    assert "Print 1 letter" in text(teacher.get(url))
    response = teacher.form(f"/staff/families/plans/{draft.id}/letters", page=url)
    assert response.status_code == 200
    page = text(response)
    code = re.search(r'class="letter__code">([A-Z0-9-]+)<', page).group(1)
    assert re.search(r'<section class="letter__text" lang="ur" dir="rtl">', page)
    assert '<section class="letter__slip" lang="ur"' in page and "Count to 20." in page
    token = db.session.query(AccountToken).filter_by(user_id=family["imran"].id).one()
    assert token.method == "letter" and token.code_lookup == code.replace("-", "")[:4]
    delivery = db.session.query(PlanDelivery).filter_by(parent_id=family["imran"].id).one()
    assert delivery.method == "letter"
    again = teacher.form(f"/staff/families/plans/{draft.id}/letters", page=url)
    assert again.status_code == 302  # printed already: nothing to print twice


def test_staff_see_sent_opened_answered_and_talk_highlighted(login, world, family, draft, db):
    teacher = login(world.teacher)
    share(teacher, draft)
    url = f"/staff/plans/{draft.id}"
    page = text(teacher.get(url))
    assert "E-mailed" in page and "Not opened" in page and "No answer yet" in page
    tom = login(family["tom"])
    tom.get(f"/family/plans/{draft.id}")
    plan = db.session.get(Plan, draft.id)
    first, second = plan.active_targets
    data = {
        "version": str(plan.version),
        "round": "0",
        f"answer_{first.id}": "agree",
        f"answer_{second.id}": "talk",
        f"comment_{second.id}": "Counting is hard at home.",
        "home_help": "He counts the stairs.",
    }
    tom.form(f"/family/plans/{draft.id}", data)
    page = text(teacher.get(url))
    assert "Opened" in page and "Answered" in page
    assert "Would like to talk about 1 target" in page
    assert re.search(
        r"parent-answer--talk[^>]*>\s*<strong[^>]*>Tom Taylor:</strong> I\'d like to", page
    )
    assert "Counting is hard at home." in page and "He counts the stairs." in page


def test_changes_are_sent_to_parents_to_confirm_again(
    login, world, family, draft, db, mailbox, deliver
):
    teacher = login(world.teacher)
    share(teacher, draft)
    deliver()
    plan = db.session.get(Plan, draft.id)
    plans.edit_target(
        world.teacher, plan.active_targets[0], {"minutes_per_session": 30}, plan.version
    )
    db.session.commit()
    url = f"/staff/plans/{draft.id}"
    page = text(teacher.get(url))
    assert "Send them the changes" in page and "E-mail it to 2 parents" in page
    before = len(mailbox.messages)
    teacher.form(f"/staff/families/plans/{draft.id}/send", page=url)
    deliver()
    changed = mailbox.messages[before:]
    assert len(changed) == 2
    tom = [m for m in changed if m["To"] == family["tom"].email][0]
    assert tom["Subject"] == "Sam's plan has changed"


# --- paper, phone and meetings --------------------------------------------------------------


def test_staff_write_down_an_answer_given_on_paper(login, world, family, draft, db):
    teacher = login(world.teacher)
    share(teacher, draft)
    plan = db.session.get(Plan, draft.id)
    first, second = plan.active_targets
    url = f"/staff/families/plans/{plan.id}/parents/{family['imran'].id}/answer"
    assert teacher.get(url).status_code == 200
    data = {
        "version": str(plan.version),
        "method": "paper",
        f"answer_{first.id}": "agree",
        f"answer_{second.id}": "agree_add",
        f"comment_{second.id}": "We use a number line.",
    }
    missing = teacher.form(url, {k: v for k, v in data.items() if k != "method"})
    assert missing.status_code == 422 and "Choose how they gave their answer" in text(missing)
    assert teacher.form(url, data).status_code == 302
    saved = db.session.query(ParentResponse).filter_by(parent_id=family["imran"].id).all()
    assert {(r.kind, r.method, r.recorded_by_id) for r in saved} == {
        ("agree", "paper", world.teacher.id),
        ("agree_add", "paper", world.teacher.id),
    }
    assert "On paper" in text(teacher.get(f"/staff/plans/{plan.id}"))


def test_rel04_a_paper_answer_refused_as_stale_can_be_saved_again(login, world, family, draft, db):
    """The 409 page carries the plan's version as it is now, so saving it again works."""
    teacher = login(world.teacher)
    share(teacher, draft)
    plan = db.session.get(Plan, draft.id)
    first = plan.active_targets[0]
    # the words a parent reads change after the page was opened (issue 13: a change they
    # never read, like sharing itself, would not make the page stale)
    plans.edit_target(world.teacher, first, {"home_text": "Count the stairs."}, plan.version)
    db.session.commit()
    url = f"/staff/families/plans/{plan.id}/parents/{family['imran'].id}/answer"
    data = {"version": str(plan.version - 1), "method": "phone", f"answer_{first.id}": "agree"}
    stale = teacher.form(url, data)
    assert stale.status_code == 409
    carried = re.search(r'name="version" type="hidden" value="(\d+)"', text(stale)).group(1)
    assert carried == str(plan.version)
    assert teacher.form(url, data | {"version": carried}).status_code == 302
    saved = db.session.query(ParentResponse).filter_by(parent_id=family["imran"].id).all()
    assert [(r.kind, r.method) for r in saved] == [("agree", "phone")]


def test_paper_answers_count_toward_agreement(login, world, family, draft, db):
    teacher = login(world.teacher)
    share(teacher, draft)
    plan = db.session.get(Plan, draft.id)
    everything = {f"answer_{t.id}": "agree" for t in plan.active_targets}
    for parent in family.values():
        url = f"/staff/families/plans/{plan.id}/parents/{parent.id}/answer"
        teacher.form(url, {"version": str(plan.version), "method": "meeting"} | everything)
    assert db.session.get(Plan, draft.id).status == "agreed"


def test_sec02_paper_answers_only_for_this_plans_parents(login, world, family, draft, factory, db):
    share(login(world.teacher), draft)
    stranger = factory.user(world.school, "parent", "Olu Adeyemi")
    factory.link(stranger, world.other_pupil)
    db.session.commit()
    teacher = login(world.teacher)
    url = f"/staff/families/plans/{draft.id}/parents/{stranger.id}/answer"
    assert teacher.get(url).status_code == 404
    other = login(world.other_teacher)
    mine = f"/staff/families/plans/{draft.id}/parents/{family['tom'].id}/answer"
    assert other.get(mine).status_code == 404
    assert other.form(f"/staff/families/plans/{draft.id}/send", page="/staff/").status_code == 404
    assert db.session.query(ParentResponse).count() == 0


# --- the daily reminder ---------------------------------------------------------------------


def test_reminder_goes_once_to_parents_who_have_not_answered(
    app, login, world, family, draft, db, mailbox, deliver
):
    share(login(world.teacher), draft)
    deliver()
    db.session.query(PlanDelivery).update({"sent_at": utcnow() - timedelta(days=8)})
    db.session.commit()
    # Tom has answered everything; Agnieszka has not; Imran gets letters
    plan = db.session.get(Plan, draft.id)
    tom = login(family["tom"])
    everything = {f"answer_{t.id}": "talk" for t in plan.active_targets}
    tom.form(f"/family/plans/{plan.id}", {"version": str(plan.version), "round": "0"} | everything)
    before = len(mailbox.messages)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["remind-parents"])
    assert result.exit_code == 0 and "Reminders queued: 1." in result.output
    deliver()
    reminders = mailbox.messages[before:]
    assert [m["To"] for m in reminders] == [family["agnieszka"].email]
    assert reminders[0]["Content-Language"] == "pl"
    assert re.search(r"/auth/welcome/\S+\?lang=pl", reminders[0].get_content())  # fresh invite
    again = runner.invoke(args=["remind-parents"])
    assert "Reminders queued: 0." in again.output and deliver() == {}
    assert len(mailbox.messages) == before + 1
    delivery = db.session.query(PlanDelivery).filter_by(parent_id=family["agnieszka"].id).one()
    assert delivery.reminded_at is not None


def test_no_reminder_before_seven_days(app, login, world, family, draft, db, mailbox):
    share(login(world.teacher), draft)
    db.session.query(PlanDelivery).update({"sent_at": utcnow() - timedelta(days=6)})
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["remind-parents"])
    assert "Reminders queued: 0." in result.output


def test_the_dashboard_says_when_a_parent_would_like_to_talk(login, world, family, draft, db):
    teacher = login(world.teacher)
    share(teacher, draft)
    assert "A parent would like to talk" not in text(teacher.get("/staff/"))
    plan = db.session.get(Plan, draft.id)
    first = plan.active_targets[0]
    data = {"version": str(plan.version), "round": "0", f"answer_{first.id}": "talk"}
    login(family["tom"]).form(f"/family/plans/{plan.id}", data)
    page = text(teacher.get("/staff/"))
    assert "A parent would like to talk" in page
    assert f'href="/staff/plans/{plan.id}#family-title"' in page


def test_what_helps_at_home_goes_into_the_plan(login, world, family, draft, db):
    teacher = login(world.teacher)
    share(teacher, draft)
    plan = db.session.get(Plan, draft.id)
    data = {"version": str(plan.version), "round": "0", "home_help": "He reads best after tea."}
    login(family["tom"]).form(f"/family/plans/{plan.id}", data)
    note = db.session.query(ParentResponse).filter_by(kind="home_help").one()
    url = f"/staff/plans/{plan.id}"
    assert "Add it to the plan" in text(teacher.get(url))
    version = plan.version
    for _ in range(2):  # a second click adds nothing twice (REL-04)
        teacher.form(f"/staff/families/plans/{plan.id}/notes/{note.id}/to-plan", page=url)
    plan = db.session.get(Plan, draft.id)
    assert plan.home_help == "He reads best after tea." and plan.version == version + 1
    assert plan.status == "shared"  # parents do not confirm their own words again
    assert "Add it to the plan" not in text(teacher.get(url))
    other = f"/staff/families/plans/{plan.id}/notes/{note.id + 99}/to-plan"
    assert teacher.form(other, page=url).status_code == 404


def test_plan_page_queries_do_not_grow_with_parents(login, world, factory, draft, db, queries):
    teacher = login(world.teacher)
    share(teacher, draft)
    url = f"/staff/plans/{draft.id}"
    with queries() as one_parent:
        teacher.get(url)
    for name in ("Ann", "Ben", "Cat"):
        parent = factory.user(world.school, "parent", f"{name} Taylor", email=f"{name}@x.example")
        factory.link(parent, world.pupil)
    db.session.commit()
    share(teacher, draft)  # a second click: nothing changes (REL-04)
    with queries() as four_parents:
        page = text(teacher.get(url))
    assert all(f"{name} Taylor" in page for name in ("Ann", "Ben", "Cat"))
    assert len(four_parents) <= len(one_parent)
