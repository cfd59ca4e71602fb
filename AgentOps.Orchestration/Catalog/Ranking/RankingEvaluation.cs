using System.Text.Json;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>One judged query: what a careful person would pick (grade 2: exactly it, 1: useful), and its half of the set.</summary>
public sealed record JudgedQuery(string Query, IReadOnlyDictionary<string, int> Relevant, string Split = "tuning");

public sealed record QueryScore(string Query, double NdcgAt5, double RecallAt10, double ReciprocalRank, IReadOnlyList<string> Top5);

public sealed record EvaluationReport(IReadOnlyList<QueryScore> Queries)
{
    public double MeanNdcgAt5 => Queries.Count == 0 ? 0 : Queries.Average(q => q.NdcgAt5);
    public double MeanRecallAt10 => Queries.Count == 0 ? 0 : Queries.Average(q => q.RecallAt10);
    public double Mrr => Queries.Count == 0 ? 0 : Queries.Average(q => q.ReciprocalRank);
}

/// <summary>
/// Measures ranking quality on a judged query set: nDCG@5 with graded gains (2^grade − 1, log2 discount),
/// recall@10 (share of the judged plugins found in the first ten) and MRR (1 / rank of the first judged one).
/// Judged at the level of plugins, not catalog rows: the same plugin listed by two marketplaces is one
/// plugin (<see cref="DuplicateGroups"/>), credited once whichever row shows it, so a ranker that merges
/// duplicates is not penalised for it and one that repeats them gains nothing.
/// </summary>
public static class RankingEvaluation
{
    public static IReadOnlyList<JudgedQuery> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("queries").EnumerateArray().Select(q => new JudgedQuery(
            q.GetProperty("query").GetString()!,
            q.GetProperty("relevant").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            q.TryGetProperty("split", out var split) ? split.GetString() ?? "tuning" : "tuning")).ToList();
    }

    /// <summary>Evaluates <see cref="PluginRanker"/> with the given options (limit 10, no closure).</summary>
    public static EvaluationReport Evaluate(CatalogStore store, IReadOnlyList<JudgedQuery> queries, LearnedSignals learned, RankingWeights? weights = null,
        RankingOptions? options = null)
    {
        var o = (options ?? new RankingOptions()) with { Limit = 10, WithClosure = false, Weights = weights ?? options?.Weights ?? RankingWeights.Default };
        return Evaluate(queries, PluginGroups(store), q => PluginRanker.Rank(store, q, learned, o).Results
            .Select(r => (IReadOnlyList<string>)[r.Plugin.Id, .. r.AlsoIn]).ToList());
    }

    /// <summary>Evaluates any ranker: <paramref name="rank"/> returns rows, each the ids it shows (a merged row shows several).</summary>
    public static EvaluationReport Evaluate(IReadOnlyList<JudgedQuery> queries, IReadOnlyDictionary<string, string> groups,
        Func<string, IReadOnlyList<IReadOnlyList<string>>> rank)
    {
        string Group(string id) => groups.GetValueOrDefault(id) ?? id;
        var scores = new List<QueryScore>();
        foreach (var q in queries)
        {
            var relevant = q.Relevant.GroupBy(kv => Group(kv.Key)).ToDictionary(g => g.Key, g => g.Max(kv => kv.Value), StringComparer.Ordinal);
            var rows = rank(q.Query);
            // Each row is credited with the best judged plugin it shows that no earlier row showed.
            var credited = new HashSet<string>(StringComparer.Ordinal);
            var gains = new List<int>();
            foreach (var row in rows.Take(10))
            {
                var fresh = row.Select(Group).Distinct().Where(g => relevant.ContainsKey(g) && !credited.Contains(g)).OrderByDescending(g => relevant[g]).FirstOrDefault();
                if (fresh is null) { gains.Add(0); continue; }
                credited.Add(fresh);
                gains.Add(relevant[fresh]);
            }
            var top10Groups = rows.Take(10).SelectMany(r => r.Select(Group)).ToHashSet(StringComparer.Ordinal);
            var recall = relevant.Count == 0 ? 0 : (double)relevant.Keys.Count(top10Groups.Contains) / relevant.Count;
            var first = gains.FindIndex(g => g > 0);
            scores.Add(new QueryScore(q.Query, Ndcg(gains, relevant.Values.ToList(), 5), recall, first < 0 ? 0 : 1.0 / (first + 1),
                rows.Take(5).Select(r => r[0]).ToList()));
        }
        return new EvaluationReport(scores);
    }

    /// <summary>Every catalog plugin id to the id of the first plugin of its duplicate group.</summary>
    public static IReadOnlyDictionary<string, string> PluginGroups(CatalogStore store)
    {
        var all = store.LoadPlugins(store.AllPluginIds(), withComponents: false).Values.OrderBy(p => p.Id).ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (best, others) in DuplicateGroups.Group(all, p => p.Plugin))
        {
            map[best.Plugin.Id] = best.Plugin.Id;
            foreach (var o in others) map[o.Plugin.Id] = best.Plugin.Id;
        }
        return map;
    }

    public static double Ndcg(IReadOnlyList<int> gainsInOrder, IReadOnlyList<int> judged, int k)
    {
        static double Gain(int grade, int position) => (Math.Pow(2, grade) - 1) / Math.Log2(position + 2);
        var dcg = gainsInOrder.Take(k).Select(Gain).Sum();
        var ideal = judged.OrderByDescending(g => g).Take(k).Select(Gain).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
