"""The HTTPS browser smoke test of scripts/deploy-check.sh, in Debian's Chromium.

Chromium trusts Caddy's local CA through an NSS database in its own HOME (as a school's
machines trust a public CA), so nothing here ignores a certificate error. Any answer of 400
or more, or a request to another origin, fails the check.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from pupilvoice.services import demo

SENCO = "senco@riverside.example"
TEACHER = "jones@riverside.example"  # Oak's teacher
PASSWORD, PUPIL_PICTURES = demo.PASSWORD, demo.PUPIL_PICTURES  # every demo account's
WAIT = 30_000  # ms: production argon2 on a busy two-core machine


def trust_store(home: Path, root_certificate: Path) -> None:
    """An NSS database in ``home`` that trusts only Caddy's local root (Chromium's store)."""
    nssdb = home / ".pki" / "nssdb"
    nssdb.mkdir(parents=True, exist_ok=True)
    certutil = shutil.which("certutil")
    if certutil is None:
        raise SystemExit("certutil not installed (apt-get install libnss3-tools)")
    database = f"sql:{nssdb}"
    subprocess.run([certutil, "-d", database, "-N", "--empty-password"], check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [certutil, "-d", database, "-A", "-t", "C,,", "-n", "caddy-local-ca",
         "-i", str(root_certificate)], check=True,
    )  # fmt: skip


class Smoke:
    """One Chromium; each ``new_page`` is a fresh browser profile (no cookies)."""

    def __init__(self, url: str, home: Path):
        self.url, self.home = url, home
        self.problems: list[str] = []
        self.allow_errors = False

    def __enter__(self):
        self.playwright = sync_playwright().start()
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        self.browser = self.playwright.chromium.launch(
            executable_path=chromium, env={"HOME": str(self.home)}
        )
        return self

    def __exit__(self, *exc):
        self.browser.close()
        self.playwright.stop()

    def watch(self, response) -> None:
        if not response.url.startswith((self.url + "/", "data:")):
            self.problems.append(f"request elsewhere: {response.url}")
        elif response.status >= 400 and not self.allow_errors:
            self.problems.append(f"{response.status} {response.request.method} {response.url}")

    def new_page(self) -> Page:
        context = self.browser.new_context(
            base_url=self.url, viewport={"width": 820, "height": 1180}
        )
        page = context.new_page()
        page.on("response", self.watch)
        return page

    def check(self) -> None:
        assert not self.problems, self.problems


def visitor_page(smoke: Smoke) -> dict[str, str]:
    """The start page over https: the production headers a browser gets (SEC-13)."""
    page = smoke.new_page()
    response = page.goto("/")
    assert response.status == 200 and response.url.startswith(smoke.url), response.url
    headers = response.headers
    assert headers["strict-transport-security"].startswith("max-age="), headers
    assert headers["referrer-policy"] == "same-origin", headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"], headers
    page.context.close()
    return headers


def sign_in(page: Page, email: str = SENCO, password: str = PASSWORD) -> None:
    page.goto("/auth/login?lang=en")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def senco_signs_in(smoke: Smoke) -> Page:
    """A CSRF-checked form POST behind the proxy (the Referer is https, SEC-10/SEC-18), and
    the session cookie a browser keeps: __Host-, Secure, HttpOnly, SameSite=Lax (SEC-08)."""
    page = smoke.new_page()
    sign_in(page)
    expect(page).to_have_url(smoke.url + "/staff/", timeout=WAIT)
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["__Host-pupilvoice"]
    assert session["secure"] and session["httpOnly"] and session["sameSite"] == "Lax", session
    return page


def signs_out_and_in_again(smoke: Smoke, page: Page) -> None:
    """Sign out is a second CSRF-checked POST; a new sign-in gets a new session."""
    before = {c["name"]: c["value"] for c in page.context.cookies()}["__Host-pupilvoice"]
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(smoke.url + "/auth/login?signed_out=1", timeout=WAIT)
    sign_in(page)
    expect(page).to_have_url(smoke.url + "/staff/", timeout=WAIT)
    after = {c["name"]: c["value"] for c in page.context.cookies()}["__Host-pupilvoice"]
    assert after != before, "the session id did not change at sign-in"


def still_signed_in(smoke: Smoke, page: Page) -> None:
    response = page.goto("/staff/")
    assert response.status == 200, response.status
    expect(page).to_have_url(smoke.url + "/staff/", timeout=WAIT)


def refused_sign_in(smoke: Smoke) -> None:
    """The SENCO's password no longer works (the damaged database)."""
    page = smoke.new_page()
    smoke.allow_errors = True  # the app answers a refused sign-in with 4xx
    try:
        sign_in(page)
        page.wait_for_timeout(500)
        assert not page.url.startswith(smoke.url + "/staff/"), page.url
    finally:
        smoke.allow_errors = False
        page.context.close()


def pupil_on_the_class_tablet(smoke: Smoke) -> None:
    """A teacher enrols this device as Oak's tablet (a POST that sets the tablet's cookie);
    Harry taps his name and his three pictures, with no password typed (SEC-06)."""
    context = smoke.browser.new_context(
        base_url=smoke.url, viewport={"width": 820, "height": 1180}, has_touch=True
    )
    page = context.new_page()
    page.on("response", smoke.watch)
    sign_in(page, TEACHER)
    page.goto("/staff/tablets")
    page.get_by_label("Class", exact=True).select_option(label="Oak")
    page.get_by_role("button", name="Make this the class tablet").click()
    page.wait_for_url("**/tablet/", timeout=WAIT)
    page.get_by_role("link", name="Harry", exact=True).tap()
    page.wait_for_url("**/tablet/pupils/*", timeout=WAIT)
    for picture in PUPIL_PICTURES:
        with page.expect_navigation(timeout=WAIT):
            page.locator(f'button[name="pick"][value="{picture}"]').tap()
    expect(page).to_have_url(smoke.url + "/pupil/", timeout=WAIT)
    secure = [c["name"] for c in context.cookies() if c["secure"] and c["httpOnly"]]
    assert "__Host-pupilvoice" in secure, context.cookies()
    context.close()
