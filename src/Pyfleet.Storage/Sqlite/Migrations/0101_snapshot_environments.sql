-- Snapshots stored one environment at a time, content-addressed. A fleet rescans the same environments every
-- day: an environment whose JSON has not changed since any earlier scan is stored once and referenced by every
-- snapshot that saw it, so a rescan writes a few bytes per environment instead of the whole document again.
--
-- layout 1: snapshots.document is the whole document (gzip of the JSON contract); every row written before this
--           migration. Kept as they are and still read: nothing is rewritten, nothing can be lost.
-- layout 2: snapshots.header is the document without its environments (gzip: host, scannedAt, warnings) and the
--           environments are the snapshot_environments rows, in document order. snapshots.document is left
--           empty, so a Pyfleet from before this migration fails loudly on such a row ("not an inventory
--           document") instead of showing a snapshot with no environments.
ALTER TABLE snapshots ADD COLUMN layout INTEGER NOT NULL DEFAULT 1;
ALTER TABLE snapshots ADD COLUMN header BLOB;

-- One environment's JSON (gzip of a one-environment inventory document with a fixed host and time, so the
-- bytes depend on the environment alone), keyed by the SHA-256 of that uncompressed JSON.
CREATE TABLE environment_documents (
    id      INTEGER PRIMARY KEY,
    sha256  BLOB    NOT NULL UNIQUE,
    content BLOB    NOT NULL
);

CREATE TABLE snapshot_environments (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    ordinal     INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES environment_documents (id),
    PRIMARY KEY (snapshot_id, ordinal)
) WITHOUT ROWID;

-- Which snapshots saw an environment document (and what pruning old snapshots may delete).
CREATE INDEX snapshot_environments_document ON snapshot_environments (document_id);
