"""`bilat --help` and `--version` answer without importing the store, the server, the briefings or the readers.

Checked by what a fresh interpreter has imported, not by timing it: how long
an import takes depends on the machine (``benchmarks/cli_startup.py`` measures it).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bilat import cli
from bilat.store import db as store_db

HEAVY = ("sqlalchemy", "alembic", "fastapi", "uvicorn", "weasyprint", "jinja2", "trafilatura", "py3langid",
         "datasketch", "charset_normalizer", "bilat.extract.components.events", "rich")
"""The store, the server, the briefings, the readers, the story signatures, the extraction rules, Rich's tables."""

_IMPORTED = "import sys, json; {code}; print(json.dumps(sorted(sys.modules)))"


def _imported_by(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _IMPORTED.format(code=code)], capture_output=True, text=True,
                          check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_importing_the_command_line_imports_nothing_heavy() -> None:
    assert _imported_by("import bilat.cli") & set(HEAVY) == set()


@pytest.mark.parametrize("arguments", [["--help"], ["--version"], ["relation", "--help"], ["ingest", "--help"]])
def test_help_and_version_import_nothing_heavy(arguments: list[str]) -> None:
    code = ("from bilat.cli import app\n"
            f"try: app({arguments!r}, prog_name='bilat')\n"
            "except SystemExit: pass")
    imported = _imported_by(code)
    assert "typer" in imported  # the command did run
    assert imported & set(HEAVY) == set()


def test_the_help_names_the_variable_the_store_reads() -> None:
    assert cli.DB_ENV == store_db.DB_ENV
