"""Opening the team database: connect, settle the schema, tidy old deletions.

    with open_postgres("postgresql://ewa@db.example.org/alliance", clock) as store:
        store.repo.save(person)

The same shape as store.database.OpenedStore, so the commands and the app open either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from organiser.clock import Clock
from organiser.errors import StoreError
from organiser.team_figures import TeamFigures
from store.paths import default_db_path
from store.postgres.address import TEAM_FILE, redact
from store.postgres.connection import connect, translated
from store.postgres.repository import PostgresRepository
from store.postgres.schema import settle


@dataclass
class OpenedPostgres:
    """An open team database: its repository, and messages the user should see.

    `path` is where files that belong beside a database go (the kept diary, team.ics): the
    organiser's own data folder, since the database itself is on a server.
    """

    repo: PostgresRepository
    url: str
    warnings: list[str]
    read_only: bool
    path: Path = field(default_factory=lambda: default_db_path().with_name(TEAM_FILE))
    _closed: bool = field(default=False)

    @property
    def where(self) -> str:
        """The address, fit to print (no password)."""
        return redact(self.url)

    @property
    def kept(self) -> str:
        """Where and for whom the records are kept, for the Welcome's first sentence."""
        return (
            f"in your team's database ({self.where}): people, institutions, campaigns and "
            "actions are the alliance's, shared with the team; your 1-2-1s, Profile, "
            "supervision reviews and private notes are readable by you alone (a supervisor "
            "sees only when each 1-2-1 was and how it went)"
        )

    def team_figures(self, zone: str) -> TeamFigures | None:
        """Every organiser's figures, days counted in `zone`, when this login is a
        supervisor's; None for an organiser's own login."""
        from store.postgres.supervisor import supervisor_figures

        return supervisor_figures(self.repo, zone)

    def close(self) -> list[str]:
        """Close the connection. The server keeps everything; nothing here can be lost."""
        if not self._closed:
            self._closed = True
            self.repo.close()
        return []

    def __enter__(self) -> OpenedPostgres:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_postgres(url: str, clock: Clock, *, read_only: bool = False) -> OpenedPostgres:
    """Connect to the team database at `url` and set up or migrate its tables.

    Raises StoreError (with the server's reason) when it cannot be reached or set up,
    DatabaseTooNew when a newer Organiser set it up.
    """
    conn = connect(url, read_only=read_only)
    try:
        with translated("set up the team database"):
            settle(conn, read_only=read_only)
        repo = PostgresRepository(
            conn, clock, read_only=read_only, reconnect=lambda: connect(url, read_only=read_only)
        )
    except BaseException:
        conn.close()
        raise
    opened = OpenedPostgres(repo, url, [], read_only)
    try:  # old deletions need no longer reach the diary; a failure here loses nothing
        repo.prune_tombstones()
    except StoreError as error:
        opened.warnings.append(str(error))
    return opened
