"""An organiser's supervision review is built from the team database exactly as from a file:
the same records give the same figures, concerns and suggestions, and the review is kept and
read back unchanged (the `repo` fixture runs this on memory, file and PostgreSQL)."""

from __future__ import annotations

from datetime import date

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import FixedClock
from organiser.demo import build_demo
from organiser.models import SupervisionReview
from organiser.periods import Period, PeriodKind
from organiser.repository import Repository
from organiser.review_records import Records
from organiser.supervision import start
from store.repository import TinyRepository


def _review(repo: Repository, clock: FixedClock, period: Period) -> SupervisionReview:
    return start(Records.read(repo), "Sam Supervisor", clock.now(), period, clock.today())


def test_a_review_from_any_store_matches_one_from_memory(
    repo: TinyRepository, clock: FixedClock
) -> None:
    demo = build_demo(clock.today(), tz=clock.tz).records
    repo.save_all(demo)
    reference = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    reference.put_exact(demo)
    for period in (
        Period.named(PeriodKind.LAST_4_WEEKS, clock.today()),
        Period(date(2026, 1, 1), clock.today(), "The year"),
    ):
        here, there = _review(repo, clock, period), _review(reference, clock, period)
        assert here.figures == there.figures
        assert [f.key for f in here.figures if f.value] != []  # the demo's year is not empty
        assert here.concerns == there.concerns
        assert here.suggested_moved == there.suggested_moved
        assert here.suggested_stalled == there.suggested_stalled

    saved = repo.save(here)
    assert repo.get(SupervisionReview, saved.id) == saved
    assert saved in repo.list(SupervisionReview)
