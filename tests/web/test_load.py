"""REL-08: 30 people at once on the staff and parent pages of a 2-worker gunicorn server;
every request answers correctly and none fails, on SQLite and PostgreSQL (--db=postgres).
Correctness under concurrency only: timing belongs in benchmarks/."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from pupilvoice.services import demo
from tests.conftest import free_port
from tests.servers import Browser, gunicorn

USERS = 30
ROUNDS = 8
# (e-mail, page, text the page must show)
JOURNEYS = [
    ("senco@riverside.example", "/staff/", "Hello, Mrs Khan"),
    ("senco@riverside.example", "/school/", "Riverside Primary School"),
    ("jones@riverside.example", "/staff/", "Oak"),
    ("evans@riverside.example", "/staff/", "Willow"),
    ("agnieszka@family.example", "/family/", "Zofia"),
    ("tom.taylor@family.example", "/family/", "Sam"),
]


def _person(port: int, n: int) -> list[str]:
    email, page, expected = JOURNEYS[n % len(JOURNEYS)]
    browser = Browser(port)
    problems = []
    status, _ = browser.submit("/auth/login", {"email": email, "password": demo.PASSWORD})
    if status != 302:
        problems.append(f"{email}: sign-in answered {status}")
    for _ in range(ROUNDS):
        status, html = browser.request("GET", page)
        if status != 200 or expected not in html:
            problems.append(f"{email} {page}: {status}")
    browser.close()
    return problems


def test_rel08_thirty_people_at_once_all_get_right_answers(shared_database_url):
    port = free_port()
    with gunicorn(port, shared_database_url, workers=2), ThreadPoolExecutor(USERS) as pool:
        results = list(pool.map(lambda n: _person(port, n), range(USERS)))
    problems = [p for result in results for p in result]
    assert not problems, problems[:10]
