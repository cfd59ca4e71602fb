namespace AgentOps.Orchestration.Embeddings;

/// <summary>
/// The one way to get an <see cref="ITextEmbedder"/>. The model (ONNX Runtime plus ~90 MB of weights) loads
/// lazily, on the first call here, so commands that never rank (`--version`, `validate`) never pay for it.
/// When the model or the native runtime is missing, callers get null and a reason to print, and fall back to
/// lexical ranking; they never crash.
/// </summary>
public static class EmbeddingService
{
    static readonly Lock Gate = new();
    static OnnxSentenceEmbedder? cached;
    static string? cachedFailure;

    /// <summary>Environment variable that turns the model off (value "0", "off" or "false"): lexical only.</summary>
    public const string DisableVariable = "AGENTOPS_EMBEDDINGS";

    /// <summary>Environment variable naming another known model (bench comparisons): "snowflake-arctic-embed-xs".</summary>
    public const string ModelVariable = "AGENTOPS_EMBEDDING_MODEL";

    /// <summary>The shared embedder, loaded once per process; null with <paramref name="reason"/> when unavailable.</summary>
    public static ITextEmbedder? TryCreate(out string reason) => TryCreateOnnx(out reason);

    /// <summary>As <see cref="TryCreate"/>, typed for callers that also want token-level checks.</summary>
    public static OnnxSentenceEmbedder? TryCreateOnnx(out string reason)
    {
        lock (Gate)
        {
            if (cached is not null) { reason = ""; return cached; }
            if (cachedFailure is not null) { reason = cachedFailure; return null; }
            cached = Load(out var why);
            reason = why;
            if (cached is null) cachedFailure = why;
            return cached;
        }
    }

    /// <summary>Loads a fresh embedder without caching (bench model comparisons, tests of the fallback).</summary>
    public static OnnxSentenceEmbedder? Load(out string reason, EmbeddingModel? model = null)
    {
        var switchValue = Environment.GetEnvironmentVariable(DisableVariable);
        if (switchValue is "0" || string.Equals(switchValue, "off", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(switchValue, "false", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"semantic model turned off ({DisableVariable}={switchValue})";
            return null;
        }
        model ??= Environment.GetEnvironmentVariable(ModelVariable) is { Length: > 0 } name
            ? EmbeddingModel.Known.FirstOrDefault(m => m.Name == name) ?? EmbeddingModel.Default
            : EmbeddingModel.Default;
        var folder = ModelFiles.Locate(model, out reason);
        if (folder is null) return null;
        try
        {
            return OnnxSentenceEmbedder.Load(model, folder);
        }
        // A broken model file or a missing native runtime (libonnxruntime) shows up as any of several exception
        // types from a native boundary; every one of them means "rank without the model", never a crash.
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            reason = $"semantic model unavailable ({error.GetType().Name}: {error.Message.Split('\n')[0]})";
            return null;
        }
    }
}
