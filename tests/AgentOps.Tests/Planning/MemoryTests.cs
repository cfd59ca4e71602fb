using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Learning;
using AgentOps.Orchestration.Planning;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Tests.Planning;

/// <summary>
/// Issue 15's memory, on this repository's catalog: a task recalls what was learned on tasks that mean
/// the same (across phrasings and category labels), untried agents start from informed priors, a step is
/// challenged by expected gain, the steps come from what the task asks for, and real transcripts say
/// which capability each Agent call did.
/// </summary>
public sealed partial class ExplorationTests
{
    private const string Postmortem = "Write the postmortem for last night's payment outage";
    private const string PostmortemOtherWords = "Investigate why the login service paged the on-call at 3am and write up the postmortem";

    [TestMethod]
    public void WhatWasLearnedCarriesOverToAnotherPhrasingWithAnotherCategoryLabel()
    {
        var intent = IntentAnalyzer.Analyze(PostmortemOtherWords);
        Assert.AreNotEqual(IntentAnalyzer.Analyze(Postmortem).Category, intent.Category, "the keyword classifier labels them differently");
        var composed = Composed(Postmortem);
        var docs = composed.Select((s, i) => (s, i)).Single(x => x.s.Capability == Capabilities.Docs).i;
        // Learned: the generalist wrote the report 4 times out of 4.
        var learned = Pattern(Postmortem, composed.Select((s, i) => i == docs ? "agentops-core:change-executor" : s.Invocation).ToList(), 4, 4,
            context: $"Example tasks: \"{Postmortem}\".");
        var signals = Store(learned);
        var memory = TaskMemory.Recall(intent, signals.Patterns);
        var recalled = memory.Patterns.Single();
        Assert.IsTrue(recalled.Weight > 0, $"recalled by meaning (similarity {recalled.Similarity:0.00}), not walled off by the label");
        var plan = Planner.Plan(PostmortemOtherWords, _catalog, signals, new PlanOptions());
        var writer = plan.Steps.Single(s => s.Capability == Capabilities.Docs || s.Title.StartsWith("Write the docs", StringComparison.Ordinal));
        Assert.AreEqual("agentops-core:change-executor", writer.Invocation, "the agent that wrote the report before writes it again");
        var unrelated = TaskMemory.Recall(IntentAnalyzer.Analyze("Cache the dependencies in the build pipeline"), signals.Patterns).Patterns.Single();
        Assert.IsTrue(unrelated.Weight < recalled.Weight, $"an unrelated task recalls it less ({unrelated.Similarity:0.00} vs {recalled.Similarity:0.00})");
    }

    [TestMethod]
    public void UntriedAgentsStartFromInformedPriors()
    {
        var priors = new AgentPriors(_catalog, "Make the checkout form usable with a screen reader");
        Assert.IsTrue(priors.Mean("agentops-core:doc-explorer", Capabilities.Docs) <= 0.5, "a read-only agent on a writing step starts low");
        Assert.IsTrue(priors.Mean("agentops-core:change-executor", Capabilities.Docs) >= 0.85, "a writer on a writing step starts high");
        Assert.IsTrue(priors.Mean("agentops-product-dev:frontend-engineer", Capabilities.Frontend) > priors.Mean("agentops-devops:docker-specialist", Capabilities.Frontend),
            "the agent whose description is about user interfaces starts above the container agent on a frontend step");
        CollectionAssert.Contains(AgentPriors.TradeOf("agentops-devops:observability-engineer", _catalog.FindComponent("agentops-devops:observability-engineer")!.Component.Description).ToList(), Capabilities.Infrastructure);
        // Its record elsewhere moves an agent's prior: one that failed at everything else starts lower.
        var failing = new AgentPriors(_catalog, "Add a paginated REST endpoint for invoices", elsewhere: (_, _) => (1, 9));
        Assert.IsTrue(failing.Mean("agentops-product-dev:backend-engineer", Capabilities.Api) < priors.Mean("agentops-product-dev:backend-engineer", Capabilities.Api) - 0.1);
    }

    [TestMethod]
    public void ExpectedGainIsTheExpectedImprovementOverTheCurrentStep()
    {
        Assert.AreEqual(0.125, ExpectedGain.Improvement(1, 1, 0.5), 1e-3, "uniform: (1 - t)^2 / 2");
        Assert.AreEqual(0, ExpectedGain.Improvement(5, 5, 1));
        Assert.IsTrue(ExpectedGain.Improvement(2.7, 0.3, 0.85) > ExpectedGain.Improvement(2.7, 0.3, 0.97), "a weaker step has more to gain");
        Assert.IsTrue(ExpectedGain.Improvement(2.7, 0.3, 0.85) > ExpectedGain.Improvement(270, 30, 0.85), "an agent known to be 0.9 teaches less than an untried one");
        Assert.IsTrue(ExpectedGain.Improvement(4000, 10, 0.5) > 0.49, "long records do not underflow");
    }

    [TestMethod]
    public void ATestStepAt085IsChallengedByALikelyBetterTesterAndAPerfectOneIsNot()
    {
        var composed = Composed(ApiTask);
        var design = composed.Select((s, i) => (s, i)).Single(x => x.s.Capability == Capabilities.Tests).i;
        Assert.AreEqual("agentops-core:test-generator", composed[design].Invocation);
        var ok = composed.Select((_, i) => i == design ? 17 : 20).ToArray();
        var signals = Store(Pattern(ApiTask, composed.Select(s => s.Invocation).ToList(), 20, 17, ok, context: $"Example tasks: \"{ApiTask}\"."));
        var plan = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions());
        var variant = plan.Exploration.Candidates.SingleOrDefault(c => c.Kind == WorkflowOption.VariantKind);
        Assert.IsNotNull(variant, "a test step that succeeds 85 % of the time gets a challenger (another agent whose trade is tests)");
        Assert.AreEqual("expected-gain", plan.Exploration.Strategy);
        Assert.AreEqual(variant.Id, plan.Exploration.Chosen, plan.Exploration.Reason);
        Assert.AreNotEqual(composed[design].Invocation, plan.Steps[design].Invocation);

        var perfect = Store(Pattern(ApiTask, composed.Select(s => s.Invocation).ToList(), 20, 20, context: $"Example tasks: \"{ApiTask}\"."));
        var kept = Planner.Plan(ApiTask, _catalog, perfect, new PlanOptions());
        Assert.IsFalse(kept.Exploration.Explored, kept.Exploration.Reason);
        Assert.AreEqual(composed[design].Invocation, kept.Steps[design].Invocation);
    }

    [TestMethod]
    public void TheStepsComeFromWhatTheTaskAsksForNotFromItsLabel()
    {
        const string task = "Figure out what caused the 502 spike and document the root cause";
        var intent = IntentAnalyzer.Analyze(task);
        Assert.AreEqual("documentation", intent.Category, "the label says documentation");
        Assert.IsTrue(intent.Needs(Capabilities.ResearchHistory), "but it asks for an investigation");
        Assert.IsTrue(intent.Needs(Capabilities.Docs), "and for writing");
        Assert.IsFalse(intent.Needs(Capabilities.Implement), "and for no change");
        var writer = Composed(task).Single(s => s.Capability == Capabilities.Docs);
        Assert.AreNotEqual("agentops-core:doc-explorer", writer.Invocation, "no read-only agent on the writing step");
        Assert.IsTrue(WorkflowVariants.KindOf(writer.Invocation) is "build" or "document", writer.Invocation);
        var change = IntentAnalyzer.Analyze("Find the root cause of the slow checkout and fix it");
        Assert.IsTrue(change.Needs(Capabilities.ResearchHistory) && change.Capabilities.Any(c => c.Phase == "implement"), "an investigation that asks for a fix also changes code");
    }

    [TestMethod]
    public void OneAgentMayFillTwoRolesWhileARetryStaysOneStep()
    {
        var t0 = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
        ExecutionStep Step(string agent, string description, int minute, bool ok = true) =>
            new(agent, StepKinds.Subagent, t0.AddMinutes(minute), 50, ok ? StepOutcome.Success : StepOutcome.Error, null, description);
        const string qa = "agentops-product-dev:qa-engineer";
        var twoRoles = new Execution("e1", ApiTask, t0, [Step("agentops-core:code-explorer", "Map the relevant code", 0), Step(qa, "Write the tests", 1), Step(qa, "Validate the result", 2)], true, 180, false, "test");
        CollectionAssert.AreEqual(new[] { "agentops-core:code-explorer", qa, qa }, PatternExtractor.Shape(twoRoles).ToList());
        var retry = twoRoles with { Steps = [twoRoles.Steps[0], Step(qa, "Write the tests", 1, ok: false), Step(qa, "Write the tests (retry after the checkpoint)", 2)] };
        CollectionAssert.AreEqual(new[] { "agentops-core:code-explorer", qa }, PatternExtractor.Shape(retry).ToList());
    }

    [TestMethod]
    public void RealTranscriptAndHookLinesSayWhichCapabilityEachAgentCallDid()
    {
        var folder = Path.Combine(TestFixtures.ClaudeCodeSamples, "v2.1.331_general_purpose");
        var transcript = Directory.GetFiles(Path.Combine(folder, "transcript"), "*.jsonl").Single();
        var real = TranscriptParser.ParseFile(transcript).Execution!;
        var call = real.Steps.First(s => s.Kind == StepKinds.Subagent);
        Assert.AreEqual("Run helper subagent", call.Description, $"the real call's description is kept (capability read: {StepCapability.Of(call.Description)})");
        Assert.IsNull(StepCapability.Of(call.Description), "\"Run helper subagent\" (prompt: run echo) names no capability: no evidence is invented");

        // The same real lines with the description and prompt an orchestrator gives an investigation step.
        string Orchestrated(string text) => text
            .Replace("Run helper subagent", "Investigate the 502 spike", StringComparison.Ordinal)
            .Replace("SUBTASK: please run echo hello-from-subagent and report.", "Read the git history of the gateway: when did it change, and which commits are suspect?", StringComparison.Ordinal);
        var dir = Path.Combine(_work, "orchestrated-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var copy = Path.Combine(dir, Path.GetFileName(transcript));
        File.WriteAllText(copy, Orchestrated(File.ReadAllText(transcript)));
        var parsed = TranscriptParser.ParseFile(copy).Execution!.Steps.First(s => s.Kind == StepKinds.Subagent);
        Assert.AreEqual(Capabilities.ResearchHistory, StepCapability.Of(parsed.Description), parsed.Description);
        StringAssert.StartsWith(StepEvidenceBook.Key(parsed.Name, parsed.Description), parsed.Name + "|" + Capabilities.ResearchHistory);

        var hooks = Path.Combine(dir, "hooks.jsonl");
        File.WriteAllText(hooks, Orchestrated(File.ReadAllText(Path.Combine(folder, "hooks.jsonl"))));
        var fromHooks = HookLogParser.ParseFile(hooks).Execution!.Steps.First(s => s.Kind == StepKinds.Subagent);
        Assert.AreEqual(Capabilities.ResearchHistory, StepCapability.Of(fromHooks.Description), fromHooks.Description);
    }
}
