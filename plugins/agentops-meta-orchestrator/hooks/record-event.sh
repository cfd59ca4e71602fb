#!/usr/bin/env bash
# The meta-orchestrator's hook for a Claude Code event: `record-event.sh <EventName>`, payload on stdin.
# hooks.json first tries the same in plain sh (`cat` into spool/<pid>-<event>.json, ordered by the file's
# time when read back) and runs this script when that cannot be done: no spool yet, a name already taken,
# a symlink in the way, and always at SessionEnd.
#
# Claude Code waits for this script, so it does the least that loses nothing: one `cat` of the payload
# into <project>/.agentops/executions/spool/<microseconds>-<pid>-<event>.json: a file per event, so
# parallel subagents never interleave, and the name orders events when they are read back. `agentops
# learn` folds the spool into <session>.jsonl later, off the critical path; a file still being written
# does not parse yet and is left for the next run (docs/meta-orchestrator/LEARNING_SYSTEM.md).
# On SessionEnd it starts `agentops learn --auto` detached from the session and returns at once.
# It always exits 0 and prints nothing: a hook must never break or slow the session.
# (`"async": true` hooks are not used: Claude Code 2.1.331 drops some async hook runs, which loses events.)
t="${EPOCHREALTIME:-}"        # bash >= 5: microseconds without a fork
t="${t/./}"; t="${t/,/}"
event="${1:-event}"
case "$event" in *[!A-Za-z]*) event=event ;; esac
project="${CLAUDE_PROJECT_DIR:-$PWD}"
store="$project/.agentops"
spool="$store/executions/spool"
drain() { cat >/dev/null 2>&1; exit 0; }
if [ ! -d "$spool" ]; then
  # First event in this project: git ignores the folder before any payload is written.
  [ -L "$store" ] && drain
  mkdir -p "$store" 2>/dev/null || drain
  [ -e "$store/.gitignore" ] || printf '# agentops: local data (raw hook payloads, logs, caches); learned patterns live on the agentops/learnings branch\n*\n' > "$store/.gitignore" 2>/dev/null
  mkdir -p "$spool" 2>/dev/null || drain
fi
# Never write through a symlink planted in place of the store (it could point anywhere).
if [ -L "$store" ] || [ -L "$store/executions" ] || [ -L "$spool" ]; then drain; fi
[ -n "$t" ] || t="$(date +%s)000000"
f="$spool/$t-$$-$event"
cat > "$f.json" 2>/dev/null

if [ "$event" = SessionEnd ]; then
  tool="${BASH_SOURCE[0]%/*}/../bin/agentops"
  if command -v setsid >/dev/null 2>&1; then detach=(setsid nohup); else detach=(nohup); fi
  (cd "$project" 2>/dev/null && exec "${detach[@]}" nice -n 10 "$tool" learn --auto --project "$project" </dev/null >/dev/null 2>&1) &
fi
exit 0
