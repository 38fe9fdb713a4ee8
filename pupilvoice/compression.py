"""gzip for pages (HTML and JSON), only when the page was asked for from our own site.

Why not always: BREACH. When a compressed response holds a secret next to text an
attacker chooses (a search box's ``?q=``, a ``next=`` address, a filter), its length
shows how well the guess compressed against the secret, and an attacker who can both
make the victim's browser send many requests and watch the encrypted traffic's sizes
learns the secret a few characters at a time. Our pages hold such secrets: Flask-WTF's
CSRF token (its first part, the raw token, is the same on every page of a session; it is
not masked per response, only timestamped and signed) and, more to the point, children's
names and needs.

The attack needs requests the attacker starts from another site. Browsers say where a
request came from in ``Sec-Fetch-Site`` (Chrome/Edge 76+, Firefox 90+, Safari 16.4+): we
compress only ``same-origin`` (a link, form or script on our own pages) and ``none`` (an
address typed, a bookmark, a link from the mail app). A request from any other site, or
one without the header, gets the same page uncompressed: its length then tells nothing
the attacker could not count themselves. The session cookie is also SameSite=Lax (no
cookie on another site's image, fetch or frame), and the page's random CSP nonce changes
the length of every response, so even that path is narrow. Static files (no secrets, no
reflected input) are always compressed (assets.py).

gzip at level 6 costs about 0.1 ms for a 20 KB page and cuts it 4-10 times.
"""

from __future__ import annotations

import gzip

from flask import Flask, request

COMPRESSED_TYPES = frozenset({"text/html", "application/json"})
OWN_SITE = frozenset({"same-origin", "none"})
SMALLEST = 512  # bytes: below this the gzip header and a round of CPU are not worth it
LEVEL = 6


def install(app: Flask) -> None:
    app.after_request(compress)


def wants_gzip() -> bool:
    return (
        request.accept_encodings["gzip"] > 0 and request.headers.get("Sec-Fetch-Site") in OWN_SITE
    )


def compress(response):
    """after_request: gzip the page when the browser asked for it from our own site."""
    if (
        response.mimetype not in COMPRESSED_TYPES
        or response.direct_passthrough
        or response.is_streamed
        or "Content-Encoding" in response.headers
    ):
        return response
    response.vary.add("Accept-Encoding")
    response.vary.add("Sec-Fetch-Site")
    if not wants_gzip():
        return response
    body = response.get_data()
    if len(body) < SMALLEST:
        return response
    response.set_data(gzip.compress(body, compresslevel=LEVEL, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    return response
