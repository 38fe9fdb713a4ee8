"""Real Chromium (Debian's) driven by Playwright against a live server with the demo school."""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from pupilvoice import create_app
from pupilvoice.extensions import db, limiter
from pupilvoice.services import demo
from tests.conftest import skip_or_fail

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Headless, and talking to nothing but the app under test (TOOLING.md).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]
AXE_JS = (Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js").read_text(
    encoding="utf-8"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        skip_or_fail("Chromium not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            *CHROMIUM_ARGS,
            # a fake microphone (a beep), so the recorder can be tested without hardware
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
        ],
    }


@pytest.fixture(scope="session")
def live_app():
    folder = tempfile.mkdtemp(prefix="pupilvoice-browser-")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/browser.sqlite",
            "RATELIMIT_ENABLED": False,  # many sign-ins from one address; limits: web tests
            "SPEECH_CACHE_DIR": f"{folder}/speech",  # read-aloud audio (services/speech.py)
        }
    )
    with app.app_context():
        db.create_all()
        demo.load()
        db.session.commit()
    yield app
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def no_rate_limits():
    """The live server runs without limits, but the limiter is one object for the whole
    process: a web test's app in the same xdist worker turns it back on."""
    limiter.enabled = False
    yield
    limiter.enabled = True


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    address = f"http://127.0.0.1:{server.server_port}"
    live_app.config["PUBLIC_URL"] = address  # links in mails and letters' QR codes (SEC-16)
    yield address
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": TABLET, "locale": "en-GB"}


@pytest.fixture
def page(page, base_url):
    """Every page fails its test if it asks any other origin for anything (SEC-14)."""
    foreign: list[str] = []

    def watch(request):
        if not request.url.startswith((base_url, "data:", "blob:")):
            foreign.append(request.url)

    page.on("request", watch)
    yield page
    assert not foreign, f"requests to other origins: {foreign}"


def axe_violations(page, *, pupil: bool = False) -> list[dict]:
    """axe-core with the WCAG 2.2 AA tags; pupil pages also need 44 px targets (A11Y-02)."""
    options: dict = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    if pupil:
        # target-offset is a check of the target-size rule, not a rule of its own
        options["checks"] = {
            "target-size": {"options": {"minSize": 44}},
            "target-offset": {"enabled": False},
        }
    page.evaluate(AXE_JS)
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def assert_accessible(page, *, pupil: bool = False) -> None:
    violations = axe_violations(page, pupil=pupil)
    assert not violations, f"axe violations on {page.url}: {violations}"


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{page.url} scrolls sideways: {width} > {viewport}"


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def check_page(page, name: str) -> None:
    """axe and reflow at tablet size, then at phone size, with a screenshot of each."""
    for size, label in ((TABLET, "tablet"), (PHONE, "phone")):
        page.set_viewport_size(size)
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        screenshot(page, f"{name}-{label}")
    page.set_viewport_size(TABLET)


def sign_in(page, email: str, password: str = demo.PASSWORD) -> None:
    page.goto("/auth/login?lang=en")  # the labels below are English
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


# --- the class tablet ------------------------------------------------------------------

TEACHER = "jones@riverside.example"
# A stand-in for the browser's speech synthesis, which headless Chromium lacks: it records
# what would be said, in which language and with which voice.
FAKE_SPEECH = """
window.__spoken = [];
const voices = [
  {name: "Remote English", lang: "en-GB", localService: false},
  {name: "Local English", lang: "en-GB", localService: true},
  {name: "Local Urdu", lang: "ur-PK", localService: true},
];
class FakeUtterance { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } }
Object.defineProperty(
  window, "SpeechSynthesisUtterance", {value: FakeUtterance, configurable: true});
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  getVoices: () => voices,
  speak: (u) => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}),
  cancel: () => {},
  addEventListener: () => {},
}});
"""


@pytest.fixture
def tablet(browser, base_url):
    """tablet(viewport=TABLET, speech=True) -> a page on a new touch-screen device.
    Like ``page``, it fails the test on any request to another origin (SEC-14)."""
    contexts, foreign = [], []

    def watch(request):
        if not request.url.startswith((base_url, "data:", "blob:")):
            foreign.append(request.url)

    def _new(viewport=TABLET, speech=True):
        context = browser.new_context(
            base_url=base_url, viewport=viewport, has_touch=True, locale="en-GB"
        )
        if speech:
            context.add_init_script(FAKE_SPEECH)
        context.grant_permissions(["microphone"])
        contexts.append(context)
        page = context.new_page()
        page.on("request", watch)
        return page

    yield _new
    for context in contexts:
        context.close()
    assert not foreign, f"requests to other origins: {foreign}"


def enrol(page, class_name: str = "Oak", teacher: str = TEACHER) -> None:
    """A teacher puts this device into class mode, on the device itself."""
    sign_in(page, teacher)
    page.goto("/staff/tablets")
    page.get_by_label("Class", exact=True).select_option(label=class_name)
    page.get_by_role("button", name="Make this the class tablet").click()
    page.wait_for_url("**/tablet/")


def tap_name(page, first_name: str) -> None:
    page.goto("/tablet/")
    page.get_by_role("link", name=first_name, exact=True).tap()
    page.wait_for_url("**/tablet/pupils/*")


def tap_pictures(page, pictures=tuple(demo.PUPIL_PICTURES)) -> None:
    """Tap pictures by their stored name ("again" is the Start again button), in any
    language, waiting for each page."""
    for name in pictures:
        with page.expect_navigation():
            page.locator(f'button[name="pick"][value="{name}"]').tap()


def pupil_signs_in(page, first_name: str) -> None:
    tap_name(page, first_name)
    tap_pictures(page)
    page.wait_for_url("**/pupil/")


def demo_pupil(first_name: str):
    """The demo school's pupil of that name, in the current app context (another module,
    such as the roster import's, may have added a school with a pupil of the same name)."""
    from sqlalchemy import select

    from pupilvoice.models import Pupil, School

    return db.session.execute(
        select(Pupil)
        .join(School, School.id == Pupil.school_id)
        .where(Pupil.first_name == first_name, School.name == demo.SCHOOL)
    ).scalar_one()


def pupil_row(live_app, first_name: str):
    """The demo school's pupil of that name."""
    with live_app.app_context():
        return demo_pupil(first_name)


@pytest.fixture
def new_pupils(live_app):
    """Pupils a test adds to the demo school (append their ids): archived afterwards, so
    the class lists and counts other browser tests look at stay the demo's."""
    from pupilvoice.models import Pupil
    from pupilvoice.models.base import utcnow

    added: list[int] = []
    yield added
    with live_app.app_context():
        for pupil_id in added:
            db.session.get(Pupil, pupil_id).archived_at = utcnow()
        db.session.commit()
