"""A parent downloads their own data (issue 14, PRI-03): their account, their links to their
children, and everything they sent the school, as the same kind of zip the SENCO exports."""

from __future__ import annotations

from flask_login import current_user

from ..access import audience
from ..domain.roles import PARENT
from ..export_zip import reports_in, zip_response
from ..extensions import db
from ..models import School
from ..models.base import utcnow
from ..services import audit
from ..services import subject_export as export
from ..services.privacy_rows import USER_TABLE
from .blueprint import bp


@bp.get("/my-data.zip")
@audience(PARENT)
def my_data():
    school = db.session.get(School, current_user.school_id)
    tables = export.tables_of(USER_TABLE, current_user.id, "parent")
    data = export.document(school, "parent", current_user.id, tables, utcnow())
    languages = {link.preferred_language for link in current_user.children_links}
    reports = reports_in(languages, data, current_user.name)
    me = current_user._get_current_object()  # the account itself, not Flask-Login's proxy
    audit.record(me, "own_data_downloaded", me, kinds=sorted(tables))
    db.session.commit()
    return zip_response(export.members(data, reports), f"my-data-{data['made_at'][:10]}.zip")
