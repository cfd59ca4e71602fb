using AgentOps.Core.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Builds an <see cref="Execution"/> from a hook log: <c>.agentops/executions/&lt;session&gt;.jsonl</c> as
/// written by <c>agentops record</c> (<c>{"hook":E,"received_at":T,"payload":{...}}</c>) — the same shape
/// as the shared samples' <c>hooks.jsonl</c> — or bare payloads one per line. Uses UserPromptSubmit
/// (task, slash commands), PreToolUse/PostToolUse/PostToolUseFailure (steps of the main thread; a step seen
/// only at its end started <c>duration_ms</c> before it), SubagentStart/SubagentStop (subagents),
/// Stop/SessionEnd (end). The plugin's own hooks record only UserPromptSubmit, Stop and SessionEnd (the steps
/// come from the transcript they name); the tool and subagent events are read from other hook setups and older logs.
/// </summary>
public static partial class HookLogParser
{
    private sealed class Pending
    {
        public required string Name;
        public required string Kind;
        public DateTimeOffset Start;
        public int Seq;
        public double? Duration;
        public StepOutcome Outcome = StepOutcome.Unknown;
        public string? ToolUseId;
        public string? Description;
    }

    private const double MaxDurationMs = 30.0 * 24 * 3600 * 1000;

    /// <summary>The failure reason of a log with no Stop/SessionEnd (the session may still be running).</summary>
    public const string NotStoppedReason = "session did not stop";

    public sealed record HookLogInfo(string? SessionId, string? TranscriptPath, string? Cwd);

    /// <summary>
    /// The log's lines in the order the hooks fired. Hooks of parallel subagents can land out of order
    /// (each is its own process); when every line carries <c>received_at</c>, a stable sort by it repairs that. A line with a <c>seq</c> already seen was appended
    /// twice (a drain interrupted between append and delete) and is dropped.
    /// </summary>
    private static List<string> InFiringOrder(TextReader reader, ParseStats stats)
    {
        var lines = new List<(string Line, string? At, string? Seq)>();
        var seqs = new HashSet<string>(StringComparer.Ordinal);
        var sorted = true;
        var allTimed = true;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var at = HeaderValue(line, "\"received_at\":\"");
            var seq = HeaderValue(line, "\"seq\":\"");
            if (seq is not null && !seqs.Add(seq)) { stats.Skip("duplicate"); continue; }
            if (at is null) allTimed = false;
            else if (lines.Count > 0 && lines[^1].At is { } prev && Compare(prev, at) > 0) sorted = false;
            lines.Add((line, at, seq));
        }
        if (!sorted && allTimed)
            return lines.Select((l, i) => (l, i)).OrderBy(x => x.l, Comparer<(string Line, string? At, string? Seq)>.Create((a, b) => Compare(a.At!, b.At!)))
                .ThenBy(x => x.i).Select(x => x.l.Line).ToList();
        return lines.Select(l => l.Line).ToList();
    }

    /// <summary>Orders by time only: lines of the same time keep the order they were appended in (the drain's).</summary>
    private static int Compare(string atA, string atB)
    {
        var ok = DateTimeOffset.TryParse(atA, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a);
        ok &= DateTimeOffset.TryParse(atB, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b);
        return ok ? a.CompareTo(b) : 0;
    }

    /// <summary>A string value written by <see cref="HookRecorder"/> before the payload (in the first 256 characters).</summary>
    private static string? HeaderValue(string line, string key)
    {
        var head = line.AsSpan(0, Math.Min(line.Length, 256));
        var i = head.IndexOf(key.AsSpan(), StringComparison.Ordinal);
        if (i < 0) return null;
        var rest = head[(i + key.Length)..];
        var end = rest.IndexOf('"');
        return end < 0 ? null : rest[..end].ToString();
    }

    /// <summary>The step a main-thread tool call is, or null for a tool that is not one (Read, Grep…).</summary>
    private static Pending? StepFor(string toolName, JsonElement input, ref bool rolledBack)
    {
        string? Field(string name) => input.ValueKind == JsonValueKind.Object ? TranscriptParser.Str(input, name) : null;
        if (StepClassifier.IsSubagentTool(toolName))
            return new Pending { Name = Field("subagent_type") ?? "general-purpose", Kind = AgentOps.Core.Patterns.StepKinds.Subagent, Description = StepCapability.Describe(Field("description"), Field("prompt")) };
        if (toolName == "Skill")
            return new Pending { Name = Field("skill") ?? "skill", Kind = AgentOps.Core.Patterns.StepKinds.Skill };
        if (toolName == "SlashCommand")
            return new Pending { Name = (Field("command") ?? "/command").Split(' ')[0], Kind = AgentOps.Core.Patterns.StepKinds.Command };
        if (!StepClassifier.IsNotableTool(toolName)) return null;
        if (toolName == "Bash" && StepClassifier.IsRollback(Field("command"))) rolledBack = true;
        return new Pending { Name = toolName, Kind = AgentOps.Core.Patterns.StepKinds.Tool };
    }

    public static ExecutionParseResult ParseFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        return Parse(new StreamReader(stream), Path.GetFileNameWithoutExtension(path), out _);
    }

    public static ExecutionParseResult Parse(TextReader reader, string fallbackId, out HookLogInfo info)
    {
        var stats = new ParseStats();
        var warnings = new List<string>();
        var steps = new List<Pending>();
        var byToolUse = new Dictionary<string, Pending>(StringComparer.Ordinal);
        var byAgent = new Dictionary<string, Pending>(StringComparer.Ordinal);
        var subagents = new SubagentSteps();
        string? session = null, transcript = null, cwd = null, task = null, failure = null;
        DateTimeOffset? first = null, last = null;
        var rolledBack = false;
        var ended = false;
        var seq = 0;

        // A tool call's step; a subagent already seen by its SubagentStart alone (hooks of parallel subagents can
        // land in any order) is the same step, not a second one.
        Pending Track(Pending step, DateTimeOffset start, string? toolUseId)
        {
            var seen = step.Kind == AgentOps.Core.Patterns.StepKinds.Subagent ? subagents.FirstClaimedWithoutToolUse(step.Name) : null;
            if (seen is not null)
            {
                seen.Description ??= step.Description;
                if (start != default && (seen.Start == default || start < seen.Start)) seen.Start = start;
                step = seen;
            }
            else
            {
                step.Start = start;
                step.Seq = seq;
                steps.Add(step);
                subagents.Added(step);
            }
            step.ToolUseId = toolUseId;
            subagents.Changed(step);
            if (toolUseId is not null) byToolUse[toolUseId] = step;
            return step;
        }

        var lines = InFiringOrder(reader, stats);
        for (var li = 0; li < lines.Count; li++)
        {
            var line = lines[li];
            var next = li + 1 < lines.Count ? lines[li + 1] : null;
            stats.Lines++;
            seq++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(AgentOps.Core.Json.LoneSurrogates.Replace(line), HookRecorder.LineOptions); }
            catch (JsonException)
            {
                stats.Malformed++;
                if (next is null) stats.TruncatedLastLine = true;
                warnings.Add($"{DiagnosticCodes.ExecutionLineMalformed}: line {stats.Lines}: not JSON, skipped");
                continue;
            }
            using (doc)
            {
                var root = doc.RootElement;
                var payload = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : root;
                if (payload.ValueKind != JsonValueKind.Object) { stats.Malformed++; continue; }
                var evt = TranscriptParser.Str(payload, "hook_event_name") ?? TranscriptParser.Str(root, "hook") ?? "";
                session ??= TranscriptParser.Str(payload, "session_id");
                transcript ??= TranscriptParser.Str(payload, "transcript_path");
                cwd ??= TranscriptParser.Str(payload, "cwd");
                DateTimeOffset? ts = TranscriptParser.Str(root, "received_at") is { } ra
                    && DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
                if (ts is { } tt) { first ??= tt; last = tt; }
                var inSubagent = TranscriptParser.Str(payload, "agent_id") is not null;
                var toolName = TranscriptParser.Str(payload, "tool_name") ?? "";
                var toolUseId = TranscriptParser.Str(payload, "tool_use_id");
                var input = payload.TryGetProperty("tool_input", out var ti) && ti.ValueKind == JsonValueKind.Object ? ti : default;
                switch (evt)
                {
                    case "UserPromptSubmit":
                    {
                        var prompt = (TranscriptParser.Str(payload, "prompt") ?? "").Trim();
                        task ??= prompt;
                        if (prompt.StartsWith('/') && prompt.Length > 1)
                            steps.Add(new Pending { Name = prompt.Split(' ', 2)[0], Kind = AgentOps.Core.Patterns.StepKinds.Command, Start = ts ?? default, Seq = seq, Outcome = StepOutcome.Success });
                        break;
                    }
                    case "PreToolUse" when !inSubagent:
                    {
                        if (toolUseId is not null && byToolUse.ContainsKey(toolUseId)) break;
                        if (StepFor(toolName, input, ref rolledBack) is { } step) Track(step, ts ?? default, toolUseId);
                        break;
                    }
                    case "PostToolUse" or "PostToolUseFailure" when !inSubagent:
                    {
                        // A duration outside 0..30 days is not one (hostile or broken input must not move a start out of range).
                        double? reported = payload.TryGetProperty("duration_ms", out var dm) && dm.ValueKind == JsonValueKind.Number && dm.TryGetDouble(out var ms)
                            && ms >= 0 && ms <= MaxDurationMs ? ms / 1000.0 : null;
                        if (toolUseId is null || !byToolUse.TryGetValue(toolUseId, out var step))
                        {
                            // The plugin hooks only the end of a delegation (half the events): the step started
                            // duration_ms before this hook fired, and is ordered by that start below.
                            if (StepFor(toolName, input, ref rolledBack) is not { } call) break;
                            step = Track(call, ts is { } end0 && end0 > DateTimeOffset.MinValue.AddDays(31) ? end0 - TimeSpan.FromSeconds(reported ?? 0) : default, toolUseId);
                        }
                        if (reported is { } secs) step.Duration = secs;
                        else if (ts is { } end && step.Start != default) step.Duration = Math.Max(0, (end - step.Start).TotalSeconds);
                        var resp = payload.TryGetProperty("tool_response", out var tr) ? tr : default;
                        var interrupted = resp.ValueKind == JsonValueKind.Object && resp.TryGetProperty("interrupted", out var ir) && ir.ValueKind == JsonValueKind.True;
                        var isInterrupt = payload.TryGetProperty("is_interrupt", out var ii) && ii.ValueKind == JsonValueKind.True;
                        step.Outcome = evt == "PostToolUseFailure" ? (isInterrupt ? StepOutcome.Interrupted : StepOutcome.Error)
                            : interrupted ? StepOutcome.Interrupted
                            : resp.ValueKind == JsonValueKind.Object && TranscriptParser.Str(resp, "status") is { } st && st != "completed" ? StepOutcome.Error
                            : StepOutcome.Success;
                        break;
                    }
                    case "SubagentStart":
                    {
                        var agentId = TranscriptParser.Str(payload, "agent_id");
                        var type = TranscriptParser.Str(payload, "agent_type") ?? "general-purpose";
                        // Launched by an Agent/Task tool use already seen: that step is the subagent.
                        var owner = subagents.LastUnclaimed(type);
                        if (owner is null)
                        {
                            owner = new Pending { Name = type, Kind = AgentOps.Core.Patterns.StepKinds.Subagent, Start = ts ?? default, Seq = seq };
                            steps.Add(owner);
                            subagents.Added(owner);
                        }
                        if (agentId is not null)
                        {
                            subagents.Claimed(owner, byAgent.GetValueOrDefault(agentId));
                            byAgent[agentId] = owner;
                        }
                        break;
                    }
                    case "SubagentStop":
                    {
                        var agentId = TranscriptParser.Str(payload, "agent_id");
                        if (agentId is null || !byAgent.TryGetValue(agentId, out var step)) break;
                        if (step.Duration is null && ts is { } end && step.Start != default) step.Duration = Math.Max(0, (end - step.Start).TotalSeconds);
                        if (step.Outcome == StepOutcome.Unknown && step.ToolUseId is null) step.Outcome = StepOutcome.Success;
                        break;
                    }
                    case "Stop" or "SessionEnd":
                        ended = true;
                        if (evt == "SessionEnd" && TranscriptParser.Str(payload, "reason") is "interrupted" or "error") failure ??= "session ended: " + TranscriptParser.Str(payload, "reason");
                        break;
                    case "PreToolUse" or "PostToolUse" or "PostToolUseFailure" or "SessionStart" or "Notification" or "PreCompact" or "PostCompact" or "UserPromptExpansion":
                        stats.Skip(evt);
                        break;
                    default:
                        stats.UnknownTypes++;
                        stats.Skip(evt.Length == 0 ? "(none)" : evt);
                        break;
                }
            }
        }

        info = new HookLogInfo(session, transcript, cwd);
        if (session is null && task is null && steps.Count == 0)
            return new(null, stats, [.. warnings, "no hook payloads found"]);

        // Firing order, or start order when every step has a time (a step seen only at its end fired late).
        var ordered = steps.All(s => s.Start != default) ? steps.OrderBy(s => s.Start).ThenBy(s => s.Seq) : steps.OrderBy(s => s.Seq);
        var built = ordered.Select(p => new ExecutionStep(p.Name, p.Kind, p.Start == default ? first ?? DateTimeOffset.UnixEpoch : p.Start,
            p.Duration ?? 0, p.Outcome == StepOutcome.Unknown ? (ended ? StepOutcome.Success : StepOutcome.Interrupted) : p.Outcome, p.ToolUseId, p.Description)).ToList();
        var failed = built.FirstOrDefault(s => s.Kind != AgentOps.Core.Patterns.StepKinds.Tool && !s.Succeeded) ?? (built.LastOrDefault() is { Succeeded: false } lt ? lt : null);
        if (failed is not null) failure ??= $"step '{failed.Name}' {failed.Outcome.ToString().ToLowerInvariant()}";
        if (!ended) failure ??= NotStoppedReason + " (no Stop/SessionEnd event)";
        var start = first ?? DateTimeOffset.UnixEpoch;
        var total = (last ?? start) - start;
        var duration = total.TotalSeconds > 0 ? total.TotalSeconds : built.Sum(s => s.DurationSeconds);
        return new(new Execution(session ?? fallbackId, task ?? "", start, built, failure is null, duration, rolledBack, "hooks") { FailureReason = failure, Open = !ended }, stats, warnings);
    }
}
