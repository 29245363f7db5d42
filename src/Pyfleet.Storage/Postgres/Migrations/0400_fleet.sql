-- Fleet server data (docs/fleet.md), the PostgreSQL twin of Sqlite/Migrations/0400_fleet.sql. Times are Unix
-- milliseconds on both engines.
CREATE TABLE fleet_tokens (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash        bytea  NOT NULL UNIQUE,
    scope       text   NOT NULL,
    host        text,
    name        text,
    created_ms  bigint NOT NULL,
    expires_ms  bigint,
    revoked_ms  bigint
);

CREATE TABLE fleet_hosts (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               text   NOT NULL UNIQUE,
    os                 text,
    first_seen_ms      bigint NOT NULL,
    last_seen_ms       bigint NOT NULL,
    latest_snapshot_id bigint,
    latest_scanned_ms  bigint,
    environment_count  integer NOT NULL DEFAULT 0,
    package_count      integer NOT NULL DEFAULT 0
);

CREATE TABLE fleet_snapshots (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    host_id           bigint  NOT NULL REFERENCES fleet_hosts (id),
    sha256            bytea   NOT NULL,
    scanned_ms        bigint  NOT NULL,
    received_ms       bigint  NOT NULL,
    environment_count integer NOT NULL,
    package_count     integer NOT NULL,
    header            bytea   NOT NULL,
    UNIQUE (host_id, sha256)
);

CREATE INDEX fleet_snapshots_by_host ON fleet_snapshots (host_id, id);

CREATE TABLE fleet_environments (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256  bytea NOT NULL UNIQUE,
    path    text  NOT NULL,
    kind    text  NOT NULL,
    labels  text  NOT NULL,
    content bytea NOT NULL
);

CREATE TABLE fleet_snapshot_environments (
    snapshot_id    bigint  NOT NULL REFERENCES fleet_snapshots (id),
    ordinal        integer NOT NULL,
    environment_id bigint  NOT NULL REFERENCES fleet_environments (id),
    PRIMARY KEY (snapshot_id, ordinal)
);

CREATE INDEX fleet_snapshot_environments_by_environment ON fleet_snapshot_environments (environment_id);

CREATE TABLE fleet_packages (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name    text NOT NULL,
    version text NOT NULL,
    UNIQUE (name, version)
);

-- The index who reads: (name, version) row -> environments, covering (no heap visit for the environment id).
CREATE TABLE fleet_environment_packages (
    package_id     bigint NOT NULL,
    environment_id bigint NOT NULL,
    os_package     text,
    PRIMARY KEY (package_id, environment_id)
);

CREATE TABLE fleet_latest (
    environment_id bigint NOT NULL,
    host_id        bigint NOT NULL,
    PRIMARY KEY (environment_id, host_id)
);

CREATE INDEX fleet_latest_by_host ON fleet_latest (host_id);
