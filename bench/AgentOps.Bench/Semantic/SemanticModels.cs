using System.Diagnostics;
using AgentOps.Bench.Scenarios;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;
using static AgentOps.Bench.Semantic.BenchFigures;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// MiniLM against ArcticXs (both from their NuGet packages, same ONNX pipeline): model load, size, embedding cost
/// on the real catalog, query latency, and quality on the tuning half only, dense alone and fused.
/// </summary>
internal static class SemanticModels
{
    public static void Compare(string repo, string tmp, BenchFigures figures, IReadOnlyList<JudgedQuery> tuning)
    {
        var ensembleOnly = Environment.GetEnvironmentVariable("AGENTOPS_BENCH_ENSEMBLE_ONLY") == "1";
        foreach (var model in ensembleOnly ? [] : EmbeddingModel.Known)
        {
            var sw = Stopwatch.StartNew();
            using var embedder = EmbeddingService.Load(out var why, model);
            if (embedder is null) { Console.WriteLine($"{model.Name}: unavailable ({why})"); continue; }
            var load = sw.Elapsed.TotalMilliseconds;
            var folder = ModelFiles.Locate(model, out _)!;
            var size = new FileInfo(Path.Combine(folder, ModelFiles.ModelFile)).Length / 1024.0 / 1024.0;
            using var store = SemanticScenario.RealCatalog(repo, Path.Combine(tmp, model.Name + ".db"), out _);
            var e = CatalogEmbedder.Refresh(store, embedder);
            var groups = RankingEvaluation.PluginGroups(store);
            var denseOnly = RankingWeights.Default with { Fusion = FusionMethod.WeightedScore, DenseWeight = 1, DenseFloor = 0 };
            var dense = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, embedder, denseOnly)(q));
            var hybrid = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, embedder)(q));
            var queryTimes = new List<double>();
            foreach (var q in tuning.Concat(tuning))
            {
                var t = Stopwatch.StartNew();
                embedder.EmbedQuery(q.Query);
                queryTimes.Add(t.Elapsed.TotalMilliseconds);
            }
            var label = model.Name;
            figures.Row($"{label}: model file / load", $"{size:0.0} MB / {load:0} ms");
            figures.Row($"{label}: embed real catalog ({e.Plugins}+{e.Components} texts)", Ms(e.Elapsed.TotalMilliseconds));
            figures.Row($"{label}: query embedding p50", Ms(Percentile(queryTimes, 0.5)));
            figures.Row($"{label}: tuning dense-only nDCG@5 / recall@10 / MRR", $"{F3(dense.MeanNdcgAt5)} {F3(dense.MeanRecallAt10)} {F3(dense.Mrr)}");
            figures.Row($"{label}: tuning hybrid nDCG@5 / recall@10 / MRR", $"{F3(hybrid.MeanNdcgAt5)} {F3(hybrid.MeanRecallAt10)} {F3(hybrid.Mrr)}");
        }
        Ensemble(repo, tmp, figures, tuning);
    }

    /// <summary>Both models at once: each text's two vectors concatenated, each half scaled by 1/√2, so a cosine in the
    /// joint space is the mean of the two models' cosines (a score-level ensemble at the cost of both embeddings).</summary>
    private static void Ensemble(string repo, string tmp, BenchFigures figures, IReadOnlyList<JudgedQuery> tuning)
    {
        using var a = EmbeddingService.Load(out _, EmbeddingModel.Known[0]);
        using var b = EmbeddingService.Load(out _, EmbeddingModel.Known[1]);
        if (a is null || b is null) return;
        var ensemble = new EnsembleEmbedder(a, b);
        using var store = SemanticScenario.RealCatalog(repo, Path.Combine(tmp, "ensemble.db"), out _);
        var e = CatalogEmbedder.Refresh(store, ensemble);
        var groups = RankingEvaluation.PluginGroups(store);
        var denseOnly = RankingWeights.Default with { Fusion = FusionMethod.WeightedScore, DenseWeight = 1, DenseFloor = 0 };
        var dense = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, ensemble, denseOnly)(q));
        var hybrid = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, ensemble)(q));
        figures.Row($"ensemble {ensemble.ModelId}: embed real catalog ({e.Plugins}+{e.Components} texts)", Ms(e.Elapsed.TotalMilliseconds));
        figures.Row("ensemble: tuning dense-only nDCG@5 / recall@10 / MRR", $"{F3(dense.MeanNdcgAt5)} {F3(dense.MeanRecallAt10)} {F3(dense.Mrr)}");
        figures.Row("ensemble: tuning hybrid nDCG@5 / recall@10 / MRR", $"{F3(hybrid.MeanNdcgAt5)} {F3(hybrid.MeanRecallAt10)} {F3(hybrid.Mrr)}");
    }

    private sealed class EnsembleEmbedder(ITextEmbedder a, ITextEmbedder b) : ITextEmbedder
    {
        public string ModelId => a.ModelId + "+" + b.ModelId;
        public int Dimensions => a.Dimensions + b.Dimensions;
        public float[][] Embed(IReadOnlyList<string> texts) => Join(a.Embed(texts), b.Embed(texts));
        public float[] EmbedQuery(string query) => Join([a.EmbedQuery(query)], [b.EmbedQuery(query)])[0];
        public float[][] EmbedQueries(IReadOnlyList<string> queries) => Join(a.EmbedQueries(queries), b.EmbedQueries(queries));

        private static float[][] Join(float[][] x, float[][] y) => x.Select((v, i) =>
        {
            var joined = new float[v.Length + y[i].Length];
            v.CopyTo(joined, 0);
            y[i].CopyTo(joined, v.Length);
            System.Numerics.Tensors.TensorPrimitives.Multiply(joined, 1 / MathF.Sqrt(2), joined);
            return joined;
        }).ToArray();
    }
}
