-- A generated fleet for the who benchmark (bench/fleet/who.sh), written straight into the fleet tables of a
-- migrated PyFleet PostgreSQL database. :hosts hosts x 20 environments each, drawn from :envs distinct (shared)
-- environments of 100 packages each, over a dictionary of 5,000 names x 12 versions (django and urllib3 among the
-- 50 popular names that fill three places of every environment).
\set ON_ERROR_STOP on
TRUNCATE fleet_hosts, fleet_snapshots, fleet_environments, fleet_snapshot_environments,
         fleet_packages, fleet_environment_packages, fleet_latest;

INSERT INTO fleet_packages (name, version)
SELECT CASE n WHEN 1 THEN 'django' WHEN 2 THEN 'urllib3' ELSE 'pkg' || n END, v || '.' || m || '.0'
FROM generate_series(1, 5000) n, generate_series(1, 3) v, generate_series(0, 3) m;

INSERT INTO fleet_environments (sha256, path, kind, labels, content)
SELECT sha256(int8send(e)), '/srv/app' || e || '/.venv', 'venv', '["app' || e || '"]', '\x00'::bytea
FROM generate_series(1, :envs) e;

INSERT INTO fleet_environment_packages (package_id, environment_id)
SELECT DISTINCT p.id, e.id
FROM fleet_environments e, generate_series(1, 100) k,
-- three packages per environment from 50 popular names (django, urllib3, ...), the rest from the long tail
LATERAL (SELECT CASE WHEN k <= 3 THEN (e.id + k) % 50 + 1 ELSE (e.id * 7 + k * 13) % 5000 + 1 END AS n) x,
LATERAL (SELECT id FROM fleet_packages
         WHERE name = CASE x.n WHEN 1 THEN 'django' WHEN 2 THEN 'urllib3' ELSE 'pkg' || x.n END
           AND version = ((e.id + k) % 3 + 1) || '.' || ((e.id * k) % 4) || '.0') p;

INSERT INTO fleet_hosts (name, os, first_seen_ms, last_seen_ms, environment_count, package_count)
SELECT 'host' || lpad(h::text, 6, '0'), 'debian 12', 0, 0, 20, 2000 FROM generate_series(1, :hosts) h;

INSERT INTO fleet_snapshots (host_id, sha256, scanned_ms, received_ms, environment_count, package_count, header)
SELECT id, sha256(int8send(id)), 1764662400000, 1764662400000, 20, 2000, '\x00'::bytea FROM fleet_hosts;

UPDATE fleet_hosts h SET latest_snapshot_id = s.id, latest_scanned_ms = s.scanned_ms FROM fleet_snapshots s WHERE s.host_id = h.id;

INSERT INTO fleet_snapshot_environments (snapshot_id, ordinal, environment_id)
SELECT s.id, i, ((s.host_id * 20 + i) % :envs) + 1 FROM fleet_snapshots s, generate_series(0, 19) i;

INSERT INTO fleet_latest (environment_id, host_id)
SELECT DISTINCT environment_id, s.host_id FROM fleet_snapshot_environments se JOIN fleet_snapshots s ON s.id = se.snapshot_id;

ANALYZE;
