"""Redirect-after-post for every form on the class tablet (REL-04).

A POST always answers with a 303 to a page, never with a page of its own, so Back and
Reload after "I've finished" never meet a form to send again (the browser's "resubmit?"
question, then a 400 because the session is gone). When a form cannot be taken, what was
typed and the kind messages wait in the session for the next GET of the same page:
never a password or a file (a recording is made again)."""

from __future__ import annotations

from flask import redirect, request, session

KEY = "form_again"
SEE_OTHER = 303
MOST_KEPT = 1500  # characters of typed words: the forms take 1000 (and say so)


def see_other(url: str):
    """After a POST: the browser asks for ``url`` with GET. (A GET that moves on keeps the
    usual 302.)"""
    return redirect(url, SEE_OTHER if request.method == "POST" else 302)


def show_again(form, *, keep: tuple[str, ...] = ("words",), message: str | None = None):
    """Back to this page with GET, keeping ``keep``'s values and every field's messages."""
    data = {}
    for name in keep:
        value = form[name].data if name in form else None
        if isinstance(value, str):
            value = value[:MOST_KEPT]
        if isinstance(value, str | int):
            data[name] = value
    session[KEY] = {
        "path": request.path,
        "data": data,
        "errors": {field.name: [str(e) for e in field.errors] for field in form if field.errors},
        "message": message,
    }
    return see_other(request.full_path.rstrip("?"))


def restore(form) -> str | None:
    """On the GET after ``show_again``: what was typed and the messages go back into the
    form; returns the page's own message, if there was one."""
    kept = session.get(KEY)
    if not kept or kept.get("path") != request.path:
        return None
    session.pop(KEY)
    for name, value in kept["data"].items():
        if name in form:
            form[name].data = value
    for name, errors in kept["errors"].items():
        if name in form and name != "csrf_token":
            form[name].errors = list(errors)
    return kept.get("message")
