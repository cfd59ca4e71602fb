using System.Collections.Concurrent;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Bench.Semantic;

/// <summary>Remembers query vectors: a sweep ranks the same queries under many weightings, the vectors never change.</summary>
internal sealed class CachingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly ConcurrentDictionary<string, float[][]> _queries = new(StringComparer.Ordinal);

    public string ModelId => inner.ModelId;
    public int Dimensions => inner.Dimensions;
    public float[][] Embed(IReadOnlyList<string> texts) => inner.Embed(texts);
    public float[] EmbedQuery(string query) => _queries.GetOrAdd("1\n" + query, _ => [inner.EmbedQuery(query)])[0];
    public float[][] EmbedQueries(IReadOnlyList<string> queries) => _queries.GetOrAdd("n\n" + string.Join("\n\n", queries), _ => inner.EmbedQueries(queries));
}
