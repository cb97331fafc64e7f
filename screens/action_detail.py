"""One public action: its fields, the roll call (turnout by institution) and leaders' roles.

Each key saves at once: t records an institution's turnout, r adds a leader's role, delete
takes the chosen row off whichever table has the focus.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker

from organiser.actions import (
    KIND_LABELS,
    add_leader_role,
    format_percent,
    remove_leader_role,
    remove_turnout,
    set_turnout,
    turnout,
    turnout_text,
)
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Campaign, Institution, Person, PublicAction
from organiser.repository import Repository
from screens.action_flows import delete_action, edit_action
from screens.action_parts import LeaderRoleDialog, TurnoutDialog
from screens.person_flows import refuse_if_read_only, report, report_failed_worker
from screens.roll_call_screen import RollCallScreen, export_sheet, record_call
from screens.widgets.action_table import KeyedTable, cell
from screens.widgets.read_only_banner import ReadOnlyBanner

NOT_RECORDED = Text("not recorded", style="dim")
GONE = "(no longer on record)"


def action_fields(action: PublicAction, campaigns: Mapping[str, Campaign], zone: ZoneInfo) -> Table:
    """Every field as label and value; values are plain text, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=16, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str) -> None:
        table.add_row(Text(label), Text(value) if value else NOT_RECORDED)

    campaign = campaigns.get(action.campaign_id or "")
    row("Kind", KIND_LABELS[action.action_kind])
    row("When", f"{action.at.astimezone(zone):%A %d %B %Y, %H:%M}")
    row("Place", action.place)
    row("Campaign", campaign.name if campaign else "")
    row("The ask", action.ask)
    row("Turnout", turnout_text(action))
    row("Response", action.response)
    row("Evaluation", action.evaluation)
    row("Lessons", action.lessons)
    return table


class ActionDetailScreen(Screen[bool]):
    """Dismisses with True when the action was changed or deleted, so the list reloads."""

    BINDINGS = [
        Binding("t", "record_turnout", "Turnout", id="action-detail.turnout"),
        Binding("r", "add_role", "Leader role", id="action-detail.role"),
        Binding("P", "pledge", "Pledge", id="action-detail.pledge"),
        Binding("B", "brought", "Brought", id="action-detail.brought"),
        Binding("s", "roll_call", "Roll-call sheet", id="action-detail.roll-call"),
        Binding("x", "export_roll_call", "Export sheet", id="action-detail.export-roll-call"),
        Binding("delete", "remove", "Remove row", key_display="del", id="action-detail.remove"),
        Binding("e", "edit_action", "Edit", id="action-detail.edit"),
        Binding("d", "delete_action", "Delete", id="action-detail.delete"),
        Binding("escape", "back", "Back", id="action-detail.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, action: PublicAction) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.action = action
        self.changed = False
        self._people: dict[str, Person] = {}
        self._institutions: dict[str, Institution] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="action-detail"):
            yield Static(id="action-title")
            yield Static(id="action-fields")
            yield Static(id="action-turnout-heading", classes="section-heading")
            yield KeyedTable(
                (("Institution", 40), ("Pledged", 9), ("Delivered", 9), ("%", 6)),
                id="action-turnout",
            )
            yield Static(id="action-roles-heading", classes="section-heading")
            yield KeyedTable((("Leader", 40), ("Role", 40)), id="action-roles")
            yield Static(
                Text(
                    "t records turnout for an institution · P a pledge · B what it brought · "
                    "s the roll-call sheet · r adds a leader's role · "
                    "del removes the chosen row · tab moves between the tables"
                ),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Action"
        self.show_action()
        self.query_one("#action-turnout", KeyedTable).focus()

    def show_action(self) -> None:
        action = self.action
        try:
            self._people = {p.id: p for p in self.repo.list(Person)}
            self._institutions = {i.id: i for i in self.repo.list(Institution)}
            campaigns = {c.id: c for c in self.repo.list(Campaign)}
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
            campaigns = {}
        self.sub_title = action.name
        self.query_one("#action-title", Static).update(Text(action.name, style="bold"))
        self.query_one("#action-fields", Static).update(
            action_fields(action, campaigns, self.clock.tz)
        )
        figures = turnout(action)
        heading = f"Turnout: {turnout_text(action)}"
        if action.turnout_by_institution:
            heading += (
                f" · roll call {figures.delivered:,} delivered of {figures.pledged:,} pledged"
            )
            share = format_percent(figures.delivered, figures.pledged)
            heading += f" ({share})" if share else ""
        else:
            heading += " · no institution's turnout yet (t records one)"
        self.query_one("#action-turnout-heading", Static).update(Text(heading))
        rows = []
        for line in action.turnout_by_institution:
            institution = self._institutions.get(line.institution_id)
            rows.append(
                (
                    line.institution_id,
                    [
                        cell(institution.name if institution else GONE),
                        cell(f"{line.pledged:,}", right=True),
                        cell(f"{line.delivered:,}", right=True),
                        cell(format_percent(line.delivered, line.pledged), right=True),
                    ],
                )
            )
        self.query_one("#action-turnout", KeyedTable).show(rows)
        roles = len(action.leader_roles)
        self.query_one("#action-roles-heading", Static).update(
            Text(f"Leaders with a role ({roles})" if roles else "Leaders with a role: none yet")
        )
        self.query_one("#action-roles", KeyedTable).show(
            [
                (
                    r.person_id,
                    [
                        cell(
                            self._people[r.person_id].name if r.person_id in self._people else GONE
                        ),
                        cell(r.role),
                    ],
                )
                for r in action.leader_roles
            ]
        )

    def _save(self, changed: PublicAction, said: str) -> bool:
        if changed == self.action:
            return False
        try:
            self.action = self.repo.save(changed)
        except Exception as error:
            report(self, error)
            return False
        self.changed = True
        self.show_action()
        self.notify(said, markup=False)
        return True

    @work(exclusive=True, group="action", exit_on_error=False)
    async def action_record_turnout(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        if not self._institutions:
            self.notify("No institutions on record yet: add them under Institutions.")
            return
        table = self.query_one("#action-turnout", KeyedTable)
        current = next(
            (t for t in self.action.turnout_by_institution if t.institution_id == table.current_id),
            None,
        )
        row = await self.app.push_screen_wait(
            TurnoutDialog(list(self._institutions.values()), current if table.has_focus else None)
        )
        if row is None:
            return
        name = self._institutions[row.institution_id].name
        if self._save(
            set_turnout(self.action, row.institution_id, row.pledged, row.delivered),
            f"{name}: {row.delivered:,} delivered of {row.pledged:,} pledged",
        ):
            table.go_to(row.institution_id)
            table.focus()

    async def _call(self, *, delivered: bool) -> None:
        saved = await record_call(self, self.repo, self.action, delivered=delivered)
        if saved is not None:
            self.action, self.changed = saved, True
            self.show_action()

    @work(exclusive=True, group="action", exit_on_error=False)
    async def action_pledge(self) -> None:
        await self._call(delivered=False)

    @work(exclusive=True, group="action", exit_on_error=False)
    async def action_brought(self) -> None:
        await self._call(delivered=True)

    def action_roll_call(self) -> None:
        sheet = RollCallScreen(self.repo, self.clock, self.action)
        self.app.push_screen(sheet, lambda changed: self._back_from_sheet(sheet, changed))

    def _back_from_sheet(self, sheet: RollCallScreen, changed: bool | None) -> None:
        if changed:
            self.action, self.changed = sheet.action, True
            self.show_action()

    @work(exclusive=True, group="action", exit_on_error=False)
    async def action_export_roll_call(self) -> None:
        await export_sheet(self, self.repo, self.clock, self.action, Path.home())

    @work(exclusive=True, group="action", exit_on_error=False)
    async def action_add_role(self) -> None:
        if refuse_if_read_only(self, self.repo):
            return
        role = await self.app.push_screen_wait(LeaderRoleDialog(list(self._people.values())))
        if role is None:
            return
        name = self._people[role.person_id].name
        if self._save(
            add_leader_role(self.action, role.person_id, role.role),
            f"{name}: {role.role or 'a role'}",
        ):
            table = self.query_one("#action-roles", KeyedTable)
            table.go_to(role.person_id)
            table.focus()

    def action_remove(self) -> None:
        focused = self.focused
        if not isinstance(focused, KeyedTable) or focused.current_id is None:
            self.notify("Choose a row in the turnout or leaders table first.", markup=False)
            return
        if refuse_if_read_only(self, self.repo):
            return
        if focused.id == "action-turnout":
            self._save(remove_turnout(self.action, focused.current_id), "Turnout line removed")
        else:
            self._save(remove_leader_role(self.action, focused.current_id), "Leader role removed")

    @work(exclusive=True, group="action", exit_on_error=False)
    async def action_edit_action(self) -> None:
        saved = await edit_action(self, self.repo, self.clock, self.action)
        if saved is not None:
            self.action = saved
            self.changed = True
            self.show_action()

    @work(exclusive=True, group="action", exit_on_error=False)
    async def action_delete_action(self) -> None:
        if await delete_action(self, self.repo, self.action):
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
