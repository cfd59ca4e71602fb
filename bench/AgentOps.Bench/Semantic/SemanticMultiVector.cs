using System.Diagnostics;
using System.Text.RegularExpressions;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Bench.Semantic;

/// <summary>
/// Multi-vector plugins (issue 14, third round): besides the plugin's text vector, vectors of parts of its description
/// (sentences, clauses), scored by the best; and phrase-level late interaction (each query phrase's best match among a
/// plugin's vectors). Tuning half only; the chunk vectors live in memory only (<see cref="CatalogStore.UseChunkVectors"/>).
/// </summary>
internal static partial class SemanticMultiVector
{
    public static void Run(CatalogStore store, IReadOnlyDictionary<string, string> groups, IReadOnlyList<JudgedQuery> tuning, ITextEmbedder? embedder)
    {
        if (embedder is null) return;
        var cached = new CachingEmbedder(embedder);
        var plugins = store.LoadPlugins(store.AllPluginIds(), withComponents: false).Values.OrderBy(p => p.Id).ToList();
        var d = RankingWeights.Default;
        void Report(string name, RankingWeights w)
        {
            var e = RankingEvaluation.Evaluate(tuning, groups, q => Rankers.Hybrid(store, cached, w)(q));
            Console.WriteLine($"  {e.MeanNdcgAt5:0.000} {e.MeanRecallAt10:0.000} {e.Mrr:0.000}  {name}");
        }
        Console.WriteLine("\nmulti-vector plugins and phrase max-sim (tuning half only): nDCG@5 recall@10 MRR");
        store.UseChunkVectors(null, null);
        Report("defaults (one vector per plugin + components)", d);
        Report("lexical: coverage weighted by concept idf", d with { CoverageIdf = true });
        Report("lexical: coverage weighted by concept idf, coverage 0.8", d with { CoverageIdf = true, Coverage = 0.8 });
        Report("lexical: coverage weighted by concept idf, exponent 1", d with { CoverageIdf = true, CoverageExponent = 1 });
        if (Environment.GetEnvironmentVariable("AGENTOPS_BENCH_LEXICAL_ONLY") == "1") return;
        foreach (var p in new[] { 0.2, 0.35, 0.5 })
            Report($"phrase max-sim {p} (no chunks)", d with { PhraseMaxSimWeight = p });
        var splits = new (string Name, Func<CatalogPlugin, IEnumerable<string>> Chunks)[]
        {
            ("description sentences (descriptions of 2+ sentences)", p => Parts(Sentence(), p.Description)),
            ("description clauses (sentences, ; , and dashes)", p => Parts(Clause(), p.Description)),
            ("name: each sentence", p => Parts(Sentence(), p.Description).Select(s => $"{EmbeddingText.Words(p.Name)}: {s}")),
            ("sentences + name. keywords.", p => Parts(Sentence(), p.Description)
                .Append(p.Keywords.Count > 0 ? $"{EmbeddingText.Words(p.Name)}. {string.Join(", ", p.Keywords.Take(16).Select(EmbeddingText.Words))}." : "")),
        };
        foreach (var (label, chunker) in splits)
        {
            var owners = new List<long>();
            var texts = new List<string>();
            foreach (var p in plugins)
                foreach (var c in chunker(p.Plugin).Where(c => c.Length > 0).Distinct())
                {
                    owners.Add(p.Id);
                    texts.Add(c);
                }
            var sw = Stopwatch.StartNew();
            var vectors = embedder.Embed(texts);
            var matrix = new float[texts.Count * embedder.Dimensions];
            for (var i = 0; i < vectors.Length; i++) vectors[i].CopyTo(matrix, i * embedder.Dimensions);
            Console.WriteLine($"  {label}: {texts.Count} chunks for {owners.Distinct().Count()} of {plugins.Count} plugins, embedded in {sw.ElapsedMilliseconds} ms wall");
            store.UseChunkVectors(owners.ToArray(), matrix);
            foreach (var f in new[] { 0.8f, 0.9f, 1f })
                Report($"{label}, chunk factor {f}", d with { ChunkDenseFactor = f });
            Report($"{label}, chunk factor 0.9, phrase max-sim 0.35", d with { ChunkDenseFactor = 0.9f, PhraseMaxSimWeight = 0.35 });
        }
        store.UseChunkVectors(null, null);
    }

    /// <summary>Parts of at least three words; none when the text is one part (the plugin vector has it already).</summary>
    internal static IEnumerable<string> Parts(Regex splitter, string text)
    {
        var parts = splitter.Split(text).Select(s => s.Trim().TrimEnd('.')).Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3).ToList();
        return parts.Count >= 2 ? parts : [];
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\s*;\s*|\n+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"(?<=[.!?])\s+|\s*[;,]\s*|\s+[-–—]\s+|\n+|\s+\band\b\s+")]
    private static partial Regex Clause();
}
