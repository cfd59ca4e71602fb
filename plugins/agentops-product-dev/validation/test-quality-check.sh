#!/usr/bin/env bash
# Finds test-suite smells that hide failures or cause flakiness.
# Usage: test-quality-check.sh <test file or directory>...
# Covers JavaScript/TypeScript (Jest, Vitest, Mocha, Playwright, Cypress), Python (pytest, unittest),
# C# (xUnit, NUnit, MSTest), Java/Kotlin (JUnit), Go and Ruby (RSpec).
# Exit: 0 no findings, 1 findings, 2 usage error. Output: "path:line: LEVEL rule: message".
set -u
[ $# -ge 1 ] || { echo "usage: $0 <test file or directory>..." >&2; exit 2; }
files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -type f \( -name '*.js' -o -name '*.jsx' -o -name '*.ts' -o -name '*.tsx' -o -name '*.py' -o -name '*.cs' -o -name '*.java' -o -name '*.kt' -o -name '*.go' -o -name '*.rb' \) -not -path '*/node_modules/*' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
  elif [ -f "$arg" ]; then files+=("$arg")
  else echo "$arg: not found" >&2; exit 2
  fi
done
findings=0
rule() {
  local f=$1 msg=$2 re=$3
  while IFS=: read -r n _; do echo "$f:$n: $msg"; findings=$((findings + 1)); done < <(grep -En "$re" "$f")
}
for f in "${files[@]}"; do
  rule "$f" "ERROR focused: a focused test makes the runner skip every other test" '(^|[^a-zA-Z_.])(fit|fdescribe|ftest)\(|\b(it|test|describe|context)\.only\(|@pytest\.mark\.only'
  rule "$f" "WARN skipped: a skipped test needs an issue link and an owner" '\b(it|test|describe)\.skip\(|(^|[^a-zA-Z_.])(xit|xdescribe|xtest)\(|@pytest\.mark\.skip\b|@unittest\.skip|\[Ignore|\[Fact\(Skip|Skip[[:space:]]*=[[:space:]]*"|@Disabled|t\.Skip\('
  rule "$f" "WARN sleep: fixed sleeps make tests slow and flaky; wait for a condition instead" 'Thread\.Sleep\(|Task\.Delay\([0-9]|time\.sleep\(|waitForTimeout\(|cy\.wait\([0-9]|\bsleep\([0-9]|time\.Sleep\('
  rule "$f" "WARN real-clock: tests depending on the current time break at midnight or in other time zones; inject a clock" 'DateTime\.Now|new Date\(\)[^;]*[<>=]|datetime\.now\(\)|LocalDateTime\.now\(\)'
  rule "$f" "WARN network: tests calling a public URL fail without network; use a fake or a local server" '(fetch|get|post|axios[.a-z]*|requests\.[a-z]+|HttpClient[^;]*)\(?[[:space:]]*["'\'']https?://[^l"'\''/][^"'\'']*'
done
echo "checked ${#files[@]} file(s): $findings finding(s)"
[ "$findings" -eq 0 ]
