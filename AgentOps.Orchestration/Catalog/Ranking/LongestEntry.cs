namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>The longest run of words at a position that a table holds, as the glossary and the concept lexicon read a
/// query: "base de datos" before "base", "rank higher" before "rank".</summary>
internal static class LongestEntry
{
    /// <summary>The entry of the longest run of at most <paramref name="maxWords"/> words from <paramref name="start"/>
    /// (joined by one space) that <paramref name="lookup"/> finds, with its key and length in words; null when none does.</summary>
    public static (string Key, T Entry, int Length)? At<T>(List<string> words, int start, int maxWords, Func<string, T?> lookup) where T : class
    {
        for (var n = Math.Min(maxWords, words.Count - start); n >= 1; n--)
        {
            var key = string.Join(' ', words.GetRange(start, n));
            if (lookup(key) is { } entry) return (key, entry, n);
        }
        return null;
    }
}
