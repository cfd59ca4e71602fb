namespace AgentOps.Core.Catalog.Ranking;

/// <summary>
/// Reads FTS5 highlight() output back into "which query concept matched in which field, through
/// which word": the index did the matching (with its stemmer); this only attributes each marked word
/// to the concept whose word or synonym it is.
/// </summary>
public static class MatchExplainer
{
    public sealed record Explanation(
        IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
        IReadOnlySet<int> ConceptsMatched,
        IReadOnlyList<string> SynonymMatches);

    public static Explanation Explain(ParsedQuery query, string[] highlightedColumns)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var matched = new HashSet<int>();
        var synonyms = new List<string>();
        for (var col = 0; col < highlightedColumns.Length; col++)
        {
            var words = new List<string>();
            foreach (var marked in Marked(highlightedColumns[col]))
            {
                foreach (var w in ParsedQuery.Words(marked))
                {
                    var (concept, term) = Attribute(query, w);
                    if (concept < 0) continue;
                    matched.Add(concept);
                    var label = query.Concepts[concept].Word;
                    if (!words.Contains(label)) words.Add(label);
                    if (!LightStemmer.SameWord(term, label) && !term.Split(' ').Any(t => LightStemmer.SameWord(t, label)))
                    {
                        var s = $"{w} (for {label})";
                        if (!synonyms.Contains(s)) synonyms.Add(s);
                    }
                }
            }
            if (words.Count > 0) fields[CatalogSchema.PluginTextColumns[col]] = words;
        }
        return new Explanation(fields, matched, synonyms);
    }

    private static (int Concept, string Term) Attribute(ParsedQuery q, string word)
    {
        // The word typed first, then synonyms: "kubernetes" in a k8s query credits the k8s concept.
        for (var i = 0; i < q.Concepts.Count; i++)
            if (LightStemmer.SameWord(word, q.Concepts[i].Word)) return (i, q.Concepts[i].Word);
        for (var i = 0; i < q.Concepts.Count; i++)
            foreach (var t in q.Concepts[i].Synonyms)
                if (t.Split(' ', '-').Any(part => LightStemmer.SameWord(word, part))) return (i, t);
        return (-1, "");
    }

    private static IEnumerable<string> Marked(string text)
    {
        var at = 0;
        while ((at = text.IndexOf(CatalogStore.HighlightOpen, at)) >= 0)
        {
            var end = text.IndexOf(CatalogStore.HighlightClose, at + 1);
            if (end < 0) yield break;
            yield return text[(at + 1)..end];
            at = end + 1;
        }
    }
}
