"""The diary export's text: awkward characters survive, lines fold, privacy holds, bytes repeat."""

from __future__ import annotations

import re
from datetime import UTC, date

from organiser.calendar.export import DiaryChoice, build_diary
from organiser.calendar.writer import EntryCache, fold, text
from organiser.clock import FixedClock
from organiser.models import Consent, Person, RelationalMeeting
from store.repository import TinyRepository
from tests.calendar_samples import AWKWARD, Diary, components, uid

TODAY = date(2026, 11, 23)


def export(repo: TinyRepository, cache: EntryCache | None = None, **choice: object) -> bytes:
    return build_diary(repo, DiaryChoice(**choice), TODAY, cache=cache)[0].data  # type: ignore[arg-type]


def test_awkward_text_survives_the_round_trip(memory: TinyRepository, diary: Diary) -> None:
    memory.save(diary.action.evolve(name='Commas, semicolons; "quotes" — Wójcik 👩🏽‍🤝‍👩🏻'))
    memory.save(diary.meeting.evolve(place="Room 1; by the café, upstairs", agenda=AWKWARD))
    found = components(export(memory))
    action = found[uid("action", diary.action.id)]
    assert str(action["SUMMARY"]) == 'Commas, semicolons; "quotes" — Wójcik 👩🏽‍🤝‍👩🏻'
    meeting = found[uid("meeting", diary.meeting.id)]
    assert str(meeting["LOCATION"]) == "Room 1; by the café, upstairs"
    assert str(meeting["DESCRIPTION"]) == f"Team\nAgenda: {AWKWARD}"
    booked = found[uid("one-to-one", diary.booked.id)]
    assert str(booked["LOCATION"]) == "Café; Narborough Road, Leicester"


def test_lines_end_in_crlf_and_fold_at_75_octets(memory: TinyRepository, diary: Diary) -> None:
    memory.save(diary.meeting.evolve(agenda=AWKWARD * 20))
    data = export(memory, include_private=True)
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(len(line) == 75 for line in lines)  # long lines really were folded
    for line in lines:
        line.decode("utf-8")  # no character was cut in two


def test_folding_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "é👩🏽" * 60
    folded = fold(line)
    pieces = folded[:-2].split(b"\r\n ")
    assert all(len(p) <= 75 for p in pieces)
    assert b"".join(pieces).decode("utf-8") == line
    assert text("a\\b;c,d\ne\rf") == "a\\\\b\\;c\\,d\\ne" + "f"


def test_private_notes_stay_out_unless_asked(memory: TinyRepository, diary: Diary) -> None:
    plain = export(memory)
    for secret in (
        "visa",
        "Not recorded",
        "childcare",
        "Private minutes",
        "avoid asking",
        "Invite",
    ):
        assert secret.encode() not in plain
    private = export(memory, include_private=True)
    found = components(private)
    booked = str(found[uid("one-to-one", diary.booked.id)]["DESCRIPTION"])
    assert "Private notes: Worried about her visa" in booked
    assert f"Interests: {AWKWARD}" in booked
    assert "Private: I avoid asking for money" in str(
        found[uid("supervision", diary.review.id)]["DESCRIPTION"]
    )
    assert "Private minutes" in str(found[uid("meeting", diary.meeting.id)]["DESCRIPTION"])


def test_people_who_did_not_consent_appear_by_first_name_only(
    memory: TinyRepository, diary: Diary
) -> None:
    for data in (export(memory), export(memory, include_private=True)):
        assert b"Hussain" not in data
        assert b"Not recorded" not in data and b"the damp" not in data  # nor their notes
        found = components(data)
        assert str(found[uid("one-to-one", diary.held.id)]["SUMMARY"]) == "1-2-1 with Bilal"
        point = found[uid("action-point", diary.meeting.id, diary.meeting.action_points[0].id)]
        assert "Owner: Bilal" in str(point["DESCRIPTION"])
        booked = found[uid("one-to-one", diary.booked.id)]
        assert str(booked["SUMMARY"]) == "1-2-1 with Amina Khan"


def test_consent_given_later_shows_the_full_name(memory: TinyRepository, diary: Diary) -> None:
    memory.save(diary.bilal.evolve(consent_to_record=Consent(given=True, on=TODAY)))
    event = components(export(memory))[uid("one-to-one", diary.held.id)]
    assert str(event["SUMMARY"]) == "1-2-1 with Bilal Hussain"
    # The name changed, so the entry's stamp moved on though the 1-2-1 did not.
    bilal = memory.get(Person, diary.bilal.id)
    assert bilal is not None and event["LAST-MODIFIED"].dt == bilal.updated


def test_an_unchanged_database_exports_byte_for_byte(
    memory: TinyRepository, diary: Diary, clock: FixedClock
) -> None:
    first = export(memory)
    clock.advance(days=3)
    assert export(memory) == first
    assert export(memory, cache=EntryCache()) == first


def test_re_export_writes_only_what_changed(memory: TinyRepository, diary: Diary) -> None:
    cache = EntryCache()
    first = export(memory, cache)
    assert (cache.written, cache.reused) == (16, 0)
    assert export(memory, cache) == first
    assert (cache.written, cache.reused) == (16, 16)
    memory.save(diary.workshop.evolve(venue="Library"))
    changed = export(memory, cache)
    assert (cache.written, cache.reused) == (17, 31)
    assert changed != first and b"Library" in changed
    assert export(memory, EntryCache()) == changed  # the cache changes nothing in the bytes


def test_dates_and_times_are_written_in_the_basic_format(
    memory: TinyRepository, diary: Diary
) -> None:
    """Lenient readers accept much; Outlook and Exchange do not, so the exact form is checked."""
    lines = export(memory, todo=True).decode("utf-8").split("\r\n")
    stamps = [line for line in lines if line.startswith(("DTSTAMP", "LAST-MODIFIED", "COMPLETED"))]
    assert stamps and all(re.fullmatch(r"[A-Z-]+:\d{8}T\d{6}Z", line) for line in stamps)
    timed = [line for line in lines if line.startswith(("DTSTART;TZID", "DTEND;TZID"))]
    assert timed and all(
        re.fullmatch(r"DT(START|END);TZID=Europe/London:\d{8}T\d{6}", line) for line in timed
    )
    days = [line for line in lines if ";VALUE=DATE:" in line]
    assert days and all(
        re.fullmatch(r"(DTSTART|DTEND|DUE);VALUE=DATE:\d{8}", line) for line in days
    )
    assert "DTSTART;TZID=Europe/London:20260329T100000" in lines
    assert f"DTSTAMP:{diary.booked.updated.astimezone(UTC):%Y%m%dT%H%M%S}Z" in lines


def test_re_export_makes_entries_only_for_what_changed(
    memory: TinyRepository, diary: Diary
) -> None:
    cache = EntryCache()
    first = export(memory, cache)
    records = cache.memo.made
    assert records > 0 and cache.memo.reused == 0
    assert export(memory, cache) == first
    assert (cache.memo.made, cache.memo.reused) == (records, records)
    # Renaming Amina remakes her 1-2-1s' entries (their titles name her), and nothing else.
    amina = memory.get(Person, diary.amina.id)
    assert amina is not None
    memory.save(amina.evolve(name="Amina Kahn"))
    changed = export(memory, cache)
    remade = cache.memo.made - records
    hers = [m for m in memory.list(RelationalMeeting) if m.person_id == amina.id]
    assert 0 < len(hers) <= remade < records
    assert b"1-2-1 with Amina Kahn" in changed.replace(b"\r\n ", b"")  # unfolded
    assert export(memory, EntryCache()) == changed  # the memo changes nothing in the bytes
