"""What a checker reports: a code, the words that caused it, and a plain English message."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


def N_(template: str) -> str:
    """Mark a message template for translation without translating it here.

    The domain has no locale; the web layer translates ``TEMPLATES[code]`` and fills in
    ``Problem.params`` (the same ``%(name)s`` placeholders) in the reader's language.
    """
    return template


@dataclass(frozen=True)
class Problem:
    """One thing a checker noticed. It never blocks saving; it only reports.

    ``code`` names the rule; ``phrase`` is the exact words found in the text (or None
    when the problem is something missing); ``message`` is the English message.
    ``template`` is the key of the message template in the checker's ``TEMPLATES``
    (usually the code) and ``params`` the values that filled it, so the web layer can
    show ``gettext(TEMPLATES[p.template]) % p.params`` in the reader's language.
    """

    code: str
    phrase: str | None
    message: str
    template: str = field(default="", compare=False, repr=False)
    params: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


def problem(
    templates: Mapping[str, str],
    code: str,
    phrase: str | None,
    *,
    template: str | None = None,
    **params: str,
) -> Problem:
    """Build a Problem whose message is ``templates[template or code]`` filled in."""
    key = template or code
    values = {"phrase": phrase or "", **params}
    return Problem(code, phrase, templates[key] % values, key, values)
