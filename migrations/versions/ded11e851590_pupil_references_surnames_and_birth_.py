"""pupil references, surnames and birth dates; parents without e-mail

Revision ID: ded11e851590
Revises: e3575909c781
Create Date: 2026-12-07 14:39:25.544250

"""
from alembic import op
import sqlalchemy as sa

import pupilvoice.models.base


# revision identifiers, used by Alembic.
revision = 'ded11e851590'
down_revision = 'e3575909c781'
branch_labels = None
depends_on = None


def upgrade():
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
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.alter_column(
            'email', existing_type=sa.VARCHAR(length=254), nullable=False
        )
    with op.batch_alter_table('pupil', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_pupil_school_id'), type_='unique')
        batch_op.drop_column('born_on')
        batch_op.drop_column('surname')
        batch_op.drop_column('upn')
