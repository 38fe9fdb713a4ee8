"""The SENCO's provision catalogue and a term's provision map (page, CSV and print)."""

from __future__ import annotations

from decimal import Decimal

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_currency
from flask_login import current_user

from ..access import audience
from ..domain.provision_costs import hours_and_minutes
from ..domain.roles import SENCO
from ..domain.terms import current_term, nearby_terms, term_for
from ..extensions import db
from ..i18n import gettext as _
from ..i18n import today
from ..provision_labels import COST_KIND_LABELS, NEED_AREA_LABELS, term_name
from ..services import audit, classes, provision_map, provisions
from .provision_forms import ProvisionForm
from .routes import bp


def pounds(pence: int | None) -> str:
    return "" if pence is None else format_currency(Decimal(pence) / 100, "GBP")


def hours(minutes: int) -> str:
    whole, left = hours_and_minutes(minutes)
    return _("%(hours)s h %(minutes)s min", hours=whole, minutes=str(left).zfill(2))


@bp.get("/provisions")
@audience(SENCO)
def provision_list():
    return render_template(
        "staff/provisions.html",
        items=provisions.catalogue(current_user.school_id),
        pounds=pounds,
        need_labels=NEED_AREA_LABELS,
        cost_labels=COST_KIND_LABELS,
    )


@bp.route("/provisions/new", methods=["GET", "POST"])
@audience(SENCO)
def provision_new():
    form = ProvisionForm()
    if form.validate_on_submit():
        provisions.create(current_user, form.values())
        db.session.commit()
        flash(_("The provision is saved."), "success")
        return redirect(url_for("staff.provision_list"))
    return _form_page(form, None)


@bp.route("/provisions/<int:provision_id>", methods=["GET", "POST"])
@audience(SENCO)
def provision_edit(provision_id: int):
    found = provisions.find(current_user.school_id, provision_id) or abort(404)
    form = ProvisionForm(obj=found)
    if form.validate_on_submit():
        changed = provisions.edit(current_user, found, form.values())
        db.session.commit()
        flash(
            _("The provision is saved.") + " " + _("Plans updated: %(num)d.", num=len(changed)),
            "success",
        )
        return redirect(url_for("staff.provision_list"))
    return _form_page(form, found)


def _form_page(form: ProvisionForm, found) -> tuple[str, int] | str:
    page = render_template("staff/provision_form.html", form=form, provision=found)
    return (page, 422) if form.errors else page


def _chosen():
    """The term and class the map is for, from the query string (bad values: 404)."""
    term = (
        term_for(request.args.get("term", "")) if "term" in request.args else current_term(today())
    )
    if term is None:
        abort(404)
    groups = classes.open_classes(current_user.school_id)
    class_id = request.args.get("class_id", "")
    group = None
    if class_id:
        group = next((g for g in groups if str(g.id) == class_id), None) or abort(404)
    return term, groups, group


@bp.get("/provision-map")
@audience(SENCO)
def provision_map_page():
    term, groups, group = _chosen()
    found = provision_map.provision_map(current_user.school_id, term, group.id if group else None)
    return render_template(
        "staff/provision_map.html",
        found=found,
        term=term,
        term_name=term_name,
        terms=nearby_terms(today()),
        groups=groups,
        group=group,
        pounds=pounds,
        hours=hours,
    )


@bp.get("/provision-map.csv")
@audience(SENCO)
def provision_map_csv():
    term, _groups, group = _chosen()
    found = provision_map.provision_map(current_user.school_id, term, group.id if group else None)
    # a list of pupils leaves the school: kept in the audit log, like the roster's export
    audit.record(
        current_user,
        "provision_map_exported",
        group or current_user.school,
        term=term.key,
        rows=len(found.rows),
    )
    db.session.commit()
    name = f"provision-map-{term.key}{'-class-' + str(group.id) if group else ''}.csv"
    response = Response(provision_map.to_csv(found), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
