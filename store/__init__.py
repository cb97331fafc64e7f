"""TinyDB behind the domain's Repository protocol: storage format, schema, locking, backups, paths."""
