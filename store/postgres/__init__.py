"""The team store: the Repository protocol over PostgreSQL (psycopg 3), for an alliance whose
organisers share one database. `open_postgres(url, clock)` is the way in."""

from store.postgres.connection import is_postgres_url, redact
from store.postgres.opened import OpenedPostgres, open_postgres

__all__ = ["OpenedPostgres", "is_postgres_url", "open_postgres", "redact"]
