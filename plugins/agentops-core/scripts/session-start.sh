#!/usr/bin/env bash
# SessionStart hook: tell Claude about unfinished AgentOps tasks and saved bundles in this project.
# Whatever this prints becomes session context, so it stays short. It never fails the session:
# every error is swallowed and the exit code is always 0. Reads nothing from stdin.
set +e
project="${CLAUDE_PROJECT_DIR:-$PWD}"
work="$project/.agentops/work"
bundles="$project/.agentops/bundles"
[ -d "$work" ] || [ -d "$bundles" ] || exit 0

tasks=()
if [ -d "$work" ]; then
  # newest first, at most 5; a task is a folder
  while IFS= read -r dir; do
    [ -n "$dir" ] && tasks+=("$dir")
  done < <(ls -1t "$work" 2>/dev/null | head -n 5)
fi
saved=()
if [ -d "$bundles" ]; then
  while IFS= read -r file; do
    [ -n "$file" ] && saved+=("${file%.md}")
  done < <(ls -1t "$bundles" 2>/dev/null | grep '\.md$' | head -n 5)
fi
[ ${#tasks[@]} -eq 0 ] && [ ${#saved[@]} -eq 0 ] && exit 0

echo "AgentOps: this project has work in progress."
for t in "${tasks[@]}"; do
  phase="primed"
  d="$work/$t"
  [ -f "$d/research.md" ] && phase="researched"
  [ -f "$d/plan.md" ] && phase="planned"
  [ -f "$d/progress.md" ] && phase="implementing"
  if [ -f "$d/validation.md" ]; then
    if grep -q 'FAIL' "$d/validation.md" 2>/dev/null && ! grep -q 'verdict: PASS' "$d/validation.md" 2>/dev/null; then
      phase="validation failed"
    else
      phase="validated"
    fi
  fi
  echo "- task $t: $phase"
done
[ ${#saved[@]} -gt 0 ] && echo "- bundles: ${saved[*]}"
echo "Run /agentops-core:status for details or /agentops-core:bundle-load <name> to resume."
exit 0
