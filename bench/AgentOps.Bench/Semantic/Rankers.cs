using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Bench.Semantic;

/// <summary>The rankers the quality table compares, each as "query → rows of ids".</summary>
internal static class Rankers
{
    public delegate IReadOnlyList<IReadOnlyList<string>> RankRows(string query);

    /// <summary>Plain BM25 (FTS5, all fields weighted 1) over name, description, keywords and category: no synonyms,
    /// no components, no coverage, no typo tolerance, no dedup. The floor every ranker must beat.</summary>
    public static RankRows Bm25(CatalogStore store) => query =>
    {
        var parsed = ParsedQuery.Parse(query);
        if (parsed.IsEmpty) return [];
        var plain = ParsedQuery.FromConcepts(parsed.Text, parsed.Concepts.Select(c => c with { Synonyms = [] }).ToList(), []);
        var hits = store.SearchPlugins(plain.Match, [1, 1, 1, 1], 10, null, false);
        var plugins = store.LoadPlugins(hits.Select(h => h.Id).ToList(), withComponents: false);
        return hits.Select(h => (IReadOnlyList<string>)[plugins[h.Id].Plugin.Id]).ToList();
    };

    /// <summary>The ranker on main before issue 14: the same lexical formula, no typo tolerance, no dense side, no dedup, no
    /// glossary, no concept lexicon.</summary>
    public static RankRows Old(CatalogStore store) =>
        Of(store, new RankingOptions
        {
            Embedder = null, TypoTolerance = false, Deduplicate = false, TranslateQuery = false,
            Weights = RankingWeights.Default with { ExpandLexical = false, ExpandDense = false },
        });

    /// <summary>The hybrid ranker with the given embedder and weights.</summary>
    public static RankRows Hybrid(CatalogStore store, ITextEmbedder? embedder, RankingWeights? weights = null, LearnedSignals? learned = null) =>
        Of(store, new RankingOptions { Embedder = embedder, Weights = weights ?? RankingWeights.Default }, learned);

    public static RankRows Of(CatalogStore store, RankingOptions options, LearnedSignals? learned = null)
    {
        var o = options with { Limit = 10, WithClosure = false };
        return query => PluginRanker.Rank(store, query, learned ?? LearnedSignals.None, o).Results
            .Select(r => (IReadOnlyList<string>)[r.Plugin.Id, .. r.AlsoIn]).ToList();
    }
}
