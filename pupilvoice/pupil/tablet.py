"""The class tablet before anyone signs in: the class list, picture sign-in, and an adult
signing a pupil in ("teacher-assisted").

Teacher-assisted sign-in happens here, on the enrolled tablet, rather than on the
teacher's own device: the adult types their staff e-mail and password (and two-step code),
which are checked like a normal sign-in (same lockout), but no staff session is ever
started on the shared tablet, and the pupil session that starts is tied to this tablet
and its class. Doing it from the teacher's laptop would instead turn a staff device into
a pupil device, or leave a staff session behind on a tablet children share.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user
from wtforms.fields.choices import SelectChoice

from ..access import PUBLIC, audience
from ..auth.limits import account_and_address, sign_in_limits
from ..auth.routes import code_problem, wait_message
from ..domain import pictures
from ..domain.permissions import can
from ..domain.roles import PUPIL
from ..extensions import db, limiter
from ..i18n import gettext as _
from ..inputs import int_arg
from ..models import Device, PictureKey, Pupil, User
from ..services import accounts, audit, devices, picture_keys, tablet
from ..voice_labels import PICTURE_NAMES
from . import language
from .again import restore, see_other, show_again
from .forms import AssistForm, PictureForm, StaffCheckForm

bp = Blueprint("tablet", __name__, url_prefix="/tablet", template_folder="templates")

# Per pupil and address: a whole class (a whole school) shares one address, so one child
# tapping fast must never slow another down. The real guard is the cool-down (SEC-05).
PICTURE_LIMIT = "120 per minute"
# Sign-out clears the browser's cache and storage but NOT its cookies: "cookies" would
# also delete the device cookie and take the tablet out of class mode. The pupil's
# session cookie is emptied by the server and the session itself is ended (SEC-07).
CLEAR_SITE_DATA = '"cache", "storage"'


def _pupil_at_address() -> str:
    """The picture limit's key: this pupil's sign-in page, from this address."""
    return f"{get_remote_address()}|pictures|{(request.view_args or {}).get('pupil_id')}"


def this_device() -> Device | None:
    """The enrolled, active tablet this request comes from (once per request)."""
    if "device" not in g:
        g.device = devices.find_active(request.cookies.get(devices.COOKIE))
    return g.device


def fresh_session() -> None:
    """Empty the browser session, the last pupil's language with it: the tablet's own
    language is kept on the tablet (Device.language), not here."""
    session.clear()


def sign_pupil_in(pupil: Pupil, device: Device, helper: User | None = None):
    """Replace whoever was signed in here by this pupil, on this tablet."""
    if current_user.is_authenticated:
        accounts.end_session(current_user.get_id())
    fresh_session()
    language.carry_into_sign_in()
    pupil.session_token = tablet.start_session(pupil, device, helper)
    login_user(pupil)
    db.session.commit()
    return see_other(url_for("pupil.home"))


def signed_out_response():
    """Back to the class list with nothing of the last pupil left in the browser."""
    logout_user()
    fresh_session()
    response = see_other(url_for("tablet.class_list"))
    response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


def _class_pupil(device: Device, pupil_id: int) -> Pupil:
    """A pupil of this tablet's class; anyone else is a 404 (SEC-02)."""
    pupil = db.session.get(Pupil, pupil_id)
    if pupil is None or pupil.class_id != device.class_id or not pupil.is_active:
        abort(404)
    return pupil


@bp.get("/")
@audience(PUBLIC)
def class_list():
    if current_user.is_authenticated and current_user.role == PUPIL:
        return redirect(url_for("pupil.home"))
    timed_out = session.pop("timed_out", False)
    if PICKS in session:  # back at the names, the pictures start again
        session.pop(PICKS)
    device = this_device()
    if device is None:
        return render_template("tablet/not_enrolled.html")
    if devices.touch(device):  # only then: a plain look at the list writes nothing
        db.session.commit()
    class_pupils = tablet.class_pupils(device)
    response = render_template(
        "tablet/class_list.html",
        device=device,
        pupils=class_pupils,
        names=tablet.tablet_names(class_pupils),
        lang=language.asked(),
    )
    if timed_out:  # the last pupil was signed out for being idle: leave nothing behind
        fresh_session()
        return response, 200, {"Clear-Site-Data": CLEAR_SITE_DATA}
    return response


PICKS = "pictures"  # the pictures tapped so far on a sign-in page, and a wrong try


def _picks_for(pupil: Pupil) -> dict:
    kept = session.get(PICKS)
    if not kept or kept.get("pupil") != pupil.id:
        return {"pupil": pupil.id, "picks": [], "wrong": False}
    return kept


@bp.route("/pupils/<int:pupil_id>", methods=["GET", "POST"])
@audience(PUBLIC)
@limiter.limit(PICTURE_LIMIT, key_func=_pupil_at_address, methods=["POST"])
def pictures_sign_in(pupil_id: int):
    device = this_device()
    if device is None:
        return see_other(url_for("tablet.class_list"))
    pupil = _class_pupil(device, pupil_id)
    key = picture_keys.picture_key(pupil)
    if request.method == "POST":
        if key is None or picture_keys.minutes_left(key):  # nothing to check: show why
            return see_other(request.full_path.rstrip("?"))
        return _pick(pupil, device, PictureForm())
    if key is None:
        return render_template("tablet/ask_teacher.html", pupil=pupil, lang=language.asked())
    if picture_keys.minutes_left(key):
        return cooldown_page(pupil, key)
    kept = _picks_for(pupil)
    if kept["wrong"]:
        session[PICKS] = {**kept, "wrong": False}  # said once
    return render_template(
        "tablet/pictures.html",
        form=PictureForm(),
        pupil=pupil,
        picks=kept["picks"],
        wrong=kept["wrong"],
        grid=pictures.GRID,
        length=pictures.LENGTH,
        picture_names=PICTURE_NAMES,
        lang=language.asked(),
    )


def _pick(pupil: Pupil, device: Device, form: PictureForm):
    """One tap on a picture, kept in the session; then the page again with GET (REL-04)."""
    picks, wrong = _picks_for(pupil)["picks"], False
    if form.validate_on_submit():
        picks = [] if form.pick.data == "again" else picks
        if form.pick.data in pictures.GRID and len(picks) < pictures.LENGTH:
            picks = [*picks, form.pick.data]
        if pictures.is_complete(picks):
            outcome = picture_keys.check_pictures(pupil, picks)
            if outcome == "ok":
                return sign_pupil_in(pupil, device)
            db.session.commit()  # the wrong try counts even though nothing else happens
            picks, wrong = [], outcome != "cooling"
    session[PICKS] = {"pupil": pupil.id, "picks": picks, "wrong": wrong}
    return see_other(request.full_path.rstrip("?"))


def cooldown_page(pupil: Pupil, key: PictureKey):
    """A kind "let's rest" page with the minutes to wait; never "locked" (SEC-05)."""
    minutes = picture_keys.minutes_left(key)
    return render_template("tablet/cooldown.html", pupil=pupil, minutes=minutes)


def check_staff(form: StaffCheckForm, pupil: Pupil | None) -> tuple[User | None, str | None]:
    """The adult behind these details, if they may help this pupil; else an error message."""
    check = accounts.check_password(form.email.data, form.password.data, request.remote_addr)
    user = check.user
    if check.outcome == "wait":
        return None, wait_message(check.minutes)
    if check.outcome != "ok" or not user.is_staff:
        return None, _("That e-mail address and password do not match.")
    if user.totp_enabled:
        code = accounts.check_second_factor(user, form.code.data or "")
        if code.outcome != "ok":
            return None, code_problem(code) if code.outcome == "wait" else _(
                "Type the code from your app as well."
            )
    if pupil is None or not can(user, "help_sign_in", pupil):
        return None, _("You can only help pupils in your own classes.")
    return user, None


@bp.route("/help", methods=["GET", "POST"])
@audience(PUBLIC)
@sign_in_limits(account_and_address)  # a school shares one address (SEC-05)
def assist():
    """An adult signs a pupil in on this tablet (and clears a picture cool-down)."""
    device = this_device()
    if device is None:
        return see_other(url_for("tablet.class_list"))
    class_pupils = tablet.class_pupils(device)
    names = tablet.tablet_names(class_pupils)
    form = AssistForm(pupil=int_arg("pupil"))
    form.pupil.choices = [SelectChoice(p.id, names[p.id]) for p in class_pupils]
    error = restore(form) if request.method == "GET" else None
    if form.validate_on_submit():
        pupil = _class_pupil(device, form.pupil.data)
        user, error = check_staff(form, pupil)
        if user is not None:
            picture_keys.clear_cooldown(pupil, user)
            audit.record(user, "assisted_sign_in", pupil, device_id=device.id)
            return sign_pupil_in(pupil, device, user if form.helping.data == "yes" else None)
        db.session.commit()  # wrong passwords count towards the staff lockout
    if request.method == "POST":
        return show_again(form, keep=("pupil", "helping", "email"), message=error)
    return render_template("tablet/assist.html", form=form, error=error, device=device)
