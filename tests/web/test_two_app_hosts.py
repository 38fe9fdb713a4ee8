"""Two app servers behind one proxy, sharing PostgreSQL and Redis (issue 16, item 6).

Two gunicorn servers ("hosts" A and B) serve the demo school from one PostgreSQL database,
with their rate limits in one Redis, behind Caddy over TLS (round robin). Everything a
person does on one host holds on the other: a session started on A works on B, signing
out or being archived on one ends it on both (SEC-07), a form's CSRF token from A is good
on B and a forged post is refused on both (SEC-10), the sign-in limit counts across both
(SEC-05), two teachers saving one target on different hosts get the merge page (REL-04),
and the live checker's per-process cache on B sees a glossary saved on A. Runs in the
PostgreSQL leg (--db=postgres).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pupilvoice import create_app
from pupilvoice.extensions import db
from pupilvoice.services import demo, devices
from tests.servers import Browser, caddy, form_for, free_port, gunicorn, redis_server

pytestmark = pytest.mark.postgres
SECRET = "two-hosts-secret-" + "x" * 32  # every host shares it (cookies, CSRF, pictures)
TEACHER, TA, SENCO = "jones@riverside.example", "evans@riverside.example", "senco@riverside.example"
SAM_PLAN, SAM_TARGET = 1, 1  # the demo's draft plan (Mr Jones's class) and its first target


@dataclass
class Hosts:
    a: int
    b: int
    proxy: int


def _new_database(server_url: str) -> str:
    name = f"hosts_{uuid.uuid4().hex[:10]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def hosts(request):
    if request.config.getoption("--db") != "postgres":
        pytest.skip("two app hosts share PostgreSQL: runs in the PostgreSQL leg (--db=postgres)")
    url = _new_database(request.getfixturevalue("postgres_url"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET})
    with app.app_context():
        db.create_all()
        demo.load()
        db.session.commit()
        db.engine.dispose()
    with redis_server() as redis_url:
        shared = {
            "SECRET_KEY": SECRET,
            "RATELIMIT_STORAGE_URI": redis_url,
            "LOGIN_LIMIT": "5 per hour",  # per hour: a slow machine cannot outlast it
        }
        with (
            gunicorn(free_port(), url, **shared) as a,
            gunicorn(free_port(), url, **shared) as b,
            caddy([a, b]) as proxy,
        ):
            yield Hosts(a, b, proxy)


def test_two_app_hosts_behind_one_proxy_share_everything(hosts):
    """One test, one topology: each xdist worker that ran a part would start its own."""
    check_sec07_session_from_one_host_works_on_the_other_sign_out_ends_both(hosts)
    check_sec07_archiving_on_one_host_signs_the_person_out_on_the_other(hosts)
    check_sec10_form_from_one_host_posts_to_the_other_and_forgeries_fail(hosts)
    check_sec05_the_sign_in_limit_counts_across_hosts_behind_the_proxy(hosts)
    check_a_whole_visit_through_the_proxy_spreads_over_both_hosts(hosts)
    check_rel04_two_teachers_saving_one_target_on_two_hosts_get_merge_page(hosts)
    check_the_checker_cache_on_one_host_sees_a_glossary_saved_on_the_other(hosts)
    check_sec06_a_tablet_enrolled_on_one_host_signs_pupils_in_on_the_other(hosts)


def signed_in(port: int, email: str, tls: bool = False) -> Browser:
    browser = Browser(port, tls=tls)
    status, _ = browser.submit("/auth/login", {"email": email, "password": demo.PASSWORD})
    assert status == 302
    return browser


def on(port: int, browser: Browser) -> Browser:
    """The same browser (its cookie) talking to another host."""
    other = Browser(port)
    other.cookie = browser.cookie
    return other


def check_sec07_session_from_one_host_works_on_the_other_sign_out_ends_both(hosts: Hosts) -> None:
    on_a = signed_in(hosts.a, TEACHER)
    on_b = on(hosts.b, on_a)
    status, html = on_b.request("GET", "/staff/")
    assert status == 200 and "Oak" in html
    status, _ = on_b.submit("/auth/logout", {}, page="/staff/")  # signs out on B
    assert status == 303
    status, _ = on_a.request("GET", "/staff/")  # the cookie from before, on A
    assert status == 302  # back to sign in: the session ended for both hosts


def check_sec07_archiving_on_one_host_signs_the_person_out_on_the_other(hosts: Hosts) -> None:
    assistant = signed_in(hosts.b, TA)
    assert assistant.request("GET", "/staff/")[0] == 200
    senco = signed_in(hosts.a, SENCO)
    _, staff = senco.request("GET", "/school/staff")
    user_id = re.search(r'href="/school/staff/(\d+)"[^>]*>\s*Mrs Evans', staff).group(1)
    page = f"/school/staff/{user_id}"
    assert senco.submit(f"{page}/archive", {}, page=page)[0] == 302
    assert assistant.request("GET", "/staff/")[0] == 302  # on B, at once


def check_sec10_form_from_one_host_posts_to_the_other_and_forgeries_fail(hosts: Hosts) -> None:
    on_a = signed_in(hosts.a, TEACHER)
    _, html = on_a.request("GET", "/staff/")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    on_b = on(hosts.b, on_a)
    check = json.dumps({"kind": "plain", "text": "We will use a visual timetable."})
    status, _ = _post_json(on_b, "/staff/check", check, token)
    assert status == 200
    for port in (hosts.a, hosts.b):
        status, _ = _post_json(on(port, on_a), "/staff/check", check, "forged")
        assert status == 400


def check_sec05_the_sign_in_limit_counts_across_hosts_behind_the_proxy(hosts: Hosts) -> None:
    # A, B, A, B directly, then through the proxy (which sends each try's page and post to
    # different hosts): each host alone sees fewer than 5 wrong tries
    tries = [(hosts.a, False), (hosts.b, False)] * 2 + [(hosts.proxy, True)] * 3
    statuses = []
    for port, tls in tries:
        browser = Browser(port, tls=tls)
        status, _ = browser.submit("/auth/login", {"email": "x@y.example", "password": "no"})
        statuses.append(status)
        browser.close()
    # 5 wrong tries an hour for one account from one address, counted in Redis for both
    assert statuses == [200] * 5 + [429] * 2


def check_a_whole_visit_through_the_proxy_spreads_over_both_hosts(hosts: Hosts) -> None:
    browser = signed_in(hosts.proxy, TEACHER, tls=True)
    for path in ["/staff/", f"/staff/plans/{SAM_PLAN}", "/staff/tablets", "/staff/"] * 2:
        assert browser.request("GET", path)[0] == 200, path


def check_rel04_two_teachers_saving_one_target_on_two_hosts_get_merge_page(hosts: Hosts) -> None:
    url = f"/staff/plans/{SAM_PLAN}/targets/{SAM_TARGET}"
    first, second = signed_in(hosts.a, TEACHER), signed_in(hosts.b, TEACHER)
    _, page_a = first.request("GET", url)
    _, page_b = second.request("GET", url)
    assert _save(second, url, page_b, "I can read 40 tricky words at home.")[0] == 302
    status, html = _save(first, url, page_a, "I can read 40 tricky words at school.")
    assert status == 409 and "at home" in html  # A shows B's words: nothing is lost


def check_the_checker_cache_on_one_host_sees_a_glossary_saved_on_the_other(hosts: Hosts) -> None:
    senco_a = signed_in(hosts.a, SENCO)
    on_b = on(hosts.b, senco_a)
    _, html = on_b.request("GET", "/staff/")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    check = json.dumps({"kind": "plain", "text": "Sam will use the zog board."})
    before = json.loads(_post_json(on_b, "/staff/check", check, token)[1])
    assert not any("zog" in json.dumps(p) for p in before["problems"])  # B caches this
    _, page = senco_a.request("GET", "/staff/glossary")
    terms = re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S).group(1).strip()
    status, _ = senco_a.submit(
        "/staff/glossary", {"terms": f"{terms}\nzog board = choice board"}, page="/staff/glossary"
    )
    assert status == 302
    after = json.loads(_post_json(on_b, "/staff/check", check, token)[1])
    assert any("choice board" in json.dumps(p) for p in after["problems"])


def check_sec06_a_tablet_enrolled_on_one_host_signs_pupils_in_on_the_other(hosts: Hosts) -> None:
    tablet = signed_in(hosts.a, TEACHER)
    status, _ = tablet.fill("/staff/tablets/enrol", "/staff/tablets", name="Oak tablet")
    assert status == 302 and devices.COOKIE in tablet.cookies
    on_b = on(hosts.b, tablet)
    _, names = on_b.request("GET", "/tablet/")
    sam = re.search(r'href="(/tablet/pupils/\d+)"[^>]*>.*?Sam', names, re.S).group(1)
    for picture in demo.PUPIL_PICTURES:  # picture keys are keyed by the shared SECRET_KEY
        status, _ = on_b.fill(sam, sam, pick=picture)
    assert status == 303
    on_a = on(hosts.a, on_b)
    status, html = on_a.request("GET", "/pupil/")
    assert status == 200 and "/pupil/finish" in html


def _post_json(browser: Browser, path: str, body: str, token: str):
    headers = {"Content-Type": "application/json", "X-CSRFToken": token, "Cookie": browser.cookie}
    browser.conn.request("POST", path, body=body, headers=headers)
    response = browser.conn.getresponse()
    return response.status, response.read().decode()


def _save(browser: Browser, url: str, page: str, words: str):
    """Send the target editor as it was on ``page`` (perhaps a while ago), new words in."""
    fields = form_for(page, url, url)["fields"]
    return browser.request("POST", url, urlencode({**fields, "child_text": words}))
