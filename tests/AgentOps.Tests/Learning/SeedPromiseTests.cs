using System.Text.Json.Nodes;
using AgentOps.Cli.Commands;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;
using AgentOps.Core.Validation;
using AgentOps.Orchestration.Learning;
using AgentOps.Tests.Build;

namespace AgentOps.Tests.Learning;

/// <summary>
/// Promises of the seed design document that the seed audit (/work/seed-audit.md at the time) found broken,
/// checked with the seed's own examples (vendored in Fixtures/seed): its learning_metrics.json field names,
/// <c>/show-patterns [category]</c> and <c>--category api</c>, <c>/learn-from &lt;execution-id&gt;</c>, and its
/// example pattern's "Rollback rate: 5%" and hand-written "## Learned Optimizations" surviving a write-back.
/// </summary>
[TestClass]
public sealed class SeedPromiseTests
{
    private static string Seed(string file) => Path.Combine(TestFixtures.Root, "seed", file);
    private const string OauthFile = "2025-11-07-api-development-oauth-api.md";
    private const string TestPatternFile = "2025-11-07-testing-test-001.md";

    /// <summary>A new project and a folder of three copies of the seed's execution.json, ids <paramref name="idPrefix"/>1…3,
    /// an hour apart; with the seed record's text for variants.</summary>
    private static (string Project, string Runs, string Seed) SeedRuns(string idPrefix)
    {
        var project = LearningFixtures.NewProject().Project;
        var runs = Directory.CreateDirectory(Path.Combine(project, "..", "runs")).FullName;
        var seed = File.ReadAllText(Seed("execution.json"));
        for (var i = 1; i <= 3; i++)
            File.WriteAllText(Path.Combine(runs, $"e{i}.json"), seed.Replace("exec_test_001", $"{idPrefix}{i}").Replace("22:00:00Z", $"2{i}:00:00Z"));
        return (project, runs, seed);
    }

    private static ProcessRunner.Output Agentops(string cwd, params string[] args) =>
        ProcessRunner.Dotnet(cwd, [Path.Combine(AppContext.BaseDirectory, "agentops.dll"), .. args]);

    /// <summary>The seed's troubleshooting says <c>cat docs/PATTERN_FORMAT.md</c> in the installed plugin: the page ships in the
    /// meta-orchestrator's folder (so in the pack), and the example pattern it shows passes the validator it documents.</summary>
    [TestMethod]
    public void The_pattern_format_page_ships_in_the_plugin_and_its_example_is_a_valid_pattern()
    {
        var page = Path.Combine(EndToEnd.ClaudeSession.RepoRoot, "plugins", "agentops-meta-orchestrator", "docs", "PATTERN_FORMAT.md");
        var text = File.ReadAllText(page);
        var start = text.IndexOf("```markdown\n", StringComparison.Ordinal) + "```markdown\n".Length;
        var end = text.IndexOf("\n```\n", start, StringComparison.Ordinal);
        Assert.IsTrue(start > "```markdown\n".Length && end > start, "the page shows an example pattern");
        var example = text[start..(end + 1)];
        var found = PatternValidator.Validate("PATTERN_FORMAT.md#example", example);
        Assert.IsFalse(found.Any(d => d.IsError), string.Join("\n", found));
        foreach (var section in PatternValidator.RequiredSections) StringAssert.Contains(example, $"## {section}");
    }

    /// <summary>The seed README's example pattern (no <c>created</c>; workflow lines "1. Research: Evaluate OAuth2 libraries"
    /// that name a phase, not an agent) is valid with one warning, and each phase line is a step of agentops-core's agent
    /// for that phase, so plans can follow it; a line naming neither ("1. Test step 1") stays a warned, unread line.</summary>
    [TestMethod]
    public void The_seed_readme_pattern_validates_and_its_phase_lines_are_steps()
    {
        var path = Seed("readme-example-pattern.md");
        var diagnostics = PatternValidator.ValidateFile(path);
        Assert.IsFalse(diagnostics.Any(d => d.IsError), string.Join("\n", diagnostics));
        Assert.AreEqual(DiagnosticCodes.PatternCreatedMissing, diagnostics.Single().Code, string.Join("\n", diagnostics));

        var read = PatternReader.Parse(path, File.ReadAllText(path));
        var pattern = read.Pattern!;
        CollectionAssert.AreEqual(new[] { "code-explorer", "spec-architect", "change-executor", "test-generator", "change-executor" },
            pattern.Steps.Select(s => s.Name).ToList());
        CollectionAssert.AreEqual(new[] { "research", "plan", "implement", "test", "document" }, pattern.Steps.Select(s => s.Phase).ToList());
        Assert.AreEqual("Research: Evaluate OAuth2 libraries", pattern.Steps[0].Description);
        Assert.AreEqual(2700, pattern.Durations.MeanSeconds, 1e-9, "Duration: ~45min");
        Assert.AreEqual(0.05, pattern.RollbackRate, 1e-9, "Rollbacks: 5%");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.IsTrue(Math.Abs(pattern.Created.DayNumber - today.DayNumber) <= 1, $"dated the day it is read: {pattern.Created}");

        // With a recorded execution, the first one dates it; written back, the date is kept.
        var withLedger = File.ReadAllText(path).TrimEnd() + "\n\n## Execution Ledger\n- `exec-1` 2025-11-07T22:00:00Z success 2700.000s rollback=no steps=-\n";
        var dated = PatternReader.Parse("p.md", withLedger).Pattern!;
        Assert.AreEqual(new DateOnly(2025, 11, 7), dated.Created);
        StringAssert.Contains(PatternWriter.Render(dated), "created: 2025-11-07");
    }

    /// <summary>Seed §6.2 "Metrics &amp; Monitoring": learning_metrics.json has total_patterns, validated_patterns,
    /// avg_success_rate, total_executions, categories, learning_velocity.</summary>
    [TestMethod]
    public void Learning_metrics_json_carries_the_seed_field_names()
    {
        var (project, runs, _) = SeedRuns("exec_test_00");

        LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = Directory.GetFiles(runs).Order(StringComparer.Ordinal).ToList() });

        var json = JsonNode.Parse(GitLearningTests.OnBranch(project, "metrics/learning_metrics.json")!)!.AsObject();
        foreach (var field in new[] { "total_patterns", "validated_patterns", "avg_success_rate", "total_executions", "categories", "learning_velocity" })
            Assert.IsTrue(json.ContainsKey(field), $"learning_metrics.json lacks the seed's '{field}': {json.ToJsonString()}");
        Assert.AreEqual(3, (int)json["total_executions"]!);
        Assert.AreEqual((double)json["average_success_rate"]!, (double)json["avg_success_rate"]!);
        Assert.AreEqual((double)json["learning_velocity_patterns_per_week"]!, (double)json["learning_velocity"]!);
    }

    /// <summary>The seed's troubleshooting: "Analyze failed executions: cat metrics/failures.log" — one line per failed
    /// execution learned, with its failed step, none for the successes.</summary>
    [TestMethod]
    public void Failed_executions_are_listed_in_metrics_failures_log()
    {
        var (project, runs, seed) = SeedRuns("exec_ok_");
        File.WriteAllText(Path.Combine(runs, "e4.json"), seed.Replace("exec_test_001", "exec_failed_4").Replace("22:00:00Z", "23:30:00Z")
            .Replace("\"agent\": \"change-executor\", \"duration\": 900, \"success\": true", "\"agent\": \"change-executor\", \"duration\": 900, \"success\": false")
            .Replace("\"result\": \"success\"", "\"result\": \"failure\""));

        LearningEngine.Learn(new LearnOptions { Project = project, ExecutionFiles = Directory.GetFiles(runs).Order(StringComparer.Ordinal).ToList() });

        var log = GitLearningTests.OnBranch(project, "metrics/failures.log");
        Assert.IsNotNull(log, "failures.log is committed with the other metrics");
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, lines.Length, log);
        StringAssert.Contains(lines[0], " exec_failed_4 failed_steps=");
        StringAssert.Contains(lines[0], "change-executor");
        StringAssert.Contains(lines[0], "task=\"Add OAuth2 to API\"");
    }

    /// <summary>Seed §2.3 <c>/show-patterns [category]</c> and §6.2 <c>/show-patterns --success-rate "&gt;0.9" --category api</c>.</summary>
    [TestMethod]
    public void Show_patterns_takes_the_category_as_an_argument_and_api_matches_api_development()
    {
        var root = LearningFixtures.TempDir();
        var learned = Directory.CreateDirectory(Path.Combine(root, "store", "patterns", "learned")).FullName;
        File.Copy(Seed(OauthFile), Path.Combine(learned, OauthFile));
        File.Copy(Seed(TestPatternFile), Path.Combine(learned, TestPatternFile));
        var store = Path.Combine(root, "store");

        string[] Ids(params string[] args)
        {
            var r = Agentops(root, ["show-patterns", "--store", store, "--json", .. args]);
            Assert.AreEqual(0, r.ExitCode, r.All);
            return JsonNode.Parse(r.StdOut)!.AsArray().Select(p => (string)p!["id"]!).Where(id => id.StartsWith("pat_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        }

        CollectionAssert.AreEqual(new[] { "pat_2025-11-07_oauth_api" }, Ids("api-development"));
        CollectionAssert.AreEqual(new[] { "pat_test_001" }, Ids("testing"));
        CollectionAssert.AreEqual(new[] { "pat_2025-11-07_oauth_api" }, Ids("--success-rate", ">0.9", "--category", "api"));
        CollectionAssert.AreEqual(new[] { "pat_2025-11-07_oauth_api", "pat_test_001" }, Ids());

        Assert.IsTrue(ShowPatternsCommand.CategoryMatches("api-development", "API"));
        Assert.IsFalse(ShowPatternsCommand.CategoryMatches("api-development", "ap"), "a prefix matches whole kebab-case words only");
        Assert.IsFalse(ShowPatternsCommand.CategoryMatches("frontend", "api"));

        var both = Agentops(root, "show-patterns", "--store", store, "testing", "--category", "api-development");
        Assert.AreEqual(1, both.ExitCode, both.All);
    }

    /// <summary>Seed §2.3 <c>/learn-from exec_2025-11-07_1234</c>: the id is the record's execution_id, and the seed
    /// names its record execution.json.</summary>
    [TestMethod]
    public void Learn_from_finds_a_seed_record_by_its_execution_id()
    {
        var project = LearningFixtures.NewProject().Project;
        var executions = Directory.CreateDirectory(Path.Combine(project, ".agentops", "executions")).FullName;
        File.Copy(Seed("execution.json"), Path.Combine(executions, "execution.json"));
        File.WriteAllText(Path.Combine(executions, "broken.json"), "{ not json");

        Assert.AreEqual(Path.Combine(executions, "execution.json"), LearnFromCommand.FindByExecutionId("exec_test_001", executions));
        Assert.IsNull(LearnFromCommand.FindByExecutionId("exec_test_002", executions));

        var r = Agentops(project, "learn-from", "exec_test_001", "--project", project, "--force", "--json");
        Assert.AreEqual(0, r.ExitCode, r.All);
        var text = GitLearningTests.OnBranch(project, $"patterns/learned/{PatternIdOf(r.StdOut)}.md");
        Assert.IsNotNull(text, r.All);
        StringAssert.Contains(text, "execution_ids: [exec_test_001]");

        var missing = Agentops(project, "learn-from", "exec_2025-11-07_1234", "--project", project);
        Assert.AreEqual(6, missing.ExitCode, missing.All);
        StringAssert.Contains(missing.StdErr, "AOP0913");
    }

    private static string PatternIdOf(string learnJson)
    {
        var node = JsonNode.Parse(learnJson)!;
        var patterns = (node["patterns"] ?? throw new AssertFailedException("no patterns in " + learnJson)).AsArray();
        return (string)patterns.Single(p => (string?)p!["lifecycle"] == "learned")!["id"]!;
    }

    /// <summary>Seed §2.3 example pattern: "Rollback rate: 5%" is 0.05, "Avg duration: 45min" 2,700 s, and its "## Learned Optimizations" lines are
    /// kept when the tool writes the pattern back (merge-learnings, the migration route of MIGRATION.md).</summary>
    [TestMethod]
    public void The_seed_pattern_keeps_its_rollback_rate_and_optimizations_when_written_back()
    {
        var read = PatternReader.Parse(OauthFile, File.ReadAllText(Seed(OauthFile))).Pattern!;
        Assert.AreEqual(0.05, read.RollbackRate, 1e-9);
        Assert.AreEqual(2700, read.Durations.MeanSeconds, 1e-9, "Avg duration: 45min is kept, not lost on write-back");
        CollectionAssert.AreEqual(new[]
        {
            "Parallel: Research + Plan (saves 10min)",
            "Checkpoint: After middleware (enable rollback)",
            "Validation: Test grant types before docs",
        }, read.Optimizations.Notes.ToList());

        var rewritten = PatternWriter.Render(read);
        StringAssert.Contains(rewritten, "- Rollback rate: 0.05\n");
        StringAssert.Contains(rewritten, "- Note: Parallel: Research + Plan (saves 10min)\n");
        var again = PatternReader.Parse(OauthFile, rewritten).Pattern!;
        Assert.AreEqual(0.05, again.RollbackRate, 1e-9);
        CollectionAssert.AreEqual(read.Optimizations.Notes.ToList(), again.Optimizations.Notes.ToList(), "a second write-back changes nothing");
        Assert.AreEqual(rewritten, PatternWriter.Render(again));

        // Through the CLI: merge-learnings of a store holding the seed's file commits it with both kept.
        var project = LearningFixtures.NewProject().Project;
        var learned = Directory.CreateDirectory(Path.Combine(project, "..", "seedstore", "patterns", "learned")).FullName;
        File.Copy(Seed(OauthFile), Path.Combine(learned, OauthFile));
        var r = Agentops(project, "merge-learnings", Path.GetFullPath(Path.Combine(project, "..", "seedstore")), "--project", project);
        Assert.AreEqual(0, r.ExitCode, r.All);
        var committed = GitLearningTests.OnBranch(project, "patterns/learned/pat_2025-11-07_oauth_api.md")!;
        StringAssert.Contains(committed, "- Rollback rate: 0.05\n");
        StringAssert.Contains(committed, "- Note: Checkpoint: After middleware (enable rollback)\n");
    }
}
