"""The proof: a writer killed at random moments never loses a save it acknowledged.

The writer (tests/stress/kill_writer.py, run as a child process) prints "<id> <revision>"
only after `save` or `save_all` returned. We SIGKILL it at a random moment, sometimes while
it is still opening (and compacting) the database, then open the database ourselves and
require every acknowledged save to be there and the open to raise and warn about nothing.
`make stress` runs the same thing hundreds of times.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from organiser.clock import SystemClock
from organiser.models import Person
from store.database import open_store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
SAVING_WINDOW = 0.25  # seconds the writer may save for before it is killed

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")


def _writer(db: Path, seed: int) -> list[str]:
    return [
        sys.executable, "-m", "tests.stress.kill_writer", "--child", str(db),
        "--seed", str(seed), "--scale", "0.5", "--threshold", "32768",
    ]  # fmt: skip


def _run_and_kill(db: Path, rng: random.Random) -> str:
    """Start a writer and SIGKILL it at a random moment; everything it printed."""
    proc = subprocess.Popen(
        _writer(db, rng.randrange(2**32)), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    early = rng.random() < 0.3  # kill while it opens: torn tails, compaction at open
    ready = early
    kill_at = time.monotonic() + (rng.uniform(0.0, 0.5) if early else 10.0)
    out = b""
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while (left := kill_at - time.monotonic()) > 0:
            if not selector.select(left):
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            out += chunk
            if not ready and b"ready\n" in out:
                ready = True
                kill_at = time.monotonic() + rng.uniform(0.0, SAVING_WINDOW)
    proc.kill()
    rest, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, f"the writer stopped by itself:\n{err.decode()}"
    return (out + rest).decode()


def _acknowledge(text: str, acked: dict[str, int]) -> None:
    for line in text.splitlines():
        if line != "ready":
            record_id, revision = line.split()
            acked[record_id] = max(acked.get(record_id, 0), int(revision))


def test_no_acknowledged_save_is_lost_when_the_writer_is_killed(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("ORGANISER_KILL_SEED", "20261123")))
    db = tmp_path / "organiser.json"
    acked: dict[str, int] = {}
    for kill in range(1, KILLS + 1):
        _acknowledge(_run_and_kill(db, rng), acked)
        if not db.exists():
            assert not acked
            continue
        with open_store(db, SystemClock(), read_only=rng.random() < 0.7) as store:
            assert store.warnings == [], f"kill {kill}"
            people = store.storage.read().get(Person.kind, {})
            lost = {i: r for i, r in acked.items() if int(people.get(i, {}).get("revision", 0)) < r}
        assert lost == {}, f"kill {kill}: {len(lost)} acknowledged saves lost"
    assert len(acked) > KILLS, "the writers hardly saved anything: the test proves nothing"
