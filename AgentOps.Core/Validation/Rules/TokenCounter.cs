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

    /// <summary>
    /// The longest span handed to the tokenizer at once. Its BPE merge is quadratic in the length of one
    /// pre-token (a run of letters, of punctuation, of spaces): a 1 MB `name: aaaa…` took hours. Real words
    /// are far shorter, so cutting longer runs changes a count by at most a token per cut.
    /// </summary>
    internal const int MaxSpan = 256;

    public const string Name = "cl100k_base";

    public static int Count(string text)
    {
        var count = 0;
        for (var start = 0; start < text.Length;)
        {
            var end = SpanEnd(text, start);
            count += Tokenizer.Value.CountTokens(text.AsSpan(start, end - start));
            start = end;
        }
        return count;
    }

    // Cuts before a space that follows a non-space (" word" is one pre-token, so the cut splits none) when
    // there is one in the span; else hard at MaxSpan, never between the halves of a surrogate pair.
    private static int SpanEnd(string text, int start)
    {
        var end = start + MaxSpan;
        if (end >= text.Length) return text.Length;
        for (var cut = end; cut > start + 1; cut--)
            if (char.IsWhiteSpace(text[cut]) && !char.IsWhiteSpace(text[cut - 1])) return cut;
        return char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;
    }
}
