"""Believe a TLS-terminating proxy's X-Forwarded-* headers, and only that proxy's (SEC-18).

Behind Caddy or nginx every request comes from the proxy's address over plain http. With
``PROXY_FIX`` set to the number of proxies in front, werkzeug's ProxyFix restores the
browser's address (so rate limits are per person, not one bucket for the whole school)
and scheme (so Flask-WTF checks the Referer as https, and redirects stay on https). The
headers are ignored from any peer outside ``FORWARDED_ALLOW_IPS``: anyone who can reach
the app directly could otherwise claim any address.
"""

from __future__ import annotations

import ipaddress

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def install(app: Flask) -> None:
    """Wrap the app when ``PROXY_FIX`` says how many proxies stand in front of it."""
    if app.config["PROXY_FIX"]:
        app.wsgi_app = TrustedProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, app.config["PROXY_FIX"], app.config["FORWARDED_ALLOW_IPS"]
        )


class TrustedProxyFix:
    """ProxyFix for requests from a trusted proxy; other requests pass untouched."""

    def __init__(self, app, hops: int, allowed: list[str]):
        self.app = app
        self.fixed = ProxyFix(app, x_for=hops, x_proto=hops, x_prefix=hops)
        self.any_peer = "*" in allowed
        self.networks = [ipaddress.ip_network(a, strict=False) for a in allowed if a != "*"]

    def trusts(self, peer: str) -> bool:
        if self.any_peer:
            return True
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:  # a unix socket, or nothing
            return False
        return any(address in network for network in self.networks)

    def __call__(self, environ, start_response):
        if self.trusts(environ.get("REMOTE_ADDR", "")):
            return self.fixed(environ, start_response)
        return self.app(environ, start_response)
