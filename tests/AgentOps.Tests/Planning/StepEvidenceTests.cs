using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Planning;

namespace AgentOps.Tests.Planning;

/// <summary>Per-step evidence: keys by agent and capability, pooling over patterns, the prior, the
/// product as the prior of a workflow's record, untried pseudo-steps for skipped capabilities, and the
/// Thompson draws.</summary>
[TestClass]
public sealed class StepEvidenceTests
{
    private static PatternFit Fit(string id, int runs, params (string Agent, string? Description, int Ok)[] steps)
    {
        var p = new LearnedPattern
        {
            Id = id,
            Category = "documentation",
            Executions = runs,
            SuccessRate = 1,
            Steps = steps.Select((s, i) => new PatternStep(i + 1, s.Agent, StepKinds.Subagent, "implement", 10, (double)s.Ok / runs, s.Description)).ToList(),
        };
        return new PatternFit(new StoredPattern(id + ".md", PatternLifecycle.Learned, p, []), 1, []);
    }

    [TestMethod]
    public void TheKeyIsTheAgentAndTheCapabilityItsTitleNames()
    {
        Assert.AreEqual("a:x|documentation", StepEvidenceBook.Key("a:x", "Write the docs"));
        Assert.AreEqual("a:x|documentation", StepEvidenceBook.Key("a:x", "Write the docs (retry)"));
        Assert.AreEqual("a:x|research-code", StepEvidenceBook.Key("a:x", "map the code of the billing module"), "a free-text description is read by meaning (issue 15)");
        Assert.AreEqual("a:x", StepEvidenceBook.Key("a:x", "do it"), "a description that names no capability: the agent alone");
        Assert.AreEqual("a:x", StepEvidenceBook.Key("a:x", null));
    }

    [TestMethod]
    public void EvidenceIsPooledOverPatternsAndShrunkTowardThePrior()
    {
        var book = StepEvidenceBook.From([
            Fit("p1", 4, ("a:writer", "Write the docs", 1), ("a:check", "Validate the result", 4)),
            Fit("p2", 2, ("a:writer", "Write the docs", 1), ("a:writer", "Implement the change", 2)),
        ]);
        var writer = book.For("a:writer|documentation");
        Assert.AreEqual((2, 4), (writer.Successes, writer.Failures));
        Assert.AreEqual((2 + StepEvidence.PriorSuccesses) / (6 + StepEvidence.PriorSuccesses + StepEvidence.PriorFailures), writer.Mean, 1e-12);
        Assert.AreEqual((2, 0), (book.For("a:writer|implement").Successes, book.For("a:writer|implement").Failures), "the same agent at another capability is another step");
        Assert.AreEqual(StepEvidence.PriorMean, book.For("a:never-seen").Mean, 1e-12);
        Assert.AreEqual(0.9, StepEvidence.PriorMean, 1e-12);
    }

    [TestMethod]
    public void TheStepsSetThePriorOfTheWorkflowsOwnRecord()
    {
        var steps = new[] { new StepEvidence("a", 3, 0), new StepEvidence("b", 0, 0) };
        var untried = new WorkflowOption("w", WorkflowOption.VariantKind, 0, 0, 1, steps);
        var q = steps[0].Mean * steps[1].Mean;
        Assert.AreEqual(q, untried.StepChance, 1e-12, "steps fail independently: the product");
        Assert.AreEqual(q, untried.PosteriorMean, 1e-12, "untried: the steps say it all");
        var tried = untried with { Successes = 1, Failures = 3 };
        Assert.AreEqual(q * (1 + WorkflowOption.PriorWeight) / (q * 4 + WorkflowOption.PriorWeight), tried.PosteriorMean, 1e-12,
            "its own record counts by what its steps do not explain: successes against those the steps predict");
        Assert.AreEqual(tried.PosteriorMean, tried.Alpha / (tried.Alpha + tried.Beta), 1e-12);
        Assert.AreEqual(WorkflowOption.PriorWeight + 4, tried.Alpha + tried.Beta, 1e-12, "the concentration grows with its runs");
        Assert.AreEqual(0.5, new WorkflowOption("w", WorkflowOption.PatternKind, 0, 0, 1).PosteriorMean, 1e-12, "without step evidence: Beta(1, 1)");
    }

    [TestMethod]
    public void ACapabilityTheTaskNeedsAndThePatternSkipsIsAnUntriedStep()
    {
        var intent = IntentAnalyzer.Analyze("Document the public REST API in the docs");
        var book = StepEvidenceBook.From(Array.Empty<LearnedPattern>());
        var p = Fit("short", 3, ("agentops-core:code-explorer", "Map the relevant code", 3), ("agentops-core:change-executor", "Write the docs", 3)).Pattern;
        CollectionAssert.AreEqual(new[] { "agentops-core:code-explorer|research-code", "agentops-core:change-executor|documentation" }, book.ForPattern(p).Select(e => e.Key).ToList());
        var missing = book.MissingFor(intent, p);
        CollectionAssert.AreEqual(new[] { "missing:research-docs", "missing:validate" }, missing.Select(e => e.Key).ToList());
        var option = new WorkflowOption("short", WorkflowOption.PatternKind, 3, 0, 1, book.ForPattern(p), missing);
        Assert.AreEqual(option.Alpha / (option.Alpha + option.Beta) * StepEvidence.PriorMean * StepEvidence.PriorMean, option.PosteriorMean, 1e-12,
            "its record does not vouch for steps it never had");
    }

    [TestMethod]
    public void AnUntriedStandInForAFailingStepIsTriedOftenAndDeterministically()
    {
        var shared = new StepEvidence("shared", 5, 0);
        var options = new[]
        {
            new WorkflowOption("a", WorkflowOption.PatternKind, 1, 4, 1, [shared, new StepEvidence("weak", 1, 4)]),
            new WorkflowOption("b", WorkflowOption.VariantKind, 0, 0, 1, [shared, new StepEvidence("untried", 0, 0)]),
        };
        var chosen = Enumerable.Range(0, 200).Select(seed => new ThompsonSelector(seed).Select(options)).ToList();
        Assert.IsTrue(chosen.Count(c => c.Chosen.Id == "b") > 150, "the untried stand-in beats a workflow whose step failed 4 of 5 in most draws");
        Assert.AreEqual(new ThompsonSelector(7).Select(options).Samples["b"], new ThompsonSelector(7).Select(options).Samples["b"]);
        Assert.AreEqual("b", new GreedySelector().Select(options).Chosen.Id, "greedy: the highest posterior mean");
    }

    [TestMethod]
    public void AShortLuckyRecordIsNotCountedTwice()
    {
        // A workflow whose weak step (prior 0.7) succeeded in both of its 2 runs. Its step evidence already holds
        // those 2 runs; its own record only says nothing went wrong beyond its steps.
        var step = new StepEvidence("a:guess|frontend", 2, 0, 3 * 0.7, 3 * 0.3);
        var lucky = new WorkflowOption("lucky", WorkflowOption.PatternKind, 2, 0, 1, [step]);
        var q = step.Mean;
        Assert.AreEqual(q * (2 + WorkflowOption.PriorWeight) / (2 * q + WorkflowOption.PriorWeight), lucky.PosteriorMean, 1e-12);
        Assert.IsTrue(lucky.PosteriorMean < (WorkflowOption.PriorWeight * q + 2) / (WorkflowOption.PriorWeight + 2),
            "below the old Beta(3q + s, 3(1 - q) + f), which counted the 2 runs on top of the steps they lifted");
        // Before, the same 2 runs also lifted the step's local prior (the global record held them too) and then the
        // workflow's record on top: three times in all.
        var globalBefore = (2 + 3 * 0.7) / 5;
        var stepBefore = (2 + 3 * globalBefore) / 5;
        var workflowBefore = (WorkflowOption.PriorWeight * stepBefore + 2) / (WorkflowOption.PriorWeight + 2);
        Assert.IsTrue(lucky.PosteriorMean < workflowBefore - 0.04, $"{lucky.PosteriorMean:0.000} vs {workflowBefore:0.000} before");
        var known = new WorkflowOption("known", WorkflowOption.PatternKind, 20, 2, 1, [new StepEvidence("a:good|frontend", 20, 2, 3 * 0.9, 3 * 0.1)]);
        Assert.IsTrue(known.PosteriorMean > lucky.PosteriorMean, "a long good record beats a short lucky one");
        var unexplained = new WorkflowOption("gap", WorkflowOption.PatternKind, 10, 10, 1, [new StepEvidence("a:x|implement", 20, 0)]);
        Assert.IsTrue(unexplained.PosteriorMean < 0.6, "failures no step explains (every step succeeded) still pull the workflow down");
        var many = new WorkflowOption("many", WorkflowOption.PatternKind, 700, 300, 1, [new StepEvidence("a:y|implement", 900, 100)]);
        Assert.AreEqual(0.7, many.PosteriorMean, 0.01, "after many runs its own success rate");
    }

    [TestMethod]
    public void ATasksOwnRunsDoNotAlsoLiftThePriorOfItsLocalEvidence()
    {
        var p = new LearnedPattern
        {
            Id = "near", Category = "frontend", Executions = 2, SuccessRate = 1,
            Context = "Example tasks: Add ARIA labels to the navigation menu",
            Steps = [new PatternStep(1, "agentops-devops:cicd-engineer", StepKinds.Subagent, "implement", 10, 1, "Change the frontend")],
        };
        var intent = IntentAnalyzer.Analyze("Add ARIA labels to the navigation menu");
        var memory = AgentOps.Orchestration.Planning.Memory.TaskMemory.Recall(intent, [new StoredPattern("near.md", PatternLifecycle.Learned, p, [])]);
        Assert.AreEqual(1, memory.Patterns.Single().Weight, 1e-12, "the same task: its runs count fully as local evidence");
        var book = StepEvidenceBook.Pooled(memory, b => new AgentOps.Orchestration.Planning.Memory.AgentPriors(null, intent.Task, memory.Embedder, b.Elsewhere));
        var e = book.For("agentops-devops:cicd-engineer|frontend");
        Assert.AreEqual((2.0, 0.0), (e.Successes, e.Failures));
        var mu0 = new AgentOps.Orchestration.Planning.Memory.AgentPriors(null, intent.Task, memory.Embedder, book.Elsewhere).Mean("agentops-devops:cicd-engineer", "frontend");
        var prior = e.PriorAlpha / (e.PriorAlpha + e.PriorBeta);
        Assert.AreEqual(mu0, prior, 1e-12);
        Assert.IsTrue(prior < 0.95, "the local prior is what other tasks say (none here): the agent's informed prior, not lifted by the 2 runs");
        Assert.AreEqual((2 + StepEvidenceBook.LocalStrength * prior) / (2 + StepEvidenceBook.LocalStrength), e.Mean, 1e-12, "the 2 runs count once");
    }
}
