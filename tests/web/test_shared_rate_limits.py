"""SEC-05 with several app servers: sign-in limits are shared through Redis, so two
gunicorn servers count one account from one address together (with memory:// each would
count alone). The limit is per hour, so a slow machine cannot outlast its window."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import free_port, skip_or_fail
from tests.servers import Browser, gunicorn, redis_server


@pytest.fixture(scope="module")
def redis_url():
    if shutil.which("redis-server") is None:
        skip_or_fail("redis-server not installed (apt-get install redis-server)")
    with redis_server() as url:
        yield url


def _wrong_sign_in(port: int) -> int:
    browser = Browser(port)
    status, _ = browser.submit("/auth/login", {"email": "a@b.example", "password": "wrong"})
    browser.close()
    return status


def test_sec05_two_servers_share_the_sign_in_limit(redis_url, shared_database_url):
    ports = [free_port(), free_port()]
    limits = {"RATELIMIT_STORAGE_URI": redis_url, "LOGIN_LIMIT": "5 per hour"}
    with (
        gunicorn(ports[0], shared_database_url, **limits),
        gunicorn(ports[1], shared_database_url, **limits),
    ):
        statuses = [_wrong_sign_in(ports[n % 2]) for n in range(7)]
    # 5 wrong tries an hour for one account from one address across both servers (each
    # alone saw at most 4), then friendly 429 pages
    assert statuses == [200] * 5 + [429] * 2
