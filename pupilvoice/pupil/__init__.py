"""The pupil's side on the class tablet: class list, picture sign-in and the pupil's pages."""

# The pupil blueprint's routes live in several modules; importing them registers them.
from . import routes, about, worries, targets, privacy  # noqa: F401, I001
