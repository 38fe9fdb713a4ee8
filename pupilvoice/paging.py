"""Pages of a long list: which page was asked for, the links to the others (keeping the
filters and search in the query string), and the window of page numbers the pager shows.
The pager itself is the ``pager`` macro in templates/_pagination.html."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from flask import request

from .i18n import KEPT_PARAMETER, MAX_KEPT_VALUE
from .inputs import int_arg

T = TypeVar("T")
LAST_PAGE = 99_999  # a page number past this is not a page
SEARCH_LENGTH = 60  # a name search longer than this is cut


def asked_page() -> int:
    """The page number in the query string (?page=), 1 when absent or not a page."""
    return int_arg("page", high=LAST_PAGE) or 1


def asked_search(name: str = "q") -> str:
    """The trimmed search words in the query string, cut to a sensible length."""
    return " ".join(request.args.get(name, "").split())[:SEARCH_LENGTH]


def like_text(words: str) -> str:
    """Typed words inside a LIKE pattern (with ``escape="\\\\"``): lower case, and % and _
    as plain letters."""
    return words.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class Page:
    """One page of a list: its number, its size, and either the total (a numbered pager)
    or only whether a next page exists (a log read newest first, never counted)."""

    number: int
    size: int
    total: int | None = None
    more: bool = False

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def last(self) -> int | None:
        """The last page's number, or None when the list was not counted."""
        return None if self.total is None else max(1, -(-self.total // self.size))

    @property
    def has_next(self) -> bool:
        return self.more if self.total is None else self.number < (self.last or 1)

    @property
    def needed(self) -> bool:
        """Whether there is a pager to show at all (more than one page)."""
        return self.number > 1 or self.has_next

    def window(self, around: int = 2) -> list[int | None]:
        """The page numbers to link: the first, the last and ``around`` either side of this
        one; None where numbers are left out (drawn as "…")."""
        last = self.last or (self.number + 1 if self.more else self.number)
        wanted = {1, last, *range(self.number - around, self.number + around + 1)}
        numbers = sorted(n for n in wanted if 1 <= n <= last)
        found: list[int | None] = []
        for n in numbers:
            if found and n - (found[-1] or 0) > 1:
                found.append(None)
            found.append(n)
        return found

    def url(self, number: int) -> str:
        """This page's address with another page number; every other plain parameter of
        the query string (filters, search, language) is kept as it was."""
        kept = [
            (name, value)
            for name, value in request.args.items(multi=True)
            if name != "page" and KEPT_PARAMETER.fullmatch(name) and len(value) <= MAX_KEPT_VALUE
        ]
        if number > 1:
            kept.append(("page", str(number)))
        return f"{request.path}?{urlencode(kept)}" if kept else request.path


def page_of(items: Sequence[T], size: int, number: int | None = None) -> tuple[list[T], Page]:
    """The asked page of a list already in memory (a page past the end shows the last)."""
    page = Page(number or asked_page(), size, total=len(items))
    if page.number > (page.last or 1):
        page = Page(page.last or 1, size, total=len(items))
    return list(items[page.offset : page.offset + size]), page


def counted(number: int, size: int, total: int) -> Page:
    """A page of a list counted in the database (a page past the end shows the last)."""
    page = Page(number, size, total=total)
    return page if number <= (page.last or 1) else Page(page.last or 1, size, total=total)


def uncounted(rows: list[Any], number: int, size: int) -> tuple[list[Any], Page]:
    """A page read with one row more than it shows (LIMIT size + 1): the extra row says
    a next page exists, without counting the list."""
    return rows[:size], Page(number, size, more=len(rows) > size)
