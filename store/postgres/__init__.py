"""The team store: the Repository protocol over PostgreSQL (psycopg 3), for an alliance whose
organisers share one database. `store.postgres.opened.open_postgres(url, clock)` is the way
in; `store.postgres.address` tells a team database's address from a file's path without
importing the driver (so nothing is imported here)."""
