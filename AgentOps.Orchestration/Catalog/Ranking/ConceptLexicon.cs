namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// Everyday and outcome phrasings mapped to the words plugin catalogs use: <c>concept-lexicon.tsv</c>, embedded, one
/// <c>phrase TAB terms</c> a line ("rank higher" → seo, "loads slowly" → web-performance). Users ask by the result they
/// want; plugins are named for the trade that gives it, and MiniLM does not connect the two (SEMANTIC_SEARCH.md, the
/// fourth round). The entries were written from the catalog's own vocabulary (its shared keywords and categories) by a
/// helper that saw no evaluation query. Phrases are keyed by their words' stems without stop words, so "the status
/// bar" and "status bars" find "status bar".
/// </summary>
public static class ConceptLexicon
{
    private const string ResourceName = "AgentOps.Orchestration.concept-lexicon.tsv";

    private static readonly Lazy<Table> Loaded = new(() => Parse(EmbeddedTable.Read(ResourceName)));

    /// <summary>The catalog terms of a phrase given as its key (<see cref="Key"/>), or null.</summary>
    public static IReadOnlyList<string>? Terms(string key) => Loaded.Value.Entries.GetValueOrDefault(key);

    public static int LongestPhrase => Loaded.Value.LongestPhrase;

    public static int Count => Loaded.Value.Entries.Count;

    /// <summary>The lookup key of a run of words: their stems, stop words left out (the same reduction on both sides).</summary>
    public static string Key(IEnumerable<string> words) => string.Join(' ', KeyWords(words));

    internal static IEnumerable<string> KeyWords(IEnumerable<string> words) =>
        words.Where(w => !ParsedQuery.IsStopWord(w)).Select(LightStemmer.Stem);

    internal sealed record Table(IReadOnlyDictionary<string, IReadOnlyList<string>> Entries, int LongestPhrase);

    /// <summary>The table from the file's text. A line that is not two non-empty columns is skipped; the first line of a
    /// phrase wins.</summary>
    internal static Table Parse(string text)
    {
        var entries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var longest = 0;
        foreach (var line in text.Split('\n'))
        {
            var cols = line.TrimEnd('\r').Split('\t');
            if (cols.Length != 2 || cols[0].StartsWith('#')) continue;
            var words = KeyWords(ParsedQuery.Runs(cols[0])).ToList();
            var terms = cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (words.Count == 0 || terms.Count == 0) continue;
            if (entries.TryAdd(string.Join(' ', words), terms)) longest = Math.Max(longest, words.Count);
        }
        return new Table(entries, longest);
    }
}
