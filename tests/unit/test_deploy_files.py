"""deploy/ stays true to the app (issue 16 item 7), without Docker or systemd.

Every setting the app reads is in the env example; the Compose file's services, ports,
images and settings are the ones the app and the Caddyfile name; the Caddyfile proxies to
the app servers with a health check on /healthz; the systemd unit and the Dockerfile run
the gunicorn entry point that exists, with a control socket of their own; the cron file
runs commands the app has. scripts/deploy-check.sh runs the same files for real.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
APP_ENTRY = "pupilvoice:create_app()"
# read only by the test and development configurations, never in a deployment
NOT_DEPLOYED = {"TEST_DATABASE_URL", "FLASK_DEBUG"}
# read by the tools around the app rather than by config.py
TOOL_SETTINGS = {"FLASK_APP"}


def settings_the_app_reads() -> set[str]:
    names = set()
    for path in (ROOT / "pupilvoice").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        names |= set(re.findall(r'os\.environ\.get\(\s*"(\w+)"', source))
        names |= set(re.findall(r'os\.environ\[\s*"(\w+)"\s*\]', source))
        names |= set(re.findall(r'os\.getenv\(\s*"(\w+)"', source))
        if path.name == "config.py":
            names |= set(re.findall(r'_(?:bool|list|int)\(\s*"(\w+)"', source))
    return names - NOT_DEPLOYED


def env_example() -> dict[str, str]:
    """Every KEY=value of the example, commented-out defaults included."""
    text = (DEPLOY / "pupilvoice.env.example").read_text(encoding="utf-8")
    return dict(re.findall(r"^#?([A-Z][A-Z0-9_]+)=(.*)$", text, re.M))


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def test_the_settings_reader_finds_what_config_reads():
    found = settings_the_app_reads()
    assert {"SECRET_KEY", "DATABASE_URL", "PUBLIC_URL", "PUPILVOICE_ENV", "MAIL_USE_TLS"} <= found
    assert {"TRUSTED_HOSTS", "FORWARDED_ALLOW_IPS", "PROXY_FIX"} <= found


def test_every_setting_the_app_reads_is_in_the_env_example():
    missing = settings_the_app_reads() - set(env_example())
    assert not missing, f"add these to deploy/pupilvoice.env.example: {sorted(missing)}"


def test_the_env_example_names_only_settings_that_exist():
    unknown = set(env_example()) - settings_the_app_reads() - TOOL_SETTINGS
    assert not unknown, unknown


def test_sh_reads_the_env_example_as_systemd_and_compose_do(tmp_path):
    """deploy/pupilvoice-flask sources the file; uncommented, every line means the same."""
    uncommented = tmp_path / "all.env"
    text = (DEPLOY / "pupilvoice.env.example").read_text(encoding="utf-8")
    uncommented.write_text(re.sub(r"^#([A-Z][A-Z0-9_]+=)", r"\1", text, flags=re.M))
    script = f'set -a; . "{uncommented}"; env -0'
    done = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=True)
    seen = dict(item.split("=", 1) for item in done.stdout.split("\0") if "=" in item)
    for key, value in env_example().items():
        assert seen[key] == value.strip('"'), key


def test_sec16_the_env_example_is_production_behind_one_proxy():
    example = env_example()
    assert example["PUPILVOICE_ENV"] == "production"
    assert example["PUBLIC_URL"].startswith("https://")
    assert example["PROXY_FIX"] == "1"
    assert example["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert example["RATELIMIT_STORAGE_URI"].startswith("redis://")  # shared by both servers


def test_compose_has_the_documented_topology():
    services = compose()["services"]
    assert set(services) == {"postgres", "redis", "migrate", "app1", "app2", "mailer", "caddy"}
    # only the proxy is reachable from outside, on 80 and 443
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"caddy"}
    assert {p.split(":")[0] for p in services["caddy"]["ports"]} == {"80", "443"}
    assert services["caddy"]["volumes"][0] == "./Caddyfile:/etc/caddy/Caddyfile:ro"
    upstreams = services["caddy"]["environment"]["PUPILVOICE_UPSTREAMS"].split()
    assert upstreams == ["app1:8000", "app2:8000"]


def test_compose_names_only_services_volumes_and_networks_it_declares():
    spec = compose()
    services, volumes, networks = spec["services"], set(spec["volumes"]), set(spec["networks"])
    for name, service in services.items():
        assert "image" in service, name
        assert set(service.get("depends_on", ())) <= set(services) - {name}, name
        named = {v.split(":")[0] for v in service.get("volumes", ()) if not v.startswith(".")}
        assert named <= volumes, (name, named - volumes)
        assert set(service.get("networks", ())) <= networks, name
        for path in [v.split(":")[0] for v in service.get("volumes", ()) if v.startswith(".")]:
            assert (DEPLOY / path).exists(), path
    build = services["app1"]["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    address = services["caddy"]["networks"]["internal"]["ipv4_address"]
    subnet = spec["networks"]["internal"]["ipam"]["config"][0]["subnet"]
    assert ipaddress.ip_address(address) in ipaddress.ip_network(subnet)


def test_compose_migrates_once_before_either_app_server_starts():
    services = compose()["services"]
    assert services["migrate"]["command"] == ["flask", "db", "upgrade"]
    for name in ("app1", "app2"):
        assert "command" not in services[name]  # the image's gunicorn
        after = services[name]["depends_on"]["migrate"]["condition"]
        assert after == "service_completed_successfully"


def test_sec18_compose_app_settings_are_the_apps_and_trust_only_caddy():
    services = compose()["services"]
    known = settings_the_app_reads()
    caddy_address = services["caddy"]["networks"]["internal"]["ipv4_address"]
    for name in ("migrate", "app1", "app2"):
        service = services[name]
        assert service["env_file"] == "pupilvoice.env"
        assert set(service["environment"]) <= known, set(service["environment"]) - known
        assert service["environment"]["FORWARDED_ALLOW_IPS"] == caddy_address
        database = service["environment"]["DATABASE_URL"]
        assert "@postgres:5432/" in database and database.startswith("postgresql+psycopg://")
        assert service["environment"]["RATELIMIT_STORAGE_URI"] == "redis://redis:6379/0"
    # pg_dump in the app image must be as new as the server (flask backup)
    assert services["postgres"]["image"].startswith("postgres:15")
    assert "postgresql-client-15" in (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def caddy_json(host: str, upstreams: str) -> dict:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("Caddy not installed (apt-get install caddy)")
    env = {**os.environ, "PUPILVOICE_HOST": host, "PUPILVOICE_UPSTREAMS": upstreams}
    command = [caddy, "adapt", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_sec18_the_caddyfile_proxies_to_both_app_servers_with_a_health_check():
    config = caddy_json("pupilvoice.school.example", "app1:8000 app2:8000")
    server = config["apps"]["http"]["servers"]["srv0"]
    assert server["listen"] == [":443"]
    route = server["routes"][0]
    assert route["match"] == [{"host": ["pupilvoice.school.example"]}]
    handlers = {h["handler"]: h for h in route["handle"][0]["routes"][0]["handle"]}
    proxy = handlers["reverse_proxy"]
    assert [u["dial"] for u in proxy["upstreams"]] == ["app1:8000", "app2:8000"]
    active = proxy["health_checks"]["active"]
    assert active["uri"] == "/healthz"
    assert active["headers"]["Host"] == ["pupilvoice.school.example"]  # TRUSTED_HOSTS
    assert handlers["request_body"]["max_size"] > 6 * 1024 * 1024  # the app's upload limit


def unit_command() -> list[str]:
    text = (DEPLOY / "systemd" / "pupilvoice@.service").read_text(encoding="utf-8")
    return shlex.split(re.search(r"^ExecStart=(.*)$", text, re.M).group(1))


def test_the_systemd_unit_runs_the_app_entry_point_with_its_own_control_socket():
    import pupilvoice

    command = unit_command()
    assert command[0] == "/srv/pupilvoice/.venv/bin/gunicorn"
    assert command[-1] == APP_ENTRY and callable(pupilvoice.create_app)
    assert command[command.index("-b") + 1] == "127.0.0.1:%i"  # the instance is the port
    socket = command[command.index("--control-socket") + 1]
    assert "%i" in socket  # one per instance: gunicorn 27's default is one per user
    text = (DEPLOY / "systemd" / "pupilvoice@.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=/etc/pupilvoice/pupilvoice.env" in text
    assert "RuntimeDirectory=pupilvoice-%i" in text and socket.startswith("/run/pupilvoice-%i/")


def test_systemd_accepts_the_unit(tmp_path):
    """`systemd-analyze verify` (offline) on an instance of the unit: no unknown or
    misspelt directive. The gunicorn it names is only installed on the server."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed")
    unit = tmp_path / "pupilvoice@8001.service"
    shutil.copy(DEPLOY / "systemd" / "pupilvoice@.service", unit)
    command = [analyze, "verify", "--man=no", str(unit)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    said = [x for x in (done.stdout + done.stderr).splitlines() if "is not executable" not in x]
    assert not said, said


def test_the_dockerfile_runs_gunicorn_on_the_port_compose_uses():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim-bookworm$", text, re.M)  # Debian
    cmd = json.loads(re.search(r"^CMD (\[.*?\])$", text, re.M | re.S).group(1).replace("\\\n", ""))
    assert cmd[0] == "gunicorn" and cmd[-1] == APP_ENTRY
    assert cmd[cmd.index("-b") + 1] == "0.0.0.0:8000"
    assert "--control-socket" in cmd or "--no-control-socket" in cmd
    assert "db upgrade" not in text.split("CMD", 1)[1]  # migrations run once, in Compose
    for source in re.findall(r"^COPY (.+) \S+$", text, re.M):
        for path in source.split():
            assert (ROOT / path).exists(), path


def test_the_cron_jobs_are_commands_the_app_has():
    from pupilvoice import create_app

    commands = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).cli.commands
    text = (DEPLOY / "pupilvoice.cron").read_text(encoding="utf-8")
    jobs = re.findall(
        r"^[\d*]\S*\s+\S+\s+\S+\s+\S+\s+\S+\s+pupilvoice\s+\$RUN\s+(.*?)\s*>>", text, re.M
    )
    assert {job.split()[0] for job in jobs} == {
        "backup",
        "outbox",
        "retention",
        "speech",
        "reviews-due",
        "remind-parents",
    }
    for job in jobs:
        words = job.split()
        command = commands[words[0]]
        if words[0] in ("speech", "outbox"):
            assert words[1] in command.commands
    assert "RUN=/srv/pupilvoice/deploy/pupilvoice-flask" in text
