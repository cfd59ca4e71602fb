using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Tests.Learning;

/// <summary>The learner does not learn from itself: a session that only ran the meta-orchestrator's own
/// commands (show-patterns, meta-stats…) read the memory and did no work a plan could repeat.</summary>
[TestClass]
public sealed class SelfObservationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 5, 10, 0, 0, TimeSpan.Zero);

    private static ExecutionStep Step(string name, string kind, double start) =>
        new(name, kind, T0.AddSeconds(start), 2, StepOutcome.Success);

    private static Execution Exec(string id, string task, params ExecutionStep[] steps) =>
        new(id, task, T0, steps, true, 30, false, "test");

    [TestMethod]
    public void A_session_that_only_looked_at_the_memory_teaches_nothing()
    {
        var looked = Exec("looked", "/agentops-meta-orchestrator:show-patterns",
            Step("/agentops-meta-orchestrator:show-patterns", StepKinds.Command, 0), Step("Bash", StepKinds.Tool, 1));
        var result = PatternExtractor.Extract([looked]);
        Assert.AreEqual(0, result.Candidates.Count, string.Join(", ", result.Candidates.Select(c => c.Id)));
        Assert.AreEqual(1, result.SkippedExecutions);
    }

    [TestMethod]
    public void An_orchestrated_session_that_ran_subagents_is_learned()
    {
        var worked = Exec("worked", "Add OAuth2 to the API",
            Step("/agentops-meta-orchestrator:orchestrate", StepKinds.Command, 0),
            Step("agentops-core:code-explorer", StepKinds.Subagent, 3), Step("agentops-core:change-executor", StepKinds.Subagent, 6));
        var pattern = PatternExtractor.Extract([worked]).Candidates.Single();
        CollectionAssert.AreEqual(new[] { "/agentops-meta-orchestrator:orchestrate", "agentops-core:code-explorer", "agentops-core:change-executor" },
            pattern.Steps.Select(s => s.Name).ToList());
    }

    [TestMethod]
    public void Another_plugins_command_alone_is_still_a_workflow()
    {
        var command = Exec("command", "review my change", Step("/agentops-core:review", StepKinds.Command, 0), Step("Bash", StepKinds.Tool, 1));
        Assert.AreEqual(1, PatternExtractor.Extract([command]).Candidates.Count);
    }
}
