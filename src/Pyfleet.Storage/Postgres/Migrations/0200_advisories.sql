-- Advisories synced from OSV sources. One row per (source, id): a sync replaces one source's rows in a single
-- transaction, so a failed sync leaves the previous rows intact. The full OSV JSON is kept (withdrawn records
-- too). Ordered reads use COLLATE "C" so both engines return the same order.
CREATE TABLE advisory_source (
    source_key    text        PRIMARY KEY,
    location      text        NOT NULL,
    etag          text,
    last_modified timestamptz,
    sha256        text,
    synced_at     timestamptz NOT NULL,
    record_count  integer     NOT NULL,
    cursor        timestamptz
);

CREATE TABLE advisory_record (
    source_key text        NOT NULL REFERENCES advisory_source (source_key) ON DELETE CASCADE,
    id         text        NOT NULL,
    modified   timestamptz NOT NULL,
    withdrawn  timestamptz,
    json       bytea       NOT NULL,
    PRIMARY KEY (source_key, id)
);
