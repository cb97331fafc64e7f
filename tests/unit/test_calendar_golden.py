"""The diary export's exact bytes, pinned: the writer is made faster, never different.

The digests were taken from the export before it was made quicker; a change to what the
diary says (a new line, other wording) means taking them again, on purpose, and saying why.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.calendar.export import DiaryChoice, build_diary
from organiser.calendar.writer import EntryCache
from organiser.clock import FixedClock
from organiser.demo import build_demo
from store.repository import TinyRepository
from tests.samples import sample_records

TODAY = date(2026, 11, 23)

CHOICES: dict[str, DiaryChoice] = {
    "everything": DiaryChoice(),
    "private, as to-dos": DiaryChoice(include_private=True, todo=True),
    "one file a kind": DiaryChoice(split=True),
    "one month": DiaryChoice(start=date(2026, 11, 1), end=date(2026, 11, 30)),
}

DEMO: dict[str, str] = {
    "everything": "051cfce9cf59bbf2821e81819168f21a9098f391c4caae961e193b186f2c5317",
    "private, as to-dos": "a25e092fd69c557686711edc107312f2cea68a661692ee4eae43a4a338347e00",
    "one file a kind": "f432a6ee77cf5d40a875472bc38f015816dbf0d0b1aacdcfefc14c56f2abcbef",
    "one month": "c370ebb4cf19a9f0f2ccdea82d68c7f3b82a5226795febccabc41d92c87a0e8a",
}
SAMPLES: dict[str, str] = {
    "everything": "e368bfdd242d50e3f3dbaf5a73c1c508fc5a3aca5ca2cda07533155736261d41",
    "private, as to-dos": "577fafbf4c7860884310993b787aa4909d67b60ffcabee0a2fa744d40c94e320",
    "one file a kind": "9c5ea5391fa8312be41b29a6bae8a27388985e001161d69a2f76e59e1b825f32",
    "one month": "d730827ab3b48f7a591a356a022e796192b11ab788f077c35b30eeaabf955d5e",
}


def digest(repo: TinyRepository, choice: DiaryChoice, cache: EntryCache | None = None) -> str:
    found = hashlib.sha256()
    for text in build_diary(repo, choice, TODAY, cache=cache):
        found.update(f"{text.kind}:{text.entries}:".encode())
        found.update(text.data)
    return found.hexdigest()


@pytest.fixture
def empty(clock: FixedClock) -> Iterator[TinyRepository]:
    repository = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    yield repository
    repository.close()


@pytest.fixture
def counted_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record ids 1, 2, 3… rather than random, so the samples export the same bytes."""
    numbers = iter(range(1, 1_000_000))
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(numbers)))


@pytest.mark.parametrize("name", list(CHOICES))
def test_the_demo_alliance_exports_the_same_bytes_as_before(
    empty: TinyRepository, clock: FixedClock, name: str
) -> None:
    empty.save_all(build_demo(clock.today()).records)
    assert digest(empty, CHOICES[name]) == DEMO[name]
    cache = EntryCache()
    digest(empty, CHOICES[name], cache)
    assert digest(empty, CHOICES[name], cache) == DEMO[name]  # kept and reused: the same


@pytest.mark.parametrize("name", list(CHOICES))
def test_every_record_type_exports_the_same_bytes_as_before(
    empty: TinyRepository, counted_ids: None, name: str
) -> None:
    empty.save_all(sample_records())
    assert digest(empty, CHOICES[name]) == SAMPLES[name]
