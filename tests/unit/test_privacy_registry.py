"""PRI-02: every model that holds personal data is in the privacy registry, with each of
its personal columns, a way to reach its people, and a rule for export, erasure and
retention. A new model or column with personal data fails here until it is registered."""

import pytest
from sqlalchemy import JSON, LargeBinary, Text
from sqlalchemy.orm import class_mapper

from pupilvoice.extensions import db
from pupilvoice.models import privacy
from pupilvoice.models.privacy import BY_MODEL, NOT_PERSONAL, REGISTRY, RETENTION

# Column names that hold personal data whatever their type.
_PERSONAL_NAMES = {"first_name", "surname", "surname_initial", "email", "born_on", "upn"}
_PEOPLE_TABLES = {"pupil", "user"}


def _models() -> list[type]:
    return sorted((m.class_ for m in db.Model.registry.mappers), key=lambda m: m.__name__)


def _points_at_people(column) -> bool:
    return any(fk.column.table.name in _PEOPLE_TABLES for fk in column.foreign_keys)


def _personal_columns(model: type) -> set[str]:
    """Columns that name a person, point at one, or hold free text, a recording or JSON."""
    return {
        column.key
        for column in model.__table__.columns
        if column.key in _PERSONAL_NAMES
        or _points_at_people(column)
        or isinstance(column.type, Text | LargeBinary | JSON)
    }


def test_every_model_is_registered_or_said_to_hold_nothing_personal():
    for model in _models():
        assert (model in BY_MODEL) != (model in NOT_PERSONAL), (
            f"{model.__name__}: add it to pupilvoice/models/privacy.py (PRI-02)"
        )


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_personal_column_is_listed(model):
    listed = set(BY_MODEL[model].fields) if model in BY_MODEL else set()
    missing = _personal_columns(model) - listed
    assert not missing, f"{model.__name__}: register {sorted(missing)} in the privacy registry"


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda e: e.model.__name__)
def test_an_entry_names_real_columns_and_rules(entry):
    columns = set(entry.model.__table__.columns.keys())
    assert set(entry.fields) <= columns
    assert entry.erase in {"delete", "detach", "scrub"}
    assert entry.keep in RETENTION
    assert set(entry.export) <= {privacy.PUPIL, privacy.PARENT}
    assert set(entry.about) <= {privacy.PUPIL, privacy.PARENT, privacy.STAFF}
    assert entry.why and entry.reach


def _next_model(model: type, step: str) -> type:
    """Follow ``step``: a relationship of that name, or the foreign key ``<step>_id``."""
    relationships = class_mapper(model).relationships
    if step in relationships:
        return relationships[step].mapper.class_
    (key,) = model.__table__.columns[f"{step}_id"].foreign_keys
    (found,) = [m.class_ for m in db.Model.registry.mappers if m.local_table is key.column.table]
    return found


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda e: e.model.__name__)
def test_each_reach_path_leads_to_a_column(entry):
    """ "sort.pupil_id" follows the relationship ``sort`` and ends on a real column."""
    for path in entry.reach:
        model, *steps, column = [entry.model, *path.split(".")]
        for step in steps:
            model = _next_model(model, step)
        assert column in model.__table__.columns, f"{entry.model.__name__}: {path}"


def test_models_said_to_hold_nothing_personal_do_not_point_at_people():
    for model in NOT_PERSONAL:
        assert not _personal_columns(model), model.__name__


def test_every_registered_kind_has_a_plain_name_for_the_senco():
    from pupilvoice.privacy_labels import KIND_LABELS

    assert {entry.model.__name__ for entry in REGISTRY} == set(KIND_LABELS)
