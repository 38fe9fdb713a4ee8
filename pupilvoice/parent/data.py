"""A parent downloads their own data (issue 14, PRI-03): their account, their links to their
children, and everything they sent the school, as the same kind of zip the SENCO exports."""

from __future__ import annotations

from flask_login import current_user

from ..access import audience
from ..domain.roles import PARENT
from ..export_zip import subject_download
from ..services.privacy_rows import USER_TABLE
from .blueprint import bp


@bp.get("/my-data.zip")
@audience(PARENT)
def my_data():
    languages = {link.preferred_language for link in current_user.children_links}
    name = current_user.name
    return subject_download(current_user, USER_TABLE, "parent", languages, name, "my-data")
