using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;

namespace AgentOps.Tests.Learning;

/// <summary>
/// Retries: a step run again (after a checkpoint found it failed) is one step of the workflow, even
/// inside a parallel group; it counts as a failure of that step (which agent fails where) but the
/// session succeeds when the retry did.
/// </summary>
[TestClass]
public sealed class RetryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 5, 10, 0, 0, TimeSpan.Zero);

    private static ExecutionStep Step(string name, double start, double seconds, bool ok) =>
        new(name, StepKinds.Subagent, T0.AddSeconds(start), seconds, ok ? StepOutcome.Success : StepOutcome.Error);

    private static Execution Exec(string id, params ExecutionStep[] steps) =>
        new(id, "Fix the crash when saving a draft", T0, steps, true, steps.Max(s => (s.Start - T0).TotalSeconds + s.DurationSeconds), false, "test");

    [TestMethod]
    public void ARetryInsideAParallelGroupCollapsesIntoItsFirstAttempt()
    {
        // a and b start together; a fails after 10 s and is run again while b is still running.
        var e = Exec("parallel", Step("p:a", 0, 10, false), Step("p:b", 0, 30, true), Step("p:a", 12, 10, true), Step("p:c", 31, 5, true));
        CollectionAssert.AreEqual(new[] { "p:a", "p:b", "p:c" }, PatternExtractor.Shape(e).ToList());
        var p = PatternExtractor.Extract([e]).Candidates.Single();
        Assert.AreEqual(0, p.Steps[0].SuccessRate, "a needed a retry: a failure of step a");
        Assert.AreEqual(1, p.Steps[1].SuccessRate);
        Assert.AreEqual(1, p.SuccessRate, "the execution itself succeeded");
        Assert.AreEqual(22, p.Ledger.Single().Steps[0].DurationSeconds, 1e-9, "the collapsed step spans both attempts");
    }

    [TestMethod]
    public void TheSameAgentAgainAfterOtherStepsFinishedIsANewStep()
    {
        var e = Exec("sequential", Step("p:a", 0, 10, true), Step("p:b", 11, 10, true), Step("p:a", 22, 10, true));
        CollectionAssert.AreEqual(new[] { "p:a", "p:b", "p:a" }, PatternExtractor.Shape(e).ToList());
    }

    [TestMethod]
    public void ConsecutiveCallsThatAllSucceededStayOneSucceededStep()
    {
        var e = Exec("twice", Step("p:a", 0, 10, true), Step("p:a", 11, 10, true));
        var p = PatternExtractor.Extract([e]).Candidates.Single();
        Assert.AreEqual(1, p.Steps.Count);
        Assert.AreEqual(1, p.Steps[0].SuccessRate);
    }

    [TestMethod]
    public void ATranscriptWhoseFailedStepWasRetriedSuccessfullySucceeds()
    {
        var dir = LearningFixtures.TempDir();
        var retried = TranscriptParser.ParseFile(LearningFixtures.WriteTranscript(dir, "11111111-retry", "Fix the crash", T0,
            [new("agentops-core:code-explorer"), new("agentops-core:change-executor", Success: false), new("agentops-core:change-executor")]));
        Assert.IsTrue(retried.Execution!.Success, retried.Execution.FailureReason);
        var notRetried = TranscriptParser.ParseFile(LearningFixtures.WriteTranscript(dir, "22222222-fail", "Fix the crash", T0,
            [new("agentops-core:change-executor", Success: false), new("agentops-core:continuous-validator")]));
        Assert.IsFalse(notRetried.Execution!.Success);
        StringAssert.Contains(notRetried.Execution.FailureReason, "agentops-core:change-executor");
    }
}
