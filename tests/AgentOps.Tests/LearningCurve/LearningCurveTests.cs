using AgentOps.Orchestration.Learning;
using AgentOps.Bench.LearningCurve;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Git;
using AgentOps.Core.Patterns;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.LearningCurve;

/// <summary>
/// A short, fixed-seed run of the learning-curve benchmark (bench/AgentOps.Bench/LearningCurve): two
/// families whose composed workflow picks the wrong agent (documentation, recorded as execution.json;
/// CI/CD, recorded as Claude Code transcripts), six executions each, through the real learning path.
/// After a few executions the learning planner beats the planner without memory; the same seed gives
/// the same run.
/// </summary>
[TestClass]
public sealed class LearningCurveTests
{
    private static string _work = "";
    private static CatalogStore? _catalog;
    private static IReadOnlyList<RoundResult> _first = [];
    private static string _firstStore = "";

    private static readonly IReadOnlyList<TaskFamily> Families =
        [.. TaskFamilies.All.Where(f => f.Name is "documentation" or "ci-cd")];

    [ClassInitialize]
    public static void Run(TestContext _)
    {
        _work = LearningFixtures.TempDir();
        _catalog = CurveCatalog.Build(LearningFixtures.RepoRoot(), Path.Combine(_work, "catalog.db"));
        _first = CurveRun.Run(Options("first"), _catalog, (_, learning) => _firstStore = learning.StoreRoot);
    }

    [ClassCleanup]
    public static void Cleanup() => _catalog?.Dispose();

    private static CurveOptions Options(string folder) => new()
    {
        Replicates = 1,
        ExecutionsPerFamily = 6,
        Seed = 3,
        Families = Families,
        WorkFolder = Path.Combine(_work, folder),
    };

    [TestMethod]
    public void AfterAFewExecutionsLearningBeatsNoMemory()
    {
        var stats = new CurveStatistics(_first);
        var learning = stats.Window(CurvePlannerNames.Learning, null, 4, 6);
        var noMemory = stats.Window(CurvePlannerNames.NoMemory, null, 4, 6);
        var oracle = stats.Window(CurvePlannerNames.Oracle, null, 4, 6);
        Assert.IsTrue(learning > noMemory + 0.1, $"learning {learning:0.000} should beat no-memory {noMemory:0.000} after three executions per family");
        Assert.IsTrue(oracle >= learning - 1e-9, $"the oracle {oracle:0.000} is the ceiling (learning {learning:0.000})");
        // The first execution of a family has nothing to learn from: both planners run the composed workflow.
        var firsts = _first.Where(r => r.FamilyExecution == 1 && r.Planner != CurvePlannerNames.Oracle).GroupBy(r => r.Family);
        foreach (var g in firsts)
            Assert.AreEqual(1, g.Select(r => r.Workflow).Distinct().Count(), $"{g.Key}: first plans differ: {string.Join(" | ", g.Select(r => r.Workflow))}");
    }

    [TestMethod]
    public void TheLearningPlannerChangesTheAgentTheCatalogGotWrong()
    {
        var late = _first.Where(r => r.Planner == CurvePlannerNames.Learning && r.FamilyExecution >= 4).ToList();
        Assert.IsTrue(late.Any(r => r.Family == "documentation" && !r.Workflow.Contains("doc-explorer", StringComparison.Ordinal)),
            "documentation: the learning planner should stop asking the read-only doc-explorer to write the docs");
        var composedCi = _first.First(r => r.Planner == CurvePlannerNames.NoMemory && r.Family == "ci-cd").Workflow;
        Assert.IsTrue(_first.Any(r => r.Planner == CurvePlannerNames.Learning && r.Family == "ci-cd" && r.Explored && r.Workflow != composedCi),
            "ci-cd: after a failure the learning planner tries a stand-in for a step, and says it explores");
        Assert.IsTrue(_first.Where(r => r.Planner == CurvePlannerNames.NoMemory).All(r => !r.Explored), "no memory, nothing to explore");
    }

    [TestMethod]
    public void EveryExecutionWentThroughTheLearningEngineIntoGit()
    {
        var learned = _first.Where(r => r.Planner == CurvePlannerNames.Learning).ToList();
        Assert.AreEqual(12, learned.Count);
        Assert.IsTrue(learned.All(r => r.LearnMs is > 0), "every learning-planner execution reports the time of its learning path");
        var executions = Path.Combine(Path.GetDirectoryName(_firstStore)!, ".agentops", "executions");
        Assert.AreEqual(6, Directory.GetFiles(executions, "*.json").Length, "documentation is recorded as execution.json");
        Assert.AreEqual(6, Directory.GetFiles(executions, "*.jsonl").Length, "ci-cd is recorded as Claude Code transcripts");
        var patterns = PatternMemory.List(_firstStore).Select(p => p.Stored).Where(p => p.Lifecycle != PatternLifecycle.Meta).ToList();
        Assert.IsTrue(patterns.All(p => p.Pattern is not null), "every pattern the engine wrote reads back");
        Assert.AreEqual(12, patterns.Sum(p => p.Pattern!.Executions), "each execution is in exactly one pattern's ledger");
        using var repo = new LibGit2Sharp.Repository(Path.GetDirectoryName(_firstStore)!);
        var branch = repo.Branches[LearningsBranch.Name];
        Assert.IsTrue(branch.Commits.Count() > 1, "the engine committed into the project's repository, on its learnings branch");
        Assert.IsNotNull(branch.Tip["metrics/learning_metrics.json"], "the learning metrics are committed");
        using var git = GitMemory.Open(_firstStore);
        var learnedIds = patterns.Where(p => p.Lifecycle == PatternLifecycle.Learned).Select(p => p.Pattern!.Id).ToHashSet();
        Assert.IsTrue(learnedIds.All(id => git.LearnCommits().Any(c => c.PatternId == id)), "every pattern in learned/ has its Learn pattern commit");
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameRun()
    {
        using var catalog = CurveCatalog.Build(LearningFixtures.RepoRoot(), Path.Combine(_work, "catalog2.db"));
        var second = CurveRun.Run(Options("second"), catalog);
        static string Key(RoundResult r) => $"{r.Round} {r.Planner} {r.Task} {r.Workflow} {r.Source} {r.Explored} {r.Success} {r.Expected:0.000000} {r.Makespan:0.000} {r.Retries}";
        CollectionAssert.AreEqual(_first.Select(Key).ToList(), second.Select(Key).ToList());
    }
}
