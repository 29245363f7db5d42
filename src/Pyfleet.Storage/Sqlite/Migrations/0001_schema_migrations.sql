-- Bookkeeping for the migrator itself; each later file adds one area's tables.
-- Numbering: 00xx foundation, 01xx inventory snapshots, 02xx advisories, 03xx releases/lifecycle, 04xx fleet.
CREATE TABLE IF NOT EXISTS store_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
