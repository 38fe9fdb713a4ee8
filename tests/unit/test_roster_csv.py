"""The roster CSV rules on plain text: every bad row named, duplicates, formula guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from pupilvoice.domain import roster_csv
from pupilvoice.domain.people import AVATARS, clean_initial, parse_year_group
from pupilvoice.domain.roster_csv import EXAMPLE, RosterFileError, decode, parse, to_csv

HEADER = "class,year_group,first_name,surname_initial,sen_stage,avatar,parent_name,parent_email,relationship,language,contact\n"  # noqa: E501
SYMBOLS = Path(__file__).resolve().parents[2] / "pupilvoice" / "static" / "symbols"
DATA = Path(__file__).resolve().parents[1] / "data"


def problems(text: str) -> list[tuple[int, str, str]]:
    return [(p.row, p.code, p.column) for p in parse(text).problems]


def test_every_avatar_has_a_picture():
    assert all((SYMBOLS / f"{name}.svg").is_file() for name in AVATARS)


def test_example_round_trips_without_problems():
    roster = parse(to_csv(EXAMPLE))
    assert roster.ok, roster.problems
    assert [row.first_name for row in roster.rows] == ["", "Sam", "Sam", "Amelia"]
    assert roster.classes == {"oak": ("Oak", 1)}


def test_a_good_row_is_read_and_tidied():
    roster = parse(
        HEADER
        + " Oak , R ,Sam, t. ,SEN support,Fox,Tom  Taylor,Tom@Example.org,Dad,Polski,E-mail\n"
    )
    assert roster.ok, roster.problems
    (row,) = roster.rows
    assert (row.class_name, row.year_group, row.first_name, row.surname_initial) == (
        "Oak",
        0,
        "Sam",
        "T",
    )
    assert (row.sen_stage, row.avatar) == ("sen_support", "fox")
    assert row.parent == roster_csv.ParentEntry(
        "Tom Taylor", "tom@example.org", "father", "pl", "email"
    )


def test_parent_columns_are_optional_and_default():
    roster = parse("class,year_group,first_name,surname_initial\nOak,3,Mia,C\n")
    assert roster.ok
    assert roster.rows[0].sen_stage == "none" and roster.rows[0].parent is None


def test_every_bad_row_is_named_with_what_is_wrong():
    text = HEADER + (
        "Oak,14,Sam,T,,,,,,,\n"  # row 2: year group
        "Oak,2,,T,,,,,,,\n"  # row 3: first name missing
        "Oak,2,Mia,Smith,,,,,,,\n"  # row 4: surname, not an initial
        "Oak,2,Leo,M,maybe,,,,,,\n"  # row 5: SEN stage
        "Oak,2,Ivy,W,,dragon,,,,,\n"  # row 6: avatar
        "Oak,2,Noah,B,,,Ann B,not-an-address,,,\n"  # row 7: e-mail
        "Oak,2,,,,,Ann B,ann@example.org,,,\n"  # row 8: parent without a pupil
        "Oak,2,Ella,D,,,Ann D,ann.d@example.org,aunt,fr,fax\n"  # row 9: three choices
        "Oak,2,Ella,D,,,Ann D,,,,email\n"  # row 10: e-mail without an address
    )
    assert problems(text) == [
        (2, "year_group", "year_group"),
        (3, "required", "first_name"),
        (4, "initial", "surname_initial"),
        (5, "choice", "sen_stage"),
        (6, "choice", "avatar"),
        (7, "email", "parent_email"),
        (8, "parent_without_pupil", ""),
        (9, "choice", "relationship"),
        (9, "choice", "language"),
        (9, "choice", "contact"),
        (10, "email_needed", "contact"),
    ]
    assert parse(text).rows == []


def test_too_long_values_say_the_limit():
    (problem,) = parse(HEADER + "Oak,2," + "A" * 61 + ",T,,,,,,,\n").problems
    assert (problem.code, problem.column, problem.params) == ("too_long", "first_name", {"max": 60})


def test_missing_and_repeated_columns_are_named_and_other_columns_left_out():
    (missing,) = parse("class,first_name\nOak,Sam\n").problems
    assert missing.code == "missing_columns" and missing.params["columns"] == (
        "year_group, surname_initial"
    )
    found = problems("class,year_group,first_name,surname_initial,colour,class\n")
    assert found == [(1, "repeated_columns", "")]
    roster = parse("class,year_group,first_name,surname_initial,Gender\nOak,1,Sam,T,M\n")
    assert roster.ok and roster.ignored == ["Gender"]  # PRI-01: kept nowhere


def test_a_pupil_on_two_rows_must_say_the_same_thing():
    text = HEADER + (
        "Oak,1,Sam,T,sen_support,,Tom T,tom@example.org,father,en,email\n"
        "Oak,1,Sam,T,sen_support,,Ann T,ann@example.org,mother,en,email\n"  # fine: two parents
        "Oak,1,Sam,T,ehcp,,,,,,\n"  # row 4: another SEN stage
        "Oak,1,Mia,C,,,Tom Taylor,tom@example.org,father,en,email\n"  # row 5: another name
        "oak,1,sam,t,sen_support,,Tom T,TOM@example.org,father,cy,email\n"  # row 6: language
    )
    found = parse(text).problems
    assert [(p.row, p.code, p.params) for p in found] == [
        (4, "pupil_differs", {"other": 2}),
        (5, "parent_differs", {"other": 2}),
        (6, "link_differs", {"other": 2}),
    ]


def test_exact_repeats_are_harmless():
    row = "Oak,1,Sam,T,,,Tom T,tom@example.org,father,en,email\n"
    assert parse(HEADER + row + row).ok


def test_a_class_row_sets_the_year_of_a_new_class():
    roster = parse(HEADER + "Willow,4,Ella,D,,,,,,,\nWillow,3,,,,,,,,,\n")
    assert roster.classes == {"willow": ("Willow", 3)}
    assert problems(HEADER + "Willow,3,,,,,,,,,\nwillow,4,,,,,,,,,\n") == [(3, "class_differs", "")]


def test_blank_rows_are_skipped_and_rows_count_like_a_spreadsheet():
    text = HEADER + "\n,,,,,,,,,,\nOak,x,Sam,T,,,,,,,\n"
    assert problems(text) == [(4, "year_group", "year_group")]


def test_quoted_cells_with_commas_and_too_many_cells():
    assert parse(HEADER + 'Oak,1,"Mary, Jane",T,,,,,,,\n').ok
    shifted = "Oak,1,Mary, Jane,T,none,fox,Tom T,tom@example.org,father,en,email\n"
    assert problems(HEADER + shifted) == [(2, "too_many_cells", "")]


def test_semicolons_from_european_spreadsheets():
    roster = parse("class;year_group;first_name;surname_initial\nOak;1;Sam;T\n")
    assert roster.ok and roster.rows[0].first_name == "Sam"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf  \n", "empty"),
        (b"class,year\x81\x8d", "not_utf8"),  # bytes Windows-1252 has no letter for
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_text"),
        (b"x" * (512 * 1024 + 1), "too_big"),
    ],
)
def test_files_that_cannot_be_read(data, code):
    with pytest.raises(RosterFileError) as caught:
        decode(data)
    assert caught.value.code == code


def test_utf8_with_a_byte_order_mark_is_read():
    text = decode("\ufeffclass,year_group,first_name,surname_initial\nOak,1,Łucja,K\n".encode())
    roster = parse(text)
    assert roster.ok and roster.rows[0].first_name == "Łucja"


def test_text_that_is_not_csv():
    with pytest.raises(RosterFileError) as caught:
        parse('class,year_group\n"Oak,1\n')
    assert caught.value.code == "not_csv"


def test_a_file_with_only_the_heading_row():
    assert problems(HEADER) == [(1, "no_rows", "")]


def test_formula_cells_are_guarded_in_the_export_and_read_back():
    assert roster_csv.safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert roster_csv.safe_cell("@SUM") == "'@SUM"
    assert roster_csv.safe_cell("-1") == "'-1"
    assert roster_csv.safe_cell("Sam") == "Sam" and roster_csv.safe_cell(3) == "3"
    text = to_csv(
        [{"class": "=cmd", "year_group": 2, "first_name": "+Sam", "surname_initial": "T"}]
    )
    assert "'=cmd" in text and "'+Sam" in text
    row = parse(text).rows[0]
    assert (row.class_name, row.first_name) == ("=cmd", "+Sam")


def test_initials_and_year_groups():
    assert clean_initial(" t. ") == "T" and clean_initial("Mc") == "MC"
    assert clean_initial("Smith") is None and clean_initial("4") is None
    assert clean_initial("") is None
    assert [parse_year_group(v) for v in ["0", "R", "reception", "Year 6", "13"]] == [
        0,
        0,
        0,
        6,
        13,
    ]
    assert [parse_year_group(v) for v in ["14", "-1", "", "two", "٣"]] == [None] * 5


def test_a_parent_without_an_address_gets_letters_unless_the_file_says_email():
    """Families without e-mail: an empty contact is decided by the import, which knows
    whether the parent already has an address; "email" without one is a problem."""
    text = "class,year_group,first_name,surname_initial,parent_name,parent_email,contact\n"
    roster = parse(text + "Oak,1,Sam,T,Bronwen Hughes,,\n")
    assert roster.ok and roster.rows[0].parent.contact == "" and roster.rows[0].parent.email == ""
    assert problems(text + "Oak,1,Sam,T,Bronwen Hughes,,email\n") == [
        (2, "email_needed", "contact")
    ]
    no_address_column = "class,year_group,first_name,surname_initial,parent_name,contact\n"
    assert parse(no_address_column + "Oak,1,Sam,T,Tom Taylor,email\n").ok  # he may have one


def test_school_system_headings_in_any_order_with_fallbacks():
    text = "Reg. Group;UPN;Legal Surname;Preferred Forename;Forename;Year;SEN Status;DOB\n"
    roster = parse(text + "Oak;a801 2000 1200 1;Thomas;;Samuel;Y1;K;03/05/2019\n")
    assert roster.ok, roster.problems
    (row,) = roster.rows
    assert (row.first_name, row.surname, row.surname_initial) == ("Samuel", "Thomas", "T")
    assert (row.upn, row.year_group, row.sen_stage) == ("A801200012001", 1, "sen_support")
    assert row.born_on.isoformat() == "2019-05-03"  # day first, as British exports write it
    assert not roster.ignored  # the second name for the first name is a fallback, not noise


def test_identifiers_that_cannot_be_right_are_named():
    text = "class,year_group,first_name,surname,surname_initial,upn,date_of_birth\n"
    assert problems(text + "Oak,1,Sam,Thomas,W,A1,\n") == [
        (2, "initial_differs", "surname_initial")
    ]
    assert problems(text + "Oak,1,Sam,,T,A1 <b>,\n") == [(2, "reference", "upn")]
    assert problems(text + "Oak,1,Sam,,T,,31/02/2019\n") == [(2, "date", "date_of_birth")]
    assert problems(text + "Oak,1,Sam,,T,,2019-13-01\n") == [(2, "date", "date_of_birth")]


def test_two_jack_s_with_different_upns_are_two_pupils_in_the_file():
    text = "upn,class,year_group,first_name,surname_initial\n"
    roster = parse(text + "A1,Oak,1,Jack,S\nA2,Oak,1,Jack,S\n")
    assert roster.ok and len({row.pupil_key for row in roster.rows}) == 2


@pytest.mark.parametrize("name", ["mis-export-windows-1252.csv", "mis-export-utf8-bom.csv"])
def test_a_realistic_export_reads_the_same_from_either_encoding(name):
    """Windows-1252 with semicolons, or UTF-8 with a BOM and commas: the same rows."""
    roster = parse(decode((DATA / name).read_bytes()))
    assert roster.ok, roster.problems
    assert [row.first_name for row in roster.rows] == [
        "Sam", "Sam", "Zoë", "Siân", "Jack", "Jack", "Maja"
    ]  # fmt: skip
    assert [row.surname for row in roster.rows][:2] == ["Taylor", "Thomas"]
    assert len({row.pupil_key for row in roster.rows}) == 7  # two Sam T., two Jack S.
    sian = roster.rows[3]
    assert sian.parent.email == "" and sian.parent.contact == "letter"
    assert (sian.parent.language, sian.sen_stage) == ("cy", "sen_support")
    assert roster.ignored == ["Gender"]
