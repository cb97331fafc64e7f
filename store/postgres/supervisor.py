"""The team's figures for the app, read by a supervisor's login (organiser.team_figures)."""

from __future__ import annotations

from dataclasses import dataclass

from organiser.periods import Period
from organiser.team_figures import OrganiserFigures
from organiser.team_work import SharedWork
from store.postgres.figures import one_to_one_figures, shared_work
from store.postgres.repository import PostgresRepository
from store.postgres.team import is_supervisor


@dataclass(frozen=True)
class SupervisorFigures:
    """Every organiser's 1-2-1s (days counted in `zone`), trainings and money paid in,
    through a supervisor's repository, on its connection in turn with its own calls."""

    repo: PostgresRepository
    zone: str

    def one_to_ones(self, period: Period) -> list[OrganiserFigures]:
        return self.repo.taking_turns(
            lambda conn: one_to_one_figures(conn, period, self.zone), "count the 1-2-1s"
        )

    def shared_work(self, period: Period) -> SharedWork:
        return self.repo.taking_turns(
            lambda conn: shared_work(conn, period), "read the team's trainings and money"
        )


def supervisor_figures(repo: PostgresRepository, zone: str) -> SupervisorFigures | None:
    """The team's figures when this login is a supervisor's; None for an organiser's own."""
    supervising = repo.taking_turns(is_supervisor, "look up this login's role")
    return SupervisorFigures(repo, zone) if supervising else None
