namespace AgentOps.Orchestration.Planning;

/// <summary>How steps are grouped for execution.</summary>
public enum ExecutionMode
{
    /// <summary>Default: steps that only read run together; steps that write files run one at a time.</summary>
    Balanced,
    /// <summary>--parallel: every topological level runs together, writers included.</summary>
    Parallel,
    /// <summary>--conservative: one step at a time, a checkpoint after every writing step, never explores.</summary>
    Conservative,
}

/// <summary>What the plan is for: show it only, walk through it without side effects, or execute it.</summary>
public enum PlanPurpose { Execute, PlanOnly, DryRun }

/// <summary>A capability the task needs, and why the analyzer thinks so.</summary>
public sealed record RequiredCapability(string Name, string Phase, string Reason)
{
    /// <summary>The catalog agent the task's reading already points to for this capability (the specialist that
    /// showed its domain, <see cref="CatalogDomainReader"/>); null: the resolver picks.</summary>
    public string? Agent { get; init; }
}

/// <summary>Complexity estimate with the reasons that add up to it.</summary>
public sealed record ComplexityEstimate(string Level, int Score, IReadOnlyList<string> Reasons);

/// <summary>The deterministic reading of a task: category, capabilities, complexity and risk, each explained.</summary>
public sealed record TaskIntent(
    string Task,
    string Category,
    IReadOnlyList<string> CategorySignals,
    IReadOnlyList<RequiredCapability> Capabilities,
    ComplexityEstimate Complexity,
    IReadOnlyList<string> RiskSignals)
{
    public bool Risky => RiskSignals.Count > 0;
    public bool Needs(string capability) => Capabilities.Any(c => c.Name == capability);
}

/// <summary>
/// One step of a plan. <see cref="Invocation"/> is exactly what Claude Code takes: the Agent tool's
/// <c>subagent_type</c> (<c>plugin:agent</c>), a slash command (<c>/plugin:command</c>), a skill name, or a tool name.
/// </summary>
public sealed record PlanStep
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>subagent, command, skill or tool (same words as pattern steps).</summary>
    public required string Kind { get; init; }
    public required string Invocation { get; init; }
    public required string Phase { get; init; }
    public string Capability { get; init; } = "";
    /// <summary>What to ask the agent (the prompt given with the invocation).</summary>
    public string Instructions { get; init; } = "";
    public IReadOnlyList<string> Inputs { get; init; } = [];
    public IReadOnlyList<string> Outputs { get; init; } = [];
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    /// <summary>Whether the step changes files (writers never share a group in balanced mode).</summary>
    public bool Writes { get; init; }
    /// <summary>Whether the invocation was found in the catalog (false: its plugin must be installed).</summary>
    public bool InCatalog { get; init; }
    /// <summary>Where the step came from: "pattern" or "catalog".</summary>
    public string Origin { get; init; } = "catalog";
    public string Why { get; init; } = "";
    public double EstimatedSeconds { get; init; }
    public double SuccessRate { get; init; } = 1;
    /// <summary>1-based execution group (filled by the scheduler).</summary>
    public int Group { get; init; }
}

/// <summary>A gate after a step: stop and check before going on.</summary>
public sealed record Checkpoint(string AfterStep, string Reason, string Check);

/// <summary>Where the workflow came from: a learned pattern (named, with its success rate) or composed from the catalog.</summary>
public sealed record PlanSource(
    string Kind,
    string? PatternId,
    string? PatternTitle,
    double? SuccessRate,
    int? Executions,
    string? Lifecycle,
    /// <summary>"project" (the user's pattern store) or "plugin" (patterns shipped with the meta-orchestrator).</summary>
    string? Store,
    /// <summary>The pattern file relative to its store (<c>patterns/learned/&lt;id&gt;.md</c>): the same wherever the store is.</summary>
    string? Path,
    double? Fit,
    IReadOnlyList<string> Reasons);

/// <summary>A workflow the selector could have chosen and what it drew for it.</summary>
public sealed record WorkflowCandidate(string Id, string Kind, int Successes, int Failures, double Fit, double PosteriorMean, double? Sample);

/// <summary>Whether the plan explores (tries a workflow other than the best known) and why.</summary>
public sealed record ExplorationInfo(string Strategy, int? Seed, bool Explored, string Chosen, string BestKnown, string Reason, IReadOnlyList<WorkflowCandidate> Candidates);

public sealed record PlanEstimate(double DurationSeconds, double SequentialSeconds, double SuccessProbability, IReadOnlyList<string> Basis);

/// <summary>A plan: a DAG of steps grouped for execution, with its source, exploration note, checkpoints and estimate.</summary>
public sealed record ExecutionPlan(
    string Task,
    TaskIntent Intent,
    PlanSource Source,
    ExplorationInfo Exploration,
    ExecutionMode Mode,
    PlanPurpose Purpose,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<IReadOnlyList<string>> Groups,
    IReadOnlyList<Checkpoint> Checkpoints,
    PlanEstimate Estimate,
    IReadOnlyList<string> Notes,
    IReadOnlyList<AgentOps.Core.Diagnostics.Diagnostic> Diagnostics)
{
    public const string Schema = "agentops.plan/v1";
}
