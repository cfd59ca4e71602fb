#!/usr/bin/env bash
# Checks Kubernetes manifests for the problems that most often hurt in production.
# Usage: k8s-manifests.sh <file-or-directory>...   (YAML files; rendered Helm/Kustomize output works too)
# Uses kubeconform when installed for schema validation; the rules below need only grep/awk.
# Exit: 0 no findings, 1 findings, 2 usage error. Output: "path: LEVEL rule: message".
set -u
[ $# -ge 1 ] || { echo "usage: $0 <file-or-directory>..." >&2; exit 2; }

files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -type f \( -name '*.yaml' -o -name '*.yml' \) -not -path '*/.git/*' | sort)
  elif [ -f "$arg" ]; then files+=("$arg")
  else echo "$arg: not found" >&2; exit 2
  fi
done
[ ${#files[@]} -gt 0 ] || { echo "no YAML files found in: $*"; exit 0; }

findings=0
report() { echo "$1: $2"; findings=$((findings + 1)); }

if command -v kubeconform >/dev/null 2>&1; then
  kubeconform -summary -ignore-missing-schemas "${files[@]}" || findings=$((findings + 1))
else
  echo "info: kubeconform not installed; schema validation skipped (https://github.com/yannh/kubeconform)"
fi

workload_kinds='^kind:[[:space:]]*(Deployment|StatefulSet|DaemonSet|Job|CronJob|Pod)[[:space:]]*$'
for f in "${files[@]}"; do
  grep -Eq "$workload_kinds" "$f" || continue
  # image tags
  while IFS= read -r line; do
    image=$(echo "$line" | sed -E 's/^[[:space:]-]*image:[[:space:]]*//; s/["'\'']//g')
    case "$image" in
      *@sha256:*) ;;
      *:latest) report "$f" "ERROR image-tag: '$image' uses :latest; pin a version or digest" ;;
      *:*) ;;
      *) report "$f" "ERROR image-tag: '$image' has no tag (implies :latest); pin a version or digest" ;;
    esac
  done < <(grep -E '^[[:space:]-]*image:' "$f")
  grep -q 'resources:' "$f" || report "$f" "ERROR resources: no resources block; set requests and limits"
  grep -q 'limits:' "$f" || report "$f" "WARN resources: no limits; a runaway container can starve the node"
  if grep -Eq '^kind:[[:space:]]*(Deployment|StatefulSet|DaemonSet)' "$f"; then
    grep -q 'readinessProbe:' "$f" || report "$f" "WARN probes: no readinessProbe; traffic reaches pods before they are ready"
    grep -q 'livenessProbe:' "$f" || report "$f" "WARN probes: no livenessProbe"
  fi
  grep -q 'runAsNonRoot:[[:space:]]*true' "$f" || report "$f" "WARN security: runAsNonRoot: true not set"
  grep -Eq 'allowPrivilegeEscalation:[[:space:]]*false' "$f" || report "$f" "WARN security: allowPrivilegeEscalation: false not set"
  grep -Eq 'privileged:[[:space:]]*true' "$f" && report "$f" "ERROR security: privileged container"
  grep -Eq 'hostNetwork:[[:space:]]*true|hostPID:[[:space:]]*true' "$f" && report "$f" "ERROR security: hostNetwork/hostPID shares the node's namespaces"
done

for f in "${files[@]}"; do
  if grep -Eq '^kind:[[:space:]]*Secret[[:space:]]*$' "$f" && grep -Eq '^(data|stringData):' "$f"; then
    report "$f" "ERROR secrets: plain Secret with data in a manifest; use SealedSecrets, SOPS or External Secrets"
  fi
done

echo "checked ${#files[@]} file(s): $findings finding(s)"
[ "$findings" -eq 0 ]
