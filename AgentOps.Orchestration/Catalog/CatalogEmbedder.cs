using System.Diagnostics;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Catalog;

/// <summary>How far a vector refresh has got (for a progress bar).</summary>
public readonly record struct EmbeddingProgress(int Done, int Total);

/// <summary>What a vector refresh did.</summary>
public sealed record EmbeddingReport(string ModelId, int Plugins, int Components, TimeSpan Elapsed)
{
    /// <summary>Texts the model ran on: identical texts are embedded once.</summary>
    public int DistinctTexts { get; init; }
    /// <summary>Rows (plugins and components) that got back the vector of their unchanged text without the model.</summary>
    public int Reused { get; init; }

    public static readonly EmbeddingReport None = new("", 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Gives every plugin and component that lacks one a vector. The catalog's fingerprints decide what is new: a
/// re-read marketplace gets new rows (no vectors), an unchanged one keeps its rows and vectors, so only changed
/// marketplaces are embedded — and of those, only texts that changed: a re-read row whose text had a vector before
/// gets it back (<c>known</c>). Identical texts run once. Texts go to the model in chunks (each one batched inside the
/// embedder) and each chunk is written in its own transaction, so an interrupted refresh keeps what it finished.
/// </summary>
public static class CatalogEmbedder
{
    /// <summary>Distinct texts per model call (each call is batched and run in parallel inside the embedder): large enough
    /// that the last batch of a call rarely leaves a core idle, small enough for a live progress bar.</summary>
    const int ChunkSize = 1024;

    /// <param name="maxRows">Embed nothing when more rows than this lack vectors (query-time refresh stays fast); null: no limit.</param>
    /// <param name="known">Vectors by text made by this model before (a re-read marketplace's unchanged plugins): reused, not embedded.</param>
    public static EmbeddingReport Refresh(CatalogStore store, ITextEmbedder embedder, IProgress<EmbeddingProgress>? progress = null, int? maxRows = null,
        IReadOnlyDictionary<string, float[]>? known = null)
    {
        var sw = Stopwatch.StartNew();
        store.UseEmbeddingModel(embedder.ModelId);
        var plugins = store.PluginsWithoutVectors();
        var components = store.ComponentsWithoutVectors();
        var total = plugins.Count + components.Count;
        if (total == 0) return new EmbeddingReport(embedder.ModelId, 0, 0, sw.Elapsed);
        var done = 0;
        // Identical texts (the same plugin in several marketplaces, a component shipped by many plugins) are embedded once;
        // texts of similar length go to the model together, so its batches carry little padding.
        var rows = plugins.Select(w => (Work: w, IsComponent: false)).Concat(components.Select(w => (Work: w, IsComponent: true)));
        var groups = rows.GroupBy(r => r.Work.Text, StringComparer.Ordinal).ToList();
        var reused = 0;
        if (known is { Count: > 0 })
        {
            var again = groups.Where(g => known.ContainsKey(g.Key)).ToList();
            Write(store, again, again.Select(g => known[g.Key]).ToArray(), ref done);
            reused = again.Sum(g => g.Count());
            groups = groups.Where(g => !known.ContainsKey(g.Key)).ToList();
        }
        if (total - reused > maxRows)
            return new EmbeddingReport(embedder.ModelId, 0, 0, sw.Elapsed) { Reused = reused };
        var distinct = groups.OrderBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var start = 0; start < distinct.Count; start += ChunkSize)
        {
            var chunk = distinct.GetRange(start, Math.Min(ChunkSize, distinct.Count - start));
            Write(store, chunk, embedder.Embed(chunk.Select(g => g.Key).ToList()), ref done);
            progress?.Report(new EmbeddingProgress(done, total));
        }
        return new EmbeddingReport(embedder.ModelId, plugins.Count, components.Count, sw.Elapsed) { DistinctTexts = distinct.Count, Reused = reused };
    }

    private static void Write(CatalogStore store, IReadOnlyList<IGrouping<string, (VectorWork Work, bool IsComponent)>> texts, float[][] vectors, ref int done)
    {
        foreach (var isComponent in new[] { false, true })
        {
            var work = new List<VectorWork>();
            var made = new List<float[]>();
            for (var i = 0; i < texts.Count; i++)
                foreach (var r in texts[i].Where(r => r.IsComponent == isComponent))
                {
                    work.Add(r.Work);
                    made.Add(vectors[i]);
                }
            if (work.Count > 0) store.WriteVectors(work, made, isComponent);
            done += work.Count;
        }
    }
}
