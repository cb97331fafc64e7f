"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder,
listening only on a Unix socket in that folder, stopped and removed afterwards.

Started once per pytest-xdist worker (a session fixture in tests/conftest.py); tests empty
the tables between them rather than making a database each. initdb refuses to run as
root, so as root the server runs as the `postgres` system user, which owns the folder.

    python -m tests.pg_server    # start one, print its address, stop it on Enter
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from organiser.clock import Clock
from store.postgres.opened import OpenedPostgres, open_postgres

#: Set to 1 to skip the PostgreSQL tests where no server can be had (a quick local run).
#: Without it they fail: `make test` installs PostgreSQL, so a missing one is a fault.
SKIP_ENV = "ORGANISER_SKIP_POSTGRES"
#: The role the repository tests connect as: not a superuser, so row-level security holds.
ADMIN = "organiser_admin"
DATABASE = "organiser"
PORT = 5432


class NoPostgres(RuntimeError):
    """No PostgreSQL could be found or started."""


def find_binary(name: str) -> Path:
    """`name` on PATH, else in the newest of Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if candidates:
        return Path(candidates[-1])
    raise NoPostgres(
        f"PostgreSQL's {name} was not found on PATH or in /usr/lib/postgresql/*/bin; "
        f"install Debian's postgresql package (make test does), or set {SKIP_ENV}=1 to skip."
    )


@dataclass
class Server:
    folder: Path
    _prefix: list[str]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, user: str = ADMIN, database: str = DATABASE, password: str = "") -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@/{database}?host={self.folder}&port={PORT}"

    def stop(self, mode: str = "immediate", *, remove: bool = True) -> None:
        """Stop the server (`mode` as pg_ctl's -m) and, with `remove`, delete its folder."""
        command = [str(find_binary("pg_ctl")), "-D", str(self.data), "-m", mode, "-w", "stop"]
        subprocess.run([*self._prefix, *command], check=False, capture_output=True)
        if remove:
            shutil.rmtree(self.folder, ignore_errors=True)


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise NoPostgres(f"Could not run {command[0]}: {error}") from error
    if done.returncode != 0:
        raise NoPostgres(f"{' '.join(command[:4])}… failed: {done.stderr.strip()[-800:]}")


def run_as_postgres(folder: Path) -> list[str]:
    """The command prefix a server in `folder` runs under: none, or as root (initdb refuses
    root) runuser to the system user Debian makes, which is given the folder."""
    if os.geteuid() != 0:
        return []
    try:
        shutil.chown(folder, "postgres", "postgres")
    except LookupError as error:
        raise NoPostgres("Running as root, but there is no postgres user to run as") from error
    return ["runuser", "-u", "postgres", "--"]


def initdb(prefix: list[str], data: Path) -> None:
    """A new, empty cluster in `data` with the superuser `postgres` and no passwords."""
    _run(
        [
            *prefix,
            str(find_binary("initdb")),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "--no-locale",
            "-E",
            "UTF8",
        ]
    )


def pg_start(prefix: list[str], data: Path, folder: Path, settings: str) -> None:
    """Start the cluster in `data` on a Unix socket in `folder` only, logging to folder/log."""
    options = f"-k {folder} -c listen_addresses='' -p {PORT} {settings}"
    command = [str(find_binary("pg_ctl")), "-D", str(data), "-l", str(folder / "log")]
    _run([*prefix, *command, "-w", "-o", options, "start"])


def add_admin(server: Server) -> None:
    """The role ADMIN (not a superuser; may create roles) owning the database DATABASE."""
    with psycopg.connect(server.url("postgres", "postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {ADMIN} LOGIN CREATEROLE".encode())
        conn.execute(f"CREATE DATABASE {DATABASE} OWNER {ADMIN}".encode())


def start() -> Server:
    """Start a server with a non-superuser role ADMIN (may create roles) owning DATABASE.
    Quick rather than durable (no fsync): a test's server is thrown away."""
    folder = Path(tempfile.mkdtemp(prefix="orgpg-"))  # short: a socket path has a limit
    prefix = run_as_postgres(folder)
    server = Server(folder, prefix)
    try:
        initdb(prefix, server.data)
        pg_start(
            prefix,
            server.data,
            folder,
            "-F -c full_page_writes=off -c synchronous_commit=off -c max_connections=40 "
            "-c shared_buffers=16MB",
        )
        add_admin(server)
    except BaseException:
        server.stop()
        raise
    return server


if __name__ == "__main__":
    running = start()
    print(running.url())
    try:
        input("Enter stops it. ")
    finally:
        running.stop()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """This worker's server; the tests fail without one unless ORGANISER_SKIP_POSTGRES=1."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: the PostgreSQL store is not tested in this run")
    try:
        server = start()
    except NoPostgres as error:
        pytest.fail(str(error), pytrace=False)
    yield server
    server.stop()


def opened_for_test(server: Server, clock: Clock) -> OpenedPostgres:
    """The team database opened as ADMIN, its tables emptied (quicker than a new database)."""
    opened = open_postgres(server.url(), clock)
    opened.repo.connection.execute("TRUNCATE records, own_records, private_fields")
    return opened
