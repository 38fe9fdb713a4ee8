"""Screenshots for the README and docs/pupil-voice.md, made from the demo school.

Run with `make screenshots`: it serves the demo school from a temporary database, enrols a
class tablet as a teacher would, signs a pupil in with their pictures and walks through
their pages in Debian's Chromium (Playwright), then takes the staff and parent pages in
SHOTS, writing docs/screenshots/*.png. Add a page to SHOTS to have it kept current.
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
# Headless Chromium has no voices; pretend it has one so the speaker buttons show, as
# they do on a real tablet.
VOICES = """
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  getVoices: () => [{name: "Local", lang: "en-GB", localService: true}],
  speak: () => {}, cancel: () => {}, addEventListener: () => {},
}});
"""

# Staff and parent pages: (file name, e-mail to sign in as, path, viewport)
SHOTS = [
    ("staff-home-tablet", "jones@riverside.example", "/staff/", TABLET),
    ("school-admin-tablet", "senco@riverside.example", "/school/", TABLET),
    ("school-import-tablet", "senco@riverside.example", "/school/roster", TABLET),
    ("family-home-phone-pl", "agnieszka@family.example", "/family/?lang=pl", PHONE),
    ("family-home-phone-ur", "imran.shah@family.example", "/family/?lang=ur", PHONE),
    ("family-join-phone-pl", None, "/join?lang=pl", PHONE),
    # the demo's plan 2 is Zofia's, shared with Agnieszka (Polish)
    ("family-plan-phone-pl", "agnieszka@family.example", "/family/plans/2?lang=pl", PHONE),
    ("staff-families-tablet", "jones@riverside.example", "/staff/families/", TABLET),
]


def serve():
    folder = tempfile.mkdtemp(prefix="pupilvoice-shots-")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/shots.sqlite"})
    with app.app_context():
        db.create_all()
        demo.load()
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, folder


def tap(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    OUT.mkdir(parents=True, exist_ok=True)
    server, folder = serve()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            base_url=base, viewport=TABLET, has_touch=True, locale="en-GB"
        )
        context.add_init_script(VOICES)
        page = context.new_page()

        def shot(name: str) -> None:
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            print(f"wrote docs/screenshots/{name}.png")

        page.goto("/auth/login?lang=en")
        page.get_by_label("E-mail address").fill(demo.TABLET_TEACHER)
        page.get_by_label("Password", exact=True).fill(demo.PASSWORD)
        tap(page, page.get_by_role("button", name="Sign in"))
        page.goto("/staff/tablets")
        page.get_by_label("Class", exact=True).select_option(label="Oak")
        tap(page, page.get_by_role("button", name="Make this the class tablet"))
        shot("1-class-list")
        tap(page, page.get_by_role("link", name="Harry", exact=True))
        tap(page, page.get_by_role("button", name="Apple", exact=True))
        shot("2-picture-sign-in")
        for name in demo.PUPIL_PICTURES[1:]:
            tap(page, page.get_by_role("button", name=name.title(), exact=True))
        shot("3-home")
        tap(page, page.get_by_role("button", name="About me", exact=True))
        shot("4-about-me-card")
        tap(page, page.get_by_role("button", name="I like it", exact=True))
        shot("5-thank-you")
        tap(page, page.get_by_role("link", name="Tell me more"))
        page.get_by_label("Your words", exact=True).fill("I like the dragon books")
        shot("6-tell-me-more")
        page.goto("/pupil/worry")
        shot("7-something-worries-me")
        page.goto("/pupil/targets/new/reading/better")
        page.get_by_label("Finish the sentence", exact=True).fill("reading long words")
        tap(page, page.get_by_role("button", name="Save", exact=True))
        tap(page, page.get_by_role("button", name="Getting there", exact=True))
        shot("8-i-can-and-faces")
        page.goto("/pupil/?lang=ur")
        shot("9-home-urdu")
        context.close()
        for name, email, path, viewport in SHOTS:
            context = browser.new_context(
                base_url=base, viewport=viewport, has_touch=True, locale="en-GB"
            )
            page = context.new_page()
            if email:  # None: a page for visitors
                page.goto("/auth/login?lang=en")
                page.get_by_label("E-mail address").fill(email)
                page.get_by_label("Password", exact=True).fill(demo.PASSWORD)
                tap(page, page.get_by_role("button", name="Sign in"))
            page.goto(path)
            shot(name)
            context.close()
        browser.close()
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
