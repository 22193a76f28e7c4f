"""Alembic environment: runs migrations on the connection bilat passes in.

``bilat db upgrade`` (``bilat.store.db.upgrade``) opens the connection and puts
it in ``config.attributes["connection"]``. Autogenerating a new revision from
a checkout: ``alembic -x url=sqlite:////tmp/x.db revision --autogenerate -m "..."``
with ``script_location`` pointing here.
"""

from alembic import context
from sqlalchemy import create_engine

from bilat.store.models import Base
from bilat.store.search_index import is_modelled

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # run from the alembic command line
    url = context.get_x_argument(as_dictionary=True)["url"]
    with create_engine(url).begin() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_name=is_modelled)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_name=is_modelled)
    with context.begin_transaction():
        context.run_migrations()
