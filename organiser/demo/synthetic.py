"""A large alliance for the benchmark, shaped like a mature organiser's database.

`build_synthetic(today, size)` gives, at size 1, what a few years' work looks like: about 5,000
people, 500 institutions, 15,000 1-2-1s with 300-800 characters of notes, 20,000 listening
conversations, 2,000 ladder moves, 500 trainings with participants, 3,000 fundraising items
and 1,000 meetings with minutes. Size 10 is ten times each: an alliance's shared database.

It starts from the demo alliance at the matching scale (so every link between records is real)
and tops up the kinds the demo keeps small by copying its records under new ids. The same
`today` and `size` always give the same records.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import date

from organiser.demo.alliance import build_demo
from organiser.demo.context import new_id
from organiser.models import (
    Conversation,
    FundraisingItem,
    Institution,
    LadderMove,
    Meeting,
    Record,
    RelationalMeeting,
    TrainingSession,
)

#: The demo scale that gives about 5,000 people.
DEMO_SCALE_PER_SIZE = 38.5
#: How many of each kind one size holds at least (the demo already has enough of the others).
AT_LEAST: dict[type[Record], int] = {
    Institution: 500,
    RelationalMeeting: 15_000,
    Conversation: 20_000,
    LadderMove: 2_000,
    TrainingSession: 500,
    FundraisingItem: 3_000,
    Meeting: 1_000,
}
MAX_SIZE = 10

_NOTES = (
    "Talked about the damp in the flats on the estate and how the landlord never answers. "
    "She has organised the parents at the school gate before and knows the head well. "
    "Angry about the bus cuts: her son cannot get to college without two changes. "
    "Wants to bring three neighbours to the next assembly; ask again after half term. "
    "Works nights at the hospital, so mornings are best; has a story about agency pay. "
)


def _notes(rng: random.Random) -> str:
    start = rng.randrange(len(_NOTES) // 2)
    length = rng.randint(300, 800)
    text = (_NOTES * 3)[start : start + length]
    return text.strip()


def _copies(originals: Sequence[Record], wanted: int, rng: random.Random) -> Iterable[Record]:
    """`wanted - len(originals)` copies of the originals, round robin, each with a new id."""
    for n in range(max(0, wanted - len(originals))):
        yield originals[n % len(originals)].model_copy(update={"id": new_id(rng)})


def build_synthetic(today: date, size: int = 1) -> list[Record]:
    """The benchmark's database at `size` (1 to 10), the Profile first."""
    if not 1 <= size <= MAX_SIZE:
        raise ValueError(f"size must be 1 to {MAX_SIZE}")
    demo = build_demo(today, scale=DEMO_SCALE_PER_SIZE * size)
    rng = random.Random(f"organiser-synthetic/{size}")
    records: list[Record] = []
    for record in demo.records:
        if isinstance(record, RelationalMeeting) and len(record.story) < 300:
            record = record.model_copy(update={"story": _notes(rng)})
        elif isinstance(record, Meeting) and not record.minutes:
            record = record.model_copy(update={"minutes": _notes(rng)})
        records.append(record)
    for kind, least in AT_LEAST.items():
        records.extend(_copies(demo.of(kind), least * size, rng))
    return records
