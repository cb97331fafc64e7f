"""Progress on the shell's standard error, for imports and exports that take more than a moment.

    with shell_progress("Reading the backup") as progress:
        backup = read_backup(data, progress=progress)

Nothing is shown when standard error is not a terminal (a script, a pipe, a log file), nor
for work done within `DELAY` seconds; the line is rewritten in place and cleared at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from organiser.text import terminal_safe

#: Work quicker than this shows no progress at all.
DELAY = 0.5
#: The bar's width in characters.
WIDTH = 30


class ShellProgress:
    """A `(done, total)` callback drawing one line: "Writing [#####.....] 1,234 of 5,000"."""

    def __init__(self, label: str, stream: TextIO, clock: Callable[[], float]) -> None:
        self._label = terminal_safe(label)
        self._stream = stream
        self._clock = clock
        self._started = clock()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self._clock() - self._started < DELAY:
            return
        filled = WIDTH * done // total if total else WIDTH
        bar = "#" * filled + "." * (WIDTH - filled)
        self._stream.write(f"\r{self._label} [{bar}] {done:,} of {total:,}")
        self._stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()
            self.shown = False


def _quiet(done: int, total: int) -> None:
    """Shows nothing (standard error is not a terminal)."""


@contextmanager
def shell_progress(
    label: str, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
) -> Iterator[Callable[[int, int], None]]:
    """A progress callback for the block, drawn on `stream` (standard error) if a terminal."""
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        yield _quiet
        return
    progress = ShellProgress(label, out, clock)
    try:
        yield progress
    finally:
        progress.clear()
