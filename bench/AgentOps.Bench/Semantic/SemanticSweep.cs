using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// The fusion grid, evaluated on the tuning half only (the held-back half is never looked at here): reciprocal
/// rank fusion against weighted score fusion, dense weight, the weighted fusion's cosine floor and the component
/// discount. Prints the best settings of each method, so the choice of method rests on figures.
/// </summary>
internal static class SemanticSweep
{
    public static void Run(CatalogStore store, IReadOnlyDictionary<string, string> groups, IReadOnlyList<JudgedQuery> tuning, ITextEmbedder? embedder)
    {
        if (embedder is null) return;
        embedder = new CachingEmbedder(embedder);
        var results = new List<(FusionMethod Method, double N, double R, double M, string W)>();
        foreach (var method in new[] { FusionMethod.ReciprocalRank, FusionMethod.WeightedScore })
            foreach (var dense in new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 1.0 })
                foreach (var second in method == FusionMethod.ReciprocalRank ? new[] { 10.0, 60.0 } : [0.1, 0.2, 0.3])
                    foreach (var component in new[] { 0.8f, 0.9f, 1.0f })
                    {
                        var w = RankingWeights.Default with
                        {
                            Fusion = method, DenseWeight = dense, ComponentDenseFactor = component,
                            RrfK = method == FusionMethod.ReciprocalRank ? second : 60, DenseFloor = method == FusionMethod.WeightedScore ? second : 0.15,
                        };
                        var e = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, embedder, w)(q));
                        results.Add((method, e.MeanNdcgAt5, e.MeanRecallAt10, e.Mrr,
                            $"dense {dense} {(method == FusionMethod.ReciprocalRank ? "k" : "floor")} {second} component {component}"));
                    }
        foreach (var group in results.GroupBy(r => r.Method))
        {
            Console.WriteLine($"\nsweep, {group.Key} (tuning half, nDCG@5 recall@10 MRR; best 8):");
            foreach (var r in group.OrderByDescending(r => r.N + r.R).Take(8)) Console.WriteLine($"  {r.N:0.000} {r.R:0.000} {r.M:0.000}  {r.W}");
        }
    }
}
