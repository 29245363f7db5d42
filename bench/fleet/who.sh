#!/usr/bin/env bash
# who p95 over a generated fleet on PostgreSQL, through the real server on loopback.
# Usage: bench/fleet/who.sh [HOSTS] [ENVS] [REQUESTS]   (PYFLEET_BENCH_POSTGRES = admin connection URL,
# default postgresql://postgres@127.0.0.1:55432). Bounded: one database (dropped after), REQUESTS queries.
set -euo pipefail
cd "$(dirname "$0")/../.."
hosts=${1:-10000}; envs=${2:-2000}; requests=${3:-200}
admin=${PYFLEET_BENCH_POSTGRES:-postgresql://postgres@127.0.0.1:55432}
db=server_bench_$$
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; psql "$admin/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/Pyfleet.Cli -c Release -nologo -v quiet >/dev/null
pyfleet=src/Pyfleet.Cli/bin/Release/net10.0/pyfleet
psql "$admin/postgres" -qc "CREATE DATABASE $db" >/dev/null
export PYFLEET_HOME=$work PYFLEET_DATABASE=$admin/$db
token=$($pyfleet token create --scope read 2>/dev/null | head -1)   # also migrates the database
start=$(date +%s.%N)
psql "$admin/$db" -q -v hosts="$hosts" -v envs="$envs" -f bench/fleet/generate-postgres.sql >/dev/null
echo "generated $hosts hosts x 20 environments ($envs distinct) in $(echo "$(date +%s.%N) - $start" | bc) s"
psql "$admin/$db" -Atc "SELECT 'rows: packages ' || (SELECT count(*) FROM fleet_packages) || ', environment_packages ' || (SELECT count(*) FROM fleet_environment_packages) || ', latest ' || (SELECT count(*) FROM fleet_latest) || '; database ' || pg_size_pretty(pg_database_size(current_database()))"

$pyfleet serve --listen 127.0.0.1:18690 >"$work/serve.log" 2>&1 & server_pid=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:18690/healthz >/dev/null && break; sleep 0.2; done

for spec in 'django<1.2' 'urllib3==1.*' 'pkg42>=2,<3' 'pkg4999~=3.1.0' 'nosuchpackage'; do
  q=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$spec")
  matches=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:18690/api/v1/who?spec=$q" | python3 -c 'import json,sys;print(len(json.load(sys.stdin)["matches"]))')
  for _ in $(seq "$requests"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:18690/api/v1/who?spec=$q"
  done | sort -n | awk -v spec="$spec" -v m="$matches" '{t[NR]=$1} END {printf "who %-16s %6d matches  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms (%d requests)\n", spec, m, t[int(NR*0.5)]*1000, t[int(NR*0.95)]*1000, t[NR]*1000, NR}'
done
ids=$(psql "$admin/$db" -Atc "SELECT string_agg(id::text, ',') FROM fleet_packages WHERE name = 'django' AND version IN ('1.0.0', '1.1.0')")
psql "$admin/$db" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT h.name AS host, e.path, e.kind, e.labels, p.name, p.version, ep.os_package, h.latest_snapshot_id, h.latest_scanned_ms FROM fleet_environment_packages ep JOIN fleet_packages p ON p.id = ep.package_id JOIN fleet_latest l ON l.environment_id = ep.environment_id JOIN fleet_hosts h ON h.id = l.host_id JOIN fleet_environments e ON e.id = ep.environment_id WHERE ep.package_id = ANY('{$ids}'::bigint[]) ORDER BY h.name, e.path, p.name, p.version" > "${PYFLEET_BENCH_EXPLAIN:-/dev/stdout}"
psql "$admin/$db" -Atc "SELECT relname, pg_size_pretty(pg_relation_size(oid)) FROM pg_class WHERE relname LIKE 'fleet_%' AND relkind IN ('r','i') AND pg_relation_size(oid) > 0 ORDER BY pg_relation_size(oid) DESC"
