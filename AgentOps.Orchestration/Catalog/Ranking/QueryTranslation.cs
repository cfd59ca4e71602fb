namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// The English reading of a query written in another language, word by word through <see cref="QueryGlossary"/>:
/// "Datenbank-Abfragen schneller machen" → "database queries faster make". The embedding model then reads the English
/// (it reads English only) and the lexical ranker searches both. Word by word is crude, but a bag of the right domain
/// words is what both rankers use anyway; a full translation model does not restore here.
/// <para>When it applies: any glossary word in CJK or another non-Latin script (nobody types those in an English
/// query); in Latin script, more than half of the query's words of 3+ letters read through the glossary and fewer
/// English stop words than such words, so an English query that happens to hold one foreign spelling ("red" is Spanish
/// for network) is left alone. German compounds are read by their parts ("datenbankabfragen" → database queries); a
/// phrase of up to three words is one entry ("base de datos").</para>
/// </summary>
public sealed record QueryTranslation(string English, IReadOnlyList<(string Foreign, string English)> Words)
{
    private const int MaxPhraseWords = 3;
    private const int MinCompoundPart = 4;
    // Bounds on the compound search: a hostile 4,000-letter word must not try every split of every split.
    private const int MaxCompoundLength = 40;
    private const int MaxCompoundParts = 3;

    public static QueryTranslation? Of(string query)
    {
        var tokens = ParsedQuery.Runs(query).ToList();
        if (tokens.Count == 0) return null;
        var words = new List<(string, string)>();
        var reading = new List<string>();
        int latinLong = 0, latinRead = 0, nonLatinRead = 0, stopWords = 0;
        for (var i = 0; i < tokens.Count;)
        {
            var token = tokens[i];
            if (token.Any(CjkSegmenter.IsCjk))
            {
                nonLatinRead += ReadCjk(token, words, reading);
                i++;
                continue;
            }
            if (PhraseAt(tokens, i) is { } phrase)
            {
                words.Add((phrase.Foreign, phrase.English));
                reading.Add(phrase.English);
                if (IsLatin(phrase.Foreign)) { latinRead += phrase.Length; latinLong += phrase.Length; } else nonLatinRead++;
                i += phrase.Length;
                continue;
            }
            if (IsLatin(token) && token.Length >= 3) latinLong++;
            if (ParsedQuery.IsStopWord(token)) stopWords++;
            if (Compound(token) is { } parts)
            {
                words.Add((token, parts));
                reading.Add(parts);
                if (IsLatin(token)) latinRead++; else nonLatinRead++;
            }
            // A product name or acronym reads the same in English; a one- or two-letter word left over is a foreign
            // article or conjunction ("y", "mi"), noise to the model.
            else if (token.All(char.IsAscii) && token.Length >= 3) reading.Add(token);
            i++;
        }
        var applies = nonLatinRead > 0 || (latinRead > 0 && latinRead * 2 > latinLong && stopWords < latinRead);
        return applies ? new QueryTranslation(string.Join(' ', reading.Distinct(StringComparer.Ordinal)), words) : null;
    }

    /// <summary>A CJK run read by its longest glossary words from the left; characters no entry starts at are skipped
    /// (particles such as 把 and 的). Returns how many glossary words were read.</summary>
    private static int ReadCjk(string run, List<(string, string)> words, List<string> reading)
    {
        var read = 0;
        for (var i = 0; i < run.Length;)
        {
            if (QueryGlossary.LongestAt(run, i) is { } hit)
            {
                words.Add(hit);
                reading.Add(hit.English);
                read++;
                i += hit.Foreign.Length;
            }
            else
            {
                // ASCII inside a CJK run ("用docker部署"): a name that reads the same in English.
                var start = i;
                while (i < run.Length && char.IsAscii(run[i])) i++;
                if (i > start) reading.Add(run[start..i]); else i++;
            }
        }
        return read;
    }

    /// <summary>The longest run of up to three words at <paramref name="i"/> that is one glossary entry, or null.</summary>
    private static (string Foreign, string English, int Length)? PhraseAt(List<string> tokens, int i) =>
        LongestEntry.At(tokens, i, MaxPhraseWords, QueryGlossary.English) is { } hit ? (hit.Key, hit.Entry, hit.Length) : null;

    /// <summary>A compound read as glossary words that cover it whole (an optional linking "s" between them, as in German), or null.</summary>
    private static string? Compound(string word, int parts = MaxCompoundParts)
    {
        if (parts < 2 || word.Length < 2 * MinCompoundPart || word.Length > MaxCompoundLength) return null;
        for (var cut = word.Length - MinCompoundPart; cut >= MinCompoundPart; cut--)
        {
            if (QueryGlossary.English(word[..cut]) is not { } head) continue;
            var rest = word[cut..];
            if (QueryGlossary.English(rest) is { } tail) return $"{head} {tail}";
            if (rest.Length > MinCompoundPart && rest[0] == 's' && QueryGlossary.English(rest[1..]) is { } linked) return $"{head} {linked}";
            if (Compound(rest, parts - 1) is { } more) return $"{head} {more}";
        }
        return null;
    }

    private static bool IsLatin(string word) => word.All(c => !char.IsLetter(c) || c <= '\u024F');
}
