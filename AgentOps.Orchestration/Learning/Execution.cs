namespace AgentOps.Orchestration.Learning;

public enum StepOutcome { Success, Error, Interrupted, Rejected, Unknown }

/// <summary>One step of an execution: a slash command, a subagent (Agent / legacy Task tool), a skill
/// or a notable tool call, with its start, duration and outcome.</summary>
public sealed record ExecutionStep(
    string Name,
    string Kind,
    DateTimeOffset Start,
    double DurationSeconds,
    StepOutcome Outcome,
    string? ToolUseId = null,
    string? Description = null)
{
    public bool Succeeded => Outcome is StepOutcome.Success or StepOutcome.Unknown;
}

/// <summary>
/// One run of Claude Code on a task, from a transcript, a hook log or a seed execution.json.
/// <see cref="Steps"/> are in start order; <see cref="Success"/> is the session outcome.
/// </summary>
public sealed record Execution(
    string Id,
    string Task,
    DateTimeOffset Start,
    IReadOnlyList<ExecutionStep> Steps,
    bool Success,
    double DurationSeconds,
    bool RolledBack,
    string Source)
{
    /// <summary>Why the session is counted as failed (null when it succeeded).</summary>
    public string? FailureReason { get; init; }

    /// <summary>The file it was read from, when it was (warnings name it).</summary>
    public string? File { get; init; }

    /// <summary>A hook log with no Stop or SessionEnd yet: the session may still be running.</summary>
    public bool Open { get; init; }

    /// <summary>When the last recorded event happened.</summary>
    public DateTimeOffset LastActivity => Start.AddSeconds(Math.Max(0, DurationSeconds));
}

/// <summary>What a parser saw: lines read, lines skipped by type, malformed lines, a truncated tail.</summary>
public sealed class ParseStats
{
    public int Lines { get; set; }
    public int Malformed { get; set; }
    public bool TruncatedLastLine { get; set; }
    public int UnknownTypes { get; set; }
    public SortedDictionary<string, int> SkippedByType { get; } = new(StringComparer.Ordinal);

    internal void Skip(string type) => SkippedByType[type] = SkippedByType.GetValueOrDefault(type) + 1;
}

public sealed record ExecutionParseResult(Execution? Execution, ParseStats Stats, IReadOnlyList<string> Warnings)
{
    /// <summary>What redaction replaced when the file was read (kinds and counts, never values).</summary>
    public IReadOnlyList<string> Redactions { get; init; } = [];
}
