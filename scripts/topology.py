"""Bring up the documented topology with local processes, no container runtime needed:
PostgreSQL (or SQLite), Redis, N gunicorn app servers and Caddy over TLS in front of them,
the database made by the real migrations and a fixture command (`flask demo` by default).

    .venv/bin/python scripts/topology.py                      # 2 apps, Caddy; Ctrl+C stops
    .venv/bin/python scripts/topology.py --apps 1 --no-proxy  # one app server, plain http
    .venv/bin/python scripts/topology.py -- .venv/bin/pytest tests/x.py   # run, then stop

It prints the addresses as shell variables (PUPILVOICE_URL, DATABASE_URL, REDIS_URL,
APP_PORTS) and, with a command after ``--``, runs it with those in its environment and
exits with its status; everything it started is stopped either way. The process code is
tests/servers.py, shared with the tests and `make load` (benchmarks/load.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import servers  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=2, help="gunicorn app servers")
    parser.add_argument("--workers", type=int, default=2, help="sync workers per app server")
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--fixture", default="flask demo", help="command that fills the db")
    parser.add_argument("--no-proxy", action="store_true", help="no Caddy in front")
    parser.add_argument("--secret", default=os.environ.get("SECRET_KEY", "topology-" + "x" * 32))
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- command to run")
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    with up(options) as env:
        for name in ("PUPILVOICE_URL", "DATABASE_URL", "REDIS_URL", "APP_PORTS"):
            print(f"{name}={shlex.quote(env[name])}", flush=True)
        if command:
            return subprocess.run(command, env={**os.environ, **env}).returncode  # noqa: S603
        print("Up. Ctrl+C stops everything.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


@contextlib.contextmanager
def up(options):
    folder = Path(tempfile.mkdtemp(prefix="pupilvoice-topology-"))
    with contextlib.ExitStack() as stack:
        if options.db == "postgres":
            url = stack.enter_context(servers.postgres("pupilvoice", durable=True))
        else:
            url = f"sqlite:///{folder}/pupilvoice.db"
        redis_url = stack.enter_context(servers.redis_server())
        prepare(url, options.fixture, options.secret)
        shared = {"SECRET_KEY": options.secret, "RATELIMIT_STORAGE_URI": redis_url}
        ports = [
            stack.enter_context(
                servers.gunicorn(servers.free_port(), url, workers=options.workers, threads=1,
                                 log=folder / f"app-{n}.log", **shared)
            )
            for n in range(options.apps)
        ]  # fmt: skip
        if options.no_proxy:
            address = f"http://127.0.0.1:{ports[0]}"
        else:
            address = f"https://127.0.0.1:{stack.enter_context(servers.caddy(ports))}"
        yield {
            "PUPILVOICE_URL": address,
            "DATABASE_URL": url,
            "REDIS_URL": redis_url,
            "APP_PORTS": ",".join(map(str, ports)),
            "APP_LOGS": str(folder),
        }


def prepare(url: str, fixture: str, secret: str) -> None:
    """`flask db upgrade`, then the fixture, with the servers' secret (pupils' picture keys
    are keyed by it)."""
    env = {**os.environ, "DATABASE_URL": url, "FLASK_APP": "pupilvoice", "SECRET_KEY": secret}
    for command in (["flask", "db", "upgrade"], shlex.split(fixture)):
        program = Path(sys.executable).parent / command[0]
        done = subprocess.run(  # noqa: S603 - our own flask and the caller's fixture
            [str(program), *command[1:]], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")


if __name__ == "__main__":
    sys.exit(main())
