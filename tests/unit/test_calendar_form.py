"""Reading the Export to diary form: each wrong field gets its own message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from organiser.calendar.form import DiaryForm, read_form
from organiser.models import DiaryFile, DiaryKind

TODAY = date(2026, 11, 23)


def test_a_good_form_makes_a_request(tmp_path: Path) -> None:
    form = DiaryForm(
        (DiaryKind.MEETING, DiaryKind.ONE_TO_ONE),
        start="today",
        end="31 Dec 2026",
        include_private=True,
        path="diary.ics",
    )
    request, errors = read_form(form, TODAY, tmp_path)
    assert errors == {} and request is not None
    assert request.out == tmp_path / "diary.ics"  # a bare name goes in the home folder
    assert request.choice.kinds == {DiaryKind.MEETING, DiaryKind.ONE_TO_ONE}
    assert (request.choice.start, request.choice.end) == (TODAY, date(2026, 12, 31))
    assert request.choice.include_private and request.keep is None


def test_keeping_the_file_remembers_the_choices(tmp_path: Path) -> None:
    form = DiaryForm(tuple(DiaryKind), todo=True, keep=True, path=str(tmp_path / "d.ics"))
    request, _ = read_form(form, TODAY, Path("/nowhere"))
    assert request is not None
    assert request.keep == DiaryFile(path=str(tmp_path / "d.ics"), todo=True)
    assert DiaryForm.for_profile(request.keep, Path("/x.ics")) == form


def test_every_problem_is_named_by_its_field(tmp_path: Path) -> None:
    form = DiaryForm((), start="someday", end="", keep=True, path=str(tmp_path))
    request, errors = read_form(form, TODAY, tmp_path)
    assert request is None
    assert errors["kinds"] == "Choose at least one kind of entry."
    assert errors["start"].startswith("“someday” is not a date I can read")
    assert errors["keep"].startswith("A file kept up to date holds every day")
    assert errors["path"].startswith(f"{tmp_path} is a folder")


def test_a_period_that_ends_before_it_starts_and_a_missing_folder(tmp_path: Path) -> None:
    form = DiaryForm(
        tuple(DiaryKind), start="2 Dec 2026", end="1 Dec 2026", path=str(tmp_path / "a" / "b.ics")
    )
    _, errors = read_form(form, TODAY, tmp_path)
    assert errors == {
        "end": "The period ends (1 Dec 2026) before it starts.",
        "path": f"There is no folder {tmp_path / 'a'} to write b.ics in.",
    }
    _, errors = read_form(DiaryForm(tuple(DiaryKind), path="  "), TODAY, tmp_path)
    assert errors == {"path": "Say where to write the file, such as ~/organiser.ics."}
