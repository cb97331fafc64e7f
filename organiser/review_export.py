"""A supervision review as Markdown, or as one self-contained HTML page to open or print.

Everything typed is escaped for the format it goes into, so a note that looks like markup
stays text. Private notes are left out unless the organiser asks for them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from organiser.models import AgreedAction, Profile, ReviewStatus, SupervisionReview
from organiser.review_figures import change, format_value
from organiser.review_page import page
from organiser.supervision import OpenAction, Trend, carried_actions, period_of, trends
from organiser.text import day_count


class ExportFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"


@dataclass(frozen=True)
class ReviewExport:
    """A review and what it shows beside its own fields."""

    review: SupervisionReview
    organiser: str = ""
    alliance: str = ""
    carried: Sequence[OpenAction] = ()
    trends: Sequence[Trend] = field(default_factory=list)
    include_private: bool = False

    @classmethod
    def of(
        cls,
        review: SupervisionReview,
        reviews: Iterable[SupervisionReview],
        profile: Profile | None,
        *,
        include_private: bool = False,
    ) -> ReviewExport:
        pool = list(reviews)
        return cls(
            review=review,
            organiser=profile.organiser_name if profile else "",
            alliance=profile.alliance_name if profile else "",
            carried=carried_actions(review, pool),
            trends=trends(pool, review),
            include_private=include_private,
        )


def file_name(review: SupervisionReview, fmt: ExportFormat) -> str:
    """ "supervision-review-2026-11-23.md" """
    return f"supervision-review-{review.at:%Y-%m-%d}.{fmt.value}"


def render(export: ReviewExport, fmt: ExportFormat) -> str:
    return to_html(export) if fmt is ExportFormat.HTML else to_markdown(export)


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _action_line(action: AgreedAction) -> str:
    parts = [action.text]
    if action.owner:
        parts.append(action.owner)
    if action.due:
        parts.append(f"due {_day(action.due)}")
    if action.done_on:
        parts.append(f"done {_day(action.done_on)}")
    return " — ".join(parts)


def _status(review: SupervisionReview) -> str:
    if review.status is ReviewStatus.FINISHED:
        return "Finished: the figures are kept as they were on the day"
    return "Draft: the figures may still change"


def _facts(export: ReviewExport) -> list[tuple[str, str]]:
    review = export.review
    period = period_of(review)
    who = export.organiser + (f" ({export.alliance})" if export.alliance else "")
    facts = [("Organiser", who)] if who else []
    return [
        *facts,
        ("Supervisor", review.supervisor),
        ("Date", f"{review.at:%A} {_day(review.at.date())}"),
        ("Period", f"{_day(period.start)} to {_day(period.end)} ({day_count(period.length)})"),
        ("Status", _status(review)),
    ]


# Markdown -------------------------------------------------------------------------------------

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def md_escape(text: str) -> str:
    """`text` as Markdown shows it literally: no emphasis, links, tags or headings."""
    lines = []
    for line in text.splitlines() or [""]:
        line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line))
        lines.append(_LINE_START.sub(r"\1\\\2", line))
    return "  \n".join(lines)


def _md_notes(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(md_escape(p) for p in paragraphs) if paragraphs else "_None recorded._"


def _md_list(items: Sequence[str]) -> str:
    return "\n".join(f"- {md_escape(i)}" for i in items) if items else "_None recorded._"


def _md_actions(actions: Iterable[AgreedAction]) -> str:
    lines = [f"- [{'x' if a.done_on else ' '}] {md_escape(_action_line(a))}" for a in actions]
    return "\n".join(lines) if lines else "_None recorded._"


def _md_figures(review: SupervisionReview) -> str:
    rows = [
        "| Figure | This period | Target | Previous | Change |",
        "| --- | ---: | ---: | ---: | :---: |",
    ]
    for f in review.figures:
        cells = [
            md_escape(f.label),
            format_value(f.value, f.unit),
            format_value(f.target, f.unit) or "–",
            format_value(f.previous, f.unit) or "–",
            change(f).arrow or "–",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) if review.figures else "_No figures._"


def _md_trends(found: Sequence[Trend]) -> str:
    if not found or len(found[0].points) < 2:
        return "_Not enough reviews yet to show a trend._"
    heads = [md_escape(label) for label, _ in found[0].points]
    rows = ["| Figure | " + " | ".join(heads) + " |", "| --- |" + " ---: |" * len(heads)]
    for trend in found:
        values = [format_value(v, trend.unit) or "–" for _, v in trend.points]
        rows.append(f"| {md_escape(trend.label)} | " + " | ".join(values) + " |")
    return "\n".join(rows)


def to_markdown(export: ReviewExport) -> str:
    review = export.review
    parts = [
        f"# Supervision review, {_day(review.at.date())}",
        "\n".join(f"- **{label}:** {md_escape(value)}" for label, value in _facts(export)),
        "## Figures",
        _md_figures(review),
    ]
    if review.concerns:
        parts += ["## Top concerns in conversations", _md_list(review.concerns)]
    parts += [
        "## Trends (the last reviews and this one)",
        _md_trends(export.trends),
        "## What moved",
        _md_list(review.moved),
        "## What stalled",
        _md_list(review.stalled),
        "## Agreed last time, to check",
        _md_actions(a.action for a in export.carried),
        "## What went well",
        _md_notes(review.went_well),
        "## A weakness to work on",
        _md_notes(review.weakness),
        "## Supervisor's notes",
        _md_notes(review.supervisor_notes),
    ]
    if export.include_private:
        parts += ["## Private notes", _md_notes(review.private_notes)]
    parts += ["## Agreed actions", _md_actions(review.agreed_actions)]
    return "\n\n".join(parts) + "\n"


# HTML -----------------------------------------------------------------------------------------


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_notes(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if not paragraphs:
        return '<p class="none">None recorded.</p>'
    return "\n".join(f"<p>{_h(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def _html_list(items: Sequence[str]) -> str:
    if not items:
        return '<p class="none">None recorded.</p>'
    return "<ul>\n" + "\n".join(f"<li>{_h(i)}</li>" for i in items) + "\n</ul>"


def _html_actions(actions: Iterable[AgreedAction]) -> str:
    rows = [
        f'<li class="{"done" if a.done_on else "open"}">'
        f'<span class="box">{"☑" if a.done_on else "☐"}</span> {_h(_action_line(a))}</li>'
        for a in actions
    ]
    if not rows:
        return '<p class="none">None recorded.</p>'
    return '<ul class="actions">\n' + "\n".join(rows) + "\n</ul>"


def _html_figures(review: SupervisionReview) -> str:
    if not review.figures:
        return '<p class="none">No figures.</p>'
    rows = []
    for f in review.figures:
        moved = change(f)
        mood = "" if moved.good is None else (' class="good"' if moved.good else ' class="bad"')
        rows.append(
            f'<tr><th scope="row">{_h(f.label)}</th><td>{_h(format_value(f.value, f.unit))}</td>'
            f"<td>{_h(format_value(f.target, f.unit)) or '–'}</td>"
            f"<td>{_h(format_value(f.previous, f.unit)) or '–'}</td>"
            f"<td{mood}>{moved.arrow or '–'}</td></tr>"
        )
    head = (
        '<tr><th scope="col">Figure</th><th scope="col">This period</th>'
        '<th scope="col">Target</th><th scope="col">Previous</th><th scope="col">Change</th></tr>'
    )
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def _html_trends(found: Sequence[Trend]) -> str:
    if not found or len(found[0].points) < 2:
        return '<p class="none">Not enough reviews yet to show a trend.</p>'
    heads = "".join(f'<th scope="col">{_h(label)}</th>' for label, _ in found[0].points)
    rows = [
        f'<tr><th scope="row">{_h(t.label)}</th>'
        + "".join(f"<td>{_h(format_value(v, t.unit)) or '–'}</td>" for _, v in t.points)
        + "</tr>"
        for t in found
    ]
    return (
        f'<table>\n<thead><tr><th scope="col">Figure</th>{heads}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )


def to_html(export: ReviewExport) -> str:
    review = export.review
    title = f"Supervision review, {_day(review.at.date())}"
    facts = "\n".join(f"<dt>{_h(k)}</dt><dd>{_h(v)}</dd>" for k, v in _facts(export))
    sections = [
        ("Figures", _html_figures(review)),
        *(
            [("Top concerns in conversations", _html_list(review.concerns))]
            if review.concerns
            else []
        ),  # fmt: skip
        ("Trends (the last reviews and this one)", _html_trends(export.trends)),
        ("What moved", _html_list(review.moved)),
        ("What stalled", _html_list(review.stalled)),
        ("Agreed last time, to check", _html_actions(a.action for a in export.carried)),
        ("What went well", _html_notes(review.went_well)),
        ("A weakness to work on", _html_notes(review.weakness)),
        ("Supervisor's notes", _html_notes(review.supervisor_notes)),
        *(
            [("Private notes", _html_notes(review.private_notes))] if export.include_private else []
        ),  # fmt: skip
        ("Agreed actions", _html_actions(review.agreed_actions)),
    ]
    body = "\n".join(
        f"<section>\n<h2>{_h(heading)}</h2>\n{content}\n</section>" for heading, content in sections
    )
    return page(_h(title), f"<dl>\n{facts}\n</dl>", body)
