-- One row per scan: the whole inventory document (the stable JSON contract, gzip-compressed: a fleet scan is
-- 100+ MB of JSON and compresses ~30x) plus columns to list and filter by.
CREATE TABLE snapshots (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    host              TEXT    NOT NULL,
    scanned_at        TEXT    NOT NULL,
    environment_count INTEGER NOT NULL,
    package_count     INTEGER NOT NULL,
    warning_count     INTEGER NOT NULL,
    document          BLOB    NOT NULL
);

CREATE INDEX snapshots_host_scanned_at ON snapshots (host, scanned_at);
