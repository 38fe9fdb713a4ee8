"""Take the README's screenshots of PupilVoice as people see it, with the demo school.

    make screenshots        (writes docs/screenshots/*.png)

Serves the app on 127.0.0.1 with a throw-away database and drives Debian's Chromium.
Add a page to SHOTS to have it kept current.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pupilvoice import create_app  # noqa: E402
from pupilvoice.extensions import db  # noqa: E402
from pupilvoice.services import demo  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, TABLET  # noqa: E402

OUT = ROOT / "docs" / "screenshots"

# (file name, e-mail to sign in as or None, path, viewport)
SHOTS = [
    ("front-door-tablet", None, "/", TABLET),
    ("staff-home-tablet", "jones@riverside.example", "/staff/", TABLET),
    ("school-admin-tablet", "senco@riverside.example", "/school/", TABLET),
    ("school-import-tablet", "senco@riverside.example", "/school/roster", TABLET),
    ("family-home-phone-pl", "agnieszka@family.example", "/family/?lang=pl", PHONE),
    ("family-home-phone-ur", "imran.shah@family.example", "/family/?lang=ur", PHONE),
]


def serve():
    folder = tempfile.mkdtemp(prefix="pupilvoice-shots-")
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/shots.sqlite", "RATELIMIT_ENABLED": False}
    )
    with app.app_context():
        db.create_all()
        demo.load()
        db.session.commit()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, folder


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/auth/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    server, folder = serve()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, email, path, viewport in SHOTS:
                context = browser.new_context(viewport=viewport, has_touch=True, locale="en-GB")
                page = context.new_page()
                if email:
                    sign_in(page, base, email)
                page.goto(base + path)
                page.screenshot(path=str(OUT / f"{name}.png"))
                context.close()
                print(f"wrote docs/screenshots/{name}.png")
            browser.close()
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
