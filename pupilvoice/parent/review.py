"""A plan's review for its parents, on their plan page (parent/plans.py): before the
meeting, "How has it gone at home?" for each target; after it, what happened and what's
next, in plain words."""

from __future__ import annotations

from flask_login import current_user
from wtforms import TextAreaField
from wtforms.validators import Length

from ..domain.lifecycle import CLOSED, IN_REVIEW
from ..domain.parent_answers import MAX_COMMENT
from ..domain.permissions import can
from ..forms import Form
from ..i18n import lazy_gettext as _l
from ..models import Plan
from ..services import reviews
from .forms import AT_MOST
from .words import OUTCOME_WORDS


def home_view_form(target_ids, **kwargs) -> Form:
    """One box a target: what the parent has seen at home, before the review."""

    class HomeViewForm(Form):
        pass

    for target_id in target_ids:
        setattr(
            HomeViewForm,
            f"home_{target_id}",
            TextAreaField(
                _l("How has it gone at home?"),
                validators=[Length(max=MAX_COMMENT, message=AT_MOST)],
            ),
        )
    return HomeViewForm(**kwargs)


def context(plan: Plan) -> dict:
    """What the parent's plan page shows of the review: the meeting, the form for views
    before it (once the school has set a meeting or started the review), the outcome
    words after it."""
    meeting = plan.review_meeting  # loaded with the plan
    asking = can(current_user, "send_home_view", plan) and (
        meeting is not None or plan.status == IN_REVIEW
    )
    form = None
    if asking:
        mine = {
            f"home_{view.target_id}": view.words
            for views in reviews.home_views(plan).values()
            for view in views
            if view.parent_id == current_user.id
        }
        form = home_view_form([t.id for t in plan.active_targets], formdata=None, data=mine)
    return {
        "meeting": meeting,
        "home_form": form,
        "reviewed": plan.status == CLOSED,
        "outcome_words": OUTCOME_WORDS,
    }
