"""The error summary at the top of a page whose form was refused, and that page's status.

The rule, in one place (REL-05): a page that shows a form again with its errors answers
**422** (the request was well formed; what was typed needs changing), with a "There is a
problem" summary at the top of the page linking to each field in error (the GOV.UK error
summary pattern). When a field a person cannot see or type in was refused (a hidden
version, a token), or a list holds a value the page never offered, the request did not
come from our page as it was: **400**, the same page. Requests refused before any form is
read (no CSRF token, a body that is not text, control characters in the query string) get
the 400 error page from ``errors.py``.

Pupil pages on the class tablet keep their own kind messages and statuses. Every
``forms.Form`` made during a request is remembered here; ``base.html`` asks for the
summary once, after the view has added its own errors, and that marks the response.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, g, has_request_context, request
from wtforms import Field, HiddenField
from wtforms.widgets import ListWidget

NOT_TYPED = ("csrf_token",)
# The class tablet keeps its own kind, read-aloud messages beside each field for children.
PUPIL_BLUEPRINTS = frozenset({"pupil", "tablet"})


@dataclass(frozen=True)
class FieldProblem:
    """One line of the summary: the message, the id of the field it links to (None when
    the field is not on the page for a person to change), and whether the page could have
    sent what was refused (a hidden field, or a choice the page never offered: it could not)."""

    message: str
    target: str | None
    from_page: bool = True


def remember(form) -> None:
    if has_request_context():
        g.setdefault("pupilvoice_forms", []).append(form)


def _target(field: Field) -> str | None:
    """The id a link moves focus to: a list of radios or boxes starts at its first one."""
    hidden = getattr(field.widget, "input_type", None) == "hidden"
    if hidden or isinstance(field, HiddenField) or field.short_name in NOT_TYPED:
        return None
    if isinstance(field.widget, ListWidget):  # radios, or boxes to tick
        return f"{field.id}-0"
    return field.id


def _in_page_order(form) -> list[Field]:
    """The form's fields as its page shows them: those a form names in ``field_order`` (a
    subclass that redefines a field moves it last in WTForms' order) first."""
    named = getattr(form, "field_order", ())
    fields = list(form)
    return sorted(fields, key=lambda f: named.index(f.name) if f.name in named else len(named))


def invalid_attrs(field: Field) -> dict[str, str]:
    """For each radio or box of a refused list: marked invalid, described by its message
    (``<p class="field__error" id="<field id>-error">``), as the ``field`` macro does."""
    if not field.errors:
        return {}
    return {"aria-invalid": "true", "aria-describedby": f"{field.id}-error"}


def _offered(field: Field) -> bool:
    """A list's value is one the page offered (or none was sent: nothing chosen)."""
    choices = getattr(field, "choices", None)
    if choices is None or not field.raw_data:
        return True
    offered = {str(choice[0]) for choice in field.iter_choices()}
    return all(value in offered for value in field.raw_data)


def problems() -> list[FieldProblem]:
    """Every refused field of the request's forms, in the order of the forms and fields."""
    found: list[FieldProblem] = []
    for form in g.get("pupilvoice_forms", []):
        for field in _in_page_order(form):
            for message in field.errors if isinstance(field.errors, list) else []:
                target = _target(field)
                found.append(FieldProblem(str(message), target, bool(target) and _offered(field)))
        for message in getattr(form, "form_errors", []):
            found.append(FieldProblem(str(message), None))  # about the whole form
    return found


def summary() -> list[FieldProblem]:
    """The summary ``base.html`` shows; asking for it marks the response (see the rule)."""
    shown = [] if request.blueprint in PUPIL_BLUEPRINTS else problems()
    if shown:
        g.pupilvoice_form_status = 422 if all(p.from_page for p in shown) else 400
    return shown


def set_status(response):
    """A page that shows the summary answers 422 (or 400), whatever the view returned."""
    status = g.get("pupilvoice_form_status")
    if status and response.status_code in (200, 400):
        response.status_code = status
    return response


def register(app: Flask) -> None:
    app.after_request(set_status)
    app.add_template_global(summary, "error_summary")
    app.add_template_global(invalid_attrs)
