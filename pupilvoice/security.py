"""Response headers for every request (SEC-13) and the per-request CSP nonce."""

from __future__ import annotations

import secrets

from flask import current_app, g, request

# Views whose successful answers set their own Cache-Control (read-aloud audio: one URL,
# one sentence, never changing); every other page gets no-store.
KEEP_OWN_CACHING = frozenset({"speech.audio"})


def make_nonce() -> None:
    g.csp_nonce = secrets.token_urlsafe(16)


def csp_nonce() -> str:
    return getattr(g, "csp_nonce", "")


def set_headers(response):
    nonce = csp_nonce()
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; "
        f"script-src 'self' 'nonce-{nonce}'; "
        f"style-src 'self' 'nonce-{nonce}'; "
        "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = (
        "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    )
    if current_app.config.get("HSTS"):
        response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    # Static files are answered by WhiteNoise before Flask (assets.py), with their own
    # year-long caching; the static route here sees only old fingerprints and missing
    # files, whose redirects and 404 pages are kept nowhere, like any page.
    if request.endpoint in KEEP_OWN_CACHING and response.status_code in (200, 206, 304):
        pass  # content-addressed audio: the view set a long, private cache
    else:
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response
