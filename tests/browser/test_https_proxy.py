"""SEC-18: PupilVoice behind a real TLS-terminating proxy, as the README deploys it.

The README's "Deploying behind HTTPS" settings are read from the README itself: its
environment (production, PUBLIC_URL, PROXY_FIX, FORWARDED_ALLOW_IPS, ...), its gunicorn
command and its Caddyfile, with only the host, ports, database and secret swapped for the
test's and Caddy's own local certificate (`tls internal`) instead of a public one. In
Chromium over https the teacher signs in and saves a plan in the plan editor (its live
checker posts JSON with the CSRF header), shares it, and a parent signs in and answers it.
Before the fix every one of these forms got 400: pages sent ``Referrer-Policy:
no-referrer``, and Flask-WTF refuses an https POST without a same-origin Referer.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shlex
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from flask_migrate import upgrade
from playwright.sync_api import expect

from pupilvoice import create_app
from pupilvoice.extensions import db
from pupilvoice.models import ParentResponse, Plan, Pupil
from pupilvoice.services import demo
from tests.browser.conftest import TABLET, screenshot, sign_in
from tests.conftest import free_port, skip_or_fail
from tests.servers import ROOT, healthy, wait_for

README = ROOT / "README.md"
EXAMPLE_HOST = "pupilvoice.school.example"  # the README's placeholders
EXAMPLE_APP = "127.0.0.1:8000"
TEACHER = "jones@riverside.example"
PARENT = "tom.taylor@family.example"
BETTER_SMART = "By 14 March, Sam will write 3 sentences with full stops in 4 of 5 lessons."
BIN = Path(sys.executable).parent
WAIT = 20_000  # ms: a busy two-core machine hashes passwords slowly (production argon2)
# One worker, not the README's four: the test shares two cores with the rest of the suite.
WORKERS = "1"


def deployment_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Deploying behind HTTPS")
    return text[start : text.index("\n### ", start + 1)]


def fenced(section: str, language: str) -> str:
    return re.search(rf"```{language}\n(.*?)```", section, re.S).group(1)


def readme_environment(section: str) -> dict[str, str]:
    return dict(re.findall(r"^export (\w+)=(\S+)$", fenced(section, "sh"), re.M))


def readme_command(section: str, program: str) -> list[str]:
    lines = fenced(section, "sh").splitlines()
    return shlex.split(next(x for x in lines if x.startswith(f".venv/bin/{program}")))


def caddyfile(section: str, https_port: int, app_port: int) -> str:
    """The README's Caddyfile on 127.0.0.1, with a local certificate; nothing written to
    the machine's trust store or admin port."""
    site = fenced(section, "caddyfile")
    assert site.startswith(EXAMPLE_HOST + " {") and EXAMPLE_APP in site, site
    local = f"https://127.0.0.1:{https_port} {{\n\ttls internal"
    site = site.replace(EXAMPLE_HOST + " {", local, 1)
    site = site.replace(EXAMPLE_APP, f"127.0.0.1:{app_port}")
    return "{\n\tauto_https disable_redirects\n\tskip_install_trust\n\tadmin off\n}\n" + site


def https_healthy(port: int) -> bool:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # Caddy's own local certificate
    conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=2, context=context)
    conn.request("GET", "/healthz")
    return conn.getresponse().status == 200


def run(command: list[str], folder: str, env: dict, name: str) -> subprocess.Popen:
    log = open(Path(folder) / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def started(check, folder: str, name: str) -> None:
    """Wait until ``check`` passes (the port answers); if it never does, show the log."""
    try:
        wait_for(check, name, seconds=30)
    except RuntimeError:
        log = (Path(folder) / f"{name}.log").read_text(errors="replace")
        raise RuntimeError(f"{name} did not start:\n{log[-3000:]}") from None


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)  # gunicorn: quick shutdown (TERM waits for workers)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def seed(database_url: str) -> tuple[int, int]:
    """``flask db upgrade`` (in this process: a second interpreter costs seconds), the demo
    school; Sam's draft plan and its vague handwriting target."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        upgrade()
        demo.load()
        db.session.commit()
        sam = db.session.query(Pupil).filter_by(first_name="Sam").one()
        plan = db.session.query(Plan).filter_by(pupil_id=sam.id).one()
        vague = next(t for t in plan.active_targets if "handwriting" in t.smart_text)
        found = plan.id, vague.id
        db.session.remove()
        db.engine.dispose()
    return found


def app_environment(section: str, public_url: str, database_url: str) -> dict[str, str]:
    """The README's exports, with the test's own secret, address and database."""
    readme_env = readme_environment(section)
    test_values = {
        "SECRET_KEY": secrets.token_urlsafe(48),
        "PUBLIC_URL": public_url,
        "DATABASE_URL": database_url,
        "RATELIMIT_STORAGE_URI": "memory://",  # no Redis needed for one short test
    }
    assert set(test_values) <= set(readme_env), "the README's deployment lost a setting"
    return {**os.environ, **readme_env, **test_values}


def gunicorn_command(section: str, port: int) -> list[str]:
    command = readme_command(section, "gunicorn")
    command[0] = str(BIN / "gunicorn")
    command[command.index("-w") + 1] = WORKERS
    command[command.index("-b") + 1] = f"127.0.0.1:{port}"
    # other test servers run at the same time: gunicorn 27's control socket is one path a
    # machine, so the test's servers go without it
    return [*command, "--no-control-socket"]


def caddy_command(caddy: str, folder: str, section: str, https_port: int, app_port: int):
    (Path(folder) / "Caddyfile").write_text(caddyfile(section, https_port, app_port))
    return [caddy, "run", "--config", f"{folder}/Caddyfile", "--adapter", "caddyfile"]


@pytest.fixture(scope="module")
def deployed():
    """gunicorn (production settings from the README) behind Caddy on https://127.0.0.1."""
    caddy = shutil.which("caddy")
    if caddy is None:
        skip_or_fail("Caddy not installed (apt-get install caddy)")
    folder = tempfile.mkdtemp(prefix="pupilvoice-https-")
    app_port, https_port = free_port(), free_port()
    public_url, database_url = (
        f"https://127.0.0.1:{https_port}",
        f"sqlite:///{folder}/school.sqlite",
    )
    section = deployment_section()
    env = app_environment(section, public_url, database_url)
    caddy_env = {**os.environ, "HOME": folder, "XDG_DATA_HOME": folder, "XDG_CONFIG_HOME": folder}
    # Both servers start while the database is made: nothing reads it before /healthz.
    processes = [run(gunicorn_command(section, app_port), folder, env, "gunicorn")]
    try:
        command = caddy_command(caddy, folder, section, https_port, app_port)
        processes.append(run(command, folder, caddy_env, "caddy"))
        assert readme_command(section, "flask") == [".venv/bin/flask", "db", "upgrade"]
        plan_id, target_id = seed(database_url)
        started(lambda: healthy(app_port), folder, "gunicorn")
        started(lambda: https_healthy(https_port), folder, "caddy")
        yield {
            "url": public_url,
            "database_url": database_url,
            "plan_id": plan_id,
            "target_id": target_id,
        }
    finally:
        for process in processes:
            stop(process)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def https_page(browser, deployed):
    """A page on a new browser context that fails the test on any answer of 400 or more,
    and on any request that is not https to the app (SEC-14)."""
    contexts, problems = [], []

    def watch(response):
        if not response.url.startswith((deployed["url"] + "/", "data:")):
            problems.append(f"request elsewhere: {response.url}")
        elif response.status >= 400:
            problems.append(f"{response.status} {response.request.method} {response.url}")

    def _new():
        context = browser.new_context(
            base_url=deployed["url"], ignore_https_errors=True, viewport=TABLET
        )
        contexts.append(context)
        page = context.new_page()
        page.on("response", watch)
        return page

    yield _new
    for context in contexts:
        context.close()
    assert not problems, problems


def test_sec18_sign_in_save_a_plan_and_answer_it_over_https(https_page, deployed):
    plan_id = deployed["plan_id"]
    teacher = https_page()
    sign_in(teacher, TEACHER)
    expect(teacher).to_have_url(deployed["url"] + "/staff/", timeout=WAIT)
    teacher.goto(f"/staff/plans/{plan_id}/targets/{deployed['target_id']}")
    smart = teacher.get_by_label("SMART target")
    smart.fill(BETTER_SMART)  # the live checker posts it as JSON, with the CSRF header
    expect(teacher.get_by_text("The checker has no suggestions.").first).to_be_visible(timeout=WAIT)
    teacher.get_by_role("button", name="Save the target").click()
    expect(teacher.get_by_text("Saved.", exact=False).first).to_be_visible(timeout=WAIT)
    teacher.goto(f"/staff/plans/{plan_id}")
    teacher.get_by_role("button", name="Share with parents").click()
    shared = teacher.get_by_text("The plan is shared with Sam's parents.")
    expect(shared).to_be_visible(timeout=WAIT)
    screenshot(teacher, "https-proxy-teacher")

    parent = https_page()
    sign_in(parent, PARENT)
    expect(parent).to_have_url(deployed["url"] + "/family/", timeout=WAIT)
    parent.goto(f"/family/plans/{plan_id}")
    expect(parent.get_by_text(BETTER_SMART)).to_be_visible(timeout=WAIT)
    for label in parent.locator("label[for$='-0']").all():  # "I agree", every target
        label.click()
    parent.locator(".send-bar button[type=submit]").click()
    thanks = parent.get_by_text("Thank you. The school can see your answers now.")
    expect(thanks).to_be_visible(timeout=WAIT)
    screenshot(parent, "https-proxy-parent")

    headers = parent.goto("/family/").headers
    assert headers["strict-transport-security"].startswith("max-age=")  # production, on https
    assert headers["referrer-policy"] == "same-origin"
    app = create_app({"SQLALCHEMY_DATABASE_URI": deployed["database_url"]})
    with app.app_context():
        answers = db.session.query(ParentResponse).filter_by(plan_id=plan_id).all()
        assert {a.kind for a in answers if a.target_id} == {"agree"}
        db.session.remove()
        db.engine.dispose()
