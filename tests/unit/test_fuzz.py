"""Property-based tests: whatever is typed into any field of any record, or given to the command
line, the program either keeps it safely or refuses it with a worded message. Never a traceback,
never a save that cannot be read back.

The number of examples per test is HYPOTHESIS_EXAMPLES (default 150, so the quick suite stays
quick); `make fuzz` runs the same tests with many more.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cli.main import main
from organiser.clock import LONDON, FixedClock
from organiser.dates import parse_day, parse_days, parse_moment
from organiser.models import RECORD_TYPES, Record
from organiser.money import parse_pounds
from organiser.text import unsafe_characters
from organiser.validation import describe, field_messages
from store.database import open_store
from store.repository import encode
from tests.samples import sample_records

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Text people paste: control characters, escapes (CSI, OSC 52), bidi overrides, NUL, lone
#: surrogates, Rich markup, emoji, huge runs, whitespace only.
NASTY = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec=None), max_size=40),
    st.sampled_from(
        [
            "",
            "   ",
            "\t\n ",
            "\x00",
            "\x1b[31mred\x1b[0m",
            "\x1b]52;c;aGVsbG8=\x07",
            "Ann\u202eevil",
            "[red]x[/]",
            "[link=http://x]y[/link]",
            "\ud800",
            'Zoë 🏳️‍🌈 O’Brien, ; "quoted"',
            "x" * 600,
            "NaN",
            "1e9",
            "-5",
            "£1,000.005",
        ]
    ),
    st.builds(lambda n: "a" * n, st.integers(min_value=10_000, max_value=200_000)),
)
VALUES = st.one_of(
    NASTY,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.lists(NASTY, max_size=3),
)
SAMPLES = {type(r): r for r in sample_records()}
SINGLE_LINE_HINTS = ("Name", "Line", "Email", "Phone")


def _single_line_fields(kind: type[Record]) -> set[str]:
    found = set()
    for name, field in kind.model_fields.items():
        hint = repr(field.annotation) + repr(field.metadata)
        if any(h in hint for h in ("_name", "_line", "_email", "_phone")):
            found.add(name)
    return found


@pytest.mark.parametrize("kind", RECORD_TYPES, ids=lambda k: k.__name__)
@FUZZ
@given(data=st.data())
def test_any_value_in_any_field_is_kept_safely_or_refused_in_words(
    kind: type[Record], data: st.DataObject
) -> None:
    base: dict[str, Any] = SAMPLES[kind].model_dump(mode="json")
    fields = [f for f in kind.model_fields if f not in ("id", "created", "updated", "revision")]
    chosen = data.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=3, unique=True))
    doc = {**base, **{f: data.draw(VALUES, label=f) for f in chosen}}
    try:
        record = kind.model_validate(doc)
    except ValidationError as error:
        messages = field_messages(error)
        assert messages and all(isinstance(m, str) and m for m in messages.values())
        assert describe(error)
        return
    raw = encode(record.model_dump(mode="json"))  # what a save writes: must never fail
    assert kind.model_validate(json.loads(raw)) == record
    for name in _single_line_fields(kind):
        value = getattr(record, name)
        if isinstance(value, str):
            assert not unsafe_characters(value), (name, value)


@FUZZ
@given(text=NASTY, today=st.dates(min_value=date(2001, 1, 1), max_value=date(2199, 1, 1)))
def test_date_and_money_parsers_answer_or_explain(text: str, today: date) -> None:
    now = datetime(today.year, today.month, today.day, 9, 30, tzinfo=LONDON)
    for parse in (
        lambda: parse_day(text, today),
        lambda: parse_days(text, today),
        lambda: parse_moment(text, now),
        lambda: parse_pounds(text),
    ):
        try:
            parse()
        except ValueError as error:
            assert str(error)


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "organiser.json"
    assert main(["demo", "--db", str(path)]) == 0
    return path


WORDS = st.sampled_from(
    [
        "today",
        "log",
        "demo",
        "where",
        "review",
        "restore",
        "--json",
        "--db",
        "--force",
        "--since",
        "--format",
        "--out",
        "--at",
        "--minutes",
        "--help",
        "-x",
        "Amina",
        "tomorrow",
        "2026-13-40",
    ]
)


@settings(FUZZ, max_examples=max(20, EXAMPLES // 3))
@given(
    command=st.sampled_from(["today", "log", "review", "where", "-x", "Amina", "\x1b[2J"]),
    args=st.lists(st.one_of(WORDS, NASTY.filter(lambda s: len(s) < 200)), max_size=5),
)
def test_the_command_line_never_shows_a_traceback(
    cli_db: Path, command: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    if {"--db", "--out", "restore", "demo"} & set(args):
        return  # never point the fuzzer at other files
    try:
        code = main([command, *args, "--db", str(cli_db)])
    except SystemExit as leaving:  # argparse: usage errors and --help
        code = int(leaving.code or 0)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2, 130)
    assert "Traceback" not in out + err
    assert "\x1b" not in err


@settings(FUZZ, max_examples=max(20, EXAMPLES // 3))
@given(names=st.lists(NASTY, min_size=1, max_size=5))
def test_every_accepted_save_reads_back_from_the_file(
    tmp_path_factory: pytest.TempPathFactory, names: list[str]
) -> None:
    from organiser.models import Person

    clock = FixedClock(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))
    path = tmp_path_factory.mktemp("saves") / "organiser.json"
    kept = {}
    with open_store(path, clock) as opened:
        for name in names:
            try:
                person = Person(name=name, notes=name)
            except ValidationError:
                continue
            kept[opened.repo.save(person).id] = person.name
    with open_store(path, clock) as opened:
        assert {p.id: p.name for p in opened.repo.list(Person)} == kept
