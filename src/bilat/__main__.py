"""``python -m bilat``: the same as the ``bilat`` command."""

from bilat.cli import app

if __name__ == "__main__":
    app(prog_name="bilat")
