using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Planning;
using AgentOps.Orchestration.Planning.Memory;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Planning;

/// <summary>
/// Issue 8's planner: it keeps the best known workflow as the default but tries a promising
/// alternative for a step that keeps failing (another catalog agent for that step), says so in the
/// plan, carries what one phrasing learned over to another, places a checkpoint after the step the
/// learned per-step evidence says fails most, and never explores under --conservative. The catalog is
/// this repository's marketplace (the four agentops plugins).
/// </summary>
[TestClass]
public sealed partial class ExplorationTests
{
    private static CatalogStore _catalog = null!;
    private static string _work = "";

    private const string ApiTask = "Add a paginated REST endpoint for invoices";
    private const string DocsTask = "Write a tutorial for the plugin system";

    [ClassInitialize]
    public static void BuildCatalog(TestContext _)
    {
        _work = LearningFixtures.TempDir();
        _catalog = CatalogStore.Open(Path.Combine(_work, "catalog.db"), new List<Diagnostic>());
        CatalogBuilder.Build(_catalog, [new CatalogSourceSpec(SourceKinds.Folder, LearningFixtures.RepoRoot())], prune: false, allowNetwork: false);
        Assert.IsTrue(_catalog.ComponentCount() > 0);
    }

    [ClassCleanup]
    public static void Cleanup() => _catalog.Dispose();

    private static IReadOnlyList<PlanStep> Composed(string task) => PlanComposer.Compose(IntentAnalyzer.Analyze(task), new AgentResolver(_catalog));

    /// <summary>A learned pattern running <paramref name="agents"/> on the composed steps of <paramref name="task"/>
    /// (descriptions = the step titles, as the orchestrator records them), <paramref name="runs"/> executions,
    /// each step succeeding in <paramref name="stepOk"/> of them (default: all).</summary>
    private static LearnedPattern Pattern(string task, IReadOnlyList<string> agents, int runs, int ok, int[]? stepOk = null, string? context = null)
    {
        var composed = Composed(task);
        var category = IntentAnalyzer.Analyze(task).Category;
        return new LearnedPattern
        {
            Id = PatternIds.For(category, agents),
            Title = "learned",
            Category = category,
            Created = new DateOnly(2026, 11, 1),
            SuccessRate = Math.Round((double)ok / runs, 4),
            Executions = runs,
            Validated = runs >= 3 && (double)ok / runs >= 0.7,
            Context = context ?? "Learned.",
            Steps = agents.Select((a, i) => new PatternStep(i + 1, a, StepKinds.Subagent, StepClassifier.Phase(a), 60, (double)(stepOk?[i] ?? runs) / runs, composed[i].Title)).ToList(),
            WorkflowHash = PatternIds.WorkflowHash(category, agents),
        };
    }

    private static LearnedSignals Store(params LearnedPattern[] patterns)
    {
        var root = Path.Combine(_work, "store-" + Guid.NewGuid().ToString("N")[..8]);
        var store = new PatternStore(root);
        foreach (var p in patterns) store.Write(p, PatternLifecycle.Learned);
        var signals = LearnedSignals.Load([root]);
        Assert.AreEqual(patterns.Length, signals.Patterns.Count, string.Join("; ", signals.Diagnostics.Select(d => d.ToString())));
        return signals;
    }

    /// <summary>The API task's composed workflow, learned with its design step (spec-architect) failing in 2 of 3 runs.</summary>
    private static (LearnedPattern Pattern, LearnedSignals Signals, int Design) WeakDesign()
    {
        var composed = Composed(ApiTask);
        var design = composed.Select((s, i) => (s, i)).Single(x => x.s.Capability == Capabilities.Design).i;
        Assert.AreEqual("agentops-core:spec-architect", composed[design].Invocation);
        var stepOk = composed.Select((_, i) => i == design ? 1 : 3).ToArray();
        var p = Pattern(ApiTask, composed.Select(s => s.Invocation).ToList(), 3, 1, stepOk, context: "Example tasks: \"" + ApiTask + "\".");
        return (p, Store(p), design);
    }

    [TestMethod]
    public void AStepThatKeepsFailingGetsAnUntriedStandInAndThePlanSaysItExplores()
    {
        var (pattern, signals, design) = WeakDesign();
        var plans = Enumerable.Range(0, 20).Select(seed => Planner.Plan(ApiTask, _catalog, signals, new PlanOptions { Seed = seed })).ToList();
        foreach (var plan in plans)
        {
            var variant = plan.Exploration.Candidates.SingleOrDefault(c => c.Kind == WorkflowOption.VariantKind);
            Assert.IsNotNull(variant, "the variant is a candidate");
            StringAssert.StartsWith(variant.Id, "api-development-", "the variant's id is the pattern it will be learned as");
            Assert.IsTrue(variant.PosteriorMean > plan.Exploration.Candidates.Single(c => c.Id == pattern.Id).PosteriorMean,
                "an untried designer is expected to do better than one that failed 2 of 3 times");
        }
        var exploring = plans.Where(p => p.Exploration.Chosen.StartsWith("api-development-", StringComparison.Ordinal) && p.Exploration.Chosen != pattern.Id).ToList();
        Assert.IsTrue(exploring.Count > 0, "some seed tries the variant");
        foreach (var plan in exploring)
        {
            Assert.IsTrue(plan.Exploration.Explored, "following an untried variant is exploring");
            StringAssert.Contains(plan.Exploration.Reason, "agentops-core:spec-architect, 1 of 3 ok", "the failing step is the one replaced");
            Assert.AreNotEqual("agentops-core:spec-architect", plan.Steps[design].Invocation);
            Assert.AreEqual("catalog", plan.Steps[design].Origin, "the swapped step is new");
            Assert.IsTrue(plan.Steps.Count(s => s.Origin == "pattern") >= plan.Steps.Count - 2, "the other steps keep what was learned about them");
            StringAssert.Contains(plan.Source.Reasons[0], "variant of learned pattern " + pattern.Id);
        }
    }

    [TestMethod]
    public void ConservativeNeverExplores()
    {
        var (pattern, signals, _) = WeakDesign();
        foreach (var seed in Enumerable.Range(0, 10))
        {
            var plan = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions { Mode = ExecutionMode.Conservative, Seed = seed });
            Assert.IsFalse(plan.Exploration.Explored);
            Assert.AreEqual("greedy", plan.Exploration.Strategy);
            Assert.IsTrue(plan.Exploration.Candidates.All(c => c.Kind != WorkflowOption.VariantKind), "no variant is even offered");
            Assert.AreEqual(pattern.Id, plan.Exploration.Chosen);
        }
    }

    [TestMethod]
    public void TheStepMostLikelyToFailGetsACheckpointToRetryIt()
    {
        var (_, signals, design) = WeakDesign();
        var plan = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions { Mode = ExecutionMode.Conservative });
        var checkpoint = plan.Checkpoints.Single(c => c.AfterStep == plan.Steps[design].Id);
        StringAssert.StartsWith(checkpoint.Reason, "learned: agentops-core:spec-architect did this 1 of 3 ok on similar tasks");
        Assert.AreEqual(0, Planner.Plan(ApiTask, _catalog, LearnedSignals.None, new PlanOptions()).Checkpoints.Count(c => c.Reason.StartsWith("learned", StringComparison.Ordinal)),
            "no memory, no learned checkpoint");
    }

    [TestMethod]
    public void AWorkflowWhoseStepsNeverFailedIsNotVaried()
    {
        var composed = Composed(ApiTask);
        var signals = Store(Pattern(ApiTask, composed.Select(s => s.Invocation).ToList(), 3, 3, context: "Example tasks: \"" + ApiTask + "\"."));
        foreach (var seed in Enumerable.Range(0, 10))
        {
            var plan = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions { Seed = seed });
            Assert.IsTrue(plan.Exploration.Candidates.All(c => c.Kind != WorkflowOption.VariantKind));
            Assert.IsFalse(plan.Exploration.Explored);
        }
    }

    [TestMethod]
    public void APatternWhoseStepsFillThisTasksWorkflowFitsWithoutSharedWords()
    {
        // Learned under another label, on tasks that share nothing with the tutorial task.
        var composed = Composed(DocsTask);
        CollectionAssert.AreEqual(new[] { "agentops-core:code-explorer", "agentops-core:change-executor", "agentops-core:continuous-validator" }, composed.Select(s => s.Invocation).ToList(),
            "the composed workflow gives the writing to a writer, never to the read-only doc-explorer");
        var agents = new[] { "agentops-core:history-explorer", "agentops-core:change-executor", "agentops-core:continuous-validator" };
        var learned = Pattern(DocsTask, agents, 3, 3, context: "Example tasks: \"Rotate the signing keys of the payment gateway\".") with { Category = "general", Id = PatternIds.For("general", agents) };
        var signals = Store(learned);
        Assert.AreEqual(0, PatternMatcher.Fits(IntentAnalyzer.Analyze(DocsTask), TaskMemory.Recall(IntentAnalyzer.Analyze(DocsTask), signals.Patterns)).Count, "not near in meaning");
        var plan = Planner.Plan(DocsTask, _catalog, signals, new PlanOptions { Mode = ExecutionMode.Conservative });
        Assert.AreEqual(learned.Id, plan.Exploration.Chosen);
        StringAssert.StartsWith(plan.Source.Reasons[0], "its steps fill this task's workflow, step by step");
    }

    [TestMethod]
    public void WhatAnotherPhrasingLearnedAboutAStepCarriesOver()
    {
        // A README task (another workflow shape) learned that the generalist's docs failed 3 times in 4.
        // The tutorial task, never run, challenges its own writing step at once.
        const string readme = "Write the README for the command line tool and the docs";
        var readmeComposed = Composed(readme);
        Assert.AreNotEqual(Composed(DocsTask).Count, readmeComposed.Count, "another workflow shape");
        var docs = readmeComposed.Select((s, i) => (s, i)).Single(x => x.s.Capability == Capabilities.Docs).i;
        var weak = Pattern(readme, readmeComposed.Select(s => s.Invocation).ToList(), 4, 1, readmeComposed.Select((_, i) => i == docs ? 1 : 4).ToArray(),
            context: "Example tasks: \"Write the README for the command line tool\".");
        var signals = Store(weak);
        var plan = Planner.Plan(DocsTask, _catalog, signals, new PlanOptions());
        var variant = plan.Exploration.Candidates.Single(c => c.Kind == WorkflowOption.VariantKind);
        Assert.AreEqual(variant.Id, plan.Exploration.Chosen, plan.Exploration.Reason);
        var writer = plan.Steps.Single(s => StepCapability.Of(s.Title) == Capabilities.Docs);
        Assert.AreNotEqual("agentops-core:change-executor", writer.Invocation, "the writer that failed on the near task is replaced");
        StringAssert.Contains(plan.Exploration.Reason, "(agentops-core:change-executor, ");
    }

    [TestMethod]
    public void TheDefaultIsDeterministicAndAGivenSeedSamples()
    {
        var (_, signals, _) = WeakDesign();
        var a = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions());
        var b = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions());
        Assert.AreEqual("expected-gain", a.Exploration.Strategy);
        Assert.IsNull(a.Exploration.Seed, "exploration by expected gain draws nothing");
        Assert.AreEqual(PlanJsonWriter.ToJson(a), PlanJsonWriter.ToJson(b), "same task, same store: same plan");
        var seeded = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions { Seed = 7 });
        Assert.AreEqual("thompson", seeded.Exploration.Strategy, "--seed keeps issue 8's Thompson sampling");
        Assert.AreEqual(7, seeded.Exploration.Seed);
    }
}
