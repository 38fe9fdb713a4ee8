"""Pages for parents and carers, made for a phone."""
