"""Erasing a pupil or a parent (issue 14, PRI-03): the SENCO sees what will go, types the
name to confirm, and everything linked is erased in one transaction."""

from __future__ import annotations

import re

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import StringField, ValidationError

from ..access import audience, load_or_404
from ..domain.roles import SENCO
from ..extensions import db
from ..forms import Form
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import Pupil, User
from ..privacy_labels import described
from ..services import erasure
from ..services.privacy_rows import PUPIL_TABLE, USER_TABLE, counts
from .blueprint import bp


def _letters(text: str) -> str:
    return re.sub(r"\W", "", text or "").casefold()


class EraseForm(Form):
    name = StringField(_l("Type their name to confirm"), render_kw={"autocomplete": "off"})

    def __init__(self, *args, expected: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.expected = expected
        self.name.description = _("Type %(name)s", name=expected)

    def validate_name(self, field) -> None:
        if _letters(field.data) != _letters(self.expected):
            raise ValidationError(
                _("Type %(name)s exactly, to show you mean it.", name=self.expected)
            )


@bp.route("/pupils/<int:pupil_id>/erase", methods=["GET", "POST"])
@audience(SENCO)
def pupil_erase(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "erase")
    back = url_for("admin.pupil_edit", pupil_id=pupil.id)
    return _erase_page(pupil, pupil.display_name, PUPIL_TABLE, erasure.erase_pupil, back)


@bp.route("/parents/<int:user_id>/erase", methods=["GET", "POST"])
@audience(SENCO)
def parent_erase(user_id: int):
    parent = load_or_404(User, user_id, "erase")
    back = url_for("admin.parent_edit", user_id=parent.id)
    return _erase_page(parent, parent.name, USER_TABLE, erasure.erase_parent, back)


def _erase_page(who, name: str, person: str, erase, back: str):
    form = EraseForm(expected=name)
    if form.validate_on_submit():
        erase(current_user, who)
        db.session.commit()
        flash(_("Everything about %(name)s is erased.", name=name), "success")
        return redirect(url_for("admin.pupils" if person == PUPIL_TABLE else "admin.parents"))
    kinds = described(counts(person, who.id))
    page = render_template(
        "admin/erase.html",
        form=form,
        name=name,
        kinds=kinds,
        back=back,
        pupil=person == PUPIL_TABLE,
    )
    return page, 422 if form.errors else 200
