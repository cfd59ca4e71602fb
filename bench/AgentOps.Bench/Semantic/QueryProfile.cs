using System.Diagnostics;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;
using static AgentOps.Bench.Semantic.BenchFigures;

namespace AgentOps.Bench.Semantic;

/// <summary>Where a warm hybrid query's time goes, stage by stage (mean wall time over many runs: on a shared machine
/// the shares matter more than the absolute figures).</summary>
internal static class QueryProfile
{
    public static void Run(CatalogStore store, ITextEmbedder embedder, IReadOnlyList<string> queries, BenchFigures figures, string label)
    {
        var w = RankingWeights.Default;
        var index = store.Dense(embedder.Dimensions)!;
        var vectors = queries.ToDictionary(q => q, q => SemanticQuery.Create(embedder, q, [])!);
        var stages = new (string Name, Action<string> Run)[]
        {
            ("parse + typo tolerance", q => TypoTolerance.Expand(ParsedQuery.Parse(q), store.PluginVocabularyHasAny, store.PluginVocabulary)),
            ("query embedding (query + phrases, one batch)", q => SemanticQuery.Create(embedder, q, [])),
            ("full-text plugin hits (pool 500)", q => store.SearchPlugins(ParsedQuery.Parse(q).Match, w.FieldWeights, w.Pool, null, false)),
            ("full-text component hits (pool 1000)", q => store.SearchComponentText(ParsedQuery.Parse(q).Match, w.ComponentWeights, w.Pool * 2, null, false)),
            ("dense scores, every plugin and component", q => DenseScorer.Score(index, vectors[q].Vector, w.ComponentDenseFactor)),
            ("dense top 100", q => DenseScorer.Score(index, vectors[q].Vector, w.ComponentDenseFactor).Top(w.DenseCandidates)),
            ("load 160 plugins (no components)", q => store.LoadPlugins(DenseScorer.Score(index, vectors[q].Vector, w.ComponentDenseFactor).Top(160).Select(h => h.PluginId).ToList(), withComponents: false)),
            ("rank, whole (no closure)", q => PluginRanker.Rank(store, q, LearnedSignals.None, new RankingOptions { Embedder = embedder, WithClosure = false })),
            ("rank, whole", q => PluginRanker.Rank(store, q, LearnedSignals.None, new RankingOptions { Embedder = embedder })),
        };
        foreach (var (name, run) in stages)
        {
            foreach (var q in queries) run(q);
            var sw = Stopwatch.StartNew();
            var n = 0;
            for (var round = 0; round < 5; round++)
                foreach (var q in queries) { run(q); n++; }
            figures.Row($"{label}: profile, {name}, mean wall", Ms(sw.Elapsed.TotalMilliseconds / n));
        }
    }
}
