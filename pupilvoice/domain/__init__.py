"""Pure domain rules: no Flask, no SQLAlchemy (a test enforces it)."""
