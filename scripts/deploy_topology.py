"""The deployment of deploy/ as local processes: PostgreSQL, Redis, two gunicorns, Caddy.

Each piece is started from the deployment's own files, with only addresses and folders
swapped for a temp dir's: the settings are deploy/pupilvoice.env.example's, the gunicorn
command is the systemd unit's ExecStart, Caddy runs deploy/Caddyfile (with a global block
for local ports and Caddy's own local CA), and every `flask` command goes through
deploy/pupilvoice-flask as cron and upgrades do. scripts/deploy-check.sh drives it.
"""

from __future__ import annotations

import glob
import os
import secrets
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.servers import wait_for  # noqa: E402 - the repository's root is on the path now

DEPLOY = ROOT / "deploy"
BIN = ROOT / ".venv" / "bin"
HOST = "localhost"  # Caddy's local CA signs it; Chromium and Python both resolve it
WORKERS = "2"  # the unit's 4 per server, halved for a two-core machine
DB_USER, DB_NAME = "pupilvoice", "pupilvoice"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=value lines (values may be "quoted"), as systemd, Compose and sh read them."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            found[key] = value.strip('"')
    return found


def unit_command(unit: Path, port: int, run_dir: Path) -> list[str]:
    """The systemd unit's ExecStart for instance ``port``, run from this checkout."""
    text = unit.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("ExecStart="))
    line = line.removeprefix("ExecStart=").replace("/run/pupilvoice-%i", str(run_dir))
    command = shlex.split(line.replace("%i", str(port)))
    assert command[0] == "/srv/pupilvoice/.venv/bin/gunicorn", command
    command[0] = str(BIN / "gunicorn")
    command[command.index("-w") + 1] = WORKERS
    return command


class Topology:
    """Start and stop every process; ``stop_all`` always leaves nothing behind."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.processes: dict[str, subprocess.Popen] = {}
        self.pg_data: Path | None = None
        self.ports = {
            name: free_port() for name in ("pg", "redis", "app1", "app2", "http", "https")
        }
        self.url = f"https://{HOST}:{self.ports['https']}"
        self.env_file = folder / "pupilvoice.env"
        self.db_password = secrets.token_hex(16)
        self.caddy_home = folder / "caddy-home"

    # --- the pieces -------------------------------------------------------------------------

    def _as_postgres(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start_postgres(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise SystemExit("PostgreSQL server binaries not found (apt-get install postgresql)")
        pg_bin, folder = Path(found[-1]).parent, self.folder / "pg"
        folder.mkdir()
        (folder / "pw").write_text(self.db_password)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
            shutil.chown(folder / "pw", "postgres", "postgres")
        self.pg_data = folder / "data"
        self._pg_ctl = pg_bin / "pg_ctl"
        run(
            [*self._as_postgres(), str(pg_bin / "initdb"), "-D", str(self.pg_data), "-U", DB_USER,
             f"--pwfile={folder / 'pw'}", "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]
        )  # fmt: skip
        options = f"-p {self.ports['pg']} -c listen_addresses=127.0.0.1 -k {folder}"
        run(
            [*self._as_postgres(), str(self._pg_ctl), "-D", str(self.pg_data),
             "-l", str(folder / "log"), "-w", "-o", options, "start"]
        )  # fmt: skip
        env = {**os.environ, "PGPASSWORD": self.db_password}
        run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.ports["pg"]), "-U", DB_USER, DB_NAME],
            env,
        )

    def start_redis(self) -> None:
        command = ["redis-server", "--port", str(self.ports["redis"]), "--bind", "127.0.0.1",
                   "--save", "", "--appendonly", "no", "--dir", str(self.folder)]  # fmt: skip
        self.spawn("redis", command, os.environ)
        wait_for(lambda: socket.create_connection(("127.0.0.1", self.ports["redis"])), "redis")

    def write_settings(self) -> dict[str, str]:
        """The env example's settings with this run's secret, addresses and folders."""
        settings = read_env_file(DEPLOY / "pupilvoice.env.example")
        settings |= {
            "SECRET_KEY": secrets.token_urlsafe(48),
            "PUBLIC_URL": self.url,
            "DATABASE_URL": f"postgresql+psycopg://{DB_USER}:{self.db_password}"
            f"@127.0.0.1:{self.ports['pg']}/{DB_NAME}",
            "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "SPEECH_CACHE_DIR": str(self.folder / "speech"),
        }
        lines = [
            f'{key}="{value}"' if " " in value else f"{key}={value}"
            for key, value in settings.items()
        ]
        self.env_file.write_text("\n".join(lines) + "\n")
        return settings

    def flask(self, *args: str) -> str:
        """A `flask` command through deploy/pupilvoice-flask, as cron and upgrades run it."""
        env = {
            **os.environ,
            "PUPILVOICE_ENV_FILE": str(self.env_file),
            "PUPILVOICE_HOME": str(ROOT),
        }
        return run([str(DEPLOY / "pupilvoice-flask"), *args], env)

    def app_env(self) -> dict[str, str]:
        return {**os.environ, **read_env_file(self.env_file)}

    def start_apps(self, *names: str) -> None:
        """Start these app servers side by side, then wait until each answers /healthz."""
        for name in names:
            port = self.ports[name]
            run_dir = self.folder / f"run-{port}"  # the unit's RuntimeDirectory
            run_dir.mkdir(exist_ok=True)
            command = unit_command(DEPLOY / "systemd" / "pupilvoice@.service", port, run_dir)
            self.spawn(name, command, self.app_env())
        for name in names:
            wait_for(lambda n=name: self.app_healthy(self.ports[n]), f"gunicorn {name}", 90)

    def app_healthy(self, port: int) -> bool:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - our server
            return response.status == 200

    def stop_apps(self, *names: str) -> None:
        """SIGTERM: gunicorn finishes the requests in flight, as `systemctl stop` does."""
        stop([self.processes.pop(name) for name in names], signal.SIGTERM)

    def caddyfile(self) -> Path:
        global_block = (
            "{\n"
            f"\thttp_port {self.ports['http']}\n\thttps_port {self.ports['https']}\n"
            "\tskip_install_trust\n\tadmin off\n}\n"
        )
        path = self.folder / "Caddyfile"
        path.write_text(global_block + (DEPLOY / "Caddyfile").read_text(encoding="utf-8"))
        return path

    def start_caddy(self) -> None:
        caddy = shutil.which("caddy")
        if caddy is None:
            raise SystemExit("Caddy not installed (apt-get install caddy)")
        home = self.caddy_home
        upstreams = f"127.0.0.1:{self.ports['app1']} 127.0.0.1:{self.ports['app2']}"
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
               "XDG_CONFIG_HOME": str(home / "config"), "PUPILVOICE_HOST": HOST,
               "PUPILVOICE_UPSTREAMS": upstreams}  # fmt: skip
        command = [caddy, "run", "--config", str(self.caddyfile()), "--adapter", "caddyfile"]
        self.spawn("caddy", command, env)
        wait_for(self.https_healthy, "caddy over https", seconds=60)

    @property
    def root_certificate(self) -> Path:
        """Caddy's local CA (`tls internal`), which this check trusts, and nothing else."""
        return self.caddy_home / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.root_certificate))

    def https_healthy(self) -> bool:
        context = self.tls_context()
        with urllib.request.urlopen(f"{self.url}/healthz", timeout=2, context=context) as response:  # noqa: S310
            return response.status == 200

    # --- processes --------------------------------------------------------------------------

    def spawn(self, name: str, command: list[str], env: dict) -> None:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(  # noqa: S603 - our own commands
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.folder / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop_all(self) -> None:
        # SIGINT: Caddy and gunicorn stop at once; then Redis
        stop([self.processes.pop(n) for n in ("caddy", "app1", "app2") if n in self.processes])
        stop([self.processes.pop("redis")] if "redis" in self.processes else [], signal.SIGTERM)
        if self.pg_data and (self.pg_data / "postmaster.pid").exists():
            command = [*self._as_postgres(), str(self._pg_ctl), "-D", str(self.pg_data),
                       "-m", "fast", "-w", "stop"]  # fmt: skip
            subprocess.run(command, capture_output=True, check=False, timeout=60)  # noqa: S603


def stop(processes: list[subprocess.Popen], sig: int = signal.SIGINT) -> None:
    """Signal every process, then wait for each (killed after 30 s)."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(sig)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run(command: list[str], env: dict | None = None) -> str:
    # our own commands and arguments, no shell
    done = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{shlex.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout
