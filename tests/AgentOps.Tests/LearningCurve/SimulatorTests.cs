using AgentOps.Bench.LearningCurve;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Learning;
using AgentOps.Orchestration.Planning;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.LearningCurve;

/// <summary>
/// The simulator's records read back through the real parsers exactly as executed: a step retried
/// after its checkpoint inside a parallel group keeps the workflow's shape, counts as a failure of that
/// step and not of the session; the true success probability follows the checkpoints and the
/// capabilities the plan skips.
/// </summary>
[TestClass]
public sealed class SimulatorTests
{
    private const string Task = "Document the public REST API in the docs";

    /// <summary>A family where code-explorer fails half the time, so some runs retry it.</summary>
    private static readonly TaskFamily Flaky = new("flaky-docs", "documentation", RecordFormat.Transcript, [Task],
        new Dictionary<string, AgentTruth>(StringComparer.Ordinal) { ["agentops-core:code-explorer"] = new(0.5, 60) }, "test family");

    /// <summary>The composed plan without a catalog (default agents) with a checkpoint after the first research step.</summary>
    private static ExecutionPlan PlanWithCheckpoint()
    {
        var plan = Planner.Plan(Task, null, LearnedSignals.None, new PlanOptions());
        Assert.AreEqual(plan.Steps[1].Id, plan.Groups[0][1], "both research steps run together in the first group");
        return plan with { Checkpoints = [new Checkpoint(plan.Steps[0].Id, "test", "check"), .. plan.Checkpoints] };
    }

    private static SimulatedRun RunWithRetry(ExecutionPlan plan) =>
        Enumerable.Range(0, 500).Select(i => PlanSimulator.Run(plan, Flaky, $"test/{i}")).First(r => r.Retries > 0 && r.Success);

    [TestMethod]
    public void ATranscriptWithARetryInAParallelGroupReadsBackAsTheSameWorkflow()
    {
        var plan = PlanWithCheckpoint();
        var run = RunWithRetry(plan);
        var file = TranscriptWriter.Write(LearningFixtures.TempDir(), "session-key", Task, new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), run);
        var parsed = TranscriptParser.ParseFile(file);
        Assert.IsNotNull(parsed.Execution, string.Join("; ", parsed.Warnings));
        var e = parsed.Execution;
        Assert.AreEqual(Task, e.Task);
        Assert.IsTrue(e.Success, $"the retry recovered the step, the session succeeded ({e.FailureReason})");
        Assert.AreEqual(run.Attempts.Count + 1, e.Steps.Count, "every attempt plus the final check is a step");
        CollectionAssert.AreEqual(plan.Steps.Select(s => s.Invocation).ToList(), PatternExtractor.Shape(e).ToList(),
            "the retry of code-explorer, launched after doc-explorer started, collapses into the first attempt");
        var pattern = PatternExtractor.Extract([e]).Candidates.Single();
        Assert.AreEqual(0, pattern.Steps[0].SuccessRate, "a step that needed a retry counts as a failure of that step");
        Assert.AreEqual(1, pattern.SuccessRate, "but not of the execution");
        Assert.AreEqual(plan.Steps[1].Title, pattern.Steps[1].Description, "the step's title survives as its description (its role)");
    }

    [TestMethod]
    public void AnExecutionJsonWithARetryReadsBackAsTheSameWorkflow()
    {
        var plan = PlanWithCheckpoint();
        var run = RunWithRetry(plan);
        var file = ExecutionJsonWriter.Write(LearningFixtures.TempDir(), "exec-1", Task, new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), run);
        var e = ExecutionRecordReader.ReadFile(file);
        Assert.AreEqual("exec-1", e.Id);
        Assert.IsTrue(e.Success);
        Assert.AreEqual(run.Makespan, e.DurationSeconds, 0.05);
        CollectionAssert.AreEqual(plan.Steps.Select(s => s.Invocation).ToList(), PatternExtractor.Shape(e).ToList());
        Assert.AreEqual(0, PatternExtractor.Extract([e]).Candidates.Single().Steps[0].SuccessRate);
    }

    [TestMethod]
    public void ACheckpointRetriesAFailedStepOnceAndCostsACheck()
    {
        var plan = PlanWithCheckpoint();
        var noCheckpoint = plan with { Checkpoints = [] };
        for (var i = 0; i < 50; i++)
        {
            var with = PlanSimulator.Run(plan, Flaky, $"same/{i}");
            var without = PlanSimulator.Run(noCheckpoint, Flaky, $"same/{i}");
            var first = with.Attempts.Where(a => a.StepIndex == 0).ToList();
            Assert.IsTrue(first.Count == 1 || (first.Count == 2 && !first[0].Success), "a second attempt only after a failed first one");
            Assert.AreEqual(without.Attempts.First(a => a.StepIndex == 0).Success, first[0].Success, "the same key draws the same luck");
            Assert.IsTrue(with.Success || !without.Success, "a checkpoint never turns a success into a failure");
        }
        Assert.AreEqual(0.5 * 0.99 * 0.93 * 0.97, PlanSimulator.ExpectedSuccess(noCheckpoint, Flaky), 1e-9);
        Assert.AreEqual(0.75 * 0.99 * 0.93 * 0.97, PlanSimulator.ExpectedSuccess(plan, Flaky), 1e-9);
    }

    [TestMethod]
    public void SkippingACapabilityTheTaskNeedsCostsSuccess()
    {
        var plan = Planner.Plan(Task, null, LearnedSignals.None, new PlanOptions());
        var withoutDocsResearch = plan with { Steps = plan.Steps.Where(s => s.Capability != Capabilities.ResearchDocs).ToList() };
        withoutDocsResearch = withoutDocsResearch with { Groups = withoutDocsResearch.Groups.Select(g => (IReadOnlyList<string>)g.Where(id => withoutDocsResearch.Steps.Any(s => s.Id == id)).ToList()).Where(g => g.Count > 0).ToList() };
        CollectionAssert.AreEqual(new[] { Capabilities.ResearchDocs }, PlanSimulator.Missing(withoutDocsResearch, Flaky).ToList());
        var full = PlanSimulator.ExpectedSuccess(plan, Flaky) / Flaky.Truth(plan.Steps[1]).Success;
        Assert.AreEqual(full * (1 - PlanSimulator.MissingCapabilityPenalty), PlanSimulator.ExpectedSuccess(withoutDocsResearch, Flaky), 1e-9);
    }

    [TestMethod]
    public void AnAgentOutsideItsTradeIsAMisfit()
    {
        var docs = TaskFamilies.All.Single(f => f.Name == "documentation");
        Assert.AreEqual(TaskFamilies.MisfitSuccess, docs.Truth("agentops-core:doc-explorer", Capabilities.Docs).Success);
        Assert.AreEqual(0.99, docs.Truth("agentops-core:doc-explorer", Capabilities.ResearchDocs).Success);
        Assert.AreEqual(0.96, docs.Truth("agentops-core:change-executor", Capabilities.Docs).Success, "the family's override");
        Assert.AreEqual(TaskFamilies.MisfitSuccess, docs.Truth("someone:unknown", Capabilities.Docs).Success);
    }

    [TestMethod]
    public void EveryShippedPhrasingFallsInItsFamilysCategoryAndEveryFamilyKnowsWhatItNeeds()
    {
        Assert.AreEqual(10, TaskFamilies.Shipped.Count);
        foreach (var f in TaskFamilies.Shipped)
            foreach (var t in f.Phrasings) Assert.AreEqual(f.Category, TaskClassifier.Classify(t), t);
        Assert.IsTrue(TaskFamilies.All.Count(f => f.Split != FamilySplit.Shipped) >= 6, "issue 15: at least six families of our own");
        foreach (var split in new[] { FamilySplit.Tuned, FamilySplit.Untouched })
            Assert.IsTrue(TaskFamilies.All.Any(f => f.Split == split && f.Control), $"{split} has a control family");
        foreach (var f in TaskFamilies.All)
        {
            Assert.IsTrue(f.Phrasings.Count >= 4, f.Name);
            Assert.AreEqual(f.Phrasings.Count, f.Phrasings.Distinct().Count(), f.Name);
            foreach (var t in f.Phrasings)
            {
                Assert.IsTrue(f.Needs?.ContainsKey(t) == true, $"{f.Name}: what \"{t}\" truly needs is declared, not read from the planner");
                Assert.IsTrue(f.NeedsOf(t).All(c => Capabilities.All.Any(r => r.Name == c)), t);
            }
        }
        Assert.IsTrue(TaskFamilies.All.Any(f => f.Format == RecordFormat.Transcript) && TaskFamilies.All.Any(f => f.Format == RecordFormat.ExecutionJson));
    }
}
