"""Sending one mail through SMTP; without MAIL_SERVER it is printed to the console instead
(and kept for the tests). Only the outbox's sender calls this (services/outbox.py): pages
put their mail in the outbox."""

from __future__ import annotations

import smtplib
import sys
from email.message import EmailMessage

from flask import current_app


def send(to: str, subject: str, body: str, language: str | None = None) -> None:
    """Send one plain-text mail; ``language`` ("pl", "ur", ...) labels it for mail readers."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if language:  # after set_content, which drops every Content-* header
        message["Content-Language"] = language
    if not config.get("MAIL_SERVER"):
        if not config.get("MAIL_SUPPRESS"):
            print(f"--- mail to {to} ---\n{message}\n--- end of mail ---", file=sys.stderr)
        if config.get("TESTING"):  # a long-running sender in development keeps none
            current_app.extensions.setdefault("pupilvoice_outbox", []).append(message)
        return
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
