"""One supervision review: its figures and trends, what moved and stalled, the reflection and
notes, and the agreed actions, this review's and those carried in from earlier ones.

Every key saves at once. A draft is worked out again from the records when it is opened and
on `r`; finishing freezes it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser import supervision
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import ReviewStatus, SupervisionReview
from organiser.repository import Repository
from organiser.review_records import Records
from screens.person_flows import refuse_if_read_only, report, report_failed_worker
from screens.supervision_dialogs import AgreedActionDialog, LineDialog, ReflectionDialog
from screens.supervision_flows import export_review, finish_review, start_review
from screens.widgets.read_only_banner import ReadOnlyBanner
from screens.widgets.review_parts import (
    AgreedActionTable,
    CarriedTable,
    SuggestionList,
    action_row,
    carried_row,
    figures_table,
    review_heading,
    review_notes,
)
from screens.widgets.trend_chart import TrendChart

HINT = (
    "On what moved or stalled: k keeps a suggestion, d drops a line, n adds one. On agreed "
    "actions: space ticks one done (again: not done), e edits, d removes. w writes the "
    "reflection and notes, a adds an agreed action, r works the figures out again, f finishes "
    "the review, x exports it."
)


class SupervisionReviewScreen(Screen[bool]):
    """Dismisses with True when the review (or an earlier one's action) was changed."""

    CSS_PATH = Path(__file__).with_name("supervision.tcss")
    BINDINGS = [
        Binding("w", "reflect", "Reflection", id="review.reflect"),
        Binding("a", "add_action", "Agree", id="review.add-action"),
        Binding("r", "refresh_figures", "Refresh", id="review.refresh"),
        Binding("f", "finish", "Finish", id="review.finish"),
        Binding("x", "export", "Export", id="review.export"),
        Binding("escape", "back", "Back", id="review.back"),
    ]

    def __init__(
        self,
        repo: Repository,
        clock: Clock,
        review: SupervisionReview,
        *,
        action_id: str | None = None,
    ) -> None:
        """Show `review`; with `action_id`, that agreed action's row is chosen."""
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.review = review
        self.changed = False
        self._start_action = action_id
        self._reviews: list[SupervisionReview] = []

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="review-view"):
            yield Static(id="review-heading")
            yield Static(Text("Figures"), classes="section-heading")
            yield Static(id="review-figures")
            yield Static(id="review-concerns")
            yield Static(Text("Trends"), classes="section-heading")
            yield TrendChart(id="review-trends")
            yield Static(Text("What moved"), classes="section-heading")
            yield SuggestionList(moved=True, id="review-moved")
            yield Static(Text("What stalled"), classes="section-heading")
            yield SuggestionList(moved=False, id="review-stalled")
            yield Static(id="review-carried-heading", classes="section-heading")
            yield CarriedTable(id="review-carried")
            yield Static(Text("Reflection and notes (w)"), classes="section-heading")
            yield Static(id="review-notes")
            yield Static(id="review-actions-heading", classes="section-heading")
            yield AgreedActionTable(id="review-actions")
            yield Static(Text(HINT), classes="hint")
        yield Footer(compact=True)

    @property
    def actions(self) -> AgreedActionTable:
        return self.query_one("#review-actions", AgreedActionTable)

    @property
    def carried(self) -> CarriedTable:
        return self.query_one("#review-carried", CarriedTable)

    def on_mount(self) -> None:
        self.title = "Supervision review"
        if self.review.status is ReviewStatus.DRAFT and not self.repo.read_only:
            self._refresh(quietly=True)
        self.show_review()
        if self._start_action is not None and self.actions.go_to(self._start_action):
            self.actions.focus()
            self.call_after_refresh(self.actions.scroll_visible)
        else:
            self.query_one("#review-moved", SuggestionList).focus(scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("refresh_figures", "finish", "keep", "drop", "add_line"):
            return self.review.status is ReviewStatus.DRAFT
        return True

    def show_review(self) -> None:
        review = self.review
        try:
            self._reviews = self.repo.list(SupervisionReview)
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
        others = [r for r in self._reviews if r.id != review.id]
        finished = review.status is ReviewStatus.FINISHED
        self.sub_title = f"with {review.supervisor}, {review.at:%d %b %Y}"
        self.query_one("#review-heading", Static).update(review_heading(review))
        self.query_one("#review-figures", Static).update(figures_table(review))
        concerns = self.query_one("#review-concerns", Static)
        concerns.update(Text("Top concerns in conversations: " + "; ".join(review.concerns)))
        concerns.display = bool(review.concerns)
        self.query_one(TrendChart).show(supervision.trends([*others, review], review))
        self.query_one("#review-moved", SuggestionList).show(
            review.moved, review.suggested_moved, frozen=finished
        )
        self.query_one("#review-stalled", SuggestionList).show(
            review.stalled, review.suggested_stalled, frozen=finished
        )
        self.query_one("#review-notes", Static).update(review_notes(review))
        self._show_actions()

    def _show_actions(self) -> None:
        today = self.clock.today()
        carried = supervision.carried_actions(self.review, self._reviews)
        self.query_one("#review-carried-heading", Static).update(
            Text(
                f"Agreed last time, to check ({len(carried)})"
                if carried
                else "Agreed last time, to check: nothing was left open"
            )
        )
        self.carried.show([(c.reference, carried_row(c, today)) for c in carried])
        self.carried.display = bool(carried)
        actions = self.review.agreed_actions
        still_open = sum(1 for a in actions if a.done_on is None)
        self.query_one("#review-actions-heading", Static).update(
            Text(f"Agreed actions: {len(actions)}, {still_open} open (a adds one)")
        )
        self.actions.show([(a.id, action_row(a, today)) for a in actions])

    def _save(self, changed: SupervisionReview, said: str = "") -> bool:
        if changed == self.review:
            return False
        try:
            self.review = self.repo.save(changed)
        except Exception as error:  # the store refused: say so, keep what is shown
            report(self, error)
            return False
        self.changed = True
        self.show_review()
        if said:
            self.notify(said, markup=False)
        return True

    @work(thread=True, exclusive=True, group="review-refresh", exit_on_error=False)
    def _refresh(self, *, quietly: bool = False) -> None:
        """Read the records off the main thread (a large database takes a moment); the
        figures are worked out on it, from the review as it is by then."""
        records = Records.read(self.repo)
        self.app.call_from_thread(self._refreshed, records, quietly)

    def _refreshed(self, records: Records, quietly: bool) -> None:
        if self.review.status is ReviewStatus.FINISHED:
            return
        try:
            fresh = supervision.refresh(self.review, records, self.clock.today())
        except ValueError as error:
            report(self, error, "Cannot refresh")
            return
        saved = self._save(fresh)
        if not quietly:
            self.notify("Figures worked out again" if saved else "The figures are up to date")

    def action_refresh_figures(self) -> None:
        if not refuse_if_read_only(self, self.repo):
            self._refresh()

    def _lines(self) -> SuggestionList | None:
        focused = self.focused
        return focused if isinstance(focused, SuggestionList) else None

    def _change_lines(self, change: Any, said: str) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        try:
            changed = change(self.review)
        except ValueError as error:  # finished, or a line that cannot be kept
            self.notify(str(error), severity="warning", markup=False)
            return
        self._save(changed, said)

    def action_keep(self) -> None:
        lines = self._lines()
        line = lines.current if lines else None
        if line is None or not line.suggested:
            self.notify("Choose a suggestion (marked ?) to keep.", markup=False)
            return
        self._change_lines(lambda r: supervision.keep(r, line.text), f"Kept: {line.text}")

    def action_drop(self) -> None:
        lines = self._lines()
        line = lines.current if lines else None
        if line is None:
            self.notify("Choose a line to drop.", markup=False)
            return
        self._change_lines(lambda r: supervision.drop(r, line.text), f"Dropped: {line.text}")

    @work(exclusive=True, group="review", exit_on_error=False)
    async def action_add_line(self) -> None:
        lines = self._lines()
        if lines is None or refuse_if_read_only(self, self.repo):
            return
        if self.review.status is ReviewStatus.FINISHED:
            self.notify("This review is finished: what moved and stalled is kept as it was.")
            return
        text = await self.app.push_screen_wait(LineDialog(moved=lines.moved, review=self.review))
        if text is not None:
            where = "what moved" if lines.moved else "what stalled"
            self._change_lines(
                lambda r: supervision.add_line(r, text, moved=lines.moved),
                f"Added to {where}: {text}",
            )

    @work(exclusive=True, group="review", exit_on_error=False)
    async def action_reflect(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        typed = await self.app.push_screen_wait(ReflectionDialog(self.review))
        if typed is not None:
            self._save(self.review.evolve(**typed), "Reflection and notes saved")

    @work(exclusive=True, group="review", exit_on_error=False)
    async def action_add_action(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        profile = self.repo.profile()
        owner = profile.organiser_name if profile else ""
        action = await self.app.push_screen_wait(
            AgreedActionDialog(None, self.clock.today(), owner)
        )
        if action is not None and self._save(
            supervision.put_action(self.review, action), f"Agreed: {action.text}"
        ):
            self.actions.go_to(action.id)
            self.actions.focus()

    @work(exclusive=True, group="review", exit_on_error=False)
    async def action_edit_action(self) -> None:
        chosen = self.actions.current_id
        action = next((a for a in self.review.agreed_actions if a.id == chosen), None)
        if action is None or refuse_if_read_only(self, self.repo):
            return
        edited = await self.app.push_screen_wait(AgreedActionDialog(action, self.clock.today()))
        if edited is not None:
            self._save(supervision.put_action(self.review, edited), "Agreed action saved")

    def action_remove_action(self) -> None:
        chosen = self.actions.current_id
        action = next((a for a in self.review.agreed_actions if a.id == chosen), None)
        if action is None or refuse_if_read_only(self, self.repo):
            return
        self._save(supervision.remove_action(self.review, action.id), f"Removed: {action.text}")

    def action_tick(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        today = self.clock.today()
        if self.focused is self.carried:
            self._tick_carried(self.carried.current_id, today)
            return
        chosen = self.actions.current_id
        action = next((a for a in self.review.agreed_actions if a.id == chosen), None)
        if action is None:
            self.notify("No agreed actions yet: a adds one.", markup=False)
            return
        day = None if action.done_on else today
        said = f"Done: {action.text}" if day else f"Not done after all: {action.text}"
        self._save(supervision.set_done(self.review, action.id, day), said)

    def _tick_carried(self, reference: str | None, today: date) -> None:
        found = supervision.find_action(self._reviews, reference or "")
        if found is None:
            self.notify("That action is no longer on record.", severity="warning")
            return
        day = None if found.action.done_on else today
        try:
            self.repo.save(supervision.set_done(found.review, found.action.id, day))
        except Exception as error:
            report(self, error)
            return
        self.changed = True
        self.notify(f"{'Done' if day else 'Not done after all'}: {found.action.text}", markup=False)
        self.show_review()

    @work(exclusive=True, group="review", exit_on_error=False)
    async def action_finish(self) -> None:
        if self.review.status is ReviewStatus.FINISHED:
            return
        finished = await finish_review(self, self.repo, self.review)
        if finished is not None:
            self.review = finished
            self.changed = True
            self.show_review()
            self.refresh_bindings()

    @work(exclusive=True, group="review", exit_on_error=False)
    async def action_export(self) -> None:
        await export_review(self, self.repo, self.review)

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        """Enter on a row does nothing harmful: the keys do the ticking."""

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)


async def start_and_open(screen: Screen[Any], repo: Repository, clock: Clock) -> None:
    """Start a review (asking who, when and what period) and open it."""
    saved = await start_review(screen, repo, clock)
    if saved is not None:
        await screen.app.push_screen(SupervisionReviewScreen(repo, clock, saved))
