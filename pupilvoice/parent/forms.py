"""The parent's answer form: one choice and an optional comment for each target, and two
notes on the whole plan. Built for the plan's targets; binds only those fields (SEC-12)."""

from __future__ import annotations

from collections.abc import Iterable

from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import Length, Optional
from wtforms.widgets import HiddenInput

from ..domain.parent_answers import MAX_COMMENT, TARGET_ANSWERS
from ..forms import Form, IntegerField
from ..i18n import lazy_gettext as _l
from .words import ANSWER_LABELS

AT_MOST = _l("Write at most %(max)d characters.")


class AnswerForm(Form):
    """The version and answer round the page showed travel with the answers, so a page
    from before a change (or a second tap) cannot overwrite what happened since."""

    version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    round = IntegerField(widget=HiddenInput(), validators=[Optional()])
    home_help = TextAreaField(
        _l("What helps at home"),
        validators=[Length(max=MAX_COMMENT, message=AT_MOST)],
        description=_l("For example: he reads best after tea, with his dad."),
    )
    child_said = TextAreaField(
        _l("What my child has told me"),
        validators=[Length(max=MAX_COMMENT, message=AT_MOST)],
        description=_l("Anything your child has said about school or about this plan."),
    )
    target_ids: tuple[int, ...] = ()

    def answer(self, target_id: int):
        return self[f"answer_{target_id}"]

    def comment(self, target_id: int):
        return self[f"comment_{target_id}"]

    def target_answers(self) -> dict[int, tuple[str, str]]:
        """The targets the parent chose an answer for: id -> (answer, comment)."""
        chosen = {}
        for target_id in self.target_ids:
            kind = self.answer(target_id).data
            if kind in TARGET_ANSWERS:
                chosen[target_id] = (kind, self.comment(target_id).data or "")
        return chosen

    def notes(self) -> dict[str, str]:
        return {"home_help": self.home_help.data or "", "child_said": self.child_said.data or ""}

    def carry(self, version: int, answer_round: int) -> None:
        """After a conflict: keep what was typed, but send the plan's version and answer
        round as they are now. WTForms shows a field's posted text before its data, so
        both are replaced."""
        for hidden, value in ((self.version, version), (self.round, answer_round)):
            hidden.data, hidden.raw_data = value, [str(value)]


def answer_form(target_ids: Iterable[int], base: type = AnswerForm, **kwargs) -> AnswerForm:
    """An AnswerForm (or ``base``, a subclass) with a choice and a comment for each of
    these targets. Staff use it too, to write down an answer given on paper."""
    ids = tuple(target_ids)

    class PlanAnswerForm(base):
        target_ids = ids

    for target_id in ids:
        setattr(
            PlanAnswerForm,
            f"answer_{target_id}",
            RadioField(
                _l("Do you agree with this target?"),
                choices=[SelectChoice(kind, ANSWER_LABELS[kind]) for kind in TARGET_ANSWERS],
                validate_choice=False,  # no choice is fine: answer the others first
            ),
        )
        setattr(
            PlanAnswerForm,
            f"comment_{target_id}",
            TextAreaField(
                _l("Anything you want to add or ask (you do not have to)"),
                validators=[Length(max=MAX_COMMENT, message=AT_MOST)],
            ),
        )
    return PlanAnswerForm(**kwargs)
