using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Learning;
using AgentOps.Orchestration.Planning;
using AgentOps.Tests.Validation;
using static AgentOps.Tests.Catalog.CatalogFixtures;

namespace AgentOps.Tests.Learning;

/// <summary>
/// The seed's own examples (vendored in Fixtures/seed) as they are: its execution.json (numbered steps,
/// bare agent names) is learned with the numbers as order and the names qualified to the installed
/// plugin agents; its pattern files (ids with '_', full timestamps, date-category-id file names) read and
/// validate without error, and a plan from them names only subagent types Claude Code resolves.
/// </summary>
[TestClass]
public sealed class SeedFormatTests
{
    private static string Seed(string file) => Path.Combine(TestFixtures.Root, "seed", file);
    private static readonly string[] PatternFiles = ["2025-11-07-api-development-oauth-api.md", "2025-11-07-testing-test-001.md"];

    [TestMethod]
    public void The_seed_execution_json_is_learned_as_it_is()
    {
        var e = ExecutionRecordReader.ReadFile(Seed("execution.json"));
        Assert.AreEqual("exec_test_001", e.Id);
        CollectionAssert.AreEqual(new[] { "code-explorer", "spec-architect", "change-executor", "test-generator" }, e.Steps.Select(s => s.Name).ToList());
        Assert.IsTrue(e.Steps.All(s => s.Description is null), "numbered steps are order, not titles");
        Assert.AreEqual(300, (e.Steps[1].Start - e.Steps[0].Start).TotalSeconds, 1e-9);

        var project = LearningFixtures.InitRepo(Path.Combine(LearningFixtures.TempDir(), "p"));
        var report = LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = [Seed("execution.json")], Commit = false });
        var candidate = report.Patterns.Single(p => p.Lifecycle != PatternLifecycle.Meta);
        var pattern = PatternReader.Read(candidate.Path);
        CollectionAssert.AreEqual(new[] { "agentops-core:code-explorer", "agentops-core:spec-architect", "agentops-core:change-executor", "agentops-core:test-generator" },
            pattern.Steps.Select(s => s.Name).ToList(), "bare names become the installed plugin's agents");
        Assert.IsFalse(pattern.Steps.Any(s => s.Name.StartsWith("Task", StringComparison.Ordinal) || (s.Description ?? "").StartsWith("Task:", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void The_seed_pattern_files_read_and_validate_without_error()
    {
        foreach (var file in PatternFiles)
        {
            var text = File.ReadAllText(Seed(file));
            var asLearned = $"/store/patterns/learned/{file}";
            var errors = PatternChecks.Validate(asLearned, text).Where(d => d.IsError).ToList();
            Assert.AreEqual(0, errors.Count, $"{file}: {string.Join("; ", errors)}");
            var read = PatternReader.Parse(asLearned, text);
            Assert.IsNotNull(read.Pattern, $"{file}: {string.Join("; ", read.Diagnostics)}");
            Assert.AreEqual(new DateOnly(2025, 11, 7), read.Pattern.Created);
        }
        var oauth = PatternReader.Parse("x.md", File.ReadAllText(Seed(PatternFiles[0]))).Pattern!;
        Assert.AreEqual("pat_2025-11-07_oauth_api", oauth.Id);
        CollectionAssert.AreEqual(new[] { "code-explorer", "spec-architect", "change-executor", "test-generator", "doc-generator" }, oauth.Steps.Select(s => s.Name).ToList(),
            "the prose workflow names each step's agent in parentheses");

        // Written back by the tool, it stays valid: the date is normalised, the id kept.
        var rewritten = PatternWriter.Render(oauth);
        Assert.AreEqual(0, PatternChecks.Validate("/store/patterns/learned/pat_2025-11-07_oauth_api.md", rewritten).Count(d => d.IsError));
        StringAssert.Contains(rewritten, "created: 2025-11-07\n");
    }

    [TestMethod]
    public void A_plan_from_the_seed_pattern_names_only_subagent_types_claude_code_resolves()
    {
        using var tmp = new TempDir();
        var store = Directory.CreateDirectory(tmp.File("store/patterns/learned")).FullName;
        File.Copy(Seed(PatternFiles[0]), Path.Combine(store, PatternFiles[0]));
        using var catalog = Open(tmp.File("catalog.db"));
        BuildCatalog(catalog, Folder(LearningFixtures.RepoRoot()));
        var learned = LearnedSignals.Load([tmp.File("store")]);
        Assert.AreEqual(1, learned.Patterns.Count, string.Join("; ", learned.Diagnostics));

        var plan = Planner.Plan("Add OAuth2 to the REST API", catalog, learned, new PlanOptions());
        var subagents = plan.Steps.Where(s => s.Kind == StepKinds.Subagent).ToList();
        Assert.IsTrue(subagents.Count > 0);
        foreach (var s in subagents)
            Assert.IsTrue(InstalledAgents.IsResolvable(s.Invocation), $"{s.Invocation} is not a type Claude Code resolves");
        if (plan.Source.PatternId == "pat_2025-11-07_oauth_api")
        {
            Assert.IsTrue(subagents.Any(s => s.Invocation == "agentops-core:code-explorer"), string.Join(", ", subagents.Select(s => s.Invocation)));
            var docs = subagents.Single(s => s.Instructions.Contains("doc-generator", StringComparison.Ordinal));
            Assert.AreEqual("general-purpose", docs.Invocation, "no installed plugin has doc-generator");
            Assert.IsFalse(docs.InCatalog, "and the plan does not claim it is in the catalog");
        }
    }
}
