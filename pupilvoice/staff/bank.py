"""The target bank (the SENCO keeps good targets by area, in each school language; teachers
start from them) and the school's plain-language glossary (the SENCO edits it)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import TextAreaField, ValidationError
from wtforms.validators import Length

from ..access import audience, load_or_404
from ..domain import glossary as glossary_lines
from ..domain.permissions import can
from ..domain.plans import AREAS, MAX_TEXT, NAME_PLACEHOLDER
from ..domain.roles import SENCO, TEACHER
from ..domain.translations import BANK_FIELDS
from ..extensions import db
from ..forms import Form
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import Plan, TargetBankEntry
from ..plan_labels import FIELD_LABELS
from ..services import bank_translations, glossary, target_bank
from .family_blueprint import translation_languages
from .plan_forms import AT_MOST, BankEntryForm, GlossaryForm
from .plans import target_of
from .routes import bp

LINE_PROBLEMS = {
    "no-equals": _l("Line %(line)s: write the school word, then =, then the plain words."),
    "empty": _l("Line %(line)s: write words on both sides of the =."),
    "too-long": _l(
        "Line %(line)s: keep the school word to %(term)s characters and the plain words to "
        "%(plain)s."
    ),
    "repeated": _l("Line %(line)s: this school word is already on an earlier line."),
    "too-many": _l("Keep to %(most)s school words."),
}


def _manage_bank() -> None:
    if not can(current_user, "manage_bank", current_user.school):
        abort(404)


@bp.get("/bank")
@audience(TEACHER, SENCO)
def bank():
    area = request.args.get("area", "")
    area = area if area in AREAS else ""
    entries = target_bank.entries(current_user.school_id, area)
    return render_template(
        "staff/bank.html",
        entries=entries,
        area=area,
        plan_id=None,
        languages=translation_languages(),
        states={entry.id: bank_translations.states(entry) for entry in entries},
    )


@bp.route("/bank/new", methods=["GET", "POST"])
@audience(SENCO)
def bank_new():
    _manage_bank()
    form = BankEntryForm()
    if form.validate_on_submit():
        target_bank.create(current_user, form.values())
        db.session.commit()
        flash(_("The target is in the bank."), "success")
        return redirect(url_for("staff.bank"))
    return render_template("staff/bank_form.html", form=form, entry=None)


@bp.route("/bank/<int:entry_id>", methods=["GET", "POST"])
@audience(SENCO)
def bank_edit(entry_id: int):
    entry = load_or_404(TargetBankEntry, entry_id, "manage")
    form = BankEntryForm(obj=entry)
    if form.validate_on_submit():
        target_bank.edit(current_user, entry, form.values())
        db.session.commit()
        flash(_("The changes are saved."), "success")
        return redirect(url_for("staff.bank"))
    return render_template("staff/bank_form.html", form=form, entry=entry)


@bp.post("/bank/<int:entry_id>/retire")
@audience(SENCO)
def bank_retire(entry_id: int):
    entry = load_or_404(TargetBankEntry, entry_id, "manage")
    target_bank.retire(current_user, entry)
    db.session.commit()
    flash(_("The target is taken out of the bank."), "success")
    return redirect(url_for("staff.bank"))


@bp.post("/plans/<int:plan_id>/targets/<int:target_id>/bank")
@audience(SENCO)
def target_to_bank(plan_id: int, target_id: int):
    """Keep a good target in the bank: its wording without the pupil's name or words."""
    _manage_bank()
    target = target_of(load_or_404(Plan, plan_id), target_id)
    target_bank.save_target(current_user, target)
    db.session.commit()
    flash(_("The target is in the bank, without the pupil's name or words."), "success")
    return redirect(url_for("staff.plan", plan_id=plan_id, _anchor=f"target-{target.id}"))


# --- the glossary ----------------------------------------------------------------------------


def _line_messages(problems: list[glossary_lines.LineProblem]) -> list[str]:
    limits = {
        "term": glossary_lines.MAX_TERM,
        "plain": glossary_lines.MAX_PLAIN,
        "most": glossary_lines.MAX_TERMS,
    }
    return [str(LINE_PROBLEMS[p.code] % {"line": p.line, **limits}) for p in problems]


@bp.route("/glossary", methods=["GET", "POST"])
@audience(SENCO)
def glossary_edit():
    if not can(current_user, "edit_glossary", current_user.school):
        abort(404)
    school_id = current_user.school_id
    current, starter = glossary.with_origin(school_id)
    form = GlossaryForm(data={"terms": glossary_lines.as_text(current)})
    if form.validate_on_submit():
        terms, problems = glossary_lines.parse(form.terms.data or "")
        form.terms.errors = _line_messages(problems)
        if not problems:
            glossary.replace(current_user, current_user.school, terms)
            db.session.commit()
            flash(_("The glossary is saved."), "success")
            return redirect(url_for("staff.glossary_edit"))
    return render_template("staff/glossary.html", form=form, starter=starter)


# --- the bank in each school language ------------------------------------------------------


class BankTranslationForm(Form):
    """One text box for each field of the bank target with words in it, named by field."""

    def translations(self) -> dict[str, str]:
        return {name: f.data or "" for name, f in self._fields.items() if name != "csrf_token"}


def _name_kept(original: str):
    def check(form, field) -> None:
        words = (field.data or "").strip()
        if NAME_PLACEHOLDER in original and words and NAME_PLACEHOLDER not in words:
            raise ValidationError(_("Write {name} where the pupil's name goes."))

    return check


def bank_translation_form(parts, **kwargs) -> BankTranslationForm:
    class EntryTranslationForm(BankTranslationForm):
        pass

    for part in parts:
        validators = [Length(max=MAX_TEXT, message=AT_MOST), _name_kept(part.original)]
        setattr(EntryTranslationForm, part.field, TextAreaField(part.field, validators=validators))
    return EntryTranslationForm(**kwargs)


@bp.route("/bank/<int:entry_id>/translate/<language>", methods=["GET", "POST"])
@audience(SENCO)
def bank_translate(entry_id: int, language: str):
    """The SENCO, with someone who speaks the language, enters a bank target's words in
    it; every plan target started from it brings them along."""
    entry = load_or_404(TargetBankEntry, entry_id, "translate")
    if entry.retired_at is not None or language not in translation_languages():
        abort(404)
    parts = bank_translations.parts(entry, language)
    form = bank_translation_form(
        parts, data={p.field: p.translation.text for p in parts if p.translation}
    )
    if form.validate_on_submit():
        bank_translations.save(current_user, entry, language, form.translations())
        db.session.commit()
        flash(_("The translation is saved."), "success")
        return redirect(url_for("staff.bank", _anchor=f"bank-{entry.id}"))
    return render_template(
        "staff/bank_translate.html",
        entry=entry,
        language=language,
        parts=parts,
        form=form,
        field_labels=FIELD_LABELS,
        bank_fields=BANK_FIELDS,
    )
