-- Suppressions (docs/fleet.md "Suppressions"): findings hidden until an expiry, scoped by package, advisory (id,
-- alias or EOL key, upper-cased), host and/or label; every given scope must match.
CREATE TABLE fleet_suppressions (
    id         INTEGER PRIMARY KEY,
    package    TEXT,
    advisory   TEXT,
    host       TEXT,
    label      TEXT,
    reason     TEXT    NOT NULL,
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER,
    created_by TEXT
);
