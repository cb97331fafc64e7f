"""The benchmark's databases, built once and cached under .bench/ until the generator changes.

For each size there are two files holding the same records: ours (the journal store, as the
app opens it) and a plain TinyDB file with its default JSONStorage, the baseline.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, datetime
from pathlib import Path

from tinydb import TinyDB

from organiser.clock import LONDON, FixedClock
from organiser.demo.synthetic import build_synthetic
from organiser.models import Record
from store.database import open_store

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench" / "cache"
#: The day the synthetic alliance is built for: fixed, so the cache stays valid.
BUILT_FOR = date(2026, 11, 23)


def generator_hash() -> str:
    """What the cached files depend on: the generator, the records' shapes, the schema."""
    digest = hashlib.sha256()
    sources = [
        *sorted((ROOT / "organiser" / "demo").rglob("*.py")),
        *sorted((ROOT / "organiser" / "models").rglob("*.py")),
        ROOT / "store" / "schema.py",
    ]
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def paths(size: int) -> tuple[Path, Path]:
    """(our database, the plain TinyDB copy) for `size`, building them if missing or stale."""
    folder = CACHE / f"size{size}"
    ours, plain, stamp = folder / "organiser.json", folder / "plain.json", folder / "built-from"
    wanted = generator_hash()
    if stamp.is_file() and stamp.read_text() == wanted and ours.is_file() and plain.is_file():
        return ours, plain
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"building the {size}x database (cached for later runs)…", flush=True)
    records = build_synthetic(BUILT_FOR, size)
    _write_ours(ours, records)
    _write_plain(plain, records)
    stamp.write_text(wanted)
    return ours, plain


def _write_ours(path: Path, records: list[Record]) -> None:
    clock = FixedClock(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))
    with open_store(path, clock) as opened:
        opened.repo.save_all(records)


def _write_plain(path: Path, records: list[Record]) -> None:
    tables: dict[str, dict[str, object]] = {}
    for n, record in enumerate(records, start=1):
        tables.setdefault(record.kind, {})[str(n)] = record.model_dump(mode="json")
    # What TinyDB's JSONStorage writes itself after insert_multiple, without the slow path.
    path.write_text(json.dumps(tables), encoding="utf-8")
    with TinyDB(path) as db:  # check it opens as plain TinyDB
        assert len(db.table("people")) > 0


def size_mb(path: Path) -> float:
    return path.stat().st_size / 1e6
