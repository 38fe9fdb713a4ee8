"""Issue 14, item 6: the families' privacy notice and the record of processing are made
from the privacy registry, so they list every kind of personal data the app holds (PRI-02)."""

from __future__ import annotations

import html

from pupilvoice.models.privacy import REGISTRY
from pupilvoice.privacy_labels import KIND_LABELS


def _labels(app) -> dict[str, str]:
    with app.test_request_context("/?lang=en"):
        return {name: str(label) for name, label in KIND_LABELS.items()}


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def test_pri02_the_family_notice_lists_every_kind_about_pupils_and_parents(app, client):
    page, labels = _text(client.get("/privacy?lang=en")), _labels(app)
    for entry in REGISTRY:
        label = labels[entry.model.__name__]
        shown = label in page
        assert shown == bool({"pupil", "parent"} & set(entry.about)), label
    assert "What worries the pupil and what staff did, to keep them safe" in page
    assert "until they are 25, or 31 with an EHC plan" in page


def test_the_family_notice_is_in_the_familys_language(client):
    page = _text(client.get("/privacy?lang=pl"))
    assert "Nagrania" in page and "Recordings" not in page


def test_pri02_the_record_of_processing_lists_every_registered_kind(app, login, world):
    page, labels = _text(login(world.senco).get("/school/records/processing")), _labels(app)
    for entry in REGISTRY:
        assert labels[entry.model.__name__] in page
        assert ", ".join(entry.fields) in page
    assert world.school.name in page
