"""Random tokens and their hashes: only the hash is ever stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)


def keyed_digest(value: str, key: str) -> str:
    """An HMAC of ``value``: for short secrets (letter codes), so a copy of the database
    alone is not enough to try every possible code offline."""
    return hmac.new(key.encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()
