"""`make lighthouse`: Lighthouse scores for the pupil home, the staff home and a parent's plan.

Serves the demo school from a temporary SQLite database on 127.0.0.1, signs each person in
(the pupil on an enrolled class tablet with their pictures), and runs Lighthouse 12 (npm,
installed into .lighthouse/ by the Makefile) with Debian's Chromium on its default phone
profile (Moto G Power, simulated slow 4G), talking to nothing but the app (TOOLING.md). It
prints a table, writes it to benchmarks/LIGHTHOUSE.md and fails unless every page reaches
performance >= 95, accessibility 100 and best practices 100.

Lighthouse slows the CPU 4x by default, which turns a desktop with a benchmark index of
1500-2000 into a mid-tier phone. This machine's two cores, shared by many jobs, measure
about 350-550, where Lighthouse warns that the host is too slow and its documentation
(docs/throttling.md, "Calibrating the CPU slowdown") says to lower the multiplier: a first
run on /about measures the index and every run then uses index / 400, between 1 and 4
(a phone of about 400 whatever the host). ``LIGHTHOUSE_CPU_SLOWDOWN`` sets it instead
(4 is Lighthouse's default). The table says which was used. Each page runs
``LIGHTHOUSE_RUNS`` times (default 3) and its median run counts, as Lighthouse's authors
advise: on two shared cores one run's timings wander by a few points. Reports (HTML and
JSON, the median run's) are kept in test-artifacts/lighthouse/ for a closer look.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pupilvoice import create_app  # noqa: E402
from pupilvoice.extensions import db  # noqa: E402
from pupilvoice.models import Pupil  # noqa: E402
from pupilvoice.services import demo, devices  # noqa: E402

LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REPORTS = ROOT / "test-artifacts" / "lighthouse"
RESULTS = ROOT / "benchmarks" / "LIGHTHOUSE.md"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync "
    '"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"'
)
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}
SESSION_COOKIE = "__Host-pupilvoice"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
PHONE_INDEX = 400  # the benchmark index of the mid-tier phone Lighthouse means to be


def skip(reason: str) -> None:
    print(f"make lighthouse: skipped, {reason}")
    sys.exit(0)


def serve(folder: str):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/lighthouse.sqlite"})
    app.config["RATELIMIT_ENABLED"] = False
    with app.app_context():
        db.create_all()
        demo.load()
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return app, server


def form(client, url: str, data: dict, page: str | None = None):
    """Post a form the way a browser does, with the CSRF token from its page."""
    html = client.get(page or url).get_data(as_text=True)
    token = html.split('name="csrf_token"', 1)[1].split('value="', 1)[1].split('"', 1)[0]
    return client.post(url, data={**data, "csrf_token": token})


def cookies(client, *names: str) -> str:
    return "; ".join(f"{name}={client.get_cookie(name).value}" for name in names)


def staff_cookie(app, email: str) -> str:
    client = app.test_client()
    response = form(client, "/auth/login", {"email": email, "password": demo.PASSWORD})
    assert response.status_code == 302, f"{email} could not sign in"
    return cookies(client, SESSION_COOKIE)


def pupil_cookie(app) -> tuple[str, str]:
    """A pupil signed in on the Oak class tablet: their cookies and their home page."""
    with app.app_context():
        pupil = db.session.query(Pupil).filter_by(first_name="Harry").one()
        teacher = pupil.class_group.staff[0]
        token = devices.enrol(pupil.class_group, teacher, "Oak tablet")
        db.session.commit()
        url = f"/tablet/pupils/{pupil.id}"
    client = app.test_client()
    client.set_cookie(devices.COOKIE, token)
    picks: list[str] = []
    for pick in demo.PUPIL_PICTURES:
        response = form(client, url, {"picks": ",".join(picks), "pick": pick}, "/tablet/help")
        picks.append(pick)
    assert response.status_code == 303 and response.location == "/pupil/", response.status
    return cookies(client, SESSION_COOKIE, devices.COOKIE), "/pupil/"


def run_lighthouse(name: str, url: str, cookie: str | None, slowdown: float | None) -> dict:
    """One Lighthouse run: its report."""
    headers = REPORTS / f"{name}-headers.json"
    headers.write_text(json.dumps({"Cookie": cookie} if cookie else {}))
    out = REPORTS / name
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={out}",
        f"--extra-headers={headers}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown}")
    try:
        # our own Lighthouse with our own arguments
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})  # noqa: S603
    finally:
        headers.unlink()  # a live session's cookie: not kept
    return json.loads((REPORTS / f"{name}.report.json").read_text())


def calibrate(base: str) -> tuple[float, float | None]:
    """The CPU slowdown for this machine, and the benchmark index it came from."""
    if os.environ.get("LIGHTHOUSE_CPU_SLOWDOWN"):
        return float(os.environ["LIGHTHOUSE_CPU_SLOWDOWN"]), None
    report = run_lighthouse("calibrate", base + "/about", None, None)
    for kind in ("json", "html"):
        (REPORTS / f"calibrate.report.{kind}").unlink(missing_ok=True)
    index = report["environment"]["benchmarkIndex"]
    return round(min(4.0, max(1.0, index / PHONE_INDEX)), 2), index


def scores_of(report: dict) -> dict[str, int]:
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


SCORED = frozenset({"binary", "numeric", "metricSavings"})


def median_run(name: str, url: str, cookie: str, slowdown: float) -> dict[str, int]:
    """The page's scores in its median run (by performance), and what cost it points."""
    runs = sorted(
        ((run_lighthouse(f"{name}-{n}", url, cookie, slowdown), n) for n in range(RUNS)),
        key=lambda run: run[0]["categories"]["performance"]["score"],
    )
    middle, kept = runs[len(runs) // 2]
    for n in range(RUNS):  # the median run's reports are kept under the page's own name
        for kind in ("json", "html"):
            report = REPORTS / f"{name}-{n}.report.{kind}"
            if n == kept:
                report.replace(REPORTS / f"{name}.report.{kind}")
            else:
                report.unlink(missing_ok=True)
    for audit in middle["audits"].values():
        if (
            audit["scoreDisplayMode"] in SCORED
            and (audit.get("score") is not None)
            and audit["score"] < 1
        ):
            print(f"  {name}: {audit['id']} {audit['score']:.2f} {audit.get('displayValue', '')}")
    performance = [scores_of(report)["performance"] for report, _ in runs]
    median = statistics.median(performance)
    print(f"  {name}: performance in {RUNS} runs {performance}, median {median}")
    return scores_of(middle)


def main() -> int:
    if not LIGHTHOUSE.exists():
        skip("Lighthouse is not installed in .lighthouse/ (run it through `make lighthouse`)")
    if not Path(CHROMIUM).exists():
        skip("Chromium is not installed (apt-get install chromium)")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    REPORTS.mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="pupilvoice-lighthouse-")
    app, server = serve(folder)
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        pupil, pupil_home = pupil_cookie(app)
        pages = [
            ("pupil-home", pupil_home, pupil),
            ("staff-home", "/staff/", staff_cookie(app, demo.TABLET_TEACHER)),
            # the demo's plan 2 is Zofia's, shared with Agnieszka (Polish)
            ("parent-plan", "/family/plans/2", staff_cookie(app, "agnieszka@family.example")),
        ]
        slowdown, index = calibrate(base)
        print(f"  CPU slowdown {slowdown}x" + (f" (benchmark index {index:.0f})" if index else ""))
        scores = {
            name: median_run(name, base + path, cookie, slowdown) for name, path, cookie in pages
        }
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    table = report_table(scores, slowdown, index)
    print(table)
    RESULTS.write_text(table)
    below = [
        f"{name} {category} {score} < {TARGETS[category]}"
        for name, row in scores.items()
        for category, score in row.items()
        if score < TARGETS[category]
    ]
    if below:
        print("make lighthouse: below target: " + "; ".join(below))
        return 1
    print("make lighthouse: every page at or above its targets")
    return 0


def report_table(scores: dict[str, dict[str, int]], slowdown: float, index: float | None) -> str:
    version = subprocess.run(  # noqa: S603 - our own Lighthouse
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    lines = [
        "# Lighthouse (`make lighthouse`)",
        "",
        f"Lighthouse {version}, phone profile (simulated slow 4G), demo school, median of "
        f"{RUNS} runs, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. CPU slowdown {slowdown}x "
        + (
            f"(this machine's benchmark index {index:.0f} / {PHONE_INDEX}, see "
            "scripts/lighthouse.py). "
            if index
            else "(LIGHTHOUSE_CPU_SLOWDOWN). "
        )
        + "Targets: performance >= 95, accessibility 100, best practices 100.",
        "",
        "| page | performance | accessibility | best practices |",
        "|---|---|---|---|",
    ]
    for name, row in scores.items():
        lines.append(f"| {name} | " + " | ".join(str(row[c]) for c in CATEGORIES) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
