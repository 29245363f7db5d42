-- The PostgreSQL twin of Sqlite/Migrations/0401_fleet_findings.sql. Fleet findings (docs/fleet.md "Findings"):
-- what the analysis said about each distinct (name, version) pair under an analysis data version, each host's findings with their history (first seen, resolved), the days each host
-- reported, and the event outbox written in the same transaction as the findings it describes.
CREATE TABLE fleet_pair_analysis (
    package_id   bigint  PRIMARY KEY,
    data_version text    NOT NULL
);

CREATE TABLE fleet_pair_findings (
    package_id    bigint  NOT NULL,
    finding_key   text    NOT NULL,
    kind          text    NOT NULL,
    advisory_id   text,
    aliases       text    NOT NULL,
    summary       text,
    severity      text    NOT NULL,
    severity_rank integer NOT NULL,
    fixed_version text,
    eol_date      text,
    PRIMARY KEY (package_id, finding_key)
);

-- Every advisory id and alias (upper-cased) -> the pairs it names: who?vuln= and the findings' advisory filter.
CREATE TABLE fleet_finding_names (
    name        text    NOT NULL,
    package_id  bigint  NOT NULL,
    finding_key text    NOT NULL,
    PRIMARY KEY (name, package_id, finding_key)
);

CREATE INDEX fleet_finding_names_by_pair ON fleet_finding_names (package_id, finding_key);

CREATE TABLE fleet_findings (
    id             bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    host_id        bigint  NOT NULL,
    path           text    NOT NULL,
    environment_id bigint  NOT NULL,
    package_id     bigint  NOT NULL,
    finding_key    text    NOT NULL,
    first_seen_ms  bigint  NOT NULL,
    resolved_ms    bigint
);

CREATE UNIQUE INDEX fleet_findings_open ON fleet_findings (host_id, path, package_id, finding_key) WHERE resolved_ms IS NULL;
CREATE INDEX fleet_findings_open_by_pair ON fleet_findings (package_id, finding_key) WHERE resolved_ms IS NULL;
CREATE INDEX fleet_findings_by_first_seen ON fleet_findings (first_seen_ms);
CREATE INDEX fleet_findings_by_resolved ON fleet_findings (resolved_ms) WHERE resolved_ms IS NOT NULL;

ALTER TABLE fleet_hosts ADD COLUMN analysed_snapshot_id bigint;

CREATE TABLE fleet_host_days (
    day     bigint  NOT NULL,
    host_id bigint  NOT NULL,
    PRIMARY KEY (day, host_id)
);

CREATE TABLE fleet_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key         text    NOT NULL UNIQUE,
    cause       text    NOT NULL,
    occurred_ms bigint  NOT NULL,
    items       text    NOT NULL
);

CREATE TABLE fleet_analysis_state (
    id           integer PRIMARY KEY CHECK (id = 1),
    data_version text    NOT NULL,
    analysed_ms  bigint  NOT NULL,
    advisories   integer NOT NULL DEFAULT 0,
    lifecycle    integer NOT NULL DEFAULT 0
);
