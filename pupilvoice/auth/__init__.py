"""Signing in and out for staff and parents: passwords, two-factor, invitations, resets."""
