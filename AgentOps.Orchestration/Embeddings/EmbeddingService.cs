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
    static ITextEmbedder? cached;
    static string? cachedFailure;

    /// <summary>Environment variable that turns the model off (value "0", "off" or "false"): lexical only.</summary>
    public const string DisableVariable = "AGENTOPS_EMBEDDINGS";

    /// <summary>The shared embedder, loaded once per process; null with <paramref name="reason"/> when unavailable.</summary>
    public static ITextEmbedder? TryCreate(out string reason)
    {
        lock (Gate)
        {
            if (cached is not null) { reason = ""; return cached; }
            if (cachedFailure is not null) { reason = cachedFailure; return null; }

            var switchValue = Environment.GetEnvironmentVariable(DisableVariable);
            if (switchValue is not null && (switchValue.Equals("0", StringComparison.Ordinal) ||
                switchValue.Equals("off", StringComparison.OrdinalIgnoreCase) || switchValue.Equals("false", StringComparison.OrdinalIgnoreCase)))
            {
                reason = cachedFailure = $"semantic model turned off ({DisableVariable}={switchValue})";
                return null;
            }

            try
            {
                cached = MiniLmEmbedder.Load();
                reason = "";
                return cached;
            }
            catch (Exception error) when (error is DllNotFoundException or FileNotFoundException or BadImageFormatException
                                          or TypeInitializationException or InvalidOperationException or IOException
                                          or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or EntryPointNotFoundException)
            {
                reason = cachedFailure = $"semantic model unavailable ({error.GetType().Name}: {error.Message})";
                return null;
            }
        }
    }
}
