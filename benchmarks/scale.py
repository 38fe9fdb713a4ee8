"""Flat as a school grows: every page's CPU and size on the demo school and on the large
demo (`flask demo --size large`: 20 schools of 400 pupils, a year of audit rows and
sessions), side by side (issue 16, target 3).

Run with `make bench-scale` (not part of `make test`). It builds two throw-away SQLite
databases with the real migrations (or reuses them with --keep DIR), signs in as each demo
role through the real forms, and requests each page in this process with Flask's test
client: CPU ms a request (process time over --requests requests, the median of --rounds),
the response's bytes and its SQL statements, for both sizes, and their ratio. Target: every
page within 2x its demo CPU and under 50 KB of HTML at the large size.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event, select

from pupilvoice import create_app
from pupilvoice.extensions import db
from pupilvoice.models import ClassGroup, Plan, Pupil
from pupilvoice.services import demo, devices, reviews

ROOT = Path(__file__).resolve().parent.parent
CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
HTTPS = "https://localhost"
CPU_LIMIT, BYTES_LIMIT = 2.0, 50_000
REVIEWED_PLAN = 3  # the demo's agreed plan (Ayaan's): its review is started for the page
# (label, role, path): every page a role reaches from its home, the lists that grow first
PAGES: list[tuple[str, str | None, str]] = [
    ("about", None, "/about"),
    ("staff home", "senco", "/staff/"),
    ("staff home", "teacher", "/staff/"),
    ("staff home", "ta", "/staff/"),
    ("staff home, page 2", "senco", "/staff/?page=2"),
    ("staff home, search", "senco", "/staff/?q=Sam"),
    ("school", "senco", "/school/"),
    ("pupils", "senco", "/school/pupils"),
    ("pupils, search", "senco", "/school/pupils?q=Sam"),
    ("parents", "senco", "/school/parents"),
    ("staff list", "senco", "/school/staff"),
    ("classes", "senco", "/school/classes"),
    ("SEN register", "senco", "/school/register"),
    ("records", "senco", "/school/records"),
    ("tablets", "teacher", "/staff/tablets"),
    ("staff pupil page", "teacher", "/staff/pupils/1"),
    ("staff pupil page", "senco", "/staff/pupils/9"),
    ("plan", "teacher", "/staff/plans/1"),
    ("plan", "ta", "/staff/plans/3"),
    ("plan details editor", "teacher", "/staff/plans/1/edit"),
    ("target editor", "teacher", "/staff/plans/1/targets/1"),
    ("plan versions", "senco", "/staff/plans/3/versions"),
    ("review screen", "senco", f"/staff/plans/{REVIEWED_PLAN}/review"),
    ("target bank", "teacher", "/staff/bank"),
    ("glossary", "senco", "/staff/glossary"),
    ("provision catalogue", "senco", "/staff/provisions"),
    ("provision map", "senco", "/staff/provision-map"),
    ("families", "teacher", "/staff/families/"),
    ("families", "senco", "/staff/families/"),
    ("family", "parent", "/family/"),
    ("family plan", "parent", "/family/plans/2"),
    ("tablet class list", None, "/tablet/"),
    ("pupil home", "pupil", "/pupil/"),
    ("I can targets", "pupil", "/pupil/targets"),
    # last, so that the demo's log has full pages too (the pages above read plans)
    ("audit log", "senco", "/school/audit/"),
    ("audit log, page 2", "senco", "/school/audit/?page=2"),
    ("audit log, plans only", "senco", "/school/audit/?kind=Plan"),
    ("audit log, one action", "senco", "/school/audit/?action=viewed"),
]


class BenchError(RuntimeError):
    pass


def build(folder: Path, size: str, secret: str) -> str:
    """A database made by the real migrations and `flask demo --size SIZE` (kept if there)."""
    path = folder / f"{size}.sqlite"
    url = f"sqlite:///{path}"
    commands = [["db", "upgrade"], ["demo", "--size", size]]
    if path.exists():
        print(f"Reusing {path} (upgraded to the latest migration)", flush=True)
        commands = commands[:1]
    env = {**os.environ, "FLASK_APP": "pupilvoice", "DATABASE_URL": url, "SECRET_KEY": secret}
    env["PUPILVOICE_ENV"] = "development"
    for command in commands:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "flask", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if done.returncode != 0:
            raise BenchError(f"flask {' '.join(command)} failed:\n{done.stderr[-2000:]}")
        print(f"  flask {' '.join(command)}: {time.perf_counter() - started:.1f} s", flush=True)
    return url


def prepare(app) -> int:
    """Start the reviewed plan's review and enrol the Oak tablet; the demo pupil's id."""
    with app.app_context():
        plan = db.session.get(Plan, REVIEWED_PLAN)
        if plan.status != "in_review":
            reviews.start(plan.created_by, plan)
        group = db.session.scalar(select(ClassGroup).filter_by(name="Oak", school_id=1))
        app.config["BENCH_DEVICE"] = devices.enrol(group, group.staff[0], "Scale bench")
        db.session.commit()
        return db.session.scalar(select(Pupil.id).filter_by(first_name="Sam", school_id=1))


def _form(client, page: str, url: str, fields: dict):
    token = CSRF_FIELD.search(client.get(page, base_url=HTTPS).get_data(as_text=True))
    if token is None:
        raise BenchError(f"{page} gave no form")
    fields = {"csrf_token": token.group(1), **fields}
    return client.post(url, data=fields, base_url=HTTPS, headers={"Referer": HTTPS + page})


def sign_in(app, role: str | None, pupil_id: int):
    client = app.test_client()
    client.set_cookie(devices.COOKIE, app.config["BENCH_DEVICE"], domain="localhost")
    if role == "pupil":
        picks: list[str] = []
        for pick in demo.PUPIL_PICTURES:
            fields = {"picks": ",".join(picks), "pick": pick}
            answer = _form(client, "/tablet/help", f"/tablet/pupils/{pupil_id}", fields)
            picks.append(pick)
    elif role:
        email = demo.PARENTS[1][1] if role == "parent" else _staff_email(role)
        fields = {"email": email, "password": demo.PASSWORD}
        answer = _form(client, "/auth/login", "/auth/login", fields)
    if role and answer.status_code not in (302, 303):
        raise BenchError(f"signing in as the demo {role} failed ({answer.status_code})")
    return client


def _staff_email(role: str) -> str:
    return next(email for staff_role, _, email in demo.STAFF if staff_role == role)


# A run takes minutes on a busy machine: the sessions signed in at the start must last it.
KEEP = {"PUPIL_IDLE_SECONDS": 3600, "PUPIL_MAX_SECONDS": 4 * 3600, "STAFF_IDLE_SECONDS": 3600}


class Site:
    """One database served in this process, each demo role signed in, its SQL counted."""

    def __init__(self, url: str, secret: str) -> None:
        self.app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": secret, **KEEP})
        pupil_id = prepare(self.app)
        roles = {role for _, role, _ in PAGES}
        self.clients = {role: sign_in(self.app, role, pupil_id) for role in roles}
        with self.app.app_context():
            self.engine = db.engine
        self.statements: list[str] = []
        event.listen(self.engine, "before_cursor_execute", self.count)

    def count(self, *args) -> None:
        self.statements.append(args[2])

    def first_view(self, role: str | None, path: str) -> tuple[int, int]:
        """(bytes, queries) of the page, counted on a second view (a settled session)."""
        client = self.clients[role]
        client.get(path, base_url=HTTPS)
        self.statements.clear()
        answer = client.get(path, base_url=HTTPS)
        if answer.status_code != 200:
            raise BenchError(f"{path} as {role or 'visitor'} answered {answer.status_code}")
        return len(answer.get_data()), len(self.statements)

    def cpu_ms(self, role: str | None, path: str, requests: int) -> float:
        client = self.clients[role]
        started = time.process_time()
        for _ in range(requests):
            client.get(path, base_url=HTTPS)
        return 1000 * (time.process_time() - started) / requests


def measure(sites: dict[str, Site], requests: int, rounds: int) -> dict[str, dict]:
    """size -> (role, path) -> (cpu ms a request, bytes, queries). The sizes take turns on
    each page, round by round, so a change in the machine's load falls on both."""
    found: dict[str, dict] = {size: {} for size in sites}
    for _, role, path in PAGES:
        views = {size: site.first_view(role, path) for size, site in sites.items()}
        times: dict[str, list[float]] = {size: [] for size in sites}
        for _ in range(rounds):
            for size, site in sites.items():
                times[size].append(site.cpu_ms(role, path, requests))
        for size in sites:
            found[size][(role, path)] = (statistics.median(times[size]), *views[size])
    for site in sites.values():
        site.engine.dispose()
    return found


def report(small: dict, large: dict) -> int:
    print(
        f"\n{'page':<24} {'role':<8} {'demo ms':>8} {'large ms':>8} {'x':>5} "
        f"{'demo KB':>8} {'large KB':>8} {'queries':>9}  verdict"
    )
    failing = 0
    for label, role, path in PAGES:
        (cpu_a, size_a, q_a), (cpu_b, size_b, q_b) = small[(role, path)], large[(role, path)]
        ratio = cpu_b / cpu_a if cpu_a else 0.0
        problems = [
            p for p, bad in (("CPU", ratio > CPU_LIMIT), ("size", size_b > BYTES_LIMIT)) if bad
        ]
        failing += bool(problems)
        print(
            f"{label:<24} {role or 'visitor':<8} {cpu_a:8.1f} {cpu_b:8.1f} {ratio:5.2f} "
            f"{size_a / 1000:8.1f} {size_b / 1000:8.1f} {q_a:>4}/{q_b:<4}  "
            f"{'over: ' + ', '.join(problems) if problems else 'ok'}"
        )
    worst = max(PAGES, key=lambda p: large[(p[1], p[2])][0] / small[(p[1], p[2])][0])
    ratio = large[(worst[1], worst[2])][0] / small[(worst[1], worst[2])][0]
    print(f"\nworst large/demo CPU ratio: {ratio:.2f} ({worst[0]}, {worst[1]})")
    print(f"pages over a target: {failing} of {len(PAGES)}")
    return failing


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="requests a round (1-200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds a page (1-10)")
    parser.add_argument("--keep", type=Path, help="build the databases here and keep them")
    args = parser.parse_args()
    if not (1 <= args.requests <= 200 and 1 <= args.rounds <= 10):
        parser.error("keep it bounded: 1-200 requests, 1-10 rounds")
    return args


def main() -> int:
    args = parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pupilvoice-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    secret_file = folder / "secret"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_hex(32))
    secret = secret_file.read_text()
    try:
        print("Building the demo and the large demo with the real migrations ...", flush=True)
        urls = {size: build(folder, size, secret) for size in ("demo", "large")}
        sites = {size: Site(url, secret) for size, url in urls.items()}
        found = measure(sites, args.requests, args.rounds)
        report(found["demo"], found["large"])
    except (BenchError, subprocess.TimeoutExpired) as problem:
        print(f"Benchmark stopped: {problem}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
