"""``python -m bilat``: the same as the ``bilat`` command."""

from bilat.cli import app

app(prog_name="bilat")
