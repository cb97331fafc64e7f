"""Moving records in and out of Organiser: backups, spreadsheets, contacts and other tools."""
