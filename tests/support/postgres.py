"""A throwaway PostgreSQL server for the tests: a real one, never a mock.

``Server.start()`` makes a cluster in a temporary directory with Debian's
``initdb`` (``/usr/lib/postgresql/<version>/bin``), starts it listening on
a Unix socket in that directory only (no TCP port, so parallel test runs
never collide) and ``stop()`` stops it and removes the directory.
PostgreSQL refuses to run as root: as root, the server runs as the
``postgres`` user that Debian's package creates. When the server cannot
start, the error says why and names the package to install: the tests that
need it fail, they are never skipped.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["MISSING", "Server"]

MISSING = (
    "PostgreSQL is needed by the SQL tests and was not found: install Debian's "
    "'postgresql' package (apt-get install postgresql; .ci/run does)"
)


def _bin_dir() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]),
    )
    if not found:
        raise RuntimeError(MISSING)
    return Path(found[-1]).parent


def _account() -> dict[str, Any]:
    """subprocess options to run as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return {}
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError(
            "running as root, and there is no 'postgres' user to run the server "
            f"as (PostgreSQL refuses root). {MISSING}"
        ) from None
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


class Server:
    """One PostgreSQL cluster on a Unix socket in a temporary directory."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.account = _account()
        self.root = Path(tempfile.mkdtemp(prefix="servicecharter-pg-"))
        self.data = self.root / "data"
        self.user = "servicecharter"
        if self.account:
            os.chown(self.root, self.account["user"], self.account["group"])

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
            **self.account,
        )
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}\n{tail}"
            )

    def start(self) -> Server:
        """Create the cluster and start the server; raise, saying why, if it fails."""
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.user,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        options = (
            f"-k {self.root} -c listen_addresses='' -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        return self

    def stop(self) -> None:
        """Stop the server and remove its directory."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def connect(self, **options: Any) -> Any:
        """A psycopg connection to the server's ``postgres`` database."""
        import psycopg

        return psycopg.connect(
            host=str(self.root), user=self.user, dbname="postgres", **options
        )
