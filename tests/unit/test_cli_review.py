"""`organiser review`: a draft for a period or the latest finished review, printed or written,
and a one-line refusal for dates it cannot use."""

from __future__ import annotations

import argparse
import stat
from datetime import date, datetime, time
from pathlib import Path

import pytest

from cli.main import main
from cli.review import add_review_arguments, review
from organiser.clock import LONDON, FixedClock, SystemClock
from organiser.models import (
    AgreedAction,
    Person,
    Profile,
    RelationalMeeting,
    ReviewStatus,
    SupervisionReview,
)
from organiser.models.supervision import Figure
from store.database import open_store
from store.repository import TinyRepository


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


FINISHED = SupervisionReview(
    at=at(date(2026, 11, 9)),
    supervisor="Bernadette Quinn",
    period_start=date(2026, 10, 26),
    period_end=date(2026, 11, 8),
    status=ReviewStatus.FINISHED,
    figures=[Figure(key="one_to_ones", label="1-2-1s held", value=17, target=30, previous=12)],
    went_well="Asked for <40> people, not 10",
    private_notes="Feeling stretched",
    agreed_actions=[AgreedAction(text="Block the mornings", owner="Jo", due=date(2026, 11, 16))],
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.json"
    amina = Person(name="Amina Khan")
    with open_store(path, SystemClock()) as opened:
        opened.repo.save_all(
            [
                Profile(organiser_name="Jo Bloggs", alliance_name="Leicester Citizens"),
                amina,
                RelationalMeeting(person_id=amina.id, at=at(date(2026, 11, 10))),
                RelationalMeeting(person_id=amina.id, at=at(date(2026, 11, 17))),
                FINISHED,
            ]
        )
    return path


def reviews_in(db: Path) -> list[SupervisionReview]:
    with open_store(db, SystemClock()) as opened:
        return opened.repo.list(SupervisionReview)


def test_a_draft_for_the_period_is_printed_and_not_saved(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["review", "--since", "9 Nov 2026", "--until", "2026-11-22", "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("# Supervision review, ")
    assert "- **Organiser:** Jo Bloggs (Leicester Citizens)" in out
    assert "- **Supervisor:** Bernadette Quinn" in out  # the last one, remembered
    assert "- **Period:** 9 Nov 2026 to 22 Nov 2026 (14 days)" in out
    assert "- **Status:** Draft" in out
    assert "| 1-2-1s held | 2 | 30 | 0 | ↑ |" in out
    assert "- [ ] Block the mornings — Jo — due 16 Nov 2026" in out  # carried in to check
    assert "| 1-2-1s held | 17 | 2 |" in out  # the trend: last review and this one
    assert reviews_in(db) == [FINISHED.model_copy(update=_stamps(reviews_in(db)[0]))]


def _stamps(stored: SupervisionReview) -> dict[str, object]:
    return {"created": stored.created, "updated": stored.updated, "revision": stored.revision}


def test_the_latest_finished_review_is_written_privately_as_html(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "review.html"
    code = main(["review", "--latest", "--format", "html", "--out", str(out), "--db", str(db)])
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Wrote the supervision review to {out}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Supervision review, 9 Nov 2026" in page
    assert "Asked for &lt;40&gt; people, not 10" in page
    assert "Feeling stretched" not in page

    main(["review", "--latest", "--include-private", "--out", str(out), "--db", str(db)])
    text = out.read_text(encoding="utf-8")
    assert "## Private notes\n\nFeeling stretched" in text
    assert "| 1-2-1s held | 17 | 30 | 12 | ↑ |" in text  # as frozen, not worked out again


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--since", "31/2/2026"], "--since: there is no 31 February 2026"),
        (["--since", "soon"], "--since: “soon” is not a date I can read"),
        (["--since", "2026-11-20", "--until", "2026-11-01"], "--until (01 Nov 2026) is before"),
        ([], "Give either --since DATE"),
        (["--latest", "--since", "2026-11-01"], "Give either --since DATE"),
        (["--latest", "--until", "2026-11-01"], "--until goes with --since"),
    ],
)
def test_dates_it_cannot_use_are_refused_in_one_line(
    db: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    code = main(["review", *arguments, "--db", str(db)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.startswith(f"organiser: {message}")
    assert captured.err.count("\n") == 1


def test_a_file_that_cannot_be_written_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "review.md"
    code = main(["review", "--latest", "--out", str(target), "--db", str(db)])
    assert code == 1
    assert capsys.readouterr().err.startswith(f"organiser: Cannot write {target}")
    assert not target.parent.exists()


def test_no_finished_review_yet(repo: TinyRepository, clock: FixedClock) -> None:
    parser = argparse.ArgumentParser()
    add_review_arguments(parser)
    repo.save(Profile(organiser_name="Jo"))
    with pytest.raises(Exception, match="no finished supervision review yet"):
        review(repo, clock, parser.parse_args(["--latest"]))


def test_a_draft_runs_up_to_today_by_the_clock(
    repo: TinyRepository, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    add_review_arguments(parser)
    repo.save(Profile(organiser_name="Jo"))
    assert review(repo, clock, parser.parse_args(["--since", "mon", "--supervisor", "Sam"])) == 0
    out = capsys.readouterr().out
    assert "- **Period:** 23 Nov 2026 to 23 Nov 2026 (1 day)" in out
    assert "# Supervision review, 23 Nov 2026" in out and "- **Supervisor:** Sam" in out
