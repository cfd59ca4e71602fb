using System.Globalization;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// The query as the embedding model sees it: its vector, its phrases' vectors (for explanations, made on first
/// use) and notes when the model covers it poorly. A query with no letter or digit gets no vector at all (only
/// punctuation has no meaning to find); another script, mostly unknown word pieces, or more text than the model
/// reads is noted (AOP1056, AOP1057) and still searched: a weak meaning match beats none.
/// </summary>
public sealed partial class SemanticQuery
{
    const double OutsideShare = 0.5;
    private SemanticQuery(string text, float[] vector, IReadOnlyList<(string Phrase, float[] Vector)> phrases)
    {
        Text = text;
        Vector = vector;
        Phrases = phrases;
    }

    public string Text { get; }
    public float[] Vector { get; }

    /// <param name="phrasesOf">The text the explanations' phrases come from when the model reads more than the user typed
    /// (the query followed by the catalog's words for it); null: <paramref name="text"/>.</param>
    public static SemanticQuery? Create(ITextEmbedder embedder, string text, List<Diagnostic> notes, string? phrasesOf = null)
    {
        if (!text.Any(char.IsLetterOrDigit)) return null;
        var letters = text.Where(char.IsLetter).ToList();
        var foreign = letters.Count == 0 ? 0 : (double)letters.Count(c => c > '\u024F') / letters.Count;
        var unknown = embedder is OnnxSentenceEmbedder onnx ? onnx.UnknownShare(text) : 0;
        if (foreign >= OutsideShare || unknown >= OutsideShare)
            notes.Add(new Diagnostic(DiagnosticCodes.QueryOutsideModel, DiagnosticSeverity.Info, "<query>", 0, 0, string.Create(CultureInfo.InvariantCulture,
                $"the query is mostly outside what the embedding model was trained on ({Math.Max(foreign, unknown):P0} {(foreign >= unknown ? "letters in another script than Latin" : "unknown word pieces")}): matches by meaning are weak for it, words still count; English wording works best")));
        if (embedder is OnnxSentenceEmbedder model && model.Tokenize(text).Length >= model.Model.MaxTokens)
            notes.Add(new Diagnostic(DiagnosticCodes.QueryTruncatedForModel, DiagnosticSeverity.Info, "<query>", 0, 0,
                $"the query is longer than the embedding model reads: only its first {model.Model.MaxTokens} word pieces count for meaning"));
        // The query and its phrases go to the model in one batch: one inference run per query.
        var phrases = Splitter().Split(phrasesOf ?? text).Select(p => p.Trim()).Where(p => p.Count(char.IsLetterOrDigit) >= 3).Distinct().Take(6).ToList();
        if (phrases.Count <= 1)
        {
            // One phrase: the text the model read is the phrase the explanations quote (with the catalog's words, if any).
            var vector = embedder.EmbedQuery(text);
            return new SemanticQuery(text, vector, [(text.Length > 80 ? text[..80] + "…" : text, vector)]);
        }
        var vectors = embedder.EmbedQueries([text, .. phrases]);
        return new SemanticQuery(text, vectors[0], phrases.Select((p, i) => (p, vectors[i + 1])).ToList());
    }

    /// <summary>The query's phrases (split at punctuation and joining words) with their vectors; the whole query when it is one phrase.</summary>
    public IReadOnlyList<(string Phrase, float[] Vector)> Phrases { get; }

    [GeneratedRegex(@"[,;:.!?()\[\]/|]+|\s+(?:and|or|then|with|from|for|into|so that|while|using|via|to)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Splitter();
}
