"""Use cases that change data. They flush, never commit: the view commits once (REL-01)."""
