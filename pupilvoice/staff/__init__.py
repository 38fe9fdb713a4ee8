"""Pages for teachers, teaching assistants and the SENCO."""

# The staff blueprint's routes live in several modules; importing them registers them.
from . import routes, pupils, tablets, plans, plan_copies, checks, bank, reviews, provisions, groups  # noqa: F401, I001
