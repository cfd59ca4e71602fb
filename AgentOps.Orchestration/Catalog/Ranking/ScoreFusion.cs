namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>How the lexical and dense rankings are combined.</summary>
public enum FusionMethod
{
    /// <summary>Reciprocal rank fusion: Σ weight / (k + rank); ignores score scales, uses only order.</summary>
    ReciprocalRank,
    /// <summary>Convex combination of scores normalised per query: lexical / best lexical, dense rescaled from a floor to the best.</summary>
    WeightedScore,
}

/// <summary>
/// Fuses a lexical and a dense score per candidate into one (before the learned multiplier). Both methods are
/// kept so the bench can compare them (docs/meta-orchestrator/SEMANTIC_SEARCH.md has the figures); the default
/// is the one that did better on the tuning half.
/// </summary>
public static class ScoreFusion
{
    public static Dictionary<long, double> Fuse(IReadOnlyDictionary<long, double> lexical, IReadOnlyDictionary<long, double> dense,
        IEnumerable<long> candidates, RankingWeights w)
    {
        var ids = candidates.ToList();
        var fused = new Dictionary<long, double>(ids.Count);
        if (w.Fusion == FusionMethod.ReciprocalRank)
        {
            var lexRank = Ranks(lexical.Where(kv => kv.Value > 0));
            var denseRank = Ranks(dense);
            foreach (var id in ids)
                fused[id] = (lexRank.TryGetValue(id, out var lr) ? (1 - w.DenseWeight) / (w.RrfK + lr) : 0)
                            + (denseRank.TryGetValue(id, out var dr) ? w.DenseWeight / (w.RrfK + dr) : 0);
            return fused;
        }
        var maxLex = lexical.Values.DefaultIfEmpty(0).Max();
        var maxDense = dense.Values.DefaultIfEmpty(0).Max();
        var floor = w.DenseFloor;
        foreach (var id in ids)
        {
            var l = maxLex > 0 ? lexical.GetValueOrDefault(id) / maxLex : 0;
            var d = maxDense > floor && dense.TryGetValue(id, out var dv) ? Math.Max(0, dv - floor) / (maxDense - floor) : 0;
            fused[id] = (1 - w.DenseWeight) * l + w.DenseWeight * d;
        }
        return fused;
    }

    /// <summary>1-based ranks by descending score, ties broken by id (deterministic).</summary>
    private static Dictionary<long, int> Ranks(IEnumerable<KeyValuePair<long, double>> scores) =>
        scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select((kv, i) => (kv.Key, Rank: i + 1)).ToDictionary(x => x.Key, x => x.Rank);
}
