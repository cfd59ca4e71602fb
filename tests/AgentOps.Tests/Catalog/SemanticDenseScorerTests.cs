using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;

namespace AgentOps.Tests.Catalog;

/// <summary>The dense side's arithmetic: cosines per plugin, the component discount, the bounded top-k, normalisations.</summary>
[TestClass]
public sealed class SemanticDenseScorerTests
{
    // Five plugins in 2-D (unit vectors at angles), two components: one of plugin 30, one of a plugin without a vector.
    private static DenseIndex Index()
    {
        float[] At(double degrees) => [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180)];
        long[] ids = [10, 20, 30, 40, 50];
        double[] angles = [0, 60, 90, 60, 170];
        return new DenseIndex
        {
            ModelId = "m", Dimensions = 2, PluginsWithoutVectors = 1,
            PluginIds = ids, PluginMatrix = angles.SelectMany(At).ToArray(),
            ComponentIds = [7, 8], ComponentOwners = [30, 99], ComponentMatrix = [.. At(10), .. At(0)],
        };
    }

    [TestMethod]
    public void Scores_are_cosines_and_a_component_counts_at_its_discount()
    {
        var scores = DenseScorer.Score(Index(), [1f, 0f], componentFactor: 0.5f);
        Assert.AreEqual(5, scores.Count);
        Assert.IsTrue(scores.TryGet(20, out var sixty));
        Assert.AreEqual(0.5f, sixty.Score, 1e-5f);
        Assert.IsTrue(float.IsNaN(sixty.ComponentCosine) && sixty.BestComponentId == -1, "no component: none claimed");
        Assert.IsTrue(scores.TryGet(30, out var ninety));
        Assert.AreEqual(0f, ninety.PluginCosine, 1e-5f);
        Assert.AreEqual(7, ninety.BestComponentId);
        Assert.AreEqual(0.5f * (float)Math.Cos(10 * Math.PI / 180), ninety.Score, 1e-5f, "the component's cosine at half weight beats the plugin's own");
        Assert.IsFalse(scores.TryGet(99, out _), "a plugin without a vector has no dense score");
    }

    [TestMethod]
    public void Top_k_is_the_full_sort_best_first_with_ties_by_id()
    {
        var scores = DenseScorer.Score(Index(), [1f, 0f], componentFactor: 0f);
        var all = new long[] { 10, 20, 30, 40, 50 }.Select(id => scores.TryGet(id, out var h) ? h : default)
            .OrderByDescending(h => h.Score).ThenBy(h => h.PluginId).Select(h => h.PluginId).ToArray();
        for (var k = 0; k <= 6; k++)
            CollectionAssert.AreEqual(all.Take(k).ToArray(), scores.Top(k).Select(h => h.PluginId).ToArray(), $"k = {k}");
        CollectionAssert.AreEqual(new long[] { 10, 20, 40 }, scores.Top(3).Select(h => h.PluginId).ToArray(), "20 and 40 tie at 60°: the lower id first");
        Assert.AreEqual(0, DenseScores.None.Top(5).Count);
    }

    [TestMethod]
    public void Normalisations_keep_the_order_of_each_side_and_dense_weight_zero_is_lexical_order()
    {
        var lexical = new Dictionary<long, double> { [1] = 12, [2] = 3, [3] = 0 };
        var dense = new Dictionary<long, double> { [1] = 0.15, [2] = 0.55, [3] = 0.35 };
        foreach (var how in Enum.GetValues<ScoreNormalisation>())
        {
            var w = RankingWeights.Default with { Normalisation = how, DenseWeight = 1 };
            var byDense = ScoreFusion.Fuse(lexical, dense, [1, 2, 3], w, lexicalScale: 20);
            CollectionAssert.AreEqual(new long[] { 2, 3, 1 }, byDense.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToArray(), $"{how}: dense alone");
            var byWords = ScoreFusion.Fuse(lexical, dense, [1, 2, 3], w with { DenseWeight = 0 }, lexicalScale: 20);
            CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, byWords.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToArray(), $"{how}: words alone");
        }
        var absolute = ScoreFusion.Fuse(lexical, dense, [1, 2, 3], RankingWeights.Default with { Normalisation = ScoreNormalisation.Absolute, DenseWeight = 0 }, lexicalScale: 24);
        Assert.AreEqual(0.5, absolute[1], 1e-12, "absolute: the best lexical hit keeps its share of the best text score");
    }
}
