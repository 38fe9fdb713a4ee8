"""Where one page's time goes: CPU a request in-process, and optionally a cProfile.

    .venv/bin/python benchmarks/profile_page.py                    # every page in PAGES
    .venv/bin/python benchmarks/profile_page.py teacher /staff/plans/1 --profile

It builds the demo database once (in a temporary folder), signs in through the real
forms as pages.py does, then times the page with Flask's test client: no HTTP server,
so the numbers are lower than `make bench` and the table is for comparing a page with
itself before and after a change. Each page is shown beside its yardstick (as in
pages.py): x ms and x calls are the yardstick's CPU milliseconds and Python calls a
request divided by the page's. The calls (counted by cProfile) do not move when the
machine is busy, unlike the milliseconds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (the benchmark's PAGES, demo sign-ins and database set-up)
from sqlalchemy import event  # noqa: E402
from yardsticks import create_app, create_bare  # noqa: E402

from pupilvoice.extensions import db  # noqa: E402
from pupilvoice.services import demo, devices  # noqa: E402


def signed_in_client(app, role: str | None):
    """A test client holding the tablet's device cookie and, for a role, its session."""
    client = app.test_client()
    client.set_cookie(devices.COOKIE, pages.DEVICE["cookie"], domain="localhost")
    if role == "pupil":
        token = _csrf(client, "/tablet/help")
        picks: list[str] = []
        for pick in demo.PUPIL_PICTURES:
            fields = {"csrf_token": token, "picks": ",".join(picks), "pick": pick}
            client.post(f"/tablet/pupils/{pages.DEVICE['pupil_id']}", data=fields)
            picks.append(pick)
        client.get("/pupil/")
    elif role:
        fields = {"email": pages.demo_email(role), "password": demo.PASSWORD}
        response = client.post(
            "/auth/login", data={"csrf_token": _csrf(client, "/auth/login"), **fields}
        )
        if response.status_code != 302:
            raise pages.BenchError(f"signing in as the demo {role} failed")
        client.get(response.headers["Location"])
    return client


def _csrf(client, path: str) -> str:
    return pages.CSRF_FIELD.search(client.get(path).get_data(as_text=True)).group(1)


def cpu_ms(client, path: str, requests: int) -> float:
    for _ in range(5):  # warm up, and let the session settle
        response = client.get(path)
        if response.status_code != 200:
            raise pages.BenchError(f"{path} answered {response.status_code}")
    started = time.process_time()
    for _ in range(requests):
        client.get(path)
    return 1000 * (time.process_time() - started) / requests


def calls_a_request(client, path: str, requests: int = 20) -> int:
    """Python function calls a request makes: unlike CPU time, the same on a busy machine."""
    profile = cProfile.Profile()
    profile.runcall(lambda: [client.get(path) for _ in range(requests)])
    return round(pstats.Stats(profile).total_calls / requests)


YARDSTICKS = (pages.BARE_PAGE, *pages.FLOOR_TARGETS)


def audits(app, client, path: str) -> bool:
    """Whether a GET of the page writes an audit row (its yardstick is the audited read)."""
    statements: list[str] = []
    with app.app_context():
        engine = db.engine
    listener = lambda *a: statements.append(a[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return any(sql.lstrip().upper().startswith("INSERT INTO AUDIT_EVENT") for sql in statements)


def yardstick(label: str, role: str | None, writes_audit: bool) -> str:
    """The row a page is compared with, as pages.yardstick_of decides it."""
    if label in pages.FLOOR_TARGETS:
        return pages.FLOOR_TARGETS[label][0]
    if role is None:
        return pages.FLOOR
    return pages.AUDITED if writes_audit else pages.SIGNED_IN


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", nargs="?", help="visitor, senco, teacher, ta, parent or pupil")
    parser.add_argument("path", nargs="?")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile")
    parser.add_argument("--only", metavar="REGEX", help="pages whose label matches")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pupilvoice-profile-"))
    try:
        url, secret = f"sqlite:///{folder / 'profile.sqlite'}", secrets.token_hex(32)
        env = {**os.environ, "PUPILVOICE_ENV": "development", "FLASK_APP": "pupilvoice"}
        pages.prepare_database({**env, "DATABASE_URL": url, "SECRET_KEY": secret})
        pages.start_review(url, secret)  # the review screen's plan, as pages.py does
        pages.DEVICE["pupil_id"] = pages.enrol_tablet(url, secret)
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": secret})
        bare = create_bare(len(app.test_client().get("/about").get_data()))
        rows = [
            (label, role, path.format(pupil=pages.DEVICE["pupil_id"]))
            for label, role, path in pages.PAGES
        ]
        if args.only:
            keep = re.compile(args.only)
            rows = [row for row in rows if row[0] in YARDSTICKS or keep.search(row[0])]
        if args.path:
            wanted = None if args.role in (None, "visitor") else args.role
            rows = [row for row in rows if row[0] in YARDSTICKS] + [("page", wanted, args.path)]
        clients: dict = {pages.BARE: bare.test_client()}
        measured: dict[str, tuple[float, int]] = {}
        head = f"{'page':<22} {'role':<8} {'path':<32} {'ms':>6} {'calls':>6}"
        print(f"{head}  yardstick: x ms, x calls")
        for label, role, path in rows:
            if path == pages.BARE:
                client = clients[pages.BARE]
            else:
                client = clients.get(role) or clients.setdefault(role, signed_in_client(app, role))
            ms, calls = cpu_ms(client, path, args.requests), calls_a_request(client, path)
            if label in YARDSTICKS:
                measured[label] = (ms, calls)
            stick = (
                yardstick(label, role, audits(app, client, path)) if path != pages.BARE else None
            )
            base = measured.get(stick) if stick else None
            ratio = f"{stick}: x{base[0] / ms:4.2f}, x{base[1] / calls:4.2f}" if base else ""
            print(f"{label:<22} {role or '-':<8} {path:<32} {ms:6.2f} {calls:6d}  {ratio}")
        if args.profile and args.path:
            profile = cProfile.Profile()
            profile.runcall(lambda: [client.get(args.path) for _ in range(args.requests)])
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(30)
    except pages.BenchError as problem:
        print(f"Stopped: {problem}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
