using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// Ranking variants (normalisation, phrase blending, pseudo-relevance feedback, lexical weights) against the
/// defaults, on the tuning half only: the held-back half is never looked at to choose one.
/// </summary>
internal static class SemanticVariants
{
    public static void Run(CatalogStore store, IReadOnlyDictionary<string, string> groups, IReadOnlyList<JudgedQuery> tuning, ITextEmbedder? embedder, bool lexiconOnly = false)
    {
        if (embedder is null) return;
        embedder = new CachingEmbedder(embedder);
        var d = RankingWeights.Default;
        var variants = new List<(string Name, RankingWeights W)> { ("defaults", d) };
        variants.Add(("concept lexicon off", d with { ExpandLexical = false, ExpandDense = false }));
        variants.Add(("concept lexicon: lexical side only", d with { ExpandDense = false }));
        variants.Add(("concept lexicon: model side only", d with { ExpandLexical = false }));
        foreach (var n in new[] { ScoreNormalisation.MinMax, ScoreNormalisation.ZScore })
            foreach (var dw in new[] { 0.5, 0.6, 0.7, 0.8 })
                variants.Add(($"normalisation {n}, dense {dw}", d with { Normalisation = n, DenseWeight = dw }));
        foreach (var dw in new[] { 0.5, 0.6, 0.7, 0.8 })
            foreach (var floor in new[] { 0.1, 0.2 })
                variants.Add(($"normalisation Absolute, dense {dw}, floor {floor}", d with { Normalisation = ScoreNormalisation.Absolute, DenseWeight = dw, DenseFloor = floor }));
        foreach (var c in new[] { 0f, 0.5f, 0.6f, 0.7f })
            variants.Add(($"component dense factor {c}", d with { ComponentDenseFactor = c }));
        foreach (var p in new[] { 0.2, 0.35, 0.5 })
            variants.Add(($"phrase weight {p}", d with { PhraseWeight = p }));
        foreach (var (b, k) in new[] { (0.2, 3), (0.3, 3), (0.3, 5), (0.5, 3), (0.5, 5) })
            variants.Add(($"feedback {b} of top {k}", d with { FeedbackWeight = b, FeedbackDocs = k }));
        variants.Add(("dense candidates 50", d with { DenseCandidates = 50 }));
        variants.Add(("dense candidates 30", d with { DenseCandidates = 30 }));
        variants.Add(("lexical candidates 40, dense candidates 50", d with { Candidates = 40, DenseCandidates = 50 }));
        variants.Add(("lexical: no coverage", d with { Coverage = 0 }));
        variants.Add(("lexical: coverage 0.3", d with { Coverage = 0.3 }));
        variants.Add(("lexical: plain field weights (1,1,1,1)", d with { Name = 1, Description = 1, Keywords = 1, Category = 1 }));
        variants.Add(("lexical: name 3", d with { Name = 3 }));
        variants.Add(("lexical: components 0", d with { Components = 0 }));
        if (lexiconOnly) variants = variants.Take(4).ToList();
        Console.WriteLine("\nvariants (tuning half only): nDCG@5 recall@10 MRR, queries whose top 10 differ from the defaults'");
        var baseline = tuning.ToDictionary(q => q.Query, q => Top10(store, embedder, d, q.Query));
        foreach (var (name, w) in variants)
        {
            var e = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, embedder, w)(q));
            var changed = tuning.Count(q => Top10(store, embedder, w, q.Query) != baseline[q.Query]);
            Console.WriteLine($"  {e.MeanNdcgAt5:0.000} {e.MeanRecallAt10:0.000} {e.Mrr:0.000} {changed,3}  {name}");
        }
    }

    private static string Top10(CatalogStore store, ITextEmbedder embedder, RankingWeights w, string query) =>
        string.Join(",", Rankers.Hybrid(store, embedder, w)(query).Select(r => r[0]));
}
