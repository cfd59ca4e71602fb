namespace AgentOps.Core.Patterns;

/// <summary>Where a pattern file lives in the store: <c>patterns/discovered|validated|learned|meta/</c>.</summary>
public enum PatternLifecycle { Discovered, Validated, Learned, Meta }

/// <summary>What a workflow step invokes.</summary>
public static class StepKinds
{
    public const string Subagent = "subagent";   // Agent / legacy Task tool with subagent_type
    public const string Command = "command";     // slash command (/plugin:command)
    public const string Skill = "skill";         // Skill tool
    public const string Tool = "tool";           // notable built-in tool (Bash, Edit, Write, ...)
}

/// <summary>
/// One step of a pattern's canonical workflow: the subagent type or slash command it invokes, the
/// phase it belongs to (research, plan, implement, test, review, deploy, document, execute), its mean
/// duration and its success rate over the executions the pattern was learned from.
/// </summary>
public sealed record PatternStep(
    int Order,
    string Name,
    string Kind,
    string Phase,
    double MeanDurationSeconds,
    double SuccessRate,
    string? Description = null);

/// <summary>Duration statistics of whole executions, in seconds.</summary>
public sealed record DurationStats(double MeanSeconds, double P50Seconds, double P90Seconds)
{
    public static readonly DurationStats Empty = new(0, 0, 0);
}

/// <summary>
/// Optimizations the data supports: groups of steps (1-based orders) that never depend on each other
/// and can run in parallel, and the step after which a checkpoint pays off (the one that fails most).
/// </summary>
public sealed record PatternOptimizations(
    IReadOnlyList<IReadOnlyList<int>> ParallelGroups,
    int? CheckpointAfterStep,
    IReadOnlyList<string> Notes)
{
    public static readonly PatternOptimizations None = new([], null, []);
}

/// <summary>One step of one execution as kept in the ledger: offset from the execution start,
/// duration (seconds) and outcome.</summary>
public sealed record LedgerStep(double OffsetSeconds, double DurationSeconds, bool Success);

/// <summary>
/// One execution a pattern was learned from. The ledger makes every statistic of a pattern
/// recomputable, so learning twice or merging two clones never counts an execution twice.
/// </summary>
public sealed record LedgerEntry(
    string ExecutionId,
    DateTimeOffset Timestamp,
    bool Success,
    double DurationSeconds,
    bool RolledBack,
    IReadOnlyList<LedgerStep> Steps);

/// <summary>
/// A learned workflow pattern, as written to <c>patterns/&lt;lifecycle&gt;/&lt;id&gt;.md</c>
/// (format: plugins/agentops-meta-orchestrator/docs/PATTERN_FORMAT.md). Read with <see cref="PatternReader"/>, written
/// with <see cref="PatternWriter"/>, listed with <see cref="PatternStore"/>.
/// </summary>
public sealed record LearnedPattern
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public DateOnly Created { get; init; }
    public DateOnly? Updated { get; init; }
    public required string Category { get; init; }
    public double SuccessRate { get; init; }
    public int Executions { get; init; }
    public bool Validated { get; init; }
    public IReadOnlyList<string> ExecutionIds { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Canonical ordered workflow.</summary>
    public IReadOnlyList<PatternStep> Steps { get; init; } = [];
    public DurationStats Durations { get; init; } = DurationStats.Empty;
    public double RollbackRate { get; init; }
    public PatternOptimizations Optimizations { get; init; } = PatternOptimizations.None;

    /// <summary>When the pattern applies (text of <c>## Context</c>).</summary>
    public string Context { get; init; } = "";
    public IReadOnlyList<string> SuccessFactors { get; init; } = [];

    /// <summary>Short hash of category + step sequence; two patterns with the same id and a different
    /// hash are a real conflict.</summary>
    public string WorkflowHash { get; init; } = "";
    public IReadOnlyList<LedgerEntry> Ledger { get; init; } = [];

    /// <summary>The step sequence as one string: <c>a &gt; b &gt; c</c>.</summary>
    public string WorkflowSignature => string.Join(" > ", Steps.Select(s => s.Name));
}
