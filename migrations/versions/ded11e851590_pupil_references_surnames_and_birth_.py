"""pupil references, surnames and birth dates; parents without e-mail

Revision ID: ded11e851590
Revises: 9f1eda1a8390
Create Date: 2026-12-07 14:39:25.544250

"""
from contextlib import contextmanager

from alembic import op
import sqlalchemy as sa

import pupilvoice.models.base


# revision identifiers, used by Alembic.
revision = 'ded11e851590'
down_revision = '9f1eda1a8390'
branch_labels = None
depends_on = None


@contextmanager
def _rebuilding_tables():
    """SQLite rebuilds the pupil and user tables for these changes, and other tables point
    at them: their foreign keys are checked once the new tables have every id (at commit
    inside a transaction; outside one, not during the rebuild, as SQLite advises)."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA foreign_keys=OFF")  # takes effect outside a transaction
        op.execute("PRAGMA defer_foreign_keys=ON")  # takes effect inside one
    yield
    if sqlite:
        op.execute("PRAGMA foreign_keys=ON")


def upgrade():
    with _rebuilding_tables():
        with op.batch_alter_table('pupil', schema=None) as batch_op:
            batch_op.add_column(sa.Column('upn', sa.String(length=20), nullable=True))
            batch_op.add_column(sa.Column('surname', sa.String(length=60), nullable=True))
            batch_op.add_column(sa.Column('born_on', sa.Date(), nullable=True))
            batch_op.create_unique_constraint(
                batch_op.f('uq_pupil_school_id'), ['school_id', 'upn']
            )
        with op.batch_alter_table('user', schema=None) as batch_op:
            batch_op.alter_column(
                'email', existing_type=sa.VARCHAR(length=254), nullable=True
            )


def downgrade():
    with _rebuilding_tables():
        with op.batch_alter_table('user', schema=None) as batch_op:
            batch_op.alter_column(
                'email', existing_type=sa.VARCHAR(length=254), nullable=False
            )
        with op.batch_alter_table('pupil', schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f('uq_pupil_school_id'), type_='unique')
            batch_op.drop_column('born_on')
            batch_op.drop_column('surname')
            batch_op.drop_column('upn')
