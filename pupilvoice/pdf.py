"""Printed copies as PDF files, made on the server with WeasyPrint.

WeasyPrint needs Pango and HarfBuzz from the system (Debian: libpango-1.0-0,
libpangoft2-1.0-0, libharfbuzz-subset0) and fonts (fonts-dejavu-core, and fonts-noto-core
for Urdu, shaped right to left with Noto Naskh Arabic). Without them ``render`` raises
``PdfUnavailable`` and the page says so, instead of failing. Nothing is fetched while
rendering (SEC-14): the stylesheet is passed in and pictures are embedded as data: URLs,
so the fetcher refuses every other address.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

STATIC = Path(__file__).parent / "static"
STYLESHEET = STATIC / "css" / "copy.css"


_IMAGES: dict = {}


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs are not installed."""


@cache
def _weasyprint():
    """The WeasyPrint module and one font configuration for every PDF (building one reads
    the system's fonts, which costs more than a page)."""
    try:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as missing:  # OSError: Pango or HarfBuzz not found
        raise PdfUnavailable(str(missing)) from missing
    fonts = FontConfiguration()
    css = weasyprint.CSS(string=STYLESHEET.read_text("utf-8"), font_config=fonts)
    return weasyprint, fonts, css


def available() -> bool:
    try:
        _weasyprint()
    except PdfUnavailable:
        return False
    return True


def local_only_fetcher():
    """The URL fetcher: only data: URLs (our embedded pictures) are read; any other address
    (http, https, file, ...) is refused, so a copy never makes a request (SEC-14)."""
    weasyprint, _fonts, _css = _weasyprint()
    return weasyprint.urls.URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def render(html: str) -> bytes:
    """The PDF of ``html`` (A4, styled by static/css/copy.css)."""
    weasyprint, fonts, css = _weasyprint()
    document = weasyprint.HTML(string=html, base_url="data:,", url_fetcher=local_only_fetcher())
    # Tagged, so a screen reader reads the copy in order (headings, lists, language);
    # the pictures, the same few on every copy, are decoded once and kept.
    return document.write_pdf(stylesheets=[css], font_config=fonts, pdf_tags=True, cache=_IMAGES)


@cache
def symbol_url(name: str) -> str:
    """A symbol from static/symbols as a data: URL, to embed in a copy."""
    path = STATIC / "symbols" / f"{name}.svg"
    if not name.replace("-", "").isalnum() or not path.is_file():
        path = STATIC / "symbols" / "star.svg"
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
