using System.Globalization;
using System.Text;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>One thing the user asked for: the word they typed and the synonyms searched with it.</summary>
public sealed record QueryConcept(string Word, IReadOnlyList<string> Synonyms)
{
    public IEnumerable<string> Terms => Synonyms.Prepend(Word);
}

/// <summary>
/// A query turned into concepts and an FTS5 MATCH expression. Every term is quoted, so no user text
/// is ever FTS5 syntax; punctuation separates words; stop words are dropped; any script works
/// (unicode61 tokenizes the index the same way). Long queries keep their first words (AOP1051);
/// a query with no searchable word is reported (AOP1050) with an empty match.
/// </summary>
public sealed record ParsedQuery(string Text, IReadOnlyList<QueryConcept> Concepts, string Match, IReadOnlyList<Diagnostic> Diagnostics)
{
    public const int MaxChars = 4096;
    public const int MaxConcepts = 32;

    public bool IsEmpty => Concepts.Count == 0;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "how", "i", "in", "into", "is", "it", "its",
        "me", "my", "need", "of", "on", "or", "our", "please", "should", "so", "some", "that", "the", "their", "them", "then",
        "this", "to", "up", "us", "use", "using", "want", "we", "what", "when", "which", "with", "without", "you", "your",
        "add", "make", "help", "plugin", "plugins", "tool", "tools", "something", "thing", "things",
    };

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    public static ParsedQuery Parse(string? text)
    {
        var diagnostics = new List<Diagnostic>();
        text ??= "";
        if (text.Length > MaxChars)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.QueryTruncated, DiagnosticSeverity.Warning, "<query>", 0, 0,
                $"query is {text.Length:N0} characters; only the first {MaxChars:N0} are used"));
            text = text[..MaxChars];
        }
        var words = Words(text).Where(w => !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count > MaxConcepts)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.QueryTruncated, DiagnosticSeverity.Warning, "<query>", 0, 0,
                $"query has {words.Count} distinct words; only the first {MaxConcepts} are used"));
            words = words.Take(MaxConcepts).ToList();
        }
        // A word that is a synonym of an earlier word adds nothing: "k8s kubernetes" is one concept.
        var concepts = new List<QueryConcept>();
        foreach (var w in words)
        {
            if (concepts.Any(c => c.Synonyms.Contains(w))) continue;
            concepts.Add(new QueryConcept(w, Synonyms.For(w)));
        }
        if (concepts.Count == 0)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.QueryEmpty, DiagnosticSeverity.Error, "<query>", 0, 0,
                "the query has no searchable words (it is empty, punctuation or stop words only)"));
        return FromConcepts(text, concepts, diagnostics);
    }

    /// <summary>A query from its concepts (after synonyms or typo corrections were added): the MATCH expression is rebuilt.</summary>
    public static ParsedQuery FromConcepts(string text, IReadOnlyList<QueryConcept> concepts, IReadOnlyList<Diagnostic> diagnostics)
    {
        var match = string.Join(" OR ", concepts.Select(c => "(" + string.Join(" OR ", c.Terms.Select(Quote)) + ")"));
        return new ParsedQuery(text, concepts, match, diagnostics);
    }

    /// <summary>Lower-case words: runs of letters and digits (any script), 2+ characters for ASCII; CJK runs as
    /// their character pairs (<see cref="CjkSegmenter"/>), as the index holds them.</summary>
    public static IEnumerable<string> Words(string text) =>
        // single ASCII letters and digits carry no meaning
        Runs(text).SelectMany(run => CjkSegmenter.Split(run).Where(w => !(w.Length == 1 && w[0] < 128)));

    /// <summary>The text's runs of letters and digits (with their combining marks), NFKC and lower-case, CJK left whole:
    /// what <see cref="Words"/> splits further and what <see cref="QueryTranslation"/> looks up in the glossary.</summary>
    internal static IEnumerable<string> Runs(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in NfkcText.Of(text))
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); continue; }
            if (char.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && sb.Length > 0) { sb.Append(ch); continue; }
            if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";
}
