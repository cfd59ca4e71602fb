namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// The catalog's own words for what a query asks in everyday words, through <see cref="ConceptLexicon"/>: "rank higher
/// on Google" also searches "seo". Phrases are read from the left, the longest entry first, on the words' stems without
/// stop words; a term the query already says is not added. The lexical ranker searches the terms as synonyms of the
/// phrase's words (so a plugin that says "seo" covers "rank" and "higher"); the model reads them after the query.
/// </summary>
public sealed record QueryExpansion(IReadOnlyList<QueryExpansion.Hit> Hits)
{
    public sealed record Hit(string Phrase, IReadOnlyList<string> Words, IReadOnlyList<string> Terms);

    /// <summary>Every added term once, in the order the query's phrases gave them.</summary>
    public IReadOnlyList<string> Terms => Hits.SelectMany(h => h.Terms).Distinct(StringComparer.Ordinal).ToList();

    public static QueryExpansion? Of(string text)
    {
        var words = ParsedQuery.Runs(text).Where(w => !ParsedQuery.IsStopWord(w) && w.Any(char.IsLetter)).ToList();
        if (words.Count == 0) return null;
        // The lexicon is keyed by stems (ConceptLexicon.Key): each word is stemmed once, for the keys and for what is said.
        var stems = words.Select(LightStemmer.Stem).ToList();
        var said = stems.ToHashSet(StringComparer.Ordinal);
        var hits = new List<Hit>();
        for (var i = 0; i < words.Count;)
        {
            if (LongestEntry.At(stems, i, ConceptLexicon.LongestPhrase, ConceptLexicon.Terms) is not { } entry) { i++; continue; }
            var phrase = words.GetRange(i, entry.Length);
            var fresh = entry.Entry.Where(t => !t.Split(' ', '-').All(part => said.Contains(LightStemmer.Stem(part)))).ToList();
            if (fresh.Count > 0) hits.Add(new Hit(string.Join(' ', phrase), phrase, fresh));
            i += entry.Length;
        }
        return hits.Count == 0 ? null : new QueryExpansion(hits);
    }

    /// <summary>The query with each phrase's terms searched beside the phrase's words (as their synonyms).</summary>
    public ParsedQuery Apply(ParsedQuery parsed)
    {
        var concepts = parsed.Concepts.Select(c =>
        {
            var added = Hits.Where(h => h.Words.Contains(c.Word, StringComparer.Ordinal)).SelectMany(h => h.Terms)
                .Where(t => t != c.Word && !c.Synonyms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            return added.Count == 0 ? c : c with { Synonyms = [.. c.Synonyms, .. added] };
        }).ToList();
        return ParsedQuery.FromConcepts(parsed.Text, concepts, parsed.Diagnostics);
    }

    /// <summary>What the model reads: the query, then the catalog's words for it.</summary>
    public string ForModel(string text) => $"{text} ({string.Join(", ", Terms)})";
}
