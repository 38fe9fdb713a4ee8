"""Pages for teachers, teaching assistants and the SENCO."""
