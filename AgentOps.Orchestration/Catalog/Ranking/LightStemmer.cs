namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// A small suffix stripper used only to say which query word a highlighted word matched (FTS5's
/// Porter stemmer did the matching itself): "deployments" and "deploy" compare equal.
/// </summary>
public static class LightStemmer
{
    private static readonly string[] Suffixes = ["ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ies", "es", "ed", "s"];

    public static string Stem(string word)
    {
        foreach (var s in Suffixes)
            if (word.Length - s.Length >= 3 && word.EndsWith(s, StringComparison.Ordinal))
                return s == "ies" ? word[..^3] + "y" : word[..^s.Length];
        return word;
    }

    /// <summary>Whether a word of a plugin's text is the query word: same stem, or the longer one extends a
    /// stem of 5+ letters by at most 3 ("kubernetes"/"kubernete", "observ"/"observe").</summary>
    public static bool Matches(string word, string queryWord)
    {
        if (word == queryWord) return true;
        var a = Stem(word); var b = Stem(queryWord);
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 5 && longer.Length - shorter.Length <= 3 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>Whether two words are the same word for explanation purposes.</summary>
    public static bool SameWord(string a, string b)
    {
        if (a == b) return true;
        var sa = Stem(a); var sb = Stem(b);
        if (sa == sb) return true;
        var min = Math.Min(sa.Length, sb.Length);
        return min >= 4 && (sa.StartsWith(sb, StringComparison.Ordinal) || sb.StartsWith(sa, StringComparison.Ordinal));
    }
}
