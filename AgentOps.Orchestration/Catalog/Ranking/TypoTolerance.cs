namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// Typo tolerance for the lexical half: a query word the index does not know ("kuberntes", "terrafrom") is
/// searched together with the indexed terms at most one edit away (two for words of 8+ letters; a swap of two
/// neighbouring letters is one edit), the most common first. Indexed terms are Porter stems, so a word also
/// counts as known when a term is a stem of it.
/// </summary>
public static class TypoTolerance
{
    const int MinLength = 5;
    const int MaxCorrections = 2;

    /// <summary>Expands unknown words; the vocabulary is only read (a full scan of the index's terms) when a word is
    /// not found by the cheap exact lookups of <paramref name="isIndexed"/>, so ordinary queries never pay for it.</summary>
    public static ParsedQuery Expand(ParsedQuery query, Func<IReadOnlyCollection<string>, bool> isIndexed,
        Func<IReadOnlyList<(string Term, int Documents)>> vocabulary)
    {
        if (query.IsEmpty) return query;
        var changed = false;
        var concepts = new List<QueryConcept>();
        foreach (var c in query.Concepts)
        {
            var corrections = !Candidate(c.Word) || isIndexed(StemCandidates(c.Word))
                ? [] : Corrections(c.Word, vocabulary());
            if (corrections.Count == 0) { concepts.Add(c); continue; }
            changed = true;
            concepts.Add(c with { Synonyms = c.Synonyms.Concat(corrections.Where(t => !c.Synonyms.Contains(t))).ToList() });
        }
        return changed ? ParsedQuery.FromConcepts(query.Text, concepts, query.Diagnostics) : query;
    }

    // Short words and other scripts are left alone: too many neighbours, or no notion of a typo.
    private static bool Candidate(string word) => word.Length >= MinLength && word.All(char.IsAsciiLetterLower);

    // The word and its prefixes down to four letters shorter: one of them is its Porter stem when it is indexed.
    private static IReadOnlyCollection<string> StemCandidates(string word) =>
        Enumerable.Range(Math.Max(3, word.Length - 4), word.Length - Math.Max(3, word.Length - 4) + 1).Select(n => word[..n]).ToList();

    private static List<string> Corrections(string word, IReadOnlyList<(string Term, int Documents)> vocabulary)
    {
        var allowed = word.Length >= 8 ? 2 : 1;
        var found = new List<(string Term, int Distance, int Documents)>();
        foreach (var (term, docs) in vocabulary)
        {
            if (term.Length < 4 || Math.Abs(term.Length - word.Length) > allowed + 3) continue;
            // The term may be a stem ("kubernet"): compare it with the word's prefix of the same length too.
            var distance = Distance(word, term, allowed);
            if (term.Length < word.Length && word.Length - term.Length <= 3)
                distance = Math.Min(distance, Distance(word[..term.Length], term, allowed));
            if (distance <= allowed) found.Add((term, distance, docs));
        }
        return found.OrderBy(f => f.Distance).ThenByDescending(f => f.Documents).ThenBy(f => f.Term, StringComparer.Ordinal)
            .Take(MaxCorrections).Select(f => f.Term).ToList();
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without re-edits), cut off above <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }
}
