"""School administration for the SENCO: staff, classes, pupils, parents, import and export."""

# The admin blueprint's routes live in several modules; importing them registers them.
from . import routes, voice_settings  # noqa: F401, I001
