"""A browser's forms: each form on a page with what a browser would send untouched, for the
test browser (tests/servers.py) and the load test's journeys (benchmarks/journeys.py)."""

from __future__ import annotations

from html.parser import HTMLParser


class Forms(HTMLParser):
    """Each form on a page with the values a browser would send untouched."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: str | None = None
        self._first_option: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "fields": {}, "options": {}})
        if not self.forms:
            return
        fields, name = self.forms[-1]["fields"], a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                self.forms[-1]["options"].setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    fields[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                fields[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea, fields[name] = name, ""
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            self.forms[-1]["options"].setdefault(self._select, []).append(value)
            if self._first_option is None:
                self._first_option = fields[self._select] = value
            if "selected" in a:
                fields[self._select] = value

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data


def forms_of(html: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    return parser.forms


def form_for(html: str, action: str, page: str) -> dict:
    """The form posting to ``action`` (a form without one posts to its own page)."""
    for form in forms_of(html):
        if (form["action"] or page) == action:
            return form
    raise LookupError(f"no form for {action} on {page}")
