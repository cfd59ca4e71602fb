#!/usr/bin/env bash
# PreCompact hook: before Claude Code compacts the conversation, write the facts a resumed session
# needs (branch, commit, changed files, open tasks) to .agentops/bundles/auto-precompact.md.
# Only in projects that already use AgentOps (.agentops/ exists): it never creates folders in a
# project that did not ask for them. Writes atomically (temp file + mv), never fails the session.
set +e
cat >/dev/null 2>&1 # the hook payload is not needed; drain stdin so the writer never blocks
project="${CLAUDE_PROJECT_DIR:-$PWD}"
[ -d "$project/.agentops" ] || exit 0
bundles="$project/.agentops/bundles"
mkdir -p "$bundles" 2>/dev/null || exit 0
tmp="$bundles/.auto-precompact.$$.tmp"
{
  echo "---"
  echo "bundle: auto-precompact"
  echo "task: none"
  echo "saved: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  if git -C "$project" rev-parse --git-dir >/dev/null 2>&1; then
    echo "branch: $(git -C "$project" symbolic-ref --short -q HEAD 2>/dev/null || echo detached)"
    echo "commit: $(git -C "$project" rev-parse --verify -q HEAD 2>/dev/null || echo none)"
  fi
  echo "---"
  echo "# Automatic snapshot before context compaction"
  echo
  echo "Facts only; the reasoning lives in the task folders under .agentops/work/."
  echo
  echo "## Changed files"
  git -C "$project" status --short 2>/dev/null | head -n 40
  echo
  echo "## Open tasks"
  ls -1t "$project/.agentops/work" 2>/dev/null | head -n 10 | sed 's/^/- /'
  echo
  echo "## Next steps"
  echo "1. /agentops-core:status to see each task's phase and next command."
} > "$tmp" 2>/dev/null && mv -f "$tmp" "$bundles/auto-precompact.md" 2>/dev/null
rm -f "$tmp" 2>/dev/null
exit 0
