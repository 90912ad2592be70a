#!/usr/bin/env bash
# Project lists at a national scale: 1,000,000 projects (one milestone each, 1 % overdue) in a fresh SQLite store,
# then the queries GET /api/v1/projects runs for each kind of caller, timed by sqlite3. Usage: bench/projects_scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/sz-projects-scale.XXXXXX)
trap 'rm -rf "$dir"' EXIT
build/shuzhuan init --db "sqlite:$dir/s.db" >/dev/null
sqlite3 "$dir/s.db" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO projects (enterprise_id, district_code, industry_code, name, integrator_id, state, plan_version, created_by,
                      created_at, updated_at, state_changed_at)
SELECT i, CASE i % 16 WHEN 0 THEN '410181' ELSE '410183' END, 'refractories', 'p' || i,
       CASE WHEN i % 10000 = 0 THEN 1 ELSE 2 END, CASE i % 5 WHEN 0 THEN 'passed' ELSE 'implementing' END, 1, 1, 0, 0, 0
FROM n;
INSERT INTO project_providers SELECT id, integrator_id, 'integrator' FROM projects;
INSERT INTO milestones (project_id, seq, name, due_on, deliverable)
SELECT id, 1, 'm', CASE WHEN id % 100 = 0 THEN '2026-01-01' ELSE '2027-01-01' END, 'd' FROM projects;
ANALYZE;
SQL
run() {
  local label=$1 sql=$2
  local t
  t=$(printf '.timer on\n%s\n' "$sql" | sqlite3 "$dir/s.db" | grep -oE 'real [0-9.]+' | awk '{s += $2} END {printf "%.0f", s * 1000}')
  printf '| %s | %s ms |\n' "$label" "$t"
}
echo "| query (1,000,000 projects) | time |"
echo "|---|---|"
run "city admin: count + first page" "SELECT COUNT(*) FROM projects p; SELECT id FROM projects p ORDER BY p.id DESC LIMIT 20;"
run "district officer: count + first page" "SELECT COUNT(*) FROM projects p WHERE p.district_code = '410181'; SELECT id FROM projects p WHERE p.district_code = '410181' ORDER BY p.id DESC LIMIT 20;"
run "provider (100 projects): count + first page" "SELECT COUNT(*) FROM projects p WHERE p.id IN (SELECT project_id FROM project_providers WHERE provider_id = 1); SELECT id FROM projects p WHERE p.id IN (SELECT project_id FROM project_providers WHERE provider_id = 1) ORDER BY p.id DESC LIMIT 20;"
run "state filter: count" "SELECT COUNT(*) FROM projects p WHERE p.state = 'passed';"
run "overdue (10,000 projects): count + first page" "SELECT COUNT(*) FROM projects p WHERE p.id IN (SELECT project_id FROM milestones WHERE done_on IS NULL AND due_on < '2026-11-27'); SELECT id FROM projects p WHERE p.id IN (SELECT project_id FROM milestones WHERE done_on IS NULL AND due_on < '2026-11-27') ORDER BY p.id DESC LIMIT 20;"
