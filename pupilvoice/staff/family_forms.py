"""The form staff fill in for an answer a parent gave on paper, by phone or at a meeting:
the parent's own answer form, and how they gave it."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice
from wtforms.validators import InputRequired

from ..domain.parent_answers import OFFLINE_METHODS
from ..parent.forms import AnswerForm, answer_form
from ..parent.words import METHOD_LABELS


class PaperAnswerForm(AnswerForm):
    method = RadioField(
        _l("How did they give their answer?"),
        choices=[SelectChoice(code, METHOD_LABELS[code]) for code in OFFLINE_METHODS],
        validators=[InputRequired(_l("Choose how they gave their answer."))],
        invalid_choice_message=_l("Choose how they gave their answer."),
    )


def paper_answer_form(target_ids: Iterable[int], **kwargs) -> PaperAnswerForm:
    return answer_form(target_ids, base=PaperAnswerForm, **kwargs)
