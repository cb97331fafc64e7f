"""Closing the terminal ends the app the normal way: it exits, and the database is unlocked."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

from organiser.clock import SystemClock
from organiser.models import Profile
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


def _drain_until(fd: int, stop: threading.Event) -> None:
    with contextlib.suppress(OSError):
        while not stop.is_set():
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready and not os.read(fd, 65536):
                return


def _controlling_terminal() -> None:
    """In the child, after setsid: make its terminal (stdin) the controlling one, so
    closing the terminal's other end hangs it up as closing a window does."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def test_a_closed_terminal_does_not_leave_the_app_hanging(tmp_path: Path) -> None:
    """Closing the terminal window while the app is in use: the kernel hangs up the app's
    terminal and sends SIGHUP. Textual would wait for ever to write to the dead terminal;
    the app must still close the database, unlock it and leave."""
    db = tmp_path / "organiser.json"
    with open_store(db, SystemClock()) as opened:  # a profile, so the app opens on Today
        opened.repo.save(Profile(organiser_name="Jo Bloggs"))
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    app = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "--db", str(db)],
        stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True,
        preexec_fn=_controlling_terminal,
    )  # fmt: skip
    os.close(follower)
    stop = threading.Event()
    reader = threading.Thread(target=_drain_until, args=(leader, stop), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 30
        while not db.with_name(db.name + ".owner").exists():
            assert app.poll() is None, "the app stopped before it had opened the database"
            assert time.monotonic() < deadline, "the app never opened the database"
            time.sleep(0.1)
        time.sleep(2)  # let Today draw, then use it a little
        for keys in (b"\x06", b"bus fares", b"\r", b"\r", b"\x1b"):
            os.write(leader, keys)
            time.sleep(0.5)
        stop.set()  # a read in progress would keep the terminal open: stop reading first
        reader.join(timeout=5)
        os.close(leader)  # the terminal window closes
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0
    with open_store(db, SystemClock()) as opened:  # unlocked: it opens again at once
        profile = opened.repo.profile()
        assert profile is not None and profile.organiser_name == "Jo Bloggs"
