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

    ``code`` names the rule and is also the id of its message template; ``phrase`` is
    the exact words found in the text (or None when the problem is something missing);
    ``message`` is the template filled in, in English; ``params`` are the values that
    filled it, so another language can fill its own translation of the template.
    """

    code: str
    phrase: str | None
    message: str
    params: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


def problem(templates: Mapping[str, str], code: str, phrase: str | None, **params: str) -> Problem:
    """Build a Problem whose message is ``templates[code]`` filled with phrase and params."""
    values = {"phrase": phrase or "", **params}
    return Problem(code, phrase, templates[code] % values, values)
