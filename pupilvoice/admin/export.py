"""The SENCO's subject-access export of a pupil (issue 14, PRI-03): a zip that streams."""

from __future__ import annotations

from ..access import audience, load_or_404
from ..domain.roles import SENCO
from ..export_zip import subject_download
from ..models import Pupil
from ..services.privacy_rows import PUPIL_TABLE
from .blueprint import bp


@bp.get("/pupils/<int:pupil_id>/export.zip")
@audience(SENCO)
def pupil_export(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "export")
    languages = {link.preferred_language for link in pupil.parent_links}
    name = pupil.display_name
    return subject_download(pupil, PUPIL_TABLE, "pupil", languages, name, f"pupil-{pupil.id}")
