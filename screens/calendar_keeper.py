"""Keeping the diary file up to date: after every change, once typing has paused, the file
named in the Profile is rewritten atomically in a thread, so a calendar subscribed to it (or
a synced folder) always has the current diary. Nothing here ever runs on a keystroke.

The app learns of changes from a WatchedRepository: each save, however small, arms a short
timer; when it fires, one worker rewrites the file (entries that did not change are reused
from the cache). Changes made while a rewrite runs arm the timer again when it ends. What is
still waiting when the app closes is written then.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from textual.app import App
from textual.timer import Timer

from organiser.calendar.export import DiaryChoice, build_diary, write_diary
from organiser.calendar.writer import EntryCache
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.files import explain
from organiser.models import DiaryFile
from organiser.watched import WatchedRepository


class DiaryKeeper:
    """Rewrites the kept diary file after changes; at most one rewrite at a time."""

    #: Seconds without a change before the file is rewritten.
    DELAY = 1.5

    def __init__(self, app: App[Any], repo: WatchedRepository, clock: Clock) -> None:
        self._app = app
        self._repo = repo
        self._clock = clock
        self._cache = EntryCache()
        self._lock = threading.Lock()
        self._timer: Timer | None = None
        self._dirty = False
        self._running = False
        self._last_problem = ""
        #: How many times the file has been written (for the status and the tests).
        self.writes = 0

    def start(self) -> None:
        """Listen for changes, and bring the file up to date with changes made elsewhere."""
        self._repo.subscribe(self._changed)
        self._changed(frozenset())

    def _changed(self, kinds: frozenset[str]) -> None:
        """From the repository, on whichever thread saved: cheap, and never writes."""
        self._dirty = True
        self._app.call_later(self._arm)

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(self.DELAY, self._due, name="diary-keeper")

    def _kept(self) -> DiaryFile | None:
        try:
            profile = self._repo.profile()
        except OrganiserError:
            return None
        except Exception as error:  # on a timer: the app carries on, the organiser is told
            self._app.notify(
                f"Could not check the diary file to keep: {error}",
                title="Diary file",
                severity="warning",
                markup=False,
            )
            return None
        return profile.diary_file if profile else None

    def _due(self) -> None:
        self._timer = None
        if self._running or not self._dirty:
            return  # a running rewrite arms the timer again when it ends
        diary = self._kept()
        self._dirty = False
        if diary is None:
            return
        self._running = True
        self._app.run_worker(
            lambda: self._rewrite(diary),
            thread=True,
            group="diary-keeper",
            exit_on_error=False,
            name="Keep the diary file up to date",
        )

    def _rewrite(self, diary: DiaryFile) -> None:
        """In a thread: write the file; report back on the app's thread."""
        problem = ""
        try:
            self.write(diary)
        except OSError as error:
            problem = f"Could not keep {diary.path} up to date: {explain(error)}."
        except Exception as error:  # the app carries on; the organiser is told
            problem = f"Could not keep {diary.path} up to date: {error}"
        with contextlib.suppress(RuntimeError):  # the app may have closed meanwhile
            self._app.call_from_thread(self._finished, problem)

    def write(self, diary: DiaryFile) -> list[Path]:
        """Rewrite the kept file now (any thread). Raises OSError or StoreError."""
        with self._lock:
            texts = build_diary(
                self._repo, DiaryChoice.kept(diary), self._clock.today(), cache=self._cache
            )
            written = write_diary(Path(diary.path).expanduser(), texts)
            self.writes += 1
            return written

    def _finished(self, problem: str) -> None:
        self._running = False
        if problem and problem != self._last_problem:
            self._app.notify(problem, title="Diary file", severity="warning", markup=False)
        self._last_problem = problem
        if self._dirty:
            self._arm()

    def flush(self) -> None:
        """At close: write what is still waiting, here and now."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        # Nothing can be told at close, and nothing here may stop the app closing: the next
        # start rewrites the file anyway.
        with contextlib.suppress(Exception):
            diary = self._kept() if self._dirty else None
            self._dirty = False
            if diary is not None:
                self.write(diary)
