"""Closing the terminal ends the app the normal way: it exits, and the database is unlocked."""

from __future__ import annotations

import contextlib
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from organiser.clock import SystemClock
from store.database import open_store


def _drain(fd: int) -> None:
    with contextlib.suppress(OSError):
        while os.read(fd, 65536):
            pass


def test_a_hangup_closes_the_app_and_releases_the_database(tmp_path: Path) -> None:
    db = tmp_path / "organiser.json"
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    app = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "--db", str(db)],
        stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True,
    )
    os.close(follower)
    # Read what the app draws, as a terminal would, so its writes never block.
    reader = threading.Thread(target=_drain, args=(leader,), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 30
        while not (db.exists() and db.with_name(db.name + ".owner").exists()):
            assert app.poll() is None, "the app stopped before it had opened the database"
            assert time.monotonic() < deadline, "the app never opened the database"
            time.sleep(0.1)
        time.sleep(1)  # let the first screen draw
        app.send_signal(signal.SIGHUP)
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
        os.close(leader)
    assert app.returncode == 0  # it closed itself, rather than being killed by the signal
    assert list((tmp_path / "backups").glob("organiser-*.json"))  # close ran: a backup was made
    with open_store(db, SystemClock()) as opened:
        assert opened.repo.is_empty()
