"""Picture passwords cool down after wrong tries instead of locking

Revision ID: 9f1eda1a8390
Revises: a69c6dc263f5
Create Date: 2026-12-07 14:44:52.581281

"""
from alembic import op
import sqlalchemy as sa

import pupilvoice.models.base


# revision identifiers, used by Alembic.
revision = '9f1eda1a8390'
down_revision = 'a69c6dc263f5'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('picture_key', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cooldown_round', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('cooldown_until', pupilvoice.models.base.UTCDateTime(timezone=True), nullable=True))
    # A pupil locked before this change may try again now, but staff still see them on
    # the staff home (one cool-down round) until they get their pictures right.
    op.execute("UPDATE picture_key SET cooldown_round = 1, wrong_tries = 0 WHERE locked_at IS NOT NULL")
    with op.batch_alter_table('picture_key', schema=None) as batch_op:
        batch_op.alter_column('cooldown_round', server_default=None)
        batch_op.drop_column('locked_at')


def downgrade():
    with op.batch_alter_table('picture_key', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_at', pupilvoice.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.drop_column('cooldown_until')
        batch_op.drop_column('cooldown_round')
