"""A repository that says when something changed: the app's way of keeping files up to date.

    watched = WatchedRepository(repo)
    watched.subscribe(lambda kinds: print("changed:", kinds))
    watched.save(person)          # prints: changed: frozenset({'people'})

Listeners are called after a change has been made durably, with the kinds of record it
touched, on the thread that made it; a listener's own failure never undoes or hides the
change. Reads pass straight through.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from organiser.repository import Repository

if TYPE_CHECKING:
    from organiser.models import Profile, Record

R = TypeVar("R", bound="Record")
Listener = Callable[[frozenset[str]], None]


class WatchedRepository:
    """Any Repository, with listeners told of every successful change."""

    def __init__(self, inner: Repository) -> None:
        self.inner = inner
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every change; returns the way to stop."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _changed(self, kinds: frozenset[str]) -> None:
        for listener in list(self._listeners):
            try:
                listener(kinds)
            except Exception:  # the change is made; a listener cannot take it back
                continue

    @property
    def read_only(self) -> bool:
        return self.inner.read_only

    def get(self, kind: type[R], record_id: str) -> R | None:
        return self.inner.get(kind, record_id)

    def list(self, kind: type[R], where: Mapping[str, object] | None = None) -> builtins.list[R]:
        return self.inner.list(kind, where)

    def search(self, kind: type[R], text: str, limit: int | None = None) -> builtins.list[R]:
        return self.inner.search(kind, text, limit)

    def count(self, kind: type[Record]) -> int:
        return self.inner.count(kind)

    def save(self, record: R) -> R:
        saved = self.inner.save(record)
        self._changed(frozenset({record.kind}))
        return saved

    def save_all(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        # Plain save_all when nothing is deleted: some stand-ins predate `deletes`.
        saved = (
            self.inner.save_all(records, deletes=deletes)
            if deletes
            else (self.inner.save_all(records))
        )
        kinds = frozenset(r.kind for r in records) | frozenset(k.kind for k, _ in deletes)
        if kinds:
            self._changed(kinds)
        return saved

    def delete(self, kind: type[Record], record_id: str) -> bool:
        deleted = self.inner.delete(kind, record_id)
        if deleted:
            self._changed(frozenset({kind.kind}))
        return deleted

    def put_exact(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[tuple[type[Record], str]] = (),
    ) -> builtins.list[Record]:
        put = (
            self.inner.put_exact(records, deletes=deletes)
            if deletes
            else self.inner.put_exact(records)
        )
        kinds = frozenset(r.kind for r in records) | frozenset(k.kind for k, _ in deletes)
        if kinds:
            self._changed(kinds)
        return put

    def profile(self) -> Profile | None:
        return self.inner.profile()

    def own_ids(self, kind: type[Record]) -> set[str] | None:
        return self.inner.own_ids(kind)

    def is_empty(self) -> bool:
        return self.inner.is_empty()

    def forget_history(self, amend: Callable[[Repository], None]) -> builtins.list[str]:
        return self.inner.forget_history(amend)

    def close(self) -> None:
        self.inner.close()
