"""TinyDB behind the domain's Repository protocol: format, schema, locking, backups, paths."""
