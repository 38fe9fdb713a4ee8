"""SEC-13, SEC-18: behind a TLS-terminating proxy every form works.

Before: pages sent ``Referrer-Policy: no-referrer``, so browsers sent no Referer, and
Flask-WTF refuses an https POST without a same-origin Referer: behind an https proxy every
form, sign-in included, failed with 400. Now pages send ``same-origin``, and the proxy's
X-Forwarded-Proto/-For are believed (ProxyFix, ``PROXY_FIX``) from FORWARDED_ALLOW_IPS only.
"""

from __future__ import annotations

import re

import pytest
from flask import request

from pupilvoice import create_app, proxy
from pupilvoice.access import PUBLIC, audience
from tests.conftest import PASSWORD

HTTPS = "https://localhost"
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def token_on(client, page: str, **kwargs) -> str:
    html = client.get(page, **kwargs).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def sign_in_form(client, user, **kwargs):
    token = token_on(client, "/auth/login", **kwargs)
    data = {"email": user.email, "password": PASSWORD, "csrf_token": token}
    return client.post("/auth/login", data=data, **kwargs)


def test_sec13_pages_send_the_referer_to_this_site_only(client):
    response = client.get("/auth/login")
    assert response.headers["Referrer-Policy"] == "same-origin"
    html = response.get_data(as_text=True)
    assert '<meta name="referrer" content="same-origin">' in html
    assert "no-referrer" not in html


def test_sec18_https_sign_in_with_a_same_origin_referer_passes_csrf(app, world):
    """What a browser sends over https now (same-origin Referer): signed in."""
    client = app.test_client()
    referer = {"Referer": f"{HTTPS}/auth/login"}
    response = sign_in_form(client, world.teacher, base_url=HTTPS, headers=referer)
    assert response.status_code == 302 and response.location == "/staff/"


@pytest.mark.parametrize("referer", [None, "https://evil.example/auth/login"])
def test_sec18_https_post_without_our_referer_is_refused(app, world, referer):
    """What ``no-referrer`` made browsers send (nothing), or another site's page: 400."""
    client = app.test_client()
    headers = {"Referer": referer} if referer else {}
    response = sign_in_form(client, world.teacher, base_url=HTTPS, headers=headers)
    assert response.status_code == 400


def test_sec18_behind_the_proxy_sign_in_and_a_plan_form_work(app, world, db):
    app.config["PROXY_FIX"] = 1
    proxy.install(app)
    client = app.test_client()  # plain http from 127.0.0.1, as the proxy talks to the app
    from_page = {**FORWARDED, "Referer": "https://localhost/auth/login"}
    response = sign_in_form(client, world.teacher, headers=from_page)
    assert response.status_code == 302 and response.location == "/staff/"
    # the app knows the browser used https: without a Referer the same post is refused
    assert sign_in_form(app.test_client(), world.teacher, headers=FORWARDED).status_code == 400


def echo_app(**config):
    """An app with one extra page that says what scheme and address it saw."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", **config})

    @app.get("/_seen")
    @audience(PUBLIC)
    def seen():
        return f"{request.scheme} {request.remote_addr}"

    return app


def seen(app, peer="127.0.0.1", **headers) -> str:
    client = app.test_client()
    response = client.get("/_seen", headers=headers, environ_base={"REMOTE_ADDR": peer})
    return response.get_data(as_text=True)


def test_sec18_forwarded_headers_are_ignored_without_proxy_fix():
    assert seen(echo_app(), **FORWARDED) == "http 127.0.0.1"


def test_sec18_forwarded_headers_are_believed_from_the_proxy_only():
    app = echo_app(PROXY_FIX=1, FORWARDED_ALLOW_IPS=["127.0.0.1", "10.0.0.0/8"])
    assert seen(app, **FORWARDED) == "https 203.0.113.7"
    assert seen(app, "10.1.2.3", **FORWARDED) == "https 203.0.113.7"
    # someone who reaches the app directly cannot claim https or another address
    assert seen(app, "198.51.100.9", **FORWARDED) == "http 198.51.100.9"
    # nor add an address in front of the one the proxy appended
    spoofed = {**FORWARDED, "X-Forwarded-For": "192.0.2.1, 203.0.113.7"}
    assert seen(app, **spoofed) == "https 203.0.113.7"
