#!/usr/bin/env bash
# Flags SQL migration statements that lock tables, lose data or break running code.
# Usage: migration-check.sh <migration file or directory>...   (*.sql; also SQL inside *.py/*.rb/*.cs/*.ts/*.js migrations)
# Heuristic (grep-based, case-insensitive), tuned for PostgreSQL and MySQL. Each finding says why.
# Exit: 0 no findings, 1 findings, 2 usage error. Output: "path:line: LEVEL rule: message".
set -u
[ $# -ge 1 ] || { echo "usage: $0 <migration file or directory>..." >&2; exit 2; }
files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -type f \( -name '*.sql' -o -name '*.py' -o -name '*.rb' -o -name '*.cs' -o -name '*.ts' -o -name '*.js' \) -not -path '*/node_modules/*' | sort)
  elif [ -f "$arg" ]; then files+=("$arg")
  else echo "$arg: not found" >&2; exit 2
  fi
done
findings=0
rule() { # rule <file> <LEVEL name: message> <extended regex> [exclude regex]
  local f=$1 msg=$2 re=$3 ex=${4:-}
  while IFS=: read -r n line; do
    [ -n "$ex" ] && echo "$line" | grep -Eiq "$ex" && continue
    echo "$f:$n: $msg"; findings=$((findings + 1))
  done < <(grep -Ein "$re" "$f")
}
for f in "${files[@]}"; do
  rule "$f" "ERROR drop-table: data is deleted; keep a backup and make sure no deployed code uses the table" 'drop[[:space:]]+table'
  rule "$f" "ERROR drop-column: running code that still reads the column breaks; drop only after a release that stopped using it" 'drop[[:space:]]+column'
  rule "$f" "ERROR truncate: deletes all rows" '(^|[^a-z_])truncate[[:space:]]'
  rule "$f" "WARN rename: running code uses the old name; add a new column, dual-write, then drop" 'rename[[:space:]]+(column|to)'
  rule "$f" "WARN type-change: rewrites the table under an exclusive lock; add a new column and backfill" 'alter[[:space:]]+column[[:space:]]+[a-z_"]+[[:space:]]+(set[[:space:]]+data[[:space:]]+)?type|modify[[:space:]]+column'
  rule "$f" "WARN not-null: adding NOT NULL without a default fails on existing rows or locks to validate" 'add[[:space:]]+(column[[:space:]]+)?[a-z_"]+[[:space:]]+[a-z0-9_()]+.*not[[:space:]]+null' 'default'
  rule "$f" "WARN set-not-null: validates every row under a lock; add a CHECK constraint NOT VALID and validate it separately" 'set[[:space:]]+not[[:space:]]+null'
  rule "$f" "WARN index-lock: plain CREATE INDEX blocks writes; use CREATE INDEX CONCURRENTLY (PostgreSQL) outside a transaction" 'create[[:space:]]+(unique[[:space:]]+)?index' 'concurrently'
  rule "$f" "WARN foreign-key: validating a new foreign key scans both tables; add it NOT VALID, then VALIDATE CONSTRAINT" 'add[[:space:]]+(constraint[[:space:]]+[a-z_"]+[[:space:]]+)?foreign[[:space:]]+key' 'not[[:space:]]+valid'
  rule "$f" "WARN unbatched-update: an UPDATE/DELETE without WHERE touches every row in one transaction; batch it" '^[[:space:]]*(update[[:space:]]+[a-z_."]+[[:space:]]+set|delete[[:space:]]+from[[:space:]]+[a-z_."]+[[:space:]]*;)' 'where'
done
echo "checked ${#files[@]} file(s): $findings finding(s)"
[ "$findings" -eq 0 ]
