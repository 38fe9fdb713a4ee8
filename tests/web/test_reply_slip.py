"""Paper families (issue 13, item 9): the reply slip in the family's language with the
school's English beside it, with all of each target (its wording, what school will do,
what helps at home, the boxes to tick), on one A4 page; and the plan letter printed again
whenever it is needed, each print audited, the first print's record kept (REL-06)."""

from __future__ import annotations

import html
import io
import re

import pytest
from flask_babel import force_locale, gettext

from pupilvoice import pdf
from pupilvoice.models import AuditEvent, Plan, PlanDelivery
from pupilvoice.services import plan_translations, plans
from tests.web.plan_helpers import make_plan, target_values

pypdf = pytest.importorskip("pypdf")

POLISH_TARGET = "Do 14 marca Sam przeczyta poprawnie 40 z 45 trudnych słów."
URDU_TARGET = "14 مارچ تک سام 45 میں سے 40 مشکل الفاظ درست پڑھے گا۔"
POLISH_HOME = "Czytajcie razem słowa z breloczka przed snem."


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def pdf_text(body: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(body))
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def family(world, factory, db):
    """Sam's other parents, who read on paper: Agnieszka (Polish) and Imran (Urdu)."""
    found = {}
    for name, language in (("Agnieszka Kowalska", "pl"), ("Imran Shah", "ur")):
        parent = factory.user(world.school, "parent", name, locale=language, email=None)
        parent.password_hash = None
        factory.link(parent, world.pupil, language=language).contact_method = "letter"
        found[language] = parent
    db.session.commit()
    return found


@pytest.fixture
def shared(world, db):
    """A shared plan of four full targets; the first translated into Polish and Urdu."""
    plan = make_plan(world, targets=1)
    for area in ("maths", "talking", "feelings"):
        plans.add_target(world.teacher, plan, target_values(area=area))
    first = plan.active_targets[0]
    for language, words in (("pl", POLISH_TARGET), ("ur", URDU_TARGET)):
        texts = {f"t{first.id}_smart_text": words}
        if language == "pl":
            texts[f"t{first.id}_home_text"] = POLISH_HOME
        plan_translations.save(world.teacher, plan, language, texts)
    plans.share(world.teacher, plan)
    db.session.commit()
    return plan


def in_language(language: str, message: str, **values) -> str:
    with force_locale(language):
        return gettext(message, **values)


@pytest.mark.skipif(not pdf.available(), reason="WeasyPrint's system libraries are missing")
@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_slip_pdf_is_in_the_family_language_with_english_beside_on_one_page(
    login, world, family, shared, language
):
    response = login(world.teacher).get(f"/staff/plans/{shared.id}/slip.pdf?language={language}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert f"-slip-{language}.pdf" in response.headers["Content-Disposition"]
    pages, words = pdf_text(response.data)
    assert pages == 1  # four full targets, both languages, on one A4 page
    flat = " ".join(words.split())
    # the translation staff made (Urdu comes back from a PDF word by word, not in order)
    wanted = POLISH_TARGET.split()[:4] if language == "pl" else ["مشکل", "الفاظ"]
    assert all(word in flat for word in wanted)
    assert "Sam will read 40 of the 45" in flat  # and the school's English beside it
    assert "Mrs Evans (teaching assistant) will read with Sam" in flat  # what school will do
    assert "5 new words a day on flash cards." in flat
    assert "Read the key-ring words at bedtime." in flat  # what helps at home
    assert "I agree" in flat and "I'd like to talk about this" in flat


def test_the_slip_html_marks_each_part_with_its_language(app, world, family, shared):
    from pupilvoice import reply_slip

    with app.test_request_context():
        page = html.unescape(reply_slip.document(shared, "ur"))
    assert '<html lang="ur" dir="rtl">' in page
    assert re.search(r'<td class="slip__family" lang="ur" dir="rtl">', page)
    assert re.search(r'<td class="slip__school" lang="en" dir="ltr">', page)
    assert URDU_TARGET in page
    agree = in_language("ur", "I agree")
    assert agree in page and "I agree" in page
    talk = in_language("ur", "What school will do")
    assert talk in page and "What school will do" in page
    assert in_language("ur", "What you can do at home") in page


def test_the_letter_carries_the_full_bilingual_slip(login, world, family, shared, db):
    teacher = login(world.teacher)
    url = f"/staff/plans/{shared.id}"
    page = text(teacher.form(f"/staff/families/plans/{shared.id}/letters", page=url))
    slips = page.split('class="letter__slip"')[1:]
    assert len(slips) == 2
    polish = next(s for s in slips if POLISH_TARGET in s)
    assert POLISH_HOME in polish and "Read the key-ring words at bedtime." in polish
    assert "5 new words a day on flash cards." in polish
    assert in_language("pl", "What school will do") in polish
    assert re.search(r'lang="en" dir="ltr"', polish)


# --- printing the letter again --------------------------------------------------------------


def test_rel06_the_letter_prints_again_and_every_print_is_audited(login, world, family, shared, db):
    teacher = login(world.teacher)
    url = f"/staff/plans/{shared.id}"
    teacher.form(f"/staff/families/plans/{shared.id}/letters", page=url)
    imran = family["ur"]
    first = db.session.query(PlanDelivery).filter_by(parent_id=imran.id).one()
    first_print = (first.sent_at, first.sent_version, first.sent_by_id, first.method)
    page = text(teacher.get(url))
    assert f"/staff/families/plans/{shared.id}/parents/{imran.id}/letter" in page
    again = f"/staff/families/plans/{shared.id}/parents/{imran.id}/letter"
    for _ in range(2):
        response = teacher.form(again, page=url)
        assert response.status_code == 200
        reprint = text(response)
        assert reprint.count('class="letter letter--plan"') == 1 and "Imran Shah" in reprint
        assert re.search(r'class="letter__code">[A-Z0-9-]+<', reprint)  # a code that works
        assert URDU_TARGET in reprint
    db.session.expire_all()
    kept = db.session.query(PlanDelivery).filter_by(parent_id=imran.id).one()
    assert (kept.sent_at, kept.sent_version, kept.sent_by_id, kept.method) == first_print
    events = db.session.query(AuditEvent).filter_by(action="plan_letter_reprinted").all()
    assert len(events) == 2 and all(e.detail["parent"] == imran.id for e in events)


def test_the_letter_prints_again_once_the_plan_is_agreed(login, world, family, shared, db):
    plan = db.session.get(Plan, shared.id)
    plan.status = "agreed"
    db.session.commit()
    teacher = login(world.teacher)
    again = f"/staff/families/plans/{shared.id}/parents/{family['pl'].id}/letter"
    response = teacher.form(again, page=f"/staff/plans/{shared.id}")
    assert response.status_code == 200 and POLISH_TARGET in text(response)


def test_sec02_no_letter_for_someone_elses_parent(login, world, factory, family, shared, db):
    stranger = factory.user(world.school, "parent", "Nobody Here")
    db.session.commit()
    teacher = login(world.teacher)
    url = f"/staff/families/plans/{shared.id}/parents/{stranger.id}/letter"
    assert teacher.form(url, page=f"/staff/plans/{shared.id}").status_code == 404
    other = login(world.other_teacher)
    url = f"/staff/families/plans/{shared.id}/parents/{family['pl'].id}/letter"
    assert other.form(url, page="/staff/").status_code == 404


def test_the_plan_page_offers_the_slip_in_each_family_language(login, world, family, shared):
    page = text(login(world.teacher).get(f"/staff/plans/{shared.id}"))
    for code, name in (("en", "English"), ("pl", "Polski"), ("ur", "اردو")):
        assert f"/staff/plans/{shared.id}/slip.pdf?language={code}" in page
        assert f"Reply slip in {name} (PDF)" in page
