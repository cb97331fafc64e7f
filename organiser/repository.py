"""The port every screen and command talks to. Adapters (TinyDB today, PostgreSQL for a team)
implement it; nothing here knows how records are kept."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:  # the models are imported by whoever has records to pass
    from organiser.models import Profile, Record

R = TypeVar("R", bound="Record")


class Repository(Protocol):
    """Records in, records out. Every method either completes durably or raises StoreError
    (or a subclass) and changes nothing.

    `where` filters are equalities on top-level fields, given as the record's own Python
    values (an enum member, a date, an id); for a list field the record matches when the
    list contains the value.
    """

    @property
    def read_only(self) -> bool: ...

    def get(self, kind: type[R], record_id: str) -> R | None: ...

    def list(
        self, kind: type[R], where: Mapping[str, object] | None = None
    ) -> builtins.list[R]: ...

    def search(self, kind: type[R], text: str, limit: int | None = None) -> builtins.list[R]:
        """Records whose `search_fields` contain every word of `text`, ignoring case."""
        ...

    def count(self, kind: type[Record]) -> int: ...

    def save(self, record: R) -> R:
        """Insert or update; returns the record as stored (stamped, revision raised).

        Raises Conflict when the stored revision is not the one `record` was read at.
        """
        ...

    def save_all(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        """Save several records, and delete others, as one change: all of it or none."""
        ...

    def delete(self, kind: type[Record], record_id: str) -> bool:
        """Remove a record; False when there was none."""
        ...

    def put_exact(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        """Write records exactly as given, keeping their ids, times and revisions, and
        delete `deletes` (as `delete` does), as one change: all of it or none. For bringing
        records back (a restore from a backup, an undone change, a move between stores),
        never for an edit: there is no Conflict check, so the caller decides first what may
        be overwritten.
        """
        ...

    def profile(self) -> Profile | None: ...

    def own_ids(self, kind: type[Record]) -> set[str] | None:
        """The ids of the records of `kind` this organiser made, where several organisers
        share the database (a team's: its trainings and money are the alliance's, and a
        supervision review counts an organiser's own); None where every record is this
        organiser's (a personal database)."""
        ...

    def is_empty(self) -> bool:
        """True when the database holds no records at all (a first run)."""
        ...

    def forget_history(self, amend: Callable[[Repository], None]) -> builtins.list[str]:
        """Make data that is no longer in the records unrecoverable from this store's own
        files, after an erasure.

        Any history the store keeps of past changes (a journal, a log, dead rows) is folded
        away, and every copy the store keeps of itself (its backups) is opened as a
        repository of its own, given to `amend` to change, and kept only as amended. A copy
        that cannot be amended is removed. A store that keeps neither does nothing.

        Returns messages for the person: a copy removed, or history that could not be folded
        away yet (and when it will be). Raises StoreError only when nothing could be done
        (a read-only store).
        """
        ...

    def close(self) -> None: ...
