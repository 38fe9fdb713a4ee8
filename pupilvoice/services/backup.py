"""Backups (REL-, issue 16 item 7): a consistent copy of the whole database while the app
runs, and putting one back. SQLite uses its online backup API (a copy as of one moment, even
while pupils write); PostgreSQL uses pg_dump / pg_restore (custom format)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # nosec B404
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url


class BackupError(RuntimeError):
    """Said to the person running the command, as it is."""


def _kind(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise BackupError("An in-memory database cannot be backed up.")
        return "sqlite"
    if url.get_backend_name() == "postgresql":
        return "postgresql"
    raise BackupError(f"No backup for {url.get_backend_name()} databases.")


def _copy_sqlite(source: str, target: str) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _pg(tool: str, url: URL, *args: str) -> None:
    """Run a PostgreSQL client tool; the password goes in its environment, not argv."""
    found = shutil.which(tool)
    if found is None:
        raise BackupError(f"{tool} is not installed (apt-get install postgresql-client).")
    plain = url.set(drivername="postgresql", password=None)
    env = os.environ | ({"PGPASSWORD": url.password} if url.password else {})
    command = [found, *args, "--dbname", plain.render_as_string(hide_password=False)]
    # A fixed tool found on PATH, our own arguments, no shell.
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()}")


def backup(database_url: str, folder: Path) -> Path:
    """Write a backup into ``folder`` and return its path (named by the time, UTC)."""
    url, stamp = make_url(database_url), datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    if _kind(url) == "sqlite":
        path = folder / f"pupilvoice-{stamp}.sqlite"
        _copy_sqlite(url.database, str(path))
    else:
        path = folder / f"pupilvoice-{stamp}.dump"
        _pg("pg_dump", url, "--format=custom", "--no-owner", "--file", str(path))
    return path


def restore(database_url: str, path: Path) -> None:
    """Replace the database's contents with the backup at ``path``."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    url = make_url(database_url)
    if _kind(url) == "sqlite":
        _copy_sqlite(str(path), url.database)
    else:
        _pg(
            "pg_restore",
            url,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            str(path),
        )
