using System.Text.RegularExpressions;

namespace AgentOps.Core.Security;

/// <summary>A secret found in text: its kind and where it is (1-based line and column).</summary>
public sealed record SecretFinding(string Kind, int Line, int Column, int Index, int Length);

/// <summary>
/// Finds credentials and personal data in text before it is written or committed: API keys, tokens,
/// private keys, passwords, connection strings and people's e-mail addresses. Shared by the build's
/// secret check and the learning engine's redaction, so both agree on what a secret is.
/// The rule set covers every rule of secretlint's recommended preset (the independent judge in the
/// tests) and goes further where a leak was seen: keys with no END line, PGP key blocks, passwords
/// holding '/', and assignments whose name merely contains a secret word (AWS_SECRET_ACCESS_KEY=…).
/// Redact before cutting text: a cut token no longer matches any rule.
/// </summary>
public static class SecretScanner
{
    public const string Redacted = "[REDACTED]";

    /// <summary>A scan that runs longer than this on one rule treats the whole text as secret: failing
    /// closed is the only safe answer for a redactor.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<SecretFinding> Scan(string text)
    {
        var found = new List<(string Kind, int Index, int Length)>();
        // The characters already taken by a finding, so a later rule never reports inside one. A flag per
        // character (made at the first finding) instead of asking every earlier finding: that was quadratic in
        // the findings, as was counting lines from the start of the text for each one (200,000 e-mail addresses).
        bool[]? taken = null;
        try
        {
            foreach (var rule in SecretRules.All)
            {
                foreach (Match m in rule.Pattern.Matches(text))
                {
                    var (kind, g) = rule.Resolve(m);
                    if (g.Length == 0 || !rule.IsSecret(kind, g.Value) || (taken is not null && AnyTaken(taken, g.Index, g.Length))) continue;
                    taken ??= new bool[text.Length];
                    Array.Fill(taken, true, g.Index, g.Length);
                    found.Add((kind, g.Index, g.Length));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [new SecretFinding("scan-timeout", 1, 1, 0, text.Length)];
        }
        return Located(text, found);
    }

    private static bool AnyTaken(bool[] taken, int index, int length) => taken.AsSpan(index, length).Contains(true);

    /// <summary>The findings in text order, each with its line and column, counted in one pass over the text.</summary>
    private static List<SecretFinding> Located(string text, List<(string Kind, int Index, int Length)> found)
    {
        var result = new List<SecretFinding>(found.Count);
        var line = 1;
        var lineStart = 0;
        var at = 0;
        foreach (var (kind, index, length) in found.OrderBy(f => f.Index))
        {
            for (; at < index; at++)
                if (text[at] == '\n') { line++; lineStart = at + 1; }
            result.Add(new SecretFinding(kind, line, index - lineStart + 1, index, length));
        }
        return result;
    }

    /// <summary>Replaces every secret with <see cref="Redacted"/>; returns the findings it replaced.</summary>
    public static string Redact(string text, out IReadOnlyList<SecretFinding> findings)
    {
        findings = Scan(text);
        if (findings.Count == 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var f in findings)
        {
            sb.Append(text, at, f.Index - at).Append(Redacted);
            at = f.Index + f.Length;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Redacts, then cuts to at most <paramref name="maxChars"/> characters (with "..."), in
    /// that order: a secret cut in half would no longer be recognised.</summary>
    public static string RedactThenTruncate(string text, int maxChars)
    {
        var redacted = Redact(text, out _);
        if (redacted.Length <= maxChars) return redacted;
        var cut = Math.Max(0, maxChars - 3);
        // Never cut inside the marker itself: "[REDAC" would read as text.
        var marker = redacted.LastIndexOf(Redacted, Math.Min(cut, redacted.Length - 1), StringComparison.Ordinal);
        if (marker >= 0 && marker + Redacted.Length > cut) cut = marker;
        return redacted[..cut] + "...";
    }

    /// <summary>Redacts a string that may be null.</summary>
    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text, out _);

    internal static TimeSpan Timeout => MatchTimeout;
}
