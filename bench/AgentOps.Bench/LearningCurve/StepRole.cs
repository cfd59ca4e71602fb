using AgentOps.Orchestration.Planning;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// The capability a plan step is asked to do, from its title: a composed step's title is its capability's
/// title, and a step of a learned pattern carries the title it was recorded with (the execution.json
/// <c>step</c> / the Agent tool's <c>description</c>, kept as the pattern step's description). Failing
/// that, the step's capability field, then its phase.
/// </summary>
public static class StepRole
{
    public static string Of(PlanStep step)
    {
        // The title first: a pattern step's capability field holds its phase, which may spell a capability ("deploy").
        var byTitle = Capabilities.All.FirstOrDefault(r => step.Title.StartsWith(r.Title, StringComparison.Ordinal));
        if (byTitle is not null) return byTitle.Name;
        if (Capabilities.All.Any(r => r.Name == step.Capability)) return step.Capability;
        return step.Phase switch
        {
            "research" => Capabilities.ResearchCode,
            "plan" => Capabilities.Design,
            "test" => Capabilities.Tests,
            "document" => Capabilities.Docs,
            "validate" => Capabilities.Validate,
            "deploy" => Capabilities.Deploy,
            _ => Capabilities.Implement,
        };
    }
}
