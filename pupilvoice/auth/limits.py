"""Rate limits for the sign-in pages and /join, keyed by what is tried as well as by
network address (SEC-05).

A whole school, or a block of flats, shares one network address: a limit by address
alone lets one person's wrong tries, or a stranger's, stop everyone there. So the working
limits count one e-mail address, link or letter code from one address, and only wrong
tries count; a generous ceiling per address (and, at /join, for everyone) is only there
against floods. Keys are HMACs, so the limiter's storage (memory or Redis) holds no
e-mail addresses, links or codes.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, request, session
from flask_limiter.util import get_remote_address

from ..domain import invitations as invitation_rules
from ..extensions import limiter
from ..services import tokens


def _digest(value: str) -> str:
    return tokens.keyed_digest(value, current_app.config["SECRET_KEY"])[:32]


def account_and_address() -> str:
    typed = (request.form.get("email") or "").strip().lower()
    return f"account:{_digest(typed)}:{get_remote_address()}"


def pending_account_and_address() -> str:
    """The two-step page: the account whose password was just right, from this address."""
    return f"code:{session.get('pending_user') or 0}:{get_remote_address()}"


def link_and_address() -> str:
    """Pages reached by a link with a token in it (reset, invitation)."""
    return f"link:{_digest(request.path)}:{get_remote_address()}"


def pending_invitation_and_address() -> str:
    """/join's second step: the invitation whose code was just right, from this address."""
    pending = session.get("join") or {}
    return f"join:{pending.get('id') or 0}:{get_remote_address()}"


def letter_and_address() -> str:
    typed = request.form.get("code") or ""
    code = invitation_rules.normalise_code(typed) or typed.strip().upper()[:40]
    return f"letter:{_digest(code)}:{get_remote_address()}"


def everyone() -> str:
    return "join:everyone"


def wrong_try(response: Response) -> bool:
    """A wrong try shows the form again; a right one moves on with a redirect."""
    return response.status_code != 302


def _setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def sign_in_limits(key_func: Callable[[], str]) -> Callable:
    """LOGIN_LIMIT for ``key_func`` (what is tried, and from where), and the per-address
    ceiling LOGIN_LIMIT_PER_ADDRESS; both count wrong tries only, on POST."""

    def decorate(view: Callable) -> Callable:
        view = limiter.limit(
            _setting("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"], deduct_when=wrong_try
        )(view)
        return limiter.limit(
            _setting("LOGIN_LIMIT"), key_func=key_func, methods=["POST"], deduct_when=wrong_try
        )(view)

    return decorate


def join_limits(view: Callable) -> Callable:
    """/join: JOIN_LIMIT per letter code and address, JOIN_LIMIT_PER_ADDRESS and
    JOIN_LIMIT_OVERALL as ceilings; wrong codes count, a right one never does."""
    for setting, key_func in (
        ("JOIN_LIMIT_OVERALL", everyone),
        ("JOIN_LIMIT_PER_ADDRESS", get_remote_address),
        ("JOIN_LIMIT", letter_and_address),
    ):
        view = limiter.limit(
            _setting(setting), key_func=key_func, methods=["POST"], deduct_when=wrong_try
        )(view)
    return view
