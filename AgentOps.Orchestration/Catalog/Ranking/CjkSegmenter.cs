using System.Text;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// Chinese, Japanese and Korean text as searchable words. These scripts write words without spaces, so the
/// index's tokenizer (unicode61) keeps a whole phrase ("画像生成/編集" → "画像生成") as one token, and a query
/// for "画像生成" or "生成" finds no description that says more than that word alone. Every run of CJK
/// characters is read as its overlapping pairs of characters (画像生成 → 画像 像生 生成), the usual way to
/// search unsegmented text without a dictionary, on both sides: the indexed text and the query's words.
/// </summary>
public static class CjkSegmenter
{
    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF'      // hiragana, katakana (with the long vowel mark ー)
          or >= '\u3400' and <= '\u4DBF'      // CJK extension A
          or >= '\u4E00' and <= '\u9FFF'      // CJK unified ideographs
          or >= '\uF900' and <= '\uFAFF'      // compatibility ideographs
          or >= '\uAC00' and <= '\uD7AF'      // hangul syllables
          or >= '\u1100' and <= '\u11FF'      // hangul jamo
          or >= '\u3130' and <= '\u318F'      // hangul compatibility jamo
          or >= '\uFF66' and <= '\uFF9F';     // half-width katakana

    /// <summary>Splits one word (a run of letters and digits) into its non-CJK parts and the character pairs of its CJK runs.</summary>
    public static IEnumerable<string> Split(string word)
    {
        if (!word.Any(IsCjk)) { yield return word; yield break; }
        var start = 0;
        while (start < word.Length)
        {
            var cjk = IsCjk(word[start]);
            var end = start;
            while (end < word.Length && IsCjk(word[end]) == cjk) end++;
            var run = word[start..end];
            if (!cjk) yield return run;
            else if (run.Length == 1) yield return run;
            else for (var i = 0; i + 1 < run.Length; i++) yield return run.Substring(i, 2);
            start = end;
        }
    }

    /// <summary>The text with each CJK run replaced by its character pairs between spaces, for the full-text index.</summary>
    public static string Segmented(string text)
    {
        if (!text.Any(IsCjk)) return text;
        var sb = new StringBuilder(text.Length * 2);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCjk(text[i])) { sb.Append(text[i++]); continue; }
            var end = i;
            while (end < text.Length && IsCjk(text[end])) end++;
            sb.Append(' ').AppendJoin(' ', Split(text[i..end])).Append(' ');
            i = end;
        }
        return sb.ToString();
    }
}
