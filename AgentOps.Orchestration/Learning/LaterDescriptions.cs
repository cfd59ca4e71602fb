namespace AgentOps.Orchestration.Learning;

/// <summary>
/// The descriptions of the successful calls of one agent, each with the latest position it was seen at, for the
/// one question of <see cref="StepCapability.SameRole"/> capabilities cannot answer: did a call after a position
/// say a text that extends, or is extended by, a given description? Sorted (ordinal), so the texts extending d
/// are one run found by binary search, and the texts d extends are found walking down d's prefixes; with the
/// latest position of a run from a table of maxima. A scan of every later description per failed call was
/// quadratic (10,000 failed calls then 10,000 successes in another role: 10^8 comparisons).
/// </summary>
internal sealed class LaterDescriptions
{
    private readonly string[] _texts;
    /// <summary>_latest[k][j]: the latest position among _texts[j .. j + 2^k).</summary>
    private readonly List<int[]> _latest = [];

    public LaterDescriptions(IEnumerable<(string Text, int Position)> seen)
    {
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, position) in seen) latest[text] = Math.Max(position, latest.GetValueOrDefault(text, int.MinValue));
        _texts = latest.Keys.Order(StringComparer.Ordinal).ToArray();
        _latest.Add(_texts.Select(t => latest[t]).ToArray());
        for (var width = 2; width <= _texts.Length; width *= 2)
        {
            var below = _latest[^1];
            var level = new int[_texts.Length - width + 1];
            for (var j = 0; j < level.Length; j++) level[j] = Math.Max(below[j], below[j + width / 2]);
            _latest.Add(level);
        }
    }

    /// <summary>Whether a text that starts with <paramref name="description"/>, or that it starts with, was seen
    /// after <paramref name="position"/>.</summary>
    public bool AnyAfter(string description, int position) => ExtendedAfter(description, position) || PrefixAfter(description, position);

    private bool ExtendedAfter(string d, int position)
    {
        var lo = FirstNotBelow(d.AsSpan(), orEqual: true);
        int a = lo, b = _texts.Length;
        while (a < b)
        {
            var m = (a + b) / 2;
            if (_texts[m].StartsWith(d, StringComparison.Ordinal)) a = m + 1; else b = m;
        }
        return a > lo && Latest(lo, a) > position;
    }

    /// <summary>Walks down the prefixes of d that are texts: the last text not above d[..length] is either one
    /// (then the next is shorter than it) or shares only its first <c>common</c> characters with d, and no longer
    /// prefix of d can be a text.</summary>
    private bool PrefixAfter(string d, int position)
    {
        var length = d.Length;
        while (length > 0)
        {
            var at = FirstNotBelow(d.AsSpan(0, length), orEqual: false) - 1;
            if (at < 0) return false;
            var t = _texts[at];
            var common = t.AsSpan().CommonPrefixLength(d.AsSpan(0, length));
            if (common == t.Length)
            {
                if (_latest[0][at] > position) return true;
                length = t.Length - 1;
            }
            else length = common;
        }
        return false;
    }

    /// <summary>The first index whose text is at or above (<paramref name="orEqual"/>) or above <paramref name="key"/>.</summary>
    private int FirstNotBelow(ReadOnlySpan<char> key, bool orEqual)
    {
        int a = 0, b = _texts.Length;
        while (a < b)
        {
            var m = (a + b) / 2;
            var c = _texts[m].AsSpan().SequenceCompareTo(key);
            if (c > 0 || (orEqual && c == 0)) b = m; else a = m + 1;
        }
        return a;
    }

    private int Latest(int from, int to)
    {
        var k = System.Numerics.BitOperations.Log2((uint)(to - from));
        return Math.Max(_latest[k][from], _latest[k][to - (1 << k)]);
    }
}
