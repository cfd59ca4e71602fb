using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// What text a plugin's vector is made from: the stored vectors are replaced by ones of another text and the
/// tuning half is ranked (dense alone and fused); the held-back half is never looked at here. The catalog's own
/// texts are written back at the end.
/// </summary>
internal static class SemanticTextVariants
{
    public static void Run(CatalogStore store, IReadOnlyDictionary<string, string> groups, IReadOnlyList<JudgedQuery> tuning, ITextEmbedder? embedder)
    {
        if (embedder is null) return;
        var cached = new CachingEmbedder(embedder);
        var plugins = store.LoadPlugins(store.AllPluginIds(), withComponents: true).Values.OrderBy(p => p.Id).ToList();
        static string Components(CatalogPlugin p) => string.Join(", ", p.Components.Where(c => c.Kind is "agent" or "command" or "skill").Take(12).Select(c => c.Name));
        static string Keywords(CatalogPlugin p) => string.Join(", ", p.Keywords.Take(16).Select(EmbeddingText.Words));
        var variants = new (string Name, Func<CatalogPlugin, string> Text)[]
        {
            ("catalog's text (name. description. Category. Keywords. Includes.)", p => EmbeddingText.ForPlugin(p.Name, p.Description, p.Category, p.Keywords, Components(p))),
            ("catalog's text, keywords the name or description already say left out", p => EmbeddingText.ForPlugin(p.Name, p.Description, p.Category, NewKeywords(p.Name, p.Description, p.Keywords), Components(p))),
            ("catalog's text without Category", p => EmbeddingText.ForPlugin(p.Name, p.Description, "", p.Keywords, Components(p))),
            ("name. description.", p => $"{EmbeddingText.Words(p.Name)}. {p.Description}"),
            ("name. description. Keywords.", p => $"{EmbeddingText.Words(p.Name)}. {p.Description}" + (p.Keywords.Count > 0 ? $" Keywords: {Keywords(p)}." : "")),
            ("name: description (keywords)", p => $"{EmbeddingText.Words(p.Name)}: {p.Description}" + (p.Keywords.Count > 0 ? $" ({Keywords(p)})" : "")),
            ("description. name, category, keywords", p => $"{p.Description} {EmbeddingText.Words(p.Name)}, {EmbeddingText.Words(p.Category)}, {Keywords(p)}"),
        };
        var dense = RankingWeights.Default with { DenseWeight = 1, DenseFloor = 0 };
        Console.WriteLine("\nplugin text variants (tuning half only): dense alone | fused, nDCG@5 recall@10 MRR");
        var only = Environment.GetEnvironmentVariable("AGENTOPS_BENCH_TEXT_VARIANTS") is { Length: > 0 } n ? int.Parse(n) : int.MaxValue;
        foreach (var (label, text) in variants.Skip(1).Take(only).Append(variants[0]))
        {
            var name = label;
            var work = plugins.Select(p => new VectorWork(p.Id, p.Id, text(p.Plugin))).ToList();
            var vectors = embedder.Embed(work.Select(w => w.Text).ToList());
            if (name.StartsWith("name. description.", StringComparison.Ordinal) && name.EndsWith("Keywords.", StringComparison.Ordinal))
            {
                // Ensemble: the mean of this text's vector and the catalog text's, renormalised (≈ the mean of the two cosines).
                var full = embedder.Embed(plugins.Select(p => variants[0].Text(p.Plugin)).ToList());
                for (var i = 0; i < vectors.Length; i++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(vectors[i], full[i], vectors[i]);
                    VectorMath.NormaliseInPlace(vectors[i]);
                }
                name = "mean of (name. description. Keywords.) and the catalog's text";
            }
            store.WriteVectors(work, vectors, components: false);
            var a = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, cached, dense)(q));
            var b = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, cached)(q));
            Console.WriteLine($"  {a.MeanNdcgAt5:0.000} {a.MeanRecallAt10:0.000} {a.Mrr:0.000} | {b.MeanNdcgAt5:0.000} {b.MeanRecallAt10:0.000} {b.Mrr:0.000}  {name}");
        }
    }

    /// <summary>Keywords that add a word the name and description do not already say (fewer word pieces for the model):
    /// a variant tried and not adopted, so it lives with the bench, not in the catalog's text.</summary>
    private static IReadOnlyList<string> NewKeywords(string name, string description, IReadOnlyList<string> keywords)
    {
        var said = new HashSet<string>(WordsOf(EmbeddingText.Words(name) + " " + description), StringComparer.Ordinal);
        return keywords.Where(k => !WordsOf(EmbeddingText.Words(k)).All(said.Contains)).ToList();
    }

    private static IEnumerable<string> WordsOf(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', ';', ':', '(', ')', '/', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
