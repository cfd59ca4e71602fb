using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Catalog;

/// <summary>
/// Ranking quality on the judged query set over the real marketplaces (the vendored Fixtures/marketplaces) plus
/// this repository's plugins. The floors are the figures measured when the weights were tuned, less a
/// small margin: a change that makes ranking worse fails here (the bench scenario `catalog` prints them).
/// </summary>
[TestClass]
public sealed class RankingEvaluationTests
{
    // Hybrid ranker over all 65 judged queries (bench `semantic`: 0.760 nDCG@5, 0.753 recall@10), less a margin.
    public const double NdcgFloor = 0.72;
    public const double RecallFloor = 0.71;

    [TestMethod]
    public void Ranking_over_the_real_marketplaces_stays_above_the_measured_floor()
    {
        var files = TestFixtures.MarketplaceFiles();
        using var tmp = new TempDir();
        using var store = CatalogFixtures.Open(tmp.File("catalog.db"));
        var report = CatalogFixtures.BuildCatalog(store, [CatalogFixtures.Folder(CatalogFixtures.RepoRoot()), .. files.Select(CatalogFixtures.JsonFile)]);
        Assert.IsGreaterThan(700, report.TotalPlugins);

        var set = RankingEvaluation.Load(CatalogFixtures.EvalSetPath);
        var known = store.Marketplaces().Count;
        foreach (var id in set.SelectMany(q => q.Relevant.Keys).Distinct())
        {
            var at = id.IndexOf('@');
            Assert.IsTrue(store.FindByName(id[..at]).Any(p => p.Plugin.Id == id), $"judged plugin {id} is not in the catalog ({known} marketplaces): the eval set is stale");
        }
        // The hybrid ranker (words and meaning) the tool ships, over both halves of the set.
        CatalogEmbedder.Refresh(store, SemanticFixtures.MiniLm);
        var eval = RankingEvaluation.Evaluate(store, set, LearnedSignals.None, options: new RankingOptions { Embedder = SemanticFixtures.MiniLm });
        foreach (var q in eval.Queries) Console.WriteLine($"{q.NdcgAt5:0.00} {q.RecallAt10:0.00}  {q.Query}  -> {string.Join(", ", q.Top5)}");
        Console.WriteLine($"mean nDCG@5 {eval.MeanNdcgAt5:0.000}, recall@10 {eval.MeanRecallAt10:0.000} over {eval.Queries.Count} queries");
        Assert.IsGreaterThanOrEqualTo(NdcgFloor, eval.MeanNdcgAt5, $"nDCG@5 fell to {eval.MeanNdcgAt5:0.000}");
        Assert.IsGreaterThanOrEqualTo(RecallFloor, eval.MeanRecallAt10, $"recall@10 fell to {eval.MeanRecallAt10:0.000}");
    }
}
