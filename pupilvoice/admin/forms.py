"""Forms of the school administration pages. Each binds only the fields it declares (SEC-12);
choices that depend on the school (classes, staff, pupils) are given by the view."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_wtf.file import FileField, FileRequired
from wtforms import (
    EmailField,
    HiddenField,
    RadioField,
    SearchField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    ValidationError,
)
from wtforms.validators import DataRequired, Email, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..domain import roster_csv
from ..domain.people import (
    AVATARS,
    CONTACT_METHODS,
    FAMILY_LANGUAGES,
    MAX_CLASS_NAME,
    MAX_EMAIL,
    MAX_FIRST_NAME,
    MAX_PERSON_NAME,
    RELATIONSHIPS,
    SEN_STAGES,
    YEAR_GROUPS,
    clean_initial,
)
from ..domain.roles import SENCO, TA, TEACHER
from ..forms import Form
from ..i18n import LANGUAGE_NAMES
from ..i18n import lazy_gettext as _l
from ..labels import (
    AVATAR_LABELS,
    CONTACT_LABELS,
    RELATIONSHIP_LABELS,
    ROLE_LABELS,
    STAGE_LABELS,
    year_label,
)
from ..services import accounts
from .messages import FILE_PROBLEMS

AT_MOST = _l("Write at most %(max)d characters.")
CHOOSE = _l("Choose one of the options in the list.")
NO_ADDRESS = _l("There is no e-mail address, so the school sends a printed letter. Choose that.")
STAFF_ROLE_CHOICES = (TEACHER, TA, SENCO)


def options(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def _choice(label, codes: Iterable[str], names: dict, **kwargs) -> SelectField:
    return SelectField(
        label,
        choices=options((code, names[code]) for code in codes),
        invalid_choice_message=CHOOSE,
        **kwargs,
    )


def _text(label, longest: int, empty: str, **kwargs) -> StringField:
    validators = [DataRequired(empty), Length(max=longest, message=AT_MOST)]
    return StringField(label, validators=validators, **kwargs)


def _email_field(required: bool = True, **kwargs) -> EmailField:
    first = DataRequired(_l("Write their e-mail address.")) if required else Optional()
    return EmailField(
        _l("E-mail address"),
        validators=[
            first,
            Length(max=MAX_EMAIL, message=AT_MOST),
            Email(_l("Write an e-mail address like name@example.org.")),
        ],
        render_kw={"autocomplete": "off"},
        **kwargs,
    )


class MultiCheckboxField(SelectMultipleField):
    """Checkboxes for choosing several things; works without JavaScript."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AccountForm(Form):
    """Name and e-mail address of a staff or parent account; the address must be free."""

    field_order = ("name", "email")  # as the pages show them, whatever subclasses redefine
    name = _text(_l("Name"), MAX_PERSON_NAME, _l("Write their name."))
    email = _email_field()

    def __init__(self, *args, account_id: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.account_id = account_id

    def validate_email(self, field) -> None:
        other = accounts.find_by_email(field.data) if field.data else None
        if other is not None and other.id != self.account_id:
            raise ValidationError(
                _l("This address already has a PupilVoice account. Use another address.")
            )

    def values(self) -> dict[str, Any]:
        return {"name": " ".join(self.name.data.split()), "email": self.email.data or None}


class ParentAccountForm(AccountForm):
    """A parent may have no e-mail address: the school writes to them by letter. Once they
    have an account, the address is how they sign in, so it stays."""

    email = _email_field(
        required=False,
        description=_l("Leave it empty for a family that gets letters only."),
    )
    signs_in = False  # set for a parent who has set up their account

    def validate(self, extra_validators=None) -> bool:
        # Optional() ends the field's own checks when it is empty, so this one is here.
        if not super().validate(extra_validators):
            return False
        if self.signs_in and not self.email.data:
            self.email.errors.append(_l("They sign in with this address, so it must stay."))
            return False
        return True


class StaffInviteForm(AccountForm):
    name = _text(
        _l("Name"),
        MAX_PERSON_NAME,
        _l("Write their name."),
        description=_l("As pupils and parents know them, for example Mrs Khan."),
    )
    role = _choice(_l("Role"), STAFF_ROLE_CHOICES, ROLE_LABELS)


class StaffEditForm(StaffInviteForm):
    """The invitation's fields; the role only for someone else (can_change_role)."""

    def __init__(self, *args, can_change_role: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not can_change_role:
            del self.role  # nobody can demote themselves, so a school keeps its SENCO

    def values(self) -> dict[str, Any]:
        role = {"role": self.role.data} if "role" in self else {}
        return super().values() | role


class ClassForm(Form):
    name = _text(
        _l("Class name"),
        MAX_CLASS_NAME,
        _l("Write the class name."),
        description=_l("As the school calls it, for example Oak or 3B."),
    )
    year_group = SelectField(_l("Year group"), coerce=int, invalid_choice_message=CHOOSE)
    staff = MultiCheckboxField(
        _l("Staff who work with this class"), coerce=int, invalid_choice_message=CHOOSE
    )

    def __init__(self, *args, staff=(), taken=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.year_group.choices = options((n, year_label(n)) for n in YEAR_GROUPS)
        self.staff.choices = options((user.id, user.name) for user in staff)
        self.taken = {name.casefold() for name in taken}

    def validate_name(self, field) -> None:
        if field.data.strip().casefold() in self.taken:
            raise ValidationError(
                _l("There is already a class with this name (look under archived classes too).")
            )


class PupilForm(Form):
    first_name = _text(
        _l("First name"),
        MAX_FIRST_NAME,
        _l("Write the pupil's first name."),
        render_kw={"autocomplete": "off"},
    )
    surname_initial = StringField(
        _l("First letter of the surname"),
        validators=[DataRequired(_l("Write the first letter of the surname, like T."))],
        description=_l("Only the first letter: PupilVoice keeps as little as it needs."),
        render_kw={"autocomplete": "off", "maxlength": 3},
    )
    year_group = SelectField(_l("Year group"), coerce=int, invalid_choice_message=CHOOSE)
    class_id = SelectField(_l("Class"), coerce=int, invalid_choice_message=CHOOSE)
    sen_stage = _choice(_l("SEN stage"), SEN_STAGES, STAGE_LABELS)
    avatar = RadioField(
        _l("Picture"),
        choices=options((name, AVATAR_LABELS[name]) for name in AVATARS),
        invalid_choice_message=_l("Choose a picture."),
        description=_l("The pupil finds their name by this picture. PupilVoice never uses photos."),
    )

    def __init__(self, *args, classes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.year_group.choices = options((n, year_label(n)) for n in YEAR_GROUPS)
        no_class = [(0, _l("No class yet"))]
        self.class_id.choices = options(no_class + [(c.id, c.name) for c in classes])
        if self.class_id.data is None:
            self.class_id.data = 0

    def validate_surname_initial(self, field) -> None:
        if clean_initial(field.data or "") is None:
            raise ValidationError(_l("Write one or two letters, like T."))

    def values(self) -> dict[str, Any]:
        return {
            "first_name": " ".join(self.first_name.data.split()),
            "surname_initial": clean_initial(self.surname_initial.data),
            "year_group": self.year_group.data,
            "class_id": self.class_id.data or None,
            "sen_stage": self.sen_stage.data,
            "avatar": self.avatar.data,
        }


class PupilFilterForm(Form):
    """The filters above the pupil list: a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    class_id = SelectField(_l("Class"), validate_choice=False)
    stage = SelectField(_l("SEN stage"), validate_choice=False)
    show = SelectField(
        _l("Show"),
        choices=options([("current", _l("Current pupils")), ("archived", _l("Archived pupils"))]),
        validate_choice=False,
    )
    q = SearchField(_l("Name"), render_kw={"maxlength": 60, "autocomplete": "off"})

    def __init__(self, formdata, classes=()) -> None:
        super().__init__(formdata)
        everyone = [("", _l("All classes")), ("none", _l("No class yet"))]
        self.class_id.choices = options(everyone + [(str(c.id), c.name) for c in classes])
        self.stage.choices = options(
            [("", _l("Any stage"))] + [(code, STAGE_LABELS[code]) for code in SEN_STAGES]
        )


class LinkForm(Form):
    """Which pupil a parent is linked to, and how the school talks with them about that pupil."""

    pupil_id = SelectField(_l("Child"), coerce=int, invalid_choice_message=CHOOSE)
    relationship_label = _choice(
        _l("Relationship to the child"), RELATIONSHIPS, RELATIONSHIP_LABELS, default="parent"
    )
    preferred_language = _choice(
        _l("Language for letters and e-mails"), FAMILY_LANGUAGES, LANGUAGE_NAMES, default="en"
    )
    contact_method = _choice(
        _l("How the school sends the plan"), CONTACT_METHODS, CONTACT_LABELS, default="email"
    )

    def __init__(self, *args, pupils=(), has_email: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.has_email = has_email
        self.pupil_id.choices = options(
            [(0, _l("Choose a child"))] + [(p.id, _pupil_choice(p)) for p in pupils]
        )

    def validate_pupil_id(self, field) -> None:
        if not field.data:
            raise ValidationError(_l("Choose the child."))

    def validate_contact_method(self, field) -> None:
        if field.data == "email" and not self.has_email:
            raise ValidationError(NO_ADDRESS)

    def link_values(self) -> dict[str, str]:
        return {
            "relationship_label": self.relationship_label.data,
            "preferred_language": self.preferred_language.data,
            "contact_method": self.contact_method.data,
        }


class NewParentForm(ParentAccountForm, LinkForm):
    """A new parent or carer and their first child; more children can be linked after."""

    def validate_contact_method(self, field) -> None:
        if field.data == "email" and not self.email.data:
            raise ValidationError(NO_ADDRESS)


def _pupil_choice(pupil) -> str:
    group = pupil.class_group.name if pupil.class_group else None
    return f"{pupil.display_name} ({group})" if group else pupil.display_name


def _read_roster(data: bytes | str) -> tuple[str, roster_csv.Roster]:
    """The file's text and its checked rows; ValidationError when it is not a CSV file."""
    try:
        text = roster_csv.decode(data if isinstance(data, bytes) else data.encode())
        return text, roster_csv.parse(text)
    except roster_csv.RosterFileError as error:
        raise ValidationError(FILE_PROBLEMS[error.code] % error.params) from None


class RosterUploadForm(Form):
    file = FileField(
        _l("CSV file"),
        validators=[FileRequired(_l("Choose a CSV file."))],
        description=_l(
            "Saved as CSV from a spreadsheet or your school's information system, at most 512 KB."
        ),
        render_kw={"accept": ".csv,text/csv"},
    )
    text = ""
    roster = None

    def validate_file(self, field) -> None:
        data = field.data.stream.read(roster_csv.MAX_BYTES + 1)
        self.text, self.roster = _read_roster(data)


class RosterConfirmForm(Form):
    """Sends the checked file back to be imported; it is checked again (stateless)."""

    text = HiddenField(validators=[DataRequired(), Length(max=roster_csv.MAX_BYTES)])
    roster = None

    def validate_text(self, field) -> None:
        field.data, self.roster = _read_roster(field.data)
