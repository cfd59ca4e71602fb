using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AgentOps.Orchestration.Catalog.Ranking;

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

    /// <summary>Explains from the stored text itself (no second full-text query): every word of each field is
    /// attributed to the concept it is, or is a synonym of. Cheaper than highlight() on many candidates.</summary>
    public static Explanation ExplainText(ParsedQuery query, IReadOnlyList<(string Field, string Text)> fields) =>
        Explain(query, fields.Select(f => (f.Field, ParsedQuery.Words(f.Text))));

    /// <summary>Explains FTS5 highlight() output: only the marked words are attributed.</summary>
    public static Explanation Explain(ParsedQuery query, IReadOnlyList<(string Field, string Text)> highlightedColumns) =>
        Explain(query, highlightedColumns.Select(c => (c.Field, Marked(c.Text).SelectMany(ParsedQuery.Words))));

    // Which concept a word is, per query: the ranker explains dozens of plugins whose texts share most words.
    private static readonly ConditionalWeakTable<ParsedQuery, ConcurrentDictionary<string, (int Concept, string Term)>> Attributions = new();

    private static Explanation Explain(ParsedQuery query, IEnumerable<(string Field, IEnumerable<string> Words)> columns)
    {
        var attribution = Attributions.GetValue(query, _ => new ConcurrentDictionary<string, (int, string)>(StringComparer.Ordinal));
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var matched = new HashSet<int>();
        var synonyms = new List<string>();
        var seenStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, fieldWords) in columns)
        {
            var words = new List<string>();
            var text = fieldWords as IReadOnlyList<string> ?? fieldWords.ToList();
            foreach (var w in text)
            {
                var (concept, term) = attribution.GetOrAdd(w, word => Attribute(query, word));
                if (concept < 0) continue;
                // A synonym of several words ("continuous integration", "claude-code") counts only where the field says
                // all of it in order: "code" alone is not "claude-code".
                if (Parts(term) is { Length: > 1 } parts && !SaysInOrder(text, parts)) continue;
                matched.Add(concept);
                var label = query.Concepts[concept].Word;
                if (!words.Contains(label)) words.Add(label);
                if (!LightStemmer.SameWord(term, label) && !term.Split(' ').Any(t => LightStemmer.SameWord(t, label)))
                {
                    // One line per synonym word: "rollout" and "rollouts" are the same finding.
                    if (seenStems.Add(LightStemmer.Stem(w) + "\n" + label)) synonyms.Add($"{w} (for {label})");
                }
            }
            if (words.Count > 0)
                fields[field] = fields.TryGetValue(field, out var before) ? before.Concat(words).Distinct(StringComparer.Ordinal).ToList() : words;
        }
        return new Explanation(fields, matched, synonyms);
    }

    private static string[] Parts(string term) => term.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);

    private static bool SaysInOrder(IReadOnlyList<string> words, string[] parts)
    {
        for (var i = 0; i + parts.Length <= words.Count; i++)
        {
            var all = true;
            for (var j = 0; j < parts.Length && all; j++) all = LightStemmer.Matches(words[i + j], parts[j]);
            if (all) return true;
        }
        return false;
    }

    private static (int Concept, string Term) Attribute(ParsedQuery q, string word)
    {
        // The word typed first, then synonyms: "kubernetes" in a k8s query credits the k8s concept.
        for (var i = 0; i < q.Concepts.Count; i++)
            if (LightStemmer.Matches(word, q.Concepts[i].Word)) return (i, q.Concepts[i].Word);
        for (var i = 0; i < q.Concepts.Count; i++)
            foreach (var t in q.Concepts[i].Synonyms)
                if (t.Split(' ', '-').Any(part => LightStemmer.Matches(word, part))) return (i, t);
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
