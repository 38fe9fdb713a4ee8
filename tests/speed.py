"""What makes building an app and its database for every test cheap.

Every web test builds its own app (create_app) and its own empty database, so that no test
sees another's rows, config or mail. Parts of that cost more than most tests do:

- Werkzeug compiles a URL builder for each of the app's routes with ``ast`` and
  ``compile``: about 50 ms an app, nine tenths of create_app. The builder is a function of
  the rule's text, parts and defaults alone (its ``self`` is bound afterwards), so every app
  this process builds can share the one compiled for the first.
"""

from __future__ import annotations

from werkzeug.routing.rules import Rule

_BUILDERS: dict[tuple, object] = {}


def share_url_builders() -> None:
    """Compile each distinct route's URL builder once per process (see above)."""
    if getattr(Rule._compile_builder, "shared", False):
        return
    compile_builder = Rule._compile_builder

    def shared(self: Rule, append_unknown: bool = True):
        key = (
            self.rule,
            tuple(self._trace),
            append_unknown,
            tuple((name, repr(value)) for name, value in (self.defaults or {}).items()),
            tuple((name, type(c)) for name, c in self._converters.items()),
        )
        if (builder := _BUILDERS.get(key)) is None:
            builder = _BUILDERS[key] = compile_builder(self, append_unknown)
        return builder

    shared.shared = True
    Rule._compile_builder = shared
