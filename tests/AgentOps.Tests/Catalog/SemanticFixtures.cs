using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Tests.Catalog;

/// <summary>
/// Embedders for tests: the real MiniLM model (from its NuGet package, copied beside the tests; loaded once per
/// run into a shared model cache) and a deterministic hashed bag-of-words embedder for tests about plumbing
/// (which rows get vectors when), where the model's meaning is beside the point and its cost is not wanted.
/// </summary>
internal static class SemanticFixtures
{
    private static readonly Lazy<ITextEmbedder> Model = new(() =>
    {
        Environment.SetEnvironmentVariable(ModelFiles.CacheVariable, ModelCache);
        return EmbeddingService.Load(out var why) ?? throw new AssertFailedException($"the MiniLM model should load from its package: {why}");
    });

    /// <summary>One model cache for the whole test run (and the CLI processes tests start).</summary>
    public static string ModelCache => Path.Combine(Path.GetTempPath(), "agentops-tests-models");

    public static ITextEmbedder MiniLm => Model.Value;
}

/// <summary>Hashed bag of words (64 dimensions), L2-normalised; counts its calls.</summary>
internal sealed class HashingEmbedder : ITextEmbedder
{
    public int Texts { get; private set; }
    public string ModelId { get; init; } = "hashing-test/64";
    public int Dimensions => 64;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        Texts += texts.Count;
        return texts.Select(t =>
        {
            var v = new float[Dimensions];
            foreach (var w in t.ToLowerInvariant().Split([' ', ',', '.', ':', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
                v[(int)((uint)w.GetHashCode(StringComparison.Ordinal) % Dimensions)] += 1;
            VectorMath.NormaliseInPlace(v);
            return v;
        }).ToArray();
    }
}
