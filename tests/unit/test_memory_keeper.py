"""The app's full garbage-collection passes happen at quiet moments, not while typing."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from screens import memory
from screens.memory import MemoryKeeper


class Timers:
    def __init__(self) -> None:
        self.every: list[tuple[float, Callable[[], None]]] = []

    def set_interval(self, seconds: float, callback: Callable[[], None], name: str) -> None:
        self.every.append((seconds, callback))


@pytest.fixture
def thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)
    gc.unfreeze()


def test_full_passes_are_left_to_the_keeper(thresholds: None) -> None:
    timers = Timers()
    keeper = MemoryKeeper()
    assert gc.get_threshold()[2] != memory.NEVER
    before = gc.get_threshold()
    keeper.start(timers)
    assert gc.get_threshold()[2] == memory.NEVER
    assert timers.every == [(memory.EVERY, keeper.tidy_if_quiet)]
    keeper.stop()
    assert gc.get_threshold() == before


def test_it_tidies_only_when_nobody_is_typing(
    thresholds: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(memory.time, "monotonic", lambda: now[0])
    keeper = MemoryKeeper()
    now[0] += 1
    keeper.touched()  # a key, a second ago
    now[0] += 1
    keeper.tidy_if_quiet()
    assert keeper.tidied == 0
    now[0] += memory.QUIET
    frozen = gc.get_freeze_count()
    keeper.tidy_if_quiet()
    assert keeper.tidied == 1 and gc.get_freeze_count() >= frozen


def test_at_the_latest_every_ten_minutes_even_while_typing(
    thresholds: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(memory.time, "monotonic", lambda: now[0])
    keeper = MemoryKeeper()
    for _ in range(int(memory.AT_MOST // 30) - 1):
        now[0] += 30
        keeper.touched()
        keeper.tidy_if_quiet()
    assert keeper.tidied == 0
    now[0] += 30
    keeper.touched()
    keeper.tidy_if_quiet()
    assert keeper.tidied == 1
