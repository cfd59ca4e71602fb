using Microsoft.ML.Tokenizers;

namespace AgentOps.Core.Validation;

/// <summary>
/// Counts tokens with a real BPE tokenizer (tiktoken cl100k_base, from Microsoft.ML.Tokenizers: managed,
/// its vocabulary embedded in a NuGet package). Claude's own tokenizer is not published; cl100k is a close
/// stand-in for English and code (within about 10 %), far better than characters / 4.
/// </summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public const string Name = "cl100k_base";

    public static int Count(string text) => Tokenizer.Value.CountTokens(text);
}
