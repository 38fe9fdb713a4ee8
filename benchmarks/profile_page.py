"""Where one page's time goes: CPU a request in-process, and optionally a cProfile.

    .venv/bin/python benchmarks/profile_page.py                    # every page in PAGES
    .venv/bin/python benchmarks/profile_page.py teacher /staff/plans/1 --profile

It builds the demo database once (in a temporary folder), signs in through the real
forms as pages.py does, then times the page with Flask's test client: no HTTP server,
so the numbers are lower than `make bench` and the table is for comparing a page with
itself before and after a change. Only the floor line is a fair yardstick: a page
should cost at most about twice the floor here too. The Python calls a request (counted
by cProfile) do not move when the machine is busy, unlike the milliseconds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (the benchmark's PAGES, demo sign-ins and database set-up)
from yardsticks import create_app  # noqa: E402

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", nargs="?", help="visitor, senco, teacher, ta, parent or pupil")
    parser.add_argument("path", nargs="?")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pupilvoice-profile-"))
    try:
        url, secret = f"sqlite:///{folder / 'profile.sqlite'}", secrets.token_hex(32)
        env = {**os.environ, "PUPILVOICE_ENV": "development", "FLASK_APP": "pupilvoice"}
        pages.prepare_database({**env, "DATABASE_URL": url, "SECRET_KEY": secret})
        pages.DEVICE["pupil_id"] = pages.enrol_tablet(url, secret)
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": secret})
        wanted = [(None if args.role in (None, "visitor") else args.role, args.path)]
        rows = [
            (label, role, path.format(pupil=pages.DEVICE["pupil_id"]))
            for label, role, path in pages.PAGES
            if path != pages.BARE
        ]
        if args.path:
            rows = [rows[0]] + [("page", *wanted[0])]
        clients: dict = {}
        floor = None
        for label, role, path in rows:
            client = clients.get(role) or clients.setdefault(role, signed_in_client(app, role))
            ms, calls = cpu_ms(client, path, args.requests), calls_a_request(client, path)
            floor = floor or (ms, calls)
            print(
                f"{label:<22} {role or '-':<8} {path:<32} {ms:6.2f} ms  x{floor[0] / ms:4.2f}"
                f"  {calls:6d} calls  x{floor[1] / calls:4.2f}"
            )
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
