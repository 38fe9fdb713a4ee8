"""The pupil's own pages on the class tablet, and keeping a pupil session on its tablet."""

from __future__ import annotations

from flask import Blueprint, g, render_template, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..access import audience
from ..auth.limits import account_and_address, sign_in_limits
from ..domain.lists import join_list
from ..domain.roles import PUPIL
from ..extensions import db
from ..i18n import gettext as _
from ..models import User
from ..services import accounts, audit, devices, recordings, tablet, voice
from . import language
from .again import restore, see_other, show_again
from .forms import RECORDING_PROBLEMS, StaffCheckForm
from .tablet import check_staff, signed_out_response, this_device

bp = Blueprint("pupil", __name__, url_prefix="/pupil", template_folder="templates")


@bp.before_app_request
def keep_pupils_on_their_tablet():
    """A pupil session lives only on the tablet it began on, while that tablet is enrolled:
    a revoked tablet, or a session cookie copied elsewhere, stops at once (SEC-06, SEC-07).
    Every pupil request counts as activity (the sign-in loader keeps the time, see
    access.PUPIL_TOUCH_EVERY). On the tablet the page's language is the pupil's or the
    tablet's own (pupil.language)."""
    if request.endpoint == "static":  # pictures and styles: no session work per file
        return None
    if not current_user.is_authenticated:
        if request.blueprint == "tablet" and this_device() is not None:
            language.use_tablet_language(g.device, pupil_signed_in=False)
        return None
    if current_user.role != PUPIL:
        return None
    token = current_user.get_id()
    sign_in = tablet.sign_in_on_device(token, request.cookies.get(devices.COOKIE))
    if sign_in is None:
        accounts.end_session(token)
        db.session.commit()
        return signed_out_response()
    g.device = sign_in.device
    g.pupil_sign_in = sign_in
    language.use_tablet_language(sign_in.device, pupil_signed_in=True)
    return None


def current_helper() -> User | None:
    """The adult helping in this session, if any (recorded with what the pupil says)."""
    sign_in = g.get("pupil_sign_in")
    return sign_in.helper if sign_in is not None else None


def me():
    """The signed-in pupil (the object itself, for the permission rules)."""
    return current_user._get_current_object()


def recording_from(form) -> tuple[bytes | None, bool]:
    """The recording sent with a words form; (None, False) with a kind message on the form
    when it is too big, not audio, or there is no room for it (what the pupil typed stays
    in the form). The room is checked in the transaction that keeps it (see check_room)."""
    data, problem = recordings.read_upload(form.recording.data)
    if data is not None:
        problem = recordings.check_room(me(), len(data))
    if problem:
        form.recording.errors = [str(RECORDING_PROBLEMS[problem])]
        return None, False
    return data, True


@bp.context_processor
def recorder_room() -> dict:
    """For the recorder on the words pages: the bytes this pupil may still record. A
    function, so pages without a recorder run no query."""
    return {"recording_room": lambda: recordings.room_left(me())}


def who_sees(*, worry: bool = False) -> str:
    """PRI-05: who will see what the pupil writes, named, in child-friendly words."""
    staff = voice.worry_staff(me()) if worry else voice.voice_staff(me())
    if not staff:
        return _("Your teacher will see this.")
    # English pages already format as en_GB (i18n.FORMAT_LOCALES): no comma before "and"
    names = join_list([user.name for user in staff], str(get_locale()))  # Welsh: a/ac
    if worry:
        return _("Only %(names)s will see this. They will help you.", names=names)
    return _("%(names)s will see this. Your family may see it too.", names=names)


@bp.get("/")
@audience(PUPIL)
def home():
    return render_template("pupil/home.html", helper=current_helper())


@bp.post("/finish")
@audience(PUPIL)
def finish():
    """The big "I've finished" button: back to the class list, nothing left behind."""
    accounts.end_session(current_user.get_id())
    audit.record(current_user, "sign_out", current_user)
    db.session.commit()
    return signed_out_response()


@bp.route("/helper", methods=["GET", "POST"])
@audience(PUPIL)
@sign_in_limits(account_and_address)
def helper():
    """An adult sits down to help: they say who they are, so staff later know how the
    pupil's views were gathered."""
    form = StaffCheckForm()
    error = restore(form) if request.method == "GET" else None
    if form.validate_on_submit():
        user, error = check_staff(form, current_user._get_current_object())
        if user is not None:
            tablet.set_helper(g.pupil_sign_in, current_user, user)
            db.session.commit()
            return see_other(url_for("pupil.home"))
        db.session.commit()  # wrong passwords count towards the staff lockout
    if request.method == "POST":
        return show_again(form, keep=("email",), message=error)
    return render_template("pupil/helper.html", form=form, error=error)


@bp.post("/helper/stop")
@audience(PUPIL)
def helper_stop():
    tablet.set_helper(g.pupil_sign_in, current_user, None)
    db.session.commit()
    return see_other(url_for("pupil.home"))
