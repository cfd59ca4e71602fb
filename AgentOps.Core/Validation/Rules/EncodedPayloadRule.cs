using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1108: a long base64 or hex run in a plugin text file. Nobody reviews what it decodes to, and a
/// prompt or script can ask for it to be decoded and run. Runs that are plainly not payloads are left
/// alone: image data URIs, and text of low variety (a ruler of dashes, a repeated character).
/// </summary>
public static partial class EncodedPayloadRule
{
    public const int MinBase64 = 160;
    public const int MinHex = 128;

    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        // One match at a time: a MatchCollection keeps every match it has enumerated.
        for (var m = Blob().Match(file.Text); m.Success; m = m.NextMatch())
        {
            var value = m.Value;
            var hex = HexOnly().IsMatch(value);
            if (value.Length < (hex ? MinHex : MinBase64) || IsImageData(file.Text, m.Index) || Entropy(value) < (hex ? 3.0 : 4.2)) continue;
            var (line, col) = file.Position(m.Index);
            yield return new Diagnostic(DiagnosticCodes.EncodedPayload, DiagnosticSeverity.Warning, file.Path, line, col,
                $"a {value.Length}-character {(hex ? "hex" : "base64")} blob: a payload no reviewer reads; ship the decoded file instead, or explain it next to it");
        }
    }

    private static bool IsImageData(string text, int index) =>
        text.LastIndexOf("data:", index, Math.Min(index + 1, 120), StringComparison.Ordinal) is var at and >= 0
        && text.AsSpan(at, index - at).Contains("image/", StringComparison.Ordinal);

    // Shannon entropy in bits per character: base64 of real data is near 6, English text near 4.
    private static double Entropy(string s)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in s) counts[c] = counts.GetValueOrDefault(c) + 1;
        return -counts.Values.Sum(n => (double)n / s.Length * Math.Log2((double)n / s.Length));
    }

    [GeneratedRegex(@"[A-Za-z0-9+/_-]{128,}={0,2}")]
    private static partial Regex Blob();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexOnly();
}
