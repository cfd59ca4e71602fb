#!/usr/bin/env bash
# Checks a Dockerfile for size, reproducibility and security problems.
# Usage: dockerfile-check.sh <Dockerfile>...
# Uses hadolint when installed; the built-in rules need only grep.
# Exit: 0 no findings, 1 findings, 2 usage error. Output: "path:line: LEVEL rule: message".
set -u
[ $# -ge 1 ] || { echo "usage: $0 <Dockerfile>..." >&2; exit 2; }
findings=0
report() { echo "$1: $2"; findings=$((findings + 1)); }

for f in "$@"; do
  [ -f "$f" ] || { echo "$f: not found" >&2; exit 2; }
  if command -v hadolint >/dev/null 2>&1; then
    hadolint "$f" || findings=$((findings + 1))
  fi
  while IFS=: read -r n line; do
    image=$(echo "$line" | awk '{print $2}')
    case "$image" in
      scratch|*@sha256:*) ;;
      *:latest) report "$f:$n" "ERROR base-image: '$image' uses :latest" ;;
      *:*) ;;
      *) # a stage alias (FROM build) is fine
         grep -Eiq "^FROM[[:space:]].*[[:space:]]AS[[:space:]]+$image([[:space:]]|\$)" "$f" \
           || report "$f:$n" "ERROR base-image: '$image' has no tag" ;;
    esac
  done < <(grep -Ein '^FROM[[:space:]]' "$f")
  grep -Eiq '^USER[[:space:]]+' "$f" || report "$f:1" "WARN user: no USER instruction; the container runs as root"
  grep -Eiq '^USER[[:space:]]+(root|0)([[:space:]]|$)' "$f" && report "$f:1" "WARN user: last USER is root"
  while IFS=: read -r n _; do report "$f:$n" "WARN add: ADD with a URL; use curl with a checksum or COPY"; done < <(grep -Ein '^ADD[[:space:]]+https?://' "$f")
  while IFS=: read -r n _; do report "$f:$n" "ERROR pipe-to-shell: piping a download into a shell is not reproducible"; done < <(grep -Ein '(curl|wget)[^|]*\|[[:space:]]*(ba)?sh' "$f")
  while IFS=: read -r n _; do report "$f:$n" "WARN apt: apt-get install without --no-install-recommends"; done < <(grep -Ein 'apt-get install' "$f" | grep -v -- '--no-install-recommends')
  if grep -Eiq 'apt-get install' "$f" && ! grep -q '/var/lib/apt/lists' "$f"; then
    report "$f:1" "WARN apt: apt lists not removed (rm -rf /var/lib/apt/lists/*) in the same RUN"
  fi
  while IFS=: read -r n _; do report "$f:$n" "ERROR secret: a secret-looking ARG/ENV is baked into the image; use --mount=type=secret"; done < <(grep -Ein '^(ARG|ENV)[[:space:]]+[A-Z_]*(PASSWORD|SECRET|TOKEN|API_KEY)' "$f")
  if grep -Eiq '^(CMD|ENTRYPOINT)[[:space:]]+[^[]' "$f"; then
    report "$f:$(grep -Ein '^(CMD|ENTRYPOINT)[[:space:]]+[^[]' "$f" | head -1 | cut -d: -f1)" "WARN exec-form: shell-form CMD/ENTRYPOINT; signals do not reach the process"
  fi
  dir=$(dirname "$f")
  [ -f "$dir/.dockerignore" ] || report "$f:1" "WARN context: no .dockerignore beside the Dockerfile; .git and build output enter the context"
done
echo "checked $# file(s): $findings finding(s)"
[ "$findings" -eq 0 ]
