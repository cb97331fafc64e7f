"""Opening the database in a thread while the app paints Today as it was last shown.

A large database takes seconds to read. When Today was kept at the last close and the
files have not changed since (store/last_today.py), the app starts at once on that, and the
database is opened here meanwhile; the app waits for it before it does anything with the
records (screens/app.py `until_open`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from organiser.repository import Repository
    from store.database import OpenedStore


class Opening:
    """The database being opened by `open_database` in a thread of its own, once `start`
    is called (by the app, after its first frame is painted, so the two do not share the
    processor; `warnings` starts it). Whatever waits for it before then waits longer."""

    def __init__(self, open_database: Callable[[], OpenedStore]) -> None:
        self._open = open_database
        self._done = threading.Event()
        self._started = threading.Lock()
        self._thread: threading.Thread | None = None
        self._opened: OpenedStore | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        with self._started:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="open-database", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        try:
            self._opened = self._open()
            # What was loaded lives for the whole session (see cli.main): keep the
            # collector off it, so no pause ever walks the database while someone types.
            gc.freeze()
        except BaseException as error:  # handed to whoever waits
            self._error = error
        finally:
            self._done.set()

    def wait(self) -> OpenedStore:
        """The open database, once it is; raises what opening it raised."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._opened is not None
        return self._opened

    def warnings(self) -> list[str]:
        """Open the database (if not begun yet) and say what opening it found to say."""
        self.start()
        return list(self.wait().warnings)

    def opened(self) -> OpenedStore:
        """Open the database now if not begun yet, and wait for it."""
        self.start()
        return self.wait()

    def repository(self) -> Repository:
        """A repository that waits for the database on first use, in whichever thread."""
        return cast("Repository", _WaitingRepository(self))


class _WaitingRepository:
    """Every call waits until the database is open, then goes to its repository. The app
    makes none on its main thread until then (only its workers wait here)."""

    #: Known before the database is open: only a database that can be written starts so.
    read_only = False

    def __init__(self, opening: Opening) -> None:
        self._opening = opening

    def __getattr__(self, name: str) -> Any:
        return getattr(self._opening.wait().repo, name)
