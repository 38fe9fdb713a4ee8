"""Issue 14, item 2 (PRI-03): the SENCO exports everything about a pupil, and a parent their
own data, as a zip with data.json, the recordings and a readable report."""

from __future__ import annotations

import io
import json
import zipfile

from sqlalchemy import select

from pupilvoice.extensions import db
from pupilvoice.models import AuditEvent
from pupilvoice.models.privacy import SECRET_COLUMNS
from pupilvoice.services.privacy_rows import conditions
from tests.web.privacy_helpers import pupil_with_everything


def _unzip(response) -> zipfile.ZipFile:
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    return zipfile.ZipFile(io.BytesIO(response.get_data()))


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_pri03_the_export_holds_every_kind_the_pupil_has(login, world):
    pupil = pupil_with_everything(world)
    world.parent.children_links[0].preferred_language = "pl"
    db.session.commit()
    archive = _unzip(login(world.senco).get(f"/school/pupils/{pupil.id}/export.zip"))
    data = json.loads(archive.read("data.json"))
    assert data["schema"] == "pupilvoice.export/1" and data["subject"] == {
        "kind": "pupil",
        "id": pupil.id,
    }
    exported = {e.model.__name__ for e in conditions("pupil", pupil.id) if "pupil" in e.export}
    assert exported <= set(data["tables"]), "every registered kind the pupil has"
    assert "PictureKey" not in data["tables"], "a picture password is never exported"
    assert not _keys(data["tables"]) & SECRET_COLUMNS
    words = [row["words"] for row in data["tables"]["SortChoice"]]
    assert words == ["Sums are hard"]
    (sound,) = data["recordings"]
    assert archive.read(sound["file"]) == b"OggS"
    assert data["people"][str(world.teacher.id)] == "Mr Jones"
    report = archive.read("report.html").decode()
    assert "Everything about Sam T." in report and "Sums are hard" in report
    polish = archive.read("report-pl.html").decode()
    assert 'lang="pl"' in polish and "Sums are hard" in polish
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "subject_access_exported")
    )


def test_pri03_a_parent_downloads_their_own_data_only(login, world, factory):
    pupil_with_everything(world)
    other = factory.user(world.school, "parent", "Olu Adeyemi")
    factory.link(other, world.other_pupil)
    db.session.commit()
    archive = _unzip(login(world.parent).get("/family/my-data.zip"))
    data = json.loads(archive.read("data.json"))
    assert data["subject"] == {"kind": "parent", "id": world.parent.id}
    assert [row["comment"] for row in data["tables"]["ParentResponse"]] == ["Thank you"]
    assert [row["email"] for row in data["tables"]["User"]] == [world.parent.email]
    assert "password_hash" not in data["tables"]["User"][0]
    assert data["recordings"] == [] and "Recording" not in data["tables"]
    assert "Olu" not in archive.read("data.json").decode()
    assert "Download my data" in login(world.parent).get("/auth/account").get_data(as_text=True)


def test_sec02_only_the_schools_senco_exports_a_pupil(login, world, factory):
    other = factory.user(factory.school("Hilltop Primary"), "senco", "Mr Hill")
    db.session.commit()
    address = f"/school/pupils/{world.pupil.id}/export.zip"
    assert login(other).get(address).status_code == 404
    assert login(world.teacher).get(address).status_code == 403


def test_a_parents_download_is_audited_as_their_account(login, world):
    login(world.parent).get("/family/my-data.zip").get_data()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "own_data_downloaded"))
    assert (event.object_type, event.object_id) == ("User", world.parent.id)
