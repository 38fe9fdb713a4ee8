"""Static files: fingerprinted names, compressed copies, a year in the browser's cache.

At start-up every file under ``static/`` is given a second name that carries a hash of
its content (``css/app.css`` is also ``css/app.1a2b3c4d5e6f.css``), and ``url_for('static',
...)`` (and the templates' ``static_url``) hand out that name. A fingerprinted file never
changes, so browsers keep it for a year without asking again (``immutable``); a new
version is a new name. The copies, with Brotli and gzip versions made once, are kept in
``STATIC_BUILD_DIR`` (default ``instance/static-build``) in a folder named after the
hash of every file, so a restart or another worker reuses them.

WhiteNoise (a small, well-kept WSGI library) serves them in front of Flask, so this works
without a proxy: a static file never reaches the session, the database or the sign-in
code, so it carries no ``Vary: Cookie`` and no ``Set-Cookie``, and a shared cache may keep
it. The plain names (``css/app.css``) are served too, revalidated each time
(``no-cache``), for anything that still asks for them. A fingerprint we no longer have (a
page from before a deploy) is sent on to the file's current name; anything else is a 404.

Editing a static file while ``flask run`` is running needs a restart to be seen (the new
content gets a new name). PDF copies read ``static/css/copy.css`` and the symbols from the
package folder itself (pdf.py), which this does not change.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from flask import Flask, current_app, g, redirect, url_for
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

YEAR = 365 * 24 * 60 * 60
IMMUTABLE = f"public, max-age={YEAR}, immutable"
REVALIDATE = "public, no-cache"  # plain names: kept, but checked (ETag) before each use
KEEP = 5  # builds kept in STATIC_BUILD_DIR
FINGERPRINT = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{12})(?P<suffix>\.[A-Za-z0-9]+)$")


@dataclass(frozen=True)
class Build:
    """One set of fingerprinted copies: where they are, and each file's new name."""

    folder: Path
    names: dict[str, str]  # "css/app.css" -> "css/app.1a2b3c4d5e6f.css"


_BUILDS: dict[tuple[str, str], Build] = {}  # one build per process (and folder)


def fingerprinted_name(name: str, content: bytes) -> str:
    path = PurePosixPath(name)
    digest = hashlib.sha256(content).hexdigest()[:12]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def build(static: Path, into: Path) -> Build:
    """Fingerprint every file under ``static`` into a folder under ``into`` (reused when a
    folder for exactly these contents is there already). Done once a process: the files
    do not change while it runs (the tests make an app for each test)."""
    key = (str(static), str(into))
    if key not in _BUILDS:
        files = sorted(path for path in static.rglob("*") if path.is_file())
        _BUILDS[key] = _build(static, files, into)
    return _BUILDS[key]


def _build(static: Path, files: list[Path], into: Path) -> Build:
    contents = {path.relative_to(static).as_posix(): path.read_bytes() for path in files}
    names = {name: fingerprinted_name(name, data) for name, data in contents.items()}
    overall = hashlib.sha256("\n".join(sorted(names.values())).encode()).hexdigest()[:16]
    folder = into / f"static-{overall}"
    if not (folder / ".complete").exists():
        _write(folder, contents, names)
    return Build(folder, names)


def _write(folder: Path, contents: dict[str, bytes], names: dict[str, str]) -> None:
    """Write the copies and their compressed versions beside the final folder, then move
    them into place in one step: another worker starting at the same time sees all or
    nothing."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    making = Path(tempfile.mkdtemp(prefix=".making-", dir=folder.parent))
    compressor = Compressor(quiet=True)
    for name, data in contents.items():
        for copy in (name, names[name]):
            target = making / copy
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if compressor.should_compress(copy):
                compressor.compress(str(target))
    (making / ".complete").touch()
    try:
        os.rename(making, folder)
    except OSError:  # another process finished the same folder first
        shutil.rmtree(making, ignore_errors=True)
    _prune(folder.parent)


def _prune(into: Path) -> None:
    """Remove all but the newest KEEP builds: a server of an older version still running
    beside this one (a rolling restart) serves its files from its own folder."""
    builds = sorted(into.glob("static-*/.complete"), key=lambda done: done.stat().st_mtime)
    for done in builds[:-KEEP]:
        shutil.rmtree(done.parent, ignore_errors=True)


def _build_dir(app: Flask) -> Path:
    """Where the copies go: STATIC_BUILD_DIR, else the instance folder, else (read-only
    instance) a private temporary folder for this process."""
    configured = app.config.get("STATIC_BUILD_DIR")
    folder = Path(configured) if configured else Path(app.instance_path) / "static-build"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="pupilvoice-static-"))


def install(app: Flask) -> None:
    """Serve static files fingerprinted and compressed, and build their URLs so."""
    made = build(Path(app.static_folder), _build_dir(app))
    app.extensions["static_build"] = made
    prefix = app.static_url_path.rstrip("/") + "/"
    forever = frozenset(prefix + name for name in made.names.values())
    hsts = app.config.get("HSTS")

    def headers(headers, path, url):
        headers["Cache-Control"] = IMMUTABLE if url in forever else REVALIDATE
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Cross-Origin-Resource-Policy"] = "same-origin"  # for our own pages only
        if hsts:
            headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"

    app.wsgi_app = WhiteNoise(  # type: ignore[method-assign]
        app.wsgi_app,
        root=str(made.folder),
        prefix=app.static_url_path,
        max_age=None,
        allow_all_origins=False,  # no CDN, no other site reading our files
        add_headers_function=headers,
    )

    @app.url_defaults
    def fingerprint(endpoint, values):
        if endpoint == "static" and "filename" in values:
            values["filename"] = made.names.get(values["filename"], values["filename"])

    app.view_functions["static"] = current_or_missing
    app.add_template_global(static_url)


def static_url(filename: str) -> str:
    """The fingerprinted address of a static file; quicker than url_for for the dozens of
    symbols on a page (the folder's address is worked out once a request)."""
    prefix = g.get("static_prefix")
    if prefix is None:
        prefix = g.static_prefix = url_for("static", filename="")
    names = current_app.extensions["static_build"].names
    if filename in names:
        return prefix + names[filename]
    return url_for("static", filename=filename)


def current_or_missing(filename: str):
    """Flask's static route sees only what WhiteNoise did not have: a fingerprint from an
    earlier version goes on to the file's current name (a page from before a deploy keeps
    its styles); anything else is looked for as usual, which 404s."""
    found = FINGERPRINT.match(filename)
    if found:
        original = found["stem"] + found["suffix"]
        if original in current_app.extensions["static_build"].names:
            return redirect(url_for("static", filename=original))
    return current_app.send_static_file(filename)
