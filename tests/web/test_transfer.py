"""Issue 14, item 5: a pupil moves to a second school with their plan and voice. The old
school's SENCO downloads the transfer file; the new school's SENCO imports it, matched by
the pupil reference only when they say so; a school without PupilVoice reads the PDF."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import select

from pupilvoice.extensions import db
from pupilvoice.models import Plan, Proposal, Pupil, Recording, SortChoice, Worry
from tests.web.privacy_helpers import pupil_with_everything


@pytest.fixture
def moving(world, factory, login):
    """Sam (UPN A123) with everything, and the SENCO of the school he moves to."""
    pupil_with_everything(world)
    world.pupil.upn = "A123456789012"
    hilltop = factory.school("Hilltop Primary")
    senco = factory.user(hilltop, "senco", "Mr Hill")
    factory.class_group(hilltop, "Ash", 2)
    db.session.commit()
    response = login(world.senco).get(f"/school/pupils/{world.pupil.id}/transfer.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    return world, hilltop, login(senco), response.get_data()


def _upload(client, body: bytes, **fields):
    data = {"file": (io.BytesIO(body), "transfer.zip"), "class_id": "0"} | fields
    page = "/school/pupils/transfer-in"
    return client.form(page, data, content_type="multipart/form-data")


def test_the_transfer_file_has_the_plan_and_voice_but_no_worries(moving):
    world, _, _, body = moving
    archive = zipfile.ZipFile(io.BytesIO(body))
    data = json.loads(archive.read("transfer.json"))
    assert data["schema"] == "pupilvoice.transfer/1" and data["pupil"]["upn"] == "A123456789012"
    assert data["plan"]["targets"][0]["smart_text"].startswith("By 14 March, Sam will read")
    assert data["sorts"][0]["choices"][0]["words"] == "Sums are hard"
    assert "worries" not in data and "Nobody plays" not in json.dumps(data)
    assert archive.read(data["recordings"][0]["file"]) == b"OggS"
    assert archive.read("plan.pdf").startswith(b"%PDF"), "for a school without PupilVoice"


def test_a_pupil_moves_to_a_second_school_with_plan_and_voice(moving):
    world, hilltop, senco, body = moving
    added = _upload(senco, body)
    assert added.status_code == 302
    pupil = db.session.scalar(select(Pupil).where(Pupil.school_id == hilltop.id))
    assert (pupil.first_name, pupil.upn) == ("Sam", "A123456789012")
    plan = db.session.scalar(select(Plan).where(Plan.pupil_id == pupil.id))
    assert plan.status == "draft" and plan.school_id == hilltop.id
    assert plan.targets[0].smart_text.startswith("By 14 March, Sam will read")
    choice = db.session.scalar(select(SortChoice).where(SortChoice.school_id == hilltop.id))
    assert choice.words == "Sums are hard" and choice.card.school_id == hilltop.id
    sound = db.session.get(Recording, choice.recording_id)
    assert sound.data == b"OggS" and sound.pupil_id == pupil.id
    idea = db.session.scalar(select(Proposal).where(Proposal.pupil_id == pupil.id))
    assert idea.words == "I can count to 20" and idea.ratings[0].level == 3
    assert db.session.scalar(select(Worry).where(Worry.pupil_id == pupil.id)) is None
    again = _upload(senco, body)
    assert again.status_code == 422 and "already imported" in again.get_data(as_text=True)


def test_nothing_is_merged_silently_with_a_pupil_already_here(moving, factory):
    world, hilltop, senco, body = moving
    here = factory.pupil(factory.class_group(hilltop, "Elm", 2), "Samuel")
    here.upn = "A123456789012"
    db.session.commit()
    asked = _upload(senco, body)
    assert asked.status_code == 422 and "Samuel" in asked.get_data(as_text=True)
    assert db.session.scalar(select(Plan).where(Plan.pupil_id == here.id)) is None
    added = _upload(senco, body, add_to_existing="y")
    assert added.status_code == 302 and added.location.endswith(f"/school/pupils/{here.id}")
    assert db.session.scalar(select(Plan).where(Plan.pupil_id == here.id)).status == "draft"
    pupils = db.session.scalars(select(Pupil).where(Pupil.school_id == hilltop.id)).all()
    assert len(pupils) == 1


def test_rel05_a_damaged_file_is_refused_and_writes_nothing(moving):
    _, hilltop, senco, body = moving
    for damaged in (b"not a zip", body[: len(body) // 2]):
        refused = _upload(senco, damaged)
        assert refused.status_code == 422
        assert "not a PupilVoice transfer file" in refused.get_data(as_text=True)
    assert db.session.scalar(select(Pupil).where(Pupil.school_id == hilltop.id)) is None
