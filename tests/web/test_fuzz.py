"""REL-05 (and REL-01/REL-03 "nothing half-written"): hostile input never crashes the app.

Two walks over the real app, on the demo school:

- every id-taking route in ``app.url_map``, with ids that no row can have (zero, past the
  databases' 32- and 64-bit integer ranges): a 404, never a 5xx;
- every form a person can reach, found by following the links of each role's pages as a
  browser would, posted with hostile values drawn by hypothesis (NUL and other control
  characters, line breaks in one-line fields, huge and unicode-digit numbers, 1e308, nan,
  very long text, missing fields): never a 5xx; a refused post (4xx) changes no row; and no
  stored text holds a control character, nor a one-line column (``String``) a line break.

Deterministic (``derandomize``) and small, so it runs in ``make test`` on both databases.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, Text, event, select
from werkzeug.exceptions import HTTPException
from werkzeug.routing import AnyConverter, IntegerConverter

from pupilvoice.extensions import db as _db
from pupilvoice.extensions import limiter
from pupilvoice.models import ClassGroup, Pupil, User
from pupilvoice.services import demo, devices
from tests.conftest import sign_in, tap_pictures
from tests.web.test_access_matrix import ACCESS, ANYONE

# Ids no row can have: 0, past PostgreSQL's integer, past SQLite's (and bigint's) integer.
BAD_IDS = [0, 2**31, 2**63, 10**30]
PLACEHOLDER = 7_654_321  # an id in a built URL that is then swapped for a bad one
NAMED_ARGS = {"token": "not-a-real-token", "kind": "sad", "area": "reading", "starter": "better"}
NAMED_ARGS |= {"language": "pl"}
# a page with a form (hence a CSRF token) for each role
TOKEN_PAGES = {"pupil": "/tablet/help", "tablet": "/tablet/help", "anonymous": "/auth/login"}
ROLE_ORDER = ["senco", "teacher", "ta", "parent", "pupil", "anonymous"]

# Hostile values for any field. Kept in a list so every one is tried early (hypothesis
# picks from the start of a sampled_from list first when it shrinks).
HOSTILE = [
    "\x00",
    "Sam\x00Taylor",
    "a\x01b\x1f",
    "\x1b[2J",
    "\x7f",
    "\u0085",
    "Sam\nBcc: someone@evil.example",
    "Sam\r\nSubject: hi",
    "tab\there",
    "\u2028",
    "²",
    "١٢",
    "𝟗",
    "9" * 30,
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "-1",
    "0",
    "1e308",
    "-1e308",
    "nan",
    "inf",
    "-Infinity",
    "0x10",
    "",
    " ",
    "x" * 100_001,
    "\u202ereversed",
    "<script>alert(1)</script>",
]
EXAMPLES = 6  # drawn at random per form, after the one-field examples
MISSING = object()
KEEP = object()

# POST endpoints that end the very session the walk uses; they are tried last.
LAST = ("auth.logout", "pupil.finish", "auth.two_step_off")


# --- the school and its people -------------------------------------------------------------


@pytest.fixture
def school(app, db):
    """The demo school, with the Oak class tablet enrolled, and rate limits off (the walk
    signs in and posts far more often than a person could; limits have their own tests)."""
    demo.load()
    db.session.commit()
    teacher = _user(demo.TABLET_TEACHER)
    oak = db.session.execute(select(ClassGroup).where(ClassGroup.name == "Oak")).scalar_one()
    token = devices.enrol(oak, teacher, "Oak tablet")
    db.session.commit()
    limiter.enabled = False
    yield token
    limiter.enabled = True


def _user(email: str) -> User:
    return _db.session.execute(select(User).where(User.email == email)).scalar_one()


EMAILS = {
    "senco": "senco@riverside.example",
    "teacher": "jones@riverside.example",
    "ta": "evans@riverside.example",
    "parent": "agnieszka@family.example",  # Zofia's plan is waiting for her
}


def client_for(app, role: str, tablet_token: str):
    client = app.test_client()
    if role in {"pupil", "tablet"}:  # "tablet": the class tablet before anyone signs in
        client.set_cookie(devices.COOKIE, tablet_token)
    if role == "pupil":
        sam = _db.session.execute(select(Pupil).where(Pupil.first_name == "Sam")).scalar_one()
        assert tap_pictures(client, sam, demo.PUPIL_PICTURES).status_code == 303
    elif role not in {"anonymous", "tablet"}:
        response = sign_in(client, _user(EMAILS[role]), demo.PASSWORD)
        assert response.status_code == 302
    return client


# --- what the database holds ---------------------------------------------------------------


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_BREAK = re.compile(r"[\n\r\t\u2028\u2029]")


def _bad_text(column, value) -> bool:
    """A control character, or a line break where the column holds one line (``String``)."""
    if not isinstance(value, str) or not isinstance(column.type, String):
        return False
    one_line = not isinstance(column.type, Text)
    return bool(CONTROL.search(value) or (one_line and LINE_BREAK.search(value)))


# When a session or tablet was last used: written (every few minutes) by any request,
# refused or not, as SEC-07 needs; not part of what a post writes.
ACTIVITY = {"login_session.last_seen_at", "device.last_seen_at"}


# Statements that may write a table (its name), and those that never write one.
WRITE = re.compile(
    r'\s*(INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?\s', re.I
)
READ_ONLY = re.compile(r"\s*(SELECT|PRAGMA|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT)\b", re.I)


class Snapshots:
    """``snapshot()``: a digest of each table's rows (equal digests: nothing written), and
    the stored text that breaks the rules above.

    A table is read again only when a statement since the last snapshot may have written
    it: every write the app makes goes through its one engine, watched here, and the
    database has no triggers or cascades of its own (a DELETE still counts as a write to
    every table that refers to it). A statement not understood counts as a write to every
    table. So the answers are those of reading every table each time, which took a third
    of the walk's time as the audit log grew."""

    def __init__(self):
        self.tables = {table.name: table for table in _db.metadata.sorted_tables}
        self.dirty = set(self.tables)
        self.digests: dict[str, str] = {}
        self.bad: dict[str, set[str]] = {}

    def __enter__(self):
        event.listen(_db.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc):
        event.remove(_db.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, *_args):
        write = WRITE.match(statement)
        if write and write.group(2) in self.tables:
            self._written(write.group(2), write.group(1).upper().startswith("DELETE"))
        elif write or not READ_ONLY.match(statement):
            self.dirty |= set(self.tables)

    def _written(self, name: str, deleted: bool) -> None:
        if name in self.dirty:
            return
        self.dirty.add(name)
        if deleted:
            for other in self.tables.values():
                if any(fk.column.table.name == name for fk in other.foreign_keys):
                    self._written(other.name, deleted)

    def __call__(self) -> tuple[dict[str, str], set[str]]:
        dirty, self.dirty = self.dirty, set()
        for name in dirty:
            self._read(self.tables[name])
        _db.session.rollback()
        return dict(self.digests), set().union(*self.bad.values())

    def _read(self, table) -> None:
        columns = [c for c in table.columns if f"{table.name}.{c.name}" not in ACTIVITY]
        query = select(*columns).order_by(*table.primary_key.columns)
        rows = _db.session.execute(query).all()
        self.digests[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
        self.bad[table.name] = {
            f"{table.name}.{column.name}={value[:40]!r}"
            for row in rows
            for column, value in zip(columns, row, strict=True)
            if _bad_text(column, value)
        }


# --- id routes -----------------------------------------------------------------------------


def _id_rules(app):
    for rule in app.url_map.iter_rules():
        ints = [n for n, c in rule._converters.items() if isinstance(c, IntegerConverter)]
        if rule.endpoint != "static" and ints:
            yield rule, ints


def _url_with(rule, ints: list[str], bad: int) -> str:
    values = {name: _good_value(rule, name) for name in rule.arguments}
    return rule.build(values)[1].replace(str(PLACEHOLDER), str(bad))


def _good_value(rule, name: str):
    """A value the route accepts for a part that is not an id (an ``any(...)`` takes its first)."""
    converter = rule._converters[name]
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)[0]
    return NAMED_ARGS.get(name, PLACEHOLDER)


def _role_for(endpoint: str) -> str:
    allowed = ACCESS[endpoint]
    if endpoint.startswith("tablet."):
        return "tablet"
    if allowed == ANYONE:
        return "anonymous"
    return next(role for role in ROLE_ORDER if role in allowed)


def test_rel05_every_id_route_gives_404_for_ids_out_of_range(app, school):
    """Ids past the database's integer range (and zero) are unknown ids: 404, not 500.
    Each route is asked by a role that may use it, so the id really reaches the view."""
    clients = {}
    failures = []
    rules = sorted(_id_rules(app), key=lambda pair: pair[0].rule)
    assert len(rules) > 40
    for rule, ints in rules:
        role = _role_for(rule.endpoint)
        if role not in clients:
            clients[role] = client_for(app, role, school)
        client = clients[role]
        token = client.csrf_token(TOKEN_PAGES.get(role, "/auth/account"))
        for bad in BAD_IDS:
            url = _url_with(rule, ints, bad)
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                data = {"csrf_token": token} if method == "POST" else None
                status = client.open(url, method=method, data=data).status_code
                if status not in {404, 405}:  # 405: the path's other rule takes GET only
                    failures.append(f"{method} {url} ({role}): {status}")
    assert not failures, "\n".join(failures)


# --- forms ---------------------------------------------------------------------------------


class PageParser(HTMLParser):
    """The links and POST forms of a page, as a browser sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "option" and self._select and self._form is not None:
            self._option(a)
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            method = (a.get("method") or "get").lower()
            self._form = {"action": a.get("action") or "", "method": method, "fields": {}}
            self.forms.append(self._form)
        elif self._form is not None and a.get("name"):
            self._field(tag, a)

    def _field(self, tag, a):
        fields, name = self._form["fields"], a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in {"checkbox", "radio"}:
                fields.setdefault(name, {"type": kind, "value": None, "options": []})
                fields[name]["options"].append(a.get("value", "on"))
                if "checked" in a:
                    fields[name]["value"] = a.get("value", "on")
            elif kind not in {"submit", "button", "image", "reset"}:
                fields[name] = {"type": kind, "value": a.get("value", ""), "options": []}
            elif name not in fields:
                fields[name] = {"type": "submit", "value": a.get("value", ""), "options": []}
        elif tag == "textarea":
            fields[name] = {"type": "textarea", "value": "", "options": []}
            self._textarea = name
        elif tag == "select":
            fields[name] = {"type": "select", "value": None, "options": []}
            self._select = name
        elif tag == "button":
            fields.setdefault(name, {"type": "submit", "value": a.get("value", ""), "options": []})

    def _option(self, a):
        field = self._form["fields"][self._select]
        field["options"].append(a.get("value", ""))
        if "selected" in a or field["value"] is None:
            field["value"] = a.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self._form["fields"][self._textarea]["value"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def _endpoint(app, path: str, method: str = "GET") -> str | None:
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _args = adapter.match(path, method=method)
    except HTTPException:
        return None
    return endpoint


def _page(link: str) -> bool:
    """A link worth following for forms: not another language's copy of a page, nor a PDF
    (which has none, and takes WeasyPrint a second or more to make)."""
    return "lang=" not in link and not urlsplit(link).path.endswith(".pdf")


def crawl(app, client, start: str, scope=("/",), per_endpoint: int = 2) -> dict:
    """Follow the role's links under ``scope`` (at most ``per_endpoint`` pages of each
    endpoint) and return the first POST form found for each endpoint: endpoint -> (page,
    action, fields)."""
    queue, seen, visits, forms = [start], set(), Counter(), {}
    while queue:
        url = queue.pop(0)
        parts = urlsplit(url)
        endpoint = _endpoint(app, parts.path)
        if url in seen or endpoint in {None, "static"} or visits[endpoint] >= per_endpoint:
            continue
        seen.add(url)
        visits[endpoint] += 1
        response = client.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        page = PageParser()
        page.feed(response.get_data(as_text=True))
        queue += [link for link in page.links if link.startswith(scope) and _page(link)]
        for form in page.forms:
            action = urlsplit(form["action"] or parts.path).path or parts.path
            post_endpoint = _endpoint(app, action, "POST")
            if form["method"] == "post" and post_endpoint and post_endpoint not in forms:
                forms[post_endpoint] = (url, form["action"] or url, form["fields"])
    return forms


def plausible(name: str, field: dict) -> str | None:
    """What a person would leave or type in the field, so hostile values in the others get
    past validation and reach the services."""
    value = field["value"]
    if value:
        return value
    return {
        "number": "3",
        "date": "2027-03-14",
        "email": f"fuzz.{name}@family.example",
        "textarea": "Reads 20 words with two sounds.",
        "text": "Sam",
    }.get(field["type"], value)


def value_strategy(name: str, field: dict):
    if field["type"] == "file":
        hostile_file = st.sampled_from([b"\x00\x01\x02", b"class,first_name\nOak,\x00", b""])
        return st.one_of(st.just(MISSING), hostile_file.map(lambda b: (io.BytesIO(b), "x.csv")))
    return st.one_of(
        st.just(KEEP),
        st.just(MISSING),
        st.sampled_from(HOSTILE),
        st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    )


# Each field is also tried on its own with the values most likely to break its kind.
NUMBER_BREAKERS = ["9" * 30, "1e308", "nan", "²", MISSING]
TEXT_BREAKERS = ["Sam\x00", "Sam\nBcc: someone@evil.example", MISSING]
CHOICE_BREAKERS = ["\x00", "9" * 30, MISSING]


def one_field_examples(fuzzable: dict) -> list[dict]:
    examples = []
    for name, field in fuzzable.items():
        if field["type"] in {"hidden", "number"}:
            breakers = NUMBER_BREAKERS + TEXT_BREAKERS[:1]
        elif field["type"] in {"select", "radio", "checkbox"}:
            breakers = CHOICE_BREAKERS
        elif field["type"] == "file":
            breakers = [MISSING]
        else:
            breakers = TEXT_BREAKERS
        examples += [{name: value} for value in breakers]
    return examples


def _post_data(fields: dict, drawn: dict, token: str) -> dict:
    """What the browser would send: every field as the page has it or as a person would
    fill it in, with the drawn values instead where drawn (MISSING: not sent at all)."""
    data = {"csrf_token": token}
    for name, field in fields.items():
        value = drawn.get(name, KEEP)
        if value is KEEP:
            value = plausible(name, field)
        if value is not MISSING and value is not None:
            data[name] = value
    return data


def _order(forms: dict) -> list[str]:
    """Forms that archive, revoke or end the session go last, so others still find rows
    (making this browser a class tablet signs the teacher out of it)."""
    ending = ("archive", "revoke", "remove", "retire", "logout", "finish", "off", "stop", "enrol")
    return sorted(forms, key=lambda e: (e in LAST, any(w in e for w in ending), e))


def fields_now(client, page: str, action: str, fields: dict) -> dict:
    """The form's fields as its page shows them now (after a save the hidden version has
    moved on, and an old one would only ever reach the "changed meanwhile" page)."""
    response = client.get(page)
    parsed = PageParser()
    parsed.feed(response.get_data(as_text=True))
    same = [form["fields"] for form in parsed.forms if (form["action"] or page) == action]
    return same[0] if response.status_code == 200 and same else fields


def fuzz_form(client, endpoint: str, page: str, action: str, fields: dict, token: str):
    """Post hostile values to one form; the first broken rule, or None."""
    fuzzable = {
        n: f for n, f in fields.items() if not n.endswith("csrf_token") and f["type"] != "submit"
    }
    strategy = st.fixed_dictionaries({n: value_strategy(n, f) for n, f in fuzzable.items()})
    with Snapshots() as snapshot:
        current = [fields_now(client, page, action, fields)]
        last = [snapshot()]

        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],  # no shrinking: the first problem is reported
            suppress_health_check=list(HealthCheck),
        )
        @given(drawn=strategy)
        def post_hostile(drawn):
            response = client.post(action, data=_post_data(current[0], drawn, token))
            before, now = last[0], snapshot()
            last[0] = now
            status = response.status_code
            if status >= 500:
                problems.append(f"{status} for {drawn!r}")
            elif status >= 400 and (changed := [t for t in now[0] if now[0][t] != before[0][t]]):
                problems.append(f"{status}, but {changed} changed, for {drawn!r}")
            elif now[1] - before[1]:
                problems.append(f"stored {sorted(now[1] - before[1])}")
            if status < 400:  # saved: the next post starts from the page as it is now
                current[0] = fields_now(client, page, action, fields)
                last[0] = snapshot()  # opening the page may note the read (REL-06)

        for one in one_field_examples(fuzzable):
            post_hostile = example(drawn=one)(post_hostile)
        problems: list[str] = []
        post_hostile()
    return f"{endpoint}: {problems[0][:300]}" if problems else None


HOMES = {
    "senco": "/staff/",
    "teacher": "/staff/",
    "ta": "/staff/",
    "parent": "/family/",
    "pupil": "/pupil/",
    "tablet": "/tablet/",
    "anonymous": "/auth/login",
}
# The SENCO's own pages; the plan and family forms they share with teachers are the
# teacher's to walk (so the two halves take about as long as each other).
SCOPES = {"senco": ("/school/", "/staff/bank", "/staff/glossary")}
# Forms the walk must reach for each role (so it cannot quietly stop finding them).
REACHED = {
    "senco": {
        "admin.class_new",
        "admin.link_add",
        "admin.parent_new",
        "admin.pupil_edit",
        "admin.pupil_new",
        "admin.roster_preview",
        "admin.staff_edit",
        "admin.staff_invite",
        "admin.topic_card_new",
        "admin.worry_word_list",
        "staff.bank_new",
        "staff.glossary_edit",
    },
    "teacher": {
        "auth.account",
        "families.paper_answer",
        "families.translate",
        "staff.close_worry",
        "staff.enrol_tablet",
        "staff.evidence_add",
        "staff.plan_edit",
        "staff.plan_new",
        "staff.pupil_pictures",
        "staff.target_edit",
        "staff.target_new",
    },
    "ta": {"staff.evidence_add", "staff.pupil_pictures"},
    "parent": {"parent.answer", "auth.two_step_setup"},
    "pupil": {"pupil.helper", "pupil.rate", "pupil.target_words", "pupil.worry_tell"},
    "tablet": {"tablet.pictures_sign_in", "tablet.assist"},
    "anonymous": {"auth.login", "auth.reset_request", "join.enter_code"},
}


@pytest.mark.parametrize("role", list(HOMES))
def test_rel05_every_form_refuses_hostile_input_without_500(app, school, role):
    """Hostile values in every field of every form the role reaches: never a 5xx, a refused
    post writes nothing, and nothing stored carries a control character."""
    client = client_for(app, role, school)
    forms: dict = {}
    scope = SCOPES.get(role, ("/",))
    for page in scope if role in SCOPES else [HOMES[role]]:
        forms |= {k: v for k, v in crawl(app, client, page, scope).items() if k not in forms}
    assert REACHED[role] <= set(forms), f"not reached: {REACHED[role] - set(forms)}"
    token = client.csrf_token(TOKEN_PAGES.get(role, "/auth/account"))
    failures = []
    for endpoint in _order(forms):
        if endpoint in LAST:
            continue
        failures.append(fuzz_form(client, endpoint, *forms[endpoint], token))
        if not any(w in endpoint for w in ("enrol", "revoke", "archive")):
            home = client.get(HOMES[role])
            assert home.status_code == 200, f"{endpoint} ended the walk's session"
    failures = [failure for failure in failures if failure]
    assert not failures, "\n".join(failures)
