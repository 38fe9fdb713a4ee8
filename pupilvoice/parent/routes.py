"""Parent home: the children linked to this parent, and nobody else's."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..access import audience
from ..domain.roles import PARENT
from ..extensions import db
from ..models import ParentLink, Pupil

bp = Blueprint("parent", __name__, url_prefix="/family", template_folder="templates")


@bp.get("/")
@audience(PARENT)
def home():
    children = (
        db.session.execute(
            select(Pupil)
            .join(ParentLink, ParentLink.pupil_id == Pupil.id)
            .where(ParentLink.parent_id == current_user.id, Pupil.archived_at.is_(None))
            .options(selectinload(Pupil.class_group))
            .order_by(Pupil.first_name)
        )
        .scalars()
        .all()
    )
    return render_template("parent/home.html", children=children)
