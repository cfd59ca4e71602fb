namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// The words of the plugin domain in nine other languages (de, es, fr, pt, it, ru, zh, ja, ko), each mapped to the
/// English words plugin catalogs use: <c>query-glossary.tsv</c>, embedded, one <c>lang TAB foreign TAB english</c> a
/// line. The concepts were taken from the catalog's own vocabulary (frequent keywords and description words of the
/// shared real marketplaces) plus everyday task words, never from evaluation queries. The embedding model reads
/// English only, so this is how a query in another language reaches the catalog's meaning and words.
/// </summary>
public static class QueryGlossary
{
    private const string ResourceName = "AgentOps.Orchestration.query-glossary.tsv";

    private static readonly Lazy<Table> Loaded = new(() => Parse(EmbeddedTable.Read(ResourceName)));

    /// <summary>The English reading of one foreign word (lower-case, NFKC), or null.</summary>
    public static string? English(string foreign) => Loaded.Value.Words.GetValueOrDefault(foreign);

    /// <summary>The longest foreign entry (in characters) that starts at <paramref name="start"/> of a CJK run, or null.</summary>
    public static (string Foreign, string English)? LongestAt(string run, int start)
    {
        var table = Loaded.Value;
        for (var length = Math.Min(table.LongestCjk, run.Length - start); length >= 1; length--)
            if (table.Words.TryGetValue(run.Substring(start, length), out var english)) return (run.Substring(start, length), english);
        return null;
    }

    public static int Count => Loaded.Value.Words.Count;

    internal sealed record Table(IReadOnlyDictionary<string, string> Words, int LongestCjk);

    /// <summary>The table from the file's text. A line that is not three non-empty columns is skipped; the first
    /// reading of a foreign word wins (the same spelling in two languages means the same thing here or is left out).</summary>
    internal static Table Parse(string text)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var longestCjk = 0;
        foreach (var line in text.Split('\n'))
        {
            var cols = line.TrimEnd('\r').Split('\t');
            if (cols.Length != 3 || cols.Any(c => c.Trim().Length == 0) || cols[0].StartsWith('#')) continue;
            var foreign = AgentOps.Core.Security.NfkcText.Of(cols[1].Trim()).ToLowerInvariant();
            if (!words.TryAdd(foreign, cols[2].Trim().ToLowerInvariant())) continue;
            if (foreign.Any(CjkSegmenter.IsCjk)) longestCjk = Math.Max(longestCjk, foreign.Length);
        }
        return new Table(words, longestCjk);
    }
}
