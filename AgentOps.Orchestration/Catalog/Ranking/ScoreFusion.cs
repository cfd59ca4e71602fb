namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>How the lexical and dense rankings are combined.</summary>
public enum FusionMethod
{
    /// <summary>Reciprocal rank fusion: Σ weight / (k + rank); ignores score scales, uses only order.</summary>
    ReciprocalRank,
    /// <summary>Convex combination of scores normalised per query: lexical / best lexical, dense rescaled from a floor to the best.</summary>
    WeightedScore,
}

/// <summary>How a side's scores are rescaled per query before weighted fusion.</summary>
public enum ScoreNormalisation
{
    /// <summary>Lexical / best lexical; dense from the cosine floor (0) to the best cosine (1).</summary>
    Max,
    /// <summary>Both sides from the worst to the best candidate's score (a missing score counts as the worst).</summary>
    MinMax,
    /// <summary>Both sides as standard scores over the candidates (mean 0, deviation 1).</summary>
    ZScore,
    /// <summary>Scales that keep each side's confidence: lexical / the best candidate's text score (so a best hit that
    /// covers little of the query stays low), dense from the cosine floor (0) to a cosine of 1.</summary>
    Absolute,
}

/// <summary>
/// Fuses a lexical and a dense score per candidate into one (before the learned multiplier). Both methods are
/// kept so the bench can compare them (docs/meta-orchestrator/SEMANTIC_SEARCH.md has the figures); the default
/// is the one that did better on the tuning half.
/// </summary>
public static class ScoreFusion
{
    /// <param name="lexicalScale">For <see cref="ScoreNormalisation.Absolute"/>: the best text score before coverage (lexical scores are text × coverage factor).</param>
    public static Dictionary<long, double> Fuse(IReadOnlyDictionary<long, double> lexical, IReadOnlyDictionary<long, double> dense,
        IEnumerable<long> candidates, RankingWeights w, double lexicalScale = 0)
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
        if (w.Normalisation == ScoreNormalisation.Absolute)
        {
            var scale = lexicalScale > 0 ? lexicalScale : lexical.Values.DefaultIfEmpty(0).Max();
            foreach (var id in ids)
                fused[id] = (1 - w.DenseWeight) * (scale > 0 ? lexical.GetValueOrDefault(id) / scale : 0)
                            + w.DenseWeight * (dense.TryGetValue(id, out var d) ? Math.Max(0, d - w.DenseFloor) / (1 - w.DenseFloor) : 0);
            return fused;
        }
        var lex = Normalise(ids.Select(id => lexical.GetValueOrDefault(id)).ToArray(), 0, w.Normalisation);
        var den = Normalise(ids.Select(id => dense.TryGetValue(id, out var d) ? d : double.NaN).ToArray(), w.DenseFloor, w.Normalisation);
        for (var i = 0; i < ids.Count; i++)
            fused[ids[i]] = (1 - w.DenseWeight) * lex[i] + w.DenseWeight * den[i];
        return fused;
    }

    /// <summary>Rescales one side's scores (NaN: no score, counts as nothing).</summary>
    private static double[] Normalise(double[] scores, double floor, ScoreNormalisation how)
    {
        var present = scores.Where(s => !double.IsNaN(s)).ToArray();
        var result = new double[scores.Length];
        if (present.Length == 0) return result;
        var max = present.Max();
        switch (how)
        {
            case ScoreNormalisation.Max:
                if (max <= floor) return result;
                for (var i = 0; i < scores.Length; i++) result[i] = double.IsNaN(scores[i]) ? 0 : Math.Max(0, scores[i] - floor) / (max - floor);
                return result;
            case ScoreNormalisation.MinMax:
            {
                var min = present.Min();
                if (max <= min) return result;
                for (var i = 0; i < scores.Length; i++) result[i] = ((double.IsNaN(scores[i]) ? min : scores[i]) - min) / (max - min);
                return result;
            }
            default:
            {
                var filled = scores.Select(s => double.IsNaN(s) ? floor : s).ToArray();
                var mean = filled.Average();
                var sd = Math.Sqrt(filled.Sum(s => (s - mean) * (s - mean)) / filled.Length);
                if (sd == 0) return result;
                for (var i = 0; i < scores.Length; i++) result[i] = (filled[i] - mean) / sd;
                return result;
            }
        }
    }

    /// <summary>1-based ranks by descending score, ties broken by id (deterministic).</summary>
    private static Dictionary<long, int> Ranks(IEnumerable<KeyValuePair<long, double>> scores) =>
        scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select((kv, i) => (kv.Key, Rank: i + 1)).ToDictionary(x => x.Key, x => x.Rank);
}
