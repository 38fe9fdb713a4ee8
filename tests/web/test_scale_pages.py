"""Flat as a school grows (issue 16, target 3): every page runs the same number of queries
for a school of 40 pupils and the same school grown to 400 (with their plans, voices,
parents and a larger audit log), and stays under 50 KB of HTML at the larger size. Long
lists come a page at a time, with a pager that keeps the filters (A11Y: a labelled nav,
the current page marked)."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from pupilvoice import access
from pupilvoice.admin import audit_display
from pupilvoice.models import ClassGroup, Plan, Pupil, School, User
from pupilvoice.services import demo, demo_large, reviews
from tests.conftest import enrol_tablet, on_tablet, sign_in, tap_pictures

HTML_LIMIT = 50_000
# (role, path): every page a role reaches from its home, and the lists that grow
PAGES = [
    (None, "/about"),
    ("senco", "/staff/"),
    ("teacher", "/staff/"),
    ("ta", "/staff/"),
    ("senco", "/staff/?page=2"),
    ("senco", "/staff/?q=Sam"),
    ("senco", "/staff/?status=none"),
    ("senco", "/school/"),
    ("senco", "/school/pupils"),
    ("senco", "/school/pupils?page=2"),
    ("senco", "/school/pupils?q=Sam"),
    ("senco", "/school/parents"),
    ("senco", "/school/parents?q=Parent"),
    ("senco", "/school/staff"),
    ("senco", "/school/classes"),
    ("senco", "/school/register"),
    ("senco", "/school/audit/"),
    ("senco", "/school/audit/?page=3"),
    ("senco", "/school/audit/?action=view_voice"),
    ("senco", "/school/audit/?kind=Plan"),
    ("senco", "/school/audit/?kind=Plan&page=3"),
    ("senco", "/school/records"),
    ("senco", "/school/roster"),
    ("teacher", "/staff/tablets"),
    ("teacher", "/staff/pupils/1"),
    ("senco", "/staff/pupils/9"),
    ("teacher", "/staff/plans/1"),
    ("ta", "/staff/plans/3"),
    ("teacher", "/staff/plans/1/edit"),
    ("senco", "/staff/plans/3/versions"),
    ("senco", "/staff/plans/3/review"),
    ("teacher", "/staff/bank"),
    ("senco", "/staff/glossary"),
    ("senco", "/staff/provisions"),
    ("senco", "/staff/provision-map"),
    ("teacher", "/staff/families/"),
    ("senco", "/staff/families/"),
    ("senco", "/staff/families/?page=2"),
    ("parent", "/family/"),
    ("parent", "/family/plans/2"),
    ("visitor", "/tablet/"),
    ("pupil", "/pupil/"),
    ("pupil", "/pupil/targets"),
]
# The whole log names its records with one or two queries for each kind of record on the
# page (never one a row): its count follows the mix of kinds, so it is bounded, not equal.
MIXED = {("senco", "/school/audit/"), ("senco", "/school/audit/?page=3")}
EMAILS = {
    "senco": "senco@riverside.example",
    "teacher": "jones@riverside.example",
    "ta": "evans@riverside.example",
    "parent": demo.PARENTS[1][1],
}


def _clients(app, db) -> dict:
    """Each role signed in, as the demo's people; the pupil (Sam) on the Oak tablet."""
    oak = db.session.scalar(select(ClassGroup).filter_by(name="Oak", school_id=1))
    token = enrol_tablet(oak, oak.staff[0])
    clients = {None: app.test_client(), "visitor": on_tablet(app.test_client(), token)}
    for role, email in EMAILS.items():
        user = db.session.scalar(select(User).filter_by(email=email))
        clients[role] = app.test_client()
        assert sign_in(clients[role], user, demo.PASSWORD).status_code == 302
    # the demo's Sam: the grown school has more pupils called Sam, in other classes, and
    # PostgreSQL returns rows without ORDER BY in any order
    sam = db.session.scalar(
        select(Pupil).filter_by(first_name="Sam", school_id=1, class_id=oak.id).order_by(Pupil.id)
    )
    clients["pupil"] = on_tablet(app.test_client(), token)
    assert tap_pictures(clients["pupil"], sam, demo.PUPIL_PICTURES).status_code == 303
    return clients


def _measure(clients, queries) -> dict:
    """(role, path) -> (queries, bytes), counted on a second view (a settled session)."""
    found = {}
    for role, path in PAGES:
        clients[role].get(path)
        with queries() as ran:
            answer = clients[role].get(path)
        assert answer.status_code == 200, (role, path, answer.status_code)
        found[(role, path)] = (len(ran), len(answer.get_data()))
        STATEMENTS[(role, path)] = STATEMENTS.get((role, path), []) + [[s[:90] for s in ran]]
    return found


STATEMENTS: dict = {}  # (role, path) -> the statements at each size, to say what grew


@pytest.fixture
def sizes(app, db, queries, monkeypatch):
    """Every page measured for 40 pupils, then for the same school grown to 400. Sessions
    neither end nor are touched meanwhile (a slow machine takes minutes): a touch is a
    query more on one of the two views."""
    monkeypatch.setattr(access, "TOUCH_EVERY", timedelta(hours=1))
    monkeypatch.setattr(access, "PUPIL_TOUCH_EVERY", timedelta(hours=1))
    for name in ("PUPIL_IDLE_SECONDS", "PUPIL_MAX_SECONDS", "STAFF_IDLE_SECONDS"):
        app.config[name] = 3600 * 4
    demo_large.load(schools=2, pupils=40, audit_rows=4000, sessions=200)
    plan = db.session.get(Plan, 3)
    reviews.start(plan.created_by, plan)
    db.session.commit()
    clients = _clients(app, db)
    small = _measure(clients, queries)
    riverside = db.session.scalar(select(School).filter_by(name=demo.SCHOOL))
    demo_large.grow(riverside, 400, audit_rows=20_000, sessions=500)
    return small, _measure(clients, queries), clients


def test_every_page_runs_as_many_queries_for_400_pupils_as_for_40(sizes):
    small, large, _ = sizes
    grew = {
        page: (small[page][0], large[page][0])
        for page in PAGES
        if small[page][0] != large[page][0] and page not in MIXED
    }
    assert grew == {}, {page: STATEMENTS[page] for page in grew}
    most = 4 + 2 * len(audit_display.NAMERS)
    assert all(large[page][0] <= most for page in MIXED)


def test_every_page_stays_under_50_kb_of_html_for_400_pupils(sizes):
    _, large, _ = sizes
    assert {page: size for page, (_, size) in large.items() if size > HTML_LIMIT} == {}


def test_long_lists_have_an_accessible_pager_that_keeps_the_filters(sizes):
    """A11Y-: a nav landmark with its own name, the current page marked with aria-current;
    the next page's link keeps what the list was narrowed to."""
    *_, clients = sizes
    senco = clients["senco"]
    for path in ("/staff/?stage=sen_support", "/school/pupils?class_id=", "/school/audit/"):
        page = senco.get(path).get_data(as_text=True)
        nav = re.search(r'<nav class="pager" aria-label="([^"]+)">(.*?)</nav>', page, re.S)
        assert nav, path
        assert 'aria-current="page"' in nav.group(2)
        if "stage=" in path:
            assert "stage=sen_support&amp;page=2" in nav.group(2)
