"""Kill a writing Organiser at random moments and check that no acknowledged save is lost.

    python -m tests.stress.kill_writer [--kills 300] [--scale 1.0] [--seed N] [--keep]
    python -m tests.stress.kill_writer --start-from .bench/cache/size10/organiser.json \
        --kills 30 --per-db 10 --open-timeout 120        # the same against the 10x database

A child process opens the store and saves people in a loop (single saves, multi-record
save_all calls, updates, the odd explicit compaction), printing "<id> <revision>" for each
record only after the save returned. The parent SIGKILLs it at a random moment (sometimes
while it is still opening the database), drains what it printed, opens the database and
checks that every acknowledged save is there. Exits non-zero on any loss or complaint.

The child side is also what tests/unit/test_kill.py runs:

    python -m tests.stress.kill_writer --child DB --seed N [--scale S] [--threshold BYTES]
"""

from __future__ import annotations

import argparse
import os
import random
import selectors
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from organiser.clock import SystemClock
from organiser.errors import StoreError
from organiser.models import Person, Record
from store.database import open_store
from store.durable import stale_temp_files
from store.format import journal_path

ROOT = Path(__file__).resolve().parents[2]
#: A small journal limit, so that kills also land in compactions at open.
THRESHOLD = 64 * 1024
NOTES_MAX = 100_000


# --- The child: save until killed -----------------------------------------------------------


def _notes(rng: random.Random, scale: float) -> str:
    size = int(rng.choice((0, 40, 400, 3_000, 6_000)) * scale)
    return ("Met at the tenants' meeting; keen on housing. " * (size // 46 + 1))[
        : min(size, NOTES_MAX)
    ]


def _new_person(rng: random.Random, scale: float) -> Person:
    return Person(name=f"Person {rng.randrange(10**6)}", notes=_notes(rng, scale))


def child(db: Path, seed: int, scale: float, threshold: int) -> None:
    """Save forever, acknowledging each record on stdout only once its save has returned."""
    rng = random.Random(seed)
    store = open_store(db, SystemClock(), compact_threshold=threshold)
    print("ready", flush=True)
    mine: dict[str, Person] = {}
    while True:
        roll = rng.random()
        saved: list[Record]
        if roll < 0.55 or not mine:
            saved = [store.repo.save(_new_person(rng, scale))]
        elif roll < 0.8:
            batch = [_new_person(rng, scale) for _ in range(rng.randint(2, 5))]
            saved = store.repo.save_all(batch)
        elif roll < 0.97:
            person = mine[rng.choice(list(mine))]
            saved = [store.repo.save(person.evolve(notes=_notes(rng, scale)))]
        else:
            store.storage.compact()
            continue
        for record in saved:
            assert isinstance(record, Person)
            mine[record.id] = record
        # One write per save, well under PIPE_BUF, so an acknowledgement is never half-sent.
        sys.stdout.write("".join(f"{r.id} {r.revision}\n" for r in saved))
        sys.stdout.flush()


def child_command(db: Path, seed: int, scale: float, threshold: int = THRESHOLD) -> list[str]:
    """The command line that runs `child` (from the project root)."""
    return [
        sys.executable, "-m", "tests.stress.kill_writer", "--child", str(db),
        "--seed", str(seed), "--scale", str(scale), "--threshold", str(threshold),
    ]  # fmt: skip


# --- The parent: kill, then check ------------------------------------------------------------


def parse_acks(text: str, acked: dict[str, int]) -> int:
    """Record the "<id> <revision>" lines in `acked`; returns how many there were."""
    count = 0
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            acked[parts[0]] = max(acked.get(parts[0], 0), int(parts[1]))
            count += 1
    return count


def run_and_kill(
    command: list[str], rng: random.Random, window: float, open_timeout: float = 10.0
) -> tuple[str, str, int]:
    """Start the writer, SIGKILL it at a random moment; its whole stdout, stderr, exit code."""
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0
    )
    assert proc.stdout is not None and proc.stderr is not None
    early = rng.random() < 0.3  # sometimes kill while it is still opening the database
    ready = early
    kill_at = time.monotonic() + (rng.uniform(0.0, 0.5) if early else open_timeout)
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
                kill_at = time.monotonic() + rng.uniform(0.0, window)
    proc.kill()
    rest, err = proc.communicate()
    return (out + rest).decode(), err.decode(), proc.returncode


def check(db: Path, acked: dict[str, int], *, read_only: bool) -> list[str]:
    """Open the database and list every problem: failures to open, warnings, losses."""
    if not db.exists():
        return [] if not acked else [f"the database vanished with {len(acked)} saves in it"]
    try:
        with open_store(db, SystemClock(), read_only=read_only) as store:
            problems = [f"warning on open: {w}" for w in store.warnings]
            # The raw documents: validating thousands of long notes would only time pydantic.
            people = store.storage.read().get(Person.kind, {})
            stored = {doc_id: int(doc["revision"]) for doc_id, doc in people.items()}
    except StoreError as error:
        return [f"could not open after a kill: {error}"]
    for record_id, revision in acked.items():
        found = stored.get(record_id)
        if found is None:
            problems.append(f"lost {record_id}")
        elif found < revision:
            problems.append(f"lost update {record_id}: revision {revision}, found {found}")
    return problems


@dataclass
class Tally:
    kills: int = 0
    acknowledged: int = 0
    torn_tails: int = 0
    interrupted_compactions: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Tally, label: str) -> None:
        self.kills += other.kills
        self.acknowledged += other.acknowledged
        self.torn_tails += other.torn_tails
        self.interrupted_compactions += other.interrupted_compactions
        self.problems += [f"{label}: {p}" for p in other.problems]


def inspect(db: Path, tally: Tally) -> None:
    """Count what the kill left behind: a half-written journal line, a half-written snapshot."""
    journal = journal_path(db)
    if journal.exists() and (tail := journal.read_bytes()[-1:]) and tail != b"\n":
        tally.torn_tails += 1
    if stale_temp_files(db):
        tally.interrupted_compactions += 1


def trial(db: Path, acked: dict[str, int], rng: random.Random, args: argparse.Namespace) -> Tally:
    """One writer, killed once, then checked."""
    command = child_command(db, rng.randrange(2**32), args.scale, args.threshold)
    out, err, code = run_and_kill(command, rng, args.window, args.open_timeout)
    tally = Tally(kills=1, acknowledged=parse_acks(out, acked))
    inspect(db, tally)
    if code != -9:
        tally.problems.append(f"the writer stopped by itself (exit {code}): {err.strip()}")
    tally.problems += check(db, acked, read_only=rng.random() < 0.7)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the notes' size")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--window", type=float, default=0.3, help="seconds of saving, at most")
    parser.add_argument("--threshold", type=int, default=THRESHOLD)
    parser.add_argument("--per-db", type=int, default=25, help="kills before a fresh database")
    parser.add_argument("--keep", action="store_true", help="keep the databases for inspection")
    parser.add_argument(
        "--start-from",
        type=Path,
        help="begin each database as a copy of this one (e.g. the benchmark's 10x database)",
    )
    parser.add_argument(
        "--open-timeout", type=float, default=10.0, help="seconds to wait for a big database"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    if args.child is not None:
        child(args.child, seed, args.scale, args.threshold)
        return 0
    return drive(args, seed)


def drive(args: argparse.Namespace, seed: int) -> int:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="organiser-kill-"))
    total = Tally()
    acked: dict[str, int] = {}
    db = work / "db-000" / "organiser.json"
    started = time.monotonic()
    print(f"seed {seed}; databases in {work}", flush=True)
    for n in range(args.kills):
        if n % args.per_db == 0:
            db, acked = work / f"db-{n // args.per_db:03d}" / "organiser.json", {}
            if args.start_from is not None:
                db.parent.mkdir(mode=0o700, parents=True)
                shutil.copyfile(args.start_from, db)
                db.chmod(0o600)
        total.add(trial(db, acked, rng, args), f"kill {n + 1}")
        if (n + 1) % 25 == 0:
            print(f"  {n + 1} kills, {total.acknowledged} saves acknowledged", flush=True)
    losses = [p for p in total.problems if " lost " in p]
    for problem in total.problems:
        print(problem)
    print(
        f"kills: {total.kills}, saves acknowledged: {total.acknowledged}, losses: {len(losses)}, "
        f"other problems: {len(total.problems) - len(losses)} "
        f"({time.monotonic() - started:.1f} s)\n"
        f"kills that left a torn journal line: {total.torn_tails}, "
        f"an unfinished compaction: {total.interrupted_compactions}"
    )
    if not args.keep and not total.problems:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if total.problems else 0


if __name__ == "__main__":
    sys.exit(main())
