-- Advisories synced from OSV sources. One row per (source, id): a sync replaces one source's rows in a single
-- transaction, so a failed sync leaves the previous rows intact. The full OSV JSON is kept (withdrawn records
-- too, FORMATS.md §6.1); advisory_package indexes them by (ecosystem, normalised name).
CREATE TABLE advisory_source (
    source_key    TEXT PRIMARY KEY,
    location      TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    sha256        TEXT,
    synced_at     TEXT NOT NULL,
    record_count  INTEGER NOT NULL,
    cursor        TEXT
);

CREATE TABLE advisory_record (
    source_key TEXT NOT NULL REFERENCES advisory_source(source_key) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    modified   TEXT NOT NULL,
    withdrawn  TEXT,
    json       BLOB NOT NULL,
    PRIMARY KEY (source_key, id)
);

CREATE TABLE advisory_package (
    source_key TEXT NOT NULL,
    id         TEXT NOT NULL,
    ecosystem  TEXT NOT NULL,
    name       TEXT NOT NULL,
    FOREIGN KEY (source_key, id) REFERENCES advisory_record(source_key, id) ON DELETE CASCADE
);

CREATE INDEX advisory_package_by_name ON advisory_package(ecosystem, name);
CREATE INDEX advisory_package_by_record ON advisory_package(source_key, id);

CREATE TABLE advisory_alias (
    source_key TEXT NOT NULL,
    id         TEXT NOT NULL,
    alias      TEXT NOT NULL,
    FOREIGN KEY (source_key, id) REFERENCES advisory_record(source_key, id) ON DELETE CASCADE
);

CREATE INDEX advisory_alias_by_alias ON advisory_alias(alias);
CREATE INDEX advisory_alias_by_record ON advisory_alias(source_key, id);
