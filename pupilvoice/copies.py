"""A plan's printed copies, one A4 page each: for staff, for the family (their language with
the school's words beside it), for the pupil ("My plan"), and the pupil's one-page profile
("All about me") for every adult who works with them. Made as PDF files on the server
(``pdf.py``); the staff and family routes authorise and audit each download."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from babel import Locale
from flask import Response, current_app, make_response, render_template
from flask_babel import force_locale, format_date, get_locale
from werkzeug.utils import secure_filename

from . import pdf
from .bidi import outside_isolates
from .domain.plans import Provision
from .extensions import db
from .i18n import format_locale, today
from .i18n import gettext as _
from .i18n import lazy_gettext as _l
from .models import Plan, School
from .parent.words import provision_sentence
from .plan_labels import AREA_LABELS, STATUS_LABELS
from .services import plan_translations, plans, voice
from .voice_labels import AREAS, card_word, proposal_sentence

KINDS = ("staff", "parent", "pupil", "profile")
OUTCOME_LABELS = {
    "achieved": _l("Achieved"),
    "partly": _l("Partly achieved"),
    "not_yet": _l("Not yet achieved"),
}
# The parent copy's fields that staff write (and may translate), in reading order.
FAMILY_FIELDS = ("smart_text", "baseline", "strategies", "success_criteria", "home_text")


# --- the files --------------------------------------------------------------------------


def download(html: str, plan: Plan, kind: str, language: str = "") -> Response:
    """The PDF as a download with a safe file name ("Sam-Spring-2027-plan-staff.pdf")."""
    try:
        body = pdf.render(html)
    except pdf.PdfUnavailable:
        current_app.logger.warning("PDF copies need WeasyPrint's system libraries")
        return _unavailable()
    response = Response(body, mimetype="application/pdf")
    response.headers.set(
        "Content-Disposition", "attachment", filename=file_name(plan, kind, language)
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def file_name(plan: Plan, kind: str, language: str = "") -> str:
    """ "Sam-Spring_2027-plan-parent-ur.pdf": ASCII letters, digits, "-", "_" and "." only,
    so no name or term typed by staff can reach a path or break the header."""
    parts = (plan.pupil.first_name, plan.term_label, "plan", kind, language)
    name = secure_filename("-".join(part for part in parts if part))
    return f"{name or 'plan'}.pdf"


def _unavailable() -> Response:
    page = render_template(
        "errors/error.html",
        title=_("PDF copies are not available"),
        code=503,
        hint=_(
            "This server cannot make PDF files yet: WeasyPrint's system libraries are "
            "missing (see the README). You can still print the page from your browser."
        ),
    )
    return make_response(page, 503)


def common(plan: Plan, kind: str) -> dict[str, Any]:
    school_language = current_app.config["SCHOOL_TEXT_LANGUAGE"]
    return {
        "kind": kind,
        "plan": plan,
        "pupil": plan.pupil,
        "school": db.session.get(School, plan.school_id),
        "symbol": pdf.symbol_url,
        "printed_on": today(),
        "lang": get_locale().language,
        "dir": get_locale().text_direction,
        "dir_of": direction_of,
        "school_language": school_language,
        "school_dir": Locale.parse(school_language).text_direction,
    }


def direction_of(text: str) -> str:
    """ "rtl" when the text's first strong letter is right-to-left (Urdu typed by a pupil or
    a translation), else "ltr": WeasyPrint does not read dir="auto". Isolated names and
    school text in a generated sentence do not count (A11Y-10)."""
    for letter in outside_isolates(text):
        kind = unicodedata.bidirectional(letter)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


# --- staff ------------------------------------------------------------------------------


def staff_copy(plan: Plan) -> str:
    """Every target with its SMART wording and the pupil's words, baseline, success
    criteria, strategies, provision in numbers and, once reviewed, the outcome."""
    return render_template(
        "copies/staff.html",
        targets=plan.active_targets,
        provision={t.id: _provision(t) for t in plan.active_targets},
        area_labels=AREA_LABELS,
        status_labels=STATUS_LABELS,
        outcome_labels=OUTCOME_LABELS,
        **common(plan, "staff"),
    )


def _provision(target) -> Provision:
    return Provision(
        target.group_size,
        target.sessions_per_week,
        target.minutes_per_session,
        target.weeks,
        target.cost_per_session_pence,
    )


# --- the family -------------------------------------------------------------------------


def _family_words(plan: Plan) -> dict[str, Any]:
    """What the parent copy says in our own words, in the current language (the same
    words as the parent's plan page)."""
    name = plan.pupil.first_name
    review = plan.review_on and format_date(plan.review_on, "long")
    return {
        "title": _("%(name)s's plan", name=name),
        "review": review
        and _("We will look at this plan again with you on %(date)s.", date=review),
        "views": _("What %(name)s says about school", name=name),
        "said": _("%(name)s said:", name=name),
        "smart_text": _("The target"),
        "baseline": _("Where %(name)s is now", name=name),
        "strategies": _("What school will do"),
        "success_criteria": _("How we will know it worked"),
        "home_text": _("What you can do at home"),
        "where": _("Where:"),
        "targets": [
            {
                "title": _("Target %(num)d: %(area)s", num=n, area=AREA_LABELS.get(t.area, t.area)),
                "provision": provision_sentence(t, name),
            }
            for n, t in enumerate(plan.active_targets, 1)
        ],
    }


def _in_language(language: str, plan: Plan) -> dict[str, Any]:
    with force_locale(format_locale(language)):
        return _family_words(plan)


def _family_texts(target, translated: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each field staff wrote: the school's words and staff's up-to-date translation."""
    return {
        name: (getattr(target, name) or "", translated.get(f"t{target.id}_{name}", ""))
        for name in FAMILY_FIELDS
    }


def parent_copy(plan: Plan, language: str) -> str:
    """The plan in plain words in ``language``, with the school's words beside it (and
    staff's translations of them, where there are up-to-date ones)."""
    school_language = current_app.config["SCHOOL_TEXT_LANGUAGE"]
    bilingual = language != school_language
    translated = plan_translations.for_family(plan, language) if bilingual else {}
    school_words = _in_language(school_language, plan) if bilingual else None
    with force_locale(format_locale(language)):
        return render_template(
            "copies/parent.html",
            targets=plan.active_targets,
            local=_family_words(plan),
            school_words=school_words,
            texts={t.id: _family_texts(t, translated) for t in plan.active_targets},
            translated=translated,
            fields=FAMILY_FIELDS,
            **common(plan, "parent"),
        )


# --- the pupil ---------------------------------------------------------------------------


def pupil_copy(plan: Plan) -> str:
    """ "My plan": each target in child-friendly words with its picture and the pupil's
    own words."""
    return render_template(
        "copies/pupil.html",
        targets=plan.active_targets,
        areas=AREAS,
        **common(plan, "pupil"),
    )


@dataclass
class Profile:
    """What the one-page profile says, from the pupil's latest About me and the plan."""

    likes: list[dict] = field(default_factory=list)
    hard: list[dict] = field(default_factory=list)
    helps: list[str] = field(default_factory=list)
    how_to_help: list[str] = field(default_factory=list)
    sorted_on: Any = None


def profile_of(plan: Plan) -> Profile:
    """Likes and what is hard from the latest sort (words flagged as a worry stay out: this
    page is for every adult), the pupil's own "It helps me when..." sentences, and the
    plan's strategies."""
    pupil, found = plan.pupil, Profile()
    sorts = voice.sorts_of(pupil, limit=1)
    if sorts:
        flagged = plans.worry_choice_ids(pupil)
        found.sorted_on = sorts[0].started_at
        for choice in sorts[0].choices:
            said = choice.words if choice.words and choice.id not in flagged else ""
            item = {"word": card_word(choice.card), "symbol": choice.card.symbol, "said": said}
            {"like": found.likes, "dislike": found.hard}.get(choice.place, []).append(item)
    found.helps = [proposal_sentence(p) for p in voice.proposals_of(pupil) if p.starter == "helps"]
    found.how_to_help = [t.strategies for t in plan.active_targets if t.strategies.strip()]
    return found


def profile(plan: Plan) -> str:
    return render_template(
        "copies/profile.html",
        about=profile_of(plan),
        targets=plan.active_targets,
        **common(plan, "profile"),
    )


def render(plan: Plan, kind: str, language: str = "") -> str:
    """The HTML of one copy."""
    if kind == "parent":
        return parent_copy(plan, language or current_app.config["SCHOOL_TEXT_LANGUAGE"])
    return {"staff": staff_copy, "pupil": pupil_copy, "profile": profile}[kind](plan)


def family_languages(plan: Plan) -> list[str]:
    """The languages the pupil's parents read, the school's first: one parent copy each."""
    school_language = current_app.config["SCHOOL_TEXT_LANGUAGE"]
    found = {link.preferred_language for link in plan.pupil.parent_links}
    known = [code for code in current_app.config["LANGUAGES"] if code in found]
    return [school_language] + [code for code in known if code != school_language]
