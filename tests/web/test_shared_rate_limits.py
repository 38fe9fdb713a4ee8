"""SEC-05 with several app servers: sign-in limits are shared through Redis, so two
gunicorn servers count one address together (with memory:// each would count alone)."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis

from pupilvoice import create_app
from pupilvoice.extensions import db
from tests.conftest import free_port, skip_or_fail

ROOT = Path(__file__).resolve().parents[2]


def _wait(check, what: str, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, redis.ConnectionError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start")


@pytest.fixture(scope="module")
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        skip_or_fail("redis-server not installed (apt-get install redis-server)")
    port = free_port()
    folder = tempfile.mkdtemp(prefix="pupilvoice-redis-")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )
    _wait(lambda: redis.Redis(host="127.0.0.1", port=port).ping(), "redis")
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


def _healthy(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    conn.request("GET", "/healthz")
    return conn.getresponse().status == 200


@pytest.fixture
def two_servers(redis_url, database_url):
    folder = tempfile.mkdtemp(prefix="pupilvoice-two-")
    shared = database_url.startswith("postgresql")  # in-memory SQLite cannot be shared
    database = database_url if shared else f"sqlite:///{folder}/shared.sqlite"
    app = create_app({"SQLALCHEMY_DATABASE_URI": database})
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    env = {
        **os.environ,
        "PUPILVOICE_ENV": "development",
        "DATABASE_URL": database,
        "RATELIMIT_STORAGE_URI": redis_url,
        "SECRET_KEY": "shared-secret-for-both-servers",
    }
    ports = [free_port(), free_port()]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    processes = [
        subprocess.Popen(
            [gunicorn, "-w", "1", "-b", f"127.0.0.1:{port}", "pupilvoice:create_app()"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            _wait(lambda port=port: _healthy(port), f"gunicorn on {port}")
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        with app.app_context():
            db.drop_all()
            db.engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def _attempt(port: int) -> int:
    """One wrong sign-in from a fresh browser: GET the form, POST it with its CSRF token."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/auth/login")
    page = conn.getresponse()
    html = page.read().decode()
    cookie = page.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    body = urlencode({"csrf_token": token, "email": "a@b.example", "password": "wrong"})
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    conn.request("POST", "/auth/login", body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def test_sec05_two_servers_share_the_sign_in_limit(two_servers):
    statuses = [_attempt(two_servers[n % 2]) for n in range(32)]
    # 30 a minute from one address across both servers, then friendly 429 pages
    assert statuses[:30] == [200] * 30
    assert statuses[30:] == [429, 429]
