"""Families for the browser tests: a parent added by the school, and a parent's own phone."""

from __future__ import annotations

from contextlib import contextmanager

from pupilvoice.extensions import db
from pupilvoice.models import ParentLink, User
from tests.browser.conftest import PHONE, demo_pupil


def add_family(live_app, name: str, email: str, child: str, language: str) -> None:
    """A parent the SENCO added but nobody has invited yet."""
    with live_app.app_context():
        if db.session.query(User).filter_by(email=email).first():
            return
        pupil = demo_pupil(child)
        parent = User(school_id=pupil.school_id, role="parent", name=name, email=email)
        parent.locale = language
        db.session.add(parent)
        db.session.flush()
        db.session.add(
            ParentLink(
                school_id=pupil.school_id,
                parent_id=parent.id,
                pupil_id=pupil.id,
                preferred_language=language,
                contact_method="letter",
            )
        )
        db.session.commit()


@contextmanager
def phone(page, base_url):
    """A second person on their own phone: a fresh browser context at 390×844 that may
    ask nothing of any other origin (SEC-14)."""
    context = page.context.browser.new_context(base_url=base_url, viewport=PHONE, has_touch=True)
    foreign: list[str] = []
    context.on(
        "request",
        lambda r: foreign.append(r.url) if not r.url.startswith((base_url, "data:")) else None,
    )
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not foreign, f"requests to other origins: {foreign}"
