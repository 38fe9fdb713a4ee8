"""Routes for signing in and out."""

from __future__ import annotations

import time

import segno
from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from wtforms import SelectChoice

from ..access import PUBLIC, SIGNED_IN, STAFF, audience, home_for, is_safe_next
from ..domain.roles import PARENT
from ..extensions import db, limiter
from ..forms import NewPasswordForm
from ..i18n import LANGUAGE_NAMES, chosen_language, ngettext
from ..i18n import gettext as _
from ..models import AccountToken, User
from ..services import accounts, audit, devices, password_reset
from .forms import (
    CodeForm,
    EmailForm,
    LanguageForm,
    LoginForm,
    WelcomeForm,
    WelcomeWithEmailForm,
)
from .limits import (
    account_and_address,
    link_and_address,
    pending_account_and_address,
    sign_in_limits,
)

bp = Blueprint("auth", __name__, url_prefix="/auth", template_folder="templates")

PENDING_SECONDS = 300  # time to type the two-step code after the password


def _finish_sign_in(user: User, next_url: str | None):
    """Start a fresh server-side session: the old cookie content is dropped (SEC-08)."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    user.session_token = accounts.start_session(user=user)
    login_user(user)
    audit.record(user, "sign_in", user)
    db.session.commit()
    return redirect(next_url if is_safe_next(next_url) else home_for(user))


def wait_message(minutes: int) -> str:
    """The same words for every typed address, known or not, so they reveal nothing."""
    return ngettext(
        "Too many wrong tries from here. Wait %(num)d minute and try again, "
        "or reset your password.",
        "Too many wrong tries from here. Wait %(num)d minutes and try again, "
        "or reset your password.",
        minutes,
    )


@bp.route("/login", methods=["GET", "POST"])
@audience(PUBLIC)
@sign_in_limits(account_and_address)
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        check = accounts.check_password(form.email.data, form.password.data, request.remote_addr)
        db.session.commit()  # wrong tries are counted even though sign-in fails
        if check.outcome == "ok" and check.user.totp_enabled:
            session["pending_user"] = check.user.id
            session["pending_until"] = time.time() + PENDING_SECONDS
            session["pending_next"] = form.next.data
            return redirect(url_for("auth.second_factor"))
        if check.outcome == "ok":
            return _finish_sign_in(check.user, form.next.data)
        if check.outcome == "wait":
            flash(wait_message(check.minutes), "error")
        else:
            flash(_("That e-mail address and password do not match."), "error")
    signed_out = request.args.get("signed_out") == "1"
    return render_template("auth/login.html", form=form, signed_out=signed_out)


@bp.route("/code", methods=["GET", "POST"])
@audience(PUBLIC)
@sign_in_limits(pending_account_and_address)
def second_factor():
    user = db.session.get(User, session.get("pending_user") or 0)
    if user is None or not user.totp_enabled or session.get("pending_until", 0) < time.time():
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        check = accounts.check_second_factor(user, form.code.data)
        if check.outcome == "ok":
            return _finish_sign_in(user, session.get("pending_next"))
        db.session.commit()  # wrong codes are counted whatever the password does (SEC-04)
        flash(code_problem(check), "error")
    return render_template("auth/code.html", form=form)


def code_problem(check: accounts.SignInCheck) -> str:
    if check.outcome == "wait":
        return ngettext(
            "Too many wrong codes. Wait %(num)d minute, or ask a SENCO to let you in.",
            "Too many wrong codes. Wait %(num)d minutes, or ask a SENCO to let you in.",
            check.minutes,
        )
    return _("That code did not work. Check the time on your phone and try again.")


@bp.post("/logout")
@audience(SIGNED_IN)
def logout():
    """End the session on the server and in the browser (SEC-07)."""
    accounts.end_session(current_user.get_id())
    db.session.commit()
    logout_user()
    session.clear()
    # The flash would be cleared with the cookies, so the message travels in the URL. 303:
    # the browser asks for the sign-in page with GET, so Back and Reload never send again.
    response = redirect(url_for("auth.login", signed_out=1), 303)
    if devices.find_active(request.cookies.get(devices.COOKIE)):
        # A class tablet: keep its device cookie (the emptied session cookie is enough),
        # or signing out would also take the tablet out of class mode.
        response.headers["Clear-Site-Data"] = '"cache", "storage"'
    else:
        response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@bp.post("/keepalive")
@audience(SIGNED_IN)
def keepalive():
    """Called by the idle warning's "Stay signed in" button."""
    accounts.touch_session(current_user.get_id())
    db.session.commit()
    return {"ok": True}


# --- my account: language and two-step sign-in ------------------------------------------


@bp.route("/account", methods=["GET", "POST"])
@audience(STAFF, PARENT)
def account():
    form = LanguageForm(locale=current_user.locale or chosen_language())
    form.locale.choices = list(LANGUAGE_NAMES.items())
    if form.validate_on_submit():
        current_user.locale = form.locale.data
        session.pop("lang", None)
        db.session.commit()
        flash(_("Your language is saved."), "success")
        return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form, code_form=CodeForm())


@bp.route("/two-step", methods=["GET", "POST"])
@audience(STAFF, PARENT)
def two_step_setup():
    """Enrol an authenticator app: scan the QR code, type a code to prove it works (SEC-04)."""
    if current_user.totp_enabled:
        return redirect(url_for("auth.account"))
    secret = session.get("totp_setup") or accounts.new_totp_secret()
    session["totp_setup"] = secret
    form = CodeForm()
    if form.validate_on_submit():
        if accounts.totp_ok(secret, form.code.data):
            codes = accounts.enable_totp(current_user, secret)
            audit.record(current_user, "two_step_on", current_user)
            db.session.commit()
            session.pop("totp_setup")
            return render_template("auth/recovery_codes.html", codes=codes)
        flash(_("That code did not work. Check the time on your phone and try again."), "error")
    uri = accounts.totp_uri(current_user, secret)
    qr = segno.make(uri, error="m").svg_data_uri(scale=5, dark="#1f2a30", light="#ffffff")
    return render_template("auth/two_step.html", form=form, qr=qr, secret=secret)


@bp.post("/two-step/off")
@audience(STAFF, PARENT)
def two_step_off():
    form = CodeForm()
    if not form.validate_on_submit():
        flash(_("That code did not work, so two-step sign-in is still on."), "error")
        return redirect(url_for("auth.account"))
    check = accounts.check_second_factor(current_user, form.code.data)
    if check.outcome == "ok":
        accounts.disable_totp(current_user)
        audit.record(current_user, "two_step_off", current_user)
        db.session.commit()
        flash(_("Two-step sign-in is off."), "info")
        return redirect(url_for("auth.account"))
    db.session.commit()  # a wrong code counts here too (SEC-04)
    if check.outcome == "wait":
        flash(code_problem(check), "error")
    else:
        flash(_("That code did not work, so two-step sign-in is still on."), "error")
    return redirect(url_for("auth.account"))


# --- forgotten password and invitations ---------------------------------------------------


@bp.route("/reset", methods=["GET", "POST"])
@audience(PUBLIC)
@limiter.limit("10 per hour", key_func=account_and_address, methods=["POST"])
@limiter.limit("100 per hour", methods=["POST"])  # a school's staff share one address
def reset_request():
    form = EmailForm()
    if form.validate_on_submit():
        # The same work and the same answer whether or not the address has an account:
        # the outbox's sender looks it up, makes the link and sends it (SEC-09).
        password_reset.request_link(form.email.data)
        db.session.commit()
        flash(
            _(
                "If that address has an account, a link is on its way to it. "
                "It works once, for 2 hours."
            ),
            "info",
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@audience(PUBLIC)
@sign_in_limits(link_and_address)
def reset(token: str):
    return _set_password_with(token, "reset")


@bp.route("/welcome/<token>", methods=["GET", "POST"])
@audience(PUBLIC)
@sign_in_limits(link_and_address)
def accept_invite(token: str):
    record = accounts.find_token(token, "invite")
    if record is None:
        return render_template("auth/token_invalid.html", purpose="invite"), 404
    return set_up_account(record, how="link")


def _set_password_with(raw: str, purpose: str):
    record = accounts.find_token(raw, purpose)
    if record is None:
        return render_template("auth/token_invalid.html", purpose=purpose), 404
    form = NewPasswordForm()
    form.email_for_check = record.user.email or ""
    if form.validate_on_submit():
        user = accounts.use_token(record, form.password.data)
        if user is None:  # the same link, used a moment ago (a double tap)
            return render_template("auth/token_invalid.html", purpose=purpose), 404
        audit.record(user, "password_set", user, how=purpose)
        db.session.commit()
        flash(_("Your password is set."), "success")
        return _finish_sign_in(user, None)
    return render_template("auth/set_password.html", form=form, purpose=purpose, user=record.user)


def set_up_account(record: AccountToken, how: str):
    """The last step of every invitation (e-mail link, QR code or letter code): choose a
    password and a language, then you are signed in."""
    user = record.user
    form_class = WelcomeForm if user.email else WelcomeWithEmailForm
    form = form_class(locale=session.get("lang") or user.locale or chosen_language())
    form.locale.choices = [SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()]
    form.email_for_check = user.email or ""
    if form.validate_on_submit() and _address_is_free(form):
        if accounts.use_token(record, form.password.data) is None:
            return render_template("auth/token_invalid.html", purpose="invite"), 404
        if not user.email:
            user.email = form.email.data  # a letters-only family signs in with it from now
        user.locale = form.locale.data
        audit.record(user, "password_set", user, how="invite", via=how, method=record.method)
        db.session.commit()
        session.pop("lang", None)  # the language just saved wins from now on
        flash(_("Your account is ready."), "success")
        return _finish_sign_in(user, None)
    return render_template("auth/set_password.html", form=form, purpose="invite", user=user)


def _address_is_free(form) -> bool:
    """A letters-only family's new address must not be someone else's sign-in."""
    if not isinstance(form, WelcomeWithEmailForm):
        return True
    if accounts.find_by_email(form.email.data) is None:
        return True
    form.email.errors.append(_("This address already has a PupilVoice account. Use another."))
    return False
