"""Links that leave the app by e-mail, letter or QR code, built from ``PUBLIC_URL``.

A request's Host header is chosen by whoever sends the request: a password-reset link
built from it would carry a real token to the attacker's site (SEC-16). Every outgoing
link is built here, from the configured public address, whatever the request says; it
needs no request at all, so commands run from cron (``flask remind-parents``) build the
same links.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app


def public_url(endpoint: str, **values: Any) -> str:
    """The full address of ``endpoint`` at the school's public address."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path.rstrip("/") or "/", url_scheme=base.scheme
    )
    current_app.inject_url_defaults(endpoint, values)
    return adapter.build(endpoint, values, force_external=True)


def public_address(endpoint: str, **values: Any) -> str:
    """``public_url`` without "https://", short enough to type from a letter."""
    return public_url(endpoint, **values).split("://", 1)[-1]
