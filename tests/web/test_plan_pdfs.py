"""Printed copies of a plan as PDF files (issue 12, item 6): the staff copy, the family copy
(in Urdu with English beside), the pupil's "My plan" and the one-page profile. Each copy
of a four-target plan is one A4 page with the pupil's own words; a six-target plan flows
onto a second page without splitting a target. Every PDF is made once for the module, and
page 1 of each is saved as a PNG in test-artifacts/copies/ to look at.

Who may download them (SEC-01, SEC-02), the audit (REL-06), the headers, the fetcher that
refuses every address (SEC-14) and the clear page when WeasyPrint cannot run."""

from __future__ import annotations

import http.server
import io
import os
import re
import shutil
import subprocess
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask_babel import force_locale

from pupilvoice import copies, create_app, pdf
from pupilvoice.extensions import db as _db
from pupilvoice.models import AuditEvent
from pupilvoice.services import plan_translations, plans, voice
from tests.conftest import (
    TEMPLATES,
    Client,
    Factory,
    _empty_postgres,
    free_port,
    sign_in,
    skip_or_fail,
)

pypdf = pytest.importorskip("pypdf")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "copies"
A4 = (595, 842)  # points
URDU_TARGET = "سیم پانچ ہفتوں میں پینتالیس میں سے چالیس الفاظ پڑھے گا۔"

TARGETS = [
    {
        "area": "reading",
        "pupil_words": "I want to read my football cards by myself",
        "smart_text": "By 14 March, Sam will read 40 of the 45 Year 1 common exception words "
        "correctly on two checks in a row.",
        "child_text": "I can read 40 tricky words.",
        "baseline": "Reads 12 of the 45 words (January check).",
        "success_criteria": "40 of 45 words on two checks a week apart.",
        "strategies": "5 new words a day on flash cards; precision teaching; words on a "
        "key ring to take home.",
        "provider": "Mrs Evans",
    },
    {
        "area": "maths",
        "pupil_words": "counting is hard when it goes past 10",
        "smart_text": "By 14 March, Sam will count on from any number to 20 using a number "
        "line in 4 of 5 lessons.",
        "child_text": "I can count on to 20.",
        "baseline": "Counts on to 10 with an adult's help.",
        "success_criteria": "Counts on to 20 on his own in 4 of 5 lessons.",
        "strategies": "Number line on the desk; 10 minutes of counting games before maths.",
        "provider": "Mr Jones",
    },
    {
        "area": "friends",
        "pupil_words": "I want someone to play football with at playtime",
        "smart_text": "By 14 March, Sam will ask a classmate to join a game at playtime on "
        "3 days out of 5, seen by the playground staff.",
        "child_text": "I can ask a friend to play.",
        "baseline": "Plays alone most playtimes.",
        "success_criteria": "Asks a classmate on 3 of 5 days for two weeks.",
        "strategies": "Friendship group on Tuesdays; practise asking in role play.",
        "provider": "Mrs Evans",
    },
    {
        "area": "feelings",
        "pupil_words": "when it is noisy I get cross",
        "smart_text": "By 14 March, Sam will use his calm card to ask for a break when the "
        "class is noisy, on 4 of 5 occasions.",
        "child_text": "I can use my calm card when it is noisy.",
        "baseline": "Leaves the room without asking about twice a week.",
        "success_criteria": "Uses the calm card 4 times out of 5.",
        "strategies": "Calm card on the desk; ear defenders in the book corner.",
        "provider": "Mr Jones",
    },
]


def _target(n: int, base: dict) -> dict:
    """A target with everything a teacher fills in, its place named by its number."""
    return {
        **base,
        "group_size": 4 if n % 2 else 1,
        "sessions_per_week": 3,
        "minutes_per_session": 20,
        "weeks": 10,
        "cost_per_session_pence": 1200,
        "location": f"Room {n}",
        "target_on": date.today() + timedelta(days=70),
        "home_text": "Read the key-ring words at bedtime.",
    }


def _plan(world, count: int, term: str):
    plan = plans.create(
        world.teacher,
        world.pupil,
        {
            "term_label": term,
            "starts_on": date.today(),
            "review_on": date.today() + timedelta(days=84),
            "involved": "Sam, Mr Jones, Mrs Khan (SENCO), Sam's dad",
            "pupil_views": plans_views(world),
        },
    )
    for n in range(1, count + 1):
        plans.add_target(world.teacher, plan, _target(n, TARGETS[(n - 1) % len(TARGETS)]))
    plans.share(world.teacher, plan)
    return plan


def plans_views(world) -> str:
    from pupilvoice.staff.plan_display import views_summary

    return views_summary(world.pupil)


def _about_me(world) -> None:
    """Sam's About me: he likes art and PE, does not like noise, and says what helps."""
    voice.ensure_defaults(world.school.id)
    cards = {card.key: card for card in voice.active_cards(world.school.id)}
    sort = voice.open_sort(world.pupil)
    said = {
        "art": "I like painting dinosaurs",
        "maths": "the numbers get muddled",
        "noise": "it hurts my ears in the hall",  # "hurts" makes it a worry for staff
    }
    for key, place in (("art", "like"), ("pe", "like"), ("noise", "dislike"), ("maths", "dislike")):
        choice = voice.choose(sort, cards[key], place, world.pupil, None)
        if key in said:
            voice.tell_more(choice, said[key], world.pupil, None)
    voice.propose(world.pupil, "feelings", "helps", "I sit near the door", None)


def _pdf_paths(plan_id: int) -> dict[str, str]:
    staff = f"/staff/plans/{plan_id}"
    return {
        "staff": f"{staff}/staff.pdf",
        "parent-en": f"{staff}/parent.pdf?language=en",
        "pupil": f"{staff}/pupil.pdf",
        "profile": f"{staff}/profile.pdf",
    }


@pytest.fixture(autouse=True, scope="module")
def weasyprint_runs():
    """Under CI missing system libraries fail the run; elsewhere these tests are skipped."""
    if not pdf.available():
        skip_or_fail("WeasyPrint's system libraries are missing (scripts/system-deps.sh)")


@pytest.fixture(scope="module")
def made(database_url) -> dict:
    """Every copy, made once through the real routes: name -> response."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": False})
    app.test_client_class = Client
    app.jinja_env.bytecode_cache = TEMPLATES
    found = {}
    with app.app_context():
        _db.create_all()
        try:
            found = _make_all(app)
        finally:
            _db.session.remove()
            _empty_postgres() if database_url.startswith("postgresql") else _db.drop_all()
    return found


def _make_all(app) -> dict:
    with app.test_request_context():
        factory = Factory(_db)
        world = factory.world()
        urdu_parent = factory.user(world.school, "parent", "Bilal Taylor", locale="ur")
        factory.link(urdu_parent, world.pupil, "ur")
        _about_me(world)
        four, six = _plan(world, 4, "Spring 2027"), _plan(world, 6, "Summer 2027")
        first = f"t{four.targets[0].id}_smart_text"
        plan_translations.save(world.teacher, four, "ur", {first: URDU_TARGET})
        _db.session.commit()
    teacher, parent = app.test_client(), app.test_client()
    sign_in(teacher, world.teacher)
    sign_in(parent, urdu_parent)
    found = {name: teacher.get(url) for name, url in _pdf_paths(four.id).items()}
    found["parent-ur"] = parent.get(f"/family/plans/{four.id}/copy.pdf")
    found["staff-ur-link"] = teacher.get(f"/staff/plans/{four.id}/parent.pdf?language=ur")
    found |= {f"six-{name}": teacher.get(url) for name, url in _pdf_paths(six.id).items()}
    found["plan-page"] = teacher.get(f"/staff/plans/{four.id}")
    found["family-page"] = parent.get(f"/family/plans/{four.id}")
    found["audit"] = [
        (e.action, e.detail.get("copy"), e.detail.get("language"))
        for e in _db.session.query(AuditEvent).filter_by(object_type="Plan", object_id=four.id)
    ]
    with force_locale("ur"):
        from pupilvoice.i18n import gettext

        found["urdu-label"] = gettext("What school will do")
    for name, response in found.items():
        if name.endswith(("pupil", "profile", "staff", "-en", "-ur")):
            _save_png(name, response.data)
    return found


def _save_png(name: str, data: bytes) -> None:
    """Page 1 as a PNG in test-artifacts/copies/, for people to look at. Written under a
    name of this process's own, then renamed: the SQLite and PostgreSQL legs of `make test`
    (and two workers of one leg) may save the same copy at the same time."""
    if not shutil.which("pdftoppm"):
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    own = f"{name}.{os.getpid()}"
    (ARTIFACTS / f"{own}.pdf").write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
        + [ARTIFACTS / f"{own}.pdf", ARTIFACTS / own],
        check=True,
    )
    for ending in (".pdf", ".png"):
        os.replace(ARTIFACTS / f"{own}{ending}", ARTIFACTS / f"{name}{ending}")


def pages(data: bytes) -> list[str]:
    """The text of each page, with its spaces and line breaks made single spaces."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def page_sizes(data: bytes) -> list[tuple[int, int]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages]


FOUR = ["staff", "parent-en", "parent-ur", "pupil", "profile"]


@pytest.mark.parametrize("name", FOUR)
def test_each_copy_of_a_four_target_plan_is_one_a4_page(made, name):
    response = made[name]
    assert response.status_code == 200, response.data[:300]
    assert response.mimetype == "application/pdf"
    assert page_sizes(response.data) == [A4]


@pytest.mark.parametrize("name", ["staff", "parent-en", "parent-ur", "pupil"])
def test_copies_keep_the_pupils_own_words_for_every_target(made, name):
    text = pages(made[name].data)[0]
    for target in TARGETS:
        assert target["pupil_words"] in text


def test_the_profile_is_built_from_the_pupils_about_me_and_the_plan(made):
    text = pages(made["profile"].data)[0]
    assert "I like painting dinosaurs" in text  # their own words about a card they like
    assert "I sit near the door" in text  # what they said helps them
    assert "Calm card on the desk" in text  # how to help: the plan's strategies
    assert "Maths" in text and "the numbers get muddled" in text  # what they find hard
    assert "Noise" in text and "hurts my ears" not in text  # a worry goes to staff only


def test_the_staff_copy_has_smart_wording_provision_and_review_date(made):
    text = pages(made["staff"].data)[0]
    assert "40 of the 45 Year 1 common exception words" in text
    assert "Reads 12 of the 45 words" in text and "Uses the calm card 4 times out of 5" in text
    assert "10 hours of teaching in all" in text
    assert "Review date" in text


def _pdftotext(data: bytes) -> str:
    if not shutil.which("pdftotext"):
        return " ".join(pages(data))
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_the_urdu_family_copy_has_urdu_words_and_the_english_beside_them(made):
    text = _pdftotext(made["parent-ur"].data)
    assert made["urdu-label"] != "What school will do"  # the catalogue has the Urdu
    assert made["urdu-label"] in text
    assert URDU_TARGET.split()[0] in text and "پڑھے" in text  # staff's translation
    assert "What school will do" in text and "Sam will read 40 of the 45" in text


def test_staff_download_the_family_copy_in_the_parents_language(made):
    assert _pdftotext(made["staff-ur-link"].data) == _pdftotext(made["parent-ur"].data)


def test_a_six_target_plan_flows_to_two_pages_without_splitting_a_target(made):
    texts = pages(made["six-staff"].data)
    assert len(texts) == 2
    for n in range(1, 7):
        heading, last_field = f"Target {n} ·", f"Room {n} ·"
        where = [i for i, text in enumerate(texts) if heading in text]
        assert len(where) == 1, f"target {n} heading on pages {where}"
        assert last_field in texts[where[0]], f"target {n} is split across pages"


@pytest.mark.parametrize("name", ["six-parent-en", "six-pupil"])
def test_six_targets_in_the_other_copies_are_all_there(made, name):
    text = " ".join(pages(made[name].data))
    for target in TARGETS:
        assert target["pupil_words"] in text


def test_rel06_every_download_is_audited(made):
    downloads = {
        (kind, language) for action, kind, language in made["audit"] if action == "copy_downloaded"
    }
    assert downloads >= {
        ("staff", ""),
        ("pupil", ""),
        ("profile", ""),
        ("parent", "en"),
        ("parent", "ur"),
    }


def test_sec13_downloads_are_attachments_with_a_safe_name_and_not_stored(made):
    for name in FOUR:
        response = made[name]
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment; filename=")
        assert re.fullmatch(r"attachment; filename=[\w.-]+\.pdf", disposition), disposition


def test_the_plan_pages_link_to_the_copies(made):
    staff_page = made["plan-page"].get_data(as_text=True)
    for path in ("staff.pdf", "pupil.pdf", "profile.pdf", "parent.pdf?language=ur"):
        assert path in staff_page
    assert "/copy.pdf" in made["family-page"].get_data(as_text=True)


def test_sec15_file_names_are_safe_whatever_staff_typed(world, db, shared_plan):
    world.pupil.first_name = "عائشہ/../../etc"
    shared_plan.term_label = 'Spring "2027"\r\nX-Evil: 1'
    name = copies.file_name(shared_plan, "parent", "ur")
    assert re.fullmatch(r"[A-Za-z0-9_.-]+\.pdf", name), name
    assert ".." not in name.removesuffix(".pdf") and name.endswith("-plan-parent-ur.pdf")


# --- who may download them ---------------------------------------------------------------


@pytest.fixture
def shared_plan(world, db):
    plan = plans.create(world.teacher, world.pupil, {"term_label": "Spring 2027"})
    plans.add_target(world.teacher, plan, _target(1, TARGETS[0]))
    db.session.commit()
    return plan


@pytest.mark.parametrize("copy", copies.KINDS)
def test_sec02_staff_of_another_class_or_school_get_404(
    world, factory, db, login, shared_plan, copy
):
    other_senco = factory.user(factory.school("Hilltop"), "senco", "Mr Hill")
    db.session.commit()
    url = f"/staff/plans/{shared_plan.id}/{copy}.pdf"
    assert login(world.other_teacher).get(url).status_code == 404
    assert login(other_senco).get(url).status_code == 404
    assert login(world.senco).get(url).status_code == 200


def test_sec02_a_parent_gets_only_their_own_childs_shared_plan(
    world, factory, db, login, shared_plan
):
    other_parent = factory.user(world.school, "parent", "Ann Other")
    factory.link(other_parent, world.other_pupil)
    db.session.commit()
    url = f"/family/plans/{shared_plan.id}/copy.pdf"
    assert login(world.parent).get(url).status_code == 404  # still a draft
    plans.share(world.teacher, shared_plan)
    db.session.commit()
    assert login(other_parent).get(url).status_code == 404
    assert login(world.parent).get(url).status_code == 200
    assert login(world.parent).get(f"/staff/plans/{shared_plan.id}/staff.pdf").status_code == 403


def test_without_weasyprint_the_download_says_so_instead_of_failing(
    world, login, shared_plan, monkeypatch
):
    def missing():
        raise pdf.PdfUnavailable("no Pango")

    monkeypatch.setattr(pdf, "_weasyprint", missing)
    response = login(world.teacher).get(f"/staff/plans/{shared_plan.id}/staff.pdf")
    assert response.status_code == 503
    assert "PDF copies are not available" in response.get_data(as_text=True)


# --- nothing fetched (SEC-14) ------------------------------------------------------------


def test_sec14_a_copy_never_fetches_an_address(app):
    asked = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    port = free_port()
    server = http.server.HTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        html = (
            f'<p>Hi</p><img src="http://127.0.0.1:{port}/picture.png">'
            f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
            f'<img src="file:///etc/passwd">'
        )
        data = pdf.render(html)
    finally:
        server.shutdown()
    assert data.startswith(b"%PDF")
    assert asked == []
