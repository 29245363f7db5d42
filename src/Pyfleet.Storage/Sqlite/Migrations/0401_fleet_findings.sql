-- Fleet findings (docs/fleet.md "Findings"): what the analysis said about each distinct (name, version) pair under
-- an analysis data version, each host's findings with their history (first seen, resolved), the days each host
-- reported, and the event outbox written in the same transaction as the findings it describes.
CREATE TABLE fleet_pair_analysis (
    package_id   INTEGER PRIMARY KEY,
    data_version TEXT    NOT NULL
);

CREATE TABLE fleet_pair_findings (
    package_id    INTEGER NOT NULL,
    finding_key   TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    advisory_id   TEXT,
    aliases       TEXT    NOT NULL,
    summary       TEXT,
    severity      TEXT    NOT NULL,
    severity_rank INTEGER NOT NULL,
    fixed_version TEXT,
    eol_date      TEXT,
    PRIMARY KEY (package_id, finding_key)
) WITHOUT ROWID;

-- Every advisory id and alias (upper-cased) -> the pairs it names: who?vuln= and the findings' advisory filter.
CREATE TABLE fleet_finding_names (
    name        TEXT    NOT NULL,
    package_id  INTEGER NOT NULL,
    finding_key TEXT    NOT NULL,
    PRIMARY KEY (name, package_id, finding_key)
) WITHOUT ROWID;

CREATE INDEX fleet_finding_names_by_pair ON fleet_finding_names (package_id, finding_key);

CREATE TABLE fleet_findings (
    id             INTEGER PRIMARY KEY,
    host_id        INTEGER NOT NULL,
    path           TEXT    NOT NULL,
    environment_id INTEGER NOT NULL,
    package_id     INTEGER NOT NULL,
    finding_key    TEXT    NOT NULL,
    first_seen_ms  INTEGER NOT NULL,
    resolved_ms    INTEGER
);

CREATE UNIQUE INDEX fleet_findings_open ON fleet_findings (host_id, path, package_id, finding_key) WHERE resolved_ms IS NULL;
CREATE INDEX fleet_findings_open_by_pair ON fleet_findings (package_id, finding_key) WHERE resolved_ms IS NULL;
CREATE INDEX fleet_findings_by_first_seen ON fleet_findings (first_seen_ms);
CREATE INDEX fleet_findings_by_resolved ON fleet_findings (resolved_ms) WHERE resolved_ms IS NOT NULL;

ALTER TABLE fleet_hosts ADD COLUMN analysed_snapshot_id INTEGER;

CREATE TABLE fleet_host_days (
    day     INTEGER NOT NULL,
    host_id INTEGER NOT NULL,
    PRIMARY KEY (day, host_id)
) WITHOUT ROWID;

CREATE TABLE fleet_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT    NOT NULL UNIQUE,
    cause       TEXT    NOT NULL,
    occurred_ms INTEGER NOT NULL,
    items       TEXT    NOT NULL
);

CREATE TABLE fleet_analysis_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    data_version TEXT    NOT NULL,
    analysed_ms  INTEGER NOT NULL,
    advisories   INTEGER NOT NULL DEFAULT 0,
    lifecycle    INTEGER NOT NULL DEFAULT 0
);
