using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Learning;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Planning;
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
public sealed class ExplorationTests
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
            var swapped = pattern.Steps.Select((s, i) => i == design ? "agentops-product-dev:api-designer" : s.Name).ToList();
            Assert.AreEqual(PatternIds.For("api-development", swapped), variant.Id, "the variant's id is the pattern it will be learned as");
            Assert.IsTrue(variant.PosteriorMean > plan.Exploration.Candidates.Single(c => c.Id == pattern.Id).PosteriorMean,
                "an untried designer is expected to do better than one that failed 2 of 3 times");
        }
        var exploring = plans.Where(p => p.Exploration.Chosen.StartsWith("api-development-", StringComparison.Ordinal) && p.Exploration.Chosen != pattern.Id).ToList();
        Assert.IsTrue(exploring.Count > 0, "some seed tries the variant");
        foreach (var plan in exploring)
        {
            Assert.IsTrue(plan.Exploration.Explored, "following an untried variant is exploring");
            StringAssert.Contains(plan.Exploration.Reason, "agentops-core:spec-architect");
            StringAssert.Contains(plan.Exploration.Reason, "agentops-product-dev:api-designer");
            Assert.AreEqual("agentops-product-dev:api-designer", plan.Steps[design].Invocation);
            Assert.AreEqual("catalog", plan.Steps[design].Origin, "the swapped step is new");
            Assert.IsTrue(plan.Steps.Where((_, i) => i != design).All(s => s.Origin == "pattern"), "the other steps keep what was learned about them");
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
        StringAssert.StartsWith(checkpoint.Reason, "learned: agentops-core:spec-architect failed in 2 of 3 runs of this kind of task");
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
        // Learned on another documentation task; no word of the tutorial task is in it.
        var composed = Composed(DocsTask);
        CollectionAssert.AreEqual(new[] { "agentops-core:code-explorer", "agentops-core:doc-explorer", "agentops-core:continuous-validator" }, composed.Select(s => s.Invocation).ToList(),
            "the catalog's best text match for writing the docs is the read-only doc-explorer");
        var learned = Pattern(DocsTask, ["agentops-core:code-explorer", "agentops-core:change-executor", "agentops-core:continuous-validator"], 3, 3);
        var signals = Store(learned);
        Assert.AreEqual(0, PatternMatcher.Fits(IntentAnalyzer.Analyze(DocsTask), signals.Patterns).Count, "the word test alone does not fit it");
        var plan = Planner.Plan(DocsTask, _catalog, signals, new PlanOptions { Mode = ExecutionMode.Conservative });
        Assert.AreEqual(learned.Id, plan.Exploration.Chosen);
        CollectionAssert.Contains(plan.Source.Reasons.ToList(), "its steps fill this task's workflow, step by step");
    }

    [TestMethod]
    public void WhatAnotherPhrasingLearnedAboutAStepCarriesOver()
    {
        // The tutorial task ran with doc-explorer writing (failed 2 of 3); a README task learned that
        // change-executor writes docs well. The tutorial's next plan swaps in the known-good agent.
        const string readme = "Write the README for the command line tool and the docs";
        var readmeComposed = Composed(readme);
        Assert.AreNotEqual(Composed(DocsTask).Count, readmeComposed.Count, "another workflow shape");
        var good = Pattern(readme, readmeComposed.Select(s => s.Capability == Capabilities.Docs ? "agentops-core:change-executor" : s.Invocation).ToList(), 3, 3,
            context: "Example tasks: \"Write a tutorial for the plugin system\".");
        var weak = Pattern(DocsTask, Composed(DocsTask).Select(s => s.Invocation).ToList(), 3, 1, [3, 1, 3]);
        var signals = Store(good, weak);
        var expected = PatternIds.For("documentation", ["agentops-core:code-explorer", "agentops-core:change-executor", "agentops-core:continuous-validator"]);
        var plans = Enumerable.Range(0, 10).Select(seed => Planner.Plan(DocsTask, _catalog, signals, new PlanOptions { Seed = seed })).ToList();
        Assert.IsTrue(plans.All(p => p.Exploration.Candidates.Single(c => c.Kind == WorkflowOption.VariantKind).Id == expected));
        var tried = plans.Where(p => p.Exploration.Chosen == expected).ToList();
        Assert.IsTrue(tried.Count > 5, "a stand-in known to be good is tried most of the time");
        foreach (var p in tried) StringAssert.Contains(p.Exploration.Reason, "agentops-core:change-executor instead (3 of 3 ok there)");
    }

    [TestMethod]
    public void TheDefaultSeedIsStableForAStoreAndMovesWhenTheStoreLearns()
    {
        var (_, signals, _) = WeakDesign();
        var a = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions());
        var b = Planner.Plan(ApiTask, _catalog, signals, new PlanOptions());
        Assert.AreEqual(a.Exploration.Seed, b.Exploration.Seed);
        Assert.AreEqual(PlanJsonWriter.ToJson(a), PlanJsonWriter.ToJson(b), "same task, same store: same plan");
        var composed = Composed(ApiTask);
        var more = Store(Pattern(ApiTask, composed.Select(s => s.Invocation).ToList(), 4, 2, composed.Select((s, i) => s.Capability == Capabilities.Design ? 2 : 4).ToArray(), "Example tasks: \"" + ApiTask + "\"."));
        Assert.AreNotEqual(a.Exploration.Seed, Planner.Plan(ApiTask, _catalog, more, new PlanOptions()).Exploration.Seed, "one more execution learned: a new draw");
    }
}
