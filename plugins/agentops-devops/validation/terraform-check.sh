#!/usr/bin/env bash
# Checks a Terraform/OpenTofu configuration without touching real infrastructure or state.
# Usage: terraform-check.sh <directory>
# Runs: fmt -check, init -backend=false + validate, tflint (when installed), and grep rules for
# risky patterns. Exit: 0 clean, 1 findings, 2 usage error.
set -u
[ $# -eq 1 ] && [ -d "$1" ] || { echo "usage: $0 <directory>" >&2; exit 2; }
dir=$1
findings=0
report() { echo "$1"; findings=$((findings + 1)); }

tf=""
command -v terraform >/dev/null 2>&1 && tf=terraform
[ -z "$tf" ] && command -v tofu >/dev/null 2>&1 && tf=tofu
if [ -n "$tf" ]; then
  "$tf" -chdir="$dir" fmt -check -recursive >/dev/null 2>&1 || report "$dir: WARN fmt: files are not formatted; run '$tf fmt -recursive'"
  if "$tf" -chdir="$dir" init -backend=false -input=false >/dev/null 2>&1; then
    "$tf" -chdir="$dir" validate -no-color || findings=$((findings + 1))
  else
    report "$dir: ERROR init: '$tf init -backend=false' failed (providers or modules unavailable)"
  fi
else
  echo "info: terraform/tofu not installed; fmt and validate skipped"
fi
if command -v tflint >/dev/null 2>&1; then
  tflint --chdir="$dir" || findings=$((findings + 1))
else
  echo "info: tflint not installed; lint skipped (https://github.com/terraform-linters/tflint)"
fi

while IFS= read -r hit; do report "$hit: WARN network: open to the whole internet (0.0.0.0/0)"; done < <(grep -rn --include='*.tf' '0\.0\.0\.0/0' "$dir" | cut -d: -f1,2)
while IFS= read -r hit; do report "$hit: WARN iam: wildcard action or resource"; done < <(grep -rnE --include='*.tf' '"(Action|Resource)"[[:space:]]*:[[:space:]]*"\*"|actions[[:space:]]*=[[:space:]]*\["\*"\]' "$dir" | cut -d: -f1,2)
while IFS= read -r hit; do report "$hit: ERROR secret: a literal password/secret in configuration"; done < <(grep -rnE --include='*.tf' '(password|secret|access_key|token)[[:space:]]*=[[:space:]]*"[^"$]{4,}"' "$dir" | cut -d: -f1,2)
grep -rqE --include='*.tf' 'required_version' "$dir" || report "$dir: WARN versions: no required_version constraint"
grep -rqE --include='*.tf' 'required_providers' "$dir" || report "$dir: WARN versions: providers are not pinned in required_providers"
echo "$dir: $findings finding(s)"
[ "$findings" -eq 0 ]
