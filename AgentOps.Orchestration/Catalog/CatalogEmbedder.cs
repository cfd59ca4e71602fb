using System.Diagnostics;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Catalog;

/// <summary>How far a vector refresh has got (for a progress bar).</summary>
public readonly record struct EmbeddingProgress(int Done, int Total);

/// <summary>What a vector refresh did.</summary>
public sealed record EmbeddingReport(string ModelId, int Plugins, int Components, TimeSpan Elapsed)
{
    public static readonly EmbeddingReport None = new("", 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Gives every plugin and component that lacks one a vector. The catalog's fingerprints decide what is new: a
/// re-read marketplace gets new rows (no vectors), an unchanged one keeps its rows and vectors, so only changed
/// marketplaces are embedded. Texts go to the model in chunks (each one batched inside the embedder) and each
/// chunk is written in its own transaction, so an interrupted refresh keeps what it finished.
/// </summary>
public static class CatalogEmbedder
{
    const int ChunkSize = 256;

    /// <param name="maxRows">Embed nothing when more rows than this lack vectors (query-time refresh stays fast); null: no limit.</param>
    public static EmbeddingReport Refresh(CatalogStore store, ITextEmbedder embedder, IProgress<EmbeddingProgress>? progress = null, int? maxRows = null)
    {
        var sw = Stopwatch.StartNew();
        store.UseEmbeddingModel(embedder.ModelId);
        var plugins = store.PluginsWithoutVectors();
        var components = store.ComponentsWithoutVectors();
        var total = plugins.Count + components.Count;
        if (total == 0 || total > maxRows) return new EmbeddingReport(embedder.ModelId, 0, 0, sw.Elapsed);
        var done = 0;
        foreach (var (work, isComponent) in new[] { (plugins, false), (components, true) })
            for (var start = 0; start < work.Count; start += ChunkSize)
            {
                var chunk = work.Skip(start).Take(ChunkSize).ToList();
                var vectors = embedder.Embed(chunk.Select(w => w.Text).ToList());
                store.WriteVectors(chunk, vectors, isComponent);
                done += chunk.Count;
                progress?.Report(new EmbeddingProgress(done, total));
            }
        return new EmbeddingReport(embedder.ModelId, plugins.Count, components.Count, sw.Elapsed);
    }
}
