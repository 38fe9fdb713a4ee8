"""The words for what can be wrong with an imported roster file (the codes come from
domain/roster_csv.py and services/roster.py). Each says what to do about it."""

from __future__ import annotations

from ..domain.roster_csv import Problem
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l

FILE_PROBLEMS = {
    "too_big": _l(
        "The file is bigger than %(max_kb)d KB. Split it into smaller files and import "
        "them one after the other."
    ),
    "empty": _l("The file is empty. Choose the file with your classes and pupils in it."),
    "not_text": _l(
        "This is not a CSV file. In your spreadsheet, choose “Save as”, then “CSV UTF-8”."
    ),
    "not_utf8": _l(
        "The file is not saved as UTF-8, so some letters would come out wrong. "
        "In your spreadsheet, choose “Save as”, then “CSV UTF-8”."
    ),
    "not_csv": _l(
        'The file cannot be read as CSV. Check that every double quote (") has a closing '
        "one, or save it again as “CSV UTF-8”."
    ),
    "too_many_rows": _l("The file has more than %(max)d rows. Split it into smaller files."),
}

ROW_PROBLEMS = {
    "required": _l("fill in %(column)s."),
    "too_long": _l("write at most %(max)d characters in %(column)s."),
    "year_group": _l("year group must be a number from 0 to 13 (0 is Reception)."),
    "initial": _l("surname_initial must be one or two letters, like T."),
    "choice": _l("%(column)s must be one of: %(allowed)s."),
    "email": _l("parent_email must be an e-mail address like name@example.org."),
    "parent_without_pupil": _l(
        "a parent needs a pupil on the same row: fill in first_name and surname_initial."
    ),
    "too_many_cells": _l(
        "this row has more cells than the heading row has columns (%(expected)d). "
        "Put any name with a comma in double quotes."
    ),
    "pupil_differs": _l(
        "this pupil is also on row %(other)d with a different year group, SEN stage or "
        "avatar. Make the rows the same."
    ),
    "parent_differs": _l(
        "this parent_email is also on row %(other)d with a different parent_name. "
        "Make the rows the same."
    ),
    "link_differs": _l(
        "this pupil and parent are also on row %(other)d with a different relationship, "
        "language or contact. Make the rows the same."
    ),
    "class_differs": _l(
        "this class is also on row %(other)d with a different year group. Make the rows the same."
    ),
    "repeated_columns": _l("these columns are there twice: %(columns)s. Keep one of each."),
    "missing_columns": _l(
        "add the columns %(columns)s. For surname_initial, a surname column will do."
    ),
    "no_rows": _l("the file has a heading row but nothing under it. Add a row for each pupil."),
    "class_archived": _l(
        "the class %(name)s is archived. Restore it on the Classes page, or use another name."
    ),
    "pupil_archived": _l(
        "the pupil with this UPN is archived. Restore them on the Pupils page, or correct the UPN."
    ),
    "pupil_in_other_class": _l(
        "the pupil with this UPN is in the class %(name)s here. Move them on the Pupils "
        "page first: the import never moves a pupil."
    ),
    "same_pupil_twice": _l(
        "this pupil and the pupil on row %(other)d cannot both be the same child here. "
        "Change one of your answers."
    ),
    "initial_differs": _l("surname_initial must be the first letter of the surname."),
    "reference": _l(
        "upn must be the pupil reference: letters and numbers, at most %(max)d characters."
    ),
    "date": _l("date_of_birth must be a date like 25/03/2017 (day, month, year)."),
    "need": _l(
        "%(column)s must be a census SEN type code, like SPLD, ASD or SEMH, or its name, "
        "like Hearing impairment. Empty means none."
    ),
    "need_off_register": _l(
        "a pupil with the SEN stage none has no need: empty primary_need and "
        "secondary_need, or write the stage."
    ),
    "secondary_without_primary": _l("secondary_need needs a primary_need. Fill it in first."),
    "same_need_twice": _l("secondary_need must be different from primary_need."),
    "email_needed": _l(
        "contact is email, but there is no parent_email. Add the address, or write letter."
    ),
    "email_taken": _l(
        "this parent_email belongs to an account that is not a parent at this school. "
        "Use another address."
    ),
    "parent_archived": _l(
        "this parent is archived. Restore them on the Parents page, then import again."
    ),
}


def describe(problem: Problem) -> str:
    """ "Row 7: year group must be a number from 0 to 13 (0 is Reception)." """
    what = ROW_PROBLEMS[problem.code] % {"column": problem.column, **problem.params}
    return _("Row %(row)d: %(problem)s", row=problem.row, problem=what)
