"""Where a target's time line puts its marks: dates across, measured share up, faces in
their own row, right to left for Urdu, and nothing drawn from nothing."""

from __future__ import annotations

from datetime import date

from pupilvoice.domain import timeline
from pupilvoice.domain.timeline import BASE_Y, FACE_Y, GOAL_Y, LEFT, NOTE_Y, RIGHT, WIDTH

START, REVIEW = date(2027, 1, 4), date(2027, 3, 29)  # 84 days


def test_dates_go_across_from_the_start_to_the_review():
    line = timeline.build(START, REVIEW, [(START, 0, 45), (date(2027, 2, 15), 20, 40)], [])
    first, middle = line.marks
    assert (first.x, middle.x) == (LEFT, LEFT + (RIGHT - LEFT) / 2)
    assert line.line == f"{LEFT:g},{BASE_Y:g} {middle.x:g},{middle.y:g}"


def test_measured_out_of_goes_up_from_none_to_the_whole_total():
    line = timeline.build(START, REVIEW, [(START, 0, 45), (START, 45, 45), (START, 9, 18)], [])
    ys = sorted(m.y for m in line.marks)
    assert ys == [GOAL_Y, (GOAL_Y + BASE_Y) / 2, BASE_Y]
    assert {(m.measured, m.out_of) for m in line.measures} == {(0, 45), (45, 45), (9, 18)}


def test_a_note_without_a_number_sits_in_its_own_row_and_is_not_joined():
    line = timeline.build(START, REVIEW, [(date(2027, 1, 10), None, None)], [])
    (note,) = line.marks
    assert (note.kind, note.y) == ("note", NOTE_Y) and line.line == ""


def test_faces_are_marks_in_their_own_row_with_their_level():
    faces = [(date(2027, 1, 11), 1), (date(2027, 3, 1), 3)]
    line = timeline.build(START, REVIEW, [], faces)
    assert [(m.kind, m.level, m.y) for m in line.marks] == [
        ("face", 1, FACE_Y),
        ("face", 3, FACE_Y),
    ]
    assert line.marks[0].x < line.marks[1].x


def test_marks_come_in_date_order_whatever_order_they_are_given():
    line = timeline.build(
        START, REVIEW, [(date(2027, 3, 1), 30, 45), (date(2027, 1, 20), 10, 45)], [(START, 2)]
    )
    assert [m.on for m in line.marks] == [START, date(2027, 1, 20), date(2027, 3, 1)]


def test_right_to_left_puts_the_start_on_the_right():
    ltr = timeline.build(START, REVIEW, [(START, 1, 2), (REVIEW, 2, 2)], [])
    rtl = timeline.build(START, REVIEW, [(START, 1, 2), (REVIEW, 2, 2)], [], rtl=True)
    assert [m.x for m in rtl.marks] == [WIDTH - m.x for m in ltr.marks]
    assert rtl.marks[0].x == RIGHT and rtl.marks[1].x == LEFT


def test_evidence_outside_the_plan_dates_widens_the_line():
    late = date(2027, 4, 20)
    line = timeline.build(START, REVIEW, [(late, 3, 4)], [(date(2026, 12, 1), 2)])
    assert (line.starts_on, line.ends_on) == (date(2026, 12, 1), late)
    assert [m.x for m in line.marks] == [LEFT, RIGHT]


def test_empty_cases():
    assert timeline.build(None, None, [], []) is None
    empty = timeline.build(START, REVIEW, [], [])
    assert empty.empty and empty.line == "" and empty.measures == ()
    one_day = timeline.build(None, None, [(START, 2, 4)], [])
    assert one_day.marks[0].x == (LEFT + RIGHT) / 2  # no span: the middle, not a division by 0


def test_a_total_of_zero_is_a_note_and_a_value_over_the_total_stays_on_the_picture():
    line = timeline.build(START, REVIEW, [(START, 3, 0), (START, 50, 45)], [])
    assert sorted(m.kind for m in line.marks) == ["measure", "note"]
    assert line.measures[0].y == GOAL_Y
