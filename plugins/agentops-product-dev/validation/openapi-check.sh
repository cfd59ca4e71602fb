#!/usr/bin/env bash
# Checks an OpenAPI 3 spec (YAML or JSON). Uses Redocly CLI or Spectral when installed for a full lint;
# otherwise runs structural heuristics that need only grep.
# Usage: openapi-check.sh <openapi.yaml|openapi.json>
# Exit: 0 no findings, 1 findings, 2 usage error. Output: "path[:line]: LEVEL rule: message".
set -u
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: $0 <openapi spec file>" >&2; exit 2; }
spec=$1
findings=0
report() { echo "$1: $2"; findings=$((findings + 1)); }

if command -v redocly >/dev/null 2>&1; then
  redocly lint "$spec" || findings=$((findings + 1))
elif command -v spectral >/dev/null 2>&1; then
  spectral lint "$spec" || findings=$((findings + 1))
else
  echo "info: neither redocly nor spectral installed; heuristic checks only"
fi

grep -Eq '^[[:space:]]*"?openapi"?[[:space:]]*:[[:space:]]*"?3\.' "$spec" || report "$spec" "ERROR version: not an OpenAPI 3.x document (no 'openapi: 3.x')"
ops=$(grep -Eic '^[[:space:]]*"?(get|put|post|delete|patch)"?[[:space:]]*:[[:space:]]*\{?[[:space:]]*$' "$spec")
ids=$(grep -Eic '"?operationId"?[[:space:]]*:' "$spec")
[ "$ids" -lt "$ops" ] && report "$spec" "WARN operation-id: $ops operations but $ids operationId fields; every operation needs a unique operationId for client generation"
dups=$(grep -Eio '"?operationId"?[[:space:]]*:[[:space:]]*"?[A-Za-z0-9_.-]+' "$spec" | sed -E 's/.*:[[:space:]]*"?//' | sort | uniq -d)
[ -n "$dups" ] && report "$spec" "ERROR operation-id: duplicated operationId: $(echo $dups)"
grep -Eiq 'securitySchemes' "$spec" || report "$spec" "WARN security: no securitySchemes; document how clients authenticate"
while IFS=: read -r n _; do report "$spec:$n" "WARN servers: plain http server URL"; done < <(grep -En '"?url"?[[:space:]]*:[[:space:]]*"?http://' "$spec" | grep -v 'localhost\|127\.0\.0\.1')
errors=$(grep -Ec '^[[:space:]]*"?4[0-9][0-9]"?[[:space:]]*:' "$spec")
[ "$ops" -gt 0 ] && [ "$errors" -eq 0 ] && report "$spec" "WARN errors: no 4xx responses documented; clients cannot handle errors they do not know"
grep -Eiq 'additionalProperties' "$spec" || echo "info: no additionalProperties anywhere; decide whether unknown fields are accepted"
echo "$spec: $ops operation(s), $findings finding(s)"
[ "$findings" -eq 0 ]
