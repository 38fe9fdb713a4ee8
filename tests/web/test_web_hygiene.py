"""CSRF, headers, caching, error pages and bad input (SEC-10, SEC-13, SEC-16, REL-05)."""

from __future__ import annotations

import pytest

from pupilvoice import create_app
from pupilvoice.models import User
from tests.conftest import html_lang, sign_in


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok"


def test_sec10_forged_post_is_refused_and_changes_nothing(login, world, db):
    client = login(world.senco)
    response = client.post("/auth/account", data={"locale": "pl"})
    assert response.status_code == 400
    assert "Something was wrong with that request" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, world.senco.id).locale is None


def test_sec13_headers_on_every_page(client):
    for url in ["/", "/auth/login", "/does-not-exist"]:
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in csp and "base-uri 'none'" in csp
        assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
        assert "'nonce-" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "microphone=(self)" in headers["Permissions-Policy"]
        assert headers["Cache-Control"] == "no-store"


def test_sec13_nonce_changes_per_response(client):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    assert first != second


def test_sec16_production_refuses_unsafe_settings(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_sec16_production_refuses_debug_and_insecure_cookies(monkeypatch):
    from pupilvoice.config import ProductionConfig

    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 40)
    monkeypatch.setattr(ProductionConfig, "DEBUG", True)
    with pytest.raises(RuntimeError, match="DEBUG"):
        create_app("production")
    monkeypatch.setattr(ProductionConfig, "DEBUG", False)
    monkeypatch.setattr(ProductionConfig, "SESSION_COOKIE_SECURE", False)
    with pytest.raises(RuntimeError, match="Secure"):
        create_app("production")


def test_404_is_friendly_and_translated(client):
    response = client.get("/nowhere?lang=pl")
    assert response.status_code == 404
    assert html_lang(response) == "pl"
    assert 'dir="rtl"' in client.get("/nowhere?lang=ur").get_data(as_text=True)


def test_405_is_friendly(client):
    response = client.post("/healthz")
    assert response.status_code in (400, 405)


def test_rel05_huge_body_gets_413(client):
    response = client.post("/auth/login", data={"email": "x" * (7 * 1024 * 1024)})
    assert response.status_code == 413
    assert "That file is too big" in response.get_data(as_text=True)


def test_rel05_overlong_and_broken_input_is_4xx(client, world):
    response = client.form("/auth/login", {"email": "a" * 5000, "password": "b" * 5000})
    assert response.status_code == 422
    assert "Write at most 254 characters" in response.get_data(as_text=True)
    broken = client.post(
        "/auth/login",
        data=b"email=%ff%fe&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert broken.status_code < 500


def test_500_page_hides_the_trace(app, client):
    @app.get("/boom")
    def boom():
        raise ValueError("secret internals")

    boom.audience = frozenset({"public"})
    response = client.get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret internals" not in body and "Traceback" not in body


def test_pages_need_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302 and response.location.startswith("/auth/login?next=")


def test_signed_in_visitor_at_front_door_goes_home(client, world):
    sign_in(client, world.senco)
    assert client.get("/").location == "/staff/"
