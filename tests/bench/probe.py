"""One side of the benchmark, run in a fresh process so its memory and GC figures are its own.

    python -m tests.bench.probe ours|plain DB --repeat N

`ours` takes a database file or a team database's postgresql://… address.

Prints one JSON object: {"times": {operation: [seconds, ...]}, "rss_mb": peak, ...}.
Each operation does on its side what the app needs: a durable save, an update, a look-up by
id, a search across every note, reading a list. Works on a copy of DB, never DB itself.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from tinydb import Query, TinyDB

from organiser.clock import LONDON
from organiser.models import Conversation, Meeting, Person, Record, RelationalMeeting
from tests.bench.opening import open_target, working_copy

SEARCH_WORD = "landlord"
SEARCHED: tuple[type[Record], ...] = (Person, RelationalMeeting, Conversation, Meeting)
Times = dict[str, list[float]]


def _timed(times: Times, name: str, repeat: int, action: Callable[[int], object]) -> None:
    for n in range(repeat):
        start = time.perf_counter()
        action(n)
        times.setdefault(name, []).append(time.perf_counter() - start)


def peak_rss_mb() -> float:
    """This process's peak resident memory. From /proc (VmHWM belongs to this program's
    own memory map): getrusage's ru_maxrss survives exec on Linux, so a probe started by a
    parent that had built the database would report the parent's peak."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _gc_pause() -> float:
    """The longest a full collection takes now: what a stray GC would stall the app for."""
    start = time.perf_counter()
    gc.collect()
    return time.perf_counter() - start


def ours(target: str, repeat: int) -> dict[str, Any]:
    times: Times = {}
    start = time.perf_counter()
    opened = open_target(target)
    times["open"] = [time.perf_counter() - start]
    repo = opened.repo
    people = repo.list(Person)
    rng = random.Random(1)
    at = datetime(2026, 11, 23, 10, tzinfo=LONDON)

    def save_121(n: int) -> None:
        who = people[n % len(people)]
        repo.save(RelationalMeeting(person_id=who.id, at=at + timedelta(minutes=n)))

    def update_person(n: int) -> None:
        person = repo.get(Person, people[n].id)
        assert person is not None
        repo.save(person.evolve(notes=f"{person.notes} Benchmark note {n}."))

    def search(_: int) -> None:
        for kind in SEARCHED:
            repo.search(kind, SEARCH_WORD)

    _timed(times, "save_121", repeat, save_121)
    _timed(times, "update_person", repeat, update_person)
    _timed(times, "get_by_id", repeat * 20, lambda n: repo.get(Person, rng.choice(people).id))
    _timed(times, "search_notes", repeat, search)
    _timed(times, "list_people", repeat, lambda _: repo.list(Person))
    _timed(times, "list_121s", repeat, lambda _: repo.list(RelationalMeeting))
    unfrozen = _gc_pause()
    gc.freeze()  # what the app does after loading
    frozen = _gc_pause()
    result = {"times": times, "gc_pause": {"before_freeze": unfrozen, "after_freeze": frozen}}
    opened.close()
    return result


def plain(db: str, repeat: int) -> dict[str, Any]:
    times: Times = {}
    record = Query()
    with TinyDB(db) as tiny:
        people_ids = [doc["id"] for doc in tiny.table("people").all()]
        rng = random.Random(1)
        at = datetime(2026, 11, 23, 10, tzinfo=LONDON)

        def save_121(n: int) -> None:
            doc = RelationalMeeting(person_id=people_ids[0], at=at + timedelta(minutes=n))
            tiny.table("one_to_ones").insert(doc.model_dump(mode="json"))

        def update_person(n: int) -> None:
            tiny.table("people").update(
                {"notes": f"Benchmark note {n}."}, record.id == people_ids[n]
            )

        def search(_: int) -> None:
            for kind in SEARCHED:
                fields = kind.search_fields

                def hit(doc: dict[str, Any], fields: tuple[str, ...] = fields) -> bool:
                    text = " ".join(str(doc.get(f, "")) for f in fields).casefold()
                    return SEARCH_WORD in text

                tiny.table(kind.kind).search(hit)

        _timed(times, "save_121", repeat, save_121)
        _timed(times, "update_person", repeat, update_person)
        _timed(
            times,
            "get_by_id",
            repeat,
            lambda _: tiny.table("people").get(record.id == rng.choice(people_ids)),
        )
        _timed(times, "search_notes", repeat, search)
        _timed(times, "list_people", repeat, lambda _: tiny.table("people").all())
        _timed(times, "list_121s", repeat, lambda _: tiny.table("one_to_ones").all())
        loaded = {name: tiny.table(name).all() for name in tiny.tables()}
        result = {"times": times, "gc_pause": {"before_freeze": _gc_pause()}}
        del loaded
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("side", choices=("ours", "plain"))
    parser.add_argument("db")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with working_copy(args.db) as target:
        run = ours if args.side == "ours" else plain
        result = run(target, args.repeat)
    result["rss_mb"] = peak_rss_mb()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
