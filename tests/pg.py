"""A throwaway PostgreSQL cluster for tests, so the store is tested against the real server.

The cluster lives in a fresh temp dir, listens on a unix socket only (no port clashes with
other clusters on the machine), runs with fsync off (its data is thrown away) and is removed
on stop.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg import sql

USER = "bilat"
DATABASE = "bilat_test"
# The socket file is named after the port; the socket dir is private, so any port will do.
PORT = 5432
# A unix socket path must fit in ~107 bytes: fall back to /tmp when TMPDIR is long.
_MAX_BASE_LEN = 60


def find_pg_bin() -> Path | None:
    """The directory holding initdb and pg_ctl: PATH first, then Debian's highest version."""
    initdb = shutil.which("initdb")
    if initdb:
        # Resolved, since /usr/local/bin may hold a symlink to initdb without pg_ctl beside it.
        for directory in (Path(initdb).parent, Path(initdb).resolve().parent):
            if (directory / "pg_ctl").is_file():
                return directory

    def version(bin_dir: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", bin_dir.parent.name))

    candidates = [
        d for d in Path("/usr/lib/postgresql").glob("*/bin") if (d / "initdb").is_file() and (d / "pg_ctl").is_file()
    ]
    return max(candidates, key=version, default=None)


class ThrowawayPostgres:
    """A private PostgreSQL server: ``start()`` gives a URL, ``stop()`` removes every trace."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        self.bin_dir = bin_dir or find_pg_bin()
        self.base: Path | None = None
        self._started = False

    @property
    def data_dir(self) -> Path:
        assert self.base is not None, "not started"
        return self.base / "data"

    @property
    def log(self) -> Path:
        assert self.base is not None, "not started"
        return self.base / "server.log"

    def start(self) -> str:
        """Create and start the cluster and the ``bilat_test`` database; the URL of that database."""
        if self.bin_dir is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        # Teardown normally stops the server; this covers an exit that skips it (a second Ctrl-C).
        atexit.register(self.stop)
        tmp = tempfile.gettempdir()
        self.base = Path(tempfile.mkdtemp(prefix="bilat-pg-", dir=tmp if len(tmp) <= _MAX_BASE_LEN else "/tmp"))
        try:
            if os.geteuid() == 0:
                # initdb and postgres refuse to run as root: hand the dir to the postgres user.
                owner = self._server_user()
                os.chown(self.base, owner.pw_uid, owner.pw_gid)
                self.base.chmod(0o755)
            self._run(
                "initdb", "-D", str(self.data_dir), "-U", USER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
            )  # fmt: skip
            self._run(
                "pg_ctl", "start", "-w", "-t", "30", "-D", str(self.data_dir), "-l", str(self.log),
                "-o", f"-p {PORT} -k {self.base} -c listen_addresses='' -F",
            )  # fmt: skip
            self._started = True
            return self._create(DATABASE)
        except BaseException:
            self.stop()
            raise

    def fresh_database(self, name: str) -> str:
        """A new empty database, so each test starts from nothing; the URL to reach it."""
        if not self._started:
            raise RuntimeError("server not started")
        return self._create(name)

    def stop(self) -> None:
        """Stop the server at once (its data is disposable) and delete its dir; safe to call twice."""
        atexit.unregister(self.stop)
        if self._started:
            self._started = False
            self._run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", str(self.data_dir), check=False)
        if self.base is not None:
            shutil.rmtree(self.base, ignore_errors=True)
            self.base = None

    def url(self, database: str) -> str:
        """A SQLAlchemy URL for ``database`` over the unix socket."""
        return f"postgresql+psycopg://{USER}@/{database}?host={quote(str(self.base))}&port={PORT}"

    def _create(self, name: str) -> str:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ValueError(f"not a plain lowercase database name of at most 63 chars: {name!r}")
        with psycopg.connect(host=str(self.base), port=PORT, user=USER, dbname="postgres", autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    @staticmethod
    def _server_user() -> pwd.struct_passwd:
        try:
            return pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError(
                "running as root, and PostgreSQL refuses root: need the 'postgres' system user "
                "(the Debian package postgresql creates it)"
            ) from None

    def _run(self, tool: str, *args: str, check: bool = True) -> None:
        assert self.bin_dir is not None and self.base is not None
        owner = self._server_user() if os.geteuid() == 0 else None
        # cwd: the server user may not be able to enter the caller's working directory.
        done = subprocess.run(
            [str(self.bin_dir / tool), *args],
            check=False,
            cwd=self.base,
            capture_output=True,
            text=True,
            user=owner.pw_uid if owner else None,
            group=owner.pw_gid if owner else None,
            extra_groups=[] if owner else None,
        )
        if check and done.returncode != 0:
            # pg_ctl only says the server did not start; the reason is in the server log.
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed ({done.returncode}):\n{done.stdout}{done.stderr}{log}")
