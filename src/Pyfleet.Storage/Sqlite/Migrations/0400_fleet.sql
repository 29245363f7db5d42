-- Fleet server data (docs/fleet.md): tokens, hosts, content-addressed snapshots and environments, the
-- (name, version) dictionary, its index to environments, and each host's latest environments kept at ingest.
-- Times are Unix milliseconds (the same on both engines).
CREATE TABLE fleet_tokens (
    id          INTEGER PRIMARY KEY,
    hash        BLOB    NOT NULL UNIQUE,
    scope       TEXT    NOT NULL,
    host        TEXT,
    name        TEXT,
    created_ms  INTEGER NOT NULL,
    expires_ms  INTEGER,
    revoked_ms  INTEGER
);

CREATE TABLE fleet_hosts (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL UNIQUE,
    os                 TEXT,
    first_seen_ms      INTEGER NOT NULL,
    last_seen_ms       INTEGER NOT NULL,
    latest_snapshot_id INTEGER,
    latest_scanned_ms  INTEGER,
    environment_count  INTEGER NOT NULL DEFAULT 0,
    package_count      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE fleet_snapshots (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    host_id           INTEGER NOT NULL REFERENCES fleet_hosts (id),
    sha256            BLOB    NOT NULL,
    scanned_ms        INTEGER NOT NULL,
    received_ms       INTEGER NOT NULL,
    environment_count INTEGER NOT NULL,
    package_count     INTEGER NOT NULL,
    header            BLOB    NOT NULL,
    UNIQUE (host_id, sha256)
);

CREATE INDEX fleet_snapshots_by_host ON fleet_snapshots (host_id, id);

CREATE TABLE fleet_environments (
    id      INTEGER PRIMARY KEY,
    sha256  BLOB    NOT NULL UNIQUE,
    path    TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    labels  TEXT    NOT NULL,
    content BLOB    NOT NULL
);

CREATE TABLE fleet_snapshot_environments (
    snapshot_id    INTEGER NOT NULL REFERENCES fleet_snapshots (id),
    ordinal        INTEGER NOT NULL,
    environment_id INTEGER NOT NULL REFERENCES fleet_environments (id),
    PRIMARY KEY (snapshot_id, ordinal)
) WITHOUT ROWID;

CREATE INDEX fleet_snapshot_environments_by_environment ON fleet_snapshot_environments (environment_id);

CREATE TABLE fleet_packages (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    version TEXT NOT NULL,
    UNIQUE (name, version)
);

CREATE TABLE fleet_environment_packages (
    package_id     INTEGER NOT NULL,
    environment_id INTEGER NOT NULL,
    os_package     TEXT,
    PRIMARY KEY (package_id, environment_id)
) WITHOUT ROWID;

CREATE TABLE fleet_latest (
    environment_id INTEGER NOT NULL,
    host_id        INTEGER NOT NULL,
    PRIMARY KEY (environment_id, host_id)
) WITHOUT ROWID;

CREATE INDEX fleet_latest_by_host ON fleet_latest (host_id);
