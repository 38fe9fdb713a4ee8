"""Configuration classes, read from environment variables with safe development defaults."""

from __future__ import annotations

import os
from datetime import timedelta
from urllib.parse import urlsplit

DEV_SECRET = "dev-only-secret-change-me"  # noqa: S105 - refused in production
DEV_PUBLIC_URL = "http://127.0.0.1:5000"  # `make run`; refused in production


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str) -> list[str]:
    """A comma-separated environment variable as a list ("" and unset: empty)."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET)
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in instance/
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    MAX_CONTENT_LENGTH = 6 * 1024 * 1024  # audio recordings are the largest uploads
    # Recordings kept per pupil and per school (in MB), and how many one pupil may make a
    # minute, so a loop cannot fill the disk (SEC-15; domain/recording_quota.py)
    RECORDING_QUOTA_PUPIL_MB = int(os.environ.get("RECORDING_QUOTA_PUPIL_MB", "20"))
    RECORDING_QUOTA_SCHOOL_MB = int(os.environ.get("RECORDING_QUOTA_SCHOOL_MB", "2048"))
    RECORDINGS_PER_MINUTE = int(os.environ.get("RECORDINGS_PER_MINUTE", "5"))
    # A class tablet not used for this long is no longer enrolled (services/devices.py)
    DEVICE_IDLE_DAYS = int(os.environ.get("DEVICE_IDLE_DAYS", "120"))

    SESSION_COOKIE_NAME = "__Host-pupilvoice"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    REMEMBER_COOKIE_DURATION = timedelta(seconds=0)

    # SEC-07: idle and absolute session limits, in seconds
    STAFF_IDLE_SECONDS = 30 * 60
    STAFF_MAX_SECONDS = 12 * 60 * 60
    PUPIL_IDLE_SECONDS = 5 * 60
    PUPIL_MAX_SECONDS = 60 * 60

    # SEC-05: wrong passwords for one e-mail address from one network address: free tries,
    # then a wait in minutes before the next is even checked (growing; the last repeats)
    LOGIN_FREE_TRIES = 5
    LOGIN_WAIT_MINUTES = (1, 2, 5, 15, 30, 60)
    # the same for one e-mail address from every network address: a far higher backstop
    LOGIN_ACCOUNT_FREE_TRIES = 100
    LOGIN_ACCOUNT_WAIT_MINUTES = (60,)
    # SEC-04: wrong two-step codes for one account (a correct password does not reset them)
    LOGIN_CODE_FREE_TRIES = 5
    LOGIN_CODE_WAIT_MINUTES = (15, 60, 240, 1440)
    LOGIN_QUIET_HOURS = 24  # a day without a wrong try starts the counting again
    # Rate limits, shared by every server through RATELIMIT_STORAGE_URI. Only wrong tries
    # count. Sign-in: per e-mail address (or link) and network address, plus a generous
    # ceiling per network address against floods (a whole school shares one address).
    LOGIN_LIMIT = os.environ.get("LOGIN_LIMIT", "10 per minute")
    LOGIN_LIMIT_PER_ADDRESS = os.environ.get("LOGIN_LIMIT_PER_ADDRESS", "300 per minute")
    # /join, where families type the code from a letter: per code and network address,
    # a ceiling per network address, and one for everyone
    JOIN_LIMIT = os.environ.get("JOIN_LIMIT", "10 per 15 minutes")
    JOIN_LIMIT_PER_ADDRESS = os.environ.get("JOIN_LIMIT_PER_ADDRESS", "100 per 15 minutes")
    JOIN_LIMIT_OVERALL = os.environ.get("JOIN_LIMIT_OVERALL", "600 per hour")

    WTF_CSRF_TIME_LIMIT = None  # bound to the session instead; staff forms stay open long

    # SEC-16: every link in a mail, letter or QR code starts with this, never with the
    # Host a request names. Production refuses to start without an https one.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", DEV_PUBLIC_URL).rstrip("/")
    # Host names a request may name; None accepts any (production: PUBLIC_URL's host,
    # plus those in TRUSTED_HOSTS, comma-separated). Any other Host gets 400.
    TRUSTED_HOSTS = _list("TRUSTED_HOSTS") or None
    # Fingerprinted, compressed copies of static/ (assets.py); default instance/static-build
    STATIC_BUILD_DIR = os.environ.get("STATIC_BUILD_DIR")
    # SEC-18: how many proxies in front of the app set X-Forwarded-For/-Proto; their
    # headers are believed only from FORWARDED_ALLOW_IPS (gunicorn reads the same setting).
    PROXY_FIX = int(os.environ.get("PROXY_FIX", "0"))
    FORWARDED_ALLOW_IPS = _list("FORWARDED_ALLOW_IPS") or ["127.0.0.1", "::1"]

    # Read-aloud audio made on the server with espeak-ng (services/speech.py, A11Y-06):
    # kept in SPEECH_CACHE_DIR (default instance/speech); audio unused for SPEECH_CACHE_DAYS
    # goes, and the least used when it passes SPEECH_CACHE_MB. It can say pupils' names:
    # `flask speech prune --all` empties it. Sentences made per tablet, and for everyone.
    SPEECH_ENGINE = "espeak-ng"
    SPEECH_ENCODER = "opusenc"
    SPEECH_CACHE_DIR = os.environ.get("SPEECH_CACHE_DIR")
    SPEECH_CACHE_DAYS = int(os.environ.get("SPEECH_CACHE_DAYS", "30"))
    SPEECH_CACHE_MB = int(os.environ.get("SPEECH_CACHE_MB", "200"))
    SPEECH_LIMIT = os.environ.get("SPEECH_LIMIT", "30 per minute")
    SPEECH_LIMIT_OVERALL = os.environ.get("SPEECH_LIMIT_OVERALL", "1000 per hour")

    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("TIMEZONE", "Europe/London")
    LANGUAGES = ("en", "cy", "pl", "ur")
    SCHOOL_TEXT_LANGUAGE = os.environ.get("SCHOOL_TEXT_LANGUAGE", "en")  # what staff write in

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = False

    MAIL_SERVER = os.environ.get("MAIL_SERVER")  # None: mail is printed to the console
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_USE_TLS = _bool("MAIL_USE_TLS", False)
    MAIL_FROM = os.environ.get("MAIL_FROM", "PupilVoice <no-reply@pupilvoice.invalid>")

    # argon2id cost; tests use a cheap one
    ARGON2_TIME_COST = 3
    ARGON2_MEMORY_COST = 64 * 1024

    DEBUG = False
    TESTING = False
    HSTS = False


class DevelopmentConfig(Config):
    DEBUG = _bool("FLASK_DEBUG", False)


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"  # noqa: S105
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    PUBLIC_URL = "http://localhost"  # the test client's own host: links in mails work
    RATELIMIT_STORAGE_URI = "memory://"
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 1024
    MAIL_SERVER = None
    MAIL_SUPPRESS = True


class ProductionConfig(Config):
    HSTS = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def check_production_safety(config: dict) -> None:
    """SEC-16: refuse to start production with unsafe settings."""
    problems = []
    if not config.get("SECRET_KEY") or config["SECRET_KEY"] == DEV_SECRET:
        problems.append("SECRET_KEY is not set")
    elif len(config["SECRET_KEY"]) < 32:
        problems.append("SECRET_KEY is shorter than 32 characters")
    if config.get("DEBUG"):
        problems.append("DEBUG is on")
    if not config.get("SESSION_COOKIE_SECURE") or not config.get("SESSION_COOKIE_HTTPONLY"):
        problems.append("session cookies are not Secure and HttpOnly")
    problems += _public_url_problems(config.get("PUBLIC_URL"))
    if problems:
        raise RuntimeError("Refusing to start in production: " + "; ".join(problems))


def _public_url_problems(url: str | None) -> list[str]:
    if not url or url.rstrip("/") == DEV_PUBLIC_URL:
        return ["PUBLIC_URL is not set (e.g. https://pupilvoice.school.example)"]
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return [f"PUBLIC_URL must be an https:// address, not {url!r}"]
    if parts.query or parts.fragment or parts.username:
        return [f"PUBLIC_URL must be a plain address, not {url!r}"]
    return []


def trusted_hosts(config: dict) -> list[str]:
    """Production's Host check: PUBLIC_URL's host and any extra names configured."""
    hosts = [urlsplit(config["PUBLIC_URL"]).hostname or ""]
    return hosts + [h for h in config.get("TRUSTED_HOSTS") or () if h not in hosts]
