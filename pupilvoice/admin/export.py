"""The SENCO's subject-access export of a pupil (issue 14, PRI-03): a zip that streams."""

from __future__ import annotations

from flask_login import current_user

from ..access import audience, load_or_404
from ..domain.roles import SENCO
from ..export_zip import reports_in, zip_response
from ..extensions import db
from ..models import Pupil, School
from ..models.base import utcnow
from ..services import audit
from ..services import subject_export as export
from ..services.privacy_rows import PUPIL_TABLE
from .blueprint import bp


@bp.get("/pupils/<int:pupil_id>/export.zip")
@audience(SENCO)
def pupil_export(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "export")
    school = db.session.get(School, pupil.school_id)
    tables = export.tables_of(PUPIL_TABLE, pupil.id, "pupil")
    data = export.document(school, "pupil", pupil.id, tables, utcnow())
    languages = {link.preferred_language for link in pupil.parent_links}
    reports = reports_in(languages, data, pupil.display_name)
    audit.record(current_user, "subject_access_exported", pupil, kinds=sorted(tables))
    db.session.commit()
    return zip_response(
        export.members(data, reports), f"pupil-{pupil.id}-{data['made_at'][:10]}.zip"
    )
