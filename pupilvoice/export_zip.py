"""The subject-access zip as a response (issue 14, PRI-03): the readable reports in each
language and the streamed zip, shared by the SENCO's export and a parent's own download."""

from __future__ import annotations

from flask import Response, current_app, render_template
from flask_babel import force_locale, get_locale
from flask_login import current_user

from .extensions import db
from .i18n import format_locale
from .models import School
from .models.base import utcnow
from .privacy_labels import readable
from .services import audit
from .services import subject_export as export


def report(data: dict, name: str, lang: str) -> str:
    """The readable copy in ``lang``: headings translated, the rows as they were written."""
    with force_locale(format_locale(lang)):
        return render_template(
            "copies/export_report.html",
            data=data,
            name=name,
            lang=lang,
            school=data["school"],
            made_at=data["made_at"][:16].replace("T", " "),
            sections=readable(data),
        )


def zip_response(files, filename: str) -> Response:
    """``files`` ((name, make bytes) pairs) as a zip download that streams as it is made.
    Each file is made in an app context of its own, opened and closed around it, so a
    download stopped half way leaves no context open (nor a database session)."""
    app = current_app._get_current_object()
    locale = str(get_locale())

    def made_in_context(make):
        def make_in_context() -> bytes:
            with app.test_request_context(), force_locale(locale):
                return make()

        return make_in_context

    files = ((name, made_in_context(make)) for name, make in files)
    response = Response(export.stream_zip(files), mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def reports_in(languages: set[str], data: dict, name: str) -> dict:
    """report.html in English and report-<lang>.html in each family language, each made
    only when the zip writes it."""
    return {
        ("report.html" if lang == "en" else f"report-{lang}.html"): (
            lambda lang=lang: report(data, name, lang)
        )
        for lang in sorted(languages | {"en"})
    }


def subject_download(who, person: str, kind: str, languages: set[str], name: str, filename: str):
    """Everything the privacy registry gives ``kind`` ("pupil" or "parent") about ``who`` as
    a streamed zip, with reports in English and ``languages``; the download is audited."""
    tables = export.tables_of(person, who.id, kind)
    data = export.document(db.session.get(School, who.school_id), kind, who.id, tables, utcnow())
    audit.record(
        current_user,
        "subject_access_exported" if kind == "pupil" else "own_data_downloaded",
        who,
        kinds=sorted(tables),
    )
    db.session.commit()
    members = export.members(data, reports_in(languages, data, name))
    return zip_response(members, f"{filename}-{data['made_at'][:10]}.zip")
