"""Real servers for tests, `make load` and the deployment check: PostgreSQL, Redis,
gunicorn and a Caddy TLS proxy, each started on 127.0.0.1 for the length of a ``with``
block and stopped after it (nothing is written outside a temporary folder).

Used by tests/conftest.py (the PostgreSQL leg), the tests that need several app
processes (rate limits, REL-08, two app hosts), benchmarks/load.py and
scripts/topology.py."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from glob import glob
from pathlib import Path
from urllib.parse import urlencode

from tests.forms import form_for

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


def free_port() -> int:
    """A free port on 127.0.0.1 that no other caller gets for about a minute.

    A plain bind to port 0 frees the port again at once, so two servers started at the same
    time (two xdist workers, or the two gunicorns of one test) could be handed the same one.
    Here one connection is made and closed from the server side, which leaves the port in
    TIME_WAIT: the kernel then skips it when anyone else binds to port 0, while our servers,
    which all set SO_REUSEADDR (gunicorn, aiosmtpd, PostgreSQL, Redis), can still listen on it.
    """
    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)):
            accepted, _ = server.accept()
            accepted.close()  # the side that closes first keeps the TIME_WAIT
    return port


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stop one process we started (by its own handle, never by name)."""
    if process.poll() is None:
        process.send_signal(sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- PostgreSQL ------------------------------------------------------------------------


def postgres_bin() -> Path | None:
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@contextlib.contextmanager
def postgres(database: str = "pupilvoice_test", durable: bool = False) -> Iterator[str]:
    """A throw-away PostgreSQL server (Debian's binaries, as the postgres user when we are
    root: they refuse to run as root); yields a ``postgresql+psycopg://`` URL. Tests turn
    fsync off; ``durable`` keeps PostgreSQL's own defaults, as `make load` measures."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
    folder = tempfile.mkdtemp(prefix="pupilvoice-pg-")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(folder, "postgres", "postgres")
    port, data, log = free_port(), f"{folder}/data", f"{folder}/log"

    def run(*args):
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    run(str(bin_dir / "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
        "--locale=C.UTF-8")  # fmt: skip
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    run(str(bin_dir / "pg_ctl"), "-D", data, "-l", log, "-w", "-o", options, "start")
    try:
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
            database)  # fmt: skip
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


# --- Redis -------------------------------------------------------------------------------


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A private redis-server on a free port, keeping nothing on disk; yields its URL."""
    import redis  # the app's own dependency

    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server not installed (apt-get install redis-server)")
    port = free_port()
    folder = tempfile.mkdtemp(prefix="pupilvoice-redis-")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(lambda: redis.Redis(host="127.0.0.1", port=port).ping(), "redis")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)


# --- gunicorn and a TLS proxy --------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(
    port: int,
    database_url: str,
    workers: int = 1,
    threads: int = 4,
    log: Path | None = None,
    **env: str,
) -> Iterator[int]:
    """Serve create_app() with gunicorn on 127.0.0.1:port until the block ends.
    ``threads=1`` gives the README's sync workers; ``log`` keeps gunicorn's output."""
    environment = {
        **os.environ,
        "PUPILVOICE_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "shared-secret-for-every-test-server",
        **env,
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "-w", str(workers), "--threads", str(threads), "-b", f"127.0.0.1:{port}",
        "pupilvoice:create_app()",
        "--no-control-socket",  # gunicorn 27's default path is one per machine, not per server
    ]  # fmt: skip
    output = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
    )
    try:
        # Starting takes a second on an idle machine; the three legs of `make test` run at
        # once, so a start may wait its turn for the CPU far longer (20 s was too short).
        wait_for(lambda: process.poll() is None and healthy(port), f"gunicorn on {port}", 90)
        yield port
    finally:
        stop(process, signal.SIGINT)  # quick shutdown: TERM waits for workers' requests
        if log:
            output.close()


def https_healthy(port: int) -> bool:
    conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=2, context=insecure_tls())
    conn.request("GET", "/healthz")
    return conn.getresponse().status == 200


def insecure_tls() -> ssl.SSLContext:
    """For Caddy's own local certificate (`tls internal`)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


@contextlib.contextmanager
def caddy(app_ports: list[int], https_port: int | None = None) -> Iterator[int]:
    """Caddy on https://127.0.0.1:PORT with its own local certificate, spreading requests
    over the app servers on ``app_ports`` (round robin); yields the https port. Nothing is
    written to the machine's trust store or admin port."""
    binary = shutil.which("caddy")
    if binary is None:
        raise RuntimeError("caddy not installed (apt-get install caddy)")
    https_port = https_port or free_port()
    folder = tempfile.mkdtemp(prefix="pupilvoice-caddy-")
    upstreams = " ".join(f"127.0.0.1:{port}" for port in app_ports)
    (Path(folder) / "Caddyfile").write_text(
        "{\n\tauto_https disable_redirects\n\tskip_install_trust\n\tadmin off\n}\n"
        f"https://127.0.0.1:{https_port} {{\n\ttls internal\n"
        f"\treverse_proxy {upstreams} {{\n\t\tlb_policy round_robin\n\t}}\n}}\n"
    )
    env = {**os.environ, "HOME": folder, "XDG_DATA_HOME": folder, "XDG_CONFIG_HOME": folder}
    log = open(Path(folder) / "caddy.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [binary, "run", "--config", f"{folder}/Caddyfile", "--adapter", "caddyfile"],
        cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for(lambda: process.poll() is None and https_healthy(https_port), "caddy", 30)
        yield https_port
    finally:
        stop(process)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


class Browser:
    """A minimal browser over http.client: keeps its cookie, posts forms with their token."""

    def __init__(self, port: int, tls: bool = False):
        if tls:  # through the proxy, with its own local certificate
            self.conn = http.client.HTTPSConnection(
                "127.0.0.1", port, timeout=30, context=insecure_tls()
            )
        else:
            self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}  # every cookie the app set (session, tablet)
        # Flask-WTF refuses an https POST without a same-origin Referer, as browsers send
        self.origin = f"https://127.0.0.1:{port}" if tls else None

    @property
    def cookie(self) -> str:
        """The Cookie header this browser sends."""
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    @cookie.setter
    def cookie(self, header: str) -> None:
        pairs = (part.strip().partition("=") for part in header.split(";") if part.strip())
        self.cookies = {name: value for name, _, value in pairs}

    def request(self, method: str, path: str, body: str | None = None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            if self.origin:
                headers["Referer"] = f"{self.origin}{path}"
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
        for set_cookie in response.headers.get_all("Set-Cookie") or ():
            name, _, value = set_cookie.split(";")[0].partition("=")
            if value:
                self.cookies[name] = value
            else:  # emptied: the browser forgets it
                self.cookies.pop(name, None)
        return response.status, text

    def fill(self, path: str, page: str | None = None, **changes) -> tuple[int, str]:
        """Post the form for ``path`` on ``page`` with what a browser would send untouched
        (hidden fields, text, chosen options), changed by ``changes``."""
        page = page or path
        _, html = self.request("GET", page)
        fields = form_for(html, path, page)["fields"]
        return self.request("POST", path, urlencode({**fields, **changes}))

    def submit(self, path: str, data: dict, page: str | None = None):
        _, html = self.request("GET", page or path)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
        return self.request("POST", path, urlencode({**data, "csrf_token": token}))

    def close(self) -> None:
        self.conn.close()
