using System.Text.Json;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>One judged query: what a careful person would pick (grade 2: exactly it, 1: useful).</summary>
public sealed record JudgedQuery(string Query, IReadOnlyDictionary<string, int> Relevant);

public sealed record QueryScore(string Query, double NdcgAt5, double RecallAt10, IReadOnlyList<string> Top5);

public sealed record EvaluationReport(IReadOnlyList<QueryScore> Queries)
{
    public double MeanNdcgAt5 => Queries.Count == 0 ? 0 : Queries.Average(q => q.NdcgAt5);
    public double MeanRecallAt10 => Queries.Count == 0 ? 0 : Queries.Average(q => q.RecallAt10);
}

/// <summary>
/// Measures ranking quality on a judged query set: nDCG@5 with graded gains (2^grade − 1, log2
/// discount) and recall@10 (share of the judged plugins found in the first ten). Used by the bench
/// scenario <c>catalog</c> and by a test that keeps the figures above a measured floor.
/// </summary>
public static class RankingEvaluation
{
    public static IReadOnlyList<JudgedQuery> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("queries").EnumerateArray().Select(q => new JudgedQuery(
            q.GetProperty("query").GetString()!,
            q.GetProperty("relevant").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal))).ToList();
    }

    public static EvaluationReport Evaluate(CatalogStore store, IReadOnlyList<JudgedQuery> queries, LearnedSignals learned, RankingWeights? weights = null)
    {
        var options = new RankingOptions { Limit = 10, WithClosure = false, Weights = weights ?? RankingWeights.Default };
        var scores = new List<QueryScore>();
        foreach (var q in queries)
        {
            var ranked = PluginRanker.Rank(store, q.Query, learned, options).Results.Select(r => r.Plugin.Id).ToList();
            scores.Add(new QueryScore(q.Query, Ndcg(ranked, q.Relevant, 5), Recall(ranked, q.Relevant, 10), ranked.Take(5).ToList()));
        }
        return new EvaluationReport(scores);
    }

    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k)
    {
        static double Gain(int grade, int position) => (Math.Pow(2, grade) - 1) / Math.Log2(position + 2);
        var dcg = ranked.Take(k).Select((id, i) => Gain(relevant.GetValueOrDefault(id), i)).Sum();
        var ideal = relevant.Values.OrderByDescending(g => g).Take(k).Select((g, i) => Gain(g, i)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.ContainsKey) / relevant.Count;
}
