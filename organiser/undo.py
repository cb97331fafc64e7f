"""Undo: the organiser's last changes, taken back one at a time.

    history = UndoHistory(repo, clock)
    with history.action("Deleted the 1-2-1 with Amina Begum"):
        history.delete(RelationalMeeting, meeting.id)
    history.undo()                # -> "Deleted the 1-2-1 with Amina Begum"; it is back

`UndoHistory` is a Repository that passes everything through to the one it wraps and, for
each change, keeps a *step*: the record as it was before (read just before the write) of
everything the change saved or deleted, and the revision each was left at. The writes made
inside one `action` (or by one call, when there is no action) are one step, undone
together.

Undoing a step is one change, all of it or none (`Repository.put_exact` with `deletes`):

* a record the step changed or deleted comes back as it was, with the SAME id (so links and
  calendar UIDs hold) and a revision above any it has had, or its tombstone's, so a diary
  that saw the change or the cancellation takes the record back (SEQUENCE only rises);
* a record the step created is deleted (a diary record leaves its tombstone, as any delete).

A step whose records have been changed since (their revision moved on) is refused rather
than overwriting newer work. The history is kept in memory only, the last `UNDO_LIMIT`
steps, and is gone when the program closes. An erasure is final: `forget_person` drops
every step that holds anything of the erased person.
"""

from __future__ import annotations

import builtins
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.repository import Repository

if TYPE_CHECKING:  # imported when a step is undone or forgotten: the app starts without them
    from organiser.models import Profile, Record

R = TypeVar("R", bound="Record")

#: How many steps are kept; the oldest goes when one more is taken.
UNDO_LIMIT = 50

Key: TypeAlias = "tuple[type[Record], str]"


class UndoRefused(OrganiserError):
    """Nothing to undo, or undoing would overwrite newer work; nothing was changed."""


@dataclass(frozen=True)
class Touched:
    """One record a step wrote: as it was before (None: the step created it) and the
    revision the step left it at (None: the step deleted it)."""

    kind: type[Record]
    record_id: str
    before: Record | None
    after: int | None


@dataclass
class Step:
    """One action, undone as a whole."""

    label: str
    touched: dict[Key, Touched] = field(default_factory=dict)

    def note(self, touched: Touched) -> None:
        """The first before-image and the last revision of each record count."""
        key = (touched.kind, touched.record_id)
        first = self.touched.get(key)
        before = touched.before if first is None else first.before
        if before is None and touched.after is None:
            self.touched.pop(key, None)  # made and removed within the step: nothing to undo
            return
        self.touched[key] = Touched(touched.kind, touched.record_id, before, touched.after)


def _noun(kind: type[Record]) -> str:
    name = kind.__name__
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return {"relational meeting": "1-2-1"}.get(words, words)


def default_label(step: Step) -> str:
    """What a step did, when its action gave no words: "Changed person", "Deleted 2 records"."""
    touched = list(step.touched.values())
    if len(touched) != 1:
        return f"Changed {len(touched)} records"
    only = touched[0]
    verb = "Added" if only.before is None else "Deleted" if only.after is None else "Changed"
    return f"{verb} {_noun(only.kind)}"


class Action:
    """An action under way: its label may be set once its words are known."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.step = Step(label)


class UndoHistory:
    """A Repository that remembers how to take back its last changes (see the module)."""

    def __init__(self, inner: Repository, clock: Clock, limit: int = UNDO_LIMIT) -> None:
        self.inner = inner
        self._clock = clock
        self._steps: deque[Step] = deque(maxlen=limit)
        self._open: dict[int, Action] = {}
        self._lock = threading.RLock()

    # The history -----------------------------------------------------------------------------

    @contextmanager
    def action(self, label: str = "") -> Iterator[Action]:
        """Every write inside (on this thread) is one step, labelled `label` (or the
        action's label as set by then). A nested action joins the outer one."""
        thread = threading.get_ident()
        outer = self._open.get(thread)
        if outer is not None:
            yield outer
            return
        current = self._open[thread] = Action(label)
        try:
            yield current
        finally:
            del self._open[thread]
            self._keep(current.step, current.label)

    def _keep(self, step: Step, label: str) -> None:
        if step.touched:
            step.label = label or default_label(step)
            with self._lock:
                self._steps.append(step)

    def _note(self, touched: Iterable[Touched]) -> None:
        current = self._open.get(threading.get_ident())
        step = current.step if current is not None else Step("")
        for one in touched:
            step.note(one)
        if current is None:
            self._keep(step, "")

    @property
    def labels(self) -> builtins.list[str]:
        """What can be undone, the next to undo last."""
        with self._lock:
            return [step.label for step in self._steps]

    def clear(self) -> None:
        with self._lock:
            self._steps.clear()

    def forget_person(self, person_id: str, patterns: Sequence[str]) -> int:
        """Drop every step holding anything of a person (their id, or their name, email or
        phone as `patterns` find them: see organiser.mentions); returns how many went."""
        from organiser.mentions import Finder, texts

        finder = Finder(patterns) if patterns else None

        def holds(step: Step) -> bool:
            if finder is not None and finder.spans(step.label):
                return True
            for one in step.touched.values():
                if one.record_id == person_id:
                    return True
                if one.before is None:
                    continue
                if person_id in one.before.model_dump_json():
                    return True
                if finder is not None and any(finder.spans(t) for _, t in texts(one.before)):
                    return True
            return False

        with self._lock:
            kept = [step for step in self._steps if not holds(step)]
            gone = len(self._steps) - len(kept)
            self._steps = deque(kept, maxlen=self._steps.maxlen)
        return gone

    def undo(self) -> str:
        """Take back the last step as one change; returns its label. Raises UndoRefused
        (and changes nothing) when there is none or its records have changed since."""
        with self._lock:
            if not self._steps:
                raise UndoRefused("There is nothing to undo.")
            step = self._steps[-1]
            restores, deletes = self._plan(step)
            self.inner.put_exact(restores, deletes=deletes)
            self._steps.pop()
            return step.label

    def _plan(self, step: Step) -> tuple[builtins.list[Record], builtins.list[Key]]:
        from organiser.models.base import fixed_offset

        now = fixed_offset(self._clock.now())
        restores: builtins.list[Record] = []
        deletes: builtins.list[Key] = []
        for one in step.touched.values():
            current = self.inner.get(one.kind, one.record_id)
            if (None if current is None else current.revision) != one.after:
                raise UndoRefused(
                    f"“{step.label}” cannot be undone: the {_noun(one.kind)} has been changed "
                    "since, and undoing would overwrite that. Nothing was undone."
                )
            if one.before is None:
                deletes.append((one.kind, one.record_id))
                continue
            above = current.revision if current is not None else self._deleted_at(one)
            restores.append(one.before.model_copy(update={"updated": now, "revision": above + 1}))
        return restores, deletes

    def _deleted_at(self, one: Touched) -> int:
        """The highest revision a deleted record's diary entries were last sent with."""
        from organiser.models import Tombstone

        assert one.before is not None
        tombstone = self.inner.get(Tombstone, one.record_id)
        last = 0 if tombstone is None else tombstone.last_revision
        # One above the tombstone's SEQUENCE (its last revision): a revision two above.
        return max(one.before.revision, last) + 1

    # Writes, noted ---------------------------------------------------------------------------

    def save(self, record: R) -> R:
        before = self.inner.get(type(record), record.id)
        saved = self.inner.save(record)
        self._note([Touched(type(record), record.id, before, saved.revision)])
        return saved

    def save_all(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[Key] = (),
    ) -> builtins.list[Record]:
        # Plain save_all when nothing is deleted, as WatchedRepository does.
        if deletes:
            return self._noting(
                records, deletes, lambda: self.inner.save_all(records, deletes=deletes)
            )
        return self._noting(records, deletes, lambda: self.inner.save_all(records))

    def delete(self, kind: type[Record], record_id: str) -> bool:
        before = self.inner.get(kind, record_id)
        deleted = self.inner.delete(kind, record_id)
        if deleted and before is not None:
            self._note([Touched(kind, record_id, before, None)])
        return deleted

    def put_exact(
        self,
        records: Sequence[Record],
        *,
        deletes: Sequence[Key] = (),
    ) -> builtins.list[Record]:
        if deletes:
            return self._noting(
                records, deletes, lambda: self.inner.put_exact(records, deletes=deletes)
            )
        return self._noting(records, deletes, lambda: self.inner.put_exact(records))

    def _noting(
        self,
        records: Sequence[Record],
        deletes: Sequence[Key],
        write: Callable[[], builtins.list[Record]],
    ) -> builtins.list[Record]:
        """Read what `records` and `deletes` were, `write` them, and note the step."""
        befores = [self.inner.get(type(r), r.id) for r in records]
        gone = [(kind, rid, self.inner.get(kind, rid)) for kind, rid in deletes]
        written = write()
        noted = [
            Touched(type(w), w.id, b, w.revision) for w, b in zip(written, befores, strict=True)
        ]
        noted += [Touched(kind, rid, before, None) for kind, rid, before in gone if before]
        self._note(noted)
        return written

    # Reads and the rest, passed through ------------------------------------------------------

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

    def profile(self) -> Profile | None:
        return self.inner.profile()

    def own_ids(self, kind: type[Record]) -> set[str] | None:
        return self.inner.own_ids(kind)

    def is_empty(self) -> bool:
        return self.inner.is_empty()

    def forget_history(self, amend: Callable[[Repository], None]) -> builtins.list[str]:
        return self.inner.forget_history(amend)

    def close(self) -> None:
        self.clear()
        self.inner.close()


def history_of(repo: Repository) -> UndoHistory | None:
    """The undo history `repo` keeps, if it is one."""
    return repo if isinstance(repo, UndoHistory) else None
