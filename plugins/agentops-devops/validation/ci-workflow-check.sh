#!/usr/bin/env bash
# Checks GitHub Actions workflow files for supply-chain and secret-handling problems.
# Usage: ci-workflow-check.sh [<workflow.yml | directory>...]   (default: .github/workflows)
# Uses actionlint when installed. Exit: 0 clean, 1 findings, 2 usage error.
set -u
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(.github/workflows)
files=()
for t in "${targets[@]}"; do
  if [ -d "$t" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$t" -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) | sort)
  elif [ -f "$t" ]; then files+=("$t")
  else echo "$t: not found" >&2; exit 2
  fi
done
[ ${#files[@]} -gt 0 ] || { echo "no workflow files found"; exit 0; }
findings=0
report() { echo "$1: $2"; findings=$((findings + 1)); }

if command -v actionlint >/dev/null 2>&1; then
  actionlint "${files[@]}" || findings=$((findings + 1))
else
  echo "info: actionlint not installed; syntax and expression checks skipped"
fi
for f in "${files[@]}"; do
  grep -Eq '^permissions:' "$f" || grep -Eq '^[[:space:]]+permissions:' "$f" \
    || report "$f:1" "WARN permissions: no permissions block; the token gets the repository default (often write)"
  while IFS=: read -r n line; do
    ref=$(echo "$line" | sed -E 's/.*uses:[[:space:]]*//; s/["'\'']//g; s/[[:space:]]+#.*//')
    if [[ "$ref" == ./* || "$ref" == docker://* ]]; then :
    elif [[ "$ref" =~ @[0-9a-f]{40}$ ]]; then :
    elif [[ "$ref" =~ ^(actions|github)/[^@]+@v[0-9] ]]; then :
    elif [[ "$ref" =~ @(main|master)$ ]]; then report "$f:$n" "ERROR pinning: '$ref' follows a branch; pin a commit SHA"
    else report "$f:$n" "WARN pinning: third-party action '$ref' is not pinned to a full commit SHA"
    fi
  done < <(grep -En '^[[:space:]-]*uses:' "$f")
  if grep -q 'pull_request_target' "$f" && grep -Eq 'ref:[[:space:]]*\$\{\{[[:space:]]*github\.event\.pull_request\.head' "$f"; then
    report "$f:1" "ERROR pwn-request: pull_request_target checks out the PR head; untrusted code runs with secrets"
  fi
  while IFS=: read -r n _; do report "$f:$n" "ERROR secret-echo: a secret is printed in a run step"; done < <(grep -En '(echo|printf).*\$\{\{[[:space:]]*secrets\.' "$f")
  while IFS=: read -r n _; do report "$f:$n" "WARN injection: untrusted event text interpolated into a shell; pass it through env:"; done < <(grep -En 'run:.*\$\{\{[[:space:]]*github\.event\.(issue|pull_request|comment|head_commit)\.(title|body|message)' "$f")
  grep -q 'timeout-minutes:' "$f" || report "$f:1" "WARN timeout: no timeout-minutes; a hung job burns runner time for 6 hours"
done
echo "checked ${#files[@]} file(s): $findings finding(s)"
[ "$findings" -eq 0 ]
