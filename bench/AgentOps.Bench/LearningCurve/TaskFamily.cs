using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>How the simulator records an execution of a family: the seed's execution.json or the lines
/// of a Claude Code session transcript.</summary>
public enum RecordFormat { ExecutionJson, Transcript }

/// <summary>
/// Which set a family belongs to (issue 15). <see cref="Shipped"/>: the ten families the planner was
/// built against (issue 8). <see cref="Tuned"/>: the twelve families of our own that may be looked at
/// while tuning (six written for issue 15 before any tuning, six written as untouched and looked at in
/// stop 25). <see cref="Untouched"/>: six families written in stop 25 before any tuning of that stop,
/// without reading the planner, and never looked at while tuning (no trace, no per-family figure read
/// before the final run): the held-out figure.
/// </summary>
public enum FamilySplit { Shipped, Tuned, Untouched }

/// <summary>The hidden truth about one agent doing one step: the chance one attempt succeeds, and its
/// mean duration in seconds (each attempt draws log-normal noise around it).</summary>
public sealed record AgentTruth(double Success, double Seconds);

/// <summary>What an agent is: how reliable and fast it is at its own trade, and which capabilities
/// (<see cref="Capabilities"/> names) its trade covers. Asked to do anything else it is a misfit.</summary>
public sealed record AgentProfile(double Success, double Seconds, IReadOnlyList<string> Roles);

/// <summary>
/// A task family of the simulator: a label, several phrasings of the same kind of task, the record
/// format, and the hidden ground truth — which agents do better or worse than usual at this kind of
/// task (<see cref="Overrides"/>, within their trade, over <see cref="TaskFamilies.Profiles"/>) and which
/// capabilities its tasks truly need (<see cref="Needs"/>). The planners never see the truth; only the
/// oracle and the simulator read it.
/// </summary>
public sealed record TaskFamily(
    string Name,
    string Category,
    RecordFormat Format,
    IReadOnlyList<string> Phrasings,
    IReadOnlyDictionary<string, AgentTruth> Overrides,
    string Story)
{
    public FamilySplit Split { get; init; } = FamilySplit.Shipped;

    /// <summary>The capabilities (<see cref="Capabilities"/> names) a task of the family truly needs, by
    /// phrasing: a plan with no step for one of them fails its final check more often
    /// (<see cref="PlanSimulator.MissingCapabilityPenalty"/>). Null for a phrasing: what the planner's
    /// own analyzer asks for (the convention of the shipped families, frozen in
    /// <see cref="ShippedNeeds"/>; only hand-made test families still use it).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Needs { get; init; }

    /// <summary>Whether the composed workflow is already the best one (only checkpoints can help).</summary>
    public bool Control { get; init; }

    public IReadOnlyList<string> NeedsOf(string task) =>
        Needs is not null && Needs.TryGetValue(task, out var n) ? n : IntentAnalyzer.Analyze(task).Capabilities.Select(c => c.Name).ToList();

    /// <summary>The same capabilities for every phrasing.</summary>
    public TaskFamily NeedingAll(params string[] capabilities) =>
        this with { Needs = Phrasings.ToDictionary(p => p, _ => (IReadOnlyList<string>)capabilities, StringComparer.Ordinal) };

    /// <summary>How <paramref name="agent"/> does the step of capability <paramref name="role"/> in this
    /// family: a misfit (<see cref="TaskFamilies.MisfitSuccess"/>) outside its trade, else the family's
    /// override or the agent's profile; an agent the simulator does not know is a misfit everywhere.</summary>
    public AgentTruth Truth(string agent, string role)
    {
        if (!TaskFamilies.Profiles.TryGetValue(agent, out var profile)) return new AgentTruth(TaskFamilies.MisfitSuccess, 200);
        if (!profile.Roles.Contains(role)) return new AgentTruth(TaskFamilies.MisfitSuccess, profile.Seconds);
        return Overrides.TryGetValue(agent, out var t) ? t : new AgentTruth(profile.Success, profile.Seconds);
    }

    public AgentTruth Truth(PlanStep step) => Truth(step.Invocation, StepRole.Of(step));
}
