-- Scans, stored one environment at a time and content-addressed (the SQLite engine's 0100 + 0101, without the
-- whole-document layout 1 that only older SQLite files have). A fleet rescans the same environments every day:
-- an environment whose JSON has not changed since any earlier scan is stored once and referenced by every
-- snapshot that saw it.
CREATE TABLE snapshots (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    host              text        NOT NULL,
    scanned_at        timestamptz NOT NULL,
    environment_count integer     NOT NULL,
    package_count     integer     NOT NULL,
    warning_count     integer     NOT NULL,
    -- 2: header is the gzip of the document without its environments; the environments are snapshot_environments.
    layout            integer     NOT NULL,
    header            bytea       NOT NULL
);

CREATE INDEX snapshots_host_scanned_at ON snapshots (host, scanned_at);

-- One environment's JSON (gzip of a one-environment document with a fixed host and time), keyed by the SHA-256
-- of the uncompressed JSON.
CREATE TABLE environment_documents (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256  bytea  NOT NULL UNIQUE,
    content bytea  NOT NULL
);

CREATE TABLE snapshot_environments (
    snapshot_id bigint  NOT NULL REFERENCES snapshots (id),
    ordinal     integer NOT NULL,
    document_id bigint  NOT NULL REFERENCES environment_documents (id),
    PRIMARY KEY (snapshot_id, ordinal)
);

CREATE INDEX snapshot_environments_document ON snapshot_environments (document_id);
