"""An institution's delivery record on its page: at each action it pledged to, what it pledged
and what it delivered, newest first, with the overall share (see organiser.roll_call)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from organiser.roll_call import DeliveryRecord

#: The most actions listed; the summary counts them all.
SHOWN = 20


def delivery_heading(record: DeliveryRecord) -> Text:
    if not record.deliveries:
        return Text("Turnout at actions: no pledge recorded yet (P on an action's page)")
    return Text(f"Turnout at actions: {record.summary}")


def delivery_table(record: DeliveryRecord, zone: ZoneInfo) -> RenderableType:
    """Action, date, pledged, delivered and %, every value shown literally."""
    if not record.deliveries:
        return Text("")
    table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
    table.add_column("Action", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("When", width=16, no_wrap=True)
    table.add_column("Pledged", justify="right", width=8)
    table.add_column("Delivered", justify="right", width=9)
    table.add_column("%", justify="right", width=8)
    for delivery in record.deliveries[:SHOWN]:
        table.add_row(
            Text(delivery.action_name),
            Text(f"{delivery.at.astimezone(zone):%a %d %b %Y}"),
            Text(f"{delivery.pledged:,}"),
            Text("—" if delivery.delivered is None else f"{delivery.delivered:,}"),
            Text(delivery.percent),
        )
    more = len(record.deliveries) - SHOWN
    if more > 0:
        return Group(table, Text(f"and {more:,} earlier", style="dim"))
    return table
