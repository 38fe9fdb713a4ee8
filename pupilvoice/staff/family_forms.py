"""Forms staff fill in for families: an answer a parent gave on paper, by phone or at a
meeting (the parent's own answer form, and how they gave it), and translations of a plan's
plain-language fields."""

from __future__ import annotations

from collections.abc import Iterable

from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import InputRequired, Length

from ..domain.parent_answers import OFFLINE_METHODS
from ..domain.plans import MAX_LONG_TEXT, MAX_TEXT
from ..forms import Form
from ..i18n import lazy_gettext as _l
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


class TranslationForm(Form):
    """One text box for each plain-language field of the plan, named by the part's key."""

    def translations(self) -> dict[str, str]:
        return {
            name: field.data or "" for name, field in self._fields.items() if name != "csrf_token"
        }


def translation_form(parts, **kwargs) -> TranslationForm:
    class PlanTranslationForm(TranslationForm):
        pass

    for part in parts:
        longest = MAX_LONG_TEXT if part.field == "pupil_views" else MAX_TEXT
        message = _l("Write at most %(max)d characters.")
        setattr(
            PlanTranslationForm,
            part.key,
            TextAreaField(part.key, validators=[Length(max=longest, message=message)]),
        )
    return PlanTranslationForm(**kwargs)
