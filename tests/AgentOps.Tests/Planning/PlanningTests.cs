using System.Text.Json;
using System.Text.RegularExpressions;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Planning;
using AgentOps.Tests.Catalog;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Planning;

[TestClass]
public sealed partial class PlanningTests
{
    private const string OAuthTask = "Add OAuth2 to my API with tests and docs";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SubagentType();

    /// <summary>This repository's own marketplace (the real agentops-core, devops and product-dev agents) in a fresh catalog.</summary>
    private static CatalogStore RepoCatalog(TempDir tmp)
    {
        var store = Open(tmp.File("catalog.db"));
        BuildCatalog(store, Folder(RepoRoot()));
        return store;
    }

    private static void AssertValidDag(ExecutionPlan plan)
    {
        var levels = PlanScheduler.Levels(plan.Steps); // throws on a cycle or an unknown dependency
        Assert.AreEqual(plan.Steps.Count, levels.Count);
        var group = plan.Steps.ToDictionary(s => s.Id, s => s.Group);
        foreach (var s in plan.Steps)
            foreach (var d in s.DependsOn)
                Assert.IsLessThan(s.Group, group[d], $"{s.Id} runs in group {s.Group} but depends on {d} in group {group[d]}");
        CollectionAssert.AreEquivalent(plan.Steps.Select(s => s.Id).ToList(), plan.Groups.SelectMany(g => g).ToList(), "each step in exactly one group");
        foreach (var s in plan.Steps.Where(s => s.Kind == AgentOps.Core.Patterns.StepKinds.Subagent))
            Assert.IsTrue(SubagentType().IsMatch(s.Invocation), $"subagent_type '{s.Invocation}' is not <plugin>:<agent-name>");
    }

    [TestMethod]
    public void Intent_analysis_is_deterministic_and_explained()
    {
        var a = IntentAnalyzer.Analyze(OAuthTask);
        var b = IntentAnalyzer.Analyze(OAuthTask);
        Assert.AreEqual("authentication", a.Category);
        CollectionAssert.AreEqual(a.Capabilities.ToList(), b.Capabilities.ToList());
        var names = a.Capabilities.Select(c => c.Name).ToList();
        CollectionAssert.IsSubsetOf(new[] { Capabilities.ResearchCode, Capabilities.Design, Capabilities.Risk, Capabilities.Api, Capabilities.Tests, Capabilities.Docs, Capabilities.Validate }, names);
        Assert.AreEqual("the task says \"tests\"", a.Capabilities.Single(c => c.Name == Capabilities.Tests).Reason.Replace("\"test\"", "\"tests\""));
        Assert.IsTrue(a.Risky);
        Assert.IsTrue(a.Complexity.Reasons.Count > 0 && a.Complexity.Level is "medium" or "high");
        var low = IntentAnalyzer.Analyze("rename a variable in the parser");
        Assert.IsFalse(low.Risky);
        Assert.AreEqual("low", low.Complexity.Level, string.Join("; ", low.Complexity.Reasons));
    }

    [TestMethod]
    public void Tests_and_docs_research_come_from_what_the_plan_changes_not_from_the_category()
    {
        static List<string> Caps(string task) => IntentAnalyzer.Analyze(task).Capabilities.Select(c => c.Name).ToList();
        // Application code changed, in no category that used to get tests ("general"): tests, and the written
        // constraints read beside the code map.
        var upgrade = Caps("Move the invoicing service from Java 11 to Java 21");
        CollectionAssert.Contains(upgrade, Capabilities.Tests);
        CollectionAssert.Contains(upgrade, Capabilities.ResearchDocs);
        // Configuration of the platform alone is proven by the validation step, not by unit tests.
        var alerts = Caps("Add Grafana alerts for the disk usage of the cluster");
        CollectionAssert.Contains(alerts, Capabilities.Infrastructure);
        CollectionAssert.DoesNotContain(alerts, Capabilities.Tests);
        // A writing task has no code to test and no change to keep constraints for.
        var postmortem = Caps("Write the postmortem for the outage of the mail relay");
        CollectionAssert.DoesNotContain(postmortem, Capabilities.Tests);
        CollectionAssert.DoesNotContain(postmortem, Capabilities.ResearchDocs);
        CollectionAssert.Contains(postmortem, Capabilities.Docs);
    }

    [TestMethod]
    public void The_domain_a_task_does_not_name_is_read_from_the_one_catalog_specialist_that_speaks_of_it()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var reader = CatalogDomainReader.For(store);
        // Only the observability agent speaks of dashboards and of alerting: infrastructure work, no unit tests.
        var alerts = Planner.Plan("Create dashboards and alerting for the payment queue", store, LearnedSignals.None);
        var step = alerts.Steps.Single(s => s.Capability == Capabilities.Infrastructure);
        Assert.AreEqual("agentops-devops:observability-engineer", step.Invocation);
        StringAssert.Contains(step.Why, "observability-engineer is the only specialist");
        Assert.IsFalse(alerts.Steps.Any(s => s.Capability is Capabilities.Implement or Capabilities.Tests));
        Assert.AreEqual(Capabilities.Frontend, reader.Read("Audit the onboarding flow for WCAG AA conformance")?.Domain);
        // Words two specialists share say nothing ("images", "caching": the container and the pipeline agents),
        // one word is a coincidence ("pagination"), and two agents of a domain with a word each are two.
        Assert.IsNull(reader.Read("Optimize the image resizing job and cache the results"));
        Assert.IsNull(reader.Read("Fix the broken pagination of the search results"));
        Assert.IsNull(reader.Read("Refactor the billing module into smaller services"));
        // A task whose words name a domain keeps it: the reader is not asked.
        Assert.IsTrue(Planner.Plan("Add Grafana dashboards for the cluster", store, LearnedSignals.None).Steps.Any(s => s.Capability == Capabilities.Infrastructure));
    }

    [TestMethod]
    public void A_task_in_another_language_is_planned_like_its_english_twin_and_the_plan_says_how_it_was_read()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var english = Planner.Plan("Add OAuth2 login to the API", store, LearnedSignals.None);
        var chinese = Planner.Plan("给API添加OAuth2登录", store, LearnedSignals.None);
        Assert.AreEqual(english.Intent.Category, chinese.Intent.Category);
        CollectionAssert.AreEqual(english.Steps.Select(s => s.Invocation).ToList(), chinese.Steps.Select(s => s.Invocation).ToList());
        Assert.AreEqual("给API添加OAuth2登录", chinese.Task, "the plan keeps the task as written");
        Assert.IsTrue(chinese.Notes.Any(n => n.Contains("read in English through the glossary", StringComparison.Ordinal)), string.Join("\n", chinese.Notes));
        Assert.IsFalse(english.Notes.Any(n => n.Contains("glossary", StringComparison.Ordinal)), "an English task is planned as written");
    }

    [TestMethod]
    public void A_composed_plan_is_a_dag_with_parallel_research_and_the_repo_agents()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var plan = Planner.Plan(OAuthTask, store, LearnedSignals.None);
        AssertValidDag(plan);
        Assert.AreEqual("catalog", plan.Source.Kind);
        Assert.IsTrue(plan.Groups[0].Count >= 2, "research steps run together");
        var invocations = plan.Steps.Select(s => s.Invocation).ToList();
        CollectionAssert.Contains(invocations, "agentops-core:code-explorer");
        CollectionAssert.Contains(invocations, "agentops-core:spec-architect");
        CollectionAssert.Contains(invocations, "agentops-core:test-generator");
        CollectionAssert.Contains(invocations, "agentops-core:continuous-validator");
        Assert.IsTrue(plan.Steps.Where(s => s.Invocation.StartsWith("agentops-core:", StringComparison.Ordinal)).All(s => s.InCatalog),
            "the repo's agentops-core agents are found in the catalog");
        var api = plan.Steps.Single(s => s.Capability == Capabilities.Api);
        StringAssert.StartsWith(api.Invocation, "agentops-product-dev:", "the API step goes to the product-dev profile's agent");
        Assert.IsTrue(plan.Checkpoints.Any(c => c.AfterStep == api.Id), "risky implementation gets a checkpoint");
        Assert.IsGreaterThan(0, plan.Estimate.DurationSeconds);
        Assert.IsLessThan(plan.Estimate.SequentialSeconds, plan.Estimate.DurationSeconds);
        Assert.IsTrue(plan.Estimate.SuccessProbability is > 0 and < 1);
    }

    [TestMethod]
    public void Conservative_serialises_never_explores_and_parallel_runs_writers_together()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var balanced = Planner.Plan(OAuthTask, store, LearnedSignals.None);
        var conservative = Planner.Plan(OAuthTask, store, LearnedSignals.None, new PlanOptions { Mode = ExecutionMode.Conservative });
        var parallel = Planner.Plan(OAuthTask, store, LearnedSignals.None, new PlanOptions { Mode = ExecutionMode.Parallel });
        foreach (var p in new[] { balanced, conservative, parallel }) AssertValidDag(p);
        Assert.IsTrue(conservative.Groups.All(g => g.Count == 1));
        Assert.AreEqual("greedy", conservative.Exploration.Strategy);
        Assert.IsFalse(conservative.Exploration.Explored);
        Assert.IsTrue(conservative.Checkpoints.Count > balanced.Checkpoints.Count);
        Assert.IsTrue(balanced.Groups.All(g => g.Count(id => balanced.Steps.Single(s => s.Id == id).Writes) <= 1), "balanced: one writer per group");
        var tests = parallel.Steps.Single(s => s.Capability == Capabilities.Tests);
        var docs = parallel.Steps.Single(s => s.Capability == Capabilities.Docs);
        Assert.AreEqual(tests.Group, docs.Group, "--parallel: tests and docs are written together");
        Assert.IsLessThan(balanced.Groups.Count, parallel.Groups.Count, "--parallel needs fewer groups");
        Assert.IsTrue(parallel.Estimate.DurationSeconds <= balanced.Estimate.DurationSeconds);
    }

    /// <summary>A whole workflow for the OAuth task, as an /orchestrate session ran it.</summary>
    private static readonly string[] Orchestrated = ["agentops-core:code-explorer", "agentops-core:doc-explorer", "agentops-core:spec-architect", "agentops-core:risk-assessor",
        "agentops-core:validation-planner", "agentops-product-dev:backend-engineer", "agentops-core:test-generator", "agentops-core:continuous-validator"];

    [TestMethod]
    public void A_fitting_learned_pattern_is_used_and_named_with_its_success_rate()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var root = PatternFixtures.Store(tmp.File("store"),
            PatternFixtures.Pattern("authentication-oauth2-api", "authentication",
                ["agentops-core:code-explorer", "agentops-core:doc-explorer", "agentops-core:spec-architect", "agentops-product-dev:api-engineer", "agentops-core:test-generator"],
                12, 0.92, tags: ["authentication", "oauth2", "api"], title: "Add OAuth2 to an API",
                parallel: [[1, 2]], checkpoint: 4, stepSuccess: [1, 1, 1, 0.75, 1]),
            PatternFixtures.Pattern("bug-fix-flaky", "bug-fix", ["agentops-core:history-explorer", "agentops-core:change-executor"], 5, 0.8));
        var learned = LearnedSignals.Load([root]);
        var plan = Planner.Plan(OAuthTask, store, learned, new PlanOptions { Mode = ExecutionMode.Conservative });
        AssertValidDag(plan);
        Assert.AreEqual("pattern", plan.Source.Kind);
        Assert.AreEqual("authentication-oauth2-api", plan.Source.PatternId);
        Assert.AreEqual(0.92, plan.Source.SuccessRate);
        Assert.AreEqual(12, plan.Source.Executions);
        CollectionAssert.AreEqual(new[] { "agentops-core:code-explorer", "agentops-core:doc-explorer", "agentops-core:spec-architect", "agentops-product-dev:api-engineer", "agentops-core:test-generator" },
            plan.Steps.Select(s => s.Invocation).ToList());
        Assert.IsTrue(plan.Checkpoints.Any(c => c.AfterStep == "s4" && c.Reason.StartsWith("learned", StringComparison.Ordinal)));
        Assert.AreEqual(Math.Round(12 * 0.92 + 1) / 14.0, plan.Estimate.SuccessProbability, 0.01);

        var balanced = Planner.Plan(OAuthTask, store, learned);
        AssertValidDag(balanced);
        if (balanced.Source.Kind == "pattern")
        {
            var first = balanced.Steps.Take(2).ToList();
            Assert.AreEqual(first[0].Group, first[1].Group, "the learned parallel group (steps 1, 2) runs together");
        }
        var md = PlanMarkdownWriter.Render(plan);
        StringAssert.Contains(md, "learned pattern `authentication-oauth2-api`");
        StringAssert.Contains(md, "success rate 0.92 over 12 executions");
        StringAssert.Contains(md, "subagent_type: \"agentops-product-dev:api-engineer\"");
        Assert.IsFalse(Planner.Plan("Write the docs for the CLI", store, learned).Source.Kind == "pattern", "a documentation task does not fit an auth pattern");

        // A pattern learned from /orchestrate sessions starts with the orchestrate command: never a plan step.
        var fromOrchestrate = LearnedSignals.Load([PatternFixtures.Store(tmp.File("store2"),
            PatternFixtures.Pattern("authentication-orchestrated", "authentication",
                ["/agentops-meta-orchestrator:orchestrate", .. Orchestrated], 40, 1.0, tags: ["oauth2", "api"]))]);
        var replay = Planner.Plan(OAuthTask, store, fromOrchestrate, new PlanOptions { Mode = ExecutionMode.Conservative });
        Assert.AreEqual("authentication-orchestrated", replay.Source.PatternId);
        CollectionAssert.AreEqual(Orchestrated, replay.Steps.Select(s => s.Invocation).ToList());
        Assert.AreEqual("project", replay.Source.Store);
        Assert.AreEqual("patterns/learned/authentication-orchestrated.md", replay.Source.Path);
    }

    [TestMethod]
    public void Thompson_sampling_explores_deterministically_and_says_so()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var root = PatternFixtures.Store(tmp.File("store"),
            PatternFixtures.Pattern("authentication-proven", "authentication", ["agentops-core:code-explorer", "agentops-core:change-executor"], 20, 0.9, tags: ["oauth2", "api"]),
            PatternFixtures.Pattern("authentication-new", "authentication", ["agentops-core:spec-architect", "agentops-core:change-executor"], 3, 0.67, tags: ["oauth2", "api"]));
        var learned = LearnedSignals.Load([root]);
        var explored = Enumerable.Range(0, 60).Select(seed => Planner.Plan(OAuthTask, store, learned, new PlanOptions { Seed = seed })).ToList();
        Assert.IsTrue(explored.Any(p => p.Exploration.Explored), "some seeds try an alternative");
        Assert.IsTrue(explored.Any(p => !p.Exploration.Explored), "most seeds exploit the best known");
        var e = explored.First(p => p.Exploration.Explored);
        Assert.AreNotEqual(e.Exploration.Chosen, e.Exploration.BestKnown);
        StringAssert.StartsWith(e.Exploration.Reason, "exploring");
        StringAssert.Contains(PlanMarkdownWriter.Render(e), "**exploring**");
        var seed = e.Exploration.Seed!.Value;
        Assert.AreEqual(PlanJsonWriter.ToJson(e), PlanJsonWriter.ToJson(Planner.Plan(OAuthTask, store, learned, new PlanOptions { Seed = seed })), "same seed, same plan");
        Assert.IsTrue(Enumerable.Range(0, 60).All(s => !Planner.Plan(OAuthTask, store, learned, new PlanOptions { Seed = s, Mode = ExecutionMode.Conservative }).Exploration.Explored));
    }

    [TestMethod]
    public void The_same_task_gives_the_same_plan_json_with_the_documented_shape()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var a = PlanJsonWriter.ToJson(Planner.Plan(OAuthTask, store, LearnedSignals.None, new PlanOptions { Purpose = PlanPurpose.PlanOnly }));
        var b = PlanJsonWriter.ToJson(Planner.Plan(OAuthTask, store, LearnedSignals.None, new PlanOptions { Purpose = PlanPurpose.PlanOnly }));
        Assert.AreEqual(a, b);
        using var doc = JsonDocument.Parse(a);
        var root = doc.RootElement;
        Assert.AreEqual(ExecutionPlan.Schema, root.GetProperty("schema").GetString());
        Assert.AreEqual("plan-only", root.GetProperty("purpose").GetString());
        foreach (var key in new[] { "task", "mode", "intent", "source", "exploration", "steps", "parallel_groups", "checkpoints", "estimate", "notes", "diagnostics" })
            Assert.IsTrue(root.TryGetProperty(key, out _), key);
        foreach (var step in root.GetProperty("steps").EnumerateArray())
        {
            foreach (var key in new[] { "id", "kind", "invocation", "subagent_type", "phase", "inputs", "outputs", "depends_on", "group", "why" })
                Assert.IsTrue(step.TryGetProperty(key, out _), key);
            if (step.GetProperty("kind").GetString() == "subagent")
                Assert.AreEqual(step.GetProperty("invocation").GetString(), step.GetProperty("subagent_type").GetString());
        }
        Assert.ThrowsExactly<ArgumentException>(() => Planner.Plan("  ?! ", store, LearnedSignals.None));
        StringAssert.Contains(PlanMarkdownWriter.Render(Planner.Plan(OAuthTask, store, LearnedSignals.None, new PlanOptions { Purpose = PlanPurpose.DryRun })), "Dry run: launch nothing");
    }

    [TestMethod]
    public void Domain_agents_come_from_the_catalog()
    {
        using var tmp = new TempDir();
        using var store = RepoCatalog(tmp);
        var plan = Planner.Plan("Deploy the payments service to kubernetes with prometheus monitoring", store, LearnedSignals.None);
        AssertValidDag(plan);
        var infra = plan.Steps.Single(s => s.Capability == Capabilities.Infrastructure);
        StringAssert.StartsWith(infra.Invocation, "agentops-devops:");
        Assert.IsTrue(infra.InCatalog);
        var deploy = plan.Steps.Single(s => s.Phase == "deploy");
        Assert.IsTrue(plan.Checkpoints.Any(c => deploy.DependsOn.Contains(c.AfterStep)), "a gate before deploying");
        Assert.AreEqual(plan.Steps.Max(s => s.Group), deploy.Group);
    }
}
