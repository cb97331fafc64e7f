"""Starting, finishing, exporting and deleting a supervision review: each asks, then saves.

Shared by the Supervision list, a review's own screen and Today. A save the store refuses is
reported in words and nothing is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser import supervision
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.export_file import write_private
from organiser.models import ReviewStatus, SupervisionReview
from organiser.repository import Repository
from organiser.review_export import ReviewExport, render
from organiser.review_records import Records
from screens.confirm import ConfirmDialog
from screens.form_flow import confirm_delete
from screens.person_flows import refuse_if_read_only, report
from screens.supervision_export import ExportDialog, default_folder
from screens.supervision_start import StartReviewDialog


async def start_review(
    screen: Screen[Any], repo: Repository, clock: Clock
) -> SupervisionReview | None:
    """Ask who, when and over what period; save the draft with its figures worked out."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        records = Records.read(repo)
    except OrganiserError as error:
        report(screen, error, "Cannot start a review")
        return None
    today = clock.today()
    dialog = StartReviewDialog(
        supervision.last_supervisor(records.reviews),
        supervision.default_period(records.reviews, today),
        clock.now(),
        clock.tz,
    )
    choice = await screen.app.push_screen_wait(dialog)
    if choice is None:
        return None
    try:
        draft = supervision.start(records, choice.supervisor, choice.at, choice.period, today)
        saved = repo.save(draft)
    except Exception as error:  # whatever went wrong, say so in words
        report(screen, error)
        return None
    screen.notify(f"Supervision review with {saved.supervisor} started", markup=False)
    return saved


async def finish_review(
    screen: Screen[Any], repo: Repository, review: SupervisionReview
) -> SupervisionReview | None:
    """Ask, then freeze the review's figures for good."""
    if refuse_if_read_only(screen, repo):
        return None
    waiting = len(review.suggested_moved) + len(review.suggested_stalled)
    question = Text(
        "Its figures are kept as they are now: later changes to your records will not "
        "change them, and they cannot be refreshed again."
    )
    if waiting:
        question.append(
            f"\n\n{waiting} suggestion{'' if waiting == 1 else 's'} neither kept nor dropped "
            f"will be left out.",
            style="bold",
        )
    sure = await screen.app.push_screen_wait(
        ConfirmDialog("Finish this review?", question, yes="Finish", no="Not yet")
    )
    if not sure:
        return None
    try:
        finished = repo.save(supervision.finish(review))
    except Exception as error:
        report(screen, error, "Not finished")
        return None
    screen.notify("Review finished: its figures are frozen", markup=False)
    return finished


async def export_review(
    screen: Screen[Any], repo: Repository, review: SupervisionReview, home: Path | None = None
) -> Path | None:
    """Ask where and how, then write the file (replacing one only when told to)."""
    folder = default_folder(home or Path.home())
    choice = await screen.app.push_screen_wait(ExportDialog(review, folder))
    if choice is None:
        return None
    if choice.path.exists():
        replace = await screen.app.push_screen_wait(
            ConfirmDialog(
                "Replace the file?",
                Text.assemble((str(choice.path), "bold"), " is there already."),
                yes="Replace",
                no="Keep it",
            )
        )
        if not replace:
            return None
    try:
        export = ReviewExport.of(
            review,
            repo.list(SupervisionReview),
            repo.profile(),
            include_private=choice.include_private,
        )
        write_private(choice.path, render(export, choice.fmt))
    except OSError as error:
        screen.notify(
            f"Cannot write {choice.path}: {error.strerror or error}",
            title="Not exported",
            severity="error",
            markup=False,
        )
        return None
    except OrganiserError as error:
        report(screen, error, "Not exported")
        return None
    private = " with the private notes" if choice.include_private else ""
    screen.notify(f"Exported{private} to {choice.path}", markup=False)
    return choice.path


async def delete_review(screen: Screen[Any], repo: Repository, review: SupervisionReview) -> bool:
    if refuse_if_read_only(screen, repo):
        return False
    question = Text.assemble(
        "Delete the supervision review with ",
        (review.supervisor, "bold"),
        f" of {review.at:%d %b %Y}?\n\n",
    )
    if review.status is ReviewStatus.FINISHED:
        question.append("It is finished: its frozen figures cannot be worked out again.\n")
    if review.agreed_actions:
        question.append(f"Its {len(review.agreed_actions)} agreed actions go with it.\n")
    question.append("This is permanent.")
    return await confirm_delete(
        screen,
        "Delete this review?",
        question,
        lambda: repo.delete(SupervisionReview, review.id),
        "Supervision review deleted",
    )
