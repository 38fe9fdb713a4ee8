"""Page-cost benchmark: each page's throughput and CPU beside its yardstick's, in one run.

Run with `make bench` (not part of `make test`). It builds a throw-away SQLite database
with the real migrations and the demo school, serves it with gunicorn on 127.0.0.1,
signs in as each demo role and puts the same bounded load on every page in PAGES, in
short runs taken in turn over several rounds. Every page is compared with its yardstick,
measured side by side in the same run, so a slow machine does not change the verdict:

- the bare Flask page (benchmarks/yardsticks.py): Flask and gunicorn alone, a page the
  size of /about. The visitor floor should reach FLOOR_TARGETS of it;
- the visitor floor (/about for a visitor): the yardstick of every page a visitor sees;
- about, signed in (/about for a parent): the yardstick of every signed-in page;
- only an audited read: the yardstick of every page that records a read in the audit log.

Each page should reach TARGET of its yardstick's throughput. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from sqlalchemy import event, select
from yardsticks import AUDITED_READ, BARE, create_app

from pupilvoice.extensions import db
from pupilvoice.models import ClassGroup, Plan, Pupil
from pupilvoice.services import demo, devices, reviews

REVIEWED_PLAN = 3  # the demo's agreed plan (Ayaan's): the benchmark starts its review
BARE_PAGE = "bare Flask page"
FLOOR = "floor: about"
SIGNED_IN = "about, signed in"
AUDITED = "only an audited read"
# The yardsticks' own chain: (row, the row it is measured against, target ratio).
FLOOR_TARGETS = {FLOOR: (BARE_PAGE, 0.6), SIGNED_IN: (FLOOR, 0.75), AUDITED: (SIGNED_IN, 0.6)}
TARGET = 0.7  # every other page: at least this share of its own yardstick's throughput
# Printed copies are made by WeasyPrint on every request (hundreds of ms): they are shown
# with their ratios but are not pages, and stay out of the worst-ratio line.
DOCUMENTS = (".pdf",)
# (label, role signed in as or None for a visitor, path). The yardsticks come first; a
# page's own yardstick is chosen by what it does (a visitor's, signed in, an audited read).
# "{pupil}" is the demo pupil who signs in on the benchmark's tablet. Every new page joins.
PAGES: list[tuple[str, str | None, str]] = [
    (BARE_PAGE, None, BARE),
    (FLOOR, None, "/about"),
    (SIGNED_IN, "parent", "/about"),
    # signed in and one audited read of a plan, as every plan page must do
    (AUDITED, "teacher", AUDITED_READ),
    ("staff home", "senco", "/staff/"),
    ("staff home", "teacher", "/staff/"),
    ("staff home", "ta", "/staff/"),
    ("school", "senco", "/school/"),
    ("audit log", "senco", "/school/audit/"),
    ("staff pupil page", "teacher", "/staff/pupils/{pupil}"),
    # the demo's plans: 1 is Sam's draft (Oak, Mr Jones), 3 Ayaan's agreed plan (Willow)
    ("plan", "teacher", "/staff/plans/1"),
    ("plan", "ta", "/staff/plans/3"),
    ("plan details editor", "teacher", "/staff/plans/1/edit"),
    ("target editor", "teacher", "/staff/plans/1/targets/1"),
    ("plan versions", "senco", "/staff/plans/3/versions"),
    # Ayaan's plan, its review started by start_review() below
    ("review screen", "senco", f"/staff/plans/{REVIEWED_PLAN}/review"),
    ("target bank", "teacher", "/staff/bank"),
    ("glossary", "senco", "/staff/glossary"),
    # the demo's catalogue (three of its provisions carry the plans' targets)
    ("provision catalogue", "senco", "/staff/provisions"),
    ("provision map", "senco", "/staff/provision-map"),
    ("provision map (CSV)", "senco", "/staff/provision-map.csv"),
    ("family", "parent", "/family/"),
    ("family plan", "parent", "/family/plans/2"),
    # printed copies: a PDF made with WeasyPrint on every request (not cached: no-store)
    ("staff copy (PDF)", "teacher", "/staff/plans/1/staff.pdf"),
    ("family copy (PDF)", "parent", "/family/plans/2/copy.pdf"),
    ("join (letter code)", None, "/join"),
    ("families", "teacher", "/staff/families/"),
    ("families", "senco", "/staff/families/"),
    # the class tablet (enrolled for Oak) and the pupil's pages, signed in as Sam
    ("tablet class list", None, "/tablet/"),
    ("pupil home", "pupil", "/pupil/"),
    ("about me card", "pupil", "/pupil/about/cards/1"),
    ("I can targets", "pupil", "/pupil/targets"),
    ("choose an area", "pupil", "/pupil/targets/new"),
    ("something worries me", "pupil", "/pupil/worry"),
]
PUPIL = "Sam"  # the demo pupil who signs in on the benchmark's class tablet
DEVICE: dict = {"cookie": None, "pupil_id": None}  # set once the tablet is enrolled

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # the only address this benchmark ever talks to
COOKIE = "__Host-pupilvoice"
CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PYTHON_REQUEST_CAP = 100_000  # per run, on top of its time limit
WRK_SCRIPT = """
-- Counts responses other than 200 and prints one JSON line when the run is done.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0 end
function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("not_ok") end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "micros": %d, "p50": %d, "p95": %d, "not_ok": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    bad, e.connect + e.read + e.write + e.timeout))
end
"""


class BenchError(RuntimeError):
    pass


@dataclass
class Run:
    seconds: int
    connections: int


@dataclass
class Load:
    """What one bounded run against one page measured."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    not_ok: int  # answers other than 200 (a lost session shows up here as 302s)
    errors: int  # connection errors and time-outs


@dataclass
class Row:
    """One page for one role, measured in several short runs spread over the rounds."""

    label: str
    role: str | None
    path: str
    body_bytes: int
    queries: int
    sets_cookie: bool  # a session write on a plain GET costs every request
    audits: bool  # writes an audit row on a plain GET (a read of a pupil's data, REL-06)
    runs: list[Load] = field(default_factory=list)
    cpu_seconds: float = 0.0  # used by the gunicorn workers during the runs

    @property
    def requests(self) -> int:
        return sum(run.requests for run in self.runs)

    @property
    def per_second(self) -> float:
        seconds = sum(run.seconds for run in self.runs)
        return self.requests / seconds if seconds else 0.0

    @property
    def p50_ms(self) -> float:
        return statistics.median(run.p50_ms for run in self.runs)

    @property
    def p95_ms(self) -> float:
        return statistics.median(run.p95_ms for run in self.runs)

    @property
    def failed(self) -> int:
        return sum(run.not_ok + run.errors for run in self.runs)

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.requests if self.requests else 0.0


# --- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def prepare_database(env: dict[str, str]) -> None:
    """The real migrations, then the demo school, through the same commands as `make run`."""
    for command in (["db", "upgrade"], ["demo"]):
        done = subprocess.run(
            [sys.executable, "-m", "flask", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        if done.returncode != 0:
            raise BenchError(f"flask {' '.join(command)} failed:\n{done.stderr[-2000:]}")


@contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int, log: Path) -> Iterator[int]:
    """Serve the app on HOST:port and yield the master's pid; always stop it afterwards."""
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                str(workers),
                "-b",
                f"{HOST}:{port}",
                "--no-control-socket",  # gunicorn 27's default path is one per machine
                "--pythonpath",
                str(ROOT / "benchmarks"),
                "yardsticks:serve()",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    workers_seen: list[int] = []
    try:
        wait_until_ready(server, port, log)
        workers_seen = child_pids(server.pid)
        yield server.pid
    finally:
        workers_seen += child_pids(server.pid)
        stop(server, workers_seen, f"{HOST}:{port}")


def wait_until_ready(server: subprocess.Popen, port: int, log: Path, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited early:\n{log.read_text()[-2000:]}")
        try:
            if get(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer within {limit:.0f} s:\n{log.read_text()[-2000:]}")


def stop(server: subprocess.Popen, workers: list[int], address: str) -> None:
    """SIGTERM the master, which stops its workers. Only if it had to be killed, kill by
    pid any worker still serving this address (a pid alone may have been reused)."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
            return
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
    for pid in set(workers):
        with suppress(OSError):
            if address.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)


def child_pids(parent: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                children.append(int(entry.name))
    return sorted(children)


def memory_kib(pid: int) -> tuple[int, int]:
    """(current RSS, peak RSS) in KiB, from /proc/<pid>/status."""
    values = {"VmRSS": 0, "VmHWM": 0}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in values:
            values[key] = int(rest.split()[0])
    return values["VmRSS"], values["VmHWM"]


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used, from /proc/<pid>/stat."""
    total = 0
    for pid in pids:
        with suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


# --- one client: signing in and single requests -------------------------------------------


def cookie_header(cookie: str | None) -> dict[str, str]:
    """The Cookie header a browser would send: the session, and the class tablet's device
    cookie once the tablet is enrolled (it is what lets a pupil's session work)."""
    parts = [f"{COOKIE}={cookie}"] if cookie else []
    if DEVICE["cookie"]:
        parts.append(f"{devices.COOKIE}={DEVICE['cookie']}")
    return {"Cookie": "; ".join(parts)} if parts else {}


def get(port: int, path: str, cookie: str | None = None, method: str = "GET", body=None):
    """One request on its own connection: (status, headers, body)."""
    headers = cookie_header(cookie)
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def session_cookie(headers) -> str | None:
    """The session cookie's value. It is Secure, so a cookie jar would drop it on http."""
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        if name == COOKIE:
            return rest.split(";", 1)[0]
    return None


def demo_email(role: str) -> str:
    if role == "parent":  # Zofia's mother: Zofia's plan (demo plan 2) is shared with home
        return demo.PARENTS[1][1]
    return next(email for staff_role, _, email in demo.STAFF if staff_role == role)


def start_review(database_url: str, secret: str) -> None:
    """Start the review of one demo plan, as a teacher does, so its review screen has a
    page to measure."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": secret})
    with app.app_context():
        plan = db.session.get(Plan, REVIEWED_PLAN)
        reviews.start(plan.created_by, plan)
        db.session.commit()
        db.engine.dispose()


def enrol_tablet(database_url: str, secret: str) -> int:
    """Make this benchmark's client the Oak class tablet, as a teacher does; return the id of
    the demo pupil who signs in on it."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": secret})
    with app.app_context():
        group = db.session.execute(select(ClassGroup).where(ClassGroup.name == "Oak")).scalar_one()
        DEVICE["cookie"] = devices.enrol(group, group.staff[0], "Benchmark tablet")
        db.session.commit()
        pupil = db.session.execute(select(Pupil).where(Pupil.first_name == PUPIL)).scalar_one()
        pupil_id = pupil.id
        db.engine.dispose()
    return pupil_id


def sign_in_pupil(port: int, pupil_id: int) -> str:
    """Tap the pupil's three pictures on the tablet; return the pupil's session cookie."""
    status, headers, body = get(port, "/tablet/help")
    cookie = session_cookie(headers)
    token = CSRF_FIELD.search(body.decode())
    if status != 200 or cookie is None or token is None:
        raise BenchError(f"the tablet gave no form and cookie ({status})")
    picks: list[str] = []
    for pick in demo.PUPIL_PICTURES:
        form = urlencode({"csrf_token": token.group(1), "picks": ",".join(picks), "pick": pick})
        status, headers, _ = get(port, f"/tablet/pupils/{pupil_id}", cookie, "POST", form)
        cookie = session_cookie(headers) or cookie
        picks.append(pick)
    if status != 303:  # redirect-after-post to the pupil's home
        raise BenchError(f"the demo pupil's picture sign-in failed ({status})")
    _, headers, _ = get(port, "/pupil/", cookie)
    return session_cookie(headers) or cookie


def sign_in(port: int, role: str) -> str:
    """Sign in through the real form, as a browser would; return the session cookie."""
    if role == "pupil":
        return sign_in_pupil(port, DEVICE["pupil_id"])
    status, headers, body = get(port, "/auth/login")
    cookie = session_cookie(headers)
    token = CSRF_FIELD.search(body.decode())
    if status != 200 or cookie is None or token is None:
        raise BenchError(f"the sign-in page did not give a form and a cookie ({status})")
    fields = {"csrf_token": token.group(1), "email": demo_email(role), "password": demo.PASSWORD}
    form = urlencode(fields)
    status, headers, _ = get(port, "/auth/login", cookie, "POST", form)
    cookie = session_cookie(headers)
    if status != 302 or cookie is None:
        raise BenchError(f"signing in as the demo {role} failed ({status})")
    # As a browser would, keep what the first page stores (the sign-out form's CSRF token);
    # an old cookie would make every request write the session again.
    _, headers, _ = get(port, urlsplit(headers["Location"]).path, cookie)
    return session_cookie(headers) or cookie


def holder(role: str | None, path: str):
    """Whose cookie a page is loaded with: the role's, or for a visitor, the one this page
    gave them (a browser keeps the session a form's CSRF token started)."""
    return role or ("visitor", path)


def first_view(port: int, path: str, role: str | None, cookies: dict) -> tuple[bytes, bool]:
    """The page's body, after keeping any cookie it sets on a first view; and whether it
    still sets one on the next view (a session write on every request)."""
    for _ in range(2):
        status, headers, body = get(port, path, cookies.get(holder(role, path)))
        if status != 200:
            raise BenchError(f"{path} as {role or 'visitor'} answered {status}, not 200")
        new_cookie = session_cookie(headers)
        if new_cookie is None:
            return body, False
        cookies[holder(role, path)] = new_cookie
    return body, True


# --- load ---------------------------------------------------------------------------------


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def load_with_wrk(port: int, path: str, cookie: str | None, run: Run, script: Path) -> Load:
    command = ["wrk", "-t1", f"-c{run.connections}", f"-d{run.seconds}s", "--timeout", "10s"]
    command += ["-s", str(script)]
    for name, value in cookie_header(cookie).items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://{HOST}:{port}{path}")
    done = subprocess.run(command, capture_output=True, text=True, timeout=run.seconds + 30)
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise BenchError(f"wrk gave no result:\n{done.stdout}\n{done.stderr}")
    data = json.loads(line.removeprefix("RESULT "))
    return Load(
        requests=data["requests"],
        seconds=data["micros"] / 1e6,
        p50_ms=data["p50"] / 1000,
        p95_ms=data["p95"] / 1000,
        not_ok=data["not_ok"],
        errors=data["errors"],
    )


def load_with_python(port: int, path: str, cookie: str | None, run: Run, script=None) -> Load:
    """N threads, each with one http.client connection (reopened when the server closes
    it), until the time is up or the request cap is reached."""
    headers = cookie_header(cookie)
    deadline = time.monotonic() + run.seconds
    cap = max(1, PYTHON_REQUEST_CAP // run.connections)
    timings: list[list[float]] = [[] for _ in range(run.connections)]
    not_ok = [0] * run.connections
    errors = [0] * run.connections

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        try:
            for _ in range(cap):
                if time.monotonic() >= deadline:
                    break
                started = time.perf_counter()
                try:
                    conn.request("GET", path, headers=headers)
                    response = conn.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    conn.close()
                    errors[n] += 1
                    continue
                timings[n].append(time.perf_counter() - started)
                not_ok[n] += response.status != 200
        finally:
            conn.close()

    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(n,), daemon=True) for n in range(run.connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=run.seconds + 30)
    seconds = time.perf_counter() - started
    flat = sorted(t for ts in timings for t in ts)
    return Load(
        requests=len(flat),
        seconds=seconds,
        p50_ms=percentile(flat, 0.50) * 1000,
        p95_ms=percentile(flat, 0.95) * 1000,
        not_ok=sum(not_ok),
        errors=sum(errors),
    )


# --- queries a page runs, counted in this process against the same database ---------------


def count_queries(database_url: str, secret: str, cookies: dict[str, str]) -> dict:
    """(SQL statements, whether one is an audit row) for each page and role, counted on
    the second request.

    The app here is a second one in this process, on the same database file and secret
    key, so the cookies gunicorn gave are valid in it; no one signs in again."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": secret})
    statements: list[str] = []
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    counts = {}
    for _, role, path in PAGES:
        if path == BARE:  # not PupilVoice at all
            counts[(role, path)] = (0, False)
            continue
        # No outer app context: each request gets its own g and session, as under gunicorn.
        client = app.test_client()
        if role:
            client.set_cookie(COOKIE, cookies[role], domain="localhost")
        if DEVICE["cookie"]:
            client.set_cookie(devices.COOKIE, DEVICE["cookie"], domain="localhost")
        client.get(path)
        statements.clear()
        response = client.get(path)
        if response.status_code != 200:
            raise BenchError(f"{path} as {role or 'visitor'} answered {response.status_code}")
        audits = any(re.match(r"\s*INSERT INTO audit_event", sql, re.I) for sql in statements)
        counts[(role, path)] = (len(statements), audits)
    engine.dispose()
    return counts


def yardstick_of(row: Row) -> str | None:
    """The label of the row this page is measured against (None for the bare page)."""
    if row.label in FLOOR_TARGETS:
        return FLOOR_TARGETS[row.label][0]
    if row.label == BARE_PAGE:
        return None
    if row.role is None:
        return FLOOR
    return AUDITED if row.audits else SIGNED_IN


# --- the run ------------------------------------------------------------------------------


def measure(port: int, master: int, cookies: dict, queries: dict, args, script: Path):
    """Warm every page up, then run them in turn, round after round, each round starting
    one page further on: a slow spell on the machine then falls on every page alike."""
    load = load_with_wrk if args.client == "wrk" else load_with_python
    rows = []
    for label, role, path in PAGES:
        body, writes = first_view(port, path, role, cookies)
        count, audits = queries[(role, path)]
        rows.append(Row(label, role, path, len(body), count, writes, audits))
        if args.warmup:
            cookie = cookies.get(holder(role, path))
            load(port, path, cookie, Run(args.warmup, args.connections), script)
    for round_number in range(args.rounds):
        shift = round_number % len(rows)
        for row in rows[shift:] + rows[:shift]:
            workers = child_pids(master)
            before = cpu_seconds(workers)
            run = Run(args.seconds, args.connections)
            cookie = cookies.get(holder(row.role, row.path))
            row.runs.append(load(port, row.path, cookie, run, script))
            row.cpu_seconds += settled_cpu_seconds(workers) - before
        print(f"  round {round_number + 1} of {args.rounds} done", flush=True)
    return rows


def settled_cpu_seconds(workers: list[int], limit: float = 15) -> float:
    """The workers' CPU time once they are idle again. A slow page (a PDF) is still being
    made when the client stops: its CPU belongs to its own row, not to the next one."""
    deadline = time.monotonic() + limit
    used = cpu_seconds(workers)
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = cpu_seconds(workers)
        if now == used:
            return now
        used = now
    return used


def ratios(row: Row, stick: Row) -> tuple[float, float]:
    """(throughput, CPU) ratio of a row to its yardstick: above 1 is cheaper."""
    rate = row.per_second / stick.per_second if stick.per_second else 0.0
    cpu = stick.cpu_ms / row.cpu_ms if row.cpu_ms else 0.0
    return rate, cpu


def name(row: Row) -> str:
    return f"{row.label} ({row.role or 'visitor'})"


def report(rows: list[Row], memory: list[tuple[str, int, int, int]]) -> None:
    by_label = {row.label: row for row in rows if row.label in (BARE_PAGE, *FLOOR_TARGETS)}
    print(
        f"\n{'page':<21} {'role':<8} {'req/s':>6} {'p50 ms':>6} {'p95 ms':>6} {'cpu ms':>6} "
        f"{'bytes':>6} {'queries':>7} {'failed':>6}  {'yardstick':<20} {'x req/s':>7} "
        f"{'x cpu':>6}"
    )
    worst: list[tuple[float, float, Row]] = []
    starved: list[str] = []  # rows where no request finished within a run
    for row in rows:
        stick_label = yardstick_of(row)
        stick = by_label.get(stick_label) if stick_label else None
        rate, cpu = ratios(row, stick) if stick else (1.0, 1.0)
        target = FLOOR_TARGETS[row.label][1] if row.label in FLOOR_TARGETS else TARGET
        measured = row.requests and (stick is None or stick.requests)
        if not measured:
            starved.append(name(row))
        elif stick and row.label not in FLOOR_TARGETS and not row.path.endswith(DOCUMENTS):
            worst.append((rate, cpu, row))
        print(
            f"{row.label:<21} {row.role or '-':<8} {row.per_second:6.0f} {row.p50_ms:6.1f} "
            f"{row.p95_ms:6.1f} {row.cpu_ms:6.2f} {row.body_bytes:6d} {row.queries:7d} "
            f"{row.failed:6d}  {stick_label or '-':<20} "
            + (f"{rate:7.2f} {cpu:6.2f}" if stick and measured else f"{'':7} {'':6}")
            + (f"  below {target}" if stick and measured and rate < target else "")
        )
    floor = by_label[FLOOR]
    rates = [run.requests / run.seconds for run in floor.runs if run.seconds]
    print(
        f"\nThe floor's own runs ranged from {min(rates):.0f} to {max(rates):.0f} req/s: "
        "the wider that range, the less the req/s ratios mean and the more the cpu ones do."
    )
    if starved:
        print(
            f"No request finished for {', '.join(starved)}: the machine was too busy for "
            "runs this short (try --seconds 3); those rows are left out of the ratios below."
        )
    if any(row.failed for row in rows):
        print("Some requests failed or were not 200: those rows do not measure the page.")
    writers = [name(row) for row in rows if row.sets_cookie]
    if writers:
        print(f"These pages send a new session cookie on every GET: {', '.join(writers)}")
    print("\nMemory after the run, RSS now / peak (MiB; the peak includes signing in):")
    for who, pid, rss, peak in memory:
        print(f"  {who:<7} pid {pid:<8} {rss / 1024:6.1f} / {peak / 1024:6.1f}")
    print("\nThe floors (target in brackets), by req/s and by CPU a request:")
    for label, (stick, target) in FLOOR_TARGETS.items():
        if label in by_label and stick in by_label:
            rate, cpu = ratios(by_label[label], by_label[stick])
            print(f"  {label:<21} / {stick:<21} {rate:5.2f} {cpu:5.2f}  (>= {target})")
    if worst:
        below = [name(row) for rate, _, row in worst if rate < TARGET]
        print(f"Pages below {TARGET} of their yardstick by req/s: {', '.join(below) or 'none'}")
        _, cpu, row = min(worst, key=lambda item: item[1])
        print(f"worst page/yardstick ratio by CPU a request: {cpu:.2f} ({name(row)})")
        print("(the PDF copies are left out of these two lines: see DOCUMENTS)")
        rate, _, row = min(worst, key=lambda item: item[0])
        print(f"worst page/yardstick ratio: {rate:.2f} ({name(row)})")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="times each page is measured")
    parser.add_argument("--seconds", type=int, default=1, help="length of one measured run")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured seconds a page first")
    parser.add_argument("--connections", type=int, default=4, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--only",
        metavar="REGEX",
        help="only pages whose label matches (and the yardsticks)",
    )
    args = parser.parse_args()
    bounded = 1 <= args.rounds <= 20 and 1 <= args.seconds <= 30 and 0 <= args.warmup <= 10
    if not (bounded and 1 <= args.connections <= 64):
        parser.error("keep it bounded: 1-20 rounds of 1-30 s, 0-10 s warm-up, 1-64 connections")
    if args.client == "auto":
        args.client = "wrk" if shutil.which("wrk") else "python"
    if args.client == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install wrk), use --client python")
    return args


def choose_pages(only: str | None, pupil_id: int) -> None:
    """Fill in the demo pupil's id; with --only, keep the yardsticks and the matching pages."""
    keep = re.compile(only) if only else None
    chosen = [
        (label, role, path.format(pupil=pupil_id))
        for label, role, path in PAGES
        if keep is None or label in (BARE_PAGE, *FLOOR_TARGETS) or keep.search(label)
    ]
    PAGES[:] = chosen


def main() -> int:
    args = parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pupilvoice-bench-"))
    try:
        database_url = f"sqlite:///{folder / 'bench.sqlite'}"
        secret = secrets.token_hex(32)
        env = {
            **os.environ,
            "PUPILVOICE_ENV": "development",
            "FLASK_APP": "pupilvoice",
            "FLASK_DEBUG": "0",
            "DATABASE_URL": database_url,
            "SECRET_KEY": secret,
        }
        print("Preparing a demo database with the real migrations ...", flush=True)
        prepare_database(env)
        script = folder / "count.lua"
        script.write_text(WRK_SCRIPT)
        port = free_port()
        with gunicorn(env, port, args.workers, folder / "gunicorn.log") as master:
            start_review(database_url, secret)
            DEVICE["pupil_id"] = enrol_tablet(database_url, secret)
            choose_pages(args.only, DEVICE["pupil_id"])
            roles = sorted({role for _, role, _ in PAGES if role})
            cookies: dict[str | None, str] = {role: sign_in(port, role) for role in roles}
            queries = count_queries(database_url, secret, cookies)
            print(
                f"gunicorn -w {args.workers} on {HOST}:{port}; {args.client}, "
                f"{args.connections} connections; a {args.warmup} s warm-up, then "
                f"{args.rounds} rounds of {args.seconds} s a page; {os.cpu_count()} CPUs",
                flush=True,
            )
            rows = measure(port, master, cookies, queries, args, script)
            processes = [("master", master)] + [("worker", pid) for pid in child_pids(master)]
            memory = [(name, pid, *memory_kib(pid)) for name, pid in processes]
        report(rows, memory)
    except (BenchError, subprocess.TimeoutExpired) as problem:
        print(f"Benchmark stopped: {problem}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
