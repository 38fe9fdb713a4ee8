"""The pupil's voice: About me sorts, "Tell me more", worries, and who hears about them.

Services flush, never commit: the view commits once, then sends any notification.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import cache

from flask import current_app, g, render_template
from flask_babel import force_locale
from sqlalchemy import Select, and_, bindparam, case, func, literal_column, or_, select, union_all
from sqlalchemy.orm import joinedload

from ..domain import worry_words
from ..domain.roles import SENCO, STAFF_ROLES, TEACHER
from ..extensions import db
from ..i18n import gettext as _
from ..links import public_url
from ..models import (
    AuditEvent,
    ClassGroup,
    ClassStaff,
    Proposal,
    Pupil,
    SelfRating,
    Sort,
    SortChoice,
    TopicCard,
    User,
    Worry,
    WorryWord,
)
from ..models.base import utcnow
from ..models.voice import PLACES, SKIPPED
from . import audit, mail, recordings

# key, symbol, flag to staff when disliked (exclusion and bullying show up here)
DEFAULT_CARDS = [
    ("reading", "books", False),
    ("writing", "pencil", False),
    ("maths", "abacus", False),
    ("playtime", "slide", True),
    ("lunchtime", "lunch", True),
    ("friends", "friends", True),
    ("my_teacher", "teacher", False),
    ("noise", "noise", False),
    ("pe", "running-shoe", False),
    ("homework", "homework", False),
    ("getting_help", "hand-up", False),
    ("art", "art", False),
]
# A sort started this recently is carried on (or changed) rather than started afresh.
SORT_WINDOW = timedelta(days=7)
MAX_WORDS = 1000  # characters a pupil may write in one box
REPEAT_WINDOW = timedelta(minutes=2)  # a double tap does not raise a worry twice
CHANGE_MIND_WINDOW = timedelta(seconds=20)  # a second face this soon replaces the first
AREAS = ("reading", "writing", "maths", "talking", "friends", "feelings", "myself", "moving")
STARTERS = ("i_can", "better", "helps")
LEVELS = (1, 2, 3)


# --- the school's cards and word list ----------------------------------------------------


def ensure_defaults(school_id: int) -> None:
    """Give a school the built-in cards and worry words the first time it needs them."""
    has_cards = db.session.execute(
        select(func.count()).select_from(TopicCard).where(TopicCard.school_id == school_id)
    ).scalar_one()
    if has_cards:
        return
    for position, (key, symbol, flag) in enumerate(DEFAULT_CARDS):
        db.session.add(
            TopicCard(
                school_id=school_id,
                key=key,
                symbol=symbol,
                position=position,
                tell_staff_if_disliked=flag,
            )
        )
    existing = set(
        db.session.execute(select(WorryWord.word).where(WorryWord.school_id == school_id)).scalars()
    )
    for word in worry_words.DEFAULT_WORDS:
        if word not in existing:
            db.session.add(WorryWord(school_id=school_id, word=word))
    db.session.flush()


# Built once, like the other statements every About me page runs (building a statement
# costs SQLAlchemy about as much as running it).
_ACTIVE_CARDS = (
    select(TopicCard)
    .where(TopicCard.school_id == bindparam("school_id"), TopicCard.retired_at.is_(None))
    .order_by(TopicCard.position, TopicCard.id)
)


def active_cards(school_id: int) -> list[TopicCard]:
    return list(db.session.scalars(_ACTIVE_CARDS, {"school_id": school_id}))


def school_words(school_id: int) -> list[str]:
    return list(
        db.session.execute(
            select(WorryWord.word).where(WorryWord.school_id == school_id).order_by(WorryWord.word)
        ).scalars()
    )


# --- About me ------------------------------------------------------------------------------


# Every About me page reads the sort's choices (which cards are done, which is chosen),
# so they come with it in the same query.
_CURRENT_SORT = (
    select(Sort)
    .where(Sort.pupil_id == bindparam("pupil_id"), Sort.started_at > bindparam("since"))
    .order_by(Sort.started_at.desc(), Sort.id.desc())
    .limit(1)
    .options(joinedload(Sort.choices))
)


def current_sort(pupil: Pupil) -> Sort | None:
    """The pupil's sort from the last few days (with its choices), if there is one."""
    found = db.session.scalars(
        _CURRENT_SORT, {"pupil_id": pupil.id, "since": utcnow() - SORT_WINDOW}
    )
    return found.unique().first()


def open_sort(pupil: Pupil) -> Sort:
    """Carry on with this week's sort, or start a new one (kept with its date)."""
    sort = current_sort(pupil)
    if sort is None:
        sort = Sort(school_id=pupil.school_id, pupil_id=pupil.id)
        db.session.add(sort)
        db.session.flush()
        audit.record(pupil, "start_sort", sort)
    return sort


def choice_for(sort: Sort, card: TopicCard) -> SortChoice | None:
    return next((c for c in sort.choices if c.card_id == card.id), None)


def next_card(sort: Sort, cards: Sequence[TopicCard]) -> TopicCard | None:
    """The first card the pupil has not answered (or skipped) yet."""
    answered = {choice.card_id for choice in sort.choices}
    return next((card for card in cards if card.id not in answered), None)


def choose(
    sort: Sort, card: TopicCard, place: str, pupil: Pupil, helper: User | None
) -> SortChoice:
    """Put a card in a place (or skip it); changing your mind just moves it."""
    if place not in (*PLACES, SKIPPED):
        raise ValueError(f"unknown place {place!r}")
    choice = choice_for(sort, card)
    if choice is None:
        choice = SortChoice(school_id=sort.school_id, sort=sort, card=card, place=place)
        db.session.add(choice)
    choice.place = place
    choice.helper_id = helper.id if helper else None
    choice.chosen_at = utcnow()
    if next_card(sort, active_cards(sort.school_id)) is None and sort.finished_at is None:
        sort.finished_at = utcnow()
    db.session.flush()
    audit.record(pupil, "sort_card", choice, place=place, card=card.id)
    return flag_if_needed(choice, pupil, helper)


def tell_more(
    choice: SortChoice,
    words: str,
    pupil: Pupil,
    helper: User | None,
    recording: bytes | None = None,
) -> SortChoice:
    choice.words = words.strip()[:MAX_WORDS] or None
    recordings.replace(choice, pupil, recording)
    if helper is not None:
        choice.helper_id = helper.id
    db.session.flush()
    audit.record(pupil, "tell_more", choice, card=choice.card_id)
    return flag_if_needed(choice, pupil, helper)


def flag_reasons(choice: SortChoice, pupil: Pupil) -> list[dict]:
    """Why a dislike needs a member of staff to look (empty: it does not)."""
    if choice.place != "dislike":
        return []
    reasons = []
    if choice.card.tell_staff_if_disliked:
        reasons.append({"kind": "card", "matched": "", "listed": choice.card.key or ""})
    names = people_names(pupil)
    flags = worry_words.find_flags(choice.words or "", school_words(pupil.school_id), names)
    return reasons + [flag.as_dict() for flag in flags]


def flag_if_needed(choice: SortChoice, pupil: Pupil, helper: User | None) -> SortChoice:
    """Raise (or bring up to date) the staff flag for a dislike that needs a look."""
    reasons = flag_reasons(choice, pupil)
    flag = db.session.execute(select(Worry).where(Worry.sort_choice_id == choice.id)).scalar()
    if not reasons:
        return choice
    if flag is None:
        flag = Worry(
            school_id=pupil.school_id, pupil_id=pupil.id, source="about_me", sort_choice=choice
        )
        db.session.add(flag)
        _pending_notifications().append(flag)
    elif not flag.is_open:
        return choice  # staff already dealt with it; the new words show in the sort
    flag.reasons = reasons
    flag.words = choice.words
    flag.helper_id = helper.id if helper else None
    db.session.flush()
    return choice


def people_names(pupil: Pupil) -> list[str]:
    """Names a pupil might write: the school's other pupils and its staff."""
    return people_names_in(pupil.school_id, leave_out=pupil.id)


def people_names_in(school_id: int, leave_out: int | None = None) -> list[str]:
    pupils = db.session.execute(
        select(Pupil.first_name).where(
            Pupil.school_id == school_id, Pupil.id != (leave_out or 0), Pupil.archived_at.is_(None)
        )
    ).scalars()
    staff = db.session.execute(
        select(User.name).where(
            User.school_id == school_id,
            User.role.in_(STAFF_ROLES),
            User.archived_at.is_(None),
        )
    ).scalars()
    return [*pupils, *staff]


# --- "I can..." targets and self-ratings ----------------------------------------------------


def proposals_of(pupil: Pupil) -> list[Proposal]:
    return list(
        db.session.execute(
            select(Proposal)
            .where(Proposal.pupil_id == pupil.id)
            .order_by(Proposal.created_at.desc(), Proposal.id.desc())
        ).scalars()
    )


# The "I can..." page lists the pupil's ideas, each with its latest face (none when not
# rated yet): one query, built once. Only the last face is read, however many there are.
_LAST_LEVEL = (
    select(SelfRating.level)
    .where(SelfRating.proposal_id == Proposal.id)
    .order_by(SelfRating.created_at.desc(), SelfRating.id.desc())
    .limit(1)
    .scalar_subquery()
)
_PROPOSALS_WITH_LAST_LEVEL = (
    select(Proposal, _LAST_LEVEL)
    .where(Proposal.pupil_id == bindparam("pupil_id"))
    .order_by(Proposal.created_at.desc(), Proposal.id.desc())
)


def proposals_with_last_levels(pupil: Pupil) -> tuple[list[Proposal], dict[int, int]]:
    """The pupil's proposals, newest first (as ``proposals_of``), and each one's latest
    face by proposal id; a proposal not rated yet has none."""
    rows = db.session.execute(_PROPOSALS_WITH_LAST_LEVEL, {"pupil_id": pupil.id}).all()
    levels = {proposal.id: level for proposal, level in rows if level is not None}
    return [proposal for proposal, _level in rows], levels


def propose(
    pupil: Pupil,
    area: str,
    starter: str,
    words: str,
    helper: User | None,
    recording: bytes | None = None,
) -> Proposal:
    if area not in AREAS or starter not in STARTERS:
        raise ValueError("unknown area or sentence starter")
    proposal = Proposal(
        school_id=pupil.school_id,
        pupil_id=pupil.id,
        area=area,
        starter=starter,
        words=words.strip()[:MAX_WORDS] or None,
        helper_id=helper.id if helper else None,
    )
    db.session.add(proposal)
    recordings.replace(proposal, pupil, recording)
    db.session.flush()
    audit.record(pupil, "propose_target", proposal)
    return proposal


def rate(proposal: Proposal, level: int, pupil: Pupil, helper: User | None) -> SelfRating:
    """Add a face to the pupil's picture of progress. Tapping another face straight away
    changes the last one instead (a double tap or a quick change of mind)."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    last = proposal.ratings[-1] if proposal.ratings else None
    if last is not None and utcnow() - last.created_at < CHANGE_MIND_WINDOW:
        rating = last
    else:
        rating = SelfRating(
            school_id=proposal.school_id, pupil_id=pupil.id, proposal=proposal, level=level
        )
        db.session.add(rating)
    rating.level = level
    rating.helper_id = helper.id if helper else None
    db.session.flush()
    audit.record(pupil, "self_rating", rating, proposal=proposal.id, level=level)
    return rating


# --- worries -------------------------------------------------------------------------------


def raise_worry(
    pupil: Pupil, kind: str, words: str, helper: User | None, recording: bytes | None = None
) -> Worry:
    """The pupil tapped "Something worries me". A double tap does not raise it twice."""
    words = words.strip()[:MAX_WORDS] or None
    recent = db.session.execute(
        select(Worry).where(
            Worry.pupil_id == pupil.id,
            Worry.source == "pupil",
            Worry.kind == kind,
            Worry.raised_at > utcnow() - REPEAT_WINDOW,
        )
    ).scalar()
    if recent is not None and recent.words == words and recording is None:
        return recent
    worry = Worry(
        school_id=pupil.school_id,
        pupil_id=pupil.id,
        source="pupil",
        kind=kind,
        words=words,
        helper_id=helper.id if helper else None,
    )
    if recording is not None:
        worry.recording = recordings.keep(pupil, recording, "worry")
    db.session.add(worry)
    db.session.flush()
    audit.record(pupil, "raise_worry", worry)
    _pending_notifications().append(worry)
    return worry


# Built once: the worry page asks on every visit, and building this statement costs
# SQLAlchemy about as much as running it. A pupil without a class has no class teachers
# (no class_staff row has an empty class), so only the SENCOs are found.
_WORRY_STAFF = (
    select(User)
    .where(
        User.archived_at.is_(None),
        or_(
            and_(
                User.role == TEACHER,
                User.id.in_(
                    select(ClassStaff.user_id).where(ClassStaff.class_id == bindparam("class_id"))
                ),
            ),
            and_(User.role == SENCO, User.school_id == bindparam("school_id")),
        ),
    )
    .order_by(case((User.role == TEACHER, 0), else_=1), User.id)
)


def worry_staff(pupil: Pupil) -> list[User]:
    """Who a worry goes to: the pupil's class teachers, then the school's SENCOs (each
    in the order they joined), in one query."""
    found = db.session.scalars(
        _WORRY_STAFF, {"class_id": pupil.class_id, "school_id": pupil.school_id}
    )
    return list(found)


def voice_staff(pupil: Pupil) -> list[User]:
    """Who sees what a pupil says in About me and "I can...": class staff and SENCOs."""
    class_staff = []
    if pupil.class_id is not None:
        group = db.session.get(ClassGroup, pupil.class_id)
        class_staff = [u for u in group.staff if u.is_active]
    return _unique([*class_staff, *worry_staff(pupil)])


def _unique(users: list[User]) -> list[User]:
    seen, result = set(), []
    for user in users:
        if user.id not in seen:
            seen.add(user.id)
            result.append(user)
    return result


def _pending_notifications() -> list[Worry]:
    if "worries_to_send" not in g:
        g.worries_to_send = []
    return g.worries_to_send


def send_notifications() -> None:
    """After the commit: tell staff a pupil has raised a worry, never what it says.

    A mail failure is logged, not shown to the pupil: the worry is saved and highlighted
    on the staff pages either way.
    """
    for worry in _pending_notifications():
        for user in worry_staff(worry.pupil):
            try:
                _send_worry_mail(user, worry)
            except Exception:  # one bad address must not stop the others
                current_app.logger.exception("could not send a worry notification")
    _pending_notifications().clear()


def _send_worry_mail(user: User, worry: Worry) -> None:
    with force_locale(user.locale or "en"):
        link = public_url("staff.pupil", pupil_id=worry.pupil_id)
        body = render_template("staff/mail_worry.txt", user=user, worry=worry, link=link)
        mail.send(user.email, _("PupilVoice: a pupil has raised a worry"), body)


# --- the staff side -----------------------------------------------------------------------


def sorts_of(pupil: Pupil, limit: int = 2) -> list[Sort]:
    """The pupil's latest sorts that have at least one card sorted, newest first."""
    return list(
        db.session.execute(
            select(Sort)
            .where(Sort.pupil_id == pupil.id, Sort.choices.any())
            .order_by(Sort.started_at.desc(), Sort.id.desc())
            .limit(limit)
        ).scalars()
    )


def worries_of(pupil: Pupil) -> list[Worry]:
    """Open worries first (oldest first: they have waited longest), then closed ones."""
    rows = db.session.execute(
        select(Worry).where(Worry.pupil_id == pupil.id).order_by(Worry.raised_at)
    ).scalars()
    rows = list(rows)
    return [w for w in rows if w.is_open] + [w for w in reversed(rows) if not w.is_open]


def close_worry(worry: Worry, action: str, by: User) -> None:
    """Record what staff did; the worry stops being highlighted."""
    if not worry.is_open:
        return
    worry.action_taken = action.strip()
    worry.closed_at = utcnow()
    worry.closed_by_id = by.id
    audit.record(by, "close_worry", worry, pupil=worry.pupil_id)


def _latest_voice_queries(pupil_ids, with_worries: bool) -> list[Select]:
    """(pupil id, when) for each way a pupil speaks: sorting a card, proposing, rating and,
    for those who see worries, raising one."""
    queries = [
        select(Sort.pupil_id, func.max(SortChoice.chosen_at))
        .join(SortChoice, SortChoice.sort_id == Sort.id)
        .where(Sort.pupil_id.in_(pupil_ids))
        .group_by(Sort.pupil_id),
        select(Proposal.pupil_id, func.max(Proposal.created_at))
        .where(Proposal.pupil_id.in_(pupil_ids))
        .group_by(Proposal.pupil_id),
        select(SelfRating.pupil_id, func.max(SelfRating.created_at))
        .where(SelfRating.pupil_id.in_(pupil_ids))
        .group_by(SelfRating.pupil_id),
    ]
    if with_worries:
        queries.append(
            select(Worry.pupil_id, func.max(Worry.raised_at))
            .where(Worry.pupil_id.in_(pupil_ids))
            .group_by(Worry.pupil_id)
        )
    return queries


def _last_looked_query(pupil_ids, user_id) -> Select:
    """(pupil id, when) this member of staff last opened each pupil's page (audit log)."""
    return (
        select(AuditEvent.object_id, func.max(AuditEvent.created_at))
        .where(
            AuditEvent.actor_user_id == user_id,
            AuditEvent.action == "view_voice",
            AuditEvent.object_type == "Pupil",
            AuditEvent.object_id.in_(pupil_ids),
        )
        .group_by(AuditEvent.object_id)
    )


@cache
def _voice_and_look_statement(with_worries: bool):
    """The union of the queries above, built once for each kind of reader (building it
    costs SQLAlchemy more than running it on the staff home); kind 0 is voice, 1 a look."""
    ids = bindparam("pupil_ids", expanding=True)
    said, looked = literal_column("0"), literal_column("1")
    parts = [q.add_columns(said) for q in _latest_voice_queries(ids, with_worries)]
    parts.append(_last_looked_query(ids, bindparam("user_id")).add_columns(looked))
    return union_all(*parts)


def last_voice_and_look(
    pupil_ids: Sequence[int], user: User, with_worries: bool
) -> tuple[dict[int, datetime], dict[int, datetime]]:
    """When each pupil last said something, and when ``user`` last looked: one query."""
    latest: dict[int, datetime] = {}
    last_looked: dict[int, datetime] = {}
    found_rows = db.session.execute(
        _voice_and_look_statement(with_worries), {"pupil_ids": list(pupil_ids), "user_id": user.id}
    )
    for pupil_id, when, kind in found_rows:
        when = _aware(when)
        found = last_looked if kind == 1 else latest
        if when is not None and (pupil_id not in found or when > found[pupil_id]):
            found[pupil_id] = when
    return latest, last_looked


def open_worry_counts(pupil_ids: Sequence[int]) -> dict[int, int]:
    rows = db.session.execute(
        select(Worry.pupil_id, func.count())
        .where(Worry.pupil_id.in_(pupil_ids), Worry.closed_at.is_(None))
        .group_by(Worry.pupil_id)
    )
    return dict(rows.all())


def _aware(when: datetime | None) -> datetime | None:
    """max() over a UTC column comes back without its zone on SQLite."""
    if when is not None and when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when


def staff_marks(pupil_ids: Sequence[int], user: User) -> dict[int, dict]:
    """For the staff home: which pupils have said something new since this person last
    looked, and (for teachers and the SENCO) how many worries are open."""
    sees_worries = user.role in {SENCO, TEACHER}
    voiced, looked = last_voice_and_look(pupil_ids, user, with_worries=sees_worries)
    worries = open_worry_counts(pupil_ids) if sees_worries else {}
    return {
        pupil_id: {
            "new": pupil_id in voiced
            and (pupil_id not in looked or voiced[pupil_id] > looked[pupil_id]),
            "worries": worries.get(pupil_id, 0),
        }
        for pupil_id in pupil_ids
    }


# --- the SENCO's settings: About me cards and worry words -----------------------------------

MAX_WORRY_WORDS = 200


def all_cards(school_id: int) -> list[TopicCard]:
    """Cards in use (in the order pupils see them), then retired ones."""
    cards = db.session.execute(
        select(TopicCard)
        .where(TopicCard.school_id == school_id)
        .order_by(TopicCard.position, TopicCard.id)
    ).scalars()
    cards = list(cards)
    return [c for c in cards if c.is_active] + [c for c in cards if not c.is_active]


def save_card(
    card: TopicCard | None,
    school_id: int,
    word: str | None,
    symbol: str,
    tell_staff: bool,
    by: User,
) -> TopicCard:
    """Add a card (at the end) or change one. ``word`` None keeps a built-in card's own
    translated word."""
    if card is None:
        last = db.session.execute(
            select(func.max(TopicCard.position)).where(TopicCard.school_id == school_id)
        ).scalar()
        card = TopicCard(school_id=school_id, position=(last or 0) + 1)
        db.session.add(card)
    card.word = word.strip()[:60] if word else None
    card.symbol = symbol
    card.tell_staff_if_disliked = tell_staff
    db.session.flush()
    audit.record(by, "save_card", card, word=card.word or card.key, symbol=symbol)
    return card


def retire_card(card: TopicCard, by: User, retire: bool = True) -> None:
    """Take a card out of About me (or bring it back); past sorts keep it."""
    card.retired_at = utcnow() if retire else None
    audit.record(by, "retire_card" if retire else "restore_card", card)


def move_card(card: TopicCard, step: int, by: User) -> None:
    """Move a card one place earlier (-1) or later (+1) among the cards in use."""
    cards = active_cards(card.school_id)
    for position, each in enumerate(cards):
        each.position = position
    index = cards.index(card)
    other = index + step
    if 0 <= other < len(cards):
        cards[index].position, cards[other].position = other, index
        audit.record(by, "move_card", card, step=step)
    db.session.flush()


def set_worry_words(school_id: int, entries: Sequence[str], by: User) -> list[str]:
    """Replace the school's worry word list; returns the list as saved."""
    wanted = list(dict.fromkeys(worry_words.normalise(e) for e in entries))
    wanted = [w for w in wanted if w][:MAX_WORRY_WORDS]
    existing = {
        row.word: row
        for row in db.session.execute(
            select(WorryWord).where(WorryWord.school_id == school_id)
        ).scalars()
    }
    for word, row in existing.items():
        if word not in wanted:
            db.session.delete(row)
    for word in wanted:
        if word not in existing:
            db.session.add(WorryWord(school_id=school_id, word=word))
    db.session.flush()
    audit.record(by, "set_worry_words", by.school, count=len(wanted))
    return wanted
