"""The school's plain-language glossary: its own terms, or the starter glossary."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select

from ..domain.plain_language import STARTER_GLOSSARY
from ..extensions import db
from ..models import GlossaryTerm, School, User
from . import audit


def for_school(school_id: int) -> dict[str, str]:
    return with_origin(school_id)[0]


def with_origin(school_id: int) -> tuple[dict[str, str], bool]:
    """The school's glossary, and True when that is the starter glossary (one query)."""
    query = (
        select(GlossaryTerm.term, GlossaryTerm.plain)
        .where(GlossaryTerm.school_id == school_id)
        .order_by(GlossaryTerm.id)
    )
    own = {term: plain for term, plain in db.session.execute(query)}
    return (own, False) if own else (dict(STARTER_GLOSSARY), True)


def replace(actor: User, school: School, terms: Mapping[str, str]) -> None:
    """The school's glossary becomes ``terms``; none means the starter glossary again."""
    db.session.execute(delete(GlossaryTerm).where(GlossaryTerm.school_id == school.id))
    db.session.add_all(
        GlossaryTerm(school_id=school.id, term=term, plain=plain) for term, plain in terms.items()
    )
    db.session.flush()
    audit.record(actor, "glossary_changed", school, terms=len(terms))
