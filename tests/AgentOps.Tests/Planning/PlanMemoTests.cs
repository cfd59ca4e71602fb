using AgentOps.Bench.LearningCurve;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Planning;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Planning;

/// <summary>
/// Issue 15's planning speed comes from remembering what does not change between plans: parsed pattern texts
/// (by text), the learnings branch's blob texts (by object id) and the catalog's component queries (until a
/// write). None of it may change a plan: on a store learned through the real path (patterns on the branch and
/// candidates in the folder), every task is planned once with all three memos emptied before the plan and
/// again with them full, and the plans' JSON must be identical.
/// </summary>
[TestClass]
public sealed class PlanMemoTests
{
    [TestMethod]
    public void A_plan_from_warm_memos_is_the_plan_from_cold_ones()
    {
        var work = LearningFixtures.TempDir();
        using var catalog = CurveCatalog.Build(LearningFixtures.RepoRoot(), Path.Combine(work, "catalog.db"));
        var families = TaskFamilies.All.Where(f => f.Name is "documentation" or "ci-cd" or "bug-fix").ToList();
        var store = "";
        CurveRun.Run(new CurveOptions { Replicates = 1, ExecutionsPerFamily = 3, Seed = 5, Families = families, WorkFolder = work },
            catalog, (_, learning) => store = learning.StoreRoot);
        var tasks = families.SelectMany(f => f.Phrasings).Append("Write a runbook for the payment service").ToList();

        string Plan(string task) => PlanJsonWriter.ToJson(Planner.Plan(task, catalog, LearnedSignals.Load([store])));
        var cold = tasks.Select(task =>
        {
            PatternReader.ForgetParsed();
            LearningsBranch.ForgetTexts();
            catalog.ForgetComponentQueries();
            return Plan(task);
        }).ToList();
        var warm = tasks.Select(Plan).ToList();

        Assert.IsTrue(LearnedSignals.Load([store]).Patterns.Count > 0, "the store has learned patterns to plan from");
        for (var i = 0; i < tasks.Count; i++)
            Assert.AreEqual(cold[i], warm[i], $"the plan of \"{tasks[i]}\" depends on what was remembered before it");
    }
}
