"""Print the SMART checker's precision and recall per code over the labelled targets.

Run from the repository root: ``python scripts/smart_report.py`` (add ``--misses`` to
list the targets where the checker and the labels disagree).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pupilvoice.domain import smart  # noqa: E402
from tests.unit.smart_cases import CASES, HELD_OUT, Case  # noqa: E402
from tests.unit.smart_cases_joined import (  # noqa: E402
    FRESH,
    JOINED,
    ONE_SKILL,
    TWO_SKILLS,
    UNSEEN,
)

CODES = ("vague-verb", "no-measure", "no-date", "date-past", "several-skills", "vague-provision")
Score = tuple[int, int, int, float, float]


def found_codes(case: Case) -> set[str]:
    """The codes the checker reports for one labelled target."""
    return {p.code for p in smart.check(case.text, today=case.today, target_date=case.target_date)}


def scores(cases: Sequence[Case]) -> dict[str, Score]:
    """Per code: (true positives, false positives, false negatives, precision, recall)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for case in cases:
        got = found_codes(case)
        for code in CODES:
            tp[code] += code in got and code in case.expected
            fp[code] += code in got and code not in case.expected
            fn[code] += code not in got and code in case.expected
    result = {}
    for code in CODES:
        precision = tp[code] / (tp[code] + fp[code]) if tp[code] + fp[code] else 1.0
        recall = tp[code] / (tp[code] + fn[code]) if tp[code] + fn[code] else 1.0
        result[code] = (tp[code], fp[code], fn[code], precision, recall)
    return result


def table(title: str, cases: Sequence[Case]) -> str:
    lines = [
        f"{title} ({len(cases)} targets)",
        "",
        "| code | labelled | found | false alarms | missed | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for code, (tp, fp, fn, precision, recall) in scores(cases).items():
        lines.append(
            f"| `{code}` | {tp + fn} | {tp} | {fp} | {fn} | {precision:.2f} | {recall:.2f} |"
        )
    return "\n".join(lines)


def misses(cases: Sequence[Case]) -> list[str]:
    lines = []
    for case in cases:
        got = found_codes(case)
        if got != case.expected:
            extra, missing = sorted(got - case.expected), sorted(case.expected - got)
            lines.append(f"{case.text!r}\n    extra {extra} missing {missing}")
    return lines


def main() -> None:
    print(table("All labelled targets", CASES + HELD_OUT + JOINED))
    print()
    print(table("Written before the checker", CASES))
    print()
    print(table("Written after the checker (later used to improve it)", HELD_OUT))
    print()
    print(table("Two skills joined, or not (later used to improve it)", TWO_SKILLS + ONE_SKILL))
    print()
    print(table("Joins written after the first change (later used to improve it)", FRESH))
    print()
    print(table("Joins written after the last change", UNSEEN))
    if "--misses" in sys.argv:
        print()
        print("\n".join(misses(CASES + HELD_OUT + JOINED)) or "no disagreements")


if __name__ == "__main__":
    main()
