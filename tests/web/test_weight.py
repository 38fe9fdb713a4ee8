"""Weight (issue 16, item 4): compressed pages and static files, fingerprinted static files
kept a year, and what a pupil's tablet downloads.

Static files are answered by WhiteNoise before Flask (pupilvoice/assets.py): a fingerprinted
name, ``Cache-Control: public, max-age=31536000, immutable``, Brotli or gzip when asked,
and nothing of the session (no ``Vary: Cookie``, no ``Set-Cookie``). Pages are gzipped only
when the browser says the request came from our own site (pupilvoice/compression.py has the
BREACH reasoning; SEC-13 keeps them ``no-store``).

A page's weight is what goes over the wire, compressed, headers included: the page and every
stylesheet, script and picture it names on a first visit with an empty cache; the page alone
on the next visit (every file it names is fingerprinted and still fresh, so the browser asks
for none of them).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest
from werkzeug.exceptions import HTTPException

from pupilvoice.assets import FINGERPRINT, IMMUTABLE
from pupilvoice.extensions import limiter
from pupilvoice.models import Pupil
from pupilvoice.services import demo
from tests.conftest import enrol_tablet, on_tablet, tap_pictures

STATIC = Path(__file__).resolve().parents[2] / "pupilvoice" / "static"
# What Chromium sends for a page opened from our own site (a link, a form, the address bar).
BROWSER = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd", "HTTP_SEC_FETCH_SITE": "same-origin"}
ASSET = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="(/static/[^"]+)"')
LINK = re.compile(r'<a\b[^>]*?\bhref="(/(?:pupil|tablet)/[^"#?]*)"')
FIRST_VISIT_LIMIT = 60 * 1024
NEXT_VISIT_LIMIT = 8 * 1024


def decoded(response) -> bytes:
    encoding = response.headers.get("Content-Encoding")
    if encoding == "gzip":
        return gzip.decompress(response.data)
    if encoding == "br":
        return brotli.decompress(response.data)
    assert encoding is None, encoding
    return response.data


def on_the_wire(response) -> int:
    """Bytes of one HTTP/1.1 answer as sent: status line, headers, (compressed) body."""
    head = f"HTTP/1.1 {response.status}\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in response.headers.items()
    )
    return len(head.encode()) + 2 + len(response.data)


def browser(client):
    client.environ_base.update(BROWSER)
    return client


def first_asset_urls(client, url: str = "/") -> list[str]:
    return ASSET.findall(decoded(client.get(url)).decode())


@pytest.fixture
def demo_school(app, db):
    demo.load()
    db.session.commit()
    limiter.enabled = False  # a dozen sign-ins from one address
    yield
    limiter.enabled = True


@pytest.fixture
def on_oak_tablet(app, db, demo_school):
    """A browser-like client on the demo's Oak class tablet (signed out)."""
    harry = db.session.query(Pupil).filter_by(first_name="Harry").one()
    return harry, on_tablet(
        browser(app.test_client()), enrol_tablet(harry.class_group, by=harry.class_group.staff[0])
    )


# --- static files ------------------------------------------------------------------------


def test_static_files_are_fingerprinted_kept_a_year_and_carry_no_cookie(client, login, world):
    """Every file a page names has a fingerprinted name and is cached for a year by anyone
    (public: no personal data, no Vary: Cookie, no Set-Cookie), even for a signed-in
    person whose own pages are no-store (SEC-13)."""
    signed_in = browser(login(world.teacher))
    urls = set(first_asset_urls(signed_in, "/staff/")) | set(first_asset_urls(browser(client)))
    assert {"css", "js", "symbols"} <= {url.split("/")[2] for url in urls if url.count("/") > 2}
    for url in sorted(urls):
        assert FINGERPRINT.match(url.removeprefix("/static/")), url
        response = signed_in.get(url)
        assert response.status_code == 200, url
        assert (
            response.headers["Cache-Control"]
            == IMMUTABLE
            == ("public, max-age=31536000, immutable")
        )
        assert "Cookie" not in response.headers.get("Vary", ""), url
        assert "Set-Cookie" not in response.headers, url
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Access-Control-Allow-Origin" not in response.headers  # our pages only


@pytest.mark.parametrize("asked, given", [("br", "br"), ("gzip", "gzip"), ("gzip, br", "br")])
def test_static_files_come_compressed_when_asked(client, asked, given):
    url = next(u for u in first_asset_urls(browser(client)) if u.endswith(".css"))
    response = client.get(url, headers={"Accept-Encoding": asked})
    assert response.headers["Content-Encoding"] == given
    assert "Accept-Encoding" in response.headers["Vary"]
    plain = (STATIC / "css" / "app.css").read_bytes()
    assert decoded(response) == plain and len(response.data) < len(plain) / 3


def test_static_files_come_plain_to_who_does_not_ask(client):
    url = next(u for u in first_asset_urls(browser(client)) if u.endswith(".css"))
    client.environ_base.pop("HTTP_ACCEPT_ENCODING", None)
    response = client.get(url)
    assert "Content-Encoding" not in response.headers
    assert response.data == (STATIC / "css" / "app.css").read_bytes()


def test_a_plain_static_name_still_works_and_is_checked_before_each_use(client):
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, no-cache"
    assert "Set-Cookie" not in response.headers
    again = client.get("/static/css/app.css", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_a_stale_fingerprint_goes_on_to_the_current_file(client):
    """A page from before a deploy asks for last version's name: it is sent to the file's
    current name (kept nowhere itself), so the page keeps its styles; a name we never had
    is a 404."""
    current = next(u for u in first_asset_urls(browser(client)) if "/css/app." in u)
    response = client.get("/static/css/app.0123456789ab.css")
    assert response.status_code == 302 and response.location == current
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/static/css/nothing.0123456789ab.css").status_code == 404
    missing = client.get("/static/css/nothing.css")
    assert missing.status_code == 404 and missing.headers["Cache-Control"] == "no-store"


def test_the_pdf_copy_still_reads_its_stylesheet_and_symbols_from_disk():
    """WeasyPrint's copies embed static files read from the package folder (pdf.py), which
    fingerprinting leaves as it is."""
    from pupilvoice import pdf

    assert pdf.STYLESHEET.is_file()
    assert pdf.symbol_url("star").startswith("data:image/svg+xml;base64,")


# --- pages (BREACH: see pupilvoice/compression.py) --------------------------------------


@pytest.mark.parametrize("site", ["same-origin", "none"])
def test_sec13_pages_asked_for_from_our_own_site_come_gzipped(login, world, site):
    client = login(world.teacher)
    response = client.get(
        "/staff/", headers={"Accept-Encoding": "gzip, br", "Sec-Fetch-Site": site}
    )
    assert response.headers["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(response.data)
    assert len(response.data) * 2 < len(gzip.decompress(response.data))
    assert response.headers["Cache-Control"] == "no-store"
    assert {"Accept-Encoding", "Sec-Fetch-Site"} <= set(response.headers["Vary"].split(", "))


@pytest.mark.parametrize("site", ["cross-site", "same-site", None])
def test_sec13_pages_asked_for_from_elsewhere_are_never_compressed(login, world, site):
    """BREACH: a page holding secrets (the CSRF token, children's names) beside text the
    attacker chose (``?q=``) must not have a length that depends on how the two compress
    together, when the attacker's own site sends the request. Only requests our own pages
    (or the address bar) made are compressed; the rest, and any browser that does not say
    (no Sec-Fetch-Site), get the page as it is."""
    client = login(world.teacher)
    headers = {"Accept-Encoding": "gzip, br"}
    if site:
        headers["Sec-Fetch-Site"] = site
    response = client.get("/staff/?q=csrf_token", headers=headers)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert b"</html>" in response.data


def test_small_answers_and_files_are_left_alone(login, world):
    client = login(world.teacher)
    response = client.get("/healthz", headers={"Accept-Encoding": "gzip", "Sec-Fetch-Site": "none"})
    assert response.get_data(as_text=True) == "ok" and "Content-Encoding" not in response.headers


# --- what a pupil's tablet downloads ---------------------------------------------------------


def weigh(client, url: str) -> tuple[int, int, list[str]]:
    """(first visit, next visit, files) in bytes on the wire for the page at ``url``."""
    page = client.get(url)
    assert page.status_code == 200, url
    assert page.headers.get("Content-Encoding") == "gzip", url
    files = sorted(set(ASSET.findall(decoded(page).decode())))
    first = on_the_wire(page)
    for asset in files:
        assert FINGERPRINT.match(asset.removeprefix("/static/")), f"{asset} on {url}"
        response = client.get(asset)
        assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE
        first += on_the_wire(response)
    return first, on_the_wire(client.get(url)), files


def pupil_pages(client) -> list[str]:
    """One page of each kind a signed-in pupil reaches by following links from home."""
    routes = client.application.url_map.bind("localhost")
    seen: dict[str, str] = {}
    todo = ["/pupil/", "/pupil/about/next", "/pupil/worry", "/pupil/targets/new", "/pupil/privacy"]
    while todo:
        url = todo.pop(0)
        try:
            endpoint, _ = routes.match(url)
        except HTTPException:  # a link to nothing: the page's own problem, tested elsewhere
            continue
        if endpoint in seen or endpoint.startswith("speech."):
            continue
        response = client.get(url)
        if response.status_code == 200:
            seen[endpoint] = url
            todo += LINK.findall(decoded(response).decode())
        elif response.status_code in (302, 303):
            todo.append(response.location)
    return list(seen.values())


def test_pupil_pages_weigh_at_most_60_kb_first_and_8_kb_after(app, db, on_oak_tablet):
    """Every page a pupil sees on the class tablet, from the class list to the pages behind
    their home: at most 60 KB on a first visit with an empty cache, at most 8 KB on the next
    visit (the page alone: its files are fingerprinted and cached for a year)."""
    harry, client = on_oak_tablet
    browser(client)
    weights = {"/tablet/": weigh(client, "/tablet/")}
    weights[f"/tablet/pupils/{harry.id}"] = weigh(client, f"/tablet/pupils/{harry.id}")
    client.environ_base.clear()  # the test client's form helper reads the pages as text
    response = tap_pictures(client, harry, demo.PUPIL_PICTURES)
    assert response.status_code == 303, response.status
    browser(client)
    pages = pupil_pages(client)
    assert len(pages) >= 6, pages
    for url in pages:
        weights[url] = weigh(client, url)
    table = "\n".join(
        f"{url:40} first {first / 1024:5.1f} KB  next {then / 1024:4.1f} KB  files {len(files)}"
        for url, (first, then, files) in weights.items()
    )
    print("\n" + table)
    too_heavy = [u for u, (first, then, _) in weights.items() if first > FIRST_VISIT_LIMIT]
    too_heavy += [u for u, (first, then, _) in weights.items() if then > NEXT_VISIT_LIMIT]
    assert not too_heavy, table


def test_no_stylesheet_or_script_finds_a_file_by_its_plain_name():
    """Fingerprinted names end in ``.<hash>.svg``: a selector such as ``[src$="/back.svg"]``
    (the Urdu arrows once) would silently stop matching."""
    plain_name = re.compile(r"""\[(?:src|href)\$=["'][^"']*\.(?:svg|css|js)["']\]""")
    for path in [*STATIC.glob("css/*.css"), *STATIC.glob("js/*.js")]:
        assert not plain_name.search(path.read_text()), path.name
