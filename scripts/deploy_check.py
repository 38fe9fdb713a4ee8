"""`make deploy-check`: bring deploy/'s topology up with local processes and smoke-test it.

PostgreSQL (pg_ctl in a temp dir), Redis, two gunicorn servers (the systemd unit's command),
Caddy in front over HTTPS with its own local CA, which the check trusts. `flask db upgrade`
runs once, before either server starts, then the demo school is loaded. Chromium signs in
over https, an upgrade restarts the servers one at a time while the SENCO stays signed in,
then `flask backup` is taken, the database damaged, and `flask restore` brings the school
back: the SENCO signs in again. Everything is stopped and removed whatever happened
(--keep leaves the temp dir and its logs). Nothing needs a container runtime.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import deploy_smoke as smoke_steps
import psycopg
from deploy_topology import DEPLOY, HOST, ROOT, Topology


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def compose_config() -> None:
    """`docker compose config` when Compose works here; the unit test checks the file always."""
    env = {"POSTGRES_PASSWORD": "check", "PUPILVOICE_HOST": "pupilvoice.school.example"}
    docker = shutil.which("docker")
    probe = docker and subprocess.run(  # noqa: S603
        [docker, "compose", "version"], capture_output=True, check=False
    )
    if not probe or probe.returncode != 0:
        step("docker compose is not available: compose.yaml is checked by the unit test only")
        return
    example = DEPLOY / "pupilvoice.env"
    made = not example.exists()
    if made:
        shutil.copy(DEPLOY / "pupilvoice.env.example", example)
    try:
        command = [docker, "compose", "-f", str(DEPLOY / "compose.yaml"), "config", "-q"]
        subprocess.run(command, env={**os.environ, **env}, check=True)  # noqa: S603
        step("docker compose config: compose.yaml is valid")
    finally:
        if made:
            example.unlink()


def deployment_tests() -> None:
    command = [sys.executable, "-m", "pytest", "-q", "-n", "0", "tests/unit/test_deploy_files.py"]
    subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603


def forged_post_refused(topology: Topology) -> None:
    """A POST without a CSRF token through the proxy: 400 (SEC-10)."""
    conn = http.client.HTTPSConnection(
        HOST, topology.ports["https"], timeout=10, context=topology.tls_context()
    )
    conn.request("POST", "/auth/login", body="email=x&password=y",
                 headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    status = conn.getresponse().status
    assert status == 400, status


def http_redirects_to_https(topology: Topology) -> None:
    conn = http.client.HTTPConnection(HOST, topology.ports["http"], timeout=10)
    conn.request("GET", "/")
    response = conn.getresponse()
    assert response.status in (301, 308), response.status
    assert response.getheader("Location").startswith("https://"), response.getheader("Location")


def damage_the_school(settings: dict[str, str]) -> None:
    """Lose the SENCO's password, as a mistake or a bad upgrade might."""
    url = settings["DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as conn:
        conn.execute(
            'UPDATE "user" SET password_hash = NULL WHERE email = %s', (smoke_steps.SENCO,)
        )


def bring_up(topology: Topology) -> dict[str, str]:
    step("PostgreSQL (pg_ctl in a temp dir) and Redis")
    topology.start_postgres()
    topology.start_redis()
    settings = topology.write_settings()
    step("flask db upgrade, once, before any app server starts; then the demo school")
    topology.flask("db", "upgrade")
    topology.flask("demo")
    step("two gunicorn servers (the systemd unit's ExecStart) and Caddy in front")
    topology.start_apps("app1", "app2")
    topology.start_caddy()
    step(f"up: {topology.url} (Caddy's local CA at {topology.root_certificate})")
    return settings


def rolling_restart(topology: Topology, smoke, page) -> None:
    """The upgrade of deploy/README.md: one server at a time, the school keeps working."""
    for name in ("app1", "app2"):
        topology.stop_apps(name)
        smoke_steps.still_signed_in(smoke, page)
        topology.start_apps(name)
    smoke_steps.still_signed_in(smoke, page)


def backup_and_restore(topology: Topology, settings: dict[str, str], smoke) -> None:
    output = topology.flask("backup", "--to", str(topology.folder / "backups"))
    backup = Path(output.strip().removeprefix("Backed up to "))
    assert backup.is_file() and backup.stat().st_size > 0, output
    step(f"backup taken while the school runs: {backup.name} ({backup.stat().st_size} bytes)")
    damage_the_school(settings)
    smoke_steps.refused_sign_in(smoke)
    step("damaged: the SENCO's sign-in is refused; stopping both servers to restore")
    topology.stop_apps("app1", "app2")
    topology.flask("restore", "--yes", str(backup))
    topology.flask("db", "upgrade")
    topology.start_apps("app1", "app2")
    page = smoke_steps.senco_signs_in(smoke)
    page.context.close()
    step("restored: the SENCO signs in again over https")


def check(topology: Topology) -> None:
    settings = bring_up(topology)
    http_redirects_to_https(topology)
    forged_post_refused(topology)
    step("http redirects to https; a POST without a CSRF token gets 400")
    home = topology.folder / "chromium-home"
    smoke_steps.trust_store(home, topology.root_certificate)
    with smoke_steps.Smoke(topology.url, home) as smoke:
        headers = smoke_steps.visitor_page(smoke)
        step(f"visitor page: HSTS {headers['strict-transport-security']!r}")
        page = smoke_steps.senco_signs_in(smoke)
        step("the demo SENCO signed in (CSRF-checked POST); __Host- cookie Secure, HttpOnly")
        smoke_steps.signs_out_and_in_again(smoke, page)
        step("signed out (POST) and in again: a new session id")
        smoke_steps.pupil_on_the_class_tablet(smoke)
        step("a teacher enrolled a class tablet; Harry signed in with his pictures")
        rolling_restart(topology, smoke, page)
        step("restarted app1, then app2: the SENCO stayed signed in throughout")
        page.context.close()
        backup_and_restore(topology, settings, smoke)
        smoke.check()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="Keep the temp dir and its logs.")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the teardown below
    deployment_tests()
    compose_config()
    folder = Path(tempfile.mkdtemp(prefix="pupilvoice-deploy-"))
    folder.chmod(0o711)  # PostgreSQL's own user reaches its folder inside
    topology = Topology(folder)
    try:
        check(topology)
    except Exception:
        for name in ("app1", "app2", "caddy", "redis"):
            print(f"--- {name}.log (last lines)\n{topology.log_tail(name)}", file=sys.stderr)
        raise
    finally:
        step("tearing everything down")
        topology.stop_all()
        if args.keep:
            step(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    step("deploy check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
