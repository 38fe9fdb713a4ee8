"""REL-05, A11Y-03: a refused form never looks like a saved one (issue 13, item 13).

The page comes back with 422 (400 when a field nobody can type in was refused), an error
summary first in the page ("There is a problem") with one link per refused field, and each
field marked ``aria-invalid`` with its own message beside it (``aria-describedby``). The
walk at the end posts every staff, admin, auth and parent form with its boxes emptied and
checks the same on every page that refuses it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from pupilvoice.extensions import limiter
from pupilvoice.models import Target, User
from pupilvoice.services import demo
from tests.web.plan_helpers import make_plan, target_data
from tests.web.test_fuzz import client_for, crawl


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


class Summary(HTMLParser):
    """What a browser would find: the first thing in <main>, the summary's links, and every
    element with an id (tag and attributes)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.first_in_main: dict | None = None
        self.links: list[str] = []
        self.ids: dict[str, tuple[str, dict]] = {}
        self.title = ""
        self._in_main = self._in_summary = self._in_title = False
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids[a["id"]] = (tag, a)
        if tag == "title":
            self._in_title = True
        if tag == "main":
            self._in_main = True
        elif self._in_main and self.first_in_main is None:
            self.first_in_main = a
        if "data-error-summary" in a:
            self._in_summary = True
        if self._in_summary and tag == "a":
            self.links.append(a.get("href", ""))
        if self._in_summary and tag == "div":
            self._depth += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self._in_summary and tag == "div":
            self._depth -= 1
            self._in_summary = self._depth > 0

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def summary_of(response) -> Summary:
    found = Summary()
    found.feed(response.get_data(as_text=True))
    return found


def assert_summary(response, *messages: str, status: int = 422) -> Summary:
    """The summary is first in <main>, says "There is a problem", links each refused field
    (an input, select or textarea on the page, marked invalid and described by its error)."""
    assert response.status_code == status, response.status_code
    page = text(response)
    found = summary_of(response)
    assert found.first_in_main is not None and "data-error-summary" in found.first_in_main
    assert found.first_in_main.get("tabindex") == "-1"
    assert 'role="alert"' in page and 'id="error-summary-title"' in page
    if 'lang="en"' in page[:200]:
        assert "There is a problem" in page and found.title.startswith("Error:")
    for message in messages:
        assert re.search(
            rf"<a href=\"#[^\"]+\">{re.escape(html.escape(message))}</a>",
            response.get_data(as_text=True),
        ), message
    for link in found.links:
        assert link.startswith("#"), link
        tag, attrs = found.ids[link[1:]]  # the field is on the page
        assert tag in {"input", "select", "textarea"}, (link, tag)
        assert attrs.get("aria-invalid") == "true", link
        described = attrs.get("aria-describedby", "").split()
        assert any(ref in found.ids and ref.endswith("error") for ref in described), link
    return found


@pytest.fixture
def plan(world, db):
    return make_plan(world, targets=1)


def test_rel05_a_refused_staff_invitation_is_422_with_a_summary(login, world, db):
    data = {"name": "", "email": "not an address", "role": "teacher"}
    response = login(world.senco).form("/school/staff/invite", data)
    found = assert_summary(response)
    assert found.links[:2] == ["#name", "#email"]  # in the order of the form
    assert db.session.query(User).filter_by(email="not an address").count() == 0


def test_rel05_a_target_with_a_bad_cost_is_422_and_keeps_what_was_typed(login, world, plan, db):
    target = plan.active_targets[0]
    data = target_data(target, cost_per_session_pence="nan", baseline="Changed baseline.")
    response = login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    assert_summary(response, "Write an amount in pounds, like 6.50.")
    assert "Changed baseline." in text(response)
    assert db.session.get(Target, target.id).baseline != "Changed baseline."


def test_rel05_evidence_refused_under_the_last_target_is_summarised_at_the_top(login, world, plan):
    """The evidence form sits under its target, far below the fold: the summary is at the
    top of the plan page and links down to the box."""
    target = plan.active_targets[0]
    url = f"/staff/plans/{plan.id}/targets/{target.id}/evidence"
    response = login(world.teacher).form(
        url, {"note": "", "measured": "5", "out_of": "2"}, page=f"/staff/plans/{plan.id}"
    )
    found = assert_summary(response)
    assert found.links


def test_rel05_a_huge_hidden_version_is_a_bad_request(login, world, plan, db):
    """Nobody can type in the hidden version: a request with a broken one did not come from
    the page as it was, so 400 (with the page and its summary, unlinked)."""
    target = plan.active_targets[0]
    data = target_data(target, version="99999999999999999999", baseline="Changed baseline.")
    response = login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    assert response.status_code == 400
    assert "There is a problem" in text(response)
    assert db.session.get(Target, target.id).baseline != "Changed baseline."


def test_rel05_a_choice_the_page_never_offered_is_a_bad_request(login, world, db):
    data = {"name": "Ms Lee", "email": "lee@school.example", "role": "headteacher"}
    response = login(world.senco).form("/school/staff/invite", data)
    assert response.status_code == 400
    assert "There is a problem" in text(response)
    assert db.session.query(User).filter_by(email="lee@school.example").count() == 0


def test_rel05_a_saved_form_has_no_summary(login, world, plan):
    target = plan.active_targets[0]
    teacher = login(world.teacher)
    saved = teacher.form(f"/staff/plans/{plan.id}/targets/{target.id}", target_data(target))
    assert saved.status_code == 302
    page = teacher.get(saved.location)
    assert page.status_code == 200 and "There is a problem" not in text(page)


def test_rel05_the_summary_is_in_the_page_language(login, world, db):
    world.senco.locale = "cy"
    db.session.commit()
    response = login(world.senco).form("/school/staff/invite", {"name": "", "email": "x"})
    assert response.status_code == 422
    assert "There is a problem" not in text(response) and "data-error-summary" in text(response)


# --- every form: the walk -------------------------------------------------------------------

ROLES = ["senco", "teacher", "parent", "anonymous"]
SCOPES = {"senco": ("/school/", "/staff/bank", "/staff/glossary")}
HOMES = {
    "senco": "/school/",
    "teacher": "/staff/",
    "parent": "/family/",
    "anonymous": "/auth/login",
}
# Fields a person types in or chooses from (a form with none is a button: nothing to refuse).
TYPED = {
    "text",
    "textarea",
    "email",
    "number",
    "date",
    "time",
    "password",
    "select",
    "radio",
    "url",
    "tel",
    "search",
    "file",
}


def _emptied(fields: dict, token: str) -> dict:
    """The form as a person who typed nothing and chose nothing would send it."""
    data = {"csrf_token": token}
    for name, field in fields.items():
        if name.endswith("csrf_token"):
            continue
        if field["type"] in {"hidden", "submit"}:
            data[name] = field["value"] or ""
        elif field["type"] in {"text", "textarea", "email", "number", "date", "time", "search"}:
            data[name] = ""
    return data


@pytest.fixture
def demo_school(app, db):
    demo.load()
    db.session.commit()
    limiter.enabled = False
    yield None
    limiter.enabled = True


@pytest.mark.parametrize("role", ROLES)
def test_rel05_every_refused_form_answers_422_with_a_summary_linking_its_fields(
    app, demo_school, role
):
    """Post every form the role reaches with its boxes empty. Whenever a page comes back
    showing an error beside a field, it is a 422 (or 400) page whose summary, first in the
    page, links to every refused field that is on the page."""
    client = client_for(app, role, None)
    scope = SCOPES.get(role, ("/",))
    forms = crawl(app, client, HOMES[role], scope)
    assert forms
    token = client.csrf_token("/auth/login" if role == "anonymous" else "/auth/account")
    refused, failures = 0, []
    for endpoint, (page, action, fields) in sorted(forms.items()):
        if any(word in endpoint for word in ("logout", "enrol", "archive", "revoke", "off")):
            continue
        if not any(f["type"] in TYPED for f in fields.values()):
            continue
        response = client.post(action, data=_emptied(fields, token))
        shows_errors = 'class="field__error"' in response.get_data(as_text=True)
        if not shows_errors:
            continue
        refused += 1
        try:
            assert response.status_code in {400, 422}, f"status {response.status_code}"
            assert_summary(response, status=response.status_code)
        except (AssertionError, KeyError) as problem:
            failures.append(f"{endpoint} ({page}): {problem!r}")
    assert refused >= {"senco": 5, "teacher": 4, "parent": 1, "anonymous": 1}[role]
    assert not failures, "\n".join(failures)
