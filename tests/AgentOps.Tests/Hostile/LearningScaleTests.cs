using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;
using static AgentOps.Tests.Hostile.LargeLearningInputs;

namespace AgentOps.Tests.Hostile;

/// <summary>
/// Big but valid sessions are learned in seconds, not minutes: each of these took longer than its deadline
/// before (a repeat looked for across the whole workflow per step, each failed call checked against every later
/// call, each SubagentStart matched by scanning every step, each secret found located by counting lines from the
/// start of the text). The deadline is only a safety
/// net (no timing is asserted). The sizes are below the 200,000 steps that took minutes in Release, kept small
/// for Debug, but show the quadratic time clearly: before the fixes the execution record took 27 s (3 s after),
/// 20,000 Agent calls 46 s (0.3 s after), the prompt over 60 s (1 s after); 4,000 subagents in a hook log took
/// 50 s in Release.
/// </summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class LearningScaleTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>Runs <paramref name="work"/> and fails the test at the deadline of its [Timeout] (the work itself
    /// cannot be cancelled: it is left to finish on its own).</summary>
    private T WithinDeadline<T>(Func<T> work) =>
        Task.Run(work).WaitAsync(TestContext.CancellationToken).GetAwaiter().GetResult();

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void An_execution_record_of_50000_distinct_agents_is_learned_cut_at_the_workflow_cap_with_a_warning_naming_the_file()
    {
        const int steps = 50_000;
        var project = AgentOps.Tests.Learning.LearningFixtures.NewProject().Project;
        var file = Path.Combine(project, "execution.json");
        File.WriteAllText(file, ExecutionRecord(Enumerable.Range(0, steps).Select(i => $"agent-{i}")));

        var report = WithinDeadline(() => LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = [file], Commit = false }));

        Assert.AreEqual(1, report.ExecutionsRead);
        var warning = report.Warnings.Single(w => w.StartsWith("AOP0917", StringComparison.Ordinal));
        StringAssert.Contains(warning, file);
        StringAssert.Contains(warning, $"{steps} steps");
        var pattern = PatternReader.Read(report.Patterns.Single().Path);
        Assert.AreEqual(PatternExtractor.MaxWorkflowSteps, pattern.Steps.Count);
        CollectionAssert.AreEqual(new[] { "agent-0", "agent-1" }, pattern.Steps.Take(2).Select(s => s.Name).ToArray());
        Assert.AreEqual($"agent-{PatternExtractor.MaxWorkflowSteps - 1}", pattern.Steps[^1].Name);
    }

    [TestMethod]
    public void A_workflow_at_the_cap_is_learned_whole_without_a_warning()
    {
        var project = AgentOps.Tests.Learning.LearningFixtures.NewProject().Project;
        var file = Path.Combine(project, "execution.json");
        File.WriteAllText(file, ExecutionRecord(Enumerable.Range(0, PatternExtractor.MaxWorkflowSteps).Select(i => $"agent-{i}")));

        var report = LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = [file], Commit = false });

        Assert.IsFalse(report.Warnings.Any(w => w.StartsWith("AOP0917", StringComparison.Ordinal)), string.Join("\n", report.Warnings));
        Assert.AreEqual(PatternExtractor.MaxWorkflowSteps, PatternReader.Read(report.Patterns.Single().Path).Steps.Count);
    }

    /// <summary>15,000 failed "Change the database" calls, then 15,000 successful calls of the same agent in another
    /// role ("Change the API": no retry of them), then one retry that recovers them all.</summary>
    private static List<AgentCall> FailuresRecoveredAtTheEnd(int failures, bool retry)
    {
        var calls = new List<AgentCall>();
        for (var i = 0; i < failures; i++) calls.Add(new("change-executor", $"Change the database (part {i})", false));
        for (var i = 0; i < failures; i++) calls.Add(new("change-executor", $"Change the API (part {i})", true));
        if (retry) calls.Add(new("change-executor", "Change the database (retry after the checkpoint)", true));
        return calls;
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void A_transcript_of_30000_agent_calls_whose_failures_a_late_retry_recovers_is_a_success()
    {
        var text = Transcript("Fix the login bug", FailuresRecoveredAtTheEnd(15_000, retry: true));

        var result = WithinDeadline(() => TranscriptParser.Parse(new StringReader(text), "big"));

        Assert.AreEqual(30_001, result.Execution!.Steps.Count);
        Assert.IsNull(result.Execution.FailureReason);
        Assert.IsTrue(result.Execution.Success);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void Without_the_retry_the_first_failed_call_fails_the_session()
    {
        var text = Transcript("Fix the login bug", FailuresRecoveredAtTheEnd(15_000, retry: false));

        var result = WithinDeadline(() => TranscriptParser.Parse(new StringReader(text), "big"));

        Assert.IsFalse(result.Execution!.Success);
        Assert.AreEqual("step 'change-executor' error", result.Execution.FailureReason);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void A_hook_log_of_10000_subagents_of_one_type_is_read_one_step_each()
    {
        var text = HookLog("code-reviewer", 10_000);

        var result = WithinDeadline(() => HookLogParser.Parse(new StringReader(text), "hooky", out _));

        Assert.AreEqual(10_000, result.Execution!.Steps.Count);
        Assert.IsTrue(result.Execution.Steps.All(s => s.Name == "code-reviewer" && s.Outcome == StepOutcome.Success));
        Assert.IsTrue(result.Execution.Success);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void A_prompt_of_50000_email_addresses_is_redacted_on_reading_each_one_counted()
    {
        const int addresses = 50_000;
        var dir = AgentOps.Tests.Learning.LearningFixtures.TempDir();
        var file = Path.Combine(dir, "big.jsonl");
        var prompt = "Mail these people about the outage:\n" + string.Join("\n", Enumerable.Range(0, addresses).Select(i => $"dev{i}@corp-mail.net"));
        File.WriteAllText(file, Transcript(prompt, [new("code-reviewer", "Review the change", true)]));

        var result = WithinDeadline(() => ExecutionSources.LoadFile(file));

        Assert.IsFalse(result.Execution!.Task.Contains('@'), "every address redacted");
        StringAssert.Contains(result.Redactions.Single(), $"redacted {addresses} secret(s)");
    }
}
