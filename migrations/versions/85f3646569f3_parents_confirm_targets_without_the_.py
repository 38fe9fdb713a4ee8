"""Parents confirm targets without the pupil's child-friendly words

Revision ID: 85f3646569f3
Revises: 6ffd84055c3b
Create Date: 2026-12-07

Issue 13, item 10: a parent's answer to a target keeps a hash of the words they read. The
pupil's child-friendly words (``child_text``) were in that hash though no family page or
copy shows them, so changing them asked parents again. Each answer's hash is worked out
again from the version the parent answered, without them; an answer whose hash did not
match that version (it was stale already) is left as it was. Downgrading puts them back.
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "85f3646569f3"
down_revision = "6ffd84055c3b"
branch_labels = None
depends_on = None

# The fields as they were and as they are: frozen here, whatever the code says later.
NOW = (
    "area", "smart_text", "pupil_words", "baseline", "success_criteria", "strategies",
    "provider", "group_size", "sessions_per_week", "minutes_per_session", "weeks",
    "location", "target_on", "home_text",
)  # fmt: skip
BEFORE = NOW[:2] + ("child_text",) + NOW[2:]

answers = sa.table(
    "parent_response",
    sa.column("id", sa.Integer),
    sa.column("plan_id", sa.Integer),
    sa.column("target_id", sa.Integer),
    sa.column("plan_version", sa.Integer),
    sa.column("target_hash", sa.String),
)
versions = sa.table(
    "plan_version",
    sa.column("plan_id", sa.Integer),
    sa.column("number", sa.Integer),
    sa.column("snapshot", sa.JSON),
)


def _hash(fields: dict, names: tuple) -> str:
    shown = {name: "" if fields.get(name) is None else fields.get(name) for name in names}
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rehash(old: tuple, new: tuple) -> None:
    conn = op.get_bind()
    query = (
        sa.select(answers.c.id, answers.c.target_id, answers.c.target_hash, versions.c.snapshot)
        .join(
            versions,
            sa.and_(
                versions.c.plan_id == answers.c.plan_id,
                versions.c.number == answers.c.plan_version,
            ),
        )
        .where(answers.c.target_id.is_not(None))
    )
    for row_id, target_id, kept, snapshot in conn.execute(query).all():
        if isinstance(snapshot, str):
            snapshot = json.loads(snapshot)
        fields = (snapshot or {}).get("targets", {}).get(str(target_id))
        if fields is None or kept != _hash(fields, old):
            continue
        conn.execute(
            answers.update().where(answers.c.id == row_id).values(target_hash=_hash(fields, new))
        )


def upgrade():
    _rehash(BEFORE, NOW)


def downgrade():
    _rehash(NOW, BEFORE)
