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
        Assert.AreEqual((WorkflowOption.PriorWeight * q + 1) / (WorkflowOption.PriorWeight + 4), tried.PosteriorMean, 1e-12, "its own record counts, failures no step explains included");
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
}
