"""Keeping the garbage collector's full passes away from typing.

The command line freezes the loaded database (gc.freeze) and the record check freezes what
it reads, so a full collection never walks the records. What the app makes afterwards
(screens, their rows, Textual's caches) is not frozen, and a full pass over it takes tens of
milliseconds: typing into a filter makes enough objects to set one off every few dozen
keystrokes. So the app takes full passes into its own hands: the collector keeps making its
quick young-generation passes by itself, but the full ones happen once a minute at a quiet
moment (no key or mouse for a few seconds; at the latest every ten minutes), and what is
left is frozen, so nobody waits on them while typing.
"""

from __future__ import annotations

import gc
import time
from typing import Any

#: How often the app looks for a quiet moment (seconds).
EVERY = 60.0
#: How long since the last key or mouse event counts as quiet (seconds).
QUIET = 3.0
#: The longest the app goes without a full pass, quiet or not (seconds).
AT_MOST = 600.0
#: A full-generation threshold the collector never reaches by itself.
NEVER = 1_000_000
#: Young passes before a middle-generation one (Python's default is 10): smaller middle
#: passes, each well under the 5 ms the collector may take from someone typing.
MIDDLE = 4


class MemoryKeeper:
    """Collects and freezes at quiet moments; `touched` on every input event."""

    def __init__(self) -> None:
        self._last_input = self._last_tidy = time.monotonic()
        self._before: tuple[int, ...] | None = None
        self.tidied = 0

    def touched(self) -> None:
        self._last_input = time.monotonic()

    def start(self, app: Any) -> None:
        self._before = gc.get_threshold()
        gc.set_threshold(self._before[0], MIDDLE, NEVER)
        app.set_interval(EVERY, self.tidy_if_quiet, name="memory-keeper")

    def stop(self) -> None:
        """When the app closes: the collector as it was, and nothing left frozen, so what
        the app made can be collected (what runs next in this process may need the room)."""
        if self._before is not None:
            gc.set_threshold(*self._before)
            self._before = None
        gc.unfreeze()

    def tidy_if_quiet(self) -> None:
        now = time.monotonic()
        if now - self._last_input >= QUIET or now - self._last_tidy >= AT_MOST:
            self.tidy()

    def tidy(self) -> None:
        gc.collect()
        gc.freeze()
        self._last_tidy = time.monotonic()
        self.tidied += 1
