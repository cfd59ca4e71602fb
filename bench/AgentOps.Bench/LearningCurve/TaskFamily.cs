using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>How the simulator records an execution of a family: the seed's execution.json or the lines
/// of a Claude Code session transcript.</summary>
public enum RecordFormat { ExecutionJson, Transcript }

/// <summary>The hidden truth about one agent doing one step: the chance one attempt succeeds, and its
/// mean duration in seconds (each attempt draws log-normal noise around it).</summary>
public sealed record AgentTruth(double Success, double Seconds);

/// <summary>What an agent is: how reliable and fast it is at its own trade, and which capabilities
/// (<see cref="Capabilities"/> names) its trade covers. Asked to do anything else it is a misfit.</summary>
public sealed record AgentProfile(double Success, double Seconds, IReadOnlyList<string> Roles);

/// <summary>
/// A task family of the simulator: the category its tasks fall in, several phrasings of the same
/// kind of task, the record format, and the hidden ground truth — which agents do better or worse than
/// usual at this kind of task (<see cref="Overrides"/>, within their trade, over
/// <see cref="TaskFamilies.Profiles"/>). The planners never see the truth; only the oracle and the
/// simulator read it.
/// </summary>
public sealed record TaskFamily(
    string Name,
    string Category,
    RecordFormat Format,
    IReadOnlyList<string> Phrasings,
    IReadOnlyDictionary<string, AgentTruth> Overrides,
    string Story)
{
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
