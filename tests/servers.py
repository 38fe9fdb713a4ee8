"""Real gunicorn servers for tests that need several processes (rate limits, load)."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]


def wait_for(check, what: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):  # not up yet, whatever the reason
            if check():
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start")


def healthy(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    conn.request("GET", "/healthz")
    return conn.getresponse().status == 200


@contextlib.contextmanager
def gunicorn(port: int, database_url: str, workers: int = 1, **env: str) -> Iterator[int]:
    """Serve create_app() with gunicorn on 127.0.0.1:port until the block ends."""
    environment = {
        **os.environ,
        "PUPILVOICE_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "shared-secret-for-every-test-server",
        **env,
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "-w", str(workers), "--threads", "4", "-b", f"127.0.0.1:{port}", "pupilvoice:create_app()",
        "--no-control-socket",  # gunicorn 27's default path is one per machine, not per server
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        # Starting takes a second on an idle machine; the three legs of `make test` run at
        # once, so a start may wait its turn for the CPU far longer (20 s was too short).
        wait_for(lambda: healthy(port), f"gunicorn on {port}", seconds=90)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=60)


class Browser:
    """A minimal browser over http.client: keeps its cookie, posts forms with their token."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def request(self, method: str, path: str, body: str | None = None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed the kept-alive connection while this client waited its turn
            # (gunicorn's keep-alive is 2 s; a busy CI machine makes the wait longer). A
            # browser sends the request again on a new connection; so does this one.
            self.conn.close()
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        if set_cookie := response.getheader("Set-Cookie"):
            self.cookie = set_cookie.split(";")[0]
        return response.status, text

    def submit(self, path: str, data: dict, page: str | None = None):
        _, html = self.request("GET", page or path)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
        return self.request("POST", path, urlencode({**data, "csrf_token": token}))

    def close(self) -> None:
        self.conn.close()
