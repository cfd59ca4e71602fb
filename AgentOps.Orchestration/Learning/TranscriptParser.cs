using AgentOps.Core.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Parses a Claude Code session transcript (<c>&lt;session&gt;.jsonl</c>, plus the subagent sidechains in
/// <c>&lt;session&gt;/subagents/agent-*.jsonl</c> and their <c>.meta.json</c>) into an <see cref="Execution"/>.
/// Streams line by line (a 100 MB transcript is never loaded whole); unknown line types are skipped and
/// counted; malformed lines (a truncated last line) are counted, never fatal.
/// </summary>
public static partial class TranscriptParser
{
    /// <summary>The failure reason of a transcript whose last line is cut (the session may still be writing it).</summary>
    public const string TruncatedReason = "transcript truncated";

    /// <summary>Line types Claude Code writes that carry nothing for steps (skipped, counted by type).</summary>
    private static readonly HashSet<string> KnownOtherTypes = new(StringComparer.Ordinal)
    {
        "queue-operation", "attachment", "atis-latch", "api-request-shape", "api-request-blob", "api-request",
        "tools-used", "last-prompt", "system", "cost-state", "summary", "file-history-snapshot", "progress",
        "custom-title", "tag",
    };

    private sealed class Pending
    {
        public required string Name;
        public required string Kind;
        public required DateTimeOffset Start;
        public string? ToolUseId;
        public string? Description;
        public double? Duration;
        public StepOutcome Outcome = StepOutcome.Unknown;
    }

    public static ExecutionParseResult ParseFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        var sessionDir = Path.Combine(Path.GetDirectoryName(path) ?? ".", Path.GetFileNameWithoutExtension(path));
        return Parse(new StreamReader(stream), Path.GetFileNameWithoutExtension(path), sessionDir);
    }

    /// <param name="subagentDirectory">The <c>&lt;session&gt;</c> folder holding <c>subagents/</c>, if any.</param>
    public static ExecutionParseResult Parse(TextReader reader, string fallbackId, string? subagentDirectory = null)
    {
        var stats = new ParseStats();
        var warnings = new List<string>();
        var steps = new List<Pending>();
        var byToolUse = new Dictionary<string, Pending>(StringComparer.Ordinal);
        string? sessionId = null, task = null, failure = null;
        DateTimeOffset? first = null, last = null;
        var interrupted = false;
        var rolledBack = false;
        string? lastStopReason = null;
        Pending? openCommand = null;

        string? line = reader.ReadLine();
        while (line is not null)
        {
            var next = reader.ReadLine();
            stats.Lines++;
            if (string.IsNullOrWhiteSpace(line)) { line = next; continue; }
            JsonDocument doc;
            try { doc = JsonDocument.Parse(AgentOps.Core.Json.LoneSurrogates.Replace(line), HookRecorder.LineOptions); }
            catch (JsonException)
            {
                stats.Malformed++;
                if (next is null) { stats.TruncatedLastLine = true; warnings.Add($"line {stats.Lines}: truncated last line ignored"); }
                else warnings.Add($"{DiagnosticCodes.ExecutionLineMalformed}: line {stats.Lines}: not JSON, skipped");
                line = next;
                continue;
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) { stats.Malformed++; line = next; continue; }
                var type = Str(root, "type") ?? "";
                sessionId ??= Str(root, "sessionId");
                var ts = Time(root);
                if (ts is { } t && type is "user" or "assistant" or "system")
                {
                    first ??= t;
                    last = t;
                }
                var sidechain = root.TryGetProperty("isSidechain", out var sc) && sc.ValueKind == JsonValueKind.True;
                if (type is "user" && !sidechain) HandleUser(root, ts);
                else if (type is "assistant" && !sidechain) HandleAssistant(root, ts);
                else if (type is "user" or "assistant") { /* inline sidechain lines: subagent internals */ }
                else if (KnownOtherTypes.Contains(type)) stats.Skip(type);
                else { stats.UnknownTypes++; stats.Skip(type.Length == 0 ? "(none)" : type); }
            }
            line = next;
        }

        void HandleUser(JsonElement root, DateTimeOffset? ts)
        {
            if (!root.TryGetProperty("message", out var msg) || msg.ValueKind != JsonValueKind.Object || !msg.TryGetProperty("content", out var content)) return;
            var isMeta = root.TryGetProperty("isMeta", out var im) && im.ValueKind == JsonValueKind.True;
            if (content.ValueKind == JsonValueKind.String)
            {
                var text = content.GetString() ?? "";
                if (text.Contains("[Request interrupted by user", StringComparison.Ordinal)) { interrupted = true; failure ??= "interrupted by user"; return; }
                if (isMeta) return;
                var cm = CommandName().Match(text);
                if (cm.Success)
                {
                    var args = CommandArgs().Match(text);
                    var name = cm.Groups[1].Value.Trim();
                    task ??= args.Success && args.Groups[1].Value.Trim().Length > 0 ? $"{name} {args.Groups[1].Value.Trim()}" : name;
                    CloseCommand(ts);
                    openCommand = new Pending { Name = name, Kind = AgentOps.Core.Patterns.StepKinds.Command, Start = ts ?? DateTimeOffset.MinValue, Outcome = StepOutcome.Success };
                    steps.Add(openCommand);
                    return;
                }
                if (text.StartsWith("<local-command", StringComparison.Ordinal) || text.StartsWith("<command-", StringComparison.Ordinal)) return;
                task ??= text.Trim();
                CloseCommand(ts);
                return;
            }
            if (content.ValueKind != JsonValueKind.Array) return;
            foreach (var item in content.EnumerateArray())
            {
                var itemType = Str(item, "type");
                if (itemType == "text")
                {
                    var text = Str(item, "text") ?? "";
                    if (text.Contains("[Request interrupted by user", StringComparison.Ordinal)) { interrupted = true; failure ??= "interrupted by user"; }
                    else if (!isMeta && task is null && text.Trim().Length > 0) task = text.Trim();
                    continue;
                }
                if (itemType != "tool_result") continue;
                var id = Str(item, "tool_use_id");
                if (id is null || !byToolUse.TryGetValue(id, out var step)) continue;
                if (ts is { } end) step.Duration = Math.Max(0, (end - step.Start).TotalSeconds);
                var isError = item.TryGetProperty("is_error", out var ie) && ie.ValueKind == JsonValueKind.True;
                var resultText = ResultText(item);
                var tur = root.TryGetProperty("toolUseResult", out var r) ? r : default;
                var wasInterrupted = tur.ValueKind == JsonValueKind.Object && tur.TryGetProperty("interrupted", out var ir) && ir.ValueKind == JsonValueKind.True;
                if (resultText.Contains("doesn't want to proceed", StringComparison.Ordinal) || resultText.Contains("was rejected", StringComparison.OrdinalIgnoreCase)
                    || (tur.ValueKind == JsonValueKind.String && tur.GetString()!.Contains("rejected", StringComparison.OrdinalIgnoreCase)))
                    step.Outcome = StepOutcome.Rejected;
                else if (wasInterrupted || resultText.StartsWith("[Request interrupted", StringComparison.Ordinal)) step.Outcome = StepOutcome.Interrupted;
                else if (isError) step.Outcome = StepOutcome.Error;
                else step.Outcome = StepOutcome.Success;
                if (tur.ValueKind == JsonValueKind.Object && tur.TryGetProperty("totalDurationMs", out var td) && td.TryGetDouble(out var ms))
                    step.Duration = ms / 1000.0;
                if (tur.ValueKind == JsonValueKind.Object && Str(tur, "status") is { } status && status is not "completed")
                    step.Outcome = status is "interrupted" ? StepOutcome.Interrupted : StepOutcome.Error;
            }
        }

        void HandleAssistant(JsonElement root, DateTimeOffset? ts)
        {
            // "message" of another type than an object ("message": "s") is skipped, not a crash.
            if (!root.TryGetProperty("message", out var msg) || msg.ValueKind != JsonValueKind.Object) return;
            if (Str(msg, "stop_reason") is { } sr) lastStopReason = sr;
            if (!msg.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array) return;
            foreach (var item in content.EnumerateArray())
            {
                if (Str(item, "type") != "tool_use") continue;
                var id = Str(item, "id");
                var tool = Str(item, "name") ?? "";
                if (id is not null && byToolUse.ContainsKey(id)) continue;
                var input = item.TryGetProperty("input", out var inp) && inp.ValueKind == JsonValueKind.Object ? inp : default;
                Pending? step = null;
                var start = ts ?? DateTimeOffset.MinValue;
                if (StepClassifier.IsSubagentTool(tool))
                    step = new Pending { Name = (input.ValueKind == JsonValueKind.Object ? Str(input, "subagent_type") : null) ?? "general-purpose", Kind = AgentOps.Core.Patterns.StepKinds.Subagent, Start = start, Description = input.ValueKind == JsonValueKind.Object ? StepCapability.Describe(Str(input, "description"), Str(input, "prompt")) : null };
                else if (tool == "Skill")
                    step = new Pending { Name = (input.ValueKind == JsonValueKind.Object ? Str(input, "skill") ?? Str(input, "command") : null) ?? "skill", Kind = AgentOps.Core.Patterns.StepKinds.Skill, Start = start };
                else if (tool == "SlashCommand")
                    step = new Pending { Name = ((input.ValueKind == JsonValueKind.Object ? Str(input, "command") : null) ?? "/command").Split(' ')[0], Kind = AgentOps.Core.Patterns.StepKinds.Command, Start = start };
                else if (StepClassifier.IsNotableTool(tool))
                {
                    var cmd = input.ValueKind == JsonValueKind.Object ? Str(input, "command") : null;
                    if (tool == "Bash" && StepClassifier.IsRollback(cmd)) rolledBack = true;
                    step = new Pending { Name = tool, Kind = AgentOps.Core.Patterns.StepKinds.Tool, Start = start, Description = input.ValueKind == JsonValueKind.Object ? Str(input, "description") : null };
                }
                if (step is null) continue;
                step.ToolUseId = id;
                steps.Add(step);
                if (id is not null) byToolUse[id] = step;
            }
        }

        void CloseCommand(DateTimeOffset? ts)
        {
            if (openCommand is not null && ts is { } t) openCommand.Duration = Math.Max(0, (t - openCommand.Start).TotalSeconds);
            openCommand = null;
        }

        if (openCommand is not null && last is { } l) openCommand.Duration = Math.Max(0, (l - openCommand.Start).TotalSeconds);

        // Subagent sidechains: .meta.json names the agent type of each Agent/Task tool use.
        if (subagentDirectory is not null && Directory.Exists(Path.Combine(subagentDirectory, "subagents")))
        {
            foreach (var meta in Directory.EnumerateFiles(Path.Combine(subagentDirectory, "subagents"), "agent-*.meta.json").Order(StringComparer.Ordinal))
            {
                try
                {
                    using var md = JsonDocument.Parse(File.ReadAllBytes(meta));
                    var toolUseId = Str(md.RootElement, "toolUseId");
                    var agentType = Str(md.RootElement, "agentType");
                    if (toolUseId is not null && agentType is not null && byToolUse.TryGetValue(toolUseId, out var s) && s.Kind == AgentOps.Core.Patterns.StepKinds.Subagent)
                        s.Name = agentType;
                }
                catch (Exception ex) when (ex is JsonException or IOException) { warnings.Add($"{Path.GetFileName(meta)}: unreadable subagent meta skipped"); }
            }
        }

        if (first is null && task is null && steps.Count == 0)
            return new(null, stats, [.. warnings, "no user or assistant lines: not a Claude Code transcript"]);

        var built = steps.Select(p => new ExecutionStep(p.Name, p.Kind, p.Start, p.Duration ?? 0,
            p.Outcome == StepOutcome.Unknown && p.Duration is null ? StepOutcome.Interrupted : p.Outcome, p.ToolUseId, p.Description)).ToList();
        // A failed delegation step fails the session unless a later call of the same agent or command, asked to
        // do the same job, succeeded (a retry after a checkpoint recovered it; the same agent in another role does not).
        var failedDelegation = DelegationRecovery.FirstUnrecovered(built);
        var lastTool = built.LastOrDefault();
        if (failedDelegation is not null) failure ??= $"step '{failedDelegation.Name}' {failedDelegation.Outcome.ToString().ToLowerInvariant()}";
        else if (lastTool is not null && !lastTool.Succeeded) failure ??= $"last step '{lastTool.Name}' {lastTool.Outcome.ToString().ToLowerInvariant()}";
        if (failure is null && lastStopReason is not null and not "end_turn" and not "stop_sequence") failure = $"session ended with stop_reason {lastStopReason}";
        if (failure is null && stats.TruncatedLastLine && lastStopReason is null) failure = TruncatedReason;
        var start0 = first ?? DateTimeOffset.UnixEpoch;
        var exec = new Execution(sessionId ?? fallbackId, task ?? "", start0, built, failure is null && !interrupted,
            Math.Max(0, ((last ?? start0) - start0).TotalSeconds), rolledBack, "transcript")
        { FailureReason = failure, Open = lastStopReason is null or "tool_use" };
        return new(exec, stats, warnings);
    }

    private static string ResultText(JsonElement item)
    {
        if (!item.TryGetProperty("content", out var c)) return "";
        if (c.ValueKind == JsonValueKind.String) return c.GetString() ?? "";
        if (c.ValueKind != JsonValueKind.Array) return "";
        foreach (var x in c.EnumerateArray())
            if (Str(x, "text") is { } t) return t;
        return "";
    }

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static DateTimeOffset? Time(JsonElement e) =>
        Str(e, "timestamp") is { } s && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    [GeneratedRegex("<command-name>([^<]+)</command-name>")]
    private static partial Regex CommandName();
    [GeneratedRegex("<command-args>([^<]*)</command-args>")]
    private static partial Regex CommandArgs();
}
